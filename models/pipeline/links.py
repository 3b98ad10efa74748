"""Cross-article links: within each topic, every tagged passage meets the topic in every other article; by
content, passages that make the same point whatever their topics.

**Within a topic** (`topic_links`), each passage tagged with the topic keeps its best match in each other
article that has the topic (at most `links_max_per_passage` articles, the best first), provided the two share
content: a distinctive word both use (not one of the story's own words, which every passage uses, nor a word of
the story's own multi-word name, which every account names: `story_names`, nor a weekday or month, nor one of
the corpus's least specific tenth of word uses: `LinkSpace.plain`), or, within a
topic a person wrote, the topic itself named on both sides (each passage uses one of its names: "claims" here,
"compensation" there, both aliases of one topic; a passage given the topic only by reference must share a
word). A discovered topic's names do not count (its passages share them by construction): there the two
passages must share `discovered_link_min_similarity` of their words (two thirds of that when they share
`discovered_link_min_shared` words or two discovered topics), and the topics a person wrote keep passages apart (`together`). A link's score mixes how surely both ends
discuss the topic with how much else they share. Its reason names the words both use that say what is said
first (the most specific first), then the topic's names both give, then the proper names (who or where); not
weekdays and months, nor the corpus's least specific words ("found", "five": `LinkSpace.words`, `telling`),
which a link within a topic may share beside its real ground; and "both name it" when both name the topic
the same way.

**By content**: models/pipeline/content_links.py (the corpus stage calls it after `link_corpus`).

How it stays fast: every comparable word of the corpus gets one character, in order of specificity (most
specific first), and a passage becomes the sorted string of its words' characters, cut to its `MAX_TERMS`
most specific. For two such sorted strings the longest common subsequence is exactly the set of shared words,
so rapidfuzz's Indel similarity is the Dice coefficient of the two word sets, computed in C, many pairs at
once with `process.cdist`; the shared words of a link are its strings' common characters, the most specific
first. A topic with at most `DIRECT_LIMIT` passages is compared all against all in one call. A larger one is
compared in bounded blocks: each passage is filed under its `KEYS_PER_PASSAGE` most specific words (shared
within the topic), the files are laid end to end, and each window of `link_candidates` entries (config.yaml)
is compared with itself and the next window. So every passage meets at most
`KEYS_PER_PASSAGE * 2 * link_candidates` candidates, chosen because they share its rarest words, and the work
grows linearly with the corpus. The choice of the best per article and per passage is done on numpy arrays;
Python only loops over the links that are kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from dateutil.parser import parserinfo
from rapidfuzz import process
from rapidfuzz.distance import Indel

from models.config import Thresholds, Topic
from models.document import Article, Link, Passage
from models.pipeline.gcpause import gc_paused
from models.pipeline.stats import CorpusStats, PassageTerms, passage_terms
from models.text import lemma, tokens

DIRECT_LIMIT = 400  # a topic with at most this many passages is compared all against all
KEYS_PER_PASSAGE = 4  # most specific shared words a large topic's passage is filed under
MIN_WINDOW = 8  # the window is thresholds.link_candidates entries, at least this many
MAX_TERMS = 48  # most specific words a passage is compared by
KEEP_PER_ROW = 24  # best candidates a passage keeps from one window before the final choice
PARALLEL_CELLS = 1 << 16  # a cdist this large is run on every core

HUB_FACTOR = 2  # a passage keeps at most this many times links_max_per_passage of the links others choose to it
COMMON_SHARE = 0.1  # the least specific share of the words passages use (by use): no shared content alone
SHARED_TERMS = 5  # shared words a link names in its reason
EASED = 2 / 3  # a pair sharing discovered_link_min_shared words needs this share of the similarity bar
SIMILARITY_WEIGHT = 0.45  # score = 0.45 * shared-word similarity + 0.55 * sqrt(tag score * tag score)


def story_names(stats: CorpusStats) -> frozenset[str]:
    """The words of the story's own multi-word name that are not story-wide themselves: proper names
    (`stats.is_name`) in most articles, written at least half the time just before a story-wide word
    (`stats.story_wide`) or another such name ("the Alder Bay Causeway": "causeway" is in most passages,
    "Alder" and "Bay" in fewer, each account naming the causeway in a passage or two). Every account names
    the story's subject whatever it says, so its name is no reason to link two passages."""
    named: dict[str, bool] = {}

    def candidate(word: str) -> bool:
        found = named.get(word)
        if found is None:
            found = named[word] = (2 * stats.adf.get(word, 0) > stats.articles and stats.is_name(word)
                                   and not stats.story_wide(word))
        return found

    pairs: list[tuple[str, str]] = []  # (name, the word after it) where the phrase holds half the name's uses
    for term, df in stats.df.items():
        if " " in term and df >= 2:
            name, _, other = term.partition(" ")  # a name before the word it names ("Alder Bay Causeway")
            if 2 * df >= stats.df.get(name, 0) and candidate(name):
                pairs.append((name, other))
    wide = {other for _, other in pairs if stats.story_wide(other)}
    own: set[str] = set()
    grown = True
    while grown:
        grown = False
        for name, other in pairs:
            if name not in own and (other in wide or other in own):
                own.add(name)
                grown = True
    return frozenset(own)


