"""Topics discovered from the articles themselves: the sub-topics that recur across outlets, with no config.

1. Candidate terms: lemmas and two-word phrases used in at least two articles, specific enough (not the
   story's own name, met in most passages; not a word every English text uses: `stats.specificity`).
2. Terms that discuss the same thing are used by the same passages: each term is the set of passages that
   use it (a passage also lends its terms, at half weight, to its neighbours in the article, since a
   subject runs over a few paragraphs), and terms are grouped by average-linkage agglomerative clustering on
   the cosine of those sets.
3. A group is a topic when the passages it tags come from at least two articles. A passage is tagged
   when the specific terms of a group it uses add up to enough; the tag's evidence is those words. The
   topic's vocabulary then grows from the passages so tagged (terms distinctive of them, in two articles:
   a group of terms is narrower than what its passages discuss), and a passage the first pass missed
   is tagged when two words of the grown vocabulary or more add up to enough (`_grown`).
4. A topic is named by its two or three most characteristic terms, ranked as BERTopic's c-TF-IDF ranks a
   cluster's words (frequent in the topic's passages, rare in the rest), a phrase preferred to the words in
   it; its id is made from those names, so the same topic found again gets the same id.

Everything is counted on at most `SAMPLE` passages (a fixed, content-chosen sample on a large corpus), so
finding topics costs the same at 5,000 articles as at 500; tagging is one pass over the passages.
"""

from __future__ import annotations

import calendar
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.pipeline.stats import COMMON_ZIPF, RARE_ZIPF, CorpusStats, PassageTerms
from models.text import fold

if TYPE_CHECKING:
    import numpy as np  # imported where used: the reader's start-up does not need it

    from models.document import Article

MAX_DF_SHARE = 0.2  # a term in more of the passages than this is the story itself, not a sub-topic
MIN_ARTICLES = 2  # a term, and a topic, must be met in this many articles
MIN_DF = 2  # ... and a term in this many passages
MAX_CANDIDATES = 300  # terms clustered, the most telling first
MIN_SPECIFICITY = 0.6
NAME_WEIGHT = 0.3  # a proper name (always capitalised) counts this much: topics are what is discussed
LINK_MIN = 0.25
CONTEXT_WEIGHT = 0.5  # how much a passage's terms count for its neighbours
ASSIGN_MIN = 0.3  # share of a topic's three strongest terms' weight a passage's terms must reach to be tagged
MAX_TOPICS = 10
COVERED_SHARE = 0.5  # a found topic whose passages are this much one configured topic's is that topic
TOPIC_TERMS = 8  # terms that define a topic found by clustering passages
MIN_PASSAGES = 3
SAMPLE = 4000
GROW_LIFT = 3.0  # a term this many times more common in a topic's passages than in the corpus joins it ...
GROW_MIN_SPEC = 0.5  # ... when it is this specific (stats.specificity, a name's discounted)
GROW_MIN = 1.0  # weight of topic terms a passage the first pass missed must reach ...
GROW_TERMS = 2  # ... in this many distinct words (one word is a coincidence, two a subject)
GROW_CAP = 1.0
MAX_GROWN = 15  # terms a topic grows at most
GROW_TOTAL = 0.3  # how sure such a tag is, on the first pass's scale (ASSIGN_MIN: 0.3)
NAMES = 3
ALIASES = 8  # defining phrases a suggested topic is written with (`topics suggest`)
ANY_ALIAS_ZIPF = COMMON_ZIPF - (COMMON_ZIPF - RARE_ZIPF) / 3  # ... unless no word of the topic is rarer: then this
ALIAS_MIN_RARITY = 0.7  # a single word commoner in English than this ("likely", "vessel", "sea") defines no topic


@dataclass(frozen=True, slots=True)
class DiscoveredTopic:
    """A topic found in the corpus: `terms` are what tags a passage with it (term, weight; the heaviest first, in
    the order tagging reads them), `names` how a person reads it (the corpus's own spelling of its most
    characteristic terms). `grown`: its vocabulary grown from the passages `terms` tagged (every term with its
    weight, `terms` included), and `grown_min` what a passage `terms` did not tag must
    weigh in it to be tagged (with GROW_TERMS distinct words), so that a relink tags as the full stage did."""

    id: str
    label: str
    names: tuple[str, ...]
    terms: tuple[tuple[str, float], ...]
    grown: tuple[tuple[str, float], ...] = ()
    grown_min: float = 0.0


