"""Anchoring a quote so it can be found again after the article changes under it.

Passage ids (`<file stem>:<index>`) are not stable: moving a file changes the stem, a cleaning rule in another
config adds or removes paragraphs and shifts every index and offset after it, and a re-downloaded page may
have a word changed. So a bookmark remembers, as the W3C Web Annotation model does, *what* it points at
rather than only *where*: the article's identity (content hash, path, title) and the passage's exact quote
with some text before and after it (a TextQuoteSelector) plus its offsets (a TextPositionSelector).

`resolve` finds that quote in a Corpus, trying the cheap and certain things first:

1. the article: same content hash, else same path, else same title; failing those, every article;
2. in it, the quote at its old offsets (`exact`); else the quote elsewhere, the occurrence whose
   surroundings best match the remembered prefix and suffix winning (`moved`); else the closest
   approximate match scoring at least FUZZY_MIN (`fuzzy`);
3. nothing good enough anywhere: `orphaned`. An orphan keeps its quote; callers show it, never drop it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from models.document import Article, Corpus, Passage

CONTEXT_CHARS = 48
FUZZY_MIN = 90.0
FUZZY_MIN_QUOTE = 16  # shorter quotes are only ever matched exactly: one changed letter is 10% of them

Status = Literal["exact", "moved", "fuzzy", "orphaned"]
FoundBy = Literal["hash", "path", "title", "search"]


@dataclass(frozen=True, slots=True)
class ArticleAnchor:
    """Which article: its content hash (of the text before cleaning), absolute path and stated title."""

    content_hash: str
    path: str
    title: str | None


@dataclass(frozen=True, slots=True)
class PassageAnchor:
    """Which text: the exact quote, up to CONTEXT_CHARS of cleaned text before and after it, its offsets in
    the cleaned text, and the passage id it had (a hint only)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    passage_id: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where an anchor points in a given Corpus.

    `status`: `exact` (the quote at its old offsets), `moved` (the same quote elsewhere: another config,
    an edit before it, another file), `fuzzy` (approximately: the text was edited), `orphaned` (not found;
    every other field but `status` is None/0). `found_by` says how the article was identified; `score` is
    100 for exact and moved, the rapidfuzz score for fuzzy; `start`/`end` are the matched span in the
    article's cleaned text (it may be a little wider or narrower than the passage).
    """

    status: Status
    passage_id: str | None = None
    article_id: str | None = None
    found_by: FoundBy | None = None
    score: float = 0.0
    start: int | None = None
    end: int | None = None

    @property
    def found(self) -> bool:
        return self.status != "orphaned"


ORPHANED = Resolution("orphaned")


def normalise_path(path: str | Path) -> str:
    """An absolute, symlink-free path, so `seeds/a.txt` and `/home/me/seeds/a.txt` compare equal."""
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def _fold_title(title: str | None) -> str:
    return " ".join(title.split()).casefold() if title else ""


def anchor_span(
    article: Article, start: int, end: int, passage_id: str | None = None
) -> tuple[ArticleAnchor, PassageAnchor]:
    """Anchors for `article.text[start:end]` (a passage, or any part of one)."""
    if not 0 <= start < end <= len(article.text):
        raise ValueError(f"span {start}..{end} is outside the article text (0..{len(article.text)})")
    text = article.text
    passage = PassageAnchor(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
        start=start,
        end=end,
        passage_id=passage_id,
    )
    return ArticleAnchor(article.content_hash, normalise_path(article.path), article.title), passage


def anchor_passage(corpus: Corpus, passage_id: str) -> tuple[ArticleAnchor, PassageAnchor]:
    """Anchors for a whole passage of `corpus` (KeyError when there is no such passage)."""
    passage = corpus.passage(passage_id)
    return anchor_span(corpus.article_of(passage_id), passage.start, passage.end, passage_id)


class Resolver:
    """Resolves many anchors against one Corpus, building its look-ups (hash, path, title) once."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._by_hash: dict[str, list[Article]] = {}
        self._by_path: dict[str, list[Article]] = {}
        self._by_title: dict[str, list[Article]] = {}
        for article in corpus.articles:
            self._by_hash.setdefault(article.content_hash, []).append(article)
            self._by_path.setdefault(normalise_path(article.path), []).append(article)
            if article.title:
                self._by_title.setdefault(_fold_title(article.title), []).append(article)

    def candidates(self, anchor: ArticleAnchor) -> list[tuple[Article, FoundBy]]:
        """The articles the anchor may mean, most certain first; then every other article."""
        out: list[tuple[Article, FoundBy]] = []
        seen: set[str] = set()
        same_path = self._by_path.get(normalise_path(anchor.path), []) if anchor.path else []
        same_hash = self._by_hash.get(anchor.content_hash, [])
        # Two copies of one file: the copy at the remembered path first.
        at_path = {a.id for a in same_path}
        same_hash = sorted(same_hash, key=lambda a: a.id not in at_path)
        groups: list[tuple[list[Article], FoundBy]] = [
            (same_hash, "hash"),
            (same_path, "path"),
            (self._by_title.get(_fold_title(anchor.title), []) if anchor.title else [], "title"),
            (list(self.corpus.articles), "search"),
        ]
        for articles, how in groups:
            for article in articles:
                if article.id not in seen:
                    seen.add(article.id)
                    out.append((article, how))
        return out

    def resolve(self, article_anchor: ArticleAnchor, passage_anchor: PassageAnchor) -> Resolution:
        candidates = self.candidates(article_anchor)
        identified = [c for c in candidates if c[1] != "search"]
        others = [c for c in candidates if c[1] == "search"]
        quote = passage_anchor.exact
        if not quote:
            return ORPHANED
        for article, how in identified:
            if article.text[passage_anchor.start:passage_anchor.end] == quote:
                return self._found("exact", article, how, 100.0, passage_anchor.start, passage_anchor.end)
        for group in (identified, others):
            for article, how in group:
                start = _best_occurrence(article.text, passage_anchor)
                if start is not None:
                    return self._found("moved", article, how, 100.0, start, start + len(quote))
        if len(quote) < FUZZY_MIN_QUOTE:
            return ORPHANED
        for group in (identified, others):
            best: tuple[float, int, int, Article, FoundBy] | None = None
            for article, how in group:
                match = _fuzzy(article.text, quote)
                if match and (best is None or match[0] > best[0]):
                    best = (*match, article, how)
            if best:
                return self._found("fuzzy", best[3], best[4], round(best[0], 1), best[1], best[2])
        return ORPHANED

    def _found(self, status: Status, article: Article, how: FoundBy, score: float, start: int, end: int) -> Resolution:
        passage = passage_at(article, start, end)
        if passage is None:
            return ORPHANED
        return Resolution(status, passage.id, article.id, how, score, start, end)


