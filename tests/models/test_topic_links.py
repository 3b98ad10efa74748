"""Links within a topic: every passage on a topic meets it in every other article that has it, provided the two
share content (a word, or the topic named on both sides), and the reason says which.

The fixture is a made-up story written for this test (a lighthouse on an invented island whose lamp failed),
its passages tagged by hand so that each test says exactly what the linker is given."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.config import Topic
from models.document import Article, Link, Passage, TopicTag
from models.pipeline.links import HUB_FACTOR, LinkSpace, link_corpus, topic_links
from models.pipeline.stats import CorpusStats, passage_terms

REPAIR = Topic("repair", "Repairing the lamp", "#ffffff", ("repair", "engineers", "spare parts"))
FEES = Topic("fees", "Harbour fees", "#000000", ("fees", "toll", "levy"))

# article -> passages: (text, {topic: (score, implicit, evidence)})
Tags = dict[str, tuple[float, bool, tuple[str, ...]]]
STORY: dict[str, list[tuple[str, Tags]]] = {
    "gazette": [
        ("The Skerrow lighthouse went dark on Monday night and the island's ferries stayed in port.", {}),
        ("Engineers from the mainland will repair the rotating lens by Friday, the keeper said.",
         {"repair": (0.8, False, ("Engineers", "repair"))}),
        ("Fishermen complained that the harbour levy doubled this spring.", {"fees": (0.7, False, ("levy",))}),
    ],
    "courier": [
        ("Spare parts for the lamp arrived from Glasgow by helicopter.", {"repair": (0.7, False, ("Spare parts",))}),
        ("The Skerrow lighthouse keeper thanked the ferry crews for waiting.", {}),
        ("Boat owners say the new toll on moorings is unfair to small crews.", {"fees": (0.7, False, ("toll",))}),
    ],
    "bulletin": [
        ("Mainland engineers fitted a rotating lens borrowed from a museum.", {"repair": (0.8, False, ("engineers",))}),
        ("It should hold until the winter storms, they added.", {"repair": (0.5, True, ("they",))}),
    ],
}


def _article(aid: str, passages: list[tuple[str, Tags]]) -> Article:
    out, offset = [], 0
    for i, (text, tags) in enumerate(passages):
        topics = tuple(TopicTag(t, s, imp, ev) for t, (s, imp, ev) in tags.items())
        out.append(Passage(f"{aid}:{i}", aid, i, text, offset, offset + len(text), topics))
        offset += len(text) + 2
    return Article(aid, f"{aid}.txt", None, None, None, None, "\n\n".join(t for t, _ in passages), tuple(out), (), aid)


@pytest.fixture
def story() -> list[Article]:
    return [_article(aid, passages) for aid, passages in STORY.items()]


def _space(articles: list[Article]) -> LinkSpace:
    terms = [[passage_terms(p.text) for p in a.passages] for a in articles]
    return LinkSpace.build(articles, terms, CorpusStats.build(terms))


def _linked(links: list[Link]) -> dict[frozenset[str], Link]:
    return {frozenset((link.source, link.target)): link for link in links}


def test_every_passage_meets_its_topic_in_every_other_article(story, config):
    links = topic_links(_space(story), (REPAIR, FEES), config.thresholds)
    pairs = _linked(links)
    tagged = {t: [p for a in story for p in a.passages if p.tag(t) and not p.tag(t).implicit] for t in ("repair", "fees")}
    for topic, passages in tagged.items():
        for p in passages:
            others = {q.article_id for q in tagged[topic] if q.article_id != p.article_id}
            reached = {other.split(":")[0] for pair, link in pairs.items() if p.id in pair and link.topic == topic
                       for other in pair - {p.id}}
            assert reached == others, (p.id, topic)
    for link in links:
        assert link.source.split(":")[0] != link.target.split(":")[0]
        assert link.topic in story_topics(story, link.source) & story_topics(story, link.target)


def story_topics(story: list[Article], pid: str) -> set[str]:
    return {t.topic for a in story for p in a.passages if p.id == pid for t in p.topics}


def test_the_topic_named_on_both_sides_is_shared_content_and_the_reason_says_so(story, config):
    pairs = _linked(topic_links(_space(story), (FEES,), config.thresholds))
    # "levy" and "toll" share no word, but both are the topic's names
    link = pairs[frozenset(("gazette:2", "courier:2"))]
    assert set(link.shared_terms) == {"levy", "toll"}
    assert "“levy”" in link.reason and "“toll”" in link.reason and FEES.label in link.reason


def test_shared_words_come_first_in_the_reason(story, config):
    pairs = _linked(topic_links(_space(story), (REPAIR,), config.thresholds))
    link = pairs[frozenset(("gazette:1", "bulletin:0"))]
    assert {"rotating", "lens"} <= {w.lower() for w in link.shared_terms}
    assert "shared terms" in link.reason


def test_a_passage_on_the_topic_by_reference_needs_a_shared_word(story, config):
    links = topic_links(_space(story), (REPAIR,), config.thresholds)
    # bulletin:1 only refers back to the repair ("they") and shares no word with the other articles
    assert not [link for link in links if "bulletin:1" in (link.source, link.target)]


def test_a_discovered_topics_names_are_not_shared_content(story, config):
    found = Topic("fees", "levy, toll", "#000000", ("fees", "toll", "levy"))
    links = topic_links(_space(story), (found,), config.thresholds, count_own=False, min_similarity=0.3)
    assert frozenset(("gazette:2", "courier:2")) not in _linked(links)


def test_no_link_on_the_topic_alone_when_nothing_names_it(story, config):
    # the same two passages with their tags made implicit: neither names the topic, they share no word
    story = [replace(a, passages=tuple(replace(p, topics=tuple(replace(t, implicit=True) for t in p.topics))
                                       for p in a.passages)) for a in story]
    assert frozenset(("gazette:2", "courier:2")) not in _linked(topic_links(_space(story), (FEES,), config.thresholds))


def test_caps_bound_a_passage_without_starving_small_corpora(config):
    """Twenty outlets carry the same fee: each passage links to at most links_max_per_passage others of its own
    choosing and keeps at most HUB_FACTOR times that many of those made to it; with four outlets none is cut."""
    texts = ["The harbour levy on moorings doubled, outlet {n} reports, angering boat owners."]
    many = [_article(f"o{n:02d}", [(texts[0].format(n=n), {"fees": (0.8, False, ("levy",))})]) for n in range(20)]
    cap = 3
    th = replace(config.thresholds, links_max_per_passage=cap)
    links = topic_links(_space(many), (FEES,), th)
    degree: dict[str, int] = {}
    for link in links:
        for end in (link.source, link.target):
            degree[end] = degree.get(end, 0) + 1
    assert max(degree.values()) <= (1 + HUB_FACTOR) * cap
    assert min(degree.values()) >= 1
    few = many[:4]
    assert len(topic_links(_space(few), (FEES,), th)) == 6  # every pair of the four


def test_link_corpus_adds_content_links_only_when_configured(story, config):
    terms = [[passage_terms(p.text) for p in a.passages] for a in story]
    stats = CorpusStats.build(terms)
    off = replace(config.thresholds, content_link_min_shared=0)
    assert all(link.topic for link in link_corpus(story, terms, stats, (REPAIR, FEES), (), off))


def _with_tag(story: list[Article], topic: str, ids: set[str]) -> list[Article]:
    return [replace(a, passages=tuple(replace(p, topics=p.topics + (TopicTag(topic, 0.8, False, ()),)) if p.id in ids
                                      else p for p in a.passages)) for a in story]


def test_configured_topics_keep_passages_apart_in_a_discovered_one(story, config):
    """A discovered topic on passages a person's topics tag (gazette:1, bulletin:0: repair) and on passages they
    do not (gazette:0, courier:1): it links the two repair passages and the two untagged ones, never a repair
    passage to an untagged one (the person's topic says what it is about)."""
    found = Topic("light", "lighthouse", "#000000", ())
    story = _with_tag(story, "light", {"gazette:0", "gazette:1", "courier:1", "bulletin:0"})
    th = config.thresholds
    free = _linked(topic_links(_space(story), (found,), th, count_own=False, min_similarity=0.0))
    assert frozenset(("gazette:1", "courier:1")) in free  # they share "keeper"
    kept = _linked(topic_links(_space(story), (found,), th, count_own=False, min_similarity=0.0,
                               configured=frozenset({"repair", "fees"})))
    assert frozenset(("gazette:1", "bulletin:0")) in kept and frozenset(("gazette:0", "courier:1")) in kept
    assert all(not ({"gazette:1", "bulletin:0"} & pair and {"gazette:0", "courier:1"} & pair) for pair in kept)


def test_three_shared_words_ease_the_similarity_bar():
    import numpy as np

    from models.pipeline.links import EASED, _Group, similar_enough

    # 12 words each: three in common is a Dice of 0.25, two in common 0.17
    a, b, c = "abcdefghijkl", "abcmnopqrstu", "abvwxyzmnopq"
    group = _Group(np.arange(3), [a, b, c], np.arange(3), np.ones(3), np.zeros(3, dtype=bool), np.arange(3))
    i, j = np.asarray([0, 0]), np.asarray([1, 2])
    sim = np.asarray([6 / 24, 4 / 24])
    assert similar_enough(group, i, j, sim, 0.3).tolist() == [False, False]
    assert 0.25 >= EASED * 0.3
    assert similar_enough(group, i, j, sim, 0.3, min_shared=3).tolist() == [True, False]


def test_two_discovered_topics_in_common_ease_the_similarity_bar():
    import numpy as np

    from models.pipeline.links import _Group, similar_enough

    a, b, c = "abcdefghijkl", "abmnopqrstuv", "abwxyzmnopqr"  # two words in common: Dice 0.17 each
    group = _Group(np.arange(3), [a, b, c], np.arange(3), np.ones(3), np.zeros(3, dtype=bool), np.arange(3))
    i, j = np.asarray([0, 0]), np.asarray([1, 2])
    sim = np.asarray([4 / 24, 4 / 24])
    found = np.asarray([0b011, 0b011, 0b001])  # 0 and 1 share two discovered topics, 0 and 2 one
    assert similar_enough(group, i, j, sim, 0.25, min_shared=3).tolist() == [False, False]
    assert similar_enough(group, i, j, sim, 0.25, min_shared=3, found=found).tolist() == [True, False]
    assert similar_enough(group, i, j, sim, 0.25, min_shared=0, found=found).tolist() == [False, False]