@dataclass(frozen=True, slots=True)
class Assignment:
    """A discovered topic on one passage: how surely, and the passage's words that say so."""

    topic: str
    score: float
    terms: tuple[str, ...]


def discover(
    by_article: list[list[PassageTerms]], stats: CorpusStats, taken: set[str] | frozenset[str] = frozenset(),
    covered: list[list[tuple[str, ...]]] | None = None,
) -> tuple[list[DiscoveredTopic], list[list[list[Assignment]]]]:
    """The corpus's recurring topics, and for each article and passage the topics it is tagged with.
    `taken`: ids already used (configured topics), never given to a discovered one. `covered`: the configured
    topics each passage already has; a topic found mostly where one configured topic already is adds nothing
    and is not suggested."""
    import numpy as np  # only the corpus stage needs numpy; the reader's start-up does not

    flat = [(a, p, terms) for a, passages in enumerate(by_article) for p, terms in enumerate(passages)]
    if stats.articles < MIN_ARTICLES or not flat:
        return [], [[[] for _ in passages] for passages in by_article]
    max_df = max(3, int(MAX_DF_SHARE * stats.passages))
    scored: list[tuple[float, str]] = []
    for term, adf in stats.adf.items():
        if adf < MIN_ARTICLES or stats.df[term] > max_df or stats.df[term] < MIN_DF:
            continue
        value = stats.specificity(term) * (NAME_WEIGHT if stats.is_name(term) else 1.0)
        if value >= MIN_SPECIFICITY:
            scored.append((stats.df[term] * value, term))
    scored.sort(key=lambda x: (-x[0], x[1]))
    vocab = [t for _, t in scored[:MAX_CANDIDATES]]
    if not vocab:
        return [], [[[] for _ in passages] for passages in by_article]
    index = {t: i for i, t in enumerate(vocab)}

    # chosen by content, the same in every process (str hashes are salted per process)
    sample = flat if len(flat) <= SAMPLE else sorted(flat, key=lambda x: zlib.crc32(" ".join(x[2].lemmas).encode()))[:SAMPLE]
    sample.sort(key=lambda x: (x[0], x[1]))
    incidence = np.zeros((len(vocab), len(sample)), dtype=np.float32)
    position = {(a, p): k for k, (a, p, _) in enumerate(sample)}
    for k, (a, p, passage) in enumerate(sample):
        for term in passage.terms:
            i = index.get(term)
            if i is not None:
                incidence[i, k] = 1.0
    context = np.zeros_like(incidence)
    for k, (a, p, _) in enumerate(sample):
        for q in (p - 1, p + 1):
            other = position.get((a, q))
            if other is not None:
                context[:, k] = np.maximum(context[:, k], incidence[:, other])
    vectors = np.maximum(incidence, CONTEXT_WEIGHT * context)
    norms = np.sqrt((vectors * vectors).sum(axis=1))
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    sim = (unit @ unit.T).astype(np.float64)
    groups = _average_linkage(sim, LINK_MIN)

    spec = {t: stats.specificity(t) * (NAME_WEIGHT if stats.is_name(t) else 1.0) for t in vocab}
    topics: list[tuple[float, dict[str, float]]] = []
    for group in groups:
        members = [vocab[i] for i in group]
        mass = sum(stats.df[t] * spec[t] for t in members)
        topics.append((mass, {t: spec[t] for t in members}))
    topics.sort(key=lambda x: (-x[0], sorted(x[1])))

    # the terms a topic may grow: any specific enough and met in two articles, beyond the clustered ones
    wide = vocab + sorted(
        t for t, adf in stats.adf.items()
        if t not in index and adf >= MIN_ARTICLES and stats.df[t] >= MIN_DF and not stats.story_wide(t)
        and stats.specificity(t) * (NAME_WEIGHT if stats.is_name(t) else 1.0) >= GROW_MIN_SPEC
    )
    index = {t: i for i, t in enumerate(wide)}
    vocab = wide
    rows = _Rows.build(flat, index)
    found: list[DiscoveredTopic] = []
    tags: list[list[list[Assignment]]] = [[[] for _ in passages] for passages in by_article]
    used = set(taken)
    for _, weights in topics:
        if len(found) >= MAX_TOPICS:
            break
        terms = sorted(weights, key=lambda t: -weights[t])
        scale = sum(weights[t] for t in terms[:3])
        w = np.zeros(len(vocab))
        for t, value in weights.items():
            w[index[t]] = value
        first = np.nonzero(rows.totals(w) / scale >= ASSIGN_MIN - 1e-9)[0]
        grown, more, grown_min = _grown(rows, first, w, vocab, stats)
        hits: list[tuple[int, int, float, list[str]]] = []
        for k in first.tolist():
            matched = [vocab[i] for i in rows.terms(k) if w[i] > 0]
            hits.append((flat[k][0], flat[k][1], sum(weights[t] for t in matched) / scale, matched))
        for k in more.tolist():
            matched = [vocab[i] for i in rows.terms(k) if grown[i] > 0]
            hits.append((flat[k][0], flat[k][1], GROW_TOTAL, matched))
        if len({a for a, *_ in hits}) < MIN_ARTICLES or len(hits) < MIN_PASSAGES:
            continue
        if covered is not None:
            already = Counter(t for a, p, *_ in hits for t in covered[a][p])
            if already and already.most_common(1)[0][1] >= COVERED_SHARE * len(hits):
                continue
        tagged = np.concatenate([first, more])
        names = _names(terms, rows, tagged, index, stats)
        topic_id = _unique_id(_slug(names[:2]), used)
        label = ", ".join(_names(terms, rows, tagged, index, stats, spread=True))
        extra = tuple((vocab[i], float(grown[i])) for i in np.nonzero(grown)[0].tolist())
        found.append(DiscoveredTopic(topic_id, label, tuple(names), tuple((t, weights[t]) for t in terms),
                                     extra, grown_min))
        for a, p, total, matched in hits:
            score = round(min(1.0, 0.5 + 0.5 * total), 3)
            ranked = sorted(matched, key=lambda t: (-grown[index[t]], t))
            tags[a][p].append(Assignment(topic_id, score, tuple(stats.spelling(t) for t in ranked)))
    return found, tags


