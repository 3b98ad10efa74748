"""Metadata comes from what the page states, and a field it does not state stays None."""

from __future__ import annotations

import pytest

from models.pipeline.clean import clean
from models.pipeline.meta import extract_meta, parse_date

BODY = (
    "Turkey bought the S-400 air defence system from Russia in July 2019, and Washington has objected ever "
    "since, warning of sanctions and of damage to NATO's shared defences."
)


def meta(text, config):
    return extract_meta(clean(text, config.cleaning))


def test_title_byline_and_dateline(config):
    m = meta(f"What Ankara Wants\n\nBy Jane Doe\n\nGlobal Outlet, April 26, 2019\n\n{BODY}\n\n{BODY}!\n", config)
    assert (m.title, m.author, m.source, m.date) == ("What Ankara Wants", "Jane Doe", "Global Outlet", "2019-04-26")


@pytest.mark.parametrize(
    "tail, author",
    [
        ("Author: Silvia Boltuc", "Silvia Boltuc"),
        ("Articles by: **Andrew Korybko**", "Andrew Korybko"),
        ("About Eleanor Blackburn", "Eleanor Blackburn"),
        ("Scott Bryce Aubrey is a master’s candidate at NPSIA and a coordinator at its Centre.", "Scott Bryce Aubrey"),
    ],
)
def test_author_from_the_tail(config, tail, author):
    assert meta(f"{BODY}\n\n{BODY}!\n\n{tail}\n", config).author == author


def test_body_dates_are_not_publication_dates(config):
    m = meta(f"{BODY}\n\n{BODY}!\n", config)
    assert m == type(m)()  # nothing stated, nothing guessed


def test_source_from_copyright_and_disclaimer(config):
    m = meta(f"{BODY}\n\n{BODY}!\n\nCopyright © Jane Doe, The Outlet, 2021\n", config)
    assert m.source == "The Outlet" and m.date is None
    m = meta(f"{BODY}\n\n{BODY}!\n\nThe views expressed are the author’s own and do not necessarily reflect iAffairs’ editorial stance.\n", config)
    assert m.source == "iAffairs"


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Global Research, April 26, 2019", "2019-04-26"),
        ("Published 3rd of March 2020", "2020-03-03"),
        ("Updated: 2021-10-27 14:00", "2021-10-27"),
        ("Sept. 5, 2020", "2020-09-05"),
        ("February 30, 2020", None),
        ("in July 2019", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


HARBOUR = (
    "Crews from the Riverside harbour office set out at first light on Thursday to search the estuary for the "
    "missing barge, and the harbour master said the work would go on through the weekend if the weather held."
)


@pytest.mark.parametrize(
    "byline, author, source",
    [
        # the list of people ends at its "and": what follows a comma after it is the outlet
        ("By Nell Arden and Tobias Quill, Riverside Courier", "Nell Arden and Tobias Quill", "Riverside Courier"),
        ("By Nell Arden, Tobias Quill and Ida Moss, Riverside Courier", "Nell Arden, Tobias Quill and Ida Moss", "Riverside Courier"),
        # without an "and" the names after a comma are people, and no outlet is guessed
        ("By Nell Arden, Tobias Quill", "Nell Arden, Tobias Quill", None),
        ("By Nell Arden, Tobias Quill and Ida Moss", "Nell Arden, Tobias Quill and Ida Moss", None),
        # the outlet on a short line of its own right under the byline
        ("Nell Arden, Tobias Quill\n\nRiverside Courier", "Nell Arden, Tobias Quill", "Riverside Courier"),
        ("By Nell Arden\n\nRiverside Courier", "Nell Arden", "Riverside Courier"),
    ],
)
def test_outlet_named_with_the_byline(config, byline, author, source):
    m = meta(f"Harbour crews return to the estuary at dawn\n\n{byline}\n\n{HARBOUR}\n\n{HARBOUR}!\n", config)
    assert (m.author, m.source) == (author, source)


@pytest.mark.parametrize("under", ["Staff Writer", "March 27, 2024", "Updated on Thursday."])
def test_a_role_or_date_under_the_byline_is_no_outlet(config, under):
    m = meta(f"Harbour crews return to the estuary at dawn\n\nBy Nell Arden\n\n{under}\n\n{HARBOUR}\n\n{HARBOUR}!\n", config)
    assert m.source is None


def test_a_deck_between_title_and_byline_does_not_hide_the_outlet_under_it(config):
    deck = "Divers went back into the estuary on Thursday for the barge crew."
    text = f"Harbour crews return to the estuary at dawn\n\n{deck}\n\nNell Arden, Tobias Quill\n\nRiverside Courier\n\n{HARBOUR}\n\n{HARBOUR}!\n"
    m = meta(text, config)
    assert (m.author, m.source) == ("Nell Arden, Tobias Quill", "Riverside Courier")
