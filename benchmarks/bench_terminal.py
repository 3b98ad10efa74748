"""First paint in a real terminal: seconds from starting a command in tmux to article text on its screen.

The Pilot benchmark (bench_reader.py) runs headless inside one process; a person starts a process in a
terminal and waits for the interpreter, the imports, the analysis and the first frame. This starts each
command in a detached tmux session (200x50 by default) and reads the pane with `tmux capture-pane -p` every
few milliseconds until the expected text appears. Beside parallax it measures a Textual hello-world started
the same way, in turn with it (A B A B ...), so the ratio holds on a busy machine.

    uv run python benchmarks/bench_terminal.py [--runs 7] [--large] [--via-uv]

- seeds: `parallax` on the bundled seeds, with the analysis cache warm (as on every start but the first) and
  cold (an empty cache folder);
- --large: three articles of 5,000 paragraphs each, cold: when the first article's text shows while the
  others are still loading;
- --via-uv: start both through `uv run` as the README says, instead of the virtual environment's scripts.

Start-up is measured as users have it: PYTHONDONTWRITEBYTECODE is removed from the commands' environment
(these machines set it), so Python keeps the .pyc files it writes. Needs tmux; prints figures, asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HELLO = """from textual.app import App
from textual.widgets import Static


class Hello(App):
    def compose(self):
        yield Static("Hello, world")


Hello().run()
"""


def opening_words(text: str, width: int = 24) -> str:
    from tests.support.screen import opening_words as words

    return words(text, width)


def first_words(paths: list[Path]) -> str:
    """What parallax shows first on these files: the first article's first passage's opening words."""
    from models.config import load_config
    from models.loader import analyze

    corpus = analyze(paths, load_config(), cache=False)
    return opening_words(corpus.articles[0].passages[0].text)


_runs = 0
KEEPER = f"bench-terminal-{os.getpid()}-keeper"  # one session held open, so the tmux server never exits between runs


def tmux(args: list[str]) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "TMUX"})
    if done.returncode != 0:
        raise RuntimeError(f"tmux {' '.join(args[:3])}: {done.stderr.strip()}")
    return done.stdout


def time_to_text(command: list[str], text: str, env: dict[str, str], size: tuple[int, ...],
                 timeout: float = 120.0) -> float:
    """Seconds from starting `command` in a fresh tmux session to `text` on its screen."""
    global _runs
    _runs += 1
    session = f"bench-terminal-{os.getpid()}-{_runs}"
    shell = " ".join(shlex.quote(c) for c in command)
    started = time.perf_counter()
    tmux(["new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]),
          "env", *[f"{k}={v}" for k, v in env.items()], "sh", "-c", f"exec {shell}"])
    try:
        while True:
            screen = tmux(["capture-pane", "-p", "-t", session])
            if text in screen:
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"{text!r} not on screen after {timeout:.0f} s:\n{screen}")
            time.sleep(0.005)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each command (after one warm-up)")
    parser.add_argument("--large", action="store_true", help="also 3 x 5,000 paragraphs, cold")
    parser.add_argument("--via-uv", action="store_true", help="start both through `uv run`")
    parser.add_argument("--size", default="200x50")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    assert len(size) == 2

    tmp = Path(tempfile.mkdtemp(prefix="bench-terminal-"))
    hello = tmp / "hello.py"
    hello.write_text(HELLO, encoding="utf-8")
    venv_bin = Path(sys.executable).parent
    if args.via_uv:
        python, parallax = ["uv", "run", "--project", str(ROOT), "python"], ["uv", "run", "--project", str(ROOT), "parallax"]
    else:
        python, parallax = [str(venv_bin / "python")], [str(venv_bin / "parallax")]
    base = {"PARALLAX_DATA_DIR": str(tmp / "data"), "PARALLAX_CONFIG_DIR": str(tmp / "config"),
            "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as users have it: Python keeps the .pyc it writes
    os.environ.pop("TEXTUAL_ANIMATIONS", None)

    tmux(["new-session", "-d", "-s", KEEPER, "sleep", "86400"])
    try:
        measure(args, size, tmp, python, parallax, base)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", KEEPER], capture_output=True)


def measure(args: argparse.Namespace, size: tuple[int, ...], tmp: Path, python: list[str], parallax: list[str],
            base: dict[str, str]) -> None:
    hello = tmp / "hello.py"
    seeds = ROOT / "seeds"
    cases: list[tuple[str, list[str], str, bool]] = [
        ("seeds, warm cache", [*parallax, str(seeds)], first_words([seeds]), False),
        ("seeds, cold cache", [*parallax, str(seeds)], first_words([seeds]), True),
    ]
    if args.large:
        from benchmarks.bench_reader import build_large

        large = build_large(tmp / "large")
        cases.append(("3 x 5,000 paragraphs, cold", [*parallax, *map(str, large)], first_words(large[:1]), True))

    print(f"First text on screen in tmux at {size[0]}x{size[1]}, {args.runs} runs each after a warm-up, "
          f"{'through uv run' if args.via_uv else 'from the virtual environment'}; hello-world in turn with each")
    print(f"{'':<30} {'parallax s':>22} {'hello-world s':>22} {'ratio':>8}")
    print(f"{'':<30} {'median (min-max)':>22} {'median (min-max)':>22} {'median':>8}")
    for label, command, text, cold in cases:
        mine, theirs, ratios = [], [], []
        for n in range(args.runs + 1):
            cache = tmp / f"cache-{label}-{n}" if cold else tmp / f"cache-{label}"
            env = {**base, "PARALLAX_CACHE_DIR": str(cache)}
            a = time_to_text(command, text, env, size)
            b = time_to_text([*python, str(hello)], "Hello, world", env, size)
            if n:  # the first pair warms the disk cache and writes the .pyc files
                mine.append(a)
                theirs.append(b)
                ratios.append(a / b)
        print(f"  {label:<28} {statistics.median(mine):8.2f} ({min(mine):.2f}-{max(mine):.2f})    "
              f"{statistics.median(theirs):8.2f} ({min(theirs):.2f}-{max(theirs):.2f})    "
              f"{statistics.median(ratios):6.1f}x")
    print(f"  text looked for on the first case: {cases[0][2]!r}")


if __name__ == "__main__":
    main()
