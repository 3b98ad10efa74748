"""Furniture kinds met on outlets the cleaner had never seen (issue 11, second round), each told by general
evidence: the wire shape of a dated caption, a credit after it, a strip of labels, markup left in the text, the
site's own voice below a tail marker, a teaser sharing no word with the article, a headline after a date stamp.

Every text is written for these tests (the invented harbour story of tests/support/harbour.py and invented
furniture of the kinds real pages carry); no outlet's text.
"""

from __future__ import annotations

from models.pipeline.meta import extract_meta
from tests.support.harbour import P1, P2, P3, P4, kept, run

TITLE = "Grain ship refloated after two days on the sandbank"


def reasons(text, config):
    return {r.text: r.rule for r in run(text, config).removed}


# --- captions ---------------------------------------------------------------------------------------------


def test_a_caption_in_the_present_dated_after_a_comma_goes(config):
    caption = "A pilot boat circles the grain ship on the sandbank in the Corran estuary, March 3, 2025."
    text = f"{TITLE}\n\n{caption}\n\n{P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]
    assert reasons(text, config)[caption] == "image-caption"


def test_a_dated_description_with_a_bare_credit_after_its_stop_goes(config):
    # the past tense in a clause ("after the tide turned") is no report: the bare name after the stop is a credit
    caption = "Tugs pull at the grain ship after the tide turned in the Corran estuary, March 3, 2025. Harbourpix"
    text = f"{TITLE}\n\n{P1}\n\n{caption}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_a_report_dated_after_a_comma_stays(config):
    # the body's sentences tell what happened, in the past, and end with no credit
    line = "The ship was refloated on the evening tide in the Corran estuary, March 3, 2025."
    text = f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}\n"
    assert kept(text, config) == [P1, line, P2]


def test_a_bracketed_credit_in_a_table_cell_and_a_long_slashed_credit_close_captions(config):
    cell = "The grain ship on the sandbank on Monday. [Photo/Agencies] |"
    slashed = "Some of the cargo recovered by divers. (Corran Dive Expedition/Harbour Foundation/Port Authority Archive)"
    text = f"{TITLE}\n\n{cell}\n\n{P1}\n\n{slashed}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_a_view_of_a_place_under_the_title_is_a_caption_not_a_deck(config):
    caption = "A view of the grain ship stranded on the sandbank in the Corran estuary"
    text = f"Monday, March 3, 2025\n\n{TITLE}\n\n{caption}\n\n{P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


# --- lines that are no text -------------------------------------------------------------------------------


def test_a_line_of_markup_is_no_title_and_no_text(config):
    text = f'<img height="1" width="1" style="display:none" src="https://example.com/px?id=1">\n\n{TITLE}\n\n{P1}\n\n{P2}\n'
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).title == TITLE


def test_a_strip_of_labels_between_separators_goes_but_a_title_with_its_site_on_the_first_line_is_read(config):
    strip = "Mar 03, 2025 • 1 hour ago • 2 minute read • Join the conversation"
    tags = "shipping | harbour | corran | grain trade"
    text = f"{TITLE} | News | The Harbour Ledger\n\n{strip}\n\n{P1}\n\n{P2}\n\n{tags}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert {r.text: r.rule for r in result.removed}[strip] == "label-strip"
    assert (extract_meta(result).title or "").startswith(TITLE)


def test_a_picture_file_name_run_into_the_first_words_is_cut_off(config):
    text = f"{TITLE}\n\n2025_03_grainship.jpg{P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_the_desks_sign_off_under_the_last_paragraph_goes_and_the_paragraph_stays(config):
    text = f"{TITLE}\n{P1}\n{P2}\n{P3}\nabc/xyz (Harbour Wire, AFP)\n"
    assert kept(text, config) == [P1, P2, P3]


def test_a_sentence_said_twice_in_one_block_is_a_prompt(config):
    prompt = ("Read the Harbour Letter newsletter for unhurried, unsponsored shipping news every week. "
              "Read the Harbour Letter newsletter for unhurried shipping news every week.")
    text = f"{TITLE}\n\n{prompt}\n\n{P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


# --- the title ----------------------------------------------------------------------------------------------


