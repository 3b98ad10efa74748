"""Every colour the config lets through is one the reader can draw: checked against Rich itself (the models
keep Rich's names and the CSS names as data, so that they need not import Rich)."""

from __future__ import annotations

from rich.color import ANSI_COLOR_NAMES
from rich.style import Style

from models.colours import CSS_NAMES, RICH_NAMES, normal_colour


def test_the_names_are_richs_own():
    assert RICH_NAMES == frozenset(ANSI_COLOR_NAMES)
    assert not set(CSS_NAMES) & RICH_NAMES


def test_every_colour_given_back_is_one_rich_draws():
    written = [*RICH_NAMES, *CSS_NAMES, "#fff", "#ABC", "#a1b2c3", "Dark Orange", "dark-orange", "Light Sea Green"]
    for text in written:
        colour = normal_colour(text)
        assert colour is not None, text
        Style.parse(colour)  # raises on a colour Rich cannot draw


def test_what_is_no_colour_is_none():
    for text in ["", " ", "#ggg", "#ffff", "#1234567", "purplish", "rgb(1,2,3)", "default", "ff0000"]:
        assert normal_colour(text) is None, text


def test_shorthand_and_css_names_are_spelt_out():
    assert normal_colour("#fFf") == "#ffffff"
    assert normal_colour(" Teal ") == "#008080"
    assert normal_colour("RED") == "red"  # the terminal's own red, as before
