"""Kinds of furniture and lost body seen on outlets the cleaner never met (issue 11, held-out kinds described
by the lead, never their texts): datelines whose place went missing, bare bracketed tags, quotations in single
quotes, the article's closing line above a site's notice, a pull-quote printed beside its paragraph.

Every text is written for these tests: an invented outlet reporting an invented story.
"""

from __future__ import annotations

from tests.support.harbour import P1, P2, P3, P4, kept, run

TITLE = "Grain Ship Refloated After Two Days on Sandbank"


def test_a_bracketed_outlet_tag_opening_the_first_paragraph_goes(config):
    for prefix in ("(KHBR) — ", "(Harbour Ledger) - ", "( – ", "() — "):
        text = f"{TITLE}\n\n{prefix}{P1}\n\n{P2}\n"
        result = run(text, config)
        assert [p.text for p in result.paragraphs] == [P1, P2], prefix
        assert [r.rule for r in result.removed if r.rule == "wire-dateline"] == ["wire-dateline"]


def test_a_dateline_after_a_summary_list_is_still_cut(config):
    text = f"{TITLE}\n\n- The ship is afloat again.\n- The channel reopens this week.\n\nPORTVALE - {P1}\n\n{P2}\n"
    assert kept(text, config)[-2:] == [P1, P2]


def test_a_dateline_alone_on_its_line_goes(config):
    for line in ("PORTVALE -", "Portvale, Ruritania –", "PORTVALE, March 3 (Harbour Wire) —"):
        text = f"{TITLE}\n\n{P4}\n\n{line}\n\n{P1}\n\n{P2}\n"
        assert kept(text, config) == [P4, P1, P2], line


def test_a_bare_tag_in_brackets_goes_wherever_it_stands(config):
    for tag in ("(KHBR)", "(3rd UPDATE)", "[Harbour Photos]", "(Photo: Jane Doe)."):
        text = f"{TITLE}\n\n{P1}\n\n{tag}\n\n{P2}\n\n{P3}\n"
        assert kept(text, config) == [P1, P2, P3], tag
    remark = "(The pilots were not on board.)"
    assert remark in kept(f"{TITLE}\n\n{P1}\n\n{remark}\n\n{P2}\n", config)


def test_a_quotation_in_single_quotes_is_no_site_prompt(config):
    for quote in ("‘We will not let you down, and we told our members that,’ said the pilot.",
                  "'You did it, we did it,' a docker shouted."):
        text = f"{TITLE}\n\n{P1}\n\n{quote}\n\n{P2}\n\n{P4}\n"
        assert quote in kept(text, config), quote


def test_the_closing_line_above_a_site_notice_is_the_article_s(config):
    closing = "She spoke at a briefing in Nairobi."
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{closing}\n\nSee a typo? Report it here.\n\nShare this article\n"
    result = run(text, config)
    assert [p.text for p in result.paragraphs] == [P1, P2, P3, closing]
    assert "See a typo? Report it here." in [r.text for r in result.removed]


def test_a_pull_quote_beside_its_paragraph_does_not_take_the_paragraph(config):
    quote = "“It was worth every day on the picket line for all of us.”"
    said = "“It was worth every day on the picket line for all of us,” she added, before leaving the quay."
    text = f"{TITLE}\n\n{P1}\n\n{quote}\n\n{said}\n\n{P2}\n"
    assert said in kept(text, config)
