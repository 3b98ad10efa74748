"""models/display.py: untrusted names and text as something safe to show on a screen or stderr."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.display import display, file_name, strip_invisible, strip_terminal

HOSTILE_NAMES = {
    "\x1b]0;pwned\x07.txt": ".txt",  # retitles the terminal
    "\x1b[2J.txt": ".txt",  # clears it
    "\x9b31mred.txt": "red.txt",  # 8-bit CSI
    "a\x1bPq#0;2;0;0;0#0~~@@\x1b\\b.txt": "ab.txt",  # DCS (sixel)
    "report\u202etxt.exe": "reporttxt.exe",  # right-to-left override
    "pay\u200bpal.txt": "paypal.txt",  # zero-width space
    "li\u2066ne\u2069s.txt": "lines.txt",  # isolates
    "two\nlines\r\tand tab.txt": "two lines and tab.txt",  # a faked second stderr line
    "bell\x07 and nul\x00.txt": "bell and nul.txt",
    "tag\U000e0041\U000e0042s.txt": "tags.txt",  # invisible tag characters
}


@pytest.mark.parametrize("name", sorted(HOSTILE_NAMES))
def test_hostile_names_lose_what_a_terminal_would_act_on(name):
    shown = display(name)
    assert shown == HOSTILE_NAMES[name]
    assert all(ch.isprintable() or ch == " " for ch in shown)


def test_names_that_are_not_utf8_show_a_replacement_character():
    assert display(os.fsdecode(b"caf\xe9.txt")) == "caf\ufffd.txt"
    assert display(Path(os.fsdecode(b"/tmp/\xff/x.txt"))) == "/tmp/\ufffd/x.txt"


def test_ordinary_text_in_any_script_is_left_alone():
    for text in ("Le\u00a0ministre\u00a0: \u00ab\u00a0oui\u00a0\u00bb", "\u041c\u043e\u0441\u043a\u0432\u0430",
                 "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\U0001f469\u200d\U0001f4bb",
                 "\u0e01\u200b\u0e02", "\u6771\u4eac", "[bold]not markup[/bold]"):
        assert display(text) == text


def test_joiners_between_ascii_letters_are_removed():
    assert display("S\u200d-4\u200c00") == "S-400"


def test_strip_terminal_keeps_newlines_and_tabs():
    assert strip_terminal("a\x1b[31m\tb\nc\x07") == "a\tb\nc"


def test_running_text_keeps_bidi_marks_names_do_not():
    assert strip_invisible("\u05e9\u05dc\u05d5\u05dd\u200f 2024") == "\u05e9\u05dc\u05d5\u05dd\u200f 2024"
    assert display("\u05e9\u05dc\u05d5\u05dd\u200f 2024") == "\u05e9\u05dc\u05d5\u05dd 2024"


def test_file_name_is_the_last_part_made_safe():
    assert file_name("/a/b/\x1b[2Jc.txt") == "c.txt"
    assert file_name("C:\\dir\\d.txt") == "d.txt"


def test_bidi_overrides_and_zero_width_characters_reach_no_title_path_or_export(tmp_path, config):
    from models.export.report import export_markdown
    from models.loader import analyze
    from models.serialize import corpus_to_dict

    body = ("Turkey bought the S\u200b-400 from Russia, and Washington objected to the deal in strong terms that "
            "year.\n\nThe United States removed Turkey from the F-35 programme after the S-400 purchase.\n")
    for name, title in (("report\u202etxt.exe.txt", "Deal\u202e signed"), ("pay\u200bpal.txt", "Zero\u2066 width")):
        (tmp_path / name).write_text(f"{title}\n\n{body}", encoding="utf-8")
    corpus = analyze([tmp_path], config, cache=False)
    assert len(corpus.articles) == 2
    invisible = {"\u202e", "\u200b", "\u2066"}
    for article in corpus.articles:
        assert not set(article.text) & invisible and not set(article.display_title) & invisible
        assert not set(article.title or "") & invisible
    assert not set(export_markdown(corpus, config_topics=config.topics)) & invisible
    # the JSON keeps the true path (a program may need to open the file), nothing else
    data = corpus_to_dict(corpus)
    assert any("\u202e" in a["path"] for a in data["articles"])