def resolve(article_anchor: ArticleAnchor, passage_anchor: PassageAnchor, corpus: Corpus) -> Resolution:
    """Where the anchored quote is in `corpus` now (see the module docstring for the order of attempts)."""
    return Resolver(corpus).resolve(article_anchor, passage_anchor)


def passage_at(article: Article, start: int, end: int) -> Passage | None:
    """The passage overlapping `start..end` most (ties: the first), or None when none overlaps it."""
    best: Passage | None = None
    best_overlap = 0
    for passage in article.passages:
        overlap = min(end, passage.end) - max(start, passage.start)
        if overlap > best_overlap:
            best, best_overlap = passage, overlap
    return best


def _best_occurrence(text: str, anchor: PassageAnchor) -> int | None:
    """The start of the occurrence of `anchor.exact` whose surroundings match the anchor's best."""
    quote = anchor.exact
    best: tuple[int, int] | None = None  # (-context score, distance) smaller is better
    best_start: int | None = None
    start = text.find(quote)
    while start != -1:
        before = text[max(0, start - len(anchor.prefix)):start]
        after = text[start + len(quote):start + len(quote) + len(anchor.suffix)]
        context = _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)
        key = (-context, abs(start - anchor.start))
        if best is None or key < best:
            best, best_start = key, start
        start = text.find(quote, start + 1)
    return best_start


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _fuzzy(text: str, quote: str) -> tuple[float, int, int] | None:
    """The best approximate match of `quote` in `text` scoring FUZZY_MIN or more: (score, start, end)."""
    if not text:
        return None
    from rapidfuzz import fuzz  # here: only a bookmark whose quote moved needs it, not every start

    if len(text) <= len(quote):
        score = fuzz.ratio(quote, text)
        return (score, 0, len(text)) if score >= FUZZY_MIN else None
    match = fuzz.partial_ratio_alignment(quote, text, score_cutoff=FUZZY_MIN)
    if match is None or match.score < FUZZY_MIN:
        return None
    return match.score, match.dest_start, match.dest_end
