"""A tag resting on one everyday word needs support (models.pipeline.corroborate). The articles are made up
for these tests (a bridge that fell in a town called Velden): "cause" is an alias of the topic and an
everyday English word, met once on the topic and once in another sense."""

from __future__ import annotations

from tests.models.test_context_tags import CAUSE, analyse, passage

TEXTS = {
    "b1.txt": """Bridge falls into the Oster

The Marrow Bridge in Velden fell into the river Oster late on Tuesday, police said.

Inspectors found heavy corrosion on the suspension cables and on the anchor bolts.

The cause, engineers said, was plain to anyone who had looked.

Flags flew at half mast over the town hall on Wednesday.

A power cut caused the evening concert in the market square to be cancelled.

Volunteers handed out soup and blankets at the sports hall.

The football club postponed its weekend match against the visitors from Arnheim.

Local radio stayed on air through the night, reading messages from listeners.

A choir sang outside the church of St Anna on Wednesday evening.

Shops on the east bank said takings had halved since the weekend.

Schoolchildren wrote letters to the families of the two drivers.

The bakery on Mill Street gave away its bread on Thursday morning.

Trains to the capital ran late all week because of crowded platforms.
""",
    "b2.txt": """Divers search the Oster

Divers searched the river below the Marrow Bridge in Velden on Wednesday.

The suspension cables showed corrosion, the city's engineers said; two anchor bolts had snapped.

Schools in the old town reopened on Thursday after a day of mourning.

The regional newspaper printed a black front page on Thursday.

The mayor promised a memorial for the two victims, whose families asked for privacy.

Residents laid flowers on the riverbank near the broken pylons.

A concert planned for Saturday in the market square was postponed.

The ferry to the north landing ran every twenty minutes through the day.

Hotels in the old town offered rooms to families from the far bank.

Rusted anchor bolts and suspension cables were the likely cause, the city's engineers said later.
""",
}

TOPIC = CAUSE.__class__(CAUSE.id, CAUSE.label, CAUSE.colour, ("corrosion", "cause"), description=None)


def test_a_lone_everyday_word_without_support_tags_nothing(tmp_path, config):
    corpus = analyse(tmp_path, config, (TOPIC,), TEXTS)
    assert passage(corpus, "b1.txt", "A power cut caused").tag("cause") is None


def test_a_neighbour_on_the_topic_supports_it(tmp_path, config):
    corpus = analyse(tmp_path, config, (TOPIC,), TEXTS)
    tag = passage(corpus, "b1.txt", "The cause, engineers said").tag("cause")
    assert tag is not None and not tag.implicit and tag.evidence == ("cause",)


def test_the_topics_vocabulary_supports_it(tmp_path, config):
    # "anchor bolts" or "suspension cables" grew into the topic from the passages "corrosion" tags in both articles
    corpus = analyse(tmp_path, config, (TOPIC,), TEXTS)
    tag = passage(corpus, "b2.txt", "likely cause").tag("cause")
    assert tag is not None and tag.evidence == ("cause",)


def test_which_tags_are_weak():
    from models.document import TopicTag
    from models.pipeline.corroborate import lone_common

    assert lone_common(TopicTag("t", 0.7, False, ("caused",)))
    assert lone_common(TopicTag("t", 0.8, False, ("cause", "causes")))  # one word, met twice
    assert not lone_common(TopicTag("t", 0.8, False, ("cause", "corrosion")))  # a second name
    assert not lone_common(TopicTag("t", 0.7, False, ("corrosion",)))  # rare in English
    assert not lone_common(TopicTag("t", 0.7, False, ("design flaw",)))  # a phrase
    assert not lone_common(TopicTag("t", 0.5, True, ("it",)))  # a reference is not an alias
    assert lone_common(TopicTag("t", 0.5, True, ("title: Causes",)))  # the lede's tag from the title's alias
    assert not lone_common(TopicTag("t", 0.5, True, ("title: traffic jam",)))


def test_a_topic_named_only_by_everyday_words_keeps_them(tmp_path, config):
    everyday = TOPIC.__class__("cause", "Why", "#e5c07b", ("cause",), description=None)
    corpus = analyse(tmp_path, config, (everyday,), TEXTS)
    assert passage(corpus, "b1.txt", "A power cut caused").tag("cause") is not None
