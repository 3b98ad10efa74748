"""Relinking a corpus after a small change: only what the change touches.

A full corpus stage (models/pipeline/corpus.py) learns from the whole corpus: the terms' statistics, the
configured topics' grown vocabulary, the discovered topics, and the LinkSpace every link is computed in.
That is its `CorpusModel`, kept in the cache beside the result. When a corpus differs from one analysed
before by a few articles (changed, added or removed), `relink` keeps that model and that result and redoes
only the changed articles:

- their passages are tagged with the kept vocabulary and discovered topics (as the full stage tags them,
  a tag on one everyday word weighed against the whole corpus; a discovered topic by its own terms, then
  by the vocabulary discover grew for it, at the weight the full stage's last such passage reached);
- their passages are coded in the kept LinkSpace and compared with every passage of each topic they have
  (all of them, not a window: one row per changed passage);
- links between two unchanged articles are kept as they were; links to a removed or changed article go;
  new links are chosen as the full stage chooses (each passage's best in every other article, at most
  `links_max_per_passage`, hubs bounded), except that an unchanged passage's own choices are not redone:
  it takes a changed article's passage when that beats the weakest of the links it keeps (when it keeps
  `links_max_per_passage` or more), and a passage that lost a link to a changed article is not given
  another until the next full analysis.

When is the kept model good enough? A change of k articles of n moves each term's document frequency by
at most k articles and every idf by about k/n: at `MAX_DRIFT_SHARE` (2%) of the articles, the rank of a
term's specificity, the story's own words and the discovered topics barely move. So a corpus is relinked
alone while the articles changed since the model was learned (summed over successive relinks: `drift`) stay
within 2% of the corpus (none below 50 articles, where a full stage is fast anyway); beyond, the full stage
runs and learns anew. Links by content are redone over the whole kept LinkSpace (content_links.py).
With the model fixed, the result is the full stage's on the same model wherever the limits on a passage's
links do not bind (tests/models/test_relink.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from models.config import Config, Thresholds, Topic
from models.document import Article, Link, Passage, TopicInfo, TopicTag, article_of
from models.pipeline.context import in_context
from models.pipeline.corpus import CorpusAnalysis
from models.pipeline.corroborate import MIN_FIRM_ARTICLES, lone_common
from models.pipeline.carry import carried_links, is_carried
from models.pipeline.content_links import content_links, makes_links
from models.pipeline.discover import ASSIGN_MIN, GROW_TERMS, GROW_TOTAL, DiscoveredTopic
from models.pipeline.gcpause import gc_paused
from models.pipeline.links import (
    SIMILARITY_WEIGHT,
    LinkSpace,
    _cdist,
    _char,
    _choose,
    _group_positions,
    _Naming,
    _reason,
    similar_enough,
    topic_masks,
    together,
    topic_group,
)
from models.link_table import LinkEnds, LinkTable, make_links
from models.pipeline.model import Base, CorpusModel, allowed_drift, changed_articles, fingerprint
from models.pipeline.stats import CorpusStats, PassageTerms, passage_terms

def relink(
    base: Base, articles: list[Article], config: Config, *, workers: int = -1, max_drift: int | None = None,
) -> CorpusAnalysis | None:
    """The corpus stage's result for `articles`, the `base` kept and only the changed articles redone (see the
    module docstring); None when the change is too large for that (then the full stage must run).
    `max_drift`: articles that may have changed since the model was learned (default: `allowed_drift`)."""
    model = base.model
    th = config.thresholds
    changed, gone = changed_articles(model, articles)
    limit = allowed_drift(len(articles)) if max_drift is None else max_drift
    if model.drift + len(changed) + len(gone) > limit:
        return None
    with gc_paused():
        try:
            return _relink(base, articles, config, changed, gone, workers)
        except (KeyError, ValueError):  # the stored corpus does not fit these articles: analyse afresh
            return None


def _relink(
    base: Base, articles: list[Article], config: Config, changed: set[str], gone: set[str], workers: int,
) -> CorpusAnalysis:
    model = base.model
    th = config.thresholds
    # the changed articles' terms and tags, as the full stage gives them, from the kept model
    fresh = [a for a in articles if a.id in changed]
    terms = [[passage_terms(p.text) for p in a.passages] for a in fresh]
    spell = CorpusStats(spellings={t: Counter({s: 1}) for t, s in model.spelling.items()})
    weak = _weak(articles, fresh)
    tagged, _ = in_context(fresh, config.topics, terms, spell, vocabularies=list(model.vocabularies), weak=weak)
    tagged = [_with_discovered(a, pts, model.discovered, spell) for a, pts in zip(tagged, terms)]
    by_id = {a.id: a for a in tagged}
    out: list[Article] = []
    for article in articles:
        if article.id in by_id:
            out.append(by_id[article.id])
            continue
        passages = tuple(replace(p, topics=base.tags[p.id]) if p.id in base.tags else p for p in article.passages)
        out.append(replace(article, passages=passages))
    # the LinkSpace of the model: kept strings, the changed passages coded with the kept vocabulary
    strings = {a.id: coded(model, pts) for a, pts in zip(fresh, terms)}
    space = model_space(model, out, strings)
    dirty = [a.id in changed for a in out for _ in a.passages]
    # the links kept (none to a changed or removed article), and how strongly each unchanged passage is linked
    ends = base.ends
    source, target = np.asarray(ends.source, dtype=np.int64), np.asarray(ends.target, dtype=np.int64)
    redone = changed | gone
    touched = np.asarray([article_of(pid) in redone for pid in ends.ids], dtype=bool)
    keep = ~(touched[source] | touched[target]) if len(source) else np.zeros(0, dtype=bool)
    rows = np.flatnonzero(keep)
    # links a discovered topic's links lent to neighbouring paragraphs (carry.py) between two unchanged articles
    # are kept too: they follow from links and tags between those two articles alone, all kept as they were;
    # those touching a changed article are lent again below, from the links made there
    lent = _carried(ends, rows)
    known = {p.id for p in space.passages}
    used = np.zeros(len(ends.ids), dtype=bool)
    used[source[rows]] = True
    used[target[rows]] = True
    if not known.issuperset(ends.ids[k] for k in np.flatnonzero(used).tolist()):
        raise ValueError("a stored link to a passage the corpus does not have")
    bars = _bars(ends, rows[~lent], th.links_max_per_passage)
    discovered = {t.id for t in model.discovered}
    link_topic = np.asarray(ends.topic, dtype=np.int64)
    of_found = np.asarray([t in discovered for t in ends.topics], dtype=bool)[link_topic[rows]]
    of_configured = np.asarray([t is not None and t not in discovered for t in ends.topics], dtype=bool)[link_topic[rows]]
    rows_configured, rows_found = rows[of_configured], rows[of_found]  # the found with the lent, in their places
    mask = np.asarray(dirty, dtype=bool)
    configured = links_touching(space, mask, config.topics, th, bars, workers=workers)
    suggested = _as_topics(model.discovered, base.topics)
    found = links_touching(space, mask, suggested, th, bars, workers=workers, count_own=False,
                           min_similarity=th.discovered_link_min_similarity,
                           configured=frozenset(t.id for t in config.topics),
                           min_shared=th.discovered_link_min_shared)
    # the stored links are in order (each group of topics): the new ones are merged in, not all sorted again.
    # Links are handled as codes (`_order_of`): a kept one by its stored row, a new one by its place in `pool`;
    # the result is columns too (`_columns`), read as a LinkTable: no Link object is made for a kept link
    kept_in_order = _in_order(ends, rows_configured) and _in_order(ends, rows_found)
    pool: list[Link] = []
    key = _order_of(ends, pool)
    rows_plain = rows_found[~lent[of_found]]
    configured_new, found_new = configured, found
    configured_codes = _merged(rows_configured, configured_new, pool, key, kept_in_order)
    # links by content are redone over the whole space (as the full stage makes them, after the topics' links
    # and before the links lent: content_links.py), none where a topic links the pair already
    ids = frozenset(t.id for t in config.topics)
    taken = {(k.source, k.target) for k in configured_new + found_new}
    if makes_links(space, th, ids):
        # content_links makes links only where no configured topic tags a passage (its first test, before it
        # reads `taken`): only then are the 800,000 pairs the kept links join needed, as strings
        taken |= _pairs(ends, np.concatenate([rows_configured, rows_plain]))
    content = content_links(space, th, taken, workers=workers, configured=ids)
    of_content = np.asarray([t is None for t in ends.topics], dtype=bool)[link_topic[rows]]
    between = [c for c in content if article_of(c.source) not in redone and article_of(c.target) not in redone]
    if _same_links(between, _links_of(ends, rows[of_content], pool)):
        # links lent with an end in a changed article come of links with an end there: the new ones (`_carried`)
        touching = [c for c in content if article_of(c.source) in redone or article_of(c.target) in redone]
        lent_new = carried_links(space, found_new, configured_new + touching, suggested, ids, th.link_min_score)
        found_codes = _merged(rows_found, found_new, pool, key, kept_in_order)
        found_codes = _merged(found_codes, lent_new, pool, key, True)
    else:  # links by content between unchanged articles moved: every link lent is lent again
        plain_codes = _merged(rows_plain, found_new, pool, key, kept_in_order)
        lent_all = carried_links(space, _links_of(ends, plain_codes, pool),
                                 _links_of(ends, configured_codes, pool) + content, suggested, ids, th.link_min_score)
        found_codes = _merged(plain_codes, lent_all, pool, key, True)
    first = len(pool)
    pool.extend(content)
    codes = np.concatenate([configured_codes, found_codes, -1 - np.arange(first, len(pool), dtype=np.int64)])
    strings_all = {a.id: strings[a.id] if a.id in strings else model.strings[a.id] for a in out}
    new_model = replace(
        model, strings=strings_all, fingerprints={a.id: fingerprint(a) for a in articles},
        drift=model.drift + len(changed) + len(gone),
    )
    stored = _columns(ends, codes, pool)  # the result's links as columns: Links are made where they are read
    return CorpusAnalysis(tuple(out), base.topics, LinkTable(stored), new_model, stored)


def _columns(ends: LinkEnds, codes: np.ndarray, pool: list[Link]) -> LinkEnds:
    """The links `codes` (a stored row of `ends`, or -1 - k for `pool[k]`: `_order_of`) as columns, for the cache
    to store as they are: kept rows are copied from `ends` (800,000 links are not taken apart into tables
    again), new links' values looked up in (or added to) its tables; the tables are then pruned to what the
    links use (no passage of a changed or removed article stays in them)."""
    n = len(codes)
    old = codes >= 0
    at = codes[old]
    fresh = np.flatnonzero(~old).tolist()
    source, target = np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64)
    topic, reason, shared = np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64)
    score = np.empty(n, dtype=np.float64)
    for column, kept in ((source, ends.source), (target, ends.target), (topic, ends.topic), (reason, ends.reason),
                         (shared, ends.shared)):
        column[old] = np.asarray(kept, dtype=np.int64)[at]
    score[old] = np.asarray(ends.score, dtype=np.float64)[at]
    ids: dict[str, int] = {pid: k for k, pid in enumerate(ends.ids)}
    named = list(ends.topics[:-1] if ends.topics and ends.topics[-1] is None else ends.topics)
    topics: dict[str | None, int] = {t: k for k, t in enumerate(named)}
    topics[None] = -1
    reasons: dict[str, int] = {r: k for k, r in enumerate(ends.reasons)}
    terms: dict[tuple[str, ...], int] = {h: k for k, h in enumerate(ends.shared_terms)}
    for k in fresh:
        link = pool[-1 - int(codes[k])]
        source[k] = ids.setdefault(link.source, len(ids))
        target[k] = ids.setdefault(link.target, len(ids))
        topic[k] = topics[link.topic] if link.topic in topics else topics.setdefault(link.topic, len(topics) - 1)
        reason[k] = reasons.setdefault(link.reason, len(reasons))
        shared[k] = terms.setdefault(link.shared_terms, len(terms))
        score[k] = link.score
    id_table, source, target = _pruned(list(ids), source, target)
    reason_table, reason = _pruned(list(reasons), reason)
    terms_table, shared = _pruned(list(terms), shared)
    topic_names = tuple(t for t in topics if t is not None) + (None,)
    return LinkEnds(tuple(id_table), source.astype(np.int32), target.astype(np.int32), topic_names,
                    topic.astype(np.int32), score, tuple(reason_table), reason.astype(np.int32), tuple(terms_table),
                    shared.astype(np.int32))


def _pruned(table: list, *columns: np.ndarray) -> tuple:
    """`table` less the entries no column uses, and the columns renumbered to match (one pass, no sort)."""
    used = np.zeros(len(table), dtype=bool)
    for column in columns:
        used[column] = True
    if used.all():
        return (table, *columns)
    number = np.cumsum(used) - 1
    return ([table[k] for k in np.flatnonzero(used).tolist()], *(number[c] for c in columns))


def _links_of(ends: LinkEnds, codes: np.ndarray, pool: list[Link]) -> list[Link]:
    """The links `codes` (`_order_of`) as Link objects, in that order: the stored ones built from their columns in
    one pass, the new ones taken from `pool`."""
    codes = np.asarray(codes, dtype=np.int64)
    stored = codes >= 0
    rows = codes[stored]
    topics = ends.topics if ends.topics and ends.topics[-1] is None else ends.topics + (None,)  # -1: by content

    def values(table: tuple, column: Sequence[int] | np.ndarray) -> list:
        """The table's entries the column names, for `rows`: gathered in numpy (a Python lookup per link took
        a fifth of the time of building 860,000 links)."""
        return np.fromiter(table, dtype=object, count=len(table))[np.asarray(column, dtype=np.intp)[rows]].tolist()

    built = make_links(values(ends.ids, ends.source), values(ends.ids, ends.target), values(topics, ends.topic),
                       np.asarray(ends.score, dtype=np.float64)[rows].tolist(), values(ends.reasons, ends.reason),
                       values(ends.shared_terms, ends.shared))
    if len(rows) == len(codes):
        return built
    out: list[Link] = []
    at = 0
    for place in np.flatnonzero(~stored).tolist():
        took = place - len(out)  # stored links before this new one
        out.extend(built[at : at + took])
        at += took
        out.append(pool[-1 - int(codes[place])])
    out.extend(built[at:])
    return out


def _pairs(ends: LinkEnds, rows: np.ndarray) -> set[tuple[str, str]]:
    """The (source, target) ids of the stored links `rows`."""
    ids = ends.ids
    return set(zip(map(ids.__getitem__, np.asarray(ends.source)[rows].tolist()),
                   map(ids.__getitem__, np.asarray(ends.target)[rows].tolist())))


def _carried(ends: LinkEnds, rows: np.ndarray) -> np.ndarray:
    """Which of the links `rows` of `ends` carry.carried_links lent (by their reason, each distinct one read once).

    Why those between two unchanged articles are kept, not lent again: carried_links lends passage q (beside
    a, in a's article) a link to b when a-b is a discovered topic's link and q has no link into b's article;
    it keeps each q's best per article of b, and each pair once. With q and b in unchanged articles, every
    input of that choice (the a-b links, q's links into b's article, both passages' tags and words) is a link
    or tag between those two articles, which a relink keeps as it was; with q or b in a changed article, they
    are all links touching it, which a relink makes anew. So lending from the new links alone, beside the kept
    lent links, gives what lending from all of them gives (tests/models/test_relink.py)."""
    if not len(rows):
        return np.zeros(0, dtype=bool)
    if len(ends.reason) != len(ends.source):
        raise ValueError("stored links without their reasons")
    lent = np.asarray([is_carried(Link("", "", None, 0.0, r)) for r in ends.reasons], dtype=bool)
    return lent[np.asarray(ends.reason, dtype=np.int64)[rows]]


def _same_links(new: list[Link], old: list[Link]) -> bool:
    """Whether two lists hold the same links (in any order)."""
    def key(link: Link) -> tuple:
        return (link.source, link.target, link.topic, link.score, link.reason, link.shared_terms)

    return len(new) == len(old) and sorted(map(key, new)) == sorted(map(key, old))


def _weak(articles: list[Article], fresh: list[Article]) -> set[tuple[int, int, str]]:
    """corroborate.weak_tags over the whole corpus, for the `fresh` articles (indexed as in `fresh`): a tag
    on one everyday word is weak when its topic has firm tags in MIN_FIRM_ARTICLES articles of the corpus.
    `lone_common` is asked once per distinct evidence."""
    lone: dict[tuple[bool, tuple[str, ...]], bool] = {}
    firm: dict[str, set[str]] = {}
    for article in articles:
        for passage in article.passages:
            for tag in passage.topics:
                key = (tag.implicit, tag.evidence)
                if key not in lone:
                    lone[key] = lone_common(tag)
                if not lone[key] and not tag.implicit:
                    firm.setdefault(tag.topic, set()).add(article.id)
    return {(a, p, tag.topic) for a, article in enumerate(fresh) for p, passage in enumerate(article.passages)
            for tag in passage.topics if lone.get((tag.implicit, tag.evidence)) and not tag.implicit
            and len(firm.get(tag.topic, ())) >= MIN_FIRM_ARTICLES}


def coded(model: CorpusModel, terms: list[PassageTerms]) -> tuple[str, ...]:
    """Passages' LinkSpace strings in the model's vocabulary (as LinkSpace.build codes them)."""
    code = {t: _char(k) for k, t in enumerate(model.vocab)}
    return tuple("".join(sorted({code[t] for t in pt.lemmas if t in code})) for pt in terms)


def model_space(model: CorpusModel, articles: list[Article], strings: dict[str, tuple[str, ...]]) -> LinkSpace:
    """The LinkSpace of `articles` in the model's vocabulary: each article's strings from `strings`, else the
    model's own."""
    nodes: list[Passage] = []
    arts: list[int] = []
    flat: list[str] = []
    for ai, article in enumerate(articles):
        own = strings[article.id] if article.id in strings else model.strings[article.id]
        if len(own) != len(article.passages):
            raise ValueError(f"the model has {len(own)} passages of {article.id}, not {len(article.passages)}")
        nodes.extend(article.passages)
        arts.extend([ai] * len(own))
        flat.extend(own)
    code = {t: _char(k) for k, t in enumerate(model.vocab)}
    return LinkSpace(nodes, np.asarray(arts, dtype=np.int64), flat, code, list(model.spelled))


def _order(link: Link) -> tuple[str, float, str, str]:
    return (link.topic or "", -link.score, link.source, link.target)


def _order_of(ends: LinkEnds, pool: list[Link]) -> Callable[[int], tuple[str, float, str, str]]:
    """`_order` of a link given by its code: a stored row of `ends` (code >= 0), or `pool[-1 - code]`."""
    ids, topics, source, target, topic, score = ends.ids, ends.topics, ends.source, ends.target, ends.topic, ends.score
    if topics and topics[-1] is not None:
        topics = topics + (None,)

    def key(code: int) -> tuple[str, float, str, str]:
        if code < 0:
            return _order(pool[-1 - code])
        return (topics[topic[code]] or "", -float(score[code]), ids[source[code]], ids[target[code]])

    return key


def _merged(kept: np.ndarray, new: list[Link], pool: list[Link], key: Callable[[int], tuple], kept_in_order: bool,
            ) -> np.ndarray:
    """The codes (`_order_of`) of the links `kept` (codes) and `new` (added to `pool` here), sorted by `_order`
    (stable: a kept link before a new one of the same key), as links.topic_links orders a topic's links; when
    `kept` is in that order already, the few new links are put in their places (a binary search each) instead
    of sorting 800,000 links again."""
    first = len(pool)
    pool.extend(new)
    codes = [-1 - k for k in range(first, len(pool))]
    kept = np.asarray(kept, dtype=np.int64)
    if not kept_in_order:
        return np.asarray(sorted(kept.tolist() + codes, key=key), dtype=np.int64)
    pieces: list[np.ndarray] = []
    at = 0
    for code in sorted(codes, key=key):
        place = bisect_right(kept, key(code), lo=at, key=key)
        pieces += [kept[at:place], np.asarray([code], dtype=np.int64)]
        at = place
    pieces.append(kept[at:])
    return np.concatenate(pieces)


def _in_order(ends: LinkEnds, rows: np.ndarray) -> bool:
    """Whether the links `rows` of `ends` are sorted by `_order` (as a corpus stage stores each group of topics,
    the full one and relink alike): checked on numbers, each passage id and topic by its rank."""
    if len(rows) < 2:
        return True
    ids = sorted(range(len(ends.ids)), key=ends.ids.__getitem__)
    rank = np.empty(len(ids), dtype=np.int64)
    rank[ids] = np.arange(len(ids))
    names = [t or "" for t in ends.topics]
    topic_rank = np.empty(len(names), dtype=np.int64)
    topic_rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    keys = (topic_rank[np.asarray(ends.topic)[rows]], -np.asarray(ends.score, dtype=np.float64)[rows],
            rank[np.asarray(ends.source)[rows]], rank[np.asarray(ends.target)[rows]])
    before = np.zeros(len(rows) - 1, dtype=bool)  # row k strictly before row k + 1 by a key looked at so far
    same = np.ones(len(rows) - 1, dtype=bool)
    for key in keys:
        before |= same & (key[:-1] < key[1:])
        same &= key[:-1] == key[1:]
    return bool((before | same).all())


def _as_topics(found: tuple[DiscoveredTopic, ...], infos: tuple[TopicInfo, ...]) -> tuple[Topic, ...]:
    """The discovered topics in the shape linking reads (as corpus.as_config_topic makes them)."""
    colour = {i.id: i.colour for i in infos}
    return tuple(Topic(t.id, t.label, colour.get(t.id, ""), t.names) for t in found)


def _with_discovered(
    article: Article, terms: list[PassageTerms], found: tuple[DiscoveredTopic, ...], stats: CorpusStats
) -> Article:
    """`article` with the discovered topics its passages use enough of (as discover.discover assigns them)."""
    if not found:
        return article
    ranked = [(t, sum(w for _, w in t.terms[:3])) for t in found]
    passages = []
    for passage, pt in zip(article.passages, terms):
        own = pt.terms
        extra = []
        for topic, scale in ranked:
            matched = [(t, w) for t, w in topic.terms if t in own]
            total = sum(w for _, w in matched) / scale
            if total >= ASSIGN_MIN - 1e-9:
                words = tuple(stats.spelling(t) for t, _ in sorted(matched, key=lambda tw: (-tw[1], tw[0])))
                extra.append(TopicTag(topic.id, round(min(1.0, 0.5 + 0.5 * total), 3), False, words))
                continue
            grown = [(t, w) for t, w in topic.grown if t in own]
            if (grown and sum(w for _, w in grown) >= topic.grown_min - 1e-9
                    and len({x for t, _ in grown for x in t.split()}) >= GROW_TERMS):
                words = tuple(stats.spelling(t) for t, _ in sorted(grown, key=lambda tw: (-tw[1], tw[0])))
                extra.append(TopicTag(topic.id, round(min(1.0, 0.5 + 0.5 * GROW_TOTAL), 3), False, words))
        passages.append(replace(passage, topics=passage.topics + tuple(extra)) if extra else passage)
    return replace(article, passages=tuple(passages))


def links_touching(
    space: LinkSpace, dirty: np.ndarray, topics: tuple[Topic, ...], thresholds: Thresholds,
    bars: _Bars, *, workers: int = -1, count_own: bool = True,
    min_similarity: float | None = None, configured: frozenset[str] = frozenset(), min_shared: int = 0,
) -> list[Link]:
    """The links of `topics` with an end in a `dirty` passage of `space`, chosen as links.topic_links chooses
    (an unchanged passage takes a dirty one only when it beats the weakest of the links it keeps: `bars`,
    (passage id, topic) -> that score, for those that keep links_max_per_passage or more; see the module
    docstring)."""
    if min_similarity is None:
        min_similarity = thresholds.link_min_similarity
    members: dict[str, tuple[list[int], list[float], list[bool]]] = {t.id: ([], [], []) for t in topics}
    for k, passage in enumerate(space.passages):  # one pass: each topic's passages, as passage.tag finds them
        for tag in passage.topics:
            entry = members.get(tag.topic)
            if entry is not None and (not entry[0] or entry[0][-1] != k):
                entry[0].append(k)
                entry[1].append(tag.score)
                entry[2].append(count_own and not tag.implicit)
    prepared = []
    masks = topic_masks(space, configured) if configured and topics else None
    found = topic_masks(space, frozenset(t.id for t in topics)) if min_shared > 0 and not count_own else None
    for topic in topics:
        nodes, tags, named = members[topic.id]
        node_arr = np.asarray(nodes, dtype=np.int64)
        if not nodes or not dirty[node_arr].any():
            continue
        arts = space.article[node_arr]
        if len(set(arts.tolist())) < 2:
            continue
        group, strings, ids = topic_group(space, topic, node_arr, arts, tags, named, count_own)
        ndirty = dirty[node_arr]
        rows = np.nonzero(ndirty)[0]
        sim = _cdist([group.strings[r] for r in rows], group.strings, workers)
        empty = np.asarray([not s for s in group.strings])
        sim[:, empty] = 0.0
        sim[empty[rows], :] = 0.0
        r, c = np.nonzero(group.article[rows][:, None] != group.article[None, :])
        i, j, s = rows[r], c, sim[r, c].astype(np.float64)
        back = ~ndirty[j]  # an unchanged passage's side of the pair (dirty pairs are rows both ways)
        pi = np.concatenate([i, j[back]])
        pj = np.concatenate([j, i[back]])
        psim = np.concatenate([s, s[back]])
        shares = similar_enough(group, pi, pj, psim, min_similarity, min_shared,
                                None if found is None else found[node_arr])
        keep = shares | (group.named[pi] & group.named[pj])
        if masks is not None:
            keep &= together(masks[node_arr[pi]], masks[node_arr[pj]])
        prepared.append((topic, nodes, strings, ids, group, ndirty, pi, pj, psim, keep))
    links: list[Link] = []
    for topic, nodes, strings, ids, group, ndirty, pi, pj, psim, keep in prepared:
        rank = SIMILARITY_WEIGHT * psim + (1 - SIMILARITY_WEIGHT) * np.sqrt(group.tag[pi] * group.tag[pj])
        bar = bars.of(ids, topic.id)
        keep = keep & (ndirty[pi] | (rank >= bar[pi] - 5e-4))
        for a_i, b_j, value in _choose(group, pi[keep], pj[keep], psim[keep], thresholds):
            score = round(value, 3)
            if score < thresholds.link_min_score:
                continue
            a, b = space.passages[nodes[a_i]], space.passages[nodes[b_j]]
            if b.id < a.id:
                a, b, a_i, b_j = b, a, b_j, a_i
            shared = space.words(set(strings[a_i]).intersection(strings[b_j]), telling=True)
            shared, reason = _reason(topic, _Naming.of(a, topic, count_own), _Naming.of(b, topic, count_own), shared)
            links.append(Link(a.id, b.id, topic.id, score, reason, shared))
    return links


class _Bars:
    """For each passage and topic in which it keeps at least `most` of the links `rows` (of `ends`): the score
    of its `most`-th best, which a new link must beat; -1 where it keeps fewer. Worked out a topic at a time,
    for the topics a change touches when a relink asks (`of`): sorting all 1.7 million link ends of 5,000
    articles, and keeping the answers as a dict keyed by (passage id, topic), took 0.3 s."""

    def __init__(self, ends: LinkEnds, rows: np.ndarray, most: int) -> None:
        self.ends, self.rows, self.most = ends, rows, most
        self.topic = np.asarray(ends.topic, dtype=np.int64)[rows]
        self._by_topic: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # topic -> (passages, sorted; their bars)
        self._at: dict[str, int] | None = None  # passage id -> its index into ends.ids

    def _of_topic(self, topic: int) -> tuple[np.ndarray, np.ndarray]:
        found = self._by_topic.get(topic)
        if found is None:
            ends, mine = self.ends, self.rows[self.topic == topic]
            source, target = np.asarray(ends.source)[mine], np.asarray(ends.target)[mine]
            score = np.asarray(ends.score, dtype=np.float64)[mine]
            end, val = np.concatenate([source, target]).astype(np.int64), np.concatenate([score, score])
            order = np.lexsort((-val, end))
            end, val = end[order], val[order]
            starts = np.ones(len(end), dtype=bool)
            starts[1:] = end[1:] != end[:-1]
            at = _group_positions(starts) == self.most - 1
            found = self._by_topic[topic] = (end[at], val[at])
        return found

    def of(self, ids: Sequence[str], topic: str | None) -> np.ndarray:
        """The bars of the passages `ids` in `topic` (-1.0 where there is none)."""
        topics = self.ends.topics
        if self.most < 1 or not len(self.rows) or topic not in topics:
            return np.full(len(ids), -1.0)
        ends, bars = self._of_topic(-1 if topic is None else topics.index(topic))
        if not len(ends):
            return np.full(len(ids), -1.0)
        if self._at is None:
            self._at = {pid: k for k, pid in enumerate(self.ends.ids)}
        at = self._at
        rows = np.asarray([at.get(pid, -1) for pid in ids], dtype=np.int64)
        place = np.minimum(np.searchsorted(ends, rows), len(ends) - 1)
        return np.where((rows >= 0) & (ends[place] == rows), bars[place], -1.0)


def _bars(ends: LinkEnds, rows: np.ndarray, most: int) -> _Bars:
    """For each passage and topic in which it keeps at least `most` of the links `rows` (of `ends`): the
    score of its `most`-th best (a new link must beat it), as `_Bars.of` reads them."""
    return _Bars(ends, np.asarray(rows, dtype=np.int64), most)
