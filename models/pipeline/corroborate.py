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
"""

from __future__ import annotations

from models import background
from models.document import Article, TopicTag
from models.pipeline.stats import PassageTerms
from models.pipeline.vocabulary import Vocabulary
from models.text import lemma, tokens

COMMON_ZIPF = 4.5  # an alias word at least this common in English (~30 uses a million words) is weak alone
TITLE = "title: "  # how a lede's tag from the title's aliases gives its evidence
MIN_FIRM_ARTICLES = 2  # ... in a topic with firm tags in this many articles


def lone_common(tag: TopicTag) -> bool:
    """True when an explicit alias tag's only evidence is one word common in English."""
    title = [e.removeprefix(TITLE) for e in tag.evidence if e.startswith(TITLE)]
    if not tag.evidence or (tag.implicit and len(title) != len(tag.evidence)):
        return False  # only alias tags, and the lede's tags from the title's aliases (topics.Tagger._lede)
    evidence = title or tag.evidence
    keys = {" ".join(lemma(t.norm) for t in tokens(e)) for e in evidence}
    if len(keys) != 1:
        return False
    toks = tokens(evidence[0])
    return len(toks) == 1 and background.zipf(toks[0].norm) >= COMMON_ZIPF


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


def by_neighbours(articles: list[Article], weak: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """The weak tags a neighbouring passage supports: it has the topic explicitly, firmly or itself supported."""
    firm = {(a, p, tag.topic) for a, article in enumerate(articles) for p, passage in enumerate(article.passages)
            for tag in passage.topics if not tag.implicit and (a, p, tag.topic) not in weak}
    supported: set[tuple[int, int, str]] = set()
    changed = True
    while changed:
        changed = False
        for a, p, topic in weak - supported:
            if any((a, q, topic) in firm or (a, q, topic) in supported for q in (p - 1, p + 1)):
                supported.add((a, p, topic))
                changed = True
    return supported


def by_vocabulary(weak: set[tuple[int, int, str]], vocabularies: list[Vocabulary],
                  terms: list[list[PassageTerms]]) -> set[tuple[int, int, str]]:
    """The weak tags whose passage uses a term of its topic's vocabulary."""
    grown = {v.topic: {t for t, _ in v.terms} for v in vocabularies}
    return {(a, p, topic) for a, p, topic in weak if grown.get(topic, set()) & terms[a][p].terms}
