"""Metadata kinds met on pages of outlets never seen (issue 11): date lines, bylines with a keyword, a class
year or an outlet after the names, agency initials beside the date, titles with a year or an abbreviation.
Every fixture here is written for the test (no third-party text)."""

from __future__ import annotations

import pytest

from models.pipeline.clean import clean
from models.pipeline.dates import date_line, parse_date
from models.pipeline.meta import extract_meta
from tests.support.ferry import BODY, MORE, TITLE


def meta(text, config):
    return extract_meta(clean(text, config.cleaning))


def page(*head: str, tail: str = "") -> str:
    return "\n\n".join([*head, BODY, MORE] + ([tail] if tail else [])) + "\n"


def test_a_date_line_with_its_update_is_the_date_not_the_title_nor_a_passage(config):
    line = "March 26, 2024, 8:12 AM EDT / Updated March 26, 2024, 1:40 PM EDT"
    cleaned = clean(page(TITLE, line), config.cleaning)
    m = extract_meta(cleaned)
    assert (m.title, m.date) == (TITLE, "2024-03-26")
    assert [p.text for p in cleaned.paragraphs] == [BODY, MORE]


@pytest.mark.parametrize(
    "byline, author",
    [
        ("By Mara Quentin ’10", "Mara Quentin"),  # a student paper's class year
        ("Reporter Mara Quentin", "Mara Quentin"),  # the byline's role word before the name
        ("BY Mara Quentin < 2 MINUTE READ", "Mara Quentin"),  # in capitals, with a reading time
        ("04.19.2022 by Mara Quentin · Leave a comment", "Mara Quentin"),  # a blog's date line carrying the byline
        ("Posted on April 19, 2022 by Mara Quentin", "Mara Quentin"),
        ("Mara Quentin, Tobin Reyes and Ilse van Dorn |", "Mara Quentin, Tobin Reyes and Ilse van Dorn"),  # names, then a separator
    ],
)
def test_byline_shapes(config, byline, author):
    assert meta(page(TITLE, byline), config).author == author


@pytest.mark.parametrize("tail", ["Reporter Mara Quentin", "Written by Mara Quentin"])
def test_a_byline_with_its_keyword_under_the_body(config, tail):
    assert meta(page(TITLE, tail=tail), config).author == "Mara Quentin"


@pytest.mark.parametrize(
    "byline, author, source",
    [
        ("By Mara Quentin and Tobin Reyes The Harbour Gazette", "Mara Quentin and Tobin Reyes", "The Harbour Gazette"),
        ("Mara Quentin, Harbour Gazette", "Mara Quentin", "Harbour Gazette"),
        ("By Mara Quentin, Harbour Gazette", "Mara Quentin", "Harbour Gazette"),
        ("By Mara Quentin KNW", "Mara Quentin", "KNW"),
        ("By Coastal Press Association", "Coastal Press Association", "Coastal Press Association"),
        # two people, no outlet: the last name is no outlet's
        ("Mara Quentin, Tobin Reyes", "Mara Quentin, Tobin Reyes", None),
    ],
)
def test_outlet_after_the_names(config, byline, author, source):
    m = meta(page(TITLE, byline), config)
    assert (m.author, m.source) == (author, source)


def test_agency_initials_beside_the_date_are_the_outlet(config):
    m = meta(page(TITLE, "KNW", "April 19, 2022"), config)
    assert (m.source, m.date) == ("KNW", "2022-04-19")


def test_a_section_label_in_capitals_beside_the_date_is_no_outlet(config):
    assert meta(page(TITLE, "WORLD", "April 19, 2022"), config).source is None


def test_an_outlets_staff_run_into_the_date(config):
    m = meta(page(TITLE, "Harbour Gazette Reporter19 April 2022"), config)
    assert (m.author, m.source, m.date) == (None, "Harbour Gazette", "2022-04-19")


def test_the_date_under_the_title_beats_the_sites_today_above_it(config):
    m = meta(page("Thu. Nov 28th, 2024", TITLE, "Local News Tuesday, April 19th, 2022"), config)
    assert (m.title, m.date) == (TITLE, "2022-04-19")


@pytest.mark.parametrize(
    "title",
    [
        "Ferry workers strike over the 2022 pay offer in the harbour",  # a year is a title's word
        "Ferry service resumes Friday 8 a.m.",  # an abbreviation's dots are no final stop
    ],
)
def test_titles_with_a_year_or_an_abbreviation(config, title):
    assert meta(page(title, "By Mara Quentin"), config).title == title


def test_tags_under_the_title_are_not_joined_to_it(config):
    cleaned = clean(f"{TITLE}\n\n\n\nferry storms\n\n{BODY}\n\n{MORE}\n", config.cleaning)
    assert extract_meta(cleaned).title == TITLE


