"""Voices benchmark (issue 12): what finding voices costs on a corpus of generated articles, each figure
beside a baseline measured in the same run.

- In the reader (headless, Textual's Pilot at 200x50, animations off), on first use (nothing prepared in
  the background): seconds from pressing `v` to the voices view on screen, beside the Pilot's own cost of
  a key press on a trivial app (the floor) and beside opening the perspectives view (`p`) the same way;
  and the CPU seconds of the voices the view works out then (the articles it shows). Each run hands the reader a fresh copy of the analysed corpus (its session empty), so every run is a
  true first use. Target: voices under 1 s on 1,000 articles.
- In the models, CPU seconds (process_time) to build a VoiceIndex and match its speakers (every
  article's voices, then the speakers across articles), beside the CPU seconds of analysing the same
  articles in this process without the cache (the run without voices): the ratio is what voices add to
  an analysis. A fresh corpus copy each run.

    uv run python benchmarks/bench_voices.py [--articles 1000] [--runs 3]

Figures are printed (median, min-max of the runs), never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TEXTUAL_ANIMATIONS"] = "none"

from benchmarks.bench_reader import SIZE, pilot_floor  # noqa: E402 (after the environment is set)
from models.document import Corpus  # noqa: E402


def fresh(corpus: Corpus) -> Corpus:
    """A copy of `corpus` with an empty session (no index worked out yet)."""
    return pickle.loads(pickle.dumps(corpus))


async def open_view(paths: list[str | Path], config, corpus: Corpus, key: str) -> float:
    """Seconds from pressing `key` in a freshly opened reader (nothing prepared) to its view on screen."""
    from tui.app import ParallaxApp
    from tui.reader import ReaderScreen
    from tui.screens.perspectives import PerspectivesScreen
    from tui.screens.voices import VoicesScreen

    screen_type = {"p": PerspectivesScreen, "v": VoicesScreen}[key]
    app = ParallaxApp(paths, config, corpus=corpus)
    setattr(app, "_prepare_views", lambda corpus: None)  # first use: nothing counted in advance
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0.005)
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press(key)
        while not isinstance(app.screen, screen_type):
            await pilot.pause(0.001)
        await pilot.pause()
        return time.perf_counter() - started


def voices_cpu(corpus: Corpus) -> tuple[float, int, int]:
    """CPU seconds to find every article's voices and match the speakers, on a fresh copy; voices, speakers."""
    from models.insight.voices import VoiceIndex

    copy = fresh(corpus)
    started = time.process_time()
    index = VoiceIndex(copy)
    found = sum(len(v) for v in index.by_article.values())
    speakers = len(index.speakers)
    return time.process_time() - started, found, speakers


def shown_cpu(corpus: Corpus) -> float:
    """CPU seconds of the voices the view works out on first use: those of the articles it shows as columns
    (the reader's window), on a fresh copy."""
    from models.insight.voices import voices
    from tui.screens.voices import MAX_ARTICLE_COLUMNS

    copy = fresh(corpus)
    started = time.process_time()
    voices(Corpus(tuple(copy.articles[:MAX_ARTICLE_COLUMNS]), copy.topics, (), ())).speakers
    return time.process_time() - started


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.3f}  ({min(values):.3f}-{max(values):.3f})"


async def main_async(articles: int, runs: int) -> None:
    from benchmarks.make_corpus import generate
    from models.config import load_config
    from models.loader import analyze

    config = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PARALLAX_CACHE_DIR"] = str(Path(tmp) / "cache")
        os.environ["PARALLAX_DATA_DIR"] = str(Path(tmp) / "data")
        folder = Path(tmp) / "many"
        generate(articles, folder)
        started = time.process_time()
        corpus = analyze([folder], config, cache=False, jobs=1)
        analysis = time.process_time() - started

        cpu, shown = [], []
        for _ in range(runs):
            seconds, found, speakers = voices_cpu(corpus)
            cpu.append(seconds)
            shown.append(shown_cpu(corpus))

        await pilot_floor(5)  # warm Textual up before measuring anything
        floor = statistics.median(await pilot_floor(30))
        opened: dict[str, list[float]] = {"p": [], "v": []}
        for _ in range(runs):
            for key in ("p", "v"):
                opened[key].append(await open_view([folder], config, fresh(corpus), key))

    passages = sum(len(a.passages) for a in corpus.articles)
    print(f"Voices benchmark: {len(corpus.articles)} generated articles ({passages} passages), {runs} runs,"
          f" median (min-max)\n")
    print("Models, CPU seconds (process_time)")
    print(f"  analysis without voices (cache off, one process)   {analysis:7.3f}")
    print(f"  voices: VoiceIndex, every article + speakers     {spread(cpu)}   {found} voices, {speakers} speakers")
    print(f"  analysis + voices / analysis                       {(analysis + statistics.median(cpu)) / analysis:7.3f}")
    print(f"\nReader at {SIZE[0]}x{SIZE[1]}, first use (nothing prepared), seconds from the key to the view on screen")
    print(f"  Pilot floor (a key on a trivial app)               {floor:7.3f}")
    print(f"  perspectives (p)                                 {spread(opened['p'])}")
    print(f"  voices (v)                                       {spread(opened['v'])}")
    print(f"  of which voices worked out (the articles shown), cpu {spread(shown)}")
    print(f"  voices above the floor                             {statistics.median(opened['v']) - floor:7.3f}"
          "   (target < 1 s on 1,000 articles)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main_async(args.articles, args.runs))


if __name__ == "__main__":
    main()
