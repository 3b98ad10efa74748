"""SVG snapshots of the key screens at a fixed size (pytest-textual-snapshot).

After an intended visual change, regenerate with `uv run pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the new SVGs before committing them.
"""

from __future__ import annotations

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
