"""Loading: a progress bar when it is slow, the first articles shown while the rest load, then the links."""

from __future__ import annotations

import time

from tests.conftest import SEEDS
from tests.support.screen import opening_words, shows
from tui.app import LoadingScreen
from tui.reader import ReaderScreen


def slow_iter(delay_first: float, delay_each: float):
    """iter_articles, but slow: as a large corpus would be."""
    import models.loader as corpus_module

    real = corpus_module.iter_articles

    def iterate(paths, config, **kwargs):
        progress = kwargs.get("progress")
        items = list(real(paths, config, cache=False))
        for n, item in enumerate(items, start=1):
            if progress:
                progress(n, len(items), f"file-{n}.txt")
            time.sleep(delay_first if n == 1 else delay_each)
            yield item

    return iterate


async def test_slow_loading_shows_progress_then_the_first_articles_then_links(make_app, monkeypatch):
    import models.loader as corpus_module
    import tui.app as app_module

    monkeypatch.setattr(app_module, "SHOW_AFTER", 0.2)
    monkeypatch.setattr(app_module, "REFRESH_EVERY", 0.1)
    monkeypatch.setattr(corpus_module, "iter_articles", slow_iter(0.6, 0.4))
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
