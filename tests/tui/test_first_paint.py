"""First paint means article text on screen, also while the rest of the corpus is still loading.

ReaderScreen once kept its loading progress in an attribute named `loading`, which is Textual's own
Widget.loading reactive: a truthy value covered the whole reader with a spinner until every file was in,
although the articles were there in the DOM. These tests read the screen as drawn, not the DOM.
"""

from __future__ import annotations

import dataclasses

from tests.support.screen import opening_words, shows
from tests.tui.conftest import wait_for_reader


def partial(corpus, n: int = 2):
    """The corpus as the reader gets it while loading: the first articles, no links yet."""
    return dataclasses.replace(corpus, articles=corpus.articles[:n], links=())


async def test_reader_still_loading_shows_the_articles_and_the_progress(make_app, seeds_corpus):
    app = make_app(corpus=partial(seeds_corpus))
    async with app.run_test(size=(200, 50)) as pilot:
        reader = await wait_for_reader(app, pilot)
        reader.show_loading((2, 5, "004_c17863d213641cf5.txt"))
        await pilot.pause()
        await pilot.pause()
        assert not reader.loading, "Textual's spinner covers the reader"
        for article in reader.corpus.articles:
            assert shows(app, opening_words(article.passages[0].text)), f"{article.id} is not on screen"
        assert shows(app, "loading 2/5 files")
        await pilot.press("j")  # and the keys work while loading
        assert reader.state.cursors[0] == 1
        reader.show_loading(None)
        await pilot.pause()
        assert not shows(app, "loading 2/5 files")


async def test_first_paint_of_a_real_load_is_text(make_app):
    """Through the real loader and worker: the first frame of the reader has article text in it."""
    app = make_app(load=True)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = await wait_for_reader(app, pilot)
        await pilot.pause()
        first = reader.corpus.articles[0].passages[0].text
        assert shows(app, opening_words(first))


def test_a_warm_start_imports_no_analysis_code(tmp_path):
    """A reader whose articles and links come from the cache never analyses one: the per-article pipeline
    (cleaning, metadata, the tagger and rapidfuzz) and regex stay unimported, and so does the loading screen's
    progress bar, and the bundled cleaning rules uncompiled (first paint)."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT, SEEDS

    code = (
        "import sys\n"
        "from models.config import load_config\n"
        "from models.loader import analyze\n"
        "import tui.cli, tui.app, tui.reader\n"
        f"config = load_config()\n"
        f"analyze([{str(SEEDS)!r}], config)\n"
        "if sys.argv[1] == 'warm':\n"
        "    heavy = ('models.pipeline.article', 'models.pipeline.topics', 'rapidfuzz', 'models.pipeline.meta',\n"
        "             'regex', 'textual.widgets._progress_bar')\n"
        "    print(','.join(m for m in heavy if m in sys.modules))\n"
        "    print(sum(r.regex._compiled is not None for r in config.cleaning.rules))\n"
    )
    env = {**os.environ, "PARALLAX_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", code, "cold"], env=env, cwd=ROOT, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-c", code, "warm"], env=env, cwd=ROOT, check=True, capture_output=True,
                          text=True)
    imported, compiled = done.stdout.split("\n")[:2]
    assert imported == "" and compiled == "0", done.stdout


async def test_a_pane_wraps_its_article_the_first_time_it_is_drawn_with_a_width(make_app, seeds_corpus, monkeypatch):
    """The pane's text used to wait for on_resize and the refresh after it: two frames after the first one that
    knew the pane's width (real-terminal first paint 0.46 -> 0.39 s on the seeds). With resize events never
    delivered, the text must still be drawn."""
    from tui.widgets.article_view import ArticleView

    monkeypatch.setattr(ArticleView, "on_resize", lambda self: None)
    app = make_app(corpus=seeds_corpus)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = await wait_for_reader(app, pilot)
        await pilot.pause()
        assert shows(app, opening_words(reader.corpus.articles[0].passages[0].text))


async def test_a_quick_load_draws_the_reader_first_not_a_loading_screen(make_app, monkeypatch):
    """"Reading the articles…" waits LOADING_SCREEN_AFTER: a load that ends before (from the cache) never
    composes or draws it, and the reader is the first screen drawn (first paint). A slow load still shows it
    (tests/tui/test_loading.py)."""
    import tui.app
    from tui.app import LoadingScreen

    composed: list[str] = []
    real = LoadingScreen.compose

    def compose(self):
        composed.append("loading")
        yield from real(self)

    monkeypatch.setattr(LoadingScreen, "compose", compose)
    monkeypatch.setattr(tui.app, "LOADING_SCREEN_AFTER", 60.0, raising=False)
    app = make_app(load=True)
    async with app.run_test(size=(200, 50)) as pilot:
        reader = await wait_for_reader(app, pilot)
        await pilot.pause()
        assert composed == [] and app.screen is reader
        assert shows(app, opening_words(reader.corpus.articles[0].passages[0].text))
