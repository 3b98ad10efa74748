"""Reader benchmark: time to first paint and key latency, on the seeds and on three 5,000-passage articles.

Everything runs in one process, headless through Textual's Pilot at 200x50, with animations off:

- the Pilot's own cost per key press, measured on a trivial app (the floor every key latency is reported
  above);
- time to first paint (clock started before the App is built, stopped when article text is on the screen as drawn)
  on the seeds and on a corpus of three articles of 5,000 passages each: cold (empty analysis cache), warm
  (cache filled by the cold run) and with the corpus handed in (the reader's own cost);
- median and p95 latency of next-passage (j), follow-link (enter) and page-down on the large corpus, minus
  the floor;
- how long the perspectives (p) and voices (v) views take to open, on the seeds and on 1,000 articles made
  by benchmarks/make_corpus.py: right after the reader opens (first use) and once the background
  preparation has run, minus the floor.

    uv run python benchmarks/bench_reader.py [--presses 60] [--views-articles 1000]

Targets: first paint on the seeds <= 0.5 s; with 3 x 5,000 passages <= 1.5 s; key p95 <= 50 ms above the
floor (issue 4); views open in < 100 ms on the seeds and < 1 s on 1,000 articles (issue 7). Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TEXTUAL_ANIMATIONS"] = "none"
SIZE = (200, 50)
POLL = 0.005  # seconds between looks at the screen while waiting for text

from textual.app import App, ComposeResult  # noqa: E402 (after the environment is set)
from textual.widgets import Static  # noqa: E402

from models.config import Config  # noqa: E402
from models.document import Corpus  # noqa: E402


def build_large(out: Path, articles: int = 3, passages: int = 5000, seed: int = 7) -> list[Path]:
    """Three long articles made of the seeds' body paragraphs, each paragraph varied so none repeats."""
    from models.config import load_config
    from models.loader import analyze

    corpus = analyze([ROOT / "seeds"], load_config(), cache=False)
    paragraphs = [p.text for a in corpus.articles for p in a.passages]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(articles):
        body = []
        for i in range(passages):
            words = rng.choice(paragraphs).split()
            k = rng.randrange(len(words))
            words[k] = f"{words[k]}-{n}-{i}"  # every paragraph differs, so no dedupe collapses them
            body.append(" ".join(words))
        path = out / f"long-{n + 1}.txt"
        path.write_text(f"A long article number {n + 1} on Turkey, Russia and NATO\n\nBy Test Writer\n\n"
                        + "\n\n".join(body) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def pilot_floor(presses: int) -> list[float]:
    """What a key press plus pause costs the Pilot on an app that does nothing."""
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Static

    class Trivial(App):
        BINDINGS = [Binding("j", "noop", "noop")]

        def compose(self):
            yield Static("trivial")

        def action_noop(self) -> None:
            pass

    times = []
    async with Trivial().run_test(size=SIZE) as pilot:
        for _ in range(presses):
            started = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            times.append(time.perf_counter() - started)
    return times


def text_on_screen(app: App) -> bool:
    """Article text is on the screen as drawn (not just a reader screen in the DOM, which a loading
    indicator or a covering screen can hide): the focused passage's first words."""
    from tests.support.screen import opening_words, shows
    from tui.reader import ReaderScreen

    reader = app.screen
    if not isinstance(reader, ReaderScreen) or reader.state.empty:
        return False
    passage = reader.state.passage()
    return passage is not None and shows(app, opening_words(passage.text))


async def hello_paint() -> float:
    """Seconds until a Textual hello-world shows its text, measured as first_paint measures the reader."""
    from tests.support.screen import shows

    class Hello(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello, world")

    started = time.perf_counter()
    app = Hello()
    async with app.run_test(size=SIZE) as pilot:
        while not shows(app, "Hello, world"):
            await pilot.pause(POLL)
        return time.perf_counter() - started


async def first_paint(paths: list[Path], config: Config, corpus: Corpus | None = None) -> tuple[float, float, Corpus]:
    """Seconds until article text is on screen (the reader may show the first articles while the rest
    load), seconds until the whole corpus (with its links) is in, and that corpus."""
    from tui.app import ParallaxApp

    started = time.perf_counter()
    app = ParallaxApp(list(paths), config, corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        while not text_on_screen(app):
            await pilot.pause(POLL)
        painted = time.perf_counter() - started
        while app.corpus is None:
            await pilot.pause(0.01)
        complete = time.perf_counter() - started
        corpus = app.corpus
    return painted, complete, corpus


async def key_latency(paths, config, corpus, presses: int) -> dict[str, list[float]]:
    from tui.app import ParallaxApp
    from tui.reader import ReaderScreen

    app = ParallaxApp(paths, config, corpus=corpus)
    out: dict[str, list[float]] = {"next passage (j)": [], "follow link (enter)": [], "page down": []}
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0.005)
        await pilot.pause()
        screen = app.screen
        for key, name in (("j", "next passage (j)"), ("pagedown", "page down")):
            for _ in range(presses):
                started = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                out[name].append(time.perf_counter() - started)
        for _ in range(presses):
            if not screen.state.links():
                screen.state.move_on_topic(1)
                screen.refresh_view()
                await pilot.pause()
            started = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            out["follow link (enter)"].append(time.perf_counter() - started)
    return out


async def view_times(paths, config, corpus) -> dict[str, tuple[float, float]]:
    """(first use, prepared) seconds to open each view, Pilot press included."""
    from tui.app import ParallaxApp
    from tui.reader import ReaderScreen
    from tui.screens.perspectives import PerspectivesScreen
    from tui.screens.voices import VoicesScreen

    out: dict[str, list[float]] = {"perspectives (p)": [], "voices (v)": []}
    for prepared in (False, True):
        for key, name, screen_type in (("p", "perspectives (p)", PerspectivesScreen), ("v", "voices (v)", VoicesScreen)):
            app = ParallaxApp(paths, config, corpus=corpus)
            if not prepared:
                setattr(app, "_prepare_views", lambda corpus: None)  # first use: nothing counted in advance
            async with app.run_test(size=SIZE) as pilot:
                while not isinstance(app.screen, ReaderScreen):
                    await pilot.pause(0.005)
                await pilot.pause()
                if prepared:
                    await app.workers.wait_for_complete()
                started = time.perf_counter()
                await pilot.press(key)
                while not isinstance(app.screen, screen_type):
                    await pilot.pause(0.001)
                await pilot.pause()
                out[name].append(time.perf_counter() - started)
    return {name: (values[0], values[1]) for name, values in out.items()}


async def main_async(presses: int, views_articles: int, paint_only: bool) -> None:
    from models.config import load_config

    config = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PARALLAX_CACHE_DIR"] = str(Path(tmp) / "cache")
        os.environ["PARALLAX_DATA_DIR"] = str(Path(tmp) / "data")
        large = build_large(Path(tmp) / "large")
        seeds = [ROOT / "seeds"]

        await pilot_floor(5)  # warm Textual up before measuring anything
        floor = await pilot_floor(presses)
        floor_median, floor_p95 = statistics.median(floor), pct(floor, 0.95)
        hello = statistics.median([await hello_paint() for _ in range(5)])

        rows = []
        big_corpus: Corpus | None = None
        for label, paths in (("seeds (5 articles)", seeds), ("3 x 5,000 passages", large)):
            cold, cold_all, corpus = await first_paint(paths, config)
            warm, warm_all, _ = await first_paint(paths, config)
            handed, _, _ = await first_paint(paths, config, corpus=corpus)
            passages = sum(len(a.passages) for a in corpus.articles)
            rows.append((label, passages, len(corpus.links), cold, cold_all, warm, warm_all, handed))
            if paths is large:
                big_corpus = corpus
        assert big_corpus is not None

        latency: dict[str, list[float]] = {}
        views: list[tuple[str, dict[str, tuple[float, float]]]] = []
        if not paint_only:
            latency = await key_latency(large, config, big_corpus, presses)

            from benchmarks.make_corpus import generate
            from models.loader import analyze

            seeds_corpus = analyze(seeds, config, cache=False)
            generate(views_articles, Path(tmp) / "many")
            many_corpus = analyze([Path(tmp) / "many"], config)
            views = [("seeds", await view_times(seeds, config, seeds_corpus)),
                     (f"{views_articles} articles", await view_times([Path(tmp) / "many"], config, many_corpus))]

    print(f"Reader benchmark at {SIZE[0]}x{SIZE[1]} (Pilot, animations off), {presses} presses per key\n")
    print(f"Pilot floor on a trivial app: median {floor_median * 1000:.1f} ms, p95 {floor_p95 * 1000:.1f} ms")
    print(f"Hello-world app, start to its text on screen: median of 5 {hello:.3f} s (Textual already imported;")
    print("the real-terminal comparison, imports and all, is benchmarks/bench_terminal.py)\n")
    print("First paint: start to article text on screen / everything loaded (s)")
    print("                                     passages  links   cold          warm          corpus handed in")
    for label, passages, links, cold, cold_all, warm, warm_all, handed in rows:
        print(f"  {label:<34} {passages:>8} {links:>6}  {cold:5.2f} / {cold_all:5.2f}  {warm:5.2f} / {warm_all:5.2f}"
              f"  {handed:6.2f}")
    if latency:
        print("\nKey latency on 3 x 5,000 passages, above the Pilot floor (ms)")
        print("                          median    p95   (raw median / p95)")
        for name, values in latency.items():
            med, p95 = statistics.median(values), pct(values, 0.95)
            print(f"  {name:<22} {max(0.0, med - floor_median) * 1000:7.1f} {max(0.0, p95 - floor_p95) * 1000:7.1f}"
                  f"   ({med * 1000:.1f} / {p95 * 1000:.1f})")
    if views:
        print("\nViews: time to open, above the Pilot floor (ms)      first use   prepared")
        for label, times in views:
            for name, (first, prepared) in times.items():
                print(f"  {label:<16} {name:<20}           {max(0.0, first - floor_median) * 1000:8.0f} "
                      f"{max(0.0, prepared - floor_median) * 1000:10.0f}")
    print("\nTargets: first paint seeds <= 0.5 s, 3 x 5,000 <= 1.5 s; key p95 <= 50 ms")
    print("above the floor; views < 100 ms on the seeds, < 1 s on 1,000 articles.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--views-articles", type=int, default=1000)
    parser.add_argument("--paint-only", action="store_true", help="only the first-paint table (quicker)")
    args = parser.parse_args()
    asyncio.run(main_async(args.presses, args.views_articles, args.paint_only))


if __name__ == "__main__":
    main()
