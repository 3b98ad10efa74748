"""Loading: a progress bar when it is slow, the first articles shown while the rest load, then the links."""

from __future__ import annotations

import time

from tests.conftest import SEEDS
from tests.support.screen import opening_words, shows
from tui.app import LoadingScreen
from tui.reader import ReaderScreen


def slow_loading(delay_first: float, delay_each: float):
    """The loader's per-article stage, but slow: as a large corpus would be."""
    import models.loader as loader_module
    from models.events import Progress

    real = loader_module._per_article

    def per_article(*args, **kwargs):
        for event in real(*args, **kwargs):
            if isinstance(event, Progress) and event.done:  # a file done
                time.sleep(delay_first if event.done == 1 else delay_each)
            yield event

    return per_article


async def test_slow_loading_shows_progress_then_the_first_articles_then_links(make_app, monkeypatch):
    import models.loader as corpus_module
    import tui.app as app_module

    monkeypatch.setattr(app_module, "SHOW_AFTER", 0.2)
    monkeypatch.setattr(app_module, "REFRESH_EVERY", 0.1)
    monkeypatch.setattr(corpus_module, "_per_article", slow_loading(0.6, 0.4))
    app = make_app(paths=[SEEDS], load=True)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause(0.45)
        assert isinstance(app.screen, LoadingScreen)
        from textual.widgets import ProgressBar

        assert app.screen.query_one(ProgressBar).display  # slow: the bar shows
        waited = 0.0
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0.05)
            waited += 0.05
            assert waited < 10
        reader = app.screen
        await pilot.pause()
        await pilot.pause()
        assert app.corpus is None  # the reader opened before loading finished
        assert 1 <= len(reader.corpus.articles) < 5 and reader.corpus.links == ()
        assert "loading" in str(reader.query_one("#status").render())
        assert shows(app, opening_words(reader.corpus.articles[0].passages[0].text))  # text, not a spinner
        await pilot.press("j")  # usable while loading
        while app.corpus is None:
            await pilot.pause(0.05)
            waited += 0.05
            assert waited < 15
        await pilot.pause()
        assert len(reader.corpus.articles) == 5 and reader.corpus.links
        assert reader.state.cursors[0] == 1  # where the reader was is kept
        assert "loading" not in str(reader.query_one("#status").render())


async def test_fast_loading_opens_the_reader_on_the_whole_corpus(make_app):
    app = make_app(paths=[SEEDS / "004_c17863d213641cf5.txt"], load=True)
    async with app.run_test(size=(200, 50)) as pilot:
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0.02)
        assert app.corpus is not None and len(app.corpus.articles) == 1


async def test_the_loading_screen_names_the_corpus_stage_while_it_runs(make_app, monkeypatch):
    """Issue 14: the bar stood at 100% while links were still computed; now it says what is happening."""
    import models.loader as loader_module
    import tui.app as app_module
    from textual.widgets import Static

    real = loader_module.analyze_corpus

    def slow_links(*args, **kwargs):
        time.sleep(1.5)
        return real(*args, **kwargs)

    async def no_partial(self, corpus):  # stay on the loading screen: this test looks at it
        return None

    monkeypatch.setattr(app_module, "SHOW_AFTER", 0.1)
    monkeypatch.setattr(app_module.ParallaxApp, "_show_partial", no_partial)
    monkeypatch.setattr(loader_module, "analyze_corpus", slow_links)
    app = make_app(paths=[SEEDS], load=True)
    async with app.run_test(size=(120, 30)) as pilot:
        waited = 0.0
        label = ""
        while isinstance(app.screen, LoadingScreen) and "Linking" not in label:
            await pilot.pause(0.05)
            waited += 0.05
            assert waited < 10
            if isinstance(app.screen, LoadingScreen):
                label = str(app.screen.query_one("#loading-label", Static).render())
        assert label == "Discovering topics and linking passages…"