@dataclass(slots=True)
class _Rows:
    """Which candidate terms each passage of the corpus uses, as flat arrays (CSR): `indices[indptr[k]:
    indptr[k + 1]]` are passage k's, and `row[e]` is the passage of entry e. Built once: tagging a topic is
    then a weighted count over these arrays, not a pass over every passage's words."""

    indptr: np.ndarray  # int64
    indices: np.ndarray  # int64
    row: np.ndarray  # int64
    article: np.ndarray  # int64: each passage's article
    n: int

    @classmethod
    def build(cls, flat, index: dict[str, int]) -> _Rows:
        import numpy as np

        indices: list[int] = []
        counts: list[int] = []
        for _, _, pt in flat:
            own = [i for i in (index.get(t) for t in pt.terms) if i is not None]
            own.sort()
            indices.extend(own)
            counts.append(len(own))
        count_arr = np.asarray(counts, dtype=np.int64)
        indptr = np.concatenate([[0], np.cumsum(count_arr)]).astype(np.int64)
        row = np.repeat(np.arange(len(flat), dtype=np.int64), count_arr)
        article = np.asarray([a for a, _, _ in flat], dtype=np.int64)
        return cls(indptr, np.asarray(indices, dtype=np.int64), row, article, len(flat))

    def totals(self, weight):
        """Each passage's sum of `weight` (one value per candidate term) over the terms it uses."""
        import numpy as np

        return np.bincount(self.row, weights=weight[self.indices], minlength=self.n)

    def terms(self, k: int) -> list[int]:
        return self.indices[self.indptr[k] : self.indptr[k + 1]].tolist()


