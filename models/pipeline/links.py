"""Cross-article links: for each passage and topic, its best matches in each other article.

Links are found within a topic only. A link's score mixes how surely both ends discuss the topic with how
much else they share: the similarity of their sets of distinctive content words (the topic's own names left
out, since every candidate shares them). Each passage keeps its `links_per_article` best matches in each
other article and `links_max_per_passage` in all, so a reader jumping from a claim gets the other outlets'
closest takes, not a list of everything.

How it stays fast: every content word of the corpus gets one character, in order of rarity (rarest first),
and a passage becomes the sorted string of its words' characters, cut to its `MAX_TERMS` rarest. For two
such sorted strings the longest common subsequence is exactly the set of shared words, so rapidfuzz's Indel
similarity is the Dice coefficient of the two word sets, computed in C, many pairs at once with
`process.cdist`. A topic with at most `DIRECT_LIMIT` passages is compared all against all in one call. A
larger one is compared in bounded blocks: each passage is filed under its `KEYS_PER_PASSAGE` rarest words
(rare within the topic, but shared), the files are laid end to end, and each window of `link_candidates`
entries (config.yaml) is compared with itself and the next window. So every passage meets at most
`KEYS_PER_PASSAGE * 2 * link_candidates` candidates, chosen because they share its rarest words, and the work
grows linearly with the corpus. The
choice of the best per article and per passage is done on numpy arrays; Python only loops over the links
that are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from sys import intern

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from models.config import Thresholds, Topic
from models.document import Article, Link, Passage
from models.pipeline.gcpause import gc_paused
from models.pipeline.stats import CorpusStats, PassageTerms
from models.text import _TOKEN, _WORD, STOPWORDS, fold, stem, tokens  # _TOKEN/_WORD: as tokens() cuts words

DIRECT_LIMIT = 400  # a topic with at most this many passages is compared all against all
KEYS_PER_PASSAGE = 4  # rarest shared words a large topic's passage is filed under
MIN_WINDOW = 8  # the window is thresholds.link_candidates entries, at least this many
MAX_TERMS = 48  # rarest content words a passage is compared by
KEEP_PER_ROW = 24  # best candidates a passage keeps from one window before the final choice
PARALLEL_CELLS = 1 << 16  # a cdist this large is run on every core

HUB_FACTOR = 2  # a passage keeps at most this many times links_max_per_passage of the links others choose to it
SHARED_TERMS = 5  # shared words a link names in its reason
CONTENT_MIN_SPECIFICITY = 0.5  # a term this specific (stats.specificity) or more can make two passages' point
SIMILARITY_WEIGHT = 0.45  # score = 0.45 * shared-word similarity + 0.55 * sqrt(tag score * tag score)



def passage_terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The content words of a passage: their stems, each once, in order of appearance, and how each is
    first written. The same words as `models.text.content_terms` (a test holds them together), without
    building a Token per word; strings are interned, since a corpus uses the same words again and again."""
    seen: dict[str, str] = {}

    def add(raw: str, norm: str) -> None:
        if norm in STOPWORDS or len(norm) <= 1 or norm.isdigit():
            return
        term = stem(norm)
        if term not in seen:
            seen[intern(term)] = intern(raw)

    for m in _TOKEN.finditer(text):
        letters = m.group(1)
        if letters is None:
            raw = m.group(0)
            add(raw, fold(raw))
        elif m.group(2) == " " and not (letters.isupper() and len(letters) <= 2 and len(m.group(3)) <= 3):
            for w in _WORD.finditer(text, m.start(), m.end()):
                add(w.group(0), fold(w.group(0)))
        else:
            add(m.group(0), fold(letters + m.group(3)))
    return tuple(seen), tuple(seen.values())


def _char(rank: int) -> str:
    """The character standing for the word of rarity `rank` (never a surrogate, never below U+0100)."""
    code = 0x100 + rank
    if code >= 0xD800:
        code += 0x800
    return chr(min(code, 0x10FFFF))


@dataclass(slots=True)
class _Topic:
    """The passages of one topic, as parallel arrays for the numpy selection."""

    nodes: list[int]  # index into the corpus-wide list of tagged passages
    strings: list[str]  # each passage's rarest words (own topic names removed), sorted
    article: np.ndarray  # article index of each node
    tag: np.ndarray  # tag score of each node
    order: np.ndarray  # rank of each node's passage id, for stable tie-breaks


