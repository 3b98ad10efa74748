"""The shared text tools: lemmas (Snowball, through PyStemmer) and the background word frequencies (wordfreq)."""

from __future__ import annotations

import pytest

from models import background
from models.text import fold, lemma


@pytest.mark.parametrize(
    "a, b",
    [("blame", "blamed"), ("accused", "accusation"), ("denied", "deny"), ("involvement", "involved"),
     ("ships", "ship"), ("compensation", "compensated"), ("insurers", "insurer"), ("ERDOĞAN's", "erdogan")],
)
def test_inflections_and_derivations_share_a_lemma(a, b):
    assert lemma(fold(a)) == lemma(fold(b))


@pytest.mark.parametrize("a, b", [("general", "generous"), ("canal", "canary"), ("claim", "climb")])
def test_different_words_keep_different_lemmas(a, b):
    assert lemma(a) != lemma(b)


def test_designations_are_left_whole():
    assert lemma("s400") == "s400" and lemma("f35") == "f35"


def test_background_frequencies_agree_with_wordfreq_itself():
    wordfreq = pytest.importorskip("wordfreq")
    assert background.available()
    for word in ("the", "canal", "said", "compensation", "court", "government"):
        assert background.zipf(word) == pytest.approx(wordfreq.zipf_frequency(word, "en", wordlist="small"), abs=0.011)


def test_common_words_are_common_and_rare_words_rare():
    assert background.zipf("the") > 7 > background.zipf("government") > 4 > background.zipf("dredger")
    assert background.zipf("qqzzxxj") == background.UNKNOWN_ZIPF
    both = background.forms_zipf(["accused", "accusation"])
    assert both > max(background.zipf("accused"), background.zipf("accusation"))


def test_a_word_the_list_lacks_is_rare_in_both():
    wordfreq = pytest.importorskip("wordfreq")
    assert wordfreq.zipf_frequency("tugboat", "en", wordlist="small") == 0
    assert background.zipf("tugboat") == background.UNKNOWN_ZIPF
