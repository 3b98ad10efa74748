"""A configured topic's vocabulary, grown from the corpus in front of it, and the passages it tags.

A user names a topic with a few aliases; the articles then say what else belongs to it. The passages the
aliases tag are the topic's *seed*. A term (a content lemma or two-word phrase, `models.pipeline.stats`)
joins the topic's vocabulary when it is

- distinctive of the seed: its share of the seed's passages is well above its share of the rest of the
  corpus (a lift, with the seed counted once more so that one lucky passage is not enough);
- recurring: it is met in seed passages of at least two articles, so it is the story's way of talking about
  the topic, not one outlet's phrase;
- specific: rare enough in English at large (the background model) and not the story's own name, which
  every passage uses (`CorpusStats.specificity`). A proper name counts for less: who speaks recurs with the
  outlet that quotes them more than with what is discussed.

The topic's `description` is the user's own sentence about it, so its terms join the vocabulary too when
the corpus uses them in two articles and they are specific (the seed need not use them), unless the seed
uses them less than the rest of the corpus does: a description often restates the story's event ("what made
the ship run aground"), whose words every topic's passages use.

A two-word phrase of the description whose most specific word is distinctive of the seed (the lift above)
is *decisive*: a passage that uses it gets the topic on it alone ("high winds" for what caused a grounding).

A passage that names no configured topic gets the topic when the vocabulary terms it uses add up to enough weight
and are at least two (one word is a coincidence, two a subject): a weaker, explicit tag with no alias in its
`evidence` and the terms that decided it in `related`, so a person sees why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from models.config import Topic
from models.document import TopicTag
from models.pipeline.stats import CorpusStats, PassageTerms, passage_terms

MIN_ARTICLES = 2  # a grown term is met in seed passages of this many articles
MIN_LIFT = 3.0  # ... and is this many times more common in the seed than in the corpus at large
MIN_SPECIFICITY = 0.5  # idf x English rarity (stats.specificity) below this is the story itself, or English
MIN_RARITY = 0.4  # English rarity (stats.rarity) below this is a word every text uses ("expect", "week")
MAX_DF_SHARE = 0.25  # a term in more of the corpus's passages than this is the story, not a topic of it
LIFT_FULL = 4.0  # a term this many times more common in the seed than at large counts fully
SPECIFICITY_FULL = 2.0  # ... and one this specific
NAME_WEIGHT = 0.5  # a proper name (always capitalised) counts this much
DESCRIPTION_WEIGHT = 0.7  # a term of the description that the seed does not make distinctive counts this much
DESCRIBED_LIFT = 1.5  # a description term the seed uses this much more than the corpus is distinctive of it
SHARED_KEEP = 0.9  # a term several topics grew stays where its weight is at least this share of its best
MAX_TERMS = 15  # terms a topic grows, the strongest first
DESCRIBED_PHRASE_MIN = 0.0  # a decisive phrase of the description is enough alone when its weight reaches this
TAG_MIN_WEIGHT = 1.0  # vocabulary weight a passage must reach ...
TAG_MIN_TERMS = 2  # ... in at least this many distinct terms (a phrase and its words count once)
TAG_STRONG = 0.5  # ... one of them at least this strong
TAG_SCORE = 0.45  # a vocabulary tag's score at the minimum weight, rising to TAG_MAX_SCORE
TAG_MAX_SCORE = 0.6
RELATED_SHOWN = 5  # terms kept in a tag's `related`


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a topic grew: term -> weight, strongest first, and where each came from."""

    topic: str
    terms: tuple[tuple[str, float], ...]
    from_description: frozenset[str]
    distinctive: frozenset[str] = frozenset()  # terms the seed uses clearly more than the corpus (see `grow`)
    described: tuple[str, ...] = ()  # its description's telling words, most specific first (models.pipeline.described)
    # what the passages its aliases tag say: (word, specificity, passages using it), and how many passages
    # those are (models.pipeline.passing)
    profile: tuple[tuple[str, float, int], ...] = ()
    seeds: int = 0
    foreign: bool = False  # another story's topic, silent in this corpus (models.pipeline.foreign)

    def weight(self, term: str) -> float:
        return dict(self.terms).get(term, 0.0)