def find_links(
    articles: list[Article], topics: tuple[Topic, ...], thresholds: Thresholds, *, workers: int = -1,
    min_similarity: float | None = None, count_own: bool = True, weigh: Callable[[str], float] | None = None,
) -> list[Link]:
    """All links of the corpus, strongest first within each topic. `workers`: cores for rapidfuzz (-1: all).
    `min_similarity`: the share of rare words two passages must have in common (default: the threshold
    `link_min_similarity`). `count_own`: a topic's own names (its aliases) that both passages use count as
    shared content (a user's topic: "compensation" in both is a reason); a discovered topic's names do not,
    since every passage of it shares them by construction. `weigh(word)`: how specific a word is in this
    corpus (`CorpusStats.word_specificity`): a link's reason names its shared words most specific first,
    and a word every passage uses (the story's own name, weight 0) is no reason."""
    if min_similarity is None:
        min_similarity = thresholds.link_min_similarity
    with gc_paused():
        return _find_links(articles, topics, thresholds, workers, min_similarity, count_own, weigh)


def _find_links(
    articles: list[Article], topics: tuple[Topic, ...], thresholds: Thresholds, workers: int, min_similarity: float,
    count_own: bool, weigh: Callable[[str], float] | None,
) -> list[Link]:
    tagged: list[tuple[int, Passage]] = [(ai, p) for ai, a in enumerate(articles) for p in a.passages if p.topics]
    if not tagged:
        return []
    feats = [passage_terms(p.text) for _, p in tagged]
    df: Counter[str] = Counter()
    for stems, _ in feats:
        df.update(stems)
    vocab = sorted((t for t, n in df.items() if n >= 2), key=lambda t: (df[t], t))
    code = {t: _char(i) for i, t in enumerate(vocab)}
    strings: list[str] = []  # each passage's words as characters, rarest first
    spelled: list[tuple[str, ...]] = []  # how the passage writes each of those words, in the same order
    wide: set[str] = set()  # the story's own words (weight 0): no reason to link, so not compared
    for stems, raws in feats:
        coded = sorted((code[t], raw) for t, raw in zip(stems, raws) if t in code)
        strings.append("".join(c for c, _ in coded))
        spelled.append(tuple(raw for _, raw in coded))
        if weigh is not None:
            wide.update(t for t, raw in zip(stems, raws) if t in code and weigh(raw) <= 0)
    del feats
    id_rank = {pid: r for r, pid in enumerate(sorted(p.id for _, p in tagged))}

    links: list[Link] = []
    for topic in topics:
        names = {stem(t.norm) for alias in topic.aliases for t in tokens(alias)}
        own = names if not count_own else set()
        drop = {ord(code[t]): None for t in (own | (wide - names if count_own else wide)) if t in code}
        nodes, arts, tags = [], [], []
        for k, (ai, p) in enumerate(tagged):
            tag = p.tag(topic.id)
            if tag is not None:
                nodes.append(k)
                arts.append(ai)
                tags.append(tag.score)
        if len(set(arts)) < 2:
            continue
        group = _Topic(
            nodes=nodes,
            strings=[strings[k].translate(drop)[:MAX_TERMS] for k in nodes],
            article=np.asarray(arts, dtype=np.int64),
            tag=np.asarray(tags, dtype=np.float64),
            order=np.asarray([id_rank[tagged[k][1].id] for k in nodes], dtype=np.int64),
        )
        if len(nodes) <= DIRECT_LIMIT:
            pairs = _direct(group, workers)
        else:
            pairs = _blocked(group, workers, max(MIN_WINDOW, thresholds.link_candidates))
        pi, pj, psim = pairs
        keep = (psim > 0) & (psim >= min_similarity)  # a link needs shared content words, not only the topic
        for i, j, rank in _choose(group, pi[keep], pj[keep], psim[keep], thresholds):
            score = round(rank, 3)
            if score < thresholds.link_min_score:
                continue
            a, b = tagged[nodes[i]][1], tagged[nodes[j]][1]
            if b.id < a.id:
                a, b = b, a
                i, j = j, i
            a_all, a_spelled = strings[nodes[i]], spelled[nodes[i]]
            if weigh is not None:  # every shared word, most specific first; none that every passage uses
                shared = _shared_terms(a_all.translate(drop), strings[nodes[j]], a_all, a_spelled, None)
                shared = _most_specific(shared, weigh, names if count_own else set())
                if not shared:
                    continue  # only words the whole story shares: no reason to follow it
            else:
                shared = _shared_terms(group.strings[i], group.strings[j], a_all, a_spelled)
                if len(shared) < SHARED_TERMS and MAX_TERMS in (len(group.strings[i]), len(group.strings[j])):
                    # cut strings may hide a shared word: look at the whole of both
                    shared = _shared_terms(a_all.translate(drop), strings[nodes[j]], a_all, a_spelled)
            links.append(Link(a.id, b.id, topic.id, score, _reason(topic, a, b, shared), shared))
    links.sort(key=lambda link: (link.topic, -link.score, link.source, link.target))
    return links