@lru_cache(maxsize=1 << 16)
def _proper(word: str) -> bool:
    """Whether a word as the corpus writes it is a proper name: always capitalised (`CorpusStats.spelling` keeps
    a capital only then), and no model number ("F-35", "S-400s": a thing, what is discussed)."""
    return word[:1].isupper() and not any(ch.isdigit() for ch in word)


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """The names of weekdays and months as dateutil's parser knows them (full names, and abbreviations longer
    than three letters: "Sept"), lowercase. A closed class: when something happened, never what."""
    info = parserinfo()
    return frozenset(name.lower() for names in info.WEEKDAYS + info.MONTHS for name in names if len(name) > 3)


def _dated(word: str) -> bool:
    """Whether a word as the corpus writes it is a weekday's or month's name ("Thursday", "June"; always
    capitalised, so "march" the verb is not one)."""
    low = word.lower()
    return word[:1].isupper() and (low in _calendar() or (low.endswith("s") and low[:-1] in _calendar()))


def _char(rank: int) -> str:
    """The character standing for the word of specificity `rank` (never a surrogate, never below U+0100)."""
    code = 0x100 + rank
    if code >= 0xD800:
        code += 0x800
    return chr(min(code, 0x10FFFF))


def _rank(char: str) -> int:
    """The rank `_char` made `char` from."""
    code = ord(char)
    return code - 0x900 if code >= 0xE000 else code - 0x100


@dataclass(slots=True)
class LinkSpace:
    """Every passage of the corpus as a string of word characters (see the module docstring), built once for
    all topics. `strings[k]` holds all of passage k's comparable words, most specific first."""

    passages: list[Passage]
    article: np.ndarray  # article index of each passage
    strings: list[str]
    code: dict[str, str]  # term -> its character
    spelled: list[str]  # character rank -> how the corpus writes the term

    @classmethod
    def build(cls, articles: list[Article], terms: list[list[PassageTerms]], stats: CorpusStats) -> LinkSpace:
        """Comparable words: content lemmas that are neither the story's own (`stats.story_wide`, and the
        words of its multi-word name, `story_names`) nor words every English text uses (`stats.rarity` 0)."""
        own = story_names(stats)
        seen: set[str] = set()
        for per_article in terms:
            for pt in per_article:
                seen.update(pt.lemmas)
        weight = {}
        for term in seen:
            if stats.df.get(term, 0) >= 2 and not stats.story_wide(term) and term not in own:
                value = stats.specificity(term)
                if value > 0:
                    weight[term] = value
        vocab = sorted(weight, key=lambda t: (-weight[t], t))
        code = {t: _char(i) for i, t in enumerate(vocab)}
        passages: list[Passage] = []
        arts: list[int] = []
        strings: list[str] = []
        for ai, (article, per_article) in enumerate(zip(articles, terms)):
            for passage, pt in zip(article.passages, per_article):
                passages.append(passage)
                arts.append(ai)
                strings.append("".join(sorted({code[t] for t in pt.lemmas if t in code})))
        return cls(passages, np.asarray(arts, dtype=np.int64), strings, code, [stats.spelling(t) for t in vocab])

    def words(self, chars: str | set[str], limit: int = SHARED_TERMS, telling: bool = False) -> tuple[str, ...]:
        """The words of `chars` as the corpus writes them: what is said (the distinctive words first, see
        `plain`, each kind most specific first), then names (who or where), then weekdays and months (when).
        `telling`: only the distinctive words and names (`plain`'s), the words a link within a topic rests on:
        "found", "five" or "Thursday" beside "debris" say nothing a reader should follow the link for."""
        _, _, _, place, told, spelled = _tables(self)  # each character's place in that order (telling: of those
        # kept), and its word: dictionary look-ups in C, no Python per character
        if telling:
            found = sorted(filter(told.__contains__, chars), key=told.__getitem__)
        else:
            found = sorted(chars, key=place.__getitem__)
        return tuple(map(spelled.__getitem__, found[:limit]))

    def plain(self, k: int) -> str:
        """Passage k's distinctive words (as its string is): no weekday or month (`_dated`), none of the
        corpus's least specific tenth of word uses (`distinct_ranks`, as content links: "week", "told"). Two
        passages that share none of these share only when, or what any passage of the story says. Proper names
        stay: two outlets quoting one official's statement within a topic are the links a journalist follows
        (leaving names out lost no-config link recall .41 -> .36 on the svb dev story, .16 -> .14 on Ever
        Given: those links were Yellen's statement in four outlets)."""
        cut, drop = _plain_table(self)
        s = self.strings[k]
        return s[: bisect_left(s, cut)].translate(drop)


