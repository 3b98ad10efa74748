"""Wrapping for the line-API panes: the fast path (text known to be one cell a character) must give the same
lines as the careful per-character walk, and every character it trusts must really be one cell wide."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size

from tui.layout import ONE_CELL_RANGES, _wrap_cells, _wrap_narrow, wrap


def test_every_character_the_fast_path_trusts_is_one_cell_wide():
    wider = [hex(c) for a, b in ONE_CELL_RANGES for c in range(a, b + 1) if get_character_cell_size(chr(c)) != 1]
    assert wider == []


def test_wide_and_combining_text_is_measured():
    assert wrap("漢字漢字漢字", 4) == [(0, 2), (2, 4), (4, 6)]  # two cells each
    assert wrap("cafe\u0301 cafe\u0301", 5) == [(0, 5), (6, 11)]  # the accent takes no cell
    assert wrap("a漢\u200b", 2) == [(0, 1), (1, 3)]  # as many cells as characters, yet not one each


def test_typographic_punctuation_takes_the_fast_path_and_wraps_the_same():
    text = "Turkey’s “deal” — the S-400s… and Ankara’s answer, «non» and €2.5bn"
    assert cell_len(text) == len(text)
    for width in range(3, 40):
        assert wrap(text, width) == _wrap_cells(text, width) == _wrap_narrow(text, width)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab c’“”—–…«»€ ßéЖλ漢\u0301\u200b"), max_size=80), st.integers(1, 30))
def test_wrap_covers_the_text_within_the_width(text, width):
    lines = wrap(text, width)
    assert lines[0][0] == 0
    for start, end in lines:
        assert cell_len(text[start:end]) <= width or end - start == 1
    if all(get_character_cell_size(c) == 1 for c in text):
        assert lines == _wrap_narrow(text, max(1, width))
