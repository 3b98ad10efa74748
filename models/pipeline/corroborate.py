"""A lone common word is weak evidence: an alias tag that rests on one everyday English word needs support.

A user's aliases mix the topic's own terms ("backlog", "P&I Club", "strong winds") with everyday words that
also name it ("cause", "shipping", "court"). A passage whose only evidence is one such word uses it as often
in another sense ("no oil spillage caused by it", "20,000 standard shipping containers") as in the topic's.
So an alias tag whose evidence is a single alias word common in English (`background.zipf` at least
`COMMON_ZIPF`) stands only when something else says the passage is on the topic; so does the tag the first
passage gets from one such word of the title ("Massive IT Outage Causes Worldwide Chaos"):

- a neighbour: the passage next to it in the same article has the topic on firmer evidence (a run of
  passages on one subject; support spreads along the run);
- the topic's vocabulary, grown from its firmly tagged passages (`models.pipeline.vocabulary`): the passage
  uses one of those terms.

A tag with no support is dropped (the vocabulary may still tag the passage on two terms of its own). A topic
the corpus names firmly in fewer than two articles keeps its lone words: they are all the evidence there is.

A lone word the whole story uses (`story_wide_keys`: the alias is met in more than `STORY_WIDE_SHARE` of the
corpus's passages and in most articles, as "board" is in a story of a board firing its chief executive) is
the story's own word, not the topic's: a neighbour on the topic is no support, as such a neighbour is nearly
always there (the word is everywhere, so its tags run on through whole articles). Only the topic's vocabulary
supports it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models import background
from models.document import Article, TopicTag
from models.pipeline.stats import PassageTerms
from models.pipeline.vocabulary import Vocabulary
from models.text import lemma, tokens

COMMON_ZIPF = 4.5  # an alias word at least this common in English (~30 uses a million words) is weak alone
STORY_WIDE_SHARE = 0.3  # a lone alias met in more of the passages than this (and in most articles) is the story's
STORY_WIDE_MIN = 3  # ... and in at least this many (as models.pipeline.stats.CorpusStats.story_wide)
_POSSESSIVE = re.compile(r"['’]s$")  # a possessive ending, which the background model does not list
TITLE = "title: "  # how a lede's tag from the title's aliases gives its evidence
MIN_FIRM_ARTICLES = 2  # ... in a topic with firm tags in this many articles


def lone_common(tag: TopicTag) -> bool:
    """True when an explicit alias tag's only evidence is one word common in English."""
    return bool(lone_key(tag))


def lone_key(tag: TopicTag) -> str:
    """The lemma of the one everyday word an alias tag rests on (`lone_common`), else ""."""
    title = [e.removeprefix(TITLE) for e in tag.evidence if e.startswith(TITLE)]
    if not tag.evidence or (tag.implicit and len(title) != len(tag.evidence)):
        return ""  # only alias tags, and the lede's tags from the title's aliases (topics.Tagger._lede)
    evidence = title or tag.evidence
    keys = {_key(e) for e in evidence}
    if len(keys) != 1:
        return ""
    toks = tokens(evidence[0])
    word = _POSSESSIVE.sub("", toks[0].norm) if len(toks) == 1 else ""  # "board's" is "board"
    return keys.pop() if word and background.zipf(word) >= COMMON_ZIPF else ""


@lru_cache(maxsize=1 << 16)
def _key(evidence: str) -> str:
    """An alias as the text gives it, as lemmas ("board’s" and "boards" are "board")."""
    return " ".join(lemma(t.norm) for t in tokens(evidence))


def story_wide_keys(articles: list[Article], keys: frozenset[str]) -> frozenset[str]:
    """Those of the lone words `keys` (`lone_key`) that the whole story uses: met, as the evidence of an alias
    tag, in more than STORY_WIDE_SHARE of the passages and in most articles (see the module docstring)."""
    if not keys:
        return frozenset()
    passages = 0
    uses: dict[str, int] = {}
    where: dict[str, set[int]] = {}
    for a, article in enumerate(articles):
        passages += len(article.passages)
        for passage in article.passages:
            met = {k for tag in passage.topics if not tag.implicit for e in tag.evidence
                   if (k := _key(e.removeprefix(TITLE))) in keys}
            for k in met:
                uses[k] = uses.get(k, 0) + 1
                where.setdefault(k, set()).add(a)
    return frozenset(k for k, n in uses.items()
                     if n >= STORY_WIDE_MIN and n > STORY_WIDE_SHARE * passages and 2 * len(where[k]) > len(articles))


def weak_tags(articles: list[Article]) -> set[tuple[int, int, str]]:
    """(article, passage, topic) of every tag `lone_common` finds weak, for the topics that have firm tags in
    `MIN_FIRM_ARTICLES` articles or more (a topic the corpus names only by everyday words keeps them: they are
    all the evidence there is)."""
    weak = set()
    firm: dict[str, set[int]] = {}
    for a, article in enumerate(articles):
        for p, passage in enumerate(article.passages):
            for tag in passage.topics:
                if lone_common(tag):
                    weak.add((a, p, tag.topic))
                elif not tag.implicit:
                    firm.setdefault(tag.topic, set()).add(a)
    return {w for w in weak if len(firm.get(w[2], ())) >= MIN_FIRM_ARTICLES}


def lone_keys(articles: list[Article], weak: set[tuple[int, int, str]]) -> frozenset[str]:
    """The everyday words the `weak` tags rest on (`lone_key`)."""
    found = set()
    for a, p, topic in weak:
        tag = articles[a].passages[p].tag(topic)
        if tag is not None:
            found.add(lone_key(tag))
    return frozenset(found - {""})


def wide_tags(articles: list[Article], weak: set[tuple[int, int, str]],
               wide: frozenset[str]) -> set[tuple[int, int, str]]:
    """The weak tags that rest on one of the story's own words `wide` (`story_wide_keys`)."""
    if not wide:
        return set()
    out = set()
    for a, p, topic in weak:
        tag = articles[a].passages[p].tag(topic)
        if tag is not None and lone_key(tag) in wide:
            out.add((a, p, topic))
    return out


def by_neighbours(articles: list[Article], weak: set[tuple[int, int, str]],
                  wide: set[tuple[int, int, str]] | None = None) -> set[tuple[int, int, str]]:
    """The weak tags a neighbouring passage supports: it has the topic explicitly, firmly or itself supported.
    Those of `wide` (resting on the story's own word, `wide_tags`) take no support from a neighbour."""
    firm = {(a, p, tag.topic) for a, article in enumerate(articles) for p, passage in enumerate(article.passages)
            for tag in passage.topics if not tag.implicit and (a, p, tag.topic) not in weak}
    supported: set[tuple[int, int, str]] = set()
    changed = True
    candidates = weak - (wide or set())
    while changed:
        changed = False
        for a, p, topic in candidates - supported:
            if any((a, q, topic) in firm or (a, q, topic) in supported for q in (p - 1, p + 1)):
                supported.add((a, p, topic))
                changed = True
    return supported


def by_vocabulary(weak: set[tuple[int, int, str]], vocabularies: list[Vocabulary],
                  terms: list[list[PassageTerms]]) -> set[tuple[int, int, str]]:
    """The weak tags whose passage uses a term of its topic's vocabulary."""
    grown = {v.topic: {t for t, _ in v.terms} for v in vocabularies}
    return {(a, p, topic) for a, p, topic in weak if grown.get(topic, set()) & terms[a][p].terms}
