"""The command line's progress bar while articles load: a rich bar on stderr, only when loading is slow.

    with rich_progress() as bar:
        for event in load(paths, config):
            if isinstance(event, Progress):
                bar.show(event)          # the phase by name, files done, the file and its step

(`bar(n, total, path)`, the older callback form, still works.) Nothing is drawn for the first half second (a
small corpus, or a warm cache, loads without flicker), nor when stderr is not a terminal (pipes, scripts,
tests), and the bar is removed when loading ends, so stdout (`--json`) and the problem lines on stderr stay
exactly as they were. The bar appears on time even when no event comes (one large article analysing for
a minute): a timer brings it up, and it then shows the time running. File names are article data: they are
shown as plain text, never as markup.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from models.display import display

if TYPE_CHECKING:
    from models.events import Progress as LoadProgress

DELAY = 0.5  # seconds of loading before a bar appears


class ProgressBar:
    """Shows the loader's progress on a bar once loading has taken `delay` seconds."""

    def __init__(self, console: Console | None = None, delay: float = DELAY, label: str = "Analysing") -> None:
        self.console = console or Console(stderr=True)
        self.delay = delay
        self.label = label
        self._start = time.monotonic()
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._last: tuple[int, int | None] = (0, 0)  # done of total (None: a phase with no count)
        self._files = 0  # files to load, once known
        self._file = ""
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._closed = False

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __call__(self, n: int, total: int, path: str) -> None:
        """The older callback: file `n` of `total` is done."""
        self._update(self.label, n, total, _short(path))

    def show(self, progress: LoadProgress) -> None:
        """One of the loader's Progress events: the phase by name, how far, the file and its step. The corpus
        stage (after the last file) has no count a bar could fill: the bar pulses, and says how many files
        were read, instead of sitting full."""
        from models.events import ANALYSING, READING

        label = progress.label + (f": {display(progress.step)}" if progress.step else "")
        if progress.phase in (READING, ANALYSING):
            self._update(label, progress.done, progress.total, _short(progress.name) if progress.name else "")
        else:
            self._update(label, 0, None, f"all {self._files} files read" if self._files else "")

    def _update(self, label: str, done: int, total: int | None, file: str) -> None:
        with self._lock:
            if total is not None:
                self._files = total
            self.label, self._last, self._file = label, (done, total), file
            if self._bar is None:
                if not self.console.is_terminal or self._closed:
                    return
                wait = self.delay - (time.monotonic() - self._start)
                if wait > 0:
                    if self._timer is None:  # appear on time even if nothing more is said
                        self._timer = threading.Timer(wait, self._appear)
                        self._timer.daemon = True
                        self._timer.start()
                    return
                self._open()
            assert self._bar is not None and self._task is not None
            if total is None and self._bar.tasks[0].total is not None:  # rich cannot unset a total: a new task
                self._bar.remove_task(self._task)
                self._task = self._bar.add_task(label, total=None, file=file, count="")
            self._bar.update(self._task, description=label, completed=done, total=total, file=file,
                             count=_count(done, total))

    def _appear(self) -> None:
        with self._lock:
            if self._bar is None and not self._closed:
                self._open()

    def _open(self) -> None:
        self._bar = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            TextColumn("{task.fields[count]}", markup=False),
            TimeElapsedColumn(),
            TextColumn("{task.fields[file]}", markup=False, style="dim"),
            console=self.console,
            transient=True,
        )
        self._bar.start()
        done, total = self._last
        self._task = self._bar.add_task(self.label, total=total, completed=done, file=self._file,
                                        count=_count(done, total))

    def phase(self, label: str) -> None:
        """Name what happens now (e.g. "Linking passages" after the last file): the bar pulses."""
        self._update(label, 0, None, f"all {self._files} files read" if self._files else "")

    def refresh(self) -> None:
        """Draw now (the bar redraws itself ten times a second anyway)."""
        if self._bar is not None:
            self._bar.refresh()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
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


def _count(done: int, total: int | None) -> str:
    """"12/40" files; nothing for a phase with no count."""
    return f"{done}/{total}" if total is not None else ""


def _short(path: str, width: int = 48) -> str:
    path = display(path)  # untrusted: escapes, controls, bidi overrides out (models/display.py)
    return path if len(path) <= width else "…" + path[-(width - 1):]
