"""Metadata kinds (issue 11): an agency as the byline when no person is named, a user name as the byline, the
title without what a page or feed adds to it (a copy's number, a breadcrumb, the site's name after a dash).
Every fixture here is written for the test (no third-party text)."""

from __future__ import annotations

import pytest

from models.pipeline.clean import clean
from models.pipeline.meta import extract_meta
from tests.support.ferry import BODY, MORE, TITLE


def meta(*head: str, body: tuple[str, ...] = (BODY, MORE)):
    from models.config import load_config

    return extract_meta(clean("\n\n".join([*head, *body]) + "\n", load_config().cleaning))


@pytest.mark.parametrize(
    "byline",
    ["By KNW", "By: KNW", "(KNW)", "By (KNW)", "By KNW Published March 3, 2025", "By KNW on Mar 3, 2025",
     "By KNW | Updated: Mar 03, 2025, 10:04 IST", "(KNW) March 3, 2025"],
)
def test_an_agency_as_the_byline_is_author_and_outlet(byline):
    m = meta(TITLE, byline)
    assert (m.title, m.author, m.source) == (TITLE, "KNW", "KNW")


def test_a_wire_dateline_naming_no_person_gives_the_agency_as_author():
    m = meta(TITLE, "March 3, 2025", body=("PORTLAND, Maine (KNW) — " + BODY, MORE))
    assert (m.author, m.source, m.date) == ("KNW", "KNW", "2025-03-03")


def test_a_person_named_keeps_the_byline_and_the_agency_is_the_outlet():
    m = meta(TITLE, "By Mara Quentin", body=("PORTLAND, Maine (KNW) — " + BODY, MORE))
    assert (m.author, m.source) == ("Mara Quentin", "KNW")


@pytest.mark.parametrize(
    "byline, author",
    [("By the Coastal Press", "Coastal Press"), ("By The Coastal Press", "The Coastal Press"), ("By KNW and AFW", "KNW and AFW")],
)
def test_an_organisation_as_the_byline(byline, author):
    m = meta(TITLE, byline, "March 3, 2025")
    assert (m.title, m.author) == (TITLE, author)


def test_an_outlets_staff_with_a_date_is_no_person():
    m = meta(TITLE, "By Knewswire Staff", "March 3, 2025")
    assert (m.author, m.source) == (None, "Knewswire")


def test_agency_in_capitals_on_the_date_line_is_the_outlet():
    m = meta(TITLE, "KNW - March 3, 2025")
    assert (m.source, m.date) == ("KNW", "2025-03-03")


@pytest.mark.parametrize("byline, author", [("By @jdoe", "@jdoe"), ("jdoe123", "jdoe123"), ("Posted by j_doe on March 3, 2025", "j_doe")])
def test_a_user_name_as_the_byline(byline, author):
    assert meta(TITLE, byline).author == author


def test_a_lone_english_word_under_the_title_is_no_user_name():
    assert meta(TITLE, "advertisement").author is None


@pytest.mark.parametrize(
    "line",
    [f"{TITLE} (1)", f"Island News > {TITLE}", f"Home > Island News > {TITLE}", f"Island News » {TITLE}",
     f"Home / Travel / {TITLE}", f"UPDATE 2-{TITLE} (2)"],
)
def test_the_title_without_a_copys_number_or_a_breadcrumb(line):
    assert meta(line, "By Mara Quentin").title == TITLE


def test_a_single_slash_is_the_headlines_own():
    line = "Storm Bea / Storm Cal leave the ferries in harbour"
    assert meta(line, "By Mara Quentin").title == line


@pytest.mark.parametrize("site", ["Harbour Gazette", "The Harbour Gazette", "Knewswire"])
def test_the_sites_name_after_a_dash_goes_to_the_outlet(site):
    m = meta(f"{TITLE} – {site}", "By Mara Quentin")
    assert (m.title, m.source) == (TITLE, site)


def test_a_name_after_a_dash_the_body_quotes_is_the_headlines_own():
    line = f"{TITLE} - Knewswire"
    m = meta(line, body=("Knewswire, the operator, said the timetable would hold. " + BODY, MORE))
    assert (m.title, m.source) == (line, None)


