"""A topic named in passing, owned by someone ("received her sentence today"), is kept as a reference
(models.pipeline.context._aside) where the same everyday word alone is dropped as too weak. Made-up articles
about a bridge that fell in a town called Velden (tests/models/test_corroborate.py)."""

from __future__ import annotations

from models.document import TopicTag
from models.pipeline.context import _aside
from tests.models.test_context_tags import analyse, passage
from tests.models.test_corroborate import TEXTS, TOPIC

OWNED = "The mayor said the town would learn its cause from the inquiry in the spring."


def test_an_everyday_alias_owned_by_a_possessive_is_an_implicit_reference(tmp_path, config):
    texts = dict(TEXTS)
    texts["b1.txt"] = texts["b1.txt"].replace("Shops on the east bank", OWNED + "\n\nShops on the east bank")
    corpus = analyse(tmp_path, config, (TOPIC,), texts)
    tag = passage(corpus, "b1.txt", "learn its cause").tag("cause")
    assert tag is not None and tag.implicit and tag.evidence == ("its cause",) and tag.inferred_from is None
    assert passage(corpus, "b1.txt", "A power cut caused").tag("cause") is None  # the word alone: still dropped


def test_only_the_word_right_after_a_possessive_or_one_modifier_is_owned():
    weak = TopicTag("cause", 0.7, False, ("cause",))
    assert _aside("They heard her long-awaited cause today.", weak) is not None
    assert _aside("The cause was never found.", weak) is None
    assert _aside("Their view of the cause changed.", weak) is None
    assert _aside("A power cut caused the delay.", TopicTag("cause", 0.7, False, ("caused",))) is None
