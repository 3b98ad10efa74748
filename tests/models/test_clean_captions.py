"""Captions, credits and other furniture read by their shape on outlets never seen (issue 11).

Every text here is written for these tests: an invented outlet ("The Harbour Ledger") reporting an invented
story, with the furniture kinds real pages carry (wire captions, credit lines, galleries, live-page
timestamps, links to other stories, embedded posts, newsletter prompts, the wire's credits line).
"""

from __future__ import annotations

from models.pipeline.meta import extract_meta
from tests.support.harbour import P1, P2, P3, P4, kept, run

TITLE = "Grain ship refloated after two days on the sandbank"


def removed(text, config):
    return {r.text: (r.rule, r.kind) for r in run(text, config).removed}


def test_a_wire_caption_of_two_sentences_with_a_picture_credit_goes(config):
    caption = (
        "Tugs pull the grain ship off the sandbank near Port Alder, Monday, March 3, 2025. The channel had been "
        "closed for two days. (Harbour Photo/Mara Lindqvist, File)"
    )
    text = f"{TITLE}\n\n{caption}\n\n{P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]
    assert removed(text, config)[caption] == ("image-caption", "evidence")


def test_a_sentence_credited_as_a_video_goes_but_one_credited_to_an_agency_stays(config):
    caption = "A still of the grain ship on the sandbank at low tide. (Harbour Authority video)"
    body = "The ship's owners said they would pay for the salvage, the agency reported. (Harbourwire)"
    text = f"{TITLE}\n\n{P1}\n\n{caption}\n\n{P2}\n\n{body}\n\n{P3}\n"
    assert kept(text, config) == [P1, P2, body, P3]


def test_captions_by_their_opening(config):
    file_caption = "FILE - The grain ship at the quay of Port Alder before it sailed, on March 1, 2025."
    this_photo = "This March 2, 2025 photo shows the grain ship aground at dawn. Two tugs stand by."
    text = f"{TITLE}\n\n{this_photo}\n\n{P1}\n\n{file_caption}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_a_caption_with_a_labelled_credit_after_it_goes_and_the_title_below_it_is_found(config):
    caption = "The harbour master speaks to reporters at the quay on Tuesday. Photo: Harbour-Press via HLN"
    text = f"{caption}\n{TITLE}\n- The channel reopens on Friday, the authority says\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert caption not in [p.text for p in result.paragraphs]
    assert extract_meta(result).title == TITLE


def test_a_credit_line_takes_the_caption_printed_with_it_and_nothing_else(config):
    alt = "Tugs pull the grain ship off the sandbank."
    caption = "Tugs pull the grain ship off the sandbank as the tide turns near Port Alder on Monday."
    text = f"{TITLE}\n\n{alt}\n{caption}\nMara Lindqvist | Harbourwire\n\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert {r.text: r.role for r in result.removed}["Mara Lindqvist | Harbourwire"] == "caption"


def test_a_gallery_prints_each_caption_twice_beside_its_credit(config):
    caption = "Crews unload the grain on the quay on Tuesday."
    text = (
        f"{TITLE}\n\n{P1}\n\n1/4\nSwipe to see more\nJONAS BRENNAN / JBRENNAN@HARBOURLEDGER.EXAMPLE\n    {caption}\n"
        f"2/4\n\nJONAS BRENNAN / JBRENNAN@HARBOURLEDGER.EXAMPLE\n\n{caption}\n\n{P2}\n"
    )
    assert caption not in kept(text, config)


def test_a_description_with_a_credits_initials_after_it_goes(config):
    line = "Tugs are seen pulling the grain ship off the sandbank near the harbour mouth HLN"
    text = f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}\n\n{P3}\n"
    assert kept(text, config) == [P1, P2, P3]


def test_a_live_pages_timestamp_and_a_link_to_another_story_inside_the_body_go(config):
    other = "Port strike enters its third week as unions reject the latest offer from the operators: Updates"
    text = f"{TITLE}\n\n{P1}\n\nUPDATE: 10:38 a.m.\n\n{P2}\n\n{other}\n\n{P3}\n\n{P4}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P3, P4]
    rules = {r.text: r.rule for r in result.removed}
    assert rules["UPDATE: 10:38 a.m."] == "timestamp"
    assert rules[other] == "other-headline"


