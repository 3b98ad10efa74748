"""Loading: a progress bar when it is slow, the first articles shown while the rest load, then the links."""

from __future__ import annotations

import threading

from tests.conftest import SEEDS
from tests.support.screen import opening_words, shows
from tui.app import LoadingScreen
from tui.reader import ReaderScreen


def gated_loading(gates: dict[int, threading.Event]):
    """The loader's per-article stage, held before the k-th file is reported done until the test opens gates[k]:
    a large corpus's pace, with no race against the clock (a fixed sleep failed on a loaded machine)."""
    import models.loader as loader_module
    from models.events import Progress

    real = loader_module._per_article

    def per_article(*args, **kwargs):
        for event in real(*args, **kwargs):
            if isinstance(event, Progress) and event.done in gates:  # a file done
                gates[event.done].wait(30)
            yield event

    return per_article


async def until(pilot, condition, timeout: float = 15.0) -> None:
    waited = 0.0
    while not condition():
        await pilot.pause(0.05)
        waited += 0.05
        assert waited < timeout, "timed out waiting"


async def test_slow_loading_shows_progress_then_the_first_articles_then_links(make_app, monkeypatch):
    import models.loader as corpus_module
    import tui.app as app_module
    from textual.widgets import ProgressBar

    first, last = threading.Event(), threading.Event()
    monkeypatch.setattr(app_module, "SHOW_AFTER", 0.2)
    monkeypatch.setattr(app_module, "REFRESH_EVERY", 0.1)
    monkeypatch.setattr(corpus_module, "_per_article", gated_loading({1: first, 5: last}))
    app = make_app(paths=[SEEDS], load=True)
    try:
        async with app.run_test(size=(200, 50)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, LoadingScreen))
            await until(pilot, lambda: bool(app.screen.query(ProgressBar)) and app.screen.query_one(ProgressBar).display)
            first.set()  # slow: the bar showed; now the first articles arrive
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
            reader = app.screen
            await pilot.pause()
            await pilot.pause()
            assert app.corpus is None  # the reader opened before loading finished
            assert 1 <= len(reader.corpus.articles) < 5 and reader.corpus.links == ()
            assert "loading" in str(reader.query_one("#status").render())
            assert shows(app, opening_words(reader.corpus.articles[0].passages[0].text))  # text, not a spinner
            await pilot.press("j")  # usable while loading
            last.set()
            await until(pilot, lambda: app.corpus is not None)
            await pilot.pause()
            assert len(reader.corpus.articles) == 5 and reader.corpus.links
            assert reader.state.cursors[0] == 1  # where the reader was is kept
            assert "loading" not in str(reader.query_one("#status").render())
    finally:
        first.set()
        last.set()


async def test_fast_loading_opens_the_reader_on_the_whole_corpus(make_app, monkeypatch):
    import tui.app as app_module

    # Fast: done before the loading screen would show, or the reader open during the corpus stage (on a busy
    # machine one file can take longer than those 0.2 and 0.15 s).
    monkeypatch.setattr(app_module, "LOADING_SCREEN_AFTER", 5.0)
    monkeypatch.setattr(app_module, "CORPUS_STAGE_WAIT", 5.0)
    app = make_app(paths=[SEEDS / "004_c17863d213641cf5.txt"], load=True)
    async with app.run_test(size=(200, 50)) as pilot:
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0.02)
        assert app.corpus is not None and len(app.corpus.articles) == 1


async def test_the_loading_screen_names_the_corpus_stage_while_it_runs(make_app, monkeypatch):
    """Issue 14: the bar stood at 100% while links were still computed; now it says what is happening."""
    import models.loader as loader_module
    import tui.app as app_module
    from textual.widgets import ProgressBar, Static

    real = loader_module.analyze_corpus
    seen = threading.Event()

    def slow_links(*args, **kwargs):
        seen.wait(30)  # the corpus stage runs until the test has read the label
        return real(*args, **kwargs)

    async def no_partial(self, corpus):  # stay on the loading screen: this test looks at it
        return None

    monkeypatch.setattr(app_module, "SHOW_AFTER", 0.1)
    monkeypatch.setattr(app_module.ParallaxApp, "_show_partial", no_partial)
    monkeypatch.setattr(loader_module, "analyze_corpus", slow_links)
    app = make_app(paths=[SEEDS], load=True)
    def label() -> str:
        if not isinstance(app.screen, LoadingScreen) or not app.screen.query("#loading-label"):
            return ""  # not shown yet, or pushed and not composed yet
        return str(app.screen.query_one("#loading-label", Static).render())

    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: "linking" in label())
            assert label() == "Discovering topics and linking passages…"
            screen = app.screen
            total = screen.query_one(ProgressBar).total
            files = str(screen.query_one("#loading-file", Static).render())
            assert total is None and files == "all 5 files read"  # it pulses: not 100% while links are computed
            seen.set()
    finally:
        seen.set()


