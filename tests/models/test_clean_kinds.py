"""Kinds of furniture and metadata the cleaner reads from general evidence (issue 11): captions printed
twice, photographer credits, decks in sentence case, the title printed again with a breadcrumb or a site
name, bylines naming an outlet with a role, a byline right above its date.

Every text is written for these tests: an invented outlet reporting an invented story.
"""

from __future__ import annotations

from models.pipeline.meta import extract_meta
from tests.support.harbour import P1, P2, P3, P4, kept, run

TITLE = "Grain Ship Refloated After Two Days on Sandbank"
CAPTION = "Tugs pull the grain ship off the sandbank at the mouth of the channel on Monday morning."


def test_a_caption_printed_twice_in_a_row_goes_with_its_credit(config):
    text = f"{TITLE}\n\n{CAPTION}\n{CAPTION}\nJane Doe/Harbour Photos\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert [r.rule for r in result.removed if r.text == CAPTION] == ["image-caption", "image-caption"]


def test_a_paragraph_said_twice_far_apart_is_kept_once(config):
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P4}\n\n{P1}\n"
    assert kept(text, config) == [P1, P2, P4]


def test_one_sentence_with_a_photographer_credit_in_brackets_is_a_caption(config):
    line = "The grain ship on the sandbank at dawn on Sunday. (Harbour Photos/Jane Doe)"
    text = f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_a_deck_in_sentence_case_under_the_title_is_kept(config):
    deck = "Channel reopens to traffic since 2019 dredging delays"
    text = f"{TITLE}\n\n{deck}\nBy Jane Doe\nPosted Mar 3, 2024 10:27 AM\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [deck, P1, P2]
    meta = extract_meta(result)
    assert (meta.title, meta.author, meta.date) == (TITLE, "Jane Doe", "2024-03-03")


def test_a_label_in_title_case_under_the_title_is_not_a_deck(config):
    text = f"{TITLE}\n\nShipping And Ports Latest Coverage\n\n{P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_the_title_again_with_a_breadcrumb_or_the_site_name_goes_and_names_the_site(config):
    text = f"{TITLE}\n\nHome Shipping {TITLE}\n\n{TITLE} | The Harbour Ledger\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    meta = extract_meta(result)
    assert (meta.title, meta.source) == (TITLE, "The Harbour Ledger")


def test_a_byline_naming_the_outlet_and_a_role_gives_both(config):
    text = f"{TITLE}\n\nBy Jane Doe, Harbour Ledger Staff\n\n{P1}\n\n{P2}\n"
    meta = extract_meta(run(text, config))
    assert (meta.author, meta.source) == ("Jane Doe", "Harbour Ledger")


def test_the_name_line_above_the_date_is_the_author_not_a_menu(config):
    text = f"{TITLE}\n\nEvents Newsletters\nJane Doe\nUpdated Mar 3, 2024, 5:50am\n\n{P1}\n\n{P2}\n"
    assert extract_meta(run(text, config)).author == "Jane Doe"


def test_a_teaser_after_a_label_in_capitals_goes_and_a_dateline_in_capitals_stays(config):
    teaser = "JUST IN: Ferry operators announce new timetable for the summer season"
    dateline = "HARBOURTON: The authority said on Tuesday that the inquiry would report within a month."
    text = f"{TITLE}\n\n{P1}\n\n{teaser}\n\n{dateline}\n\n{P2}\n"
    assert kept(text, config) == [P1, dateline.removeprefix("HARBOURTON: "), P2]  # the wire dateline is cut off


def test_a_byline_with_its_own_handle_is_cut_off_the_deck_it_was_glued_to(config):
    deck = "Pilots Warn of Further Groundings Unless the Channel Is Dredged"
    text = f"{TITLE}\n\nShipping & Ports , Regional\n{deck} Jane Doe (JaneDoe) • March 3, 2024 Image: Harbour Photos\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [deck, P1, P2]
    meta = extract_meta(result)
    assert (meta.author, meta.date) == ("Jane Doe", "2024-03-03")


