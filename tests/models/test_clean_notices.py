"""A site's notices about the page, outside the body (issue 11: furniture on outlets never seen): audio and
AI notices, upsells, correction prompts, feed notes, a "read more" label left without its list. They are told
by a mark of the site speaking (a question, "!", a colon, brackets, the reader addressed) and by sharing
hardly a word with the story; the body's own short lines at its edges stay.

Every text is written for these tests: an invented outlet reporting an invented story.
"""

from __future__ import annotations

from tests.support.harbour import P1, P2, P3, P4, kept, run

TITLE = "Grain Ship Refloated After Two Days on Sandbank"
DECK = "Pilots say the dredging of the channel was delayed for years."


def test_an_audio_notice_and_the_line_beside_it_go_and_the_deck_stays(config):
    text = (f"{TITLE}\n\n{DECK}\n\nNew: Hear this piece read aloud.\n\nThe recording is produced by a synthetic voice.\n\n"
            f"{P1}\n\n{P2}\n\n{P3}\n")
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [DECK, P1, P2, P3]
    assert {r.rule for r in result.removed if "recording" in r.text or "aloud" in r.text} == {"site-notice"}


def test_an_upsell_above_the_title_goes(config):
    text = f"Become a Patron Today!\n\n{TITLE}\n\n{P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_a_correction_prompt_and_a_feed_note_below_the_body_go(config):
    text = (f"{TITLE}\n\n{P1}\n\n{P2}\n\nSpotted a mistake? Tell the desk.\n\n"
            "(This copy was not reviewed by editors and comes from an automated wire feed.)\n\nMORE ON:\n")
    assert kept(text, config) == [P1, P2]


def test_the_bodys_own_short_lines_at_its_edges_stay(config):
    pictures = "Here is how the week unfolded for the crew."  # no word of the story, but no mark of the site speaking
    reader = "Pilots said you could see the ship from the harbour wall for two days."  # "you", in the story's words
    quoted = "“Can you believe it?” one pilot asked."  # the reader addressed inside a quote
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P4}\n\n{reader}\n\n{quoted}\n\n{pictures}\n"
    assert kept(text, config) == [P1, P2, P4, reader, quoted, pictures]


def test_a_template_s_tags_go_alone_or_glued_to_a_paragraph(config):
    text = f"{TITLE}\n\n{P1} {{{{^noAds}}}} {{{{/noAds}}}}\n\n{{% ad_slot 'top' %}}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert {r.rule for r in result.removed if "{" in r.text} == {"template-code"}


def test_a_widget_s_legal_line_between_two_pieces_of_furniture_above_the_body_goes(config):
    legal = ("Prices shown in real time or delayed by at least fifteen minutes. Figures supplied by Quotex. "
             "Powered and implemented by Quotex Digital Services")
    text = f"{TITLE}\n\nMenu\n\n{legal}\n\n© 2024 Harbour Ledger Ltd. All rights reserved.\n\n{DECK}\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [DECK, P1, P2]
    assert [r.rule for r in result.removed if r.text == legal] == ["site-notice"]


def test_the_last_item_of_a_kept_list_is_not_swept_in_beside_a_notice(config):
    # A list of body bullets ends in a short item that shares no word with the story, right above a line that
    # looks like the site speaking (a label and a colon, cut off by the end of the page): the item stays.
    first = "• The harbour master said this was the third grounding on the same sandbank since the spring tides began."
    last = "• The vote was unanimous."
    cut = "What's next: Speaking to reporters, the chair indicated that the board would"
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{first}\n\n{last}\n\n{cut}"
    assert kept(text, config)[-2:] == [first, last]


def test_a_last_paragraph_under_a_removed_caption_at_the_page_end_stays(config):
    # Furniture above (a credited caption) and the end of the page below are not two walls: the last paragraph,
    # in words of its own, is the body's end, not a widget's text.
    caption = "The grain ship at the quay on Monday. (Photo: Harbour Authority)"
    last = "Dock crews now work in three shifts, which means lorries can load maize and soya beans at any hour."
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{caption}\n\n{last}\n"
    assert kept(text, config)[-1] == last
