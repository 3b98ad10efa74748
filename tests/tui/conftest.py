"""Pilot fixtures: the app on the seeds at 200x50, animations off, loaded before the test starts."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS


@pytest.fixture(autouse=True)
def _no_animation(monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch):
    """An input's cursor blinks every 0.5 s: a snapshot taken on a busy machine caught it on or off at random
    (the bookmarks snapshot failed once in a stress run). In tests it stays on, as the stored images show it."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


async def wait_for_reader(app, pilot, timeout: float = 10.0):
    """Pause until the reader screen is showing (the corpus loads in a worker)."""
    from tui.reader import ReaderScreen

    waited = 0.0
    while not isinstance(app.screen, ReaderScreen):
        await pilot.pause(0.02)
        waited += 0.02
        if waited > timeout:
            raise AssertionError(f"reader did not open, screen is {app.screen!r}")
    await pilot.pause()
    return app.screen


@pytest.fixture
def make_app(config, seeds_corpus):
    """An app on the seeds; the analysed corpus is handed in (analysis has its own tests) unless `paths` or
    `load=True` ask for the real loading path through the worker."""
    from tui.app import ParallaxApp

    def make(paths=None, cfg=None, corpus=None, load=False, data_dir=None):
        if corpus is None and paths is None and cfg is None and not load:
            corpus = seeds_corpus
        return ParallaxApp([str(p) for p in (paths or [SEEDS])], cfg or config, corpus=corpus, data_dir=data_dir)

    return make