def test_a_players_label_sharing_no_word_with_the_body_is_not_the_title(config):
    text = f"Watch Ledger TV Live\n\n{TITLE}\n\n{P1}\n\n{P2}\n\n{P3}\n"
    assert extract_meta(run(text, config)).title == TITLE


def test_a_headline_printed_after_its_date_stamp_on_one_line_is_the_title(config):
    text = f"date 2025-03-03 {TITLE}\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert extract_meta(result).title == TITLE
    assert extract_meta(result).date == "2025-03-03"


def test_a_deck_in_sentence_case_with_names_stays_under_the_title(config):
    deck = "Harbourmaster Ines Corrigan says Captain Tomas Brennan acted correctly"
    body = f"{P1}\n\nHarbourmaster Ines Corrigan told reporters that Captain Tomas Brennan had done all he could.\n\n{P2}"
    text = f"{TITLE}\n\n{deck}\nBy Jane Roe\nPosted Mar 3, 2025 10:30 AM\n\n{body}\n"
    assert deck in kept(text, config)


# --- the site speaking, another story, the tail ------------------------------------------------------------


def test_a_notice_about_the_page_above_the_body_goes(config):
    notice = ("This is an archived page and what it says may be out of date. Please check the stamp at its head "
              "to see when it was last changed.")
    text = f"{TITLE}\n\n{notice}\n\n{P1}\n\n{P2}\n\n{P3}\n"
    assert kept(text, config) == [P1, P2, P3]


def test_the_sites_words_below_a_labelled_comments_marker_go_with_it(config):
    rules = ("We want our comments to be a lively part of our community, a place where readers can debate the "
             "issues of the day, and we may withdraw that privilege if it is abused.")
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\nComments: Our rules\n{rules}\nPlease report any comments that break our rules.\n"
    assert kept(text, config) == [P1, P2]


def test_a_short_last_paragraph_below_a_labelled_marker_stays(config):
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\nComments: what readers said\n\n{P4}\n"
    assert P4 in kept(text, config)


def test_a_pointer_in_brackets_after_the_last_sentence_is_cut_off(config):
    text = f"{TITLE}\n\n{P1}\n\n{P2} (Read more harbour stories.)\n"
    assert kept(text, config) == [P1, P2]


def test_the_wire_credits_close_the_last_paragraph_above_the_pages_furniture(config):
    text = f"{TITLE}\n\n{P1}\n\n{P2} (Reporting by Jane Roe; Editing by John Doe)\n\nAdvertisement\n\nShopping deals\n"
    assert kept(text, config) == [P1, P2]


def test_another_storys_headline_and_summary_inside_the_body_go(config):
    teaser = ("A year ago at this time, petrol in Westmoor cost about the same per litre. Prices are easing into "
              "late June as motorists plan summer trips.")
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\nPetrol Prices Fall Four Pence In Westmoor\n{teaser}\n\n{P3}\n\n{P4}\n"
    assert kept(text, config) == [P1, P2, P3, P4]


def test_the_articles_own_subheading_and_paragraph_stay(config):
    own = "The pilots' union said the channel had not been dredged since the sandbank first formed."
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\nWhy the channel silted up\n{own}\n\n{P3}\n\n{P4}\n"
    assert own in kept(text, config)


def test_two_paragraphs_the_page_prints_twice_in_a_row_go_both_times(config):
    issue = "This story is from the March 3, 2025 issue of The Harbour Ledger magazine."
    trial = "Start your free trial to read thousands of curated stories and hundreds of magazines every month."
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{issue}\n\n{trial}\n\nAlready a reader?\n\n{issue}\n\n{trial}\n"
    assert kept(text, config) == [P1, P2]


def test_a_phrase_at_a_named_place_credited_to_an_agency_is_a_caption_but_a_credited_sentence_stays(config):
    caption = "Salvage work underway at Corran Point on Sunday. (HPA)"
    sentence = "The search for the missing deckhand continues off Corran Point. (HPA)"
    text = f"{TITLE}\n\n{caption}\n\n{P1}\n\n{sentence}\n\n{P2}\n"
    assert kept(text, config) == [P1, sentence, P2]
