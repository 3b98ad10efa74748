"""Links by content alone: passages in different articles that make the same point are linked with no topic
(`Link.topic` None), with a reason naming the distinctive words they share; the story's own name, which every
passage shares, is never a reason, and a pair with too little in common is not linked.

The fixture is a made-up story written for this test (a ferry that ran onto a sandbank off an invented
harbour town), with no topics configured."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from models.config import load_config
from models.document import Article, Link, Passage, TopicTag
from models.loader import build_corpus
from models.pipeline.corpus import CorpusAnalysis
from models.pipeline.content_links import content_links
from models.pipeline.links import LinkSpace
from models.pipeline.stats import CorpusStats, passage_terms
from models.serialize import corpus_from_dict, corpus_to_dict
from models.store.cache import Cache

STORY = {
    "tide": [
        "The Marlowe ferry ran onto a sandbank off Port Quillan on Tuesday night with 300 passengers aboard.",
        "Port Quillan harbour pilots said the helmsman misread the buoys in thick fog before the Marlowe grounded.",
        "Coastguard tugboats pulled the hull free at high tide and every passenger was brought ashore unharmed.",
        "The Marlowe operator offered refunds to travellers.",
    ],
    "gull": [
        "Passengers of the Marlowe spent the night on deck after the ship stuck fast near Port Quillan.",
        "The helmsman misread the buoys in the fog, the harbour pilots of Port Quillan told reporters.",
        "Fishermen in Port Quillan said the Marlowe season had been poor for the oyster beds.",
        "Tugboats of the coastguard freed the hull at high tide; passengers were ferried ashore by lifeboat.",
    ],
    "wave": [
        "Port Quillan's mayor praised the volunteers who served soup on the quay to the Marlowe passengers.",
        "Marlowe officials in Port Quillan promised a full review.",
        "A bakery in Port Quillan stayed open all night for the Marlowe crew.",
    ],
}


def _article(aid: str, texts: list[str]) -> Article:
    passages, offset = [], 0
    for i, text in enumerate(texts):
        passages.append(Passage(f"{aid}:{i}", aid, i, text, offset, offset + len(text)))
        offset += len(text) + 2
    return Article(aid, f"{aid}.txt", None, None, None, None, "\n\n".join(texts), tuple(passages), (), aid)


@pytest.fixture
def no_topics(tmp_path):
    """No topics, and links by content at three shared words (the bundled config's bar)."""
    path = tmp_path / "empty.yaml"
    path.write_text("topics: []\nthresholds:\n  content_link_min_shared: 3\n", encoding="utf-8")
    return load_config(path)


@pytest.fixture
def story():
    return [_article(aid, texts) for aid, texts in STORY.items()]


def _pairs(links) -> dict[frozenset[str], Link]:
    return {frozenset((link.source, link.target)): link for link in links if link.topic is None}


def _content_links(story, config, taken=frozenset()):
    terms = [[passage_terms(p.text) for p in a.passages] for a in story]
    return content_links(LinkSpace.build(story, terms, CorpusStats.build(terms)), config.thresholds, set(taken))


def test_passages_making_the_same_point_are_linked_without_a_topic(story, no_topics):
    pairs = _pairs(_content_links(story, no_topics))
    pilots = pairs.get(frozenset(("tide:1", "gull:1")))
    tugs = pairs.get(frozenset(("tide:2", "gull:3")))
    assert pilots is not None and tugs is not None
    assert {"helmsman", "buoys"} <= {w.lower() for w in pilots.shared_terms}
    assert "helmsman" in pilots.reason and 0 < pilots.score <= 1
    for link in pairs.values():
        # the story's own words are never the reason, and never a name alone
        assert not {w.lower() for w in link.shared_terms} & {"marlowe", "port", "quillan"}
        assert len(link.shared_terms) >= no_topics.thresholds.content_link_min_shared
        assert link.source.split(":")[0] != link.target.split(":")[0]


def test_pairs_a_topic_links_are_left_to_it(story, no_topics):
    assert not _pairs(_content_links(story, no_topics, {("gull:1", "tide:1")})).get(frozenset(("tide:1", "gull:1")))
    corpus = build_corpus(story, no_topics, [])  # the whole corpus stage: by a discovered topic or by content
    linked = {frozenset((link.source, link.target)) for link in corpus.links}
    assert {frozenset(("tide:1", "gull:1")), frozenset(("tide:2", "gull:3"))} <= linked


def test_no_link_without_enough_shared_content(story, no_topics):
    corpus = build_corpus(story, no_topics, [])
    linked = {pid for link in corpus.links for pid in (link.source, link.target)}
    # these share only the story's name and a word or two with any other passage
    assert not linked & {"tide:3", "gull:2", "wave:0", "wave:1", "wave:2"}
    for link in corpus.links:
        assert link.shared_terms  # never a link without a shared content word


def test_the_threshold_comes_from_the_config(story, tmp_path):
    path = tmp_path / "strict.yaml"
    path.write_text("topics: []\nthresholds:\n  content_link_min_shared: 0\n", encoding="utf-8")
    assert not _content_links(story, load_config(path))


def test_a_link_without_topic_survives_json_and_the_cache(story, no_topics, tmp_path):
    corpus = build_corpus(story, no_topics, [])
    corpus = replace(corpus, links=(*corpus.links, *_content_links(story, no_topics)))
    assert _pairs(corpus.links)
    again = corpus_from_dict(json.loads(json.dumps(corpus_to_dict(corpus))))
    assert _pairs(again.links).keys() == _pairs(corpus.links).keys()
    analysis = CorpusAnalysis(corpus.articles, corpus.topics, corpus.links)
    with Cache(tmp_path / "cache.sqlite3") as cache:
        cache.put_corpus("k", analysis, story)
        stored = cache.get_corpus("k", story)
    assert stored is not None
    assert {(l.source, l.target, l.topic) for l in stored.links} == {(l.source, l.target, l.topic) for l in corpus.links}


def _space(story):
    terms = [[passage_terms(p.text) for p in a.passages] for a in story]
    return LinkSpace.build(story, terms, CorpusStats.build(terms))


def test_each_passage_keeps_its_best_match_in_another_article(story, no_topics):
    """gull:3 (tugboats, coastguard, hull, tide, ashore) has two passages of "tide" to choose from that share
    words with it; it is linked to the one that makes its point (tide:2), not to the other too."""
    linked = {pair for pair in _pairs(_content_links(story, no_topics))}
    assert frozenset(("tide:2", "gull:3")) in linked
    assert all(len(pair & {"gull:3"}) == 0 or pair == frozenset(("tide:2", "gull:3")) for pair in linked
               if any(p.startswith("tide:") for p in pair))


def test_a_proper_name_is_no_shared_content(no_topics):
    """Two passages that share three words, two of them names the corpus always capitalises, are not linked by
    content; with three common words they are."""
    names = [
        _article("a", ["Inspector Halvard Brenneck questioned the lockkeeper about the sluice.",
                       "A lockkeeper opened the sluice gates at dawn and flooded the towpath."]),
        _article("b", ["Brenneck met Halvard's deputy, then the lockkeeper, near the sluice.",
                       "The towpath flooded when the sluice gates were opened at dawn by a lockkeeper."]),
        _article("c", ["Barges queued below the weir.", "The towpath reopened at noon."]),
    ]
    pairs = _pairs(_content_links(names, no_topics))
    assert frozenset(("a:1", "b:1")) in pairs  # sluice, gates, towpath, dawn, flooded ... what is said
    assert frozenset(("a:0", "b:0")) not in pairs  # Halvard, Brenneck: who, not what
    for link in pairs.values():
        assert not {"Halvard", "Brenneck"} & set(link.shared_terms)


def test_the_least_specific_words_of_the_corpus_make_no_point():
    """`distinct_ranks` keeps the words that make up nine tenths of the uses, the most specific first: the
    commonest last tenth of uses, whatever the corpus, is left out."""
    from models.pipeline.links import COMMON_SHARE, distinct_ranks

    story = [_article(aid, texts) for aid, texts in STORY.items()]
    space = _space(story)
    kept = distinct_ranks(space)
    uses = [0] * len(space.spelled)
    for s in space.strings:
        for ch in s:
            uses[ord(ch) - 0x100] += 1
    total = sum(uses)
    assert 0 < kept <= len(space.spelled)
    assert sum(uses[:kept]) >= (1 - COMMON_SHARE) * total
    assert sum(uses[: kept - 1]) < (1 - COMMON_SHARE) * total


def test_no_links_by_content_beside_topics_a_person_wrote(story, no_topics):
    """When a configured topic tags passages of the corpus, its topics say what the passages are about: no
    link by content is made (on the seeds they were the wrong ones)."""
    space = _space(story)
    assert content_links(space, no_topics.thresholds, set())
    assert content_links(space, no_topics.thresholds, set(), configured=frozenset({"rescue"}))  # it tags none
    tagged = [replace(a, passages=tuple(replace(p, topics=(TopicTag("rescue", 0.9, False, ("tugboats",)),))
                                        if p.id == "tide:2" else p for p in a.passages)) for a in story]
    assert content_links(_space(tagged), no_topics.thresholds, set(), configured=frozenset({"rescue"})) == []


def test_a_passage_keeps_at_most_links_max_per_passage_links_by_content(no_topics):
    """Ten articles each with a passage on the same point: each passage has nine best matches; at most
    `links_max_per_passage` stay on any one."""
    text = "Divers found the anchor chain snapped, the windlass jammed and the capstan cracked in the storm."
    filler = ["The harbour office opened late on a grey morning.", "Gulls circled the quay as the tide turned.",
              "A fishmonger set out crates by the slipway."]
    many = [_article(f"n{k:02d}", [text] + filler) for k in range(10)]
    th = replace(no_topics.thresholds, links_max_per_passage=4)
    links = content_links(_space(many), th, set())
    degree: dict[str, int] = {}
    for link in links:
        for end in (link.source, link.target):
            degree[end] = degree.get(end, 0) + 1
    assert links and max(degree.values()) <= 4


FLOOD = {
    "alpha": ["Volunteers sandbagged the riverside school before the flood crest arrived.",
              "The county clerk postponed the budget hearing."],
    "beta": ["The flood crest reached the school at dawn, and the volunteers were ready for it.",
             "A choir rehearsed in the church hall."],
    "gamma": ["Sandbagged streets kept the riverside dry while the crest passed.",
              "The mayor thanked a bakery for coffee.", "The budget hearing will be held next month."],
}


def _closed(pairs, **changes):
    from models.pipeline.content_links import closed_links

    story = [_article(aid, texts) for aid, texts in FLOOD.items()]
    space = _space(story)
    th = replace(load_config(None).thresholds, **changes)
    return _pairs(closed_links(space, set(pairs), space.strings, th))


def test_two_passages_linked_to_one_passage_of_a_third_article_are_linked():
    """alpha:0 and gamma:0 say one thing (sandbags on the riverside) and are each linked to beta:0, which says it
    too: they are linked, the reason says how and names what they share."""
    from models.pipeline.content_links import THROUGH

    links = _closed({("alpha:0", "beta:0"), ("beta:0", "gamma:0")})
    link = links.get(frozenset(("alpha:0", "gamma:0")))
    assert link is not None and link.topic is None and link.reason.startswith(THROUGH)
    assert {"sandbagged", "riverside"} <= {w.lower() for w in link.shared_terms}
    assert set(links) == {frozenset(("alpha:0", "gamma:0"))}  # nothing else: each other pair is linked already


def test_no_link_through_a_third_article_without_a_shared_word_or_into_an_article_linked_already():
    assert not _closed({("alpha:0", "beta:0"), ("beta:0", "gamma:1")})  # the bakery: no word in common
    # each end has a link into the other's article already (alpha:0 to gamma:2, gamma:0 to alpha:1): none more
    assert not _closed({("alpha:0", "beta:0"), ("beta:0", "gamma:0"), ("alpha:0", "gamma:2"), ("alpha:1", "gamma:0")})
    # one end only: the other still takes its best in that article (as links by content, each end chooses)
    assert frozenset(("alpha:0", "gamma:0")) in _closed({("alpha:0", "beta:0"), ("beta:0", "gamma:0"),
                                                          ("alpha:0", "gamma:2")})


def test_a_passage_with_links_max_per_passage_partners_takes_none_through_a_third_article():
    pairs = {("alpha:0", "beta:0"), ("beta:0", "gamma:0")}
    assert _closed(pairs, links_max_per_passage=2)
    assert not _closed(pairs, links_max_per_passage=1)  # each end has a partner already


def test_a_hub_is_no_bridge():
    """beta:0 linked to more passages than links_max_per_passage is a hub (a summary every passage meets): two
    passages linked to it are not linked through it."""
    pairs = {("alpha:0", "beta:0"), ("beta:0", "gamma:0"), ("beta:0", "gamma:2")}
    assert frozenset(("alpha:0", "gamma:0")) in _closed(pairs, links_max_per_passage=3)
    assert not _closed(pairs, links_max_per_passage=2)


def _dam(context: bool) -> list[Article]:
    """Two accounts of a made-up leak at a dam; the middle paragraphs share two words (inspectors, valves), each
    using a third the other does not (council, board).
    With `context` the paragraphs around them discuss one thing too (the grouting of the seepage, the farmers
    downstream); without it they do not."""
    north = [
        "Engineers found seepage beneath the spillway, and grouting crews drilled boreholes along the embankment.",
        "The council voted to lower the reservoir while inspectors checked the valves.",
        "Farmers downstream moved their livestock to higher pastures, the water board said.",
    ]
    south = [
        "Grouting crews pumped cement into boreholes through the embankment after seepage appeared near the spillway.",
        "Inspectors examined the valves on Monday, the water board said.",
        "Downstream, farmers drove livestock up to the pastures, with the council's blessing.",
    ]
    if not context:
        south[0] = "A bakery on the high street raised the price of bread and closed its tearoom for the winter."
        south[2] = "The town's choir rehearsed for a concert of carols in the council chamber, sung by candlelight."
    return [_article("north", north), _article("south", south)]


def test_two_words_in_common_link_passages_when_the_paragraphs_around_them_share_enough(no_topics):
    """Three shared words make a link by content; two do when the paragraphs around the two passages share
    three as well (one subject running over a few paragraphs), and the reason says so; two words between
    paragraphs that share nothing are no link."""
    from models.pipeline.content_links import AROUND

    link = _pairs(_content_links(_dam(True), no_topics)).get(frozenset(("north:1", "south:1")))
    assert link is not None and link.reason.startswith(AROUND)
    assert {w.lower() for w in link.shared_terms} == {"inspectors", "valves"}
    assert frozenset(("north:1", "south:1")) not in _pairs(_content_links(_dam(False), no_topics))
