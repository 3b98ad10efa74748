"""Cross-article links: for each passage and topic, its best matches in each other article.

Links are found within a topic only. A link's score mixes how surely both ends discuss the topic with how
much else they share (content words weighted by rarity, the topic's own names left out since every
candidate shares them). Each passage keeps its `links_per_article` best matches in each other article and
`links_max_per_passage` in all, so a reader jumping from a claim gets the other outlets' closest takes, not
a list of everything.

Cost stays near-linear in the corpus: a small topic compares its passages directly; a large one first picks
`link_candidates` candidates per passage through an inverted index of each passage's rarest words, then
scores only those.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from models.config import Thresholds, Topic
from models.document import Article, Link, Passage
from models.text import content_terms, stem, tokens

DIRECT_LIMIT = 400  # a topic with at most this many passages is compared all against all
KEYS_PER_PASSAGE = 10  # rarest words a large topic's passage is indexed by
MAX_POSTING = 300  # a word in more passages than this is too common to find candidates by


@dataclass(slots=True)
class _Node:
    passage: Passage
    article: int
    tag_score: float
    weights: dict[str, float]  # term -> idf weight, normalised to unit length


def find_links(articles: list[Article], topics: tuple[Topic, ...], thresholds: Thresholds) -> list[Link]:
    """All links of the corpus, strongest first within each topic."""
    terms = {p.id: set(content_terms(p.text)) for a in articles for p in a.passages if p.topics}
    df: Counter[str] = Counter()
    for words in terms.values():
        df.update(words)
    total = max(1, len(terms))
    idf = {t: math.log((1 + total) / (1 + n)) + 1.0 for t, n in df.items()}

    links: dict[tuple[str, str, str], Link] = {}
    for topic in topics:
        own = {stem(t.norm) for alias in topic.aliases for t in tokens(alias)}
        nodes = []
        for ai, article in enumerate(articles):
            for p in article.passages:
                tag = p.tag(topic.id)
                if tag is None:
                    continue
                vec = {t: idf[t] for t in terms[p.id] if t not in own}
                norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
                nodes.append(_Node(p, ai, tag.score, {t: w / norm for t, w in vec.items()}))
        if len({n.article for n in nodes}) < 2:
            continue
        for i, j, sim in _pairs(nodes, thresholds):
            a, b = nodes[i], nodes[j]
            score = round(0.45 * sim + 0.55 * math.sqrt(a.tag_score * b.tag_score), 3)
            if score < thresholds.link_min_score:
                continue
            first, second = sorted((a.passage.id, b.passage.id))
            key = (first, second, topic.id)
            if key not in links or links[key].score < score:
                shared = _shared_terms(a, b)
                links[key] = Link(first, second, topic.id, score, _reason(topic, a, b, shared), shared)
    return sorted(links.values(), key=lambda link: (link.topic, -link.score, link.source, link.target))


def _pairs(nodes: list[_Node], th: Thresholds):
    """Yield (i, j, similarity) for the links each node keeps: best per other article, capped in all."""
    candidates = _direct if len(nodes) <= DIRECT_LIMIT else _indexed
    for i, cands in candidates(nodes, th):
        best: dict[int, list[tuple[float, float, int]]] = {}
        for j, sim in cands:
            rank = 0.45 * sim + 0.55 * math.sqrt(nodes[i].tag_score * nodes[j].tag_score)
            best.setdefault(nodes[j].article, []).append((rank, sim, j))
        chosen: list[tuple[float, float, int]] = []
        for options in best.values():
            options.sort(key=lambda o: (-o[0], nodes[o[2]].passage.id))
            chosen.extend(options[: th.links_per_article])
        chosen.sort(key=lambda o: (-o[0], nodes[o[2]].passage.id))
        for _, sim, j in chosen[: th.links_max_per_passage]:
            yield i, j, sim


def _similarity(a: _Node, b: _Node) -> float:
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    return sum(w * large[t] for t, w in small.items() if t in large)


def _direct(nodes: list[_Node], th: Thresholds):
    for i, a in enumerate(nodes):
        yield i, [(j, _similarity(a, b)) for j, b in enumerate(nodes) if b.article != a.article]


def _indexed(nodes: list[_Node], th: Thresholds):
    """Candidates through the rarest words each passage uses: bounded work per passage."""
    postings: dict[str, list[int]] = {}
    keys: list[list[str]] = []
    for i, node in enumerate(nodes):
        top = sorted(node.weights, key=lambda t: -node.weights[t])[:KEYS_PER_PASSAGE]
        keys.append(top)
        for t in top:
            postings.setdefault(t, []).append(i)
    for i, node in enumerate(nodes):
        counts: Counter[int] = Counter()
        for t in keys[i]:
            posting = postings[t]
            if len(posting) <= MAX_POSTING:
                counts.update(posting)
        counts.pop(i, None)
        picked = [j for j, _ in counts.most_common(th.link_candidates * 2) if nodes[j].article != node.article]
        yield i, [(j, _similarity(node, nodes[j])) for j in picked[: th.link_candidates]]


def _shared_terms(a: _Node, b: _Node, limit: int = 5) -> tuple[str, ...]:
    shared = [(a.weights[t] * b.weights[t], t) for t in a.weights if t in b.weights]
    shared.sort(key=lambda x: (-x[0], x[1]))
    return tuple(_surface(a.passage.text, t) for _, t in shared[:limit])


def _surface(text: str, term: str) -> str:
    """How `term` (a stem) is written in `text`, for a reason a person can read."""
    for tok in tokens(text):
        if stem(tok.norm) == term:
            return tok.raw
    return term


def _reason(topic: Topic, a: _Node, b: _Node, shared: tuple[str, ...]) -> str:
    how = []
    for node in (a, b):
        tag = node.passage.tag(topic.id)
        how.append("by reference" if tag and tag.implicit else "by name")
    both = "both name it" if how == ["by name", "by name"] else f"one {how[0]}, the other {how[1]}"
    if shared:
        return f"Both discuss {topic.label} ({both}); shared terms: {', '.join(shared)}"
    return f"Both discuss {topic.label} ({both})"