def test_a_name_with_an_abbreviation_in_brackets_is_no_byline(config):
    body = "The Maritime Liability Convention (MLC) covers the owners of the cargo held up behind the ship."
    text = f"{TITLE}\n\n{P1}\n\n{body}\n\n{P2}\n"
    assert kept(text, config) == [P1, body, P2]
    assert extract_meta(run(text, config)).author is None


def test_other_stories_cut_mid_word_below_a_run_of_furniture_go(config):
    counts = "\n".join(f"2024-03-0{n} 10:1{n}42{n} view" for n in range(1, 5))
    teaser = "It has been almost forty years since the ferry company first proposed a second channel through the shal"
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n{counts}\n{teaser}\n"
    assert kept(text, config) == [P1, P2]


def test_the_last_paragraph_cut_short_by_the_page_stays(config):
    short = "The authority said the channel would reopen once divers had checked the hull for … Read more"
    text = f"{TITLE}\n\n{P1}\n\n{short}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, "The authority said the channel would reopen once divers had checked the hull for …"]
    assert any(r.text == "Read more" for r in result.removed)


def test_a_lowercase_alt_text_and_the_caption_right_under_it_go(config):
    caption = "Tugs worked through the night to free the grain ship. The channel is expected to reopen on Friday."
    text = f"{TITLE}\n\n{P1}\n\ngrain ship tugs channel\n{caption}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert {r.rule for r in result.removed if r.rule.startswith("image")} == {"image-alt", "image-caption"}


def test_a_lowercase_line_joined_to_the_sentence_it_finishes_is_not_alt_text(config):
    text = f"{TITLE}\n\nThe harbour authority said on Monday that the grain ship\nhad been refloated after two days on the sandbank.\n\n{P2}\n"
    assert kept(text, config)[0].endswith("refloated after two days on the sandbank.")


def test_an_embedded_post_goes_with_its_introduction(config):
    post = "Tugs at work on the sandbank tonight pic.example.com/AbC123"
    signature = "Harbour Ledger Shipping (@ledgership) March 3, 2024"
    text = f"{TITLE}\n\n{P1}\n\nWatch the refloating (1min10s):\n\n{post}\n\n— {signature}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_a_byline_naming_an_outlet_after_a_bar_gives_it(config):
    text = f"{TITLE}\n\nBy JANE DOE | Harbour Press Agency\n\n{P1}\n\n{P2}\n"
    meta = extract_meta(run(text, config))
    assert meta.source == "Harbour Press Agency"


def test_list_items_and_view_counts_in_lowercase_are_not_alt_text(config):
    text = f"{TITLE}\n\n• follow us on\n• whatsapp\n\n{P1}\n\n{P2}\n2024-03-01 10:12 view\n2024-03-01 09:30 view\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert not any(r.rule.startswith("image") for r in result.removed)


def test_a_line_of_tags_goes_and_draws_no_passage(config):
    tags = "Mara Lindqvist Harbour Authority Tomas Okafor shipping Grain Ports Mara Lindqvist"
    text = f"{TITLE}\n\n{tags}\n\n{P1}\n\n{P2}\n\n{P4}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P4]
    assert [(r.rule, r.kind) for r in result.removed if r.text == tags] == [("tag-list", "evidence")]


def test_a_headline_in_title_case_is_no_tag_list(config):
    line = "Harbour Pilots Say Dredging Was Delayed for Years Before Grounding"  # function words: "for", "before"
    text = f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}\n"
    assert all(r.rule != "tag-list" for r in run(text, config).removed)