@pytest.mark.parametrize(
    "text, iso",
    [
        ("14-Jul-2024 09:10", "2024-07-14"),
        ("Jul-14-2024", "2024-07-14"),
        ("14.Jul.2024", "2024-07-14"),
        ("2024-07-14T09:10:00Z", "2024-07-14"),
        ("Gazette Reporter3 July 2024", "2024-07-03"),
        ("1.5 May 2024", None),  # a decimal is no day
        ("10:30 May 2024", None),  # nor a time
    ],
)
def test_more_date_shapes(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March 26, 2024, 8:12 AM EDT / Updated March 26, 2024, 1:40 PM EDT", True),
        ("Published 14-Jul-2024 09:10", True),
        ("Harbour Gazette, April 26, 2019", True),  # an outlet or label beside the date, at most two words
        ("Posted: Tue 07/02/2024 - 10:15", True),
        ("All Stories Top Local Feed Wednesday, February 21st, 2024", False),
        ("Ferry freed on March 29, 2021 after six days", False),  # a sentence with a date
        ("Ferry workers strike over the 2022 pay offer", False),  # no full date
    ],
)
def test_date_line(text, expected):
    assert date_line(text) is expected


def test_an_interface_label_is_no_author_but_a_common_name_with_its_date_is(config):
    assert meta(page(TITLE, "Full Screen\n1 / 9"), config).author is None  # every word common in English: a label
    m = meta(page(TITLE, "Mark White\nApril 19, 2022"), config)  # as common, but printed with the date: a byline
    assert (m.author, m.date) == ("Mark White", "2022-04-19")


def test_a_live_blogs_byline_kept_as_its_first_paragraph_and_the_posts_author(config):
    byline = "By Mara Quentin, Tobin Reyes, Ilse van Dorn and Kofi B. Mensah, KNW"
    m = meta(page(TITLE, tail=""), config)
    assert m.author is None
    text = f"{TITLE}\n\n{byline}\n\n{BODY}\n\n{MORE}\n"
    m = meta(text, config)
    assert (m.author, m.source) == ("Mara Quentin, Tobin Reyes, Ilse van Dorn and Kofi B. Mensah", "KNW")
    m = meta(f"{TITLE}\n\nFrom Harbour Gazette's Mara Quentin\n\n{BODY}\n\n{MORE}\n", config)
    assert (m.author, m.source) == ("Mara Quentin", "Harbour Gazette")


def test_a_paragraph_opening_with_by_and_a_time_is_no_byline(config):
    text = f"{TITLE}\n\nBy Tuesday evening, the ferry had made four crossings and the queue had gone.\n\n{BODY}\n\n{MORE}\n"
    assert meta(text, config).author is None


@pytest.mark.parametrize(
    "opening, date",
    [
        ("April 19, 2022The island ferry", "2022-04-19"),  # run into the text
        ("April 19, 2022 – The island ferry", "2022-04-19"),  # a dash after it
        ("April 19, 2022 was the day the island ferry", None),  # prose that starts with a date
    ],
)
def test_a_date_run_into_the_first_paragraph(config, opening, date):
    text = f"{TITLE}\n\n{opening} ran its first full timetable of the year, after three weeks of storms kept it in harbour.\n\n{MORE}\n"
    assert meta(text, config).date == date


@pytest.mark.parametrize(
    "byline, author, source",
    [
        ("Written By: Mara Quentin", "Mara Quentin", None),  # the keyword in title case, with a colon
        ("By Mara Quentin (KNW)", "Mara Quentin", "KNW"),  # the outlet in brackets
        ("Mara Quentin | Harbour Gazette | April 19, 2022", "Mara Quentin", "Harbour Gazette"),  # parts on one line
        ("Mara Quentin\nHarbour Gazette\nApril 19, 2022", "Mara Quentin", "Harbour Gazette"),  # ... or on three
        ("By MARA QUENTIN\nHarbour Gazette", "MARA QUENTIN", "Harbour Gazette"),
    ],
)
def test_more_byline_shapes(config, byline, author, source):
    m = meta(page(TITLE, byline), config)
    assert (m.author, m.source) == (author, source)


def test_story_written_by_under_the_body(config):
    assert meta(page(TITLE, tail="Story written by Mara Quentin"), config).author == "Mara Quentin"


@pytest.mark.parametrize("label", ["Listen Live Radio", "Home Island Ferries"])
def test_a_label_above_the_title_does_not_take_the_dates_credit(config, label):
    # a player's label or a breadcrumb of a few capitalised words, then the title, then the date: the date
    # follows the title (it was counted for the label, which then won as the first heading-like line)
    title = "The Latest: Island ferry returns after storms"
    m = meta(page(label, title, "April 19, 2022 4:52 pm"), config)
    assert (m.title, m.date) == (title, "2022-04-19")


def test_a_date_line_under_a_long_deck_is_no_paragraph(config):
    deck = ("Speaking at the harbour on Monday, the operator said that all four crossings would run again from the "
            "first week of the spring timetable.")
    cleaned = clean(f"{TITLE}\n\n{deck}\n\nPublished: 19th April 2022 07:57 AM | Last Updated: 19th April 2022 09:10 AM\n\n"
                    f"{BODY}\n\n{MORE}\n", config.cleaning)
    assert extract_meta(cleaned).date == "2022-04-19"
    assert not any(p.text.startswith("Published") for p in cleaned.paragraphs)


@pytest.mark.parametrize(
    "line",
    [f"UPDATE 2-{TITLE}", f"{TITLE} (2nd UPDATE)", f"(UPDATE 3) {TITLE}"],
)
def test_a_wires_numbered_update_marker_is_not_the_titles(config, line):
    assert meta(page(line, "By Mara Quentin"), config).title == TITLE

