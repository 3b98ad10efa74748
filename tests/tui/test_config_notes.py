"""A config with a colour the reader cannot draw, or a key binding that is not text, still opens the reader:
the topic is grey, the binding keeps its key, and the reader says what was wrong (file, line and key)."""

from __future__ import annotations

from models.config import DEFAULT_COLOUR, load_config
from models.resources import config_path
from tests.support.screen import shows
from tests.tui.conftest import wait_for_reader


async def test_the_reader_opens_on_a_config_with_bad_colours_and_keys(make_app, tmp_path):
    text = config_path().read_text(encoding="utf-8")
    colours = ['"#e5c07b"', '"#61afef"', '"#98c379"']
    assert all(c in text for c in colours)
    text = text.replace(colours[0], '"#fff"').replace(colours[1], "orange").replace(colours[2], '"#ggg"')
    path = tmp_path / "config.yaml"
    assert "\nkeys: {}\n" in text
    path.write_text(text.replace("\nkeys: {}\n", "\nkeys:\n  quit: 42\n  search: ctrl-f\n"), encoding="utf-8")
    config = load_config(path)
    assert [t.colour for t in config.topics[:3]] == ["#ffffff", "#ffa500", DEFAULT_COLOUR]
    app = make_app(cfg=config)
    async with app.run_test(size=(200, 50)) as pilot:  # the topic bar crashed on "#fff" and "orange"
        reader = await wait_for_reader(app, pilot)
        await pilot.pause()
        assert shows(app, config.topics[0].label)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith(f"{path}:") and "topics[2].colour" in m for m in messages), messages
        assert any("keys.quit" in m and "42" in m for m in messages), messages
        assert f"{path}: keys.search: 'ctrl-f' is not a key" in " ".join(messages), messages
        assert reader.corpus.topics[0].colour == "#ffffff"
        await pilot.press("q")  # quit kept its key
        await pilot.pause()
    assert app.return_code is not None or not app.is_running


def test_the_command_line_prints_what_was_wrong_and_goes_on(tmp_path, capsys):
    from tui.cli import main

    path = tmp_path / "config.yaml"
    path.write_text("keys:\n  quit: 42\n  help: h\n", encoding="utf-8")
    assert main(["keys", "--config", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"parallax: {path}:2: keys.quit: expected the key(s) as text" in err
    assert [line.split() for line in out.splitlines() if line.split()[:1] in (["quit"], ["help"])] == [
        ["help", "h", "Help"], ["quit", "q", "Quit"]]


def test_a_key_no_press_can_match_is_said():
    """`search: ctrl-f` (a hyphen for the plus) or a quoted '42' bind keys Textual never sends."""
    from tui.keymap import key_rows, unknown_keys

    assert unknown_keys({row.id: ",".join(row.keys) for row in key_rows({})}) == []  # the defaults are all keys
    assert unknown_keys({"help": "question_mark,?", "search": "ctrl+f,slash", "next_pane": "tab,F5"}) == [
        "next_pane: 'F5' is not a key (write one character or a name, joined to ctrl/shift/alt with +: q, ctrl+f, "
        "question_mark, pagedown, f1)"]
    found = unknown_keys({"search": "ctrl-f", "quit": "42", "coverage": "alt+"})
    assert [f.split(":")[0] for f in found] == ["search", "quit", "coverage"]


def test_parallax_keys_says_which_keys_are_never_pressed(tmp_path, capsys):
    from tui.cli import main

    path = tmp_path / "config.yaml"
    path.write_text("keys:\n  search: ctrl-f\n  quit: '42'\n", encoding="utf-8")
    assert main(["keys", "--config", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"parallax: {path}: keys.search: 'ctrl-f' is not a key" in err
    assert f"parallax: {path}: keys.quit: '42' is not a key" in err
