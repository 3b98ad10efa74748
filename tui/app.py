"""The parallax App: loads the corpus in a worker, owns the keymap and the app-wide keys, pushes screens.

The analysis runs in a thread so the window opens at once, consuming the loader's events (models/loader.py:
progress with its phase named, each article as it is ready, problems, notices, then the final corpus). When
loading takes more than half a second a progress bar appears, and the reader opens on the articles analysed
so far (without links yet), taking in the rest as they come; when every file is done the corpus stage runs
(its phase named in the status line: the reader opens on the articles when it begins, if the loading screen
is up by then) and the reader gets the full corpus. Problems from loading are shown (a
notification and the problems screen), never swallowed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import gc
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.notifications import SeverityLevel
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from rich.text import Text

from models.config import Config
from models.display import display, file_name
from models.document import Article, Corpus, Problem
from models.events import ANALYSING, READING, Progress
from tui.commands import ReaderCommands
from tui.keymap import APP_BINDINGS, clashes, unknown_ids, unknown_keys
from tui.widgets.status_line import Loading

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from tui.bookmarking import Bookmarks

SHOW_AFTER = 0.5  # seconds of loading before progress is shown and the first articles open
LOADING_SCREEN_AFTER = 0.2  # seconds of loading before "Reading the articles…" is put on the screen
CORPUS_STAGE_WAIT = 0.15  # seconds of the corpus stage before the reader opens on the articles without it
REFRESH_EVERY = 1.0  # seconds between updates of a reader showing a corpus still loading


def _progress_bar() -> type[ProgressBar]:
    """Textual's ProgressBar, imported when a loading screen is shown: a load from the cache never needs it."""
    from textual.widgets import ProgressBar

    return ProgressBar


class LoadingScreen(Screen):
    """Shown while the first articles are analysed; the bar appears only when that takes a while."""

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static("Reading the articles…", id="loading-label", markup=False)
            with Center():
                yield _progress_bar()(id="loading-bar", show_eta=False)
            with Center():
                yield Static("", id="loading-file", markup=False)

    def on_mount(self) -> None:
        self.query_one("#loading-bar").display = False

    def show_progress(self, progress: Progress, files: Loading | None = None) -> None:
        """The phase by name (reading, analysing, linking...), its bar, and the file being worked on. The corpus
        stage (after the last file) has no count a bar could fill: the bar pulses instead of sitting at 100%."""
        # Pushed and not composed yet (it is pushed late: LOADING_SCREEN_AFTER), or being taken down while the
        # progress timer ticks once more: its widgets are not all there (a loaded machine met NoMatches here).
        if not (self.query("#loading-bar") and self.query("#loading-label") and self.query("#loading-file")):
            return
        bar = self.query_one("#loading-bar", _progress_bar())
        bar.display = True
        self.query_one("#loading-label", Static).update(f"{progress.label}…")
        if progress.phase in (READING, ANALYSING):
            bar.update(total=max(progress.total, 1), progress=progress.done)
            where = f"{progress.done}/{progress.total}"
            if progress.name:
                where += f"  {file_name(progress.name)}"
            if progress.step:
                where += f": {display(progress.step)}"
        else:
            bar.update(total=None)
            where = f"all {files.total} files read" if files is not None and files.total else ""
        # Text, not a string: a file named "[@click=app.bell('a]x.txt" is shown as it is, never parsed
        self.query_one("#loading-file", Static).update(Text(where[:120]))