async def test_the_status_line_names_the_corpus_stage_once_every_file_is_read(make_app, monkeypatch):
    """Issue 14: the reader said 'loading 5/5 files' while links were computed; it names the phase."""
    import models.loader as loader_module
    import tui.app as app_module
    from tui.widgets.status_line import StatusLine

    real = loader_module.analyze_corpus
    seen = threading.Event()

    def slow_links(*args, **kwargs):
        seen.wait(30)  # the corpus stage runs until the test has read the status line
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(app_module, "REFRESH_EVERY", 0.0)
    monkeypatch.setattr(loader_module, "analyze_corpus", slow_links)
    app = make_app(paths=[SEEDS], load=True)

    def line() -> str:
        if not isinstance(app.screen, ReaderScreen) or app.corpus is not None:
            return ""
        return " ".join(str(status.render()) for status in app.screen.query(StatusLine))

    try:
        async with app.run_test(size=(200, 40)) as pilot:
            await until(pilot, lambda: "linking passages" in line())
            assert "⏳ discovering topics and linking passages… (5/5 files read)" in line()
            assert "loading 5/5" not in line()
            seen.set()
    finally:
        seen.set()


async def test_a_progress_tick_after_the_last_screen_has_gone_is_ignored(make_app):
    """The progress timer can tick once more while the app closes, after its last screen went: it read
    `self.screen` and raised ScreenStackError (seen in a full test run; a user quitting while loading could
    meet it). Then it has nothing to show, and must say nothing."""
    from models.events import READING, Progress

    app = make_app(paths=[str(SEEDS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert not app.screen_stack
    app.loading = Progress(READING, 1, 5, "a.txt")
    app._started = 0.0
    app._show_progress()  # no ScreenStackError
    app._loading_screen()


async def test_coverage_opened_while_loading_says_so_and_fills_in_when_done(make_app, monkeypatch):
    """A trial opened the coverage view while articles were loading: it showed the matrix of the two loaded so
    far as if it were the story's. It now says "loading: n of m articles" and takes the rest as they come."""
    import models.loader as corpus_module
    import tui.app as app_module
    from textual.widgets import DataTable
    from tui.screens.coverage import CoverageScreen

    first, last = threading.Event(), threading.Event()
    monkeypatch.setattr(app_module, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(app_module, "REFRESH_EVERY", 0.0)
    monkeypatch.setattr(corpus_module, "_per_article", gated_loading({2: first, 5: last}))
    app = make_app(paths=[SEEDS], load=True)

    def note() -> str:
        found = app.screen.query("#coverage-loading")
        return str(found.first().render()) if found and found.first().display else ""

    try:
        async with app.run_test(size=(200, 50)) as pilot:
            first.set()  # two articles in; the rest wait
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.corpus.articles)
            await until(pilot, lambda: len(app.screen.corpus.articles) >= 2)
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, CoverageScreen))
            coverage = app.screen
            partial = len(coverage.corpus.articles)
            assert 2 <= partial < 5
            await until(pilot, lambda: "loading:" in note())
            assert " of 5 articles" in note()
            last.set()
            await until(pilot, lambda: app.corpus is not None)
            await pilot.pause()
            await pilot.pause()
            assert app.screen is coverage and note() == ""
            silent = coverage.query_one("#coverage-silent")  # said of the whole story, not of the first two
            assert silent.display == bool(coverage.matrix.silent)
            table = coverage.query_one(DataTable)
            assert len(coverage.corpus.articles) == 5 and len(table.columns) == 5 + 2  # topic, 5 articles, total
            assert len(table.rows) == len(coverage.matrix.rows)
    finally:
        first.set()
        last.set()


async def test_the_text_shows_while_the_corpus_stage_runs(make_app, monkeypatch):
    """First paint on a cold cache: once every file is read the reader opens on the articles, while the topics
    and links are worked out, instead of after (the links stage was most of the wait on the seeds)."""
    import models.loader as loader_module
    import tui.app as app_module

    real = loader_module.analyze_corpus
    release = threading.Event()

    def held_links(*args, **kwargs):
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "SHOW_AFTER", 60.0)  # not by time while files are read: only this rule
    monkeypatch.setattr(app_module, "LOADING_SCREEN_AFTER", 0.0)
    monkeypatch.setattr(loader_module, "analyze_corpus", held_links)
    app = make_app(paths=[SEEDS], load=True)
    try:
        async with app.run_test(size=(200, 50)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
            reader = app.screen
            await pilot.pause()
            assert app.corpus is None and len(reader.corpus.articles) == 5 and reader.corpus.links == ()
            assert shows(app, opening_words(reader.corpus.articles[0].passages[0].text))
            release.set()
            await until(pilot, lambda: app.corpus is not None)
            await pilot.pause()
            assert reader.corpus.links and app.screen is reader
    finally:
        release.set()
