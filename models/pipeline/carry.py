"""Links a discovered topic lends to the paragraphs beside its links' ends (`carried_links`).

A subject runs over a few paragraphs, and two outlets rarely make one point paragraph by paragraph: one says
"ships waiting", the paragraph after it in another says "the queue" or "the backlog". Within a discovered
topic, two passages are linked only when they share enough of their words (links.topic_links), so the
paragraph that goes on with a linked passage's point in other words was left unlinked. Here it takes its
neighbour's link, on conditions (see `carried_links`); `lend` puts such links among a corpus's links, and a
relink (relink.py) redoes them from the links it keeps and makes.
"""

from __future__ import annotations

import numpy as np

from models.config import Topic
from models.document import Link
from models.pipeline.links import SIMILARITY_WEIGHT, LinkSpace, topic_masks, together
CARRIED = "linked through the paragraph beside one of them"  # how a carried link's reason says so
CARRY_SHARED = 2  # words a paragraph must share with the far end to be lent a link (one is a coincidence)


def carried_links(
    space: LinkSpace, found: list[Link], others: list[Link], topics: tuple[Topic, ...],
    configured: frozenset[str] = frozenset(), min_score: float = 0.0,
) -> list[Link]:
    """Links a discovered topic's links lend to the paragraphs beside their ends. A subject runs over a few
    paragraphs (discovery counts a passage's terms for its neighbours: CONTEXT_WEIGHT), and the paragraph
    beside the one that names it goes on with it in other words ("the queue" after "ships waiting"), so two
    outlets' accounts of one point rarely match paragraph by paragraph. So when passage a is linked to passage b
    of another article within a discovered topic (`found`), the paragraph before or after a, tagged with that
    topic too, is linked to b as well when it has no link into b's article yet (in `found` or `others`) and
    shares CARRY_SHARED words with b; the topics a person wrote keep passages apart as within the topic
    (`together`). Each passage takes the best such link per article, ranked as a topic's links are (at least
    `min_score`); the reason says the link came through a neighbour."""
    if not found or not topics:
        return []
    n, arts = len(space.passages), space.article
    index = {p.id: k for k, p in enumerate(space.passages)}
    number = {t.id: m for m, t in enumerate(topics)}
    score = np.zeros((len(topics), n))  # each passage's tag score in each topic (0: untagged)
    for k, passage in enumerate(space.passages):
        for tag in passage.topics:
            m = number.get(tag.topic)
            if m is not None:
                score[m, k] = tag.score

    def ends(links: list[Link]) -> tuple[np.ndarray, np.ndarray]:
        pairs = [(index[x.source], index[x.target]) for x in links if x.source in index and x.target in index]
        both = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        return both[:, 0], both[:, 1]

    si, sj = ends(found)
    oi, oj = ends(others)
    width = int(arts.max()) + 1
    linked = np.sort(np.concatenate([si * width + arts[sj], sj * width + arts[si],
                                     oi * width + arts[oj], oj * width + arts[oi]]))
    topic = np.asarray([number.get(x.topic or "", -1) for x in found], dtype=np.int64)
    a = np.concatenate([si, sj])
    b = np.concatenate([sj, si])
    t = np.concatenate([topic, topic])
    q = np.concatenate([a - 1, a + 1])
    a, b, t = np.tile(a, 2), np.tile(b, 2), np.tile(t, 2)
    ok = (t >= 0) & (q >= 0) & (q < n)
    q, a, b, t = q[ok], a[ok], b[ok], t[ok]
    ok = (arts[q] == arts[a]) & (score[t, q] > 0) & (score[t, b] > 0)
    key = q * width + arts[b]
    at = np.minimum(np.searchsorted(linked, key), len(linked) - 1)
    ok &= linked[at] != key  # q has no link into b's article yet (so none to b either)
    if configured:
        masks = topic_masks(space, configured)
        ok &= together(masks[q], masks[b])
    q, b, t = q[ok], b[ok], t[ok]
    if not len(q):
        return []
    shared = [frozenset(space.strings[x]).intersection(space.strings[y]) for x, y in zip(q.tolist(), b.tolist())]
    size = np.asarray([len(s) for s in space.strings], dtype=np.float64)
    common = np.asarray([len(s) for s in shared], dtype=np.float64)
    sim = 2 * common / np.maximum(1.0, size[q] + size[b])
    rank = np.round(SIMILARITY_WEIGHT * sim + (1 - SIMILARITY_WEIGHT) * np.sqrt(score[t, q] * score[t, b]), 3)
    keep = np.flatnonzero((common >= CARRY_SHARED) & (rank >= min_score))
    # each passage's best per article (the higher rank, then the lower index), each pair once
    keep = keep[np.lexsort((b[keep], -rank[keep], arts[b[keep]], q[keep]))]
    key = q[keep] * width + arts[b[keep]]
    first = np.ones(len(keep), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    links: list[Link] = []
    seen: set[tuple[int, int]] = set()
    for e in keep[first].tolist():
        x, y = int(q[e]), int(b[e])
        pair = (min(x, y), max(x, y))
        if pair in seen:
            continue
        seen.add(pair)
        one, other = space.passages[x], space.passages[y]
        if other.id < one.id:
            one, other = other, one
        words = space.words(shared[e])
        label = topics[int(t[e])].label
        links.append(Link(one.id, other.id, topics[int(t[e])].id, float(rank[e]),
                          f"Both discuss {label} ({CARRIED}); shared terms: {', '.join(words)}", words))
    return links


def is_carried(link: Link) -> bool:
    """Whether `carried_links` made `link` (a relink redoes those from the links it keeps and makes)."""
    return f"({CARRIED})" in link.reason



def lend(
    links: list[Link], space: LinkSpace, discovered: tuple[Topic, ...], configured: frozenset[str], min_score: float,
) -> list[Link]:
    """`links` (links.link_corpus: the configured topics', the discovered topics' in order, then those by
    content) with the links the discovered topics' lend (`carried_links`) among the discovered topics' own, in
    the same order (topic, strongest first)."""
    ids = {t.id for t in discovered}
    found = [link for link in links if link.topic in ids]
    lent = carried_links(space, found, [link for link in links if link.topic not in ids], discovered, configured,
                         min_score)
    if not lent:
        return links
    ordered = sorted(found + lent, key=lambda x: (x.topic or "", -x.score, x.source, x.target))
    first = next(k for k, link in enumerate(links) if link.topic in ids)
    rest = [link for link in links[first:] if link.topic not in ids]
    return links[:first] + ordered + rest
