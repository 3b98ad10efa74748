"""Furniture repeated across articles: a line several articles of the corpus carry is the sites', not theirs.

One article alone cannot tell a site's prompt ("Please visit our channel for the latest news.") or tag line
from a short line of its own; a corpus can, when the same line stands in several articles. This is the
corpus stage's part of cleaning: the loader runs it over all the articles before topics and links
(models/loader.py `corpus_stage`), and each passage it removes joins its article's removed pieces with kind
`corpus` and a detail naming how many articles carry it.

It never removes prose an article shares because it is the same story: two outlets publishing one wire
story share whole paragraphs, and short sentences too ("He did not elaborate."). So a short line that is
a sentence only counts as furniture when it recurs across *different* stories: among the articles that
carry it, two barely share their content words. A line that is not a sentence (no final stop, or hardly a
function word) and no longer than a subheading is furniture once two articles carry it. An article carries a
line as a passage or as a piece its own cleaning removed: when one page's evidence told a prompt for what it is,
the same line standing as a passage in another article is furniture there too. The cost is one
pass over the passages with a hash each (and the content words of the few articles carrying a repeated
sentence), so a changed article costs little at 5,000.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from models.config import Cleaning
from models.document import Article, Passage, Removed, passage_id
from models.pipeline.evidence import Block, measure, not_a_sentence
from models.pipeline.stopwords import stop_words_for, words_of

MIN_ARTICLES = 2  # a line met in this many articles (of different stories, if it is a sentence) is furniture
SHORT_CHARS = 200  # longer paragraphs are never site furniture repeated whole
CARRIERS_CHECKED = 12  # enough carrying articles to find two of different stories
SAME_STORY_OVERLAP = 0.2  # two articles sharing this share of their content words (Jaccard) tell one story
VOCABULARY_CHARS = 5000  # the content words of an article's start are enough to tell its story
CONTENT_WORD_CHARS = 5  # words this long are nearly all content words, in the languages with short function words
PARAGRAPH_GAP = "\n\n"  # as models/pipeline/article.py joins passages into an article's text


def _measured(passage: Passage, stops: frozenset[str]) -> Block:
    block = Block(passage.text, 0)
    measure(block, stops)
    return block


def repeated_lines(articles: list[Article], cleaning: Cleaning) -> dict[str, dict[int, int]]:
    """For each article id, the indexes of its passages that are furniture repeated across articles, with
    the number of articles that carry the line."""
    carriers: dict[str, set[str]] = defaultdict(set)
    short: list[tuple[Article, Passage, str]] = []
    for article in articles:  # first pass: a cheap key for every short passage
        for passage in article.passages:
            key = line_key(passage.text)
            if key is not None:
                carriers[key].add(article.id)
                short.append((article, passage, key))
        for piece in article.removed:  # a line another article's own evidence removed is carried there too
            key = line_key(piece.text)
            if key is not None:
                carriers[key].add(article.id)
    found: dict[str, dict[int, int]] = defaultdict(dict)
    verdict: dict[str, bool] = {}
    stops_of: dict[str, frozenset[str]] = {}
    by_id = {a.id: a for a in articles}
    vocabulary: dict[str, set[str]] = {}
    for article, passage, key in short:  # second pass: only lines met in several articles are weighed
        holders = carriers[key]
        if len(holders) < MIN_ARTICLES:
            continue
        if article.id not in stops_of:
            stops_of[article.id] = stop_words_for(article.text)
        block = _measured(passage, stops_of[article.id])
        sentence = not not_a_sentence(block, stops_of[article.id])
        if block.words > (cleaning.prose_min_words if sentence else cleaning.heading_max_words):
            continue  # longer is the article's own: a paragraph, a deck
        if sentence:
            if key not in verdict:
                verdict[key] = _across_stories(sorted(holders)[:CARRIERS_CHECKED], by_id, vocabulary)
            if not verdict[key]:
                continue
        found[article.id][passage.index] = len(holders)
    return dict(found)


def line_key(text: str) -> str | None:
    """What a short passage is known by across articles (case and spacing folded); None for a longer one."""
    return " ".join(text.lower().split()) if len(text) <= SHORT_CHARS else None


def _across_stories(holders: list[str], by_id: dict[str, Article], vocabulary: dict[str, set[str]]) -> bool:
    """Whether two of the articles tell different stories: their content words barely overlap (a rewritten
    or wire copy of one story shares most of them)."""
    for article_id in holders:
        if article_id not in vocabulary:
            words = words_of(by_id[article_id].text[:VOCABULARY_CHARS])
            vocabulary[article_id] = {w for w in words if len(w) >= CONTENT_WORD_CHARS}
    for n, a in enumerate(holders):
        for b in holders[n + 1:]:
            va, vb = vocabulary[a], vocabulary[b]
            if va and vb and len(va & vb) / len(va | vb) < SAME_STORY_OVERLAP:
                return True
    return False


def drop_corpus_repeats(articles: list[Article], cleaning: Cleaning) -> list[Article]:
    """The articles without the furniture lines they share with other articles (see the module docstring)."""
    return drop_lines(articles, repeated_lines(articles, cleaning))


def drop_lines(articles: list[Article], found: dict[str, dict[int, int]]) -> list[Article]:
    """The articles without the lines `repeated_lines` found (kept by the loader's cache for a warm run)."""
    if not found:
        return articles
    return [_without(a, found[a.id]) if a.id in found else a for a in articles]


def _without(article: Article, drop: dict[int, int]) -> Article:
    """`article` with the passages at `drop` moved to its removed pieces; the rest renumbered, offsets and
    implicit tags' `inferred_from` following their passages."""
    kept = [p for p in article.passages if p.index not in drop]
    if not kept:
        return article  # never empty an article: a lone line shared with others is still all it has
    new_index = {p.index: n for n, p in enumerate(kept)}
    passages = []
    offset = 0
    for n, p in enumerate(kept):
        tags = tuple(
            replace(t, inferred_from=new_index.get(t.inferred_from)) if t.inferred_from is not None else t
            for t in p.topics
        )
        end = offset + len(p.text)
        passages.append(replace(p, id=passage_id(article.id, n), index=n, start=offset, end=end, topics=tags))
        offset = end + len(PARAGRAPH_GAP)
    removed = list(article.removed) + [
        Removed(p.text, "corpus-repeat", 0, "corpus", f"the same line stands in {drop[p.index]} articles of the corpus")
        for p in article.passages if p.index in drop
    ]
    return replace(
        article, passages=tuple(passages), text=PARAGRAPH_GAP.join(p.text for p in kept), removed=tuple(removed)
    )
