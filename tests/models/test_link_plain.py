"""What a link within a topic rests on: a distinctive word both passages use, never a weekday or a month
alone (when something happened is not what happened); and the order and wording of its reason.

The fixture is a made-up story written for this test (a tidal turbine off an invented headland that stopped),
its passages tagged by hand."""

from __future__ import annotations

from models.config import Topic
from models.document import Article, Link, Passage, TopicTag
from models.pipeline.links import LinkSpace, _char, _dated, _Naming, _proper, _reason, distinct_ranks, topic_links
from models.pipeline.stats import CorpusStats, passage_terms

FOUND = Topic("turbine", "turbine, tide", "#000000", ())
STOP = Topic("stop", "The turbine stops", "#ffffff", ("stopped", "halted"))

STORY: dict[str, list[str]] = {
    "herald": [
        "The Carrick Point tidal turbine stopped overnight after a blade cracked, engineers said.",
        "Harbourmaster Ines Okafor said on Thursday that ferries would keep to the eastern channel.",
        "Divers will inspect the cracked blade once the spring tides ease.",
    ],
    "mercury": [
        "A cracked blade halted the Carrick Point turbine, its operator said.",
        "Ines Okafor, the harbourmaster, spoke to fishermen on Wednesday evening about the ferries.",
        "Fishermen said the closure of the eastern channel cost them a week of catches.",
    ],
    "echo": [
        "Operators of the Carrick Point turbine blamed a cracked blade for the stoppage.",
        "The council will meet on Thursday to discuss compensation for the fishermen.",
    ],
}


def _story(tagged: dict[str, Topic], implicit: bool = False) -> list[Article]:
    articles = []
    for aid, texts in STORY.items():
        passages, offset = [], 0
        for i, text in enumerate(texts):
            tags = tuple(TopicTag(t.id, 0.8, implicit, ()) for t in tagged.values()) if f"{aid}:{i}" in tagged else ()
            passages.append(Passage(f"{aid}:{i}", aid, i, text, offset, offset + len(text), tags))
            offset += len(text) + 2
        articles.append(Article(aid, f"{aid}.txt", None, None, None, None, "\n\n".join(texts), tuple(passages), (),
                                aid))
    return articles


def _space(articles: list[Article]) -> LinkSpace:
    terms = [[passage_terms(p.text) for p in a.passages] for a in articles]
    return LinkSpace.build(articles, terms, CorpusStats.build(terms))


def _pairs(links: list[Link]) -> dict[frozenset[str], Link]:
    return {frozenset((link.source, link.target)): link for link in links}


def test_weekdays_and_months_are_recognised_as_a_closed_class():
    for word in ("Thursday", "Thursdays", "June", "Sept", "December"):
        assert _dated(word), word
    for word in ("march", "may", "Okafor", "turbine", "Sun", "Mon"):
        assert not _dated(word), word


def test_a_weekday_alone_is_no_shared_content(config):
    # herald:1 and echo:1 share "Thursday" and nothing else; mercury:1 shares "harbourmaster", "ferries", "Ines
    # Okafor" with herald:1
    tagged = {pid: FOUND for pid in ("herald:1", "mercury:1", "echo:1")}
    space = _space(_story(tagged))
    links = topic_links(space, (FOUND,), config.thresholds, count_own=False, min_similarity=0.0)
    pairs = _pairs(links)
    assert frozenset(("herald:1", "echo:1")) not in pairs
    assert frozenset(("mercury:1", "echo:1")) not in pairs
    link = pairs[frozenset(("herald:1", "mercury:1"))]
    terms = [w.lower() for w in link.shared_terms]
    assert {"harbourmaster", "okafor"} <= set(terms)
    assert terms.index("harbourmaster") < terms.index("okafor")  # what is said first, then who
    # the weekday is a word of the space, listed after names, and never distinctive
    thursday = space.code["thursday"]
    herald, echo = (space.passages.index(p) for p in space.passages if p.id in ("herald:1", "echo:1"))
    assert thursday in space.strings[herald] and thursday not in space.plain(herald)
    both = set(space.strings[herald]) & set(space.strings[echo])
    assert space.words(both | {space.code["okafor"]}) == ("Okafor", "Thursday")


def test_words_are_what_is_said_then_names_then_dates_each_most_specific_first():
    space = _space(_story({}))
    cut = distinct_ranks(space)
    kind = [3 if _dated(w) else 2 if _proper(w) else int(r >= cut) for r, w in enumerate(space.spelled)]
    every = sorted(range(len(space.spelled)), key=lambda r: (kind[r], r))
    chars = "".join(_char(r) for r in reversed(range(len(space.spelled))))
    expected = tuple(space.spelled[r] for r in every)
    assert space.words(chars, limit=len(chars)) == expected  # a string, in any order
    assert space.words(set(chars), limit=len(chars)) == expected  # or a set
    assert space.words(chars) == expected[:5]
    assert "Thursday" in expected and {0, 2, 3} <= set(kind)  # words of three kinds here
    telling = tuple(space.spelled[r] for r in every if kind[r] in (0, 2))  # no less specific word, no date
    assert space.words(set(chars), limit=len(chars), telling=True) == telling and "Thursday" not in telling


def test_the_same_name_on_both_sides_reads_both_name_it():
    a = _Naming("by name", ("catastrophic loss",), frozenset({"catastrophic loss"}))
    shared = ("chamber", "catastrophic", "debris", "pressure", "loss")
    words, reason = _reason(STOP, a, a, shared)
    assert "(both name it)" in reason and "the other" not in reason
    assert words == shared
    b = _Naming("by name", ("halted",), frozenset({"halt"}))
    c = _Naming("by name", ("stopped",), frozenset({"stop"}))
    _, reason = _reason(STOP, b, c, ("blade", "cracked"))
    assert "one names it “halted”, the other “stopped”" in reason


def test_the_topics_names_come_before_who_and_when_in_the_reason():
    a = _Naming("by name", ("halted",), frozenset({"halt"}))
    words, _ = _reason(STOP, a, a, ("blade", "Okafor", "Thursday"))
    assert words == ("blade", "halted", "Okafor", "Thursday")


def test_a_links_telling_words_leave_out_weekdays_and_the_least_specific(config):
    # herald:1 and echo:1 both have the configured topic (so they are linked) and share only "Thursday": the link
    # names no shared terms, as a weekday is nothing a reader would follow it for
    tagged = {pid: STOP for pid in ("herald:1", "echo:1")}
    space = _space(_story(tagged))
    herald, echo = (space.passages.index(p) for p in space.passages if p.id in ("herald:1", "echo:1"))
    both = set(space.strings[herald]) & set(space.strings[echo])
    assert "Thursday" in space.words(both)
    assert space.words(both, telling=True) == ()
    assert space.words(both | {space.code["okafor"]}, telling=True) == ("Okafor",)
    link = _pairs(topic_links(space, (STOP,), config.thresholds))[frozenset(("herald:1", "echo:1"))]
    assert link.shared_terms == () and "Thursday" not in link.reason
