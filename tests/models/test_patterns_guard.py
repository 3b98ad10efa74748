"""The bundled rules' literal guards (models/pipeline/patterns.py): a guard only ever skips a pattern that
would have found nothing, so guarded and unguarded matching agree on every text.

The texts are written for this test: furniture lines, prose, and the letters re.IGNORECASE equates with
ASCII ones although they lowercase differently ("İ", "ı", "ſ", the Kelvin sign).
"""

from __future__ import annotations

import random
import re

import pytest

from models.config import load_config
from models.pipeline.patterns import fold_for_guard, guard, passes, run_guarded

LINES = [
    "Share this article with your friends",
    "SHARE ON FACEBOOK",
    "Copyright © 2024 The Harbour Ledger. All rights reserved.",
    "© Harbour Ledger",
    "Photo: Jane Doe / Harbour Ledger",
    "Reporting by Jane Doe; editing by John Smith",
    "Sign up for our newsletter to keep up to date with the port.",
    "Your email address will not be published. Required fields are marked *",
    "The views expressed in this article are those of the author.",
    "Contact: desk@harbourledger.example",
    "By Jane Doe and John Smith",
    "Tags: harbour, grain, tides",
    "3 min read",
    "The harbour authority said on Monday that the grain ship had been refloated after two days.",
    "Officials blamed a sudden change in the tide, although the pilots' union said otherwise.",
    "Advertisement",
    "Related stories",
    "ſhare this ſtory",  # long s: re.IGNORECASE reads it as "s"
    "DİSCLAİMER: nothing here is advice",  # dotted capital I
    "dısclaımer: nothing here is advice",  # dotless i
    "Bac\u212a to top",  # Kelvin sign for "k"
    "Şhare this post — “quoted” … «end»",
]


def _rules():
    return [r for r in load_config().cleaning.rules if not r.timed]


def _variants(rng: random.Random) -> list[str]:
    out = list(LINES)
    for line in LINES:
        out.append(line.upper())
        out.append(line.lower())
        out.append("x " + line)
        out.append(line + " and more words after it")
        chars = list(line)
        rng.shuffle(chars)
        out.append("".join(chars))
    return out


@pytest.mark.parametrize("method", ["search", "match", "fullmatch"])
def test_guarded_matching_agrees_with_the_pattern_on_every_text(method):
    rng = random.Random(7)
    texts = _variants(rng)
    for rule in _rules():
        for text in texts:
            expected = getattr(rule.regex, method)(text)
            got = run_guarded(rule.regex, method, text)
            assert (expected is None) == (got is None), (rule.id, method, text)
            if expected is not None:
                assert got.span() == expected.span()


def test_most_bundled_rules_have_a_guard_and_prose_passes_none_of_the_head_rules():
    rules = _rules()
    guarded = [r for r in rules if guard(r.regex) is not None]
    assert len(guarded) >= len(rules) - 2
    prose = fold_for_guard(LINES[13])
    assert not passes(guard(re.compile(r"^disclaimer\b|the views expressed", re.IGNORECASE)) or ((), ()), prose)


def test_a_pattern_without_a_required_literal_has_no_guard():
    assert guard(re.compile(r"^\w+\s*$", re.IGNORECASE)) is None
    assert guard(re.compile(r"foo|\d+", re.IGNORECASE)) is None
    needles = guard(re.compile(r"^(share|forward) this (article|story)", re.IGNORECASE))
    assert needles is not None and passes(needles, "share this story") and not passes(needles, "the ship")
