"""Links by content alone (topic None): two passages in different articles that share enough distinctive words
(used in two articles or more, specific in this corpus, neither the story's own nor a proper name) are linked
with no topic, unless a topic links them already. The corpus stage calls it after `links.link_corpus`; the
fast comparison (word strings, `_direct`/`_blocked`, `_choose`) is the one links.py describes."""

from __future__ import annotations

import numpy as np

from models.config import Thresholds
from models.document import Article, Link, Passage
from models.pipeline.gcpause import gc_paused
from models.pipeline.links import (
    DIRECT_LIMIT, MAX_TERMS, MIN_WINDOW, SHARED_TERMS, _blocked, _char, _choose, _direct, _Group, _rank,
)
from models.pipeline.stats import CorpusStats, PassageTerms

CONTENT_MIN_SPECIFICITY = 0.5  # a term this specific (stats.specificity) or more can make two passages' point


def content_links(
    articles: list[Article], terms: list[list[PassageTerms]], stats: CorpusStats, thresholds: Thresholds,
    taken: set[tuple[str, str]], *, workers: int = -1,
) -> list[Link]:
    """Links by content alone (topic None): passages in different articles that make the same point, whatever
    topics they have. Two passages qualify when they share at least `content_link_min_shared` distinctive
    words (lemmas used in two articles or more, specific in this corpus, not the story's
    own words and not proper names, which say who or where rather than what) and those are at least
    `content_link_min_similarity` of their distinctive terms (Dice). Pairs a topic already links (`taken`,
    (source, target) with source < target) are left to it. Each passage keeps its best per other article, as
    within a topic; the score is the similarity, the reason names the shared terms most specific first."""
    need = thresholds.content_link_min_shared
    if need <= 0 or stats.articles < 2:
        return []
    with gc_paused():
        weight: dict[str, float] = {}
        for term, adf in stats.adf.items():
            if adf >= 2 and not stats.story_wide(term) and not stats.is_name(term):
                value = stats.specificity(term)
                if value >= CONTENT_MIN_SPECIFICITY:
                    weight[term] = value
        vocab = sorted(weight, key=lambda t: (-weight[t], t))
        code = {t: _char(i) for i, t in enumerate(vocab)}
        nodes: list[Passage] = []
        strings: list[str] = []
        arts: list[int] = []
        for ai, (article, passages) in enumerate(zip(articles, terms)):
            for passage, pt in zip(article.passages, passages):
                chars = sorted({code[t] for t in pt.lemmas if t in code})
                if len(chars) >= need:
                    nodes.append(passage)
                    strings.append("".join(chars)[:MAX_TERMS])
                    arts.append(ai)
        if len(set(arts)) < 2:
            return []
        rank_of = {pid: r for r, pid in enumerate(sorted(p.id for p in nodes))}
        group = _Group(
            nodes=np.arange(len(nodes)), strings=strings, article=np.asarray(arts, dtype=np.int64),
            tag=np.ones(len(nodes), dtype=np.float64), named=np.zeros(len(nodes), dtype=bool),
            order=np.asarray([rank_of[p.id] for p in nodes], dtype=np.int64),
        )
        if len(nodes) <= DIRECT_LIMIT:
            pi, pj, psim = _direct(group, workers)
        else:
            pi, pj, psim = _blocked(group, workers, max(MIN_WINDOW, thresholds.link_candidates))
        sizes = np.asarray([len(x) for x in strings], dtype=np.float64)
        common = np.rint(psim * (sizes[pi] + sizes[pj]) / 2)
        keep = (psim >= thresholds.content_link_min_similarity) & (common >= need)
        spelled = [stats.spelling(t) for t in vocab]
        links: list[Link] = []
        for i, j, _ in _choose(group, pi[keep], pj[keep], psim[keep], thresholds):
            a, b = nodes[i], nodes[j]
            if b.id < a.id:
                a, b, i, j = b, a, j, i
            if (a.id, b.id) in taken:
                continue
            both = sorted(set(strings[i]).intersection(strings[j]))
            words = tuple(spelled[_rank(c)] for c in both[:SHARED_TERMS])
            score = round(2 * len(both) / (len(strings[i]) + len(strings[j])), 3)
            links.append(Link(a.id, b.id, None, score, f"Both make the same point; shared terms: {', '.join(words)}",
                              words))
        links.sort(key=lambda link: (-link.score, link.source, link.target))
        return links