def test_an_outlet_named_in_a_notice_about_the_copy():
    notice = "(This story has not been edited by Knewswire staff and is published from a feed.)"
    assert meta(TITLE, body=(BODY, MORE, notice)).source == "Knewswire"


MINE = (
    "The lithium mining company opened a second pit near the lake on Monday, after a year in which the mine's "
    "owners argued with the council over water."
)
VALLEY = (
    "Mining in the valley has doubled since the lithium price rose, and the council said it would review the "
    "permits in the spring."
)


@pytest.mark.parametrize("head", [("Lithium mining",), ("Lithium mining", "By Mara Quentin", "March 3, 2025")])
def test_a_headline_of_two_words_the_story_uses(head):
    assert meta(*head, body=(MINE, VALLEY)).title == "Lithium mining"


@pytest.mark.parametrize("label", ["Read more", "World news"])
def test_two_everyday_words_are_a_label_not_the_title(label):
    assert meta(label, body=(MINE, VALLEY)).title is None
    assert meta(label, "Lithium mining", body=(MINE, VALLEY)).title == "Lithium mining"


@pytest.mark.parametrize(
    "line", ["Port strike, March 3, 2025", "Ferry strike ends – March 3, 2025", "Ferry strike ends, 3 March 2025"]
)
def test_a_headline_ending_in_its_date(line):
    m = meta(line, "By Mara Quentin")
    assert (m.title, m.author, m.source, m.date) == (line, "Mara Quentin", None, "2025-03-03")


def test_a_site_and_its_date_stay_a_date_line():
    m = meta(TITLE, "Harbour Gazette, March 3, 2025")
    assert (m.title, m.source, m.date) == (TITLE, "Harbour Gazette", "2025-03-03")


def test_a_headline_in_title_case_is_no_line_of_names():
    m = meta("Island Ferry Returns", "By Mara Quentin")
    assert (m.title, m.author) == ("Island Ferry Returns", "Mara Quentin")


def test_a_name_line_above_the_body_stays_a_byline():
    m = meta(TITLE, "Mara Quentin", "March 3, 2025")
    assert (m.title, m.author) == (TITLE, "Mara Quentin")


LONG = (
    "The island ferry ran its first full timetable of the year on Monday, after three weeks in which storms kept the "
    "boats in harbour and left the village shop without fresh bread, and the harbour master said the landing stage "
    "would need more work before the summer, when the timetable doubles and the boats carry the visitors who keep "
    "the shops open."
)
LONGER = (
    "Repairs to the landing stage cost more than the operator had planned, its director told the island council, "
    "which met in the school hall because the storms had flooded its chamber, and the spring fares would not change "
    "before the summer season, though the winter ones might rise next year if the insurers raise the premium again."
)


def test_a_head_byline_with_its_keyword_is_read_whatever_the_length_of_the_first_paragraphs():
    m = meta(TITLE, "Author: Mara Quentin", body=(LONG, LONGER))
    assert (m.title, m.author) == (TITLE, "Mara Quentin")  # (was 'Author: Mara Quentin': read as a lead line)


@pytest.mark.parametrize("opening, iso", [("date 2023-09-13 ", "2023-09-13"), ("Published: 3 March 2024 ", "2024-03-03"), ("", None)])
def test_a_labelled_date_opening_the_first_paragraph(opening, iso):
    assert meta(opening + BODY, MORE, body=()).date == iso


@pytest.mark.parametrize("head, author", [(("By", "KNW"), "KNW"), (("— KNW",), "KNW"), (("By", "Mara Quentin", "March 3, 2025"), "Mara Quentin")])
def test_a_byline_split_over_two_lines_or_signed_with_a_dash(head, author):
    assert meta(TITLE, *head).author == author


def test_a_list_item_after_a_hyphen_is_no_agency():
    assert meta(TITLE, body=(BODY, MORE, "Read more on:", "- Portland", "- Harbour")).author is None