def _grown(rows: _Rows, first, weight, vocab: list[str], stats: CorpusStats):
    """A topic's vocabulary grown from the passages its terms tagged (`first`), and the passages it tags
    besides: (weight of every candidate term, old or grown; the passages). As a configured topic's
    vocabulary grows (models/pipeline/vocabulary.py), a candidate term joins when it is GROW_LIFT times more
    common in those passages than in the corpus and met there in two articles; at most MAX_GROWN join, the
    strongest first. A passage is tagged by GROW_TERMS distinct words of the topic weighing GROW_MIN
    together; at most as many passages as the terms tagged, the best first, so a topic never more than
    doubles. Also returned: the weight a passage had to reach (GROW_MIN, or more when that cap bound)."""
    import numpy as np

    grown = weight.copy()
    empty = np.zeros(0, dtype=np.int64)
    if len(first) == 0:
        return grown, empty, GROW_MIN
    seed = np.zeros(rows.n, dtype=bool)
    seed[first] = True
    entries = seed[rows.row]
    inside = np.bincount(rows.indices[entries], minlength=len(vocab))
    pairs = np.unique(rows.article[rows.row[entries]] * len(vocab) + rows.indices[entries])
    in_articles = np.bincount(pairs % len(vocab), minlength=len(vocab))
    df = np.asarray([stats.df[t] for t in vocab], dtype=np.float64)
    lift = (inside / (len(first) + 1)) / (df / stats.passages)
    candidates = np.nonzero((lift >= GROW_LIFT) & (in_articles >= MIN_ARTICLES) & (weight == 0))[0]
    values = sorted(
        ((float(stats.specificity(vocab[i]) * (NAME_WEIGHT if stats.is_name(vocab[i]) else 1.0)
                * min(1.0, lift[i] / (GROW_LIFT + 1))), int(i)) for i in candidates),
        key=lambda x: (-x[0], vocab[x[1]]),
    )
    for value, i in values[:MAX_GROWN]:
        if not stats.story_wide(vocab[i]):
            grown[i] = value
    totals = rows.totals(grown)
    totals[seed] = 0.0
    chosen = []
    ranked = np.argsort(-totals, kind="stable")
    cap = int(GROW_CAP * len(first))
    for k in ranked[:cap].tolist():
        if totals[k] < GROW_MIN - 1e-9:
            break
        words = {w for i in rows.terms(k) if grown[i] > 0 for w in vocab[i].split()}
        if len(words) >= GROW_TERMS:
            chosen.append(k)
    bar = GROW_MIN
    if 0 < cap < len(ranked) and totals[ranked[cap]] >= GROW_MIN - 1e-9:  # the cap bound: the last one in set it
        bar = max(GROW_MIN, float(totals[ranked[cap - 1]]))
    return grown, np.asarray(sorted(chosen), dtype=np.int64), bar


