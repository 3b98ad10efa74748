"""Topics discovered from the articles, with no config: recurring sub-topics, their names, ids and links.

The fixture is a story written for this test (a footbridge that collapsed in a made-up town): three outlets
each discuss the corrosion found by inspectors and the compensation the families claim, among passages
that recur nowhere else."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from models.config import load_config
from models.document import Article, Passage
from models.loader import build_corpus
from models.pipeline.stats import CorpusStats, passage_terms
from models.serialize import corpus_to_dict

STORY = {
    "herald": [
        "The Millbrook footbridge collapsed on Sunday evening, sending pedestrians into the river.",
        "Millbrook inspectors found severe corrosion in the steel cables, and the corroded anchor bolts had never been replaced.",
        "The Millbrook mayor cancelled the town festival and ordered flags lowered.",
        "In Millbrook, families of the injured are demanding compensation and their lawyers filed a claim against the council.",
    ],
    "gazette": [
        "A footbridge in Millbrook gave way on Sunday, and rescuers pulled people from the water.",
        "According to the inspectors, corrosion had eaten through the cables; the anchor bolts were badly corroded.",
        "Millbrook bakeries handed out bread to volunteers through the night.",
        "Millbrook lawyers for the families said the compensation claim would be lodged against the council next week.",
    ],
    "courier": [
        "Millbrook is mourning after its footbridge fell into the river on Sunday night.",
        "The council's compensation fund will not cover every claim, the families' lawyers warned.",
        "Schoolchildren left drawings at the riverbank.",
        "Engineers blamed corrosion: the cables and the anchor bolts were corroded, inspectors said.",
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
    path = tmp_path / "empty.yaml"
    path.write_text("topics: []\n", encoding="utf-8")
    return load_config(path)


@pytest.fixture
def story():
    return [_article(aid, texts) for aid, texts in STORY.items()]


def _topic_passages(corpus, topic_id):
    return {p.id for a in corpus.articles for p in a.passages if p.tag(topic_id)}


def test_recurring_sub_topics_are_found_named_and_tagged(story, no_topics):
    corpus = build_corpus(story, no_topics, [])
    found = [t for t in corpus.topics if t.discovered]
    assert found, "no topic discovered"
    by_words = {t.id: t.label.lower() for t in found}
    corrosion = next(t for t, label in by_words.items() if "corro" in label or "anchor bolt" in label)
    claim = next(t for t, label in by_words.items() if "compensation" in label or "claim" in label or "lawyer" in label)
    assert corrosion != claim
    rust, claims = {"herald:1", "gazette:1", "courier:3"}, {"herald:3", "gazette:3", "courier:1"}
    assert rust <= _topic_passages(corpus, corrosion) and not claims & _topic_passages(corpus, corrosion)
    assert claims <= _topic_passages(corpus, claim) and not rust & _topic_passages(corpus, claim)
    for topic in found:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", topic.id)
        assert topic.colour.startswith("#") and 2 <= len(topic.label.split(", ")) <= 3 or "," not in topic.label
        articles = {pid.split(":")[0] for pid in _topic_passages(corpus, topic.id)}
        assert len(articles) >= 2  # a discovered topic needs passages in two articles
    tag = next(p for p in corpus.articles[0].passages if p.id == "herald:1").tag(corrosion)
    assert tag is not None and not tag.implicit and tag.evidence  # the words that put it there
    # passages that recur nowhere else get no topic
    assert not corpus.articles[0].passages[2].topics and not corpus.articles[2].passages[2].topics


def test_ids_come_from_the_names_and_are_stable(story, no_topics):
    first = build_corpus(story, no_topics, [])
    again = build_corpus([replace(a) for a in reversed(story)], no_topics, [])
    assert {t.id for t in first.topics} == {t.id for t in again.topics}
    for topic in first.topics:
        first_name = topic.label.split(", ")[0].lower()
        assert topic.id.startswith(re.sub(r"[^a-z0-9]+", "-", first_name).strip("-"))


def test_discovered_topics_are_linked_and_in_the_json(story, no_topics):
    corpus = build_corpus(story, no_topics, [])
    found = {t.id for t in corpus.topics if t.discovered}
    assert any(link.topic in found for link in corpus.links)
    for link in corpus.links:
        assert link.shared_terms  # never a link without a shared content word
        assert link.source.split(":")[0] != link.target.split(":")[0]
    data = json.loads(json.dumps(corpus_to_dict(corpus)))
    assert {t["id"] for t in data["topics"] if t["discovered"] is True} == found


def test_a_configured_topic_is_not_suggested_again(story, tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("topics:\n  - id: rust\n    label: Rust\n    aliases: [corrosion, corroded]\n", encoding="utf-8")
    corpus = build_corpus(story, load_config(path), [])
    rust = _topic_passages(corpus, "rust")
    for topic in corpus.topics:
        if topic.discovered:
            assert len(_topic_passages(corpus, topic.id) & rust) < 2


def test_specificity_ignores_the_story_name_and_common_words(story):
    stats = CorpusStats.build([[passage_terms(p.text) for p in a.passages] for a in story])
    from models.text import lemma

    assert stats.specificity(lemma("corrosion")) > stats.specificity(lemma("millbrook"))
    assert stats.specificity(lemma("said")) == 0.0
    assert stats.spelling(lemma("inspectors")) in ("inspectors", "Inspectors")


def test_suggested_aliases_leave_out_everyday_words():
    from models.document import TopicTag
    from models.pipeline.discover import topic_aliases

    evidence = [("corrosion", "likely", "anchor bolts"), ("corrosion", "given"), ("likely", "inspectors")]
    passages = tuple(
        Passage(f"a:{i}", "a", i, "text", 0, 4, topics=(TopicTag("bridge-corrosion", 0.8, False, words),))
        for i, words in enumerate(evidence)
    )
    article = Article("a", "a.txt", None, None, None, None, "text", passages, (), "a")
    aliases = topic_aliases([article])["bridge-corrosion"]
    assert aliases[0] == "corrosion"  # the most used first
    assert {"anchor bolts", "inspectors"} <= set(aliases)
    assert not {"likely", "given"} & set(aliases)  # words every English text uses define nothing


def test_discovered_topics_have_colours_of_their_own():
    from models.pipeline import discover
    from models.pipeline.corpus import DISCOVERED_COLOURS

    assert len(set(DISCOVERED_COLOURS)) == len(DISCOVERED_COLOURS) >= discover.MAX_TOPICS


def _tagged(aid: str, texts: list[str], tags: list[tuple[str, ...]]) -> Article:
    from models.document import TopicTag

    article = _article(aid, texts)
    passages = tuple(replace(p, topics=tuple(TopicTag(t, 0.8, False, ("x",)) for t in topics))
                     for p, topics in zip(article.passages, tags))
    return replace(article, passages=passages)


def _space(articles):
    from models.pipeline.links import LinkSpace

    terms = [[passage_terms(p.text) for p in a.passages] for a in articles]
    return LinkSpace.build(articles, terms, CorpusStats.build(terms))


HARBOUR = {
    "a": ["Harbour pilots blamed a collision on the pier at dawn.",
          "The rudder had jammed, and a long backlog of lorries formed at the gates.",
          "Residents held a picnic on the promenade."],
    "b": ["Investigators said the collision at dawn came after the rudder jammed.",
          "They had warned the owners twice before.",
          "A choir sang at the festival."],
    "c": ["The ferry timetable was printed again.", "Gulls nested on the lighthouse."],
}


def _harbour(tags_a, tags_b):
    return [_tagged("a", HARBOUR["a"], tags_a), _tagged("b", HARBOUR["b"], tags_b),
            _tagged("c", HARBOUR["c"], [(), ()])]


def test_a_link_is_lent_to_the_paragraph_beside_its_end():
    from models.config import Topic
    from models.document import Link
    from models.pipeline.carry import carried_links, is_carried

    topic = Topic("found", "dawn collision", "#ffffff", ("collision",))
    articles = _harbour([("found",), ("found",), ()], [("found",), (), ()])
    space = _space(articles)
    found = [Link("a:0", "b:0", "found", 0.7, "Both discuss dawn collision", ("dawn",))]
    (link,) = carried_links(space, found, [], (topic,))
    # a:1 goes on with a:0's subject (the topic's tag) and shares words with b:0: it is linked to b:0 too
    assert (link.source, link.target, link.topic) == ("a:1", "b:0", "found")
    assert set(link.shared_terms) == {"rudder", "jammed"}
    assert is_carried(link) and not is_carried(found[0])


def test_no_link_is_lent_without_the_topic_a_shared_word_or_a_gap():
    from models.config import Topic
    from models.document import Link
    from models.pipeline.carry import carried_links

    topic = Topic("found", "dawn collision", "#ffffff", ("collision",))
    found = [Link("a:0", "b:0", "found", 0.7, "Both discuss dawn collision", ("dawn",))]
    untagged = _harbour([("found",), (), ()], [("found",), (), ()])
    assert carried_links(_space(untagged), found, [], (topic,)) == []  # a:1 is not on the topic
    articles = _harbour([("found",), ("found",), ()], [("found",), (), ()])
    space = _space(articles)
    other = [Link("a:1", "b:1", "other", 0.5, "", ())]
    assert carried_links(space, found, other, (topic,)) == []  # a:1 is linked into b already
    apart = _harbour([("found",), ("found", "written"), ()], [("found",), (), ()])
    assert carried_links(_space(apart), found, [], (topic,), frozenset({"written"})) == []  # a person's topic


def test_suggested_aliases_leave_out_names_dates_and_another_topics_words():
    from models.document import TopicTag
    from models.pipeline.discover import topic_aliases

    tags = [
        ("flooding", ("floodwater", "Harold Quimby", "Rear Admiral", "sandbags", "late Tuesday", "vessel")),
        ("flooding", ("floodwater", "sandbags", "Quimby", "levee breach")),
        ("repairs", ("sandbags", "scaffolding")),
        ("signs", ("signs", "lights")),
    ]
    passages = tuple(
        Passage(f"a:{i}", "a", i, "text", 0, 4, topics=(TopicTag(topic, 0.8, False, words),))
        for i, (topic, words) in enumerate(tags)
    )
    article = Article("a", "a.txt", None, None, None, None, "text", passages, (), "a")
    aliases = topic_aliases([article])
    assert aliases["flooding"][:2] == ["floodwater", "sandbags"]
    assert "levee breach" in aliases["flooding"]
    # a person, a rank, a date and a word English uses widely define no topic
    assert not {"Harold Quimby", "Quimby", "Rear Admiral", "late Tuesday", "vessel"} & set(aliases["flooding"])
    assert aliases["repairs"] == ["scaffolding"]  # "sandbags" defines the topic that uses it most
    assert aliases["signs"] == ["signs", "lights"]  # no rarer word: its own words rather than none
