"""Body prose the review found cut by the held-out rules (each invented: an invented harbour story)."""

from __future__ import annotations

from tests.support.harbour import P1, P2, P3, P4, kept, run

TITLE = "Grain Ship Refloated After Two Days on Sandbank"


def test_an_inline_marker_cut_stops_where_the_body_s_sentence_starts(config):
    body = "The pilots said the ship was never in danger."
    glued = f"{P1} Also read: Quake toll rises as search continues {body} {P4}"
    result = run(f"{TITLE}\n\n{glued}\n\n{P2}\n", config)
    assert body in result.paragraphs[0].text
    assert P4 in result.paragraphs[0].text


def test_a_closing_paragraph_opening_this_move_is_body(config):
    line = "This move is likely to anger dockers and shipping lines across the coast."
    assert kept(f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P4}\n\n{line}\n", config)[-1] == line


def test_a_sentence_in_capitals_and_a_capitals_subheading_stay(config):
    line = "THE HARBOUR WILL REOPEN ON FRIDAY, OFFICIALS SAID."
    assert line in kept(f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}\n\n{P3}\n", config)
    sub = "THE ROAD TO RECOVERY"
    result = run(f"{TITLE}\n\n{P1}\n\n{P2}\n\n{sub}\n\n{P3}\n\n{P4}\n", config)
    assert sub not in [r.text for r in result.removed if r.rule == "caps-headline"]
    assert [p.text for p in result.paragraphs if p.text != sub][-2:] == [P3, P4]


def test_a_capitals_teaser_of_another_story_between_paragraphs_still_goes(config):
    teaser = "FERRY OPERATORS WARN: 'WE CANNOT WAIT ANOTHER WINTER'"
    assert kept(f"{TITLE}\n\n{P1}\n\n{P2}\n\n{teaser}\n\n{P3}\n\n{P4}\n", config) == [P1, P2, P3, P4]


def test_a_one_sentence_present_paragraph_with_a_wire_or_source_credit_stays(config):
    for line in ("The unemployment rate in the region stands at 4.2 percent. (Eurostat)",
                 "The search for the missing crew continues. (Reuters)"):
        assert line in kept(f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}\n\n{P3}\n", config), line


def test_a_bracket_with_words_and_no_closing_bracket_is_no_tag(config):
    first = "(The mayor - Jane Doe - said on Monday that the channel would reopen within the week.)"
    opened = first[:-1].rstrip(")")
    assert kept(f"{TITLE}\n\n{opened}\n\n{P2}\n\n{P3}\n", config)[0].startswith("(The mayor -")


def test_a_subheading_under_a_caption_is_no_credit(config):
    caption = "rescue crews are searching the rubble near the quay"
    sub = "The Long Road Home"
    result = run(f"{TITLE}\n\n{P1}\n\n{caption}\n\nPORTVALE -\n\n{sub}\n\n{P2}\n\n{P3}\n", config)
    assert [r.rule for r in result.removed if r.text == "PORTVALE -"] and sub not in [r.text for r in result.removed]


def test_a_name_and_its_initials_opening_the_first_paragraph_are_no_dateline(config):
    first = "The Harbour Pilots Association (HPA) - The union said the channel had been unsafe for a year."
    assert kept(f"{TITLE}\n\n{first}\n\n{P2}\n\n{P3}\n", config)[0] == first


def test_a_verbless_line_of_the_story_naming_no_place_is_no_caption(config):
    line = "A tragedy for the whole community."
    assert kept(f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}\n\n{P3}\n", config) == [P1, line, P2, P3]