@pytest.mark.parametrize(
    "line, title, source",
    [
        (f"Opinion | {TITLE}", TITLE, None),  # a section's label before the bar
        (f"Harbour Gazette | {TITLE}", TITLE, "Harbour Gazette"),  # the site's name before it
        ("Ferry strike | Harbour Gazette Online", "Ferry strike", "Harbour Gazette Online"),  # the site's name after it
    ],
)
def test_a_label_or_the_site_before_a_bar(line, title, source):
    m = meta(line, "By Mara Quentin")
    assert (m.title, m.source) == (title, source)


def test_a_two_word_headline_above_its_deck_is_the_title():
    m = meta("Lithium mining", "The company opens a second pit near the lake", body=(MINE, VALLEY))
    assert m.title == "Lithium mining"


def test_a_headline_in_title_case_ending_in_its_date():
    body = ("The strike at the port ends on Monday, the union said, after three weeks in which no ship was unloaded.", MORE)
    assert meta("Port Strike Ends, March 3, 2025", body=body).title == "Port Strike Ends, March 3, 2025"


def test_a_time_and_its_zone_before_the_date_are_no_headline():
    m = meta(TITLE, "Updated 9:00 p.m. ET, March 3, 2025")
    assert (m.title, m.date) == (TITLE, "2025-03-03")


@pytest.mark.parametrize(
    "head, first, author, source",
    [
        (("March 3, 2025 (KNW)",), BODY, "KNW", "KNW"),  # the agency in brackets after the date
        ((), "(KNW) — " + BODY, "KNW", "KNW"),  # a wire dateline without its place
        (("KNW, March 3, 2025",), BODY, None, "KNW"),  # a date line naming its site: no byline
    ],
)
def test_an_agency_beside_the_date_or_opening_the_body(head, first, author, source):
    m = meta(TITLE, *head, body=(first, MORE))
    assert (m.title, m.author, m.source) == (TITLE, author, source)


def test_an_agencys_initials_under_the_body_are_the_outlet():
    assert meta(TITLE, body=(BODY, MORE, "KNW")).source == "KNW"


@pytest.mark.parametrize("label", ["Trade war", "Read more"])
def test_two_everyday_words_the_body_repeats_are_its_subject(label):
    body = (
        "The trade war between the two ports began in March, when the first tariff on fish was set, and the war of "
        "words has not stopped since.",
        "Trade between the islands fell by a third, and each side says the other started the war over a trade rule "
        "that nobody can now remember.",
    )
    assert meta(label, body=body).title == (label if label == "Trade war" else None)


@pytest.mark.parametrize(
    "opening, date",
    [
        ("Portland, Maine | KNW | ", None),  # the agency between bars
        ("Portland (Maine) (KNW) – ", None),  # the region in brackets
        ("Portland, March 3, 2025 (KNW) – ", "2025-03-03"),  # a full date in the dateline
    ],
)
def test_wire_dateline_shapes(opening, date):
    m = meta(TITLE, body=(opening + BODY, MORE))
    assert (m.author, m.source, m.date) == ("KNW", "KNW", date)


def test_share_buttons_in_slashes_are_no_breadcrumb_of_the_title():
    from models.config import load_config

    text = f"Facebook / Twitter / Share this article\n\n{BODY}\n\n{MORE}\n"
    assert extract_meta(clean(text, load_config().cleaning)).title != "Share this article"


@pytest.mark.parametrize("label", ["Explainer", "Kyiv"])
def test_a_label_or_place_after_the_dash_is_no_outlet(label):
    m = meta(f"{TITLE} – {label}", "By Mara Quentin")
    assert m.source != label


def test_an_organisation_s_initials_in_the_first_paragraph_are_no_wire():
    first = "The Harbour Pilots Association (HPA) - The union said the ferry timetable would hold through the spring."
    m = meta(TITLE, body=(first, BODY, MORE))
    assert m.author != "HPA" and m.source != "HPA"


def test_section_labels_between_bars_are_no_agency():
    first = "Analysis | Opinion | The island ferry ran its first full timetable of the year on Monday after the storms."
    m = meta(TITLE, body=(first, MORE))
    assert m.author != "Opinion" and m.source != "Opinion"
