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


PROSE = ("Turkey took delivery of the Russian S-400 air defence system in July 2019 despite repeated warnings from "
         "Washington, and the United States removed it from the F-35 programme soon after the first batch arrived.\n\n"
         "Officials in Ankara said the purchase was a sovereign decision and that the system would not be "
         "integrated with NATO networks, while critics argued it undermined the alliance's shared defences.\n")
CONTROL = set(map(chr, range(0x20))) | {"\x7f"} | set(map(chr, range(0x80, 0xa0))) | {"\u202e", "\u200b"}


def shown(text: str) -> bool:
    """No character a terminal acts on, and no bidi override or zero-width space."""
    return not (set(text) & CONTROL)


async def test_hostile_file_names_reach_every_transient_widget_as_plain_safe_text(make_app, tmp_path):
    """File names are untrusted like article text: as markup they crash ("[@click=app.bell('a]") or vanish
    ("[draft]"); raw, their escape sequences retitle or clear the terminal. Every place a name appears:
    the loading screen, the pane header of an untitled article, notifications, the problems screen."""
    from models.events import Progress
    from tui.app import LoadingScreen

    untitled = tmp_path / "Report [draft].txt"
    untitled.write_text(PROSE, encoding="utf-8")
    clickable = tmp_path / "[@click=app.bell('a]x.txt"
    clickable.write_text(PROSE.replace("Turkey", "Ankara"), encoding="utf-8")
    hostile = {
        "\x1b]0;pwned\x07.txt": b"",  # retitles the terminal
        "\x1b[2Jclear.txt": b"\x00\x01\x02" * 100,  # clears it (binary content: a problem)
        "report\u202etxt.exe.txt": b"",  # reads as report.exe...
        "pay\u200bpal.txt": b"  ",
    }
    for name, data in hostile.items():
        (tmp_path / name).write_bytes(data)

    app = make_app(paths=[untitled, clickable, *(tmp_path / n for n in hostile)])
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.pause(0.2)
        headers = [str(slot.header.render()) for slot in screen.query("ArticlePane")]
        assert any("Report [draft].txt" in h for h in headers), headers
        assert any("[@click=app.bell('a]x.txt" in h for h in headers), headers

        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Skipped") for m in messages), messages
        assert all(shown(m) for m in messages), messages

        await pilot.press("P")
        await pilot.pause()
        problems = statics_text(app.screen)
        assert "reporttxt.exe.txt" in problems and "paypal.txt" in problems and "clear.txt" in problems
        assert shown(problems.replace("\n", " ")) and "pwned" not in problems
        assert "pwned" not in app.export_screenshot()  # nowhere on screen, not even in the SVG's text
        await pilot.press("escape")

        # the loading screen, fed the names the loader reports while it works
        loading = LoadingScreen()
        await app.push_screen(loading)
        await pilot.pause()
        for name in (str(clickable), "/x/\x1b]0;pwned\x07.txt", "/x/Report [draft].txt"):
            loading.show_progress(Progress("reading", 1, 3, name=name, step="cleaning \x1b[2J"))
            await pilot.pause()
            line = str(loading.query_one("#loading-file").render())
            assert shown(line) and "pwned" not in line, repr(line)
        assert "Report [draft].txt" in line
        loading.show_progress(Progress("reading", 1, 3, name=str(clickable)))
        await pilot.pause()
        assert "[@click=app.bell('a]x.txt" in str(loading.query_one("#loading-file").render())
        assert app.is_running


def test_hostile_file_names_reach_stderr_and_stdout_as_plain_safe_text(tmp_path, capsys):
    from tui.cli import main

    (tmp_path / "Report [draft].txt").write_text(PROSE, encoding="utf-8")
    for name in ("\x1b]0;pwned\x07.txt", "\x1b[2Jclear.txt", "report\u202etxt.exe.txt", "two\nlines.txt"):
        (tmp_path / name).write_bytes(b"")
    assert main(["analyze", "--no-cache", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert shown(err.replace("\n", " ")) and shown(out.replace("\n", " ")) and "pwned" not in err
    lines = [line for line in err.splitlines() if line.startswith("parallax: ") and "empty file" in line]
    assert len(lines) == 4  # one line per file: a newline in a name cannot fake another
    assert any("reporttxt.exe.txt" in line for line in lines) and any("two lines.txt" in line for line in lines)
    assert "Report [draft].txt" in out