_Tables = tuple[LinkSpace, str, dict[int, None], dict[str, int], dict[str, int], dict[str, str]]
_TABLES: dict[int, _Tables] = {}  # id(space) -> its tables (`_plain_table`)


def _tables(space: LinkSpace) -> _Tables:
    """For a LinkSpace, worked out once: the character of its first word in the least specific tenth, the
    translate table dropping weekdays and months, and a reason's order of words: by kind (0 a distinctive word,
    1 a less specific one, 2 a name, 3 a weekday or month), then rank, as each word's character -> its place in
    that order, the same without the less specific words and weekdays and months (`LinkSpace.words`,
    `telling`), and each character -> how the corpus writes its word."""
    found = _TABLES.get(id(space))
    if found is not None and found[0] is space:
        return found
    cut = distinct_ranks(space)
    kinds = [3 if _dated(w) else 2 if _proper(w) else int(r >= cut) for r, w in enumerate(space.spelled)]
    drop = {ord(_char(r)): None for r, kind in enumerate(kinds) if kind == 3}
    chars = [_char(r) for r in range(len(kinds))]
    place = {chars[r]: n for n, r in enumerate(sorted(range(len(kinds)), key=lambda r: (kinds[r], r)))}
    told = {c: n for c, n in place.items() if kinds[_rank(c)] not in (1, 3)}
    if len(_TABLES) >= 4:
        _TABLES.clear()
    found = _TABLES[id(space)] = (space, _char(cut), drop, place, told, dict(zip(chars, space.spelled)))
    return found


