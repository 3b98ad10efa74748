"""Tagging that needs the whole corpus: configured topics' vocabulary grown from it, references by context.

The per-article stage (`models.pipeline.topics`) tags what each article names. The corpus stage then calls
`tag_in_context`, which

0. silences a configured topic defined by its names (a date, a person, an acronym) that this corpus meets
   only through its everyday words: another story's topic (`models.pipeline.foreign`);
1. asks a tag that rests on one everyday word for support from its neighbours or the topic's vocabulary, and
   drops it when there is none (`models.pipeline.corroborate`), unless the word is a noun owned by someone
   ("received her sentence today", "its investigation"): the topic named in passing, only as its event, is
   kept as a reference to it (implicit, `_aside`); it also drops a tag that rests on one alias of a topic in
   a passage whose other words are another topic's (the alias used in passing: `models.pipeline.passing`);
2. grows each configured topic's vocabulary from the passages its aliases tag and tags the passages that
   use enough of it and name no configured topic (`models.pipeline.vocabulary`): a story's topics are told
   together ("the purchase" of the missiles in most passages on the jets it cost), so the words a passage
   on one topic shares with another's passages are no evidence of that other;
3. gives a passage the topic whose description it meets best, when it does not have it already: one that no
   configured topic tags, or one that names another topic and discusses this one too in the description's own
   words ("she will stay on until the new leader is chosen" on the race to succeed her and on her statement)
   (`models.pipeline.described`);
4. gives a topic as implicit to passages that continue their neighbour's subject without naming it
   (`models.pipeline.continuation`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from models.config import Topic
from models.document import Article, TopicTag
from models.pipeline.continuation import inherit
from models.pipeline.corroborate import by_neighbours, by_vocabulary, weak_tags
from models.pipeline.described import described_tag, with_described
from models.pipeline.foreign import foreign_topics, without_topics
from models.pipeline.passing import in_passing, with_profiles
from models.pipeline.stats import CorpusStats, PassageTerms
from models.pipeline.vocabulary import Vocabulary, grow, settle, vocabulary_tag


ASIDE_SCORE = 0.4  # a topic named in passing (`_aside`): at a description's tag, below an alias's
# a possessive and at most one modifier before the word ("her long-awaited sentence")
_POSSESSED = r"\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:[a-z][\w-]*\s+)?"


def tag_in_context(
    articles: list[Article], topics: tuple[Topic, ...], terms: list[list[PassageTerms]], stats: CorpusStats
) -> list[Article]:
    """The articles with the tags only the corpus can give added (see the module docstring)."""
    return in_context(articles, topics, terms, stats)[0]


def in_context(
    articles: list[Article], topics: tuple[Topic, ...], terms: list[list[PassageTerms]], stats: CorpusStats,
    vocabularies: list[Vocabulary] | None = None, weak: set[tuple[int, int, str]] | None = None,
) -> tuple[list[Article], list[Vocabulary]]:
    """`tag_in_context`, and the vocabularies it grew. Given `vocabularies` (grown on the corpus an incremental
    relink keeps: models/pipeline/relink.py), it tags with those instead of growing them from `articles`; given
    `weak`, those are the weak tags (`weak_tags` over the whole corpus, when `articles` are part of it)."""
    if not topics or not articles:
        return articles, list(vocabularies or ())
    order = {t.id: i for i, t in enumerate(topics)}
    # another story's topic, named here only by its everyday words, is silent (models.pipeline.foreign)
    foreign = foreign_topics(articles, topics) if vocabularies is None else {v.topic for v in vocabularies if v.foreign}
    articles = without_topics(articles, foreign)
    if weak is None:
        weak = weak_tags(articles)
    weak -= by_neighbours(articles, weak)
    if vocabularies is None:
        vocabularies = grow_all(articles, topics, terms, stats, leave_out=weak)
        vocabularies = with_profiles(vocabularies, articles, terms, stats, leave_out=weak)
        vocabularies = [replace(v, foreign=True) if v.topic in foreign else v for v in vocabularies]
    weak -= by_vocabulary(weak, [_own(v) for v in vocabularies], terms)
    asides = {(a, p, tag.topic): aside for a, p, topic in weak
              if (tag := articles[a].passages[p].tag(topic)) is not None
              and (aside := _aside(articles[a].passages[p].text, tag)) is not None}
    weak |= in_passing(articles, vocabularies, terms, weak)  # one topic's lone alias in another's passage
    if weak:
        articles = _without(articles, weak)
        articles = _with_asides(articles, asides)
    added: dict[tuple[int, int], dict[str, TopicTag]] = {}
    described = any(v.described for v in vocabularies)
    dropped = {(a, p) for a, p, _ in weak}  # their aliases were judged too weak: no second try by description
    for a, article in enumerate(articles):
        for p, passage in enumerate(article.passages):
            have = set(passage.topic_ids)
            names = any(not t.implicit and t.topic in order for t in passage.topics)
            for vocab in vocabularies:
                if names or vocab.topic in have or not vocab.terms:
                    continue  # a passage that names a topic says what it discusses (see the module docstring)
                tag = vocabulary_tag(vocab, terms[a][p], stats)
                if tag is not None:
                    added.setdefault((a, p), {})[tag.topic] = tag
            if described and (a, p) not in added and (a, p) not in dropped:
                tag = described_tag(vocabularies, terms[a][p], stats)
                if tag is not None and tag.topic not in have:
                    added[(a, p)] = {tag.topic: tag}
    if not added:
        return inherit(articles, topics), vocabularies
    out = []
    for a, article in enumerate(articles):
        if not any((a, p) in added for p in range(len(article.passages))):
            out.append(article)
            continue
        passages = []
        for p, passage in enumerate(article.passages):
            extra = added.get((a, p))
            if extra:
                tags = sorted((*passage.topics, *extra.values()), key=lambda t: (t.implicit, order.get(t.topic, len(order))))
                passage = replace(passage, topics=tuple(tags))
            passages.append(passage)
        out.append(replace(article, passages=tuple(passages)))
    return inherit(out, topics), vocabularies


def _aside(text: str, tag: TopicTag) -> TopicTag | None:
    """A weak tag's word as the topic named in passing, owned by someone: the alias word as a noun right after
    a possessive ("received her sentence today", "its investigation") is that topic's event named only as the
    event, a reference to it (implicit), where the same word alone ("no spillage caused by it", "shipping
    containers") is as often another sense. Else None."""
    found = re.search(_POSSESSED + re.escape(tag.evidence[0]) + r"\b", text)
    return TopicTag(tag.topic, ASIDE_SCORE, True, (found.group(0),)) if found else None


def _with_asides(articles: list[Article], asides: dict[tuple[int, int, str], TopicTag]) -> list[Article]:
    """The articles with the `asides` (article, passage, topic) -> implicit tag added."""
    if not asides:
        return articles
    out = list(articles)
    for (a, p, _), tag in sorted(asides.items(), key=lambda kv: kv[0]):
        passages = list(out[a].passages)
        passages[p] = replace(passages[p], topics=(*passages[p].topics, tag))
        out[a] = replace(out[a], passages=tuple(passages))
    return out


def _own(vocab: Vocabulary) -> Vocabulary:
    """The terms the topic's passages use distinctively (a description's words may restate the story's event)."""
    return Vocabulary(vocab.topic, tuple((t, w) for t, w in vocab.terms if t in vocab.distinctive), frozenset())


def _without(articles: list[Article], drop: set[tuple[int, int, str]]) -> list[Article]:
    """The articles with the (article, passage, topic) tags of `drop` removed."""
    out = []
    for a, article in enumerate(articles):
        if not any(d[0] == a for d in drop):
            out.append(article)
            continue
        passages = tuple(
            replace(passage, topics=tuple(t for t in passage.topics if (a, p, t.topic) not in drop))
            if any((a, p, t.topic) in drop for t in passage.topics) else passage
            for p, passage in enumerate(article.passages)
        )
        out.append(replace(article, passages=passages))
    return out


def grow_all(
    articles: list[Article], topics: tuple[Topic, ...], terms: list[list[PassageTerms]], stats: CorpusStats,
    leave_out: set[tuple[int, int, str]] | None = None,
) -> list[Vocabulary]:
    """Each configured topic's vocabulary, grown from the passages its aliases tag (less the (article, passage,
    topic) tags of `leave_out`), with its description's telling words (models.pipeline.described)."""
    seeds: dict[str, set[tuple[int, int]]] = {t.id: set() for t in topics}
    leave_out = leave_out or set()
    for a, article in enumerate(articles):
        for p, passage in enumerate(article.passages):
            for tag in passage.topics:
                if not tag.implicit and tag.topic in seeds and (a, p, tag.topic) not in leave_out:
                    seeds[tag.topic].add((a, p))
    grown = settle([grow(topic, seeds[topic.id], terms, stats) for topic in topics])
    # a topic narrowed with `requires` counts only where those are named: its vocabulary would bypass that
    grown = [v if not topic.requires else Vocabulary(v.topic, (), frozenset()) for v, topic in zip(grown, topics)]
    return with_described(grown, topics, stats)
