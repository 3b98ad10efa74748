"""A topic's description as evidence for a passage nothing else tagged (models.pipeline.described). Made-up
passages about a bridge that fell in a town called Velden."""

from __future__ import annotations

from models.config import Topic
from models.pipeline.described import SCORE, described_tag, description_words, with_described
from models.pipeline.vocabulary import Vocabulary
from models.pipeline.stats import CorpusStats, passage_terms

ARTICLES = [
    [
        "The Marrow Bridge in Velden fell into the river late on Tuesday.",
        "Inspectors found corrosion on the cables of the Marrow Bridge.",
        "Lorries waited in a queue for hours while the freight depots stayed shut.",
        "The bridge opened in 1961.",
    ],
    [
        "Velden mourned the Marrow Bridge on Wednesday.",
        "Engineers blamed the bolts and the rain for the fall of the Marrow Bridge.",
        "A choir sang outside the church on Wednesday evening.",
        "Freight firms said the week cost them a fortune.",
    ],
    [
        "Divers searched the river below the Marrow Bridge in Velden.",
        "Schools reopened on Thursday after a day of mourning.",
        "Depots emptied as the queue grew longer.",
        "The city said the bridge would be rebuilt.",
    ],
]

TRADE = Topic("trade", "Trade", "#61afef", ("supply chains",),
              description="What the closure did to trade, from the queue of lorries to freight depots and the Marrow Bridge.")
CAUSE = Topic("cause", "Why it fell", "#e5c07b", ("corrosion",),
              description="Why the bridge fell, from corroded cables and rusted bolts to the rain and the lorries.")


def corpus() -> tuple[list[list], CorpusStats]:
    terms = [[passage_terms(text) for text in article] for article in ARTICLES]
    return terms, CorpusStats.build(terms)


def kept(words: dict[str, tuple[str, ...]]) -> list[Vocabulary]:
    """The words as the corpus stage keeps them: beside each topic's (here empty) grown vocabulary."""
    return [Vocabulary(topic, (), frozenset(), described=found) for topic, found in words.items()]


def test_two_words_of_one_description_tag_the_passage():
    terms, stats = corpus()
    words = kept(description_words((TRADE, CAUSE), stats))
    tag = described_tag(words, terms[0][2], stats)  # queue, freight, depot
    assert tag is not None and tag.topic == "trade" and not tag.implicit
    assert tag.evidence == () and tag.score == SCORE  # no alias: the description's words say why
    assert {"queue", "freight"} <= {w.lower() for w in tag.related}


def test_one_word_of_a_description_is_a_coincidence():
    terms, stats = corpus()
    words = kept(description_words((TRADE, CAUSE), stats))
    assert described_tag(words, terms[1][3], stats) is None  # "freight" alone


def test_the_story_a_name_and_a_word_both_descriptions_use_tell_nothing():
    _, stats = corpus()
    words = description_words((TRADE, CAUSE), stats)
    assert not {"bridg", "marrow", "lorri"} & {*words["trade"], *words["cause"]}
    assert "queue" in words["trade"] and "bolt" in words["cause"]


def test_two_topics_met_as_well_leave_the_passage_alone():
    terms, stats = corpus()
    words = kept({"trade": ("queue", "freight"), "cause": ("lorri", "hour")})
    assert described_tag(words, terms[0][2], stats) is None  # two words each


def test_a_topic_without_a_description_or_narrowed_by_requires_offers_no_words():
    from dataclasses import replace

    _, stats = corpus()
    bare = Topic("bare", "Bare", "#ffffff", ("queue",))
    narrowed = replace(TRADE, requires=(("council",),))  # its requirement is not to be bypassed
    assert description_words((bare, narrowed), stats) == {}


def test_the_words_are_kept_beside_the_vocabulary_most_specific_first():
    _, stats = corpus()
    [trade, cause] = with_described([Vocabulary("trade", (), frozenset()), Vocabulary("cause", (), frozenset())],
                                    (TRADE, CAUSE), stats)
    assert set(trade.described) == set(description_words((TRADE, CAUSE), stats)["trade"]) and cause.described
    spec = [stats.specificity(t) for t in trade.described]
    assert spec == sorted(spec, reverse=True)


def test_a_passage_whose_weak_alias_was_dropped_gets_no_second_try():
    """An alias tag resting on one everyday word that nothing supports is dropped (models.pipeline.corroborate);
    the description does not put a topic back on that passage, though an untagged one gets it."""
    from models.document import Article, Passage, TopicTag
    from models.pipeline.context import in_context

    def article(name: str, texts: list[str], tags: dict[int, TopicTag]) -> Article:
        passages = tuple(Passage(f"{name}:{i}", name, i, t, 0, len(t), (tags[i],) if i in tags else ())
                         for i, t in enumerate(texts))
        return Article(name, f"{name}.txt", None, None, None, None, "", passages, (), name)

    firm = TopicTag("cause", 0.8, False, ("corrosion",))
    lone = TopicTag("cause", 0.8, False, ("time",))  # one common English word
    articles = [article(f"a{k}", texts, {1: firm} if k < 2 else {2: lone}) for k, texts in enumerate(ARTICLES)]
    terms, stats = corpus()
    out, _ = in_context(articles, (TRADE, CAUSE), terms, stats)
    assert out[2].passages[2].topics == ()  # "Depots emptied as the queue ...": its weak alias was dropped
    tag = out[0].passages[2].tag("trade")  # "Lorries waited in a queue ... freight depots": nothing tagged it
    assert tag is not None and tag.evidence == () and tag.related
