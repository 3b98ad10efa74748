"""SVG snapshots of the key screens at a fixed size (pytest-textual-snapshot).

After an intended visual change, regenerate with `uv run pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the new SVGs before committing them.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

from tests.tui.conftest import wait_for_reader

SIZE = (160, 40)


async def _ready(pilot):
    await wait_for_reader(pilot.app, pilot)


def test_main_screen(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("j", "j", "j")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_main_screen_with_topic_focus(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("t", "t", "t", "n")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_coverage(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("c")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_inspector(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("i")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_perspectives(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_voices(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("v")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_search(snap_compare, make_app):
    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("slash", *"drones")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_bookmarks(snap_compare, make_app, seeds_corpus, tmp_path):
    """Two bookmarks saved at a fixed time (the list shows dates), one with a note and tags."""
    from models.store.bookmarks import BookmarkStore, store_path

    fixed = datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc)
    store = BookmarkStore(store_path(tmp_path), clock=lambda: fixed)
    first, second = seeds_corpus.articles[0].passages[1], seeds_corpus.articles[2].passages[3]
    store.add(seeds_corpus, first.id)
    store.add(seeds_corpus, second.id, note="Compare with the TASS account", tags=("s400", "sources"))
    store.close()

    async def run_before(pilot):
        await _ready(pilot)
        await pilot.press("m")
        await pilot.pause()

    assert snap_compare(make_app(data_dir=tmp_path), terminal_size=SIZE, run_before=run_before)


def test_loading(snap_compare, make_app, seeds_corpus):
    """What a slow load looks like: the first articles readable, the status line counting files, no links."""
    partial = dataclasses.replace(seeds_corpus, articles=seeds_corpus.articles[:2], links=())

    async def run_before(pilot):
        reader = await wait_for_reader(pilot.app, pilot)
        reader.show_loading((2, 5, "002_pending.txt"))
        await pilot.pause()

    assert snap_compare(make_app(corpus=partial), terminal_size=SIZE, run_before=run_before)
