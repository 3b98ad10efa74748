"""The command line's progress bar while articles load: a rich bar on stderr, only when loading is slow.

    with rich_progress() as progress:
        corpus = analyze(paths, config, progress)

`progress(n, total, path)` is the callback `models.loader.analyze` / `iter_articles` call before each file.
Nothing is drawn for the first half second (a small corpus, or a warm cache, loads without flicker), nor when
stderr is not a terminal (pipes, scripts, tests), and the bar is removed when loading ends, so stdout (`--json`)
and the problem lines on stderr stay exactly as they were. File names are article data: they are shown as
plain text, never as markup.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

DELAY = 0.5  # seconds of loading before a bar appears


class ProgressBar:
    """A `progress(n, total, path)` callback that shows a bar once loading has taken `delay` seconds."""

    def __init__(self, console: Console | None = None, delay: float = DELAY, label: str = "Analysing") -> None:
        self.console = console or Console(stderr=True)
        self.delay = delay
        self.label = label
        self._start = time.monotonic()
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._last: tuple[int, int] = (0, 0)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __call__(self, n: int, total: int, path: str) -> None:
        self._last = (n, total)
        if self._bar is None:
            if not self.console.is_terminal or time.monotonic() - self._start < self.delay:
                return
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[file]}", markup=False, style="dim"),
                console=self.console,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total, completed=n - 1, file="")
        assert self._task is not None
        self._bar.update(self._task, completed=n - 1, total=total, file=_short(path))

    def phase(self, label: str) -> None:
        """Name what happens now (e.g. "Linking passages" after the last file)."""
        self.label = label
        if self._bar is not None and self._task is not None:
            n, total = self._last
            self._bar.update(self._task, description=label, completed=total, file="")

    def refresh(self) -> None:
        """Draw now (the bar redraws itself ten times a second anyway)."""
        if self._bar is not None:
            self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextmanager
def rich_progress(console: Console | None = None, delay: float = DELAY) -> Iterator[ProgressBar]:
    """A progress callback for loading articles; the bar (if one was shown) is removed on exit."""
    bar = ProgressBar(console, delay)
    try:
        yield bar
    finally:
        bar.close()


def _short(path: str, width: int = 48) -> str:
    path = "".join(ch if ch.isprintable() else "?" for ch in path)
    return path if len(path) <= width else "…" + path[-(width - 1):]
