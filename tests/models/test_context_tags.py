"""Tagging that needs the corpus: a topic's vocabulary grown from the passages its aliases tag and from its
description, and topics inherited by context. The articles are made up for these tests (a bridge that
fell in a town called Velden), written so that each rule has one passage that must be tagged and one that
must not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from models.config import Config, Topic
from models.document import Corpus, Passage

BRIDGE = {
    "a1.txt": """Bridge falls into the Oster

The Marrow Bridge in Velden fell into the river Oster late on Tuesday, killing two drivers, police said.

Inspectors found heavy corrosion on the suspension cables and on the anchor bolts that held the deck.

Rusted anchor bolts and frayed suspension cables had been reported to the council as early as 2019.

Commuters face a long detour through the hills while the crossing is closed.

The two drivers were named on Wednesday as a baker and a retired teacher from the old town.

Flags flew at half mast over the town hall, and the football club cancelled its weekend match.

The bridge opened in 1961 and carried about 30,000 vehicles a day.

A choir sang outside the church of St Anna on Wednesday evening.

Local radio stayed on air through the night, reading messages from listeners.
""",
    "a2.txt": """Mayor mourns the Marrow Bridge

Velden's mayor called the collapse of the Marrow Bridge a tragedy for the whole region.

A design flaw left the suspension cables exposed to rain, and the anchor bolts rusted through.

Ferry queues stretched for hours as commuters looked for another way across the Oster.

Residents laid flowers on the riverbank near the broken pylons.

The mayor promised a memorial for the two victims, whose families asked for privacy.

A concert planned for Saturday in the market square was postponed.

Volunteers handed out soup and blankets at the sports hall.
""",
    "a3.txt": """Divers search the Oster

Divers searched the river below the Marrow Bridge in Velden on Wednesday for a third car.

The suspension cables showed corrosion, the city's engineers said; two anchor bolts had snapped.

Ferry queues formed again at dawn at the north landing, and shops on the east bank said takings had halved.

The search was called off at dusk, and the police said no one else was missing.

Schools in the old town reopened on Thursday after a day of mourning.

The city said the bridge would be rebuilt within three years.

The regional newspaper printed a black front page on Thursday.
""",
}

CAUSE = Topic("cause", "Why it fell", "#e5c07b", ("corrosion", "design flaw"),
              description="Why the bridge fell, from corroded cables and a design flaw to skipped inspections.")
TRAFFIC = Topic("traffic", "Traffic", "#61afef", ("detour", "commuters"),
                description="How the closure snarls traffic, from detours to ferry queues and longer commutes.")


def analyse(tmp_path: Path, config: Config, topics: tuple[Topic, ...], texts: dict[str, str]) -> Corpus:
    from models.loader import analyze

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return analyze([folder], replace(config, topics=topics), cache=False)


def passage(corpus: Corpus, name: str, words: str) -> Passage:
    for article in corpus.articles:
        if Path(article.path).name == name:
            for p in article.passages:
                if words in p.text:
                    return p
    raise AssertionError(f"no passage with {words!r} in {name}")


@pytest.fixture
def bridge(tmp_path, config) -> Corpus:
    return analyse(tmp_path, config, (CAUSE, TRAFFIC), BRIDGE)


def test_vocabulary_grown_from_the_corpus_tags_a_passage_its_aliases_miss(bridge):
    p = passage(bridge, "a1.txt", "Rusted anchor bolts and frayed")
    tag = p.tag("cause")
    assert tag is not None and not tag.implicit
    assert tag.evidence == ()  # no alias: the vocabulary decided, and says which words
    assert {"anchor bolts", "suspension cables"} <= set(tag.related)
    assert any(line.startswith("related: ") for line in tag.explain())
    named = passage(bridge, "a1.txt", "heavy corrosion").tag("cause")
    assert named is not None and tag.score < named.score  # weaker evidence than a name


def test_words_of_the_story_itself_grow_into_no_topic(bridge):
    # the bridge, the town and the river are in every article: they say nothing about why it fell
    assert passage(bridge, "a3.txt", "rebuilt within three years").topics == ()
    assert passage(bridge, "a2.txt", "laid flowers on the riverbank").topics == ()


def test_a_phrase_of_the_description_is_evidence(bridge):
    # "ferry queues" is in the user's description of the topic, not in its aliases
    tag = passage(bridge, "a3.txt", "Ferry queues formed again").tag("traffic")
    assert tag is not None and tag.evidence == () and "Ferry queues" in tag.related


def test_a_topic_narrowed_by_requires_grows_no_vocabulary(tmp_path, config):
    narrowed = replace(CAUSE, description=None, requires=(("council",),))
    corpus = analyse(tmp_path, config, (narrowed, TRAFFIC), BRIDGE)
    tag = passage(corpus, "a1.txt", "Rusted anchor bolts and frayed").tag("cause")
    assert tag is None or tag.evidence  # only its aliases (and their requirement) may tag it


def test_one_outlets_words_do_not_grow(tmp_path, config):
    # "frayed" is only in one article: it does not join the vocabulary however often that article uses it
    from models.pipeline.context import grow_all
    from models.pipeline.stats import CorpusStats, passage_terms

    corpus = analyse(tmp_path, config, (CAUSE, TRAFFIC), BRIDGE)
    terms = [[passage_terms(p.text) for p in a.passages] for a in corpus.articles]
    grown = {v.topic: dict(v.terms) for v in grow_all(list(corpus.articles), (CAUSE, TRAFFIC), terms,
                                                      CorpusStats.build(terms))}
    assert "anchor bolt" in grown["cause"]
    assert not any("fray" in term for term in grown["cause"])


def test_vocabulary_gives_no_second_topic_to_a_passage_that_names_one(tmp_path, config):
    # a passage that names a topic says what it discusses; the words it shares with another topic's passages
    # (a story's topics are told together) are no evidence of that one. The user's own description is (see
    # test_a_passage_on_one_topic_gets_a_second_in_its_description_words): here it does not name ferries
    texts = dict(BRIDGE, **{"a4.txt": "Velden crossing\n\nInspectors blamed corrosion, and ferry queues formed on the Oster at dawn.\n"})
    traffic = replace(TRAFFIC, description="How the closure snarls traffic, from detours to longer commutes.")
    corpus = analyse(tmp_path, config, (CAUSE, traffic), texts)
    p = passage(corpus, "a4.txt", "Inspectors blamed corrosion")
    assert p.topic_ids == ("cause",)


def test_a_passage_on_one_topic_gets_a_second_in_its_description_words(tmp_path, config):
    texts = dict(BRIDGE, **{"a4.txt": """Commuters ask about inspections

Commuters on the long detour asked why the inspections were skipped and the corroded cables left alone.

The council met on Friday evening.
"""})
    corpus = analyse(tmp_path, config, (CAUSE, TRAFFIC), texts)
    both = passage(corpus, "a4.txt", "inspections were skipped")
    cause = both.tag("cause")
    assert both.tag("traffic") is not None and cause is not None and not cause.implicit
    assert cause.evidence == () and {"inspections", "skipped"} <= {w.lower() for w in cause.related}
