"""Links by content alone (topic None): passages in different articles that make the same point, whatever
topics they have (or none: a corpus with no config has only the topics it discovers, and those miss much).

Each passage keeps its best match in each other article, by the share of distinctive words the two have in
common (Dice over their LinkSpace words: used in two passages or more, neither the story's own nor a word
every English text uses, nor a proper name, which the corpus always capitalises: who or where is not what
is said), and that link stays when the two share `content_link_min_shared` distinctive words or more (and at
least `content_link_min_similarity` of them, 0: no such bar). Distinctive is relative to this corpus: the
least specific tenth of the words the passages use (`stats.specificity`, counted over every use: "march",
"given", "saturday" in a story of a ship) is left out, so what makes two passages' point is what is specific
in this story, whatever its size and style. A pair one word short of that is linked too when the paragraphs
around the two (before and after each, the passages' own words left out) share `content_link_min_shared`
distinctive words: a subject runs over a few paragraphs, so two words met inside one shared stretch of subject
are a point made twice, and two met between unrelated paragraphs a coincidence (`best_per_article`). On six
dev stories with no config (Ever Given, four devsets, one of the links helper's own) this raised link recall
.54 -> .57 and precision .785 -> .79 together; Ever Given unchanged. A passage many others choose (a hub)
keeps at most `links_max_per_passage` links by content. Pairs a topic links already (`taken`) are left to it; the reason
names the shared words, the most specific first.

Two passages may make one point in words they do not share ("the queue" here, "ships waiting" there). When
each is linked (within a topic or by content) to one passage of a third article, that passage says what both
say: they are linked too (`closed_links`), when one of them has no link into the other's article yet, they
share a distinctive word, and neither end then has more than `links_max_per_passage` partners (a hub takes no
more). Each passage takes one such link per article: the partner most paths lead to, then the most similar. On
the six dev stories with no config this raised link recall .42 -> .51 (each story, and one kept aside),
precision .80 -> .77 (see the commit that brought it).

The corpus stage calls it after `links.link_corpus`, in the same LinkSpace (a relink in the kept model's);
the comparison (word strings, `_direct`/`_blocked`) is the one links.py describes, so it stays linear in the
corpus.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from itertools import chain

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from models.config import Thresholds
from models.document import Link
from models.pipeline.gcpause import gc_paused
from models.pipeline.links import (
    COMMON_SHARE, DIRECT_LIMIT, MAX_TERMS, MIN_WINDOW, SHARED_TERMS, LinkSpace, _blocked, _char, _direct, _Group, _proper, _rank,
    _plain_table, topic_masks,
)


def makes_links(space: LinkSpace, thresholds: Thresholds, configured: frozenset[str] = frozenset()) -> bool:
    """Whether `content_links` makes any link here: some shared words asked for, two articles, and no topic a
    person wrote tagging a passage. Relink asks it too (it builds the pairs content links must not repeat only
    when they can be made), so the two cannot disagree."""
    if thresholds.content_link_min_shared <= 0 or len(set(space.article.tolist())) < 2:
        return False
    return not (configured and topic_masks(space, configured).any())


def content_links(
    space: LinkSpace, thresholds: Thresholds, taken: set[tuple[str, str]], *, workers: int = -1,
    configured: frozenset[str] = frozenset(),
) -> list[Link]:
    """Links by content between the passages of `space` (see the module docstring), strongest first. `taken`:
    (source, target) pairs (source < target) a topic links already. `configured`: the ids of the topics a
    person wrote: when one of them tags a passage of the corpus, none are made (the person's topics say what
    the passages are about, and on the seeds the links by content beside them were the wrong ones: link
    precision .94 -> .89 on tests/data/seeds_gold.yaml). The links through a third article (`closed_links`)
    come after the direct ones."""
    if not makes_links(space, thresholds, configured):
        return []
    need = thresholds.content_link_min_shared
    with gc_paused():
        cut, _ = _plain_table(space)  # (worked out once per LinkSpace, as links within topics use it)
        names = {ord(_char(r)): None for r, word in enumerate(space.spelled) if _proper(word)}
        nodes: list[int] = []
        strings: list[str] = []
        every: list[str] = []  # each passage's distinctive words, as compared
        for k, s in enumerate(space.strings):
            # a string is its words by rank, the most specific first
            kept = s[: bisect_left(s, cut)].translate(names)[:MAX_TERMS]
            every.append(kept)
            if len(kept) >= need:
                nodes.append(k)
                strings.append(kept)
        node_arr = np.asarray(nodes, dtype=np.int64)
        arts = space.article[node_arr] if nodes else node_arr
        if len(set(arts.tolist())) < 2:
            return []
        ids = [space.passages[k].id for k in nodes]
        rank_of = {pid: r for r, pid in enumerate(sorted(ids))}
        group = _Group(
            nodes=node_arr, strings=strings, article=arts, tag=np.ones(len(nodes)),
            named=np.zeros(len(nodes), dtype=bool), order=np.asarray([rank_of[p] for p in ids], dtype=np.int64),
        )
        if len(nodes) <= DIRECT_LIMIT:
            pi, pj, psim = _direct(group, workers)
        else:
            pi, pj, psim = _blocked(group, workers, max(MIN_WINDOW, thresholds.link_candidates))
        links: list[Link] = []
        spelled: dict[str, str] = {}  # a word's character -> how the corpus writes it
        sets: dict[int, set[str]] = {}
        made: dict[int, str] = {}  # node -> its surroundings, each worked out once

        def around(chosen: list[int]) -> list[str]:
            missing = sorted(set(chosen).difference(made))
            made.update(zip(missing, surroundings(space, every, [nodes[x] for x in missing])))
            return [made[x] for x in chosen]

        for i, j, sim, by in best_per_article(group, pi, pj, psim, need, thresholds, around):
            a, b = space.passages[nodes[i]], space.passages[nodes[j]]
            if b.id < a.id:
                a, b, i, j = b, a, j, i
            if (a.id, b.id) in taken:
                continue
            set_i = sets.get(i) or sets.setdefault(i, set(strings[i]))
            # no name among them (left out above): the most specific first is the order of their characters
            words = tuple(spelled.get(c) or spelled.setdefault(c, space.spelled[_rank(c)])
                          for c in sorted(set_i.intersection(strings[j]))[:SHARED_TERMS])
            links.append(Link(a.id, b.id, None, round(sim, 3),
                              f"{AROUND if by else SAME}; shared terms: {', '.join(words)}", words))
        links += closed_links(space, taken | {(x.source, x.target) for x in links}, every, thresholds)
        links.sort(key=lambda link: (-link.score, link.source, link.target))
        return links


THROUGH = "Both linked to one passage of a third article"  # how a link `closed_links` made begins its reason
SAME = "Both make the same point"  # ... and a direct link by content
AROUND = "Both make the same point, as do the paragraphs around them"  # ... one the surroundings support
AROUND_SHORT = 1  # a pair up to this many words short of content_link_min_shared, supported so, is linked (0: none)


def surroundings(space: LinkSpace, every: list[str], nodes: list[int]) -> list[str]:
    """For each node (a LinkSpace index), the distinctive words of the paragraphs just before and after its
    passage in its article (`every`: each passage's, as content links compare them), as one sorted string: what
    the text around the passage discusses, the passage's own words left out."""
    art = space.article
    last = len(every) - 1
    out: list[str] = []
    for k in nodes:
        chars: set[str] = set()
        if k > 0 and art[k - 1] == art[k]:
            chars.update(every[k - 1])
        if k < last and art[k + 1] == art[k]:
            chars.update(every[k + 1])
        out.append("".join(sorted(chars)))
    return out


def closed_links(space: LinkSpace, pairs: set[tuple[str, str]], strings: list[str], th: Thresholds) -> list[Link]:
    """Links between passages each linked to one passage of a third article (`pairs`: the links made, as
    (source, target) ids; `strings`: each passage's distinctive words as content links compare them). For a
    passage p and an article it has no link into, the candidates are that article's passages linked to a
    passage p is linked to (two steps through the link graph, worked out on arrays); p keeps the one most such
    paths lead to (then the most similar, then the lower index) when the two share a distinctive word. The
    links are taken strongest first while both ends have fewer than `links_max_per_passage` partners, those
    they had counted; a passage with more partners than that (a hub) is no step of a path, so the paths are at
    most `links_max_per_passage` squared per passage. Each pair once; the reason names the shared words."""
    index: defaultdict[str, int] = defaultdict(lambda: -1, {p.id: k for k, p in enumerate(space.passages)})
    n = len(space.passages)
    ends = np.fromiter(map(index.__getitem__, chain.from_iterable(pairs)), dtype=np.int64, count=2 * len(pairs))
    ends = ends.reshape(-1, 2)
    ends = ends[(ends >= 0).all(axis=1)]
    if not len(ends) or n < 3:
        return []
    arts = space.article
    width = int(arts.max()) + 1
    lo, hi = ends.min(axis=1), ends.max(axis=1)
    once = _distinct(lo * n + hi)  # the partners each passage has (a pair linked on two topics is one)
    lo, hi = once // n, once % n
    partners = np.bincount(lo, minlength=n) + np.bincount(hi, minlength=n)
    src, dst = np.concatenate([lo, hi]), np.concatenate([hi, lo])
    into = _distinct(src * width + arts[dst])  # (passage, article) pairs linked already
    # a passage with `links_max_per_passage` partners already takes no more: neither end of a path; and one
    # with more (a hub: a summary paragraph every other one meets) is no bridge, and would make the paths many
    room = partners < th.links_max_per_passage
    first_step = room[src] & (partners[dst] <= th.links_max_per_passage)
    src, dst = src[first_step], dst[first_step]  # p -> q, p with room, q no hub
    onward = np.flatnonzero(room[np.concatenate([lo, hi])])  # q -> r, r with room
    q_of = np.concatenate([hi, lo])[onward]
    r_of = np.concatenate([lo, hi])[onward]
    order = np.argsort(q_of, kind="stable")
    q_of, r_of = q_of[order], r_of[order]
    starts = np.searchsorted(q_of, np.arange(n + 1))
    # every path p -> q -> r: for each link (p, q), each of q's partners with room
    count = starts[dst + 1] - starts[dst]
    p = np.repeat(src, count)
    step = np.arange(len(p)) - np.repeat(np.cumsum(count) - count, count)
    r = r_of[np.repeat(starts[dst], count) + step]
    keep = arts[r] != arts[p]
    p, r = p[keep], r[keep]
    key = p * width + arts[r]
    at = np.minimum(np.searchsorted(into, key), len(into) - 1)
    keep = into[at] != key  # p has no link into r's article yet
    p, r = p[keep], r[keep]
    if not len(p):
        return []
    found, paths = np.unique(p * n + r, return_counts=True)
    p, r = found // n, found % n
    sim = process.cpdist([strings[x] for x in p.tolist()], [strings[x] for x in r.tolist()],
                         scorer=Indel.normalized_similarity, dtype=np.float32, workers=1).astype(np.float64)
    sizes = np.asarray([len(x) for x in strings], dtype=np.int64)
    # a distinctive word in common (sorted strings: their common subsequence is their common words)
    keep = (sim > 0) & (sizes[p] > 0) & (sizes[r] > 0)
    p, r, paths, sim = p[keep], r[keep], paths[keep], sim[keep]
    # each passage's best per article: the most paths, then the most similar, then the lower index
    order = np.lexsort((r, -sim, -paths, arts[r], p))
    p, r, paths, sim = p[order], r[order], paths[order], sim[order]
    first = np.ones(len(p), dtype=bool)
    first[1:] = (p[1:] != p[:-1]) | (arts[r[1:]] != arts[r[:-1]])
    p, r, paths, sim = p[first], r[first], paths[first], sim[first]
    lo, hi = np.minimum(p, r), np.maximum(p, r)
    _, once = np.unique(lo * n + hi, return_index=True)
    lo, hi, paths, sim = lo[once], hi[once], paths[once], sim[once]
    order = np.lexsort((hi, lo, -sim, -paths))
    degree = partners.tolist()
    cap = th.links_max_per_passage
    links: list[Link] = []
    for x, y, value in zip(lo[order].tolist(), hi[order].tolist(), sim[order].tolist()):
        if degree[x] >= cap or degree[y] >= cap:
            continue
        degree[x] += 1
        degree[y] += 1
        a, b = space.passages[x], space.passages[y]
        if b.id < a.id:
            a, b = b, a
        words = space.words(set(strings[x]).intersection(strings[y]))
        links.append(Link(a.id, b.id, None, round(value, 3), f"{THROUGH}; shared terms: {', '.join(words)}", words))
    return links


def best_per_article(group: _Group, i: np.ndarray, j: np.ndarray, sim: np.ndarray, need: int, th: Thresholds,
                     windows: Callable[[list[int]], list[str]] | None = None):
    """Yield (i, j, similarity, around) once per pair kept: each node's best match in each other article (the
    higher similarity, ties by passage id), when the two share `need` words or more and
    `content_link_min_similarity` of them, or (`around` True) one word fewer when the paragraphs around them
    share `need` words too (`windows`: the nodes' neighbours' words, `surroundings`, asked only for such pairs).
    A subject runs over a few paragraphs: two passages sharing two words between paragraphs that share three
    more discuss one thing; two sharing two words between paragraphs that share nothing met by chance (without
    the surroundings' support, two words were as often wrong as right). A node many others choose keeps its
    `links_max_per_passage` strongest."""
    keep = sim > 0
    i, j, sim = i[keep], j[keep], sim[keep]
    if not len(i):
        return
    art_j = group.article[j]
    order = np.lexsort((group.order[j], -sim, art_j, i))
    i, j, sim, art_j = i[order], j[order], sim[order], art_j[order]
    first = np.ones(len(i), dtype=bool)
    first[1:] = (i[1:] != i[:-1]) | (art_j[1:] != art_j[:-1])
    sizes = np.asarray([len(s) for s in group.strings], dtype=np.float64)
    common = np.rint(sim * (sizes[i] + sizes[j]) / 2)
    similar = sim >= th.content_link_min_similarity
    keep = first & (common >= need) & similar
    around = np.zeros(len(i), dtype=bool)
    if windows is not None and 0 < AROUND_SHORT < need:
        short = np.flatnonzero(first & (common >= need - AROUND_SHORT) & (common < need) & similar)
        if len(short):
            a = windows(i[short].tolist())
            b = windows(j[short].tolist())
            dist = process.cpdist(a, b, scorer=Indel.distance, dtype=np.int32, workers=1)
            lengths = np.asarray([len(x) for x in a], dtype=np.int64) + np.asarray([len(x) for x in b], dtype=np.int64)
            # sorted strings of distinct characters: their common subsequence is their common words
            around[short] = (lengths - dist) // 2 >= need
            keep |= around
    i, j, sim, around = i[keep], j[keep], sim[keep], around[keep]
    lo = np.where(group.order[i] < group.order[j], i, j)
    hi = np.where(group.order[i] < group.order[j], j, i)
    _, once = np.unique(lo * len(group.nodes) + hi, return_index=True)
    lo, hi, sim, around = lo[once], hi[once], sim[once], around[once]
    # the strongest first; a link stays while both its ends have room
    order = np.lexsort((group.order[hi], group.order[lo], -sim))
    cap = th.links_max_per_passage
    degree = [0] * len(group.nodes)
    for x, y, value, by in zip(lo[order].tolist(), hi[order].tolist(), sim[order].tolist(), around[order].tolist()):
        if degree[x] < cap and degree[y] < cap:
            degree[x] += 1
            degree[y] += 1
            yield x, y, value, by


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique, by sorting: its hash table is slower on these)."""
    values = np.sort(values)
    keep = np.ones(len(values), dtype=bool)
    keep[1:] = values[1:] != values[:-1]
    return values[keep]