def test_a_caption_and_credit_glued_before_the_dateline_are_cut_off(config):
    glued = "Tugs pull the grain ship off the sandbank on May 3, 2026. — HWNPORTVILLE, Northland: "
    result = run(f"{TITLE}\n\n{glued}{P1}\n\n{P2}\n", config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert [(r.rule, r.role, r.text) for r in result.removed if r.rule != "title"] == [("image-caption", "caption", glued.strip())]


def test_a_dash_inside_the_first_paragraph_is_no_caption_credit(config):
    first = "The pilots were warned. — Harbour officials said the tide had turned early, and the ship went aground at dawn."
    assert kept(f"{TITLE}\n\n{first}\n\n{P2}\n", config) == [first, P2]


def test_a_removed_line_naming_the_site_by_its_domain_is_the_outlet(config):
    text = f"{TITLE}\n\nharbourledger.co.uk\n\n{P1}\n\n{P2}\n\nRead more on harbourledger.co.uk\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).source == "harbourledger.co.uk"


def test_a_link_to_a_page_or_an_address_is_not_the_outlet(config):
    text = f"{TITLE}\n\nphotos.example.com/ship/1\n\n{P1}\n\n{P2}\n\nnews@harbourledger.com\n"
    assert extract_meta(run(text, config)).source is None


def test_a_dotted_word_inside_markup_is_not_a_domain(config):
    text = f"Ship [@click=app.quit]x[/] Refloated After Two Days\n\n{P1}\n\n{P2}\n"
    assert extract_meta(run(text, config)).source is None


def test_a_label_in_capitals_before_the_title_is_no_dateline(config):
    title = "UPDATE: Harbour chief says the channel will reopen ‘soon’"
    result = run(f"{title}\n\n{P1}\n\n{P2}\n", config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).title == title


LEAD_CAPTION = "Crowds on the quay watch the tugs pull the grain ship off the sandbank at the mouth of the channel"


def test_a_line_alone_between_the_title_and_the_body_is_the_lead_pictures_caption(config):
    result = run(f"{TITLE}\n\n{LEAD_CAPTION}\n\n{P1}\n\n{P2}\n", config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert [(r.rule, r.kind, r.role) for r in result.removed if r.text == LEAD_CAPTION] == [("image-caption", "context", "caption")]


def test_a_consent_notice_between_the_caption_and_the_body_changes_nothing(config):
    notice = "We use your sign-up to send you our newsletter. You can unsubscribe at any time. More info"
    assert kept(f"{TITLE}\n\n{LEAD_CAPTION}\n\n{notice}\n\n{P1}\n\n{P2}\n", config) == [P1, P2]


def test_a_deck_in_a_head_with_a_date_is_kept_even_above_the_title(config):
    deck = "According to the harbour authority, the channel could reopen to traffic within days"
    assert kept(f"March 3, 2026, 13:58\n\n{TITLE}\n\n{deck}\n\n{P1}\n\n{P2}\n", config) == [deck, P1, P2]


def test_a_deck_above_the_lead_picture_is_kept(config):
    deck = "Channel reopens to traffic after two days of delays for the grain trade"
    caption = "The grain ship on the sandbank at dawn. Jane Doe/Harbour Photos"
    assert kept(f"{TITLE}\n\n{deck}\n\n{caption}\n\n{P1}\n\n{P2}\n", config) == [deck, P1, P2]


def test_a_widgets_label_inside_the_body_goes(config):
    for label in ("Comments (12)", "Loading..."):
        result = run(f"{TITLE}\n\n{P1}\n\n{label}\n\n{P2}\n\n{P4}\n", config)
        assert [p.text for p in result.paragraphs] == [P1, P2, P4]
        assert [(r.rule, r.kind) for r in result.removed if r.text == label] == [("body-label", "evidence")]


def test_a_short_quoted_reply_inside_the_body_stays(config):
    reply = "“Never.”"
    assert kept(f"{TITLE}\n\n{P1}\n\n{reply}\n\n{P2}\n\n{P4}\n", config) == [P1, reply, P2, P4]


TOP_CAPTION = (
    "Two tugs wait at the quay in the old harbour, from where the authority is mounting the operation to pull the "
    "grain ship off the sandbank at the mouth of the channel"
)


def test_a_long_line_without_a_stop_opening_a_page_without_a_title_is_a_caption(config):
    result = run(f"{TOP_CAPTION}\n\n{P1}\n\n{P2}\n\n{P4}\n", config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P4]
    assert [(r.rule, r.role) for r in result.removed if r.text == TOP_CAPTION] == [("image-caption", "caption")]


def test_below_a_title_the_same_line_stays(config):  # (a standfirst, as far as the page shows)
    assert TOP_CAPTION in kept(f"{TITLE}\nBy Jane Doe\n\n{TOP_CAPTION}\n\n{P1}\n\n{P2}\n\n{P4}\n", config)


def test_a_line_of_template_shortcodes_goes_and_a_bracketed_word_stays(config):
    codes = '[promo_slot id="top-banner"] [promo_slot id="obituaries"]'
    aside = "[sic] Harbour Lines"
    text = f"{TITLE}\n\n{codes}\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert [(r.rule, r.kind) for r in result.removed if r.text == codes] == [("shortcode", "evidence")]
    assert all(r.rule != "shortcode" for r in run(f"{TITLE}\n\n{aside}\n\n{P1}\n", config).removed)


def test_the_dash_of_a_dateline_on_its_own_line_goes_with_it(config):
    for dash in ("–", "—", "-"):
        result = run(f"{TITLE}\n\nTuesday, March 4, 2025\n {dash} {P1}\n\n{P2}\n", config)
        assert [p.text for p in result.paragraphs] == [P1, P2]
        assert [r.rule for r in result.removed if r.text == dash] == ["dateline-dash"]
        assert extract_meta(result).date == "2025-03-04"
    # without a dateline cut above it, a paragraph opening with a dash is left as it is
    assert kept(f"{TITLE}\n\n– {P1}\n\n{P2}\n", config) == [f"– {P1}", P2]


def test_a_question_in_capitals_between_body_paragraphs_is_a_subheading(config):
    heading = "WHAT DO WE KNOW SO FAR ABOUT THE SHIP ON THE SANDBANK?"
    result = run(f"{TITLE}\n\n{P1}\n\n{heading}\n\n{P2}\n\n{P4}\n", config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P4]
    assert result.paragraphs[1].heading == heading
    # a question of the same length in sentence case is the body's own sentence
    question = "What do we know so far about the ship on the sandbank?"
    assert kept(f"{TITLE}\n\n{P1}\n\n{question}\n\n{P2}\n\n{P4}\n", config) == [P1, question, P2, P4]


def test_a_caption_with_a_picture_credit_and_the_agencys_after_it_goes_also_printed_twice(config):
    caption = "Tugs pull the grain ship off the sandbank near the channel mouth (Jane Doe via Harbour Wire)"
    text = f"{TITLE}\n\n{P1}\n\n{caption}\n{caption} (HW)\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert [r.rule for r in result.removed if r.text.startswith("Tugs")] == ["image-caption", "image-caption"]


def test_a_byline_with_a_separator_after_the_names_is_the_author(config):
    text = f"{TITLE}\n\nMaria van der Brandt, Tom Oakes and Ann Kowalski |\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).author == "Maria van der Brandt, Tom Oakes and Ann Kowalski"


def test_the_lead_printed_again_as_one_summary_goes_and_the_lead_stays(config):
    first, second = P1, P2
    text = f"{TITLE}\n{first} {second.split(',')[0]}.\n{first}\n{second}\n\n{P3}\n"
    assert kept(text, config) == [first, second, P3]


def test_lowercase_tags_under_the_title_are_not_joined_to_it(config):
    text = f"{TITLE}\n\n\n\nharbour shipping\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert extract_meta(result).title == TITLE
    assert [p.text for p in result.paragraphs] == [P1, P2]


def test_a_dateline_after_the_headline_and_a_standfirst_is_cut_off_the_first_paragraph(config):
    headline = "A grain ship, its crew of twelve and a cargo of wheat are free after two days on a sandbank"
    standfirst = "Crews worked through the night to free the grain ship, which had sat on the sandbank for two days."
    for dateline in ("PORTVILLE – ", "PORTVILLE, Northland – ", "PORTVILLE (Harbour Ledger) — "):
        result = run(f"{headline}\n\n{standfirst}\n\n{dateline}{P1}\n\n{P2}\n", config)
        assert [p.text for p in result.paragraphs][-2:] == [P1, P2]
        assert ("wire-dateline", dateline.strip()) in [(r.rule, r.text) for r in result.removed]


def test_a_place_in_capitals_and_a_dash_deeper_in_the_body_stays(config):
    later = "PORTVILLE – the town itself barely noticed the ship, the harbour master said on Tuesday evening."
    result = run(f"{TITLE}\n\n{P1}\n\n{P2}\n\n{later}\n\n{P3}\n", config)
    assert later in [p.text for p in result.paragraphs]
