"""Corpus statistics: which terms each passage uses, and how specific each term is to what it discusses.

A term is a content word's lemma ("accus" for "accused"/"accusation") or a two-word phrase of adjacent
content words ("strong wind"). How much a term says about a passage is its *specificity*: rare across
this corpus's passages (inverse document frequency: the story's own name, met in most passages, says
nothing) and rare in English at large (the background model: "said" or "week" say little however rare
they are here). Discovery, grown vocabulary, implicit references and content links all read these
numbers, so they agree on what counts as a distinctive term.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from models import background
from models.text import STOPWORDS, lemma, tokens

_POSSESSIVE = re.compile(r"['’]s?$")
STORY_WIDE_SHARE = 0.3  # a term in more of the passages than this (and in most articles) is the story's own
STORY_WIDE_MIN = 3  # ... and in at least this many (in a corpus of two short articles, two uses say little)
COMMON_ZIPF = 6.0  # a word this common in English (zipf) says nothing about a topic ("said", "year")
RARE_ZIPF = 3.5  # a word this rare in English or rarer counts fully


@dataclass(frozen=True, slots=True)
class PassageTerms:
    """The terms of one passage: content lemmas in order (repeats kept) and two-word phrases."""

    lemmas: tuple[str, ...]
    phrases: tuple[str, ...]
    forms: tuple[tuple[str, str], ...]  # (term, how the passage writes it), each term once

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(self.lemmas) | frozenset(self.phrases)


def _content(norm: str) -> bool:
    return norm not in STOPWORDS and len(norm) > 1 and not norm.isdigit() and not norm.replace(",", "").replace(".", "").isdigit()


@lru_cache(maxsize=1 << 17)
def _content_lemma(norm: str) -> str | None:
    """The lemma of a folded word when it is a content word (`_content`), else None: asked once per word form."""
    return lemma(norm) if _content(norm) else None


def passage_terms(text: str) -> PassageTerms:
    """Content lemmas and adjacent-word phrases of `text` (a phrase never spans punctuation)."""
    lemmas: list[str] = []
    phrases: list[str] = []
    forms: dict[str, str] = {}
    prev: str | None = None  # the lemma of the last content word (None after a word that is not one) ...
    prev_start = prev_end = 0  # ... and where it stands
    for norm, raw, start, end in tokens(text):
        key = _content_lemma(norm)
        if key is None:
            prev = None
            continue
        lemmas.append(key)
        if key not in forms:
            forms[key] = _POSSESSIVE.sub("", raw)
        if prev is not None and text[prev_end:start] in (" ", "-"):
            phrase = f"{prev} {key}"
            phrases.append(phrase)
            if phrase not in forms:
                forms[phrase] = _POSSESSIVE.sub("", text[prev_start:end])
        prev, prev_start, prev_end = key, start, end
    return PassageTerms(tuple(lemmas), tuple(phrases), tuple(forms.items()))


@dataclass
class CorpusStats:
    """Document frequencies of every term over passages and articles, and how each is written."""

    passages: int = 0
    articles: int = 0
    df: Counter[str] = field(default_factory=Counter)  # passages using the term
    adf: Counter[str] = field(default_factory=Counter)  # articles using the term
    spellings: dict[str, Counter[str]] = field(default_factory=dict)  # term -> how passages write it
    _zipf: dict[str, float] = field(default_factory=dict)
    _words: dict[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, by_article: list[list[PassageTerms]]) -> CorpusStats:
        stats = cls()
        forms: Counter[tuple[str, str]] = Counter()  # (term, how a passage writes it): counted in C, then split
        for passages in by_article:
            stats.articles += 1
            seen: set[str] = set()
            for terms in passages:
                stats.passages += 1
                own = terms.terms
                stats.df.update(own)
                seen |= own
                forms.update(terms.forms)
            stats.adf.update(seen)
        spellings = stats.spellings  # in the order first met, as counting each passage's forms in turn would
        for (term, raw), n in forms.items():
            found = spellings.get(term)
            if found is None:
                found = spellings[term] = Counter()
            found[raw] = n
        return stats

    def idf(self, term: str) -> float:
        """log(N / df), 0 for a term every passage uses."""
        return math.log((self.passages + 1) / (self.df.get(term, 0) + 1))

    def zipf(self, term: str) -> float:
        """How common the term is in English: a phrase counts as its rarer word."""
        found = self._zipf.get(term)
        if found is None:
            words = self.spellings.get(term, Counter())
            if " " in term:
                parts = [w for raw in words for w in raw.replace("-", " ").split()]
                found = min((background.zipf(p.lower()) for p in parts), default=background.UNKNOWN_ZIPF)
            else:
                found = background.forms_zipf(raw.lower() for raw in words) if words else background.zipf(term)
            self._zipf[term] = found
        return found

    def rarity(self, term: str) -> float:
        """1 for a word rare in English, falling to 0 for one every text uses."""
        return min(1.0, max(0.0, (COMMON_ZIPF - self.zipf(term)) / (COMMON_ZIPF - RARE_ZIPF)))

    def specificity(self, term: str) -> float:
        """How much sharing `term` says two passages discuss the same thing: idf times English rarity."""
        return self.idf(term) * self.rarity(term)

    def story_wide(self, term: str) -> bool:
        """True for the story's own terms: used in more than STORY_WIDE_SHARE of the passages and in most
        articles ("Ever Given", "Suez Canal" in a story of the ship that blocked it)."""
        df = self.df.get(term, 0)
        return df >= STORY_WIDE_MIN and df > STORY_WIDE_SHARE * self.passages and 2 * self.adf.get(term, 0) > self.articles

    def word_specificity(self, word: str) -> float:
        """`specificity` of a word as a passage writes it ("accused"), 0 for the story's own words."""
        found = self._words.get(word)
        if found is None:
            toks = tokens(word)
            term = lemma(toks[0].norm) if toks else word.lower()
            found = 0.0 if self.story_wide(term) else self.specificity(term)
            self._words[word] = found
        return found

    def is_name(self, term: str) -> bool:
        """True when the corpus always capitalises the term (a person, place or body: who or where, which
        recurs with the outlet that quotes it rather than with what is discussed)."""
        words = self.spellings.get(term)
        if not words:
            return False
        capital = sum(n for w, n in words.items() if w[:1].isupper())
        return capital >= 0.9 * sum(words.values())

    def spelling(self, term: str) -> str:
        """How the corpus most often writes `term` (lowercase unless it is always capitalised)."""
        words = self.spellings.get(term)
        if not words:
            return term
        best, _ = max(words.items(), key=lambda kv: (kv[1], kv[0].islower(), kv[0]))
        if any(w.islower() for w in words):
            lower = [w for w in words if w.islower()]
            best = max(lower, key=lambda w: (words[w], w))
        return best
