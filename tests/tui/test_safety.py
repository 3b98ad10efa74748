"""Article text is never markup: a hostile article is shown literally in every view, and nothing in it runs."""

from __future__ import annotations

from tests.tui.conftest import wait_for_reader
from tui.reader import ReaderScreen

HOSTILE_TITLE = "Title [@click=app.quit]x[/] and [/bold] and [link=file:///etc/passwd]y[/link]"
HOSTILE = (
    f"{HOSTILE_TITLE}\n\nBy Mallory Evil\n\n"
    "The S-400 deal [@click=app.quit]x[/] was signed in Moscow, and [/bold] the first batch reached Ankara "
    "in July 2019 [link=file:///etc/passwd]y[/link] despite Washington's warnings about the F-35 programme.\n\n"
    "Turkey was removed from the F-35 programme [@click=app.bell]ring[/] after the S-400 purchase, officials "
    "said, and sanctions under CAATSA followed from the United States in December 2020 [red]as promised[/red].\n"
)
LITERALS = ("[@click=app.quit]x[/]", "[/bold]", "[link=file:///etc/passwd]y[/link]")


def view_text(view) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def statics_text(screen) -> str:
    return " ".join(str(s.render()) for s in screen.query("Static"))


async def test_hostile_article_is_shown_literally_in_every_view(make_app, tmp_path):
    from textual.widgets import DataTable, OptionList

    evil = tmp_path / "evil.txt"
    evil.write_text(HOSTILE, encoding="utf-8")
    bad = tmp_path / "[bold]broken[@click=app.quit].txt"
    bad.write_bytes(b"")
    from tests.conftest import SEEDS

    app = make_app(paths=[evil, bad, SEEDS / "004_c17863d213641cf5.txt"])
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        # the notification about the bad file names it literally
        assert any("[bold]broken[@click=app.quit].txt" in n.message for n in app._notifications)
        pane = screen.active_pane()
        shown = " ".join(view_text(pane.view).split())
        assert all(literal in shown for literal in LITERALS[1:]), shown
        assert "[@click=app.quit]x[/]" in shown
        assert "[@click=app.quit]x[/]" in str(pane.header.render())
        status = str(screen.query_one("#status").render())
        assert "S-400" in status

        await pilot.click(pane.view, offset=(10, 1))  # clicking hostile text runs nothing
        assert app.is_running

        for key, check in (
            ("r", lambda s: "By Mallory Evil" in statics_text(s) and HOSTILE_TITLE in statics_text(s)),
            ("c", lambda s: any("[@click=app.quit]" in str(c) or "Title [@cl" in str(c) for c in s.query_one(DataTable).columns.values() for c in [c.label])),
            ("P", lambda s: "[bold]broken[@click=app.quit].txt" in statics_text(s)),
            ("question_mark", lambda s: True),
            ("i", lambda s: "[@click=app.quit]x[/]" in statics_text(s)),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ReaderScreen), key
            assert check(app.screen), key
            await pilot.press("enter")  # enter on the hostile row/cell/link must not quit
            await pilot.pause()
            assert app.is_running, key
            if not isinstance(app.screen, ReaderScreen):
                await pilot.press("escape")
            await pilot.pause()

        await pilot.press("slash", *"click")
        results = app.screen.query_one(OptionList)
        assert results.option_count >= 1
        assert "[@click=app.quit]x[/]" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReaderScreen)