def distinct_ranks(space: LinkSpace) -> int:
    """How many of the LinkSpace's words (by rank, the most specific first) are distinctive: all but the least
    specific COMMON_SHARE of the passages' uses of words. Links within topics and links by content use it."""
    code = np.frombuffer("".join(space.strings).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    uses = np.bincount(np.where(code >= 0xE000, code - 0x900, code - 0x100), minlength=len(space.spelled))  # _rank
    if not uses.sum():
        return 0
    total = np.cumsum(uses)
    return int(np.searchsorted(total, (1 - COMMON_SHARE) * total[-1], side="left")) + 1


def _plain_table(space: LinkSpace) -> tuple[str, dict[int, None]]:
    _, cut, drop, _, _, _ = _tables(space)
    return cut, drop


@dataclass(slots=True)
class _Group:
    """The passages of one topic (or the candidates of content links), as parallel arrays."""

    nodes: np.ndarray  # index into the LinkSpace
    strings: list[str]  # each node's words as compared (cut to MAX_TERMS)
    article: np.ndarray  # article index of each node
    tag: np.ndarray  # tag score of each node
    named: np.ndarray  # the node names the topic (an explicit tag), so the topic's names count as shared
    order: np.ndarray  # rank of each node's passage id, for stable tie-breaks
    plain: list[str] | None = None  # each node's distinctive words (`LinkSpace.plain`): a link shares one


def link_corpus(
    articles: list[Article], terms: list[list[PassageTerms]], stats: CorpusStats, topics: tuple[Topic, ...],
    discovered: tuple[Topic, ...], thresholds: Thresholds, *, workers: int = -1, space: LinkSpace | None = None,
) -> list[Link]:
    """The links within topics: the configured `topics`', then the `discovered` ones' (those by content come
    from content_links.py). `space`: the LinkSpace of these articles, built already."""
    with gc_paused():
        if space is None:
            space = LinkSpace.build(articles, terms, stats)
        links = topic_links(space, topics, thresholds, workers=workers)
        links += topic_links(space, discovered, thresholds, workers=workers, count_own=False,
                             min_similarity=thresholds.discovered_link_min_similarity,
                             configured=frozenset(t.id for t in topics),
                             min_shared=thresholds.discovered_link_min_shared)
        return links


def find_links(
    articles: list[Article], topics: tuple[Topic, ...], thresholds: Thresholds, *, workers: int = -1,
    count_own: bool = True, min_similarity: float | None = None,
) -> list[Link]:
    """Links within `topics` alone, the corpus's terms and statistics worked out here (for callers that hold
    only the articles)."""
    terms = [[passage_terms(p.text) for p in a.passages] for a in articles]
    with gc_paused():
        space = LinkSpace.build(articles, terms, CorpusStats.build(terms))
        return topic_links(space, topics, thresholds, workers=workers, count_own=count_own,
                           min_similarity=min_similarity)


def topic_links(
    space: LinkSpace, topics: tuple[Topic, ...], thresholds: Thresholds, *, workers: int = -1,
    count_own: bool = True, min_similarity: float | None = None, configured: frozenset[str] = frozenset(),
    min_shared: int = 0,
) -> list[Link]:
    """Links within each topic (see the module docstring), strongest first within each topic. `count_own`: a
    topic's own names count as shared content when both passages name it (a topic a person wrote); not for a
    discovered topic, whose names are also left out of the words compared. `min_similarity`: the share of
    words two passages must have in common (default: the threshold `link_min_similarity`), or `EASED` times
    that when they share `min_shared` words or more or, in discovered topics, two topics (0: no such ease; see
    `similar_enough`). `configured`: the
    ids of the topics a person wrote, when linking within discovered ones: those keep passages apart
    (`together`)."""
    if min_similarity is None:
        min_similarity = thresholds.link_min_similarity
    links: list[Link] = []
    window = max(MIN_WINDOW, thresholds.link_candidates)
    masks = topic_masks(space, configured) if configured and topics else None
    found = topic_masks(space, frozenset(t.id for t in topics)) if min_shared > 0 and not count_own else None
    for topic in topics:
        nodes, tags, named = [], [], []
        for k, passage in enumerate(space.passages):
            tag = passage.tag(topic.id)
            if tag is not None:
                nodes.append(k)
                tags.append(tag.score)
                named.append(count_own and not tag.implicit)
        node_arr = np.asarray(nodes, dtype=np.int64)
        arts = space.article[node_arr] if nodes else node_arr
        if len(set(arts.tolist())) < 2:
            continue
        group, strings, _ids = topic_group(space, topic, node_arr, arts, tags, named, count_own)
        pi, pj, psim = _direct(group, workers) if len(nodes) <= DIRECT_LIMIT else _blocked(group, workers, window)
        shares = similar_enough(group, pi, pj, psim, min_similarity, min_shared,
                                None if found is None else found[node_arr])
        keep = shares | (group.named[pi] & group.named[pj])  # a shared word, or the topic named on both sides
        if masks is not None:
            keep &= together(masks[node_arr[pi]], masks[node_arr[pj]])
        # each end's words and names of the topic, worked out once per passage (a passage has many links)
        sets: dict[int, set[str]] = {}
        naming: dict[int, _Naming] = {}
        passages, words, min_score = [space.passages[k] for k in nodes], space.words, thresholds.link_min_score
        for i, j, rank in _choose(group, pi[keep], pj[keep], psim[keep], thresholds):
            score = round(rank, 3)
            if score < min_score:
                continue
            a, b = passages[i], passages[j]
            if b.id < a.id:
                a, b, i, j = b, a, j, i
            set_i = sets.get(i) or sets.setdefault(i, set(strings[i]))
            na = naming.get(i) or naming.setdefault(i, _Naming.of(a, topic, count_own))
            nb = naming.get(j) or naming.setdefault(j, _Naming.of(b, topic, count_own))
            shared, reason = _reason(topic, na, nb, words(set_i.intersection(strings[j]), telling=True))
            links.append(Link(a.id, b.id, topic.id, score, reason, shared))
    links.sort(key=lambda link: (link.topic or "", -link.score, link.source, link.target))
    return links


def topic_group(
    space: LinkSpace, topic: Topic, nodes: np.ndarray, arts: np.ndarray, tags: list[float], named: list[bool],
    count_own: bool,
) -> tuple[_Group, list[str], list[str]]:
    """The passages `nodes` (LinkSpace indices, in articles `arts`) tagged with `topic`, as the group their
    similarities are computed over (strings cut to MAX_TERMS), with each one's whole word string (a link's shared
    words come from these) and its id. Shared by a full linking and a relink of changed articles. Without
    `count_own` (a discovered topic) the topic's own terms are left out: its passages share them by construction."""
    drop = {}
    if not count_own:
        drop = {ord(space.code[t]): None for t in _topic_terms(topic) if t in space.code}
    strings = [space.strings[k].translate(drop) if drop else space.strings[k] for k in nodes]
    plain = [space.plain(k).translate(drop) if drop else space.plain(k) for k in nodes]
    ids = [space.passages[k].id for k in nodes]
    rank_of = {pid: r for r, pid in enumerate(sorted(ids))}
    group = _Group(
        nodes=nodes, strings=[s[:MAX_TERMS] for s in strings], article=arts,
        tag=np.asarray(tags, dtype=np.float64), named=np.asarray(named, dtype=bool),
        order=np.asarray([rank_of[pid] for pid in ids], dtype=np.int64), plain=plain,
    )
    return group, strings, ids


def similar_enough(
    group: _Group, i: np.ndarray, j: np.ndarray, sim: np.ndarray, min_similarity: float, min_shared: int = 0,
    found: np.ndarray | None = None,
) -> np.ndarray:
    """For pairs (i, j) of the group with similarity `sim` (Dice over their words as compared): whether they
    share enough to be linked. Some distinctive word always (`group.plain`, when given: a weekday or
    "week" alone is no shared content), and `min_similarity` of their words; or `EASED` times that
    when they share `min_shared` words or more (and `min_shared` is not 0), or two discovered topics (`found`:
    each node's discovered topics, `topic_masks`). Within a discovered topic, three specific words in common
    are a point made twice even in long passages, whose Dice is low because each says much else; and two
    topics found in common say the two discuss one subject more surely than one."""
    keep = (sim > 0) & (sim >= min_similarity)
    if min_shared > 0 and len(sim):
        sizes = np.asarray([len(x) for x in group.strings], dtype=np.float64)
        common = np.rint(sim * (sizes[i] + sizes[j]) / 2)
        more = common >= min_shared
        if found is not None:
            more |= np.bitwise_count(found[i] & found[j]) >= 2
        keep |= (sim >= EASED * min_similarity) & more
    if group.plain is not None and keep.any():
        keep[keep] = share_plain(group.plain, i[keep], j[keep])
    return keep


def share_plain(plain: list[str], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """For pairs (i, j): whether the two strings share a character (a distinctive word, `LinkSpace.plain`).
    Sorted strings' longest common subsequence is their common characters, so Indel distance counts them."""
    a = [plain[x] for x in i.tolist()]
    b = [plain[x] for x in j.tolist()]
    dist = process.cpdist(a, b, scorer=Indel.distance, dtype=np.int32, workers=1)
    sizes = np.asarray([len(x) for x in plain], dtype=np.int64)
    return sizes[i] + sizes[j] > dist


def topic_masks(space: LinkSpace, ids: frozenset[str]) -> np.ndarray:
    """Each passage of `space`'s topics among `ids`, as a bit mask (with more than 63 such topics, two may share
    a bit and then count as one)."""
    bits = {topic: 1 << (n % 63) for n, topic in enumerate(sorted(ids))}
    masks = [0] * len(space.passages)  # Python ints, made an array once (a numpy element set per tag: ten times slower)
    for k, passage in enumerate(space.passages):
        mask = 0
        for tag in passage.topics:
            mask |= bits.get(tag.topic, 0)
        masks[k] = mask
    return np.asarray(masks, dtype=np.int64)


def together(mi: np.ndarray, mj: np.ndarray) -> np.ndarray:
    """For pairs of passages a discovered topic would link, with configured topics `mi` and `mj`
    (`topic_masks` of the configured topics): whether the topics a person wrote let them be linked. They do when neither passage
    has one (the person's topics cover neither: a discovered topic is what they left out), or when both share
    one; not when one has a configured topic and the other another or none (the person's topics already say
    what the passage is about, and it is something else than the other's)."""
    return ((mi == 0) & (mj == 0)) | ((mi & mj) != 0)


def _topic_terms(topic: Topic) -> set[str]:
    """A topic's names as lemmas (the words its passages share by construction)."""
    return {lemma(t.norm) for alias in topic.aliases for t in tokens(alias)}


def _cdist(queries: list[str], choices: list[str], workers: int) -> np.ndarray:
    cells = len(queries) * len(choices)
    return process.cdist(
        queries, choices, scorer=Indel.normalized_similarity, dtype=np.float32,
        workers=workers if cells >= PARALLEL_CELLS else 1,
    )


def _direct(group: _Group, workers: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of the group's passages from different articles, scored in one cdist."""
    sim = _cdist(group.strings, group.strings, workers)
    empty = np.asarray([not s for s in group.strings])
    sim[empty, :] = 0.0
    sim[:, empty] = 0.0
    i, j = np.nonzero(group.article[:, None] != group.article[None, :])
    return i, j, sim[i, j].astype(np.float64)


def _blocked(group: _Group, workers: int, window: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


def _choose(group: _Group, i: np.ndarray, j: np.ndarray, sim: np.ndarray, th: Thresholds):
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


@dataclass(frozen=True, slots=True)
class _Naming:
    """How one passage has a topic, for the reasons of its links: by name or by reference, the names it gives
    the topic (its explicit evidence, else its grown vocabulary; none by reference or for a discovered topic),
    and those names as lemmas."""

    how: str
    names: tuple[str, ...]
    keys: frozenset[str]

    @classmethod
    def of(cls, passage: Passage, topic: Topic, count_own: bool) -> _Naming:
        tag = passage.tag(topic.id)
        implicit = bool(tag and tag.implicit)
        names: tuple[str, ...] = ()
        if count_own and tag is not None and not implicit:
            names = tuple(dict.fromkeys(tag.evidence or tag.related))
        return cls("by reference" if implicit else "by name", names, frozenset(_key(n) for n in names))


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """A word or name as lemmas, so that "S-400s" and "S-400", "winds" and "wind" are one."""
    return " ".join(lemma(t.norm) for t in tokens(word))


def _reason(topic: Topic, a: _Naming, b: _Naming, shared: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The words a link rests on and its reason: the words both use, then the topic's names both use (a topic
    a person wrote), and the name each gives the topic when those differ and neither is among the shared words;
    when they share nothing, the name each gives the topic."""
    words = shared
    if a.names and b.names:
        have = {_key(w) for w in shared}
        common = tuple(n for n in a.names if _key(n) in b.keys and _key(n) not in have)
        said = tuple(w for w in shared if not _proper(w))  # what is said, before who and when
        words = (said + common + shared[len(said):])[:SHARED_TERMS]
    if words:
        both = "both name it" if a.how == b.how == "by name" else f"one {a.how}, the other {b.how}"
        if a.names and b.names and not a.keys & b.keys and not {_key(w) for w in words} & (a.keys | b.keys):
            # neither name of the topic is among the words they share (which may be proper names): say both
            both = f"one names it “{a.names[0]}”, the other “{b.names[0]}”"
        return words, f"Both discuss {topic.label} ({both}); shared terms: {', '.join(words)}"
    if not (a.names and b.names):
        return (), f"Both discuss {topic.label}"
    return (a.names[0], b.names[0]), f"Both discuss {topic.label}; one names it “{a.names[0]}”, the other “{b.names[0]}”"