def grow(topic: Topic, seed: set[tuple[int, int]], terms: list[list[PassageTerms]], stats: CorpusStats) -> Vocabulary:
    """The topic's vocabulary: terms distinctive of its `seed` passages ((article, passage) pairs) that recur
    across articles, and the specific terms of its description."""
    max_df = max(3, int(MAX_DF_SHARE * stats.passages))
    aliases = {_whole(alias) for alias in topic.aliases}
    weights: dict[str, float] = {}
    distinctive: set[str] = set()
    if seed:
        inside: dict[str, set[int]] = {}
        count: dict[str, int] = {}
        for a, p in seed:
            for term in terms[a][p].terms:
                inside.setdefault(term, set()).add(a)
                count[term] = count.get(term, 0) + 1
        size = len(seed)
        for term, arts in inside.items():
            if len(arts) < MIN_ARTICLES or term in aliases or stats.df[term] > max_df:
                continue
            specificity = stats.specificity(term)
            if specificity < MIN_SPECIFICITY or stats.rarity(term) < MIN_RARITY:
                continue
            lift = (count[term] / (size + 2)) / (stats.df[term] / stats.passages)
            if count[term] < 2 or lift < MIN_LIFT:
                continue
            weight = min(1.0, math.log(lift) / math.log(LIFT_FULL)) * min(1.0, specificity / SPECIFICITY_FULL)
            weights[term] = weight * (NAME_WEIGHT if stats.is_name(term) else 1.0)
            distinctive.add(term)
    described: set[str] = set()
    if topic.description:
        described_terms = passage_terms(topic.description)
        written = dict(described_terms.forms)
        for term in described_terms.terms:
            # a phrase is the user's own two words: met once it counts; a single word must recur
            need = 1 if " " in term else MIN_ARTICLES
            if term in aliases or stats.adf.get(term, 0) < need or stats.df[term] > max_df:
                continue
            specificity = stats.specificity(term)
            if specificity < MIN_SPECIFICITY or stats.rarity(term) < MIN_RARITY:
                continue
            lift = _seed_lift(_core(term, stats), seed, terms, stats) if seed else MIN_LIFT
            if lift < 1.0:
                continue  # the seed uses it less than the rest of the corpus: the story's event, not the topic
            # the user's spelling says whether it is a name: "ferry queues" is not, however the corpus's
            # sentences happen to start
            name = stats.is_name(term) and written.get(term, "")[:1].isupper()
            weight = DESCRIPTION_WEIGHT * min(1.0, specificity / SPECIFICITY_FULL) * (NAME_WEIGHT if name else 1.0)
            if weight > weights.get(term, 0.0):
                weights[term] = weight
                described.add(term)
                if lift >= DESCRIBED_LIFT:
                    distinctive.add(term)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    kept = {t for t, _ in ranked}
    return Vocabulary(topic.id, tuple((t, round(w, 3)) for t, w in ranked), frozenset(described) & kept,
                      frozenset(distinctive) & kept)


def _core(term: str, stats: CorpusStats) -> str:
    """The most specific word of a phrase (the term itself for a word)."""
    return max(term.split(), key=lambda w: (stats.specificity(w), w)) if " " in term else term


def _seed_lift(term: str, seed: set[tuple[int, int]], terms: list[list[PassageTerms]], stats: CorpusStats) -> float:
    """How much more common `term` is in the seed's passages than in the corpus's (1: no more, no less)."""
    inside = sum(term in terms[a][p].terms for a, p in seed)
    return (inside / len(seed)) / max(1, stats.df.get(term, 0)) * stats.passages


def settle(vocabularies: list[Vocabulary]) -> list[Vocabulary]:
    """Each term to the topic it says most about: a term several topics grew (a word of two descriptions,
    "missile" of both the purchase and the jets it cost) stays only where its weight is highest, so that
    vocabulary tells topics apart instead of tagging a passage with every topic of the story."""
    best: dict[str, float] = {}
    for vocab in vocabularies:
        for term, weight in vocab.terms:
            best[term] = max(best.get(term, 0.0), weight)
    out = []
    for vocab in vocabularies:
        kept = tuple((t, w) for t, w in vocab.terms if w >= best[t] * SHARED_KEEP)
        names = {t for t, _ in kept}
        out.append(Vocabulary(vocab.topic, kept, vocab.from_description & names, vocab.distinctive & names))
    return out


def _whole(alias: str) -> str:
    """An alias as one term (its lemmas joined), so only a whole alias is left out of the vocabulary: the words
    of a multi-word alias ("winds" of "strong winds") may still grow into it on their own."""
    return " ".join(passage_terms(alias).lemmas)


def vocabulary_tag(vocab: Vocabulary, passage: PassageTerms, stats: CorpusStats) -> TopicTag | None:
    """The topic on a passage its aliases missed, when enough of its vocabulary is there (else None)."""
    own = passage.terms
    matched = [(t, w) for t, w in vocab.terms if t in own]
    # a phrase and the words inside it are one piece of evidence: keep the phrase, drop its words
    phrases = [t for t, _ in matched if " " in t]
    words_in_phrases = {w for p in phrases for w in p.split()}
    kept = [(t, w) for t, w in matched if " " in t or t not in words_in_phrases]
    total = sum(w for _, w in kept)
    said = [t for t, _ in kept if " " in t and t in vocab.from_description and t in vocab.distinctive]
    if said and total >= DESCRIBED_PHRASE_MIN:
        total = max(total, TAG_MIN_WEIGHT)
        kept = kept + [("", 0.0)] if len(kept) < TAG_MIN_TERMS else kept
    if len(kept) < TAG_MIN_TERMS or total < TAG_MIN_WEIGHT or max(w for _, w in kept) < TAG_STRONG:
        return None
    score = min(TAG_MAX_SCORE, TAG_SCORE + 0.1 * (total - TAG_MIN_WEIGHT))
    kept = [(t, w) for t, w in kept if t]
    related = tuple(stats.spelling(t) for t, _ in sorted(kept, key=lambda kv: -kv[1])[:RELATED_SHOWN])
    return TopicTag(vocab.topic, round(score, 3), False, (), related=related)
