"""The parallax App: loads the corpus in a worker, owns the keymap and the app-wide keys, pushes screens.

The analysis runs in a thread so the window opens at once; when the corpus is ready the reader screen
replaces the loading screen. Problems from loading are shown (a notification and the problems screen),
never swallowed.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from models.config import Config
from models.document import Corpus
from tui.commands import ReaderCommands
from tui.keymap import unknown_ids


class LoadingScreen(Screen):
    """Shown while the articles are analysed."""

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static("Reading and linking the articles…", id="loading-label")
            yield LoadingIndicator()


class ParallaxApp(App):
    """Articles side by side, passages linked across outlets by topic."""

    CSS_PATH = "app.tcss"
    TITLE = "parallax"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, paths: list[str | Path], config: Config, *, corpus: Corpus | None = None,
                 data_dir: str | Path | None = None) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.config = config
        self.corpus: Corpus | None = corpus
        self.data_dir = data_dir
        self.bookmarks = None  # tui.bookmarking.Bookmarks, once the corpus is loaded
        self._last_key = time.monotonic()

    def on_mount(self) -> None:
        bad = unknown_ids(self.config.keys)
        self.set_keymap({k: v for k, v in self.config.keys.items() if k not in bad})
        if bad:
            self.notify(
                f"{self.config.path}: keys: unknown binding id(s) {', '.join(bad)}; see the help screen (?) for ids.",
                severity="warning", markup=False, timeout=8,
            )
        if self.corpus is not None:
            self._show(self.corpus)
        else:
            self.push_screen(LoadingScreen())
            self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        from models.corpus import analyze

        try:
            corpus = analyze(self.paths, self.config)
        except Exception as exc:  # a bug, not bad input: say so instead of dying with a traceback
            self.call_from_thread(self._failed, exc)
            return
        self.call_from_thread(self._show, corpus)

    def _failed(self, exc: Exception) -> None:
        self.notify(f"Analysis failed: {type(exc).__name__}: {exc}", severity="error", markup=False, timeout=30)

    def _show(self, corpus: Corpus) -> None:
        from tui.bookmarking import Bookmarks
        from tui.reader import ReaderScreen

        self.corpus = corpus
        # The corpus lives as long as the app: take it out of the garbage collector's scans, or a large
        # corpus makes every full collection (and the key press it lands on) stall for a few hundred ms.
        gc.collect()
        gc.freeze()
        # Full collections still cost tens of ms in the middle of a key press; make them rare here and run
        # one when the reader has been idle for a while instead (_idle_collect).
        first, second, _ = gc.get_threshold()
        gc.set_threshold(first, second, 1000)
        self.set_interval(20.0, self._idle_collect)
        self.bookmarks = Bookmarks(corpus, self.data_dir)
        if self.bookmarks.warning:
            self.notify(self.bookmarks.warning, severity="warning", markup=False, timeout=15)
        self.set_interval(2.0, self._poll_bookmarks)
        self._prepare_views(corpus)
        screen = ReaderScreen(corpus)
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if corpus.problems:
            n = len(corpus.problems)
            first = corpus.problems[0]
            more = f" and {n - 1} more" if n > 1 else ""
            self.notify(f"Skipped {first.path}: {first.message}{more}. Press P for the list.",
                        severity="warning", markup=False, timeout=10)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def _prepare_views(self, corpus: Corpus) -> None:
        """Count framing terms and find voices in the background, so `p` and `v` open at once later."""
        from models.perspectives import PerspectiveIndex
        from models.voices import voices

        PerspectiveIndex.of(corpus, self.config.topics).prepare()
        voices(corpus).speakers

    def _idle_collect(self) -> None:
        if time.monotonic() - self._last_key > 5.0:
            gc.collect()

    def on_key(self) -> None:
        self._last_key = time.monotonic()

    def _poll_bookmarks(self) -> None:
        """Show bookmarks another parallax process saved meanwhile."""
        from tui.reader import ReaderScreen

        if self.bookmarks is not None and self.bookmarks.reload_if_changed():
            for screen in self.screen_stack:
                if isinstance(screen, ReaderScreen):
                    screen.bookmarks_changed()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.config.keys))