def _average_linkage(sim, threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage (Lance-Williams update), until no pair of groups is at
    least `threshold` similar. `sim` is a square similarity matrix (changed in place)."""
    import numpy as np

    n = sim.shape[0]
    np.fill_diagonal(sim, -np.inf)
    members: list[list[int] | None] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while True:
        flat = int(np.argmax(sim))
        i, j = divmod(flat, n)
        if not np.isfinite(sim[i, j]) or sim[i, j] < threshold:
            break
        a, b = members[i], members[j]
        assert a is not None and b is not None
        wa, wb = len(a), len(b)
        merged = (wa * sim[i] + wb * sim[j]) / (wa + wb)
        sim[i, :] = merged
        sim[:, i] = merged
        sim[i, i] = -np.inf
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        sim[i, ~alive] = -np.inf
        sim[~alive, i] = -np.inf
        members[i] = a + b
        members[j] = None
        alive[j] = False
    return [m for m in members if m is not None]


def _names(terms: list[str], rows: _Rows, members, index: dict[str, int], stats: CorpusStats,
           spread: bool = False) -> list[str]:
    """The topic's most characteristic terms (c-TF-IDF over its passages against the corpus), as the
    corpus writes them; a word inside a phrase already chosen is not chosen again. These are its names
    (the words its passages share by construction, which links do not count as shared content).
    `spread`: its label, which says what the topic's passages share, not what one article says: a term
    used in one of its articles alone (a lede's own words) is chosen only when no term spans two, a term
    counts by the share of the topic's articles that use it, and the story's own terms are left out."""
    import math

    import numpy as np

    inside_rows = np.zeros(rows.n, dtype=bool)
    inside_rows[members] = True
    entries = inside_rows[rows.row]
    counts = np.bincount(rows.indices[entries], minlength=len(index))
    used_by = None
    if spread:  # (the articles using each term: only the label asks, and np.unique is the costly part)
        pairs = np.unique(rows.article[rows.row[entries]] * len(index) + rows.indices[entries])
        used_by = np.bincount(pairs % len(index), minlength=len(index))
    articles = max(1, len(np.unique(rows.article[members])))
    size = len(members)
    ranked = []
    for term in terms:
        count = int(counts[index[term]])
        if stats.adf.get(term, 0) < MIN_ARTICLES or count < 2 or (spread and stats.story_wide(term)):
            continue
        # frequent in the topic, rare elsewhere (c-TF-IDF), and specific in English
        score = (count / size) * math.log(1 + size / stats.df[term]) * stats.rarity(term)
        score *= NAME_WEIGHT if stats.is_name(term) else 1.0
        score *= count / stats.df[term]
        across = int(used_by[index[term]]) if used_by is not None else articles
        ranked.append((across >= MIN_ARTICLES, score, term))
    ranked.sort(key=lambda x: (not x[0], -x[1], x[2]))
    chosen: list[str] = []
    for wide, score, term in ranked:
        if chosen and not wide:
            break
        words = set(term.split())
        clash = [c for c in chosen if words & set(c.split())]
        if clash:
            continue
        chosen.append(term)
        if len(chosen) == NAMES:
            break
    if not chosen:
        chosen = sorted(terms, key=lambda t: -stats.df[t])[:NAMES]
    return [stats.spelling(t) for t in chosen]


def topic_aliases(articles: Iterable[Article]) -> dict[str, list[str]]:
    """Each topic's defining phrases, as the articles write them, most used as tag evidence first (what
    `topics suggest` writes as a topic's aliases). An alias tags any passage that uses it, so it must say what
    the topic is about, here and in the next article:
    - a single word that English uses widely (rarity, on the background model's scale, under
      ALIAS_MIN_RARITY: "six", "likely", "vessel", "led", "sea") is left out; a phrase stays ("rescue effort");
    - a name, every word of it capitalised ("John Mauger", "Rear Admiral", "OceanGate"), is left out: it
      says who speaks or where, which recurs with whoever quotes them, not what is discussed;
    - a term that is evidence of several topics defines the one that uses it most, not the others."""
    from models import background

    counts: dict[str, Counter[str]] = {}
    for article in articles:
        for passage in article.passages:
            for tag in passage.topics:
                counts.setdefault(tag.topic, Counter()).update(tag.evidence)
    floor = COMMON_ZIPF - ALIAS_MIN_RARITY * (COMMON_ZIPF - RARE_ZIPF)
    owner: dict[str, tuple[int, str]] = {}
    for topic in sorted(counts):
        for word, n in counts[topic].items():
            key = fold(word)
            if key not in owner or n > owner[key][0]:
                owner[key] = (n, topic)

    def defining(word: str, topic: str, floor: float) -> bool:
        parts = [w for w in re.split(r"[\s-]+", word.strip()) if w]
        if not parts or all(w[:1].isupper() or w[:1].isdigit() for w in parts):
            return False
        if owner[fold(word)][1] != topic or any(fold(w) in _CALENDAR or w[:1].isdigit() for w in parts):
            return False
        return len(parts) > 1 or background.zipf(fold(word)) < floor

    found = {}
    for topic, c in counts.items():
        aliases = [w for w, _ in c.most_common() if defining(w, topic, floor)]
        if not aliases:  # nothing rare enough: the topic's least common words, rather than none
            aliases = [w for w, _ in c.most_common() if defining(w, topic, ANY_ALIAS_ZIPF)]
        found[topic] = aliases[:ALIASES]
    return found


_CALENDAR = frozenset(fold(w) for w in (*calendar.day_name, *calendar.month_name) if w)


def _slug(names: list[str]) -> str:
    text = fold("-".join(names))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-") or "topic"


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate
