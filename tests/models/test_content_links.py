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
from models.document import Article, Link, Passage
from models.loader import build_corpus
from models.pipeline.corpus import CorpusAnalysis
from models.pipeline.content_links import content_links
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
    """No topics, and links by content turned on (they are off by default: on the dev stories they were less
    precise than the links within topics)."""
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
    return content_links(story, terms, CorpusStats.build(terms), config.thresholds, set(taken))


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
    corpus = replace(corpus, links=corpus.links + tuple(_content_links(story, no_topics)))
    assert _pairs(corpus.links)
    again = corpus_from_dict(json.loads(json.dumps(corpus_to_dict(corpus))))
    assert _pairs(again.links).keys() == _pairs(corpus.links).keys()
    analysis = CorpusAnalysis(corpus.articles, corpus.topics, corpus.links)
    with Cache(tmp_path / "cache.sqlite3") as cache:
        cache.put_corpus("k", analysis, story)
        stored = cache.get_corpus("k", story)
    assert stored is not None
    assert {(l.source, l.target, l.topic) for l in stored.links} == {(l.source, l.target, l.topic) for l in corpus.links}