def test_list_items_without_a_final_stop_stay(config):
    items = [
        "• The harbour authority says the channel will reopen on Friday after a survey of the sandbank",
        "• Insurers expect claims from the owners of cargo held up behind the grain ship for two days",
    ]
    text = f"{TITLE}\n\n{P1}\n\n" + "\n".join(items) + f"\n\n{P2}\n\n{P3}\n"
    got = kept(text, config)
    assert all(item in got for item in items)


def test_a_bullet_sign_without_a_space_starts_its_own_line(config):
    headline = "Port strike enters its third week as unions reject the offer: Updates"
    item = "◾The harbour authority has 40 people working on the salvage, including its director."
    text = f"{TITLE}\n\n{P1}\n{P2}\n{headline}\n{item}\n{P3}\n"
    result = kept(text, config)
    assert item in result and headline not in " ".join(result)


def test_an_embedded_posts_text_above_its_own_signature_line_goes(config):
    post = "The moment the grain ship came off the sandbank#PortAlder latest:"
    text = f"{TITLE}\n\n{P1}\n\n{post}\n\n— Harbour Radio (@HarbourRadio) March 3, 2025\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_a_newsletter_prompt_goes_whole_but_a_body_sentence_after_one_stays(config):
    prompt = "Subscribe to the Harbour Ledger Daily. Get the latest port news in your inbox every morning."
    text = f"{TITLE}\n\n{P1}\n\n{prompt}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]
    glued = f"Subscribe to the Harbour Ledger Daily. {P3}"
    assert P3 in kept(f"{TITLE}\n\n{P1}\n\n{glued}\n\n{P2}\n", config)


# --- metadata -------------------------------------------------------------------------------------------


def test_a_byline_with_its_portraits_alt_text(config):
    text = f"{TITLE}\n\nMara Lindqvist Avatar\n{P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).author == "Mara Lindqvist"


def test_a_name_line_above_the_title_is_the_masthead_not_the_author(config):
    text = f"Harbour Ledger\n\nSunday, March 2, 2025\n\n{TITLE}\n\n{P1}\n\n{P2}\n"
    meta = extract_meta(run(text, config))
    assert meta.author is None and meta.title == TITLE


def test_the_wires_credits_line_goes_and_names_the_author_and_the_outlet(config):
    text = f"{TITLE}\n\n{P1}\n\n{P2} (Reporting by Mara Lindqvist in Port Alder; Editing by Tomas Okafor)\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).author == "Mara Lindqvist"
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n(Reporting by Harbourwire; Editing by Tomas Okafor)\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    assert extract_meta(result).source == "Harbourwire"


def test_a_wire_dateline_without_a_dash_after_its_agency_goes(config):
    text = f"{TITLE}\n\nPort Alder/Lisbon, Mar 3 (HWN) {P1}\n\n{P2}\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2]
    text = f"{TITLE}\n\nPORT ALDER (hwn-X) - {P1}\n\n{P2}\n"
    assert kept(text, config) == [P1, P2]


def test_the_site_speaking_to_its_reader_goes_but_a_quoted_we_and_an_explainers_you_stay(config):
    prompt = "Sign up to our Harbour Briefing email for your free daily digest of port news Please enter a valid email address"
    quoted = "“We will reopen the channel on Friday, and you will see ships moving again,” the harbour master told reporters."
    explainer = "If you had cargo on the grain ship, your insurer should be told of the delay before the end of the month."
    text = f"{TITLE}\n\n{P1}\n\n{prompt}\n\n{quoted}\n\n{explainer}\n\n{P2}\n"
    assert kept(text, config) == [P1, quoted, explainer, P2]


def test_a_labelled_first_line_right_above_the_body_is_the_title_not_a_teaser(config):
    title = "BREAKING: Grain ship refloated after two days on the sandbank"
    result = run(f"{title}\n\n{P1}\n\n{P2}\n", config)
    assert extract_meta(result).title == title and [p.text for p in result.paragraphs] == [P1, P2]
    teaser = "JUST IN: Port strike enters its third week"
    assert teaser not in kept(f"{TITLE}\n\n{P1}\n\n{teaser}\n\n{P2}\n", config)
