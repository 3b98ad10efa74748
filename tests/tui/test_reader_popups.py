"""The reader's pop-up flows: the export dialog asks again after a write error; the reader gets its config
and bookmark store from the App when it is built (nothing fetched back from the App by name)."""

from __future__ import annotations

from tests.tui.conftest import wait_for_reader


async def test_export_that_cannot_be_written_says_why_and_asks_again(make_app, tmp_path):
    from textual.widgets import Input

    from tui.screens.export import ExportScreen

    app = make_app(data_dir=tmp_path / "data")
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("e")
        target = tmp_path / "missing-folder" / "out.md"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # asked again, with the name kept
        assert app.screen.query_one(Input).value == str(target)
        assert any(n.message.startswith(f"Could not write {target}") for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen) and not target.exists()


async def test_the_reader_uses_the_apps_config_and_bookmark_store(make_app, tmp_path):
    app = make_app(data_dir=tmp_path / "data")
    async with app.run_test(size=(200, 50)) as pilot:
        reader = await wait_for_reader(app, pilot)
        assert reader.config is app.config and reader.bookmarks is app.bookmarks is not None
        await pilot.press("b")
        assert reader.bookmarks.passages == {reader.state.passage().id}