class ParallaxApp(App):
    """Articles side by side, passages linked across outlets by topic."""

    CSS_PATH = "app.tcss"
    TITLE = "parallax"
    BINDINGS = APP_BINDINGS
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, paths: list[str | Path], config: Config, *, corpus: Corpus | None = None,
                 data_dir: str | Path | None = None, use_cache: bool = True, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__()
        self.early_problems = problems  # found before loading (URLs that could not be fetched): listed first
        self.paths = [str(p) for p in paths]
        self.config = config
        self.corpus: Corpus | None = corpus  # the full corpus, once loading has finished
        self.data_dir = data_dir
        self.use_cache = use_cache
        self.bookmarks: Bookmarks | None = None  # once articles are loaded
        self.loading: Progress | None = None  # where loading is, while it goes on
        self._files = Loading(0, 0, "")  # files done, files, the last one, the corpus stage's phase: the status
        self.failure: Exception | None = None  # a bug that stopped loading (the command then exits non-zero)
        self._started = time.monotonic()
        self._last_key = time.monotonic()

    def on_mount(self) -> None:
        # An id no binding has matches nothing; _check_keymap reports it once the reader is on screen (listing
        # every binding imports every pop-up screen: not a cost to pay before the first paint).
        self.set_keymap(dict(self.config.keys))
        if self.corpus is not None:
            self.call_later(self._show, self.corpus)
        else:
            # A load from the cache is done before this: the reader is then the first screen composed and
            # drawn, and the interpreter is not shared with a loading screen nobody would see.
            self.set_timer(LOADING_SCREEN_AFTER, self._loading_screen)
            self._progress_timer = self.set_interval(0.1, self._show_progress)
            self._load()

    def _loading_screen(self) -> None:
        if not self.screen_stack:
            return  # the app is closing
        if self.corpus is None and self._reader() is None and not isinstance(self.screen, LoadingScreen):
            self.push_screen(LoadingScreen())

    def _check_keymap(self) -> None:
        """Warn about keymap entries from config.yaml that name no binding, or give one key to two, and about
        what else was wrong in the config but did not stop it (Config.notes: a colour, a key that is not text)."""
        for note in self.config.notes:
            self.notify(note, severity="warning", markup=False, timeout=10)
        bad = unknown_ids(self.config.keys)
        if bad:
            self.notify(
                f"{self.config.path}: keys: unknown binding id(s) {', '.join(bad)}; see the help screen (?) for ids.",
                severity="warning", markup=False, timeout=8,
            )
        for key in unknown_keys(self.config.keys):
            self.notify(f"{self.config.path}: keys.{key}", severity="warning", markup=False, timeout=10)
        for clash in clashes(self.config.keys):
            self.notify(f"{self.config.path}: keys: {clash}; only one of them will work.", severity="warning",
                        markup=False, timeout=10)

    # -- loading --------------------------------------------------------------------------------------

    def _show_progress(self) -> None:
        """On a timer: the loader's last Progress (set by the loading thread) on the bar and the reader."""
        if self.loading is None or time.monotonic() - self._started < SHOW_AFTER or not self.screen_stack:
            return  # (no screen: the app is closing, and the timer's last tick came after the last screen went)
        if isinstance(self.screen, LoadingScreen):
            self.screen.show_progress(self.loading, self._files)
        reader = self._reader()
        if reader is not None:
            reader.show_loading(self._files)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        from models.events import ArticleReady, Done, Notice, ProblemFound
        from models.loader import load

        try:
            articles: dict[str, Article] = {}
            problems: list[Problem] = list(self.early_problems)
            pushed = 0.0
            corpus: Corpus | None = None
            for event in load(self.paths, self.config, cache=self.use_cache):
                if isinstance(event, Progress):
                    self.loading = event
                    if event.phase in (READING, ANALYSING):
                        self._files = Loading(event.done, event.total, event.name)
                    else:  # the corpus stage, every file read: name what it does
                        self._files = self._files._replace(phase=event.label)
                elif isinstance(event, ArticleReady):
                    articles[event.article.id] = event.article  # a copy found later replaces its first version
                elif isinstance(event, ProblemFound):
                    problems.append(event.problem)
                elif isinstance(event, Notice):
                    about = f"Analysis {event.about}: " if event.about else ""
                    self.call_from_thread(self.notify, about + event.message, severity="warning", markup=False,
                                          timeout=10)
                elif isinstance(event, Done):
                    corpus = event.corpus
                now = time.monotonic()
                if (isinstance(event, ArticleReady) and now - self._started >= SHOW_AFTER
                        and now - pushed >= REFRESH_EVERY):
                    pushed = now
                    self._on_ui(self._show_partial, self._partial(articles, problems))
                elif (isinstance(event, Progress) and event.phase not in (READING, ANALYSING) and not pushed
                      and articles):
                    # Every file is read and the corpus stage (repetition, topics, links) begins: if it takes a
                    # while (not from the cache), the text goes on the screen meanwhile rather than after it.
                    # Only then: a reader pushed and rebuilt at once made the warm first paint 2.0x -> 3.5x.
                    pushed = now
                    self.call_from_thread(self.set_timer, CORPUS_STAGE_WAIT,
                                          partial(self._show_partial, self._partial(articles, problems)))
        except Exception as exc:  # a bug, not bad input: say so instead of dying with a traceback
            self.call_from_thread(self._failed, exc)
            return
        assert corpus is not None, "the loader ends with Done"
        self._on_ui(self._show, corpus)

    def _on_ui(self, callback: Callable[[Corpus], Awaitable[None]], corpus: Corpus) -> None:
        """From the loading thread: run `callback(corpus)` on the UI thread and wait for it."""
        # Textual types call_from_thread's callback as `T | Awaitable[T]`, which mypy cannot solve for a
        # coroutine function (it infers Never); the call itself is right.
        self.call_from_thread(callback, corpus)  # type: ignore[arg-type]

    def _partial(self, articles: dict[str, Article], problems: list[Problem]) -> Corpus:
        from models.loader import topic_infos

        return Corpus(tuple(articles.values()), topic_infos(self.config), (), tuple(problems))

    def _failed(self, exc: Exception) -> None:
        self.loading = None
        self.failure = exc
        self.notify(f"Analysis failed: {type(exc).__name__}: {exc}. This is a bug in parallax; press q to quit.",
                    severity="error", markup=False, timeout=30)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification, from the app or any screen, shown as plain safe text: messages carry file
        names, paths and store errors (untrusted), so they are never markup and lose what a terminal acts
        on (models/display.py)."""
        super().notify(display(message), title=display(title), severity=severity, timeout=timeout, markup=False)

    def _reader(self):
        from tui.reader import ReaderScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    async def _open_reader(self, corpus: Corpus) -> None:
        from tui.bookmarking import Bookmarks
        from tui.reader import ReaderScreen

        if self.bookmarks is None:
            self.bookmarks = Bookmarks(corpus, self.data_dir)
            if self.bookmarks.warning:
                self.notify(self.bookmarks.warning, severity="warning", markup=False, timeout=15)
            self.set_interval(2.0, self._poll_bookmarks)
        else:
            self.bookmarks.set_corpus(corpus)
        reader = self._reader()
        if reader is None:
            self.call_after_refresh(self._check_keymap)
            reader = ReaderScreen(corpus, self.config, self.bookmarks)
            if isinstance(self.screen, LoadingScreen):
                self.switch_screen(reader)
            else:
                self.push_screen(reader)
        else:
            await reader.set_corpus(corpus)

    async def _show_partial(self, corpus: Corpus) -> None:
        """Open (or update) the reader on the articles analysed so far."""
        if self.corpus is None:
            await self._open_reader(corpus)
            reader = self._reader()
            if reader is not None and self.loading is not None:
                reader.show_loading(self._files)

    async def _show(self, corpus: Corpus) -> None:
        """The corpus is complete: show it, with its links, and report what could not be read."""
        if self.early_problems:
            corpus = replace(corpus, problems=(*self.early_problems, *corpus.problems))
        self.loading = None
        self.corpus = corpus
        await self._open_reader(corpus)
        self.call_after_refresh(self._settle_memory)  # after the first frame: a full collection takes a while
        reader = self._reader()
        if reader is not None:
            reader.show_loading(None)
        # Counting for the perspectives and voices views competes with the first paint for the interpreter:
        # start it once the reader is on screen and has had a moment (a view asked for earlier counts itself).
        self.set_timer(1.0, lambda: self._prepare_views(corpus))
        if corpus.problems:
            n = len(corpus.problems)
            first_problem = corpus.problems[0]
            more = f" and {n - 1} more" if n > 1 else ""
            self.notify(f"Skipped {first_problem.path}: {first_problem.message}{more}. Press P for the list.",
                        severity="warning", markup=False, timeout=10)
        if not corpus.articles:
            self.notify("No article could be read from the paths given.", severity="error", markup=False, timeout=30)

    def _settle_memory(self) -> None:
        """The corpus lives as long as the app: take it out of the garbage collector's scans, or a large
        corpus makes every full collection (and the key press it lands on) stall for a few hundred ms."""
        gc.collect()
        gc.freeze()
        # Full collections still cost tens of ms in the middle of a key press; make them rare here and run
        # one when the reader has been idle for a while instead (_idle_collect).
        first, second, _ = gc.get_threshold()
        gc.set_threshold(first, second, 1000)
        self.set_interval(20.0, self._idle_collect)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def _prepare_views(self, corpus: Corpus) -> None:
        """Count framing terms and find voices in the background, so `p` and `v` open at once later."""
        from models.insight.perspectives import PerspectiveIndex
        from models.insight.voices import voices

        PerspectiveIndex.of(corpus, self.config.topics).prepare()
        voices(corpus).speakers

    # -- housekeeping ---------------------------------------------------------------------------------

    def _idle_collect(self) -> None:
        if time.monotonic() - self._last_key > 5.0:
            gc.collect()

    def on_key(self) -> None:
        self._last_key = time.monotonic()

    def _poll_bookmarks(self) -> None:
        """Show bookmarks another parallax process saved meanwhile."""
        reader = self._reader()
        if self.bookmarks is not None and self.bookmarks.reload_if_changed() and reader is not None:
            reader.bookmarks_changed()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.config.keys))

