"""Where the person acts on bookmarks, a store that refuses the change (read-only, written by a newer
parallax, locked by another program past the busy timeout) is said in a notification; nothing crashes,
nothing is lost, and the change can be made again once the store lets it. An error parallax did not
expect, anywhere, ends the command with a non-zero status."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

import pytest

from models.store import bookmarks as bm
from models.store import sqlite as sqlite_db
from models.store.bookmarks import FILE_NAME, open_store
from tests.tui.conftest import wait_for_reader
from tui.reader import ReaderScreen


def errors(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


def make_bookmarks(folder: Path, corpus, n: int) -> None:
    with open_store(folder).store as store:
        for passage in corpus.articles[0].passages[:n]:
            store.add(corpus, passage.id)


class Lock:
    """Another program holding the bookmarks' write lock (the store gives up after its busy timeout)."""

    def __init__(self, folder: Path) -> None:
        self.conn = sqlite3.connect(folder / FILE_NAME, isolation_level=None, check_same_thread=False)

    def __enter__(self) -> Lock:
        self.conn.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("ROLLBACK")


def newer_schema(folder: Path) -> None:
    conn = sqlite3.connect(folder / FILE_NAME)
    conn.execute(f"PRAGMA user_version = {bm.schema_version() + 1}")
    conn.commit()
    conn.close()


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(sqlite_db, "BUSY_TIMEOUT_MS", 100)


@pytest.mark.parametrize("refusal", ["locked", "newer-schema"])
async def test_d_in_the_bookmark_list_says_why_it_cannot_delete(make_app, tmp_path, seeds_corpus, refusal,
                                                                short_busy_timeout):
    from tui.screens.bookmarks import BookmarksScreen

    make_bookmarks(tmp_path, seeds_corpus, 2)
    if refusal == "newer-schema":
        newer_schema(tmp_path)
    lock = Lock(tmp_path)
    app = make_app(data_dir=tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("m", "down")
        assert isinstance(app.screen, BookmarksScreen)
        if refusal == "locked":
            lock.__enter__()
        await pilot.press("d")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, BookmarksScreen)
        assert any(m.startswith("Bookmark not deleted") for m in errors(app)), errors(app)
        assert len(app.bookmarks.items) == 2
        if refusal == "locked":
            lock.__exit__()
            await pilot.press("d")  # the other program let go: the same key now works
            await pilot.pause()
            assert len(app.bookmarks.items) == 1
    assert len(open_store(tmp_path).store.list()) == (1 if refusal == "locked" else 2)


async def test_undo_in_the_list_and_in_the_reader_keeps_what_it_could_not_restore(make_app, tmp_path, seeds_corpus,
                                                                                  short_busy_timeout):
    from tui.screens.bookmarks import BookmarksScreen

    make_bookmarks(tmp_path, seeds_corpus, 1)
    app = make_app(data_dir=tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("m", "down", "d")
        assert isinstance(app.screen, BookmarksScreen) and app.bookmarks.items == []
        with Lock(tmp_path):
            await pilot.press("u")
            await pilot.pause()
            assert app.is_running and any(m.startswith("Bookmark not restored") for m in errors(app))
            assert app.bookmarks.last_removed  # still there to undo
        await pilot.press("u")
        assert len(app.bookmarks.items) == 1

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        passage = app.corpus.passage(app.bookmarks.resolutions[app.bookmarks.items[0].id].passage_id)
        screen.jump_to(passage.id)
        await pilot.pause()
        await pilot.press("b")  # removes it
        assert app.bookmarks.items == []
        before = len(errors(app))
        with Lock(tmp_path):
            await pilot.press("u")
            await pilot.pause()
            assert app.is_running and len(errors(app)) == before + 1
        await pilot.press("u")
        assert len(app.bookmarks.items) == 1


async def test_a_store_that_cannot_be_read_keeps_the_list_it_had(make_app, tmp_path, seeds_corpus, monkeypatch):
    make_bookmarks(tmp_path, seeds_corpus, 2)
    app = make_app(data_dir=tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        assert len(app.bookmarks.items) == 2

        def broken(*args, **kwargs):
            raise bm.BookmarkError("cannot read the bookmarks in x: disk I/O error")

        monkeypatch.setattr(app.bookmarks.store, "list", broken)
        monkeypatch.setattr(app.bookmarks.store, "data_version", lambda: 12345)  # "another process wrote"
        app._poll_bookmarks()
        await pilot.press("m")
        await pilot.pause()
        assert app.is_running and len(app.bookmarks.items) == 2
        assert app.bookmarks.problem and "disk I/O error" in app.bookmarks.problem


# --- crashes exit non-zero ---------------------------------------------------------------------------------


def read_args(paths: list[str], data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(paths=paths, config=None, no_cache=True, data_dir=str(data_dir), problems=[],
                              urls=None, refetch=False)


def drive(monkeypatch, script):
    """Run the real App headless through `cli_read.run`, driven by `script(pilot)`."""
    from tui.app import ParallaxApp

    real_run = ParallaxApp.run

    def headless(self, *args, **kwargs):
        async def auto_pilot(pilot):
            await script(self, pilot)

        return real_run(self, headless=True, size=(160, 40), auto_pilot=auto_pilot)

    monkeypatch.setattr(ParallaxApp, "run", headless)


def test_a_bug_while_reading_exits_3_not_0(monkeypatch, tmp_path, capsys):
    from tui import cli_read
    from tui.screens.bookmarks import BookmarksScreen
    from tests.conftest import SEEDS

    def bug(self):
        raise RuntimeError("an unexpected bug")

    monkeypatch.setattr(BookmarksScreen, "action_delete", bug)

    async def script(app, pilot):
        await wait_for_reader(app, pilot, timeout=60)
        await pilot.press("b", "m", "down", "d")
        await pilot.pause()

    drive(monkeypatch, script)
    assert cli_read.run(read_args([str(SEEDS)], tmp_path)) == 3


def test_a_bug_while_loading_exits_3_with_its_traceback(monkeypatch, tmp_path, capsys):
    from models import loader
    from tui import cli_read
    from tests.conftest import SEEDS

    def bug(*args, **kwargs):
        raise RuntimeError("the loader broke")
        yield  # a generator, as load is

    monkeypatch.setattr(loader, "load", bug)

    async def script(app, pilot):
        for _ in range(200):
            if app.failure is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.failure is not None and any("Analysis failed" in n.message for n in app._notifications)
        await pilot.press("q")

    drive(monkeypatch, script)
    assert cli_read.run(read_args([str(SEEDS)], tmp_path)) == 3
    err = capsys.readouterr().err
    assert "the loader broke" in err and "Traceback" in err


def test_a_bug_in_a_command_exits_3_with_its_traceback(monkeypatch, capsys):
    from models import loader
    from tui.cli import main
    from tests.conftest import SEEDS

    def bug(*args, **kwargs):
        raise RuntimeError("analysis broke")
        yield

    monkeypatch.setattr(loader, "load", bug)
    assert main(["analyze", "--no-cache", str(SEEDS)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "internal error" in err and "analysis broke" in err