def find_content_links(
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
        vocab = sorted(weight, key=lambda t: (stats.df[t], t))
        code = {t: _char(i) for i, t in enumerate(vocab)}
        term_of = {c: t for t, c in code.items()}
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
        id_rank = {pid: r for r, pid in enumerate(sorted(p.id for p in nodes))}
        group = _Topic(
            nodes=list(range(len(nodes))), strings=strings, article=np.asarray(arts, dtype=np.int64),
            tag=np.ones(len(nodes), dtype=np.float64),
            order=np.asarray([id_rank[p.id] for p in nodes], dtype=np.int64),
        )
        if len(nodes) <= DIRECT_LIMIT:
            pi, pj, psim = _direct(group, workers)
        else:
            pi, pj, psim = _blocked(group, workers, max(MIN_WINDOW, thresholds.link_candidates))
        sizes = np.asarray([len(x) for x in strings], dtype=np.float64)
        common = np.rint(psim * (sizes[pi] + sizes[pj]) / 2)
        keep = (psim >= thresholds.content_link_min_similarity) & (common >= need)
        links: list[Link] = []
        for i, j, _ in _choose(group, pi[keep], pj[keep], psim[keep], thresholds):
            a, b = nodes[i], nodes[j]
            if b.id < a.id:
                a, b, i, j = b, a, j, i
            if (a.id, b.id) in taken:
                continue
            shared = sorted((term_of[c] for c in set(strings[i]).intersection(strings[j])), key=lambda t: -weight[t])
            words = tuple(stats.spelling(t) for t in shared[:SHARED_TERMS])
            score = round(float(_dice(strings[i], strings[j])), 3)
            links.append(Link(a.id, b.id, None, score, f"Both make the same point; shared terms: {', '.join(words)}",
                              words))
        links.sort(key=lambda link: (-link.score, link.source, link.target))
        return links


def _dice(a: str, b: str) -> float:
    return 2 * len(set(a).intersection(b)) / (len(a) + len(b)) if a and b else 0.0


def _cdist(queries: list[str], choices: list[str], workers: int) -> np.ndarray:
    cells = len(queries) * len(choices)
    return process.cdist(
        queries, choices, scorer=Indel.normalized_similarity, dtype=np.float32,
        workers=workers if cells >= PARALLEL_CELLS else 1,
    )


def _direct(group: _Topic, workers: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of the topic's passages from different articles, scored in one cdist."""
    sim = _cdist(group.strings, group.strings, workers)
    empty = np.asarray([not s for s in group.strings])
    sim[empty, :] = 0.0
    sim[:, empty] = 0.0
    i, j = np.nonzero(group.article[:, None] != group.article[None, :])
    return i, j, sim[i, j].astype(np.float64)


def _blocked(group: _Topic, workers: int, window: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of passages that share rare words: bounded work per passage (see the module docstring)."""
    strings = group.strings
    in_topic: Counter[str] = Counter()
    for s in strings:
        in_topic.update(s)
    entries: list[tuple[str, str, int]] = []
    for i, s in enumerate(strings):
        keys = [ch for ch in s if in_topic[ch] >= 2][:KEYS_PER_PASSAGE]
        entries.extend((ch, s, i) for ch in keys)
    entries.sort()
    seq = np.asarray([i for _, _, i in entries], dtype=np.int32)
    rows_i, rows_j, rows_s = [], [], []
    keep = KEEP_PER_ROW
    tag = group.tag.astype(np.float32)
    for start in range(0, len(seq), window):
        q = seq[start : start + window]
        c = seq[start : start + 2 * window]
        sim = _cdist([strings[x] for x in q], [strings[x] for x in c], workers)
        rank = SIMILARITY_WEIGHT * sim + (1 - SIMILARITY_WEIGHT) * np.sqrt(tag[q][:, None] * tag[c][None, :])
        rank[group.article[q][:, None] == group.article[c][None, :]] = -1.0
        if rank.shape[1] > keep:
            top = np.argpartition(-rank, keep - 1, axis=1)[:, :keep]
        else:
            top = np.broadcast_to(np.arange(rank.shape[1]), rank.shape)
        picked = np.take_along_axis(rank, top, axis=1) >= 0
        qi = np.broadcast_to(q[:, None], top.shape)[picked]
        cj = c[top][picked]
        rows_i.append(qi)
        rows_j.append(cj)
        rows_s.append(np.take_along_axis(sim, top, axis=1)[picked])
    if not rows_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    found_i, found_j, found_s = np.concatenate(rows_i), np.concatenate(rows_j), np.concatenate(rows_s)
    del rows_i, rows_j, rows_s
    # the same pair met in two windows (or in both directions) counts once per direction
    both_i, both_j = np.concatenate([found_i, found_j]), np.concatenate([found_j, found_i])
    both_s = np.concatenate([found_s, found_s])
    del found_i, found_j, found_s
    _, first = np.unique(both_i.astype(np.int64) * len(strings) + both_j, return_index=True)
    return both_i[first].astype(np.int64), both_j[first].astype(np.int64), both_s[first].astype(np.float64)


def _group_positions(starts: np.ndarray) -> np.ndarray:
    """For a sorted array split into groups (`starts` flags each group's first row): each row's place in it."""
    idx = np.arange(len(starts))
    first = np.maximum.accumulate(np.where(starts, idx, 0))
    return idx - first


def _choose(group: _Topic, i: np.ndarray, j: np.ndarray, sim: np.ndarray, th: Thresholds):
    """Yield (i, j, rank) for the links kept, once per pair: each node's best per other article, at most
    `links_max_per_passage` of them; and a passage many others choose (a hub) keeps the best `HUB_FACTOR`
    times that many of those choices. So a passage has at most (1 + HUB_FACTOR) * links_max_per_passage links
    in a topic. Equal ranks are ordered pseudo-randomly (but always the same way), so that passages tied with
    many others spread their choices instead of all choosing the same one."""
    if len(i) == 0:
        return
    rank = SIMILARITY_WEIGHT * sim + (1 - SIMILARITY_WEIGHT) * np.sqrt(group.tag[i] * group.tag[j])
    tie = _tie(i, j)
    art_j = group.article[j]
    order = np.lexsort((tie, -rank, art_j, i))
    i, j, rank, art_j, tie = i[order], j[order], rank[order], art_j[order], tie[order]
    starts = np.ones(len(i), dtype=bool)
    starts[1:] = (i[1:] != i[:-1]) | (art_j[1:] != art_j[:-1])
    keep = _group_positions(starts) < th.links_per_article
    i, j, rank, tie = i[keep], j[keep], rank[keep], tie[keep]
    order = np.lexsort((tie, -rank, i))
    i, j, rank, tie = i[order], j[order], rank[order], tie[order]
    starts = np.ones(len(i), dtype=bool)
    starts[1:] = i[1:] != i[:-1]
    keep = _group_positions(starts) < th.links_max_per_passage
    i, j, rank, tie = i[keep], j[keep], rank[keep], tie[keep]
    if HUB_FACTOR > 0:
        order = np.lexsort((tie, -rank, j))
        i, j, rank = i[order], j[order], rank[order]
        starts = np.ones(len(i), dtype=bool)
        starts[1:] = j[1:] != j[:-1]
        keep = _group_positions(starts) < HUB_FACTOR * th.links_max_per_passage
        i, j, rank = i[keep], j[keep], rank[keep]
    # a pair both ends chose is one link
    lo = np.where(group.order[i] < group.order[j], i, j)
    hi = np.where(group.order[i] < group.order[j], j, i)
    _, first = np.unique(lo * len(group.nodes) + hi, return_index=True)
    yield from zip(lo[first].tolist(), hi[first].tolist(), rank[first].tolist())


def _tie(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """A fixed pseudo-random order for equal ranks, so that passages tied with many others (boilerplate-like
    text) do not all choose the same one."""
    x = (i.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) ^ (j.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F))
    x ^= x >> np.uint64(29)
    return x


def _shared_terms(
    a: str, b: str, a_all: str, a_spelled: tuple[str, ...], limit: int | None = SHARED_TERMS
) -> tuple[str, ...]:
    """The rarest words both passages use (`a`, `b`: coded word strings, the topic's own names left out of at
    least one), as the first passage writes them (`a_all`: all its coded words, `a_spelled` their spellings)."""
    return tuple(a_spelled[a_all.index(ch)] for ch in sorted(set(a).intersection(b))[:limit])


def _most_specific(words: tuple[str, ...], weigh: Callable[[str], float], names: set[str]) -> tuple[str, ...]:
    """`words` most specific first (at most SHARED_TERMS), without those of weight 0 (the story's own words),
    unless they are among the topic's `names` (stems), which always count within their topic."""
    weights = {}
    for w in words:
        weights[w] = weigh(w)
        if weights[w] <= 0 and names and any(stem(t.norm) in names for t in tokens(w)):
            weights[w] = 1e-6
    ranked = sorted((w for w in words if weights[w] > 0), key=lambda w: -weights[w])
    return tuple(ranked[:SHARED_TERMS])


def _reason(topic: Topic, a: Passage, b: Passage, shared: tuple[str, ...]) -> str:
    how = []
    for passage in (a, b):
        tag = passage.tag(topic.id)
        how.append("by reference" if tag and tag.implicit else "by name")
    both = "both name it" if how == ["by name", "by name"] else f"one {how[0]}, the other {how[1]}"
    if shared:
        return f"Both discuss {topic.label} ({both}); shared terms: {', '.join(shared)}"
    return f"Both discuss {topic.label} ({both})"
