"""Framing: the words each article uses on a topic far more than the other articles do.

Two outlets covering the same topic choose different words ("the deal" against "the purchase", "military
diplomacy" against "security deficit"); those choices are the framing a reader wants to see. For one topic,
every article's passages tagged with the topic are compared with the other articles' passages on the same
topic using the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn,
2008, "Fightin' Words"), with the whole corpus (every passage of every article) as the prior. The prior is
what keeps small corpora, the normal case here (two to ten articles), stable: a word an article happens to
use once gets a z-score near zero instead of an infinite log-odds, so the ranking reflects what an article
repeats, not what it mentions in passing.

Terms are unigrams and two-word phrases of content words (the shared tokenizer of `models.text`: folded,
lightly stemmed, stop words out); a phrase never spans punctuation. Words of general purpose ("take",
"already", "part", "regarding", "Wednesday": `models.insight.function_words`) count as words but are never listed,
nor is a phrase made of them only ("take part"); a phrase with a content word ("take office") is. The
topic's own aliases are left out too (everyone writing about the S-400 says "S-400"). Each term is shown as
written, in the spelling most of the passages it occurs in use.

A term nearly every article of the corpus uses (`STORY_WIDE_SHARE` of them, when there are at least
`STORY_WIDE_MIN_ARTICLES`: "Suez Canal" in a story of the ship that blocked it) is the story's own and is never
called distinctive of one article, however often that article repeats it, nor is a phrase of such terms only
("container ship"); it may still be common ground.

Short articles (a few hundred words, the normal news item) often say too little on one topic for its framing
to mean anything (fewer than `min_tokens` content words), or nothing on it stands out. Such an article is then
compared as a whole with the rest of the corpus (`ArticleFraming.whole_article`), so the reader still learns
which words set it apart, with a note that these are the article's words overall, not on the topic.

The common ground is the terms every article with enough text uses on the topic that are typical of the
topic, that is more frequent on it than in the rest of the corpus (z > 0, `MIN_COMMON_Z`); a word everyone
uses everywhere ("Turkey" in a corpus about Turkey) is shared but not common ground.

`PerspectiveIndex` keeps what it has tokenised: a topic's passages are counted the first time a topic asks
for them, and the prior (the word rates of the whole corpus) once. On a large corpus the prior is estimated
from an even sample of its passages (every passage below `PRIOR_SAMPLE_CHARS` of text), which keeps the
first view of a topic on a 1,000-article corpus well under a second; a term's corpus count is never taken
lower than its count on the topic itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Protocol, TypedDict

if TYPE_CHECKING:
    from typing_extensions import Unpack

from models.document import Corpus, Passage
from models.insight.session import session
from models.insight.function_words import FRAMING_STOPWORDS
from models.text import STOPWORDS, stem, tokens

DEFAULT_MIN_TOKENS = 40  # content words an article needs on a topic before its framing means anything
DEFAULT_TOP = 10  # terms listed per article (and for the common ground)
# z-score a term needs to be called distinctive. With two to ten articles even a word one article uses five
# times and the others never rarely reaches the 1.96 of a significance test (the prior is built to be that
# cautious), so the default asks for one standard deviation; raise it for large corpora.
DEFAULT_MIN_Z = 1.0
DEFAULT_MIN_COUNT = 2  # a word used once is not a choice of words
# Two-word phrases that overlap ("Francis Scott", "Scott Key") are joined into the name they are pieces of
# when the longer run accounts for this share of each piece's uses; JOIN_SPARE more terms than shown are
# ranked so that joining two into one does not leave the list short.
JOIN_SHARE = 0.8
JOIN_SPARE = 4
# z-score (topic against the rest of the corpus) a shared term needs to be common ground: above zero, the
# topic uses it more than the rest of the corpus does; 0.05 is the least that shows as 0.1, not 0.0.
MIN_COMMON_Z = 0.05
# Prior strength alpha0, in pseudo-words. Monroe et al. scale the whole-corpus word distribution to a prior
# of a chosen size; 500 is about one or two articles' worth of text: strong enough to damp words an article
# uses once or twice when only two to ten articles are compared, small next to a topic's text in a large
# corpus, so real differences still come through there. A corpus smaller than this uses its own size (a
# prior cannot know more than the text it came from).
DEFAULT_PRIOR = 500.0

# A term used by at least this share of the articles (and by at least STORY_WIDE_MIN_ARTICLES of them) is the
# story's own: never distinctive of one article. With fewer articles no term is (two articles sharing a word
# is no story).
STORY_WIDE_SHARE = 0.8
STORY_WIDE_MIN_ARTICLES = 3

PRIOR_SAMPLE_CHARS = 600_000  # text read for the prior (about 100,000 words); a smaller corpus is read whole

_GAP = re.compile(r"\s+|\s*[-\u2010\u2011]\s*")  # what may stand between the two words of a phrase


class _TopicLike(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class Term:
    """A word or two-word phrase, as shown to the reader.

    `text` is its spelling in most of the passages listed and `key` its folded, stemmed form (stable across
    spellings, for exports). `z` is the log-odds z-score (for an article: this article against the others on
    the topic; for the common ground: the topic against the rest of the corpus). `count` is how often the
    article (common ground: all articles) uses it on the topic, `others` how often the other articles do
    (common ground: the rest of the corpus), `passage_ids` where it occurs, in reading order.
    """

    text: str
    key: str
    z: float
    count: int
    others: int
    passage_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleFraming:
    """One article's distinctive terms on one topic.

    `token_count` is the article's content words on the topic and `others_token_count` the other articles'
    (what it was compared with). `enough_text` is False when the article has fewer than `min_tokens`
    content words on the topic: so little text cannot say which words the article prefers on it.
    `passage_ids` are the article's passages on the topic.

    `whole_article` is True when `terms` are not the article's words on the topic but its words overall,
    the whole article against every other article (term counts likewise): used when it has too little text
    on the topic or no word on it stands out, and the whole article has `min_tokens` content words
    (`article_token_count`). Otherwise an article with too little text on the topic has no terms.
    """

    article_id: str
    token_count: int
    others_token_count: int
    enough_text: bool
    terms: tuple[Term, ...]
    passage_ids: tuple[str, ...]
    whole_article: bool = False
    article_token_count: int = 0


@dataclass(frozen=True, slots=True)
class TopicFraming:
    """The framing of one topic: each article that discusses it, and the terms they all share.

    `articles` follow corpus order and hold only articles with at least one passage on the topic. `shared`
    (the common ground) are terms used on the topic by every article in `shared_among` (the articles with
    enough text; none when fewer than two) that are typical of the topic (z > 0 against the rest of the
    corpus), most characteristic first. `shared_untypical` counts the terms they all use that are not (so a
    reader can be told that the articles share words, only none typical of the topic).
    """

    topic_id: str
    articles: tuple[ArticleFraming, ...]
    shared: tuple[Term, ...]
    shared_among: tuple[str, ...]
    min_tokens: int
    prior: float
    shared_untypical: int = 0

    def article(self, article_id: str) -> ArticleFraming | None:
        """The framing of `article_id`, or None when it says nothing on the topic."""
        for framing in self.articles:
            if framing.article_id == article_id:
                return framing
        return None


def log_odds_z(y_i: float, n_i: float, y_j: float, n_j: float, alpha_w: float, alpha0: float) -> float:
    """Monroe et al.'s z-score of a term used `y_i` times in `n_i` words against `y_j` in `n_j`.

    delta = log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a0 - y_j - a_w)),
    var = 1 / (y_i + a_w) + 1 / (y_j + a_w), z = delta / sqrt(var). Positive: side i uses it more.
    """
    odds_i = (y_i + alpha_w) / (n_i + alpha0 - y_i - alpha_w)
    odds_j = (y_j + alpha_w) / (n_j + alpha0 - y_j - alpha_w)
    delta = math.log(odds_i) - math.log(odds_j)
    return delta / math.sqrt(1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w))


def passage_terms(text: str) -> tuple[list[tuple[str, str]], int]:
    """The terms of a text as (key, spelling) pairs in order, and its number of content words.

    Content words are those that are not stop words (an acronym in capitals such as "US" is one) nor
    numbers. Keys are stemmed folded content words and two-word phrases of them ("second batch"). A phrase is two
    content words with only a space or a hyphen between them, so it never spans punctuation or a stop word,
    and it does not start inside a hyphenated compound ("Syrian-based Kurdish" gives "Syrian-based" only).
    A word's spelling drops a possessive ending ("Turkey's" -> "Turkey"); a phrase's is the text as written.
    """
    out: list[tuple[str, str]] = []
    words = 0
    prev_key = ""
    prev_start = prev_end = -1
    prev_compound = False
    stop = STOPWORDS
    for tok in tokens(text):
        norm, raw = tok.norm, tok.raw
        if len(norm) < 2 or norm.isdigit() or (norm in stop and not (raw.isupper() and raw.isalpha())):
            prev_end = -1
            continue
        if "'" in norm and raw.endswith(("'s", "’s")) and len(raw) > 3:
            raw = raw[:-2]
        key = stem(norm) if norm not in stop else norm
        words += 1
        out.append((key, raw))
        compound = False
        if prev_end >= 0:
            gap = text[prev_end:tok.start]
            spaced = gap == " "
            if spaced or _GAP.fullmatch(gap):
                spaced = spaced or gap.isspace()
                if not (spaced and prev_compound):
                    out.append((f"{prev_key} {key}", text[prev_start:tok.end]))
                    compound = not spaced
        prev_key, prev_start, prev_end, prev_compound = key, tok.start, tok.end, compound
    return out, words


def _excluded(topic: _TopicLike | None) -> tuple[frozenset[str], frozenset[str]]:
    """The topic's own names: single words (no term may contain one) and multi-word phrases' sub-phrases."""
    if topic is None:
        return frozenset(), frozenset()
    words: set[str] = set()
    phrases: set[str] = set()
    for alias in topic.aliases:
        stems = [stem(t.norm) for t in tokens(alias) if t.norm not in STOPWORDS]
        if len(stems) == 1:
            words.add(stems[0])
        for i in range(len(stems) - 1):
            phrases.add(f"{stems[i]} {stems[i + 1]}")
    return frozenset(words), frozenset(phrases)


@dataclass(frozen=True, slots=True)
class _Counted:
    """One passage counted: its term keys in order (repeated as often as used), each key's first spelling
    in the passage, and its number of content words."""

    keys: list[str]
    spelling: dict[str, str]
    words: int


@dataclass(frozen=True, slots=True)
class _Prior:
    """The corpus's term counts (estimated when sampled) and their total."""

    counts: dict[str, float]
    total: float
    story_wide: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Whole:
    """One article counted whole: its term counts and content words."""

    counts: Counter[str]
    words: int


class PerspectiveIndex:
    """Framing queries over one corpus; get one with `PerspectiveIndex.of(corpus, topics)`.

    `topics` are the configured topics (`config.topics`: anything with `id` and `aliases`), used to leave
    each topic's own names out of its terms. Queries never change the results of later queries; the index
    only remembers the passages it has already counted.
    """

    def __init__(self, corpus: Corpus, topics: Iterable[_TopicLike] = (), *,
                 sample_chars: int = PRIOR_SAMPLE_CHARS) -> None:
        self.corpus = corpus
        self._topics = {t.id: t for t in topics}
        self._sample_chars = sample_chars
        self._counted: dict[str, _Counted] = {}
        self._prior_cache: _Prior | None = None
        self._wholes: dict[str, _Whole] = {}
        self._whole_terms: dict[tuple, tuple[Term, ...]] = {}
        self._results: dict[tuple, TopicFraming] = {}

    @classmethod
    def of(cls, corpus: Corpus, topics: Iterable[_TopicLike] = ()) -> PerspectiveIndex:
        """The index `corpus` owns for these topics (see `models.insight.session`), made on first use and kept
        (with what it has counted) while the corpus lives. Counting publishes only finished entries, so the
        index may be read from the views' preparing thread and the interface thread at once."""
        topics = tuple(topics)
        signature = tuple(f"{t.id}={'|'.join(t.aliases)}" for t in topics)
        return session(corpus).index((cls, signature), lambda: cls(corpus, topics))

    def prepare(self) -> None:
        """Count every passage and the prior now (e.g. in a background worker right after loading), so that
        each later topic query only adds up counts."""
        self._prior()
        for article in self.corpus.articles:
            for passage in article.passages:
                if passage.topics:
                    self._count(passage)

    # -- counting ---------------------------------------------------------------------------------------

    def _count(self, passage: Passage) -> _Counted:
        """A passage's term counts, spellings and content-word count, counted once."""
        hit = self._counted.get(passage.id)
        if hit is None:
            terms, words = passage_terms(passage.text)
            keys = [key for key, _ in terms]
            hit = self._counted[passage.id] = _Counted(keys, dict(reversed(terms)), words)
        return hit

    def _prior(self) -> _Prior:
        """Whole-corpus term counts: exact for a corpus up to `sample_chars` of text, else from an even sample;
        and the story's own terms (those STORY_WIDE_SHARE of the articles use, by the same sample)."""
        if self._prior_cache is None:
            passages = [(n, p) for n, a in enumerate(self.corpus.articles) for p in a.passages]
            size = sum(len(p.text) for _, p in passages)
            stride = max(1, -(-size // self._sample_chars)) if self._sample_chars > 0 else 1
            sample = passages[::stride]
            read = sum(len(p.text) for _, p in sample)
            counts: Counter[str] = Counter()
            per_article: dict[int, set[str]] = {}
            for n, passage in sample:
                keys = self._count(passage).keys
                counts.update(keys)
                per_article.setdefault(n, set()).update(keys)
            factor = size / read if read else 1.0
            scaled: dict[str, float] = {k: v * factor for k, v in counts.items()} if factor != 1.0 else dict(counts)
            self._prior_cache = _Prior(scaled, sum(counts.values()) * factor, _story_wide(per_article.values()))
        return self._prior_cache

    def _whole(self, article_id: str) -> _Whole:
        """An article's term counts over all its passages, counted once."""
        hit = self._wholes.get(article_id)
        if hit is None:
            counted = [self._count(p) for p in self.corpus.articles_by_id[article_id].passages]
            hit = self._wholes[article_id] = _Whole(Counter(chain.from_iterable(c.keys for c in counted)),
                                                    sum(c.words for c in counted))
        return hit

    def article_terms(self, article_id: str, *, top: int = DEFAULT_TOP, min_z: float = DEFAULT_MIN_Z,
                      min_count: int = DEFAULT_MIN_COUNT, prior: float = DEFAULT_PRIOR) -> tuple[Term, ...]:
        """The words that set `article_id` apart as a whole: its terms against every other article's (the
        corpus's counts less its own), with the corpus as the prior; the story's own terms and words of
        general purpose left out. `others` is the rest of the corpus's count (estimated when sampled)."""
        options = (article_id, top, min_z, min_count, prior)
        kept = self._whole_terms.get(options)
        if kept is not None:
            return kept
        base = self._prior()
        whole = self._whole(article_id)
        n_i = sum(whole.counts.values())
        corpus_total = max(base.total, float(n_i))
        n_j = max(0.0, corpus_total - n_i)
        alpha0 = min(float(prior), corpus_total) if corpus_total else float(prior)
        scale = alpha0 / corpus_total if corpus_total else 0.0
        keep = _Filter(frozenset(), frozenset(), base.story_wide)
        scored = []
        for key, y_i in whole.counts.items():
            if y_i < min_count or not keep(key):
                continue
            y_j = max(0.0, base.counts.get(key, 0.0) - y_i)
            z = log_odds_z(y_i, n_i, y_j, n_j, scale * max(base.counts.get(key, 0.0), y_i), alpha0)
            if z >= min_z:
                scored.append((-z, key, y_i, round(y_j)))
        kept = self._whole_terms[options] = self._terms(scored, self.corpus.articles_by_id[article_id].passages, top)
        return kept

    def _spelling(self, key: str, passages: Sequence[Passage]) -> str:
        """The spelling of `key` in most of `passages` (ties: alphabetical)."""
        seen = Counter(self._count(p).spelling[key] for p in passages)
        return min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0] if seen else key

    # -- queries ----------------------------------------------------------------------------------------

    def framing(self, topic_id: str, *, min_tokens: int = DEFAULT_MIN_TOKENS, top: int = DEFAULT_TOP,
                min_z: float = DEFAULT_MIN_Z, min_count: int = DEFAULT_MIN_COUNT,
                prior: float = DEFAULT_PRIOR) -> TopicFraming:
        """Each article's distinctive terms on `topic_id`, and the topic's common ground.

        An article's terms are those it uses at least `min_count` times on the topic with a z-score of at
        least `min_z` against the other articles' passages on the topic, best first (ties by key), at most
        `top`. `prior` is alpha0, the strength of the whole-corpus prior in pseudo-words (capped at the
        corpus's own size). A result is kept, so asking again costs nothing.
        """
        options = (topic_id, min_tokens, top, min_z, min_count, prior)
        kept = self._results.get(options)
        if kept is None:
            kept = self._results[options] = self._framing(topic_id, min_tokens, top, min_z, min_count, prior)
        return kept

    def _framing(self, topic_id: str, min_tokens: int, top: int, min_z: float, min_count: int,
                 prior: float) -> TopicFraming:
        groups: list[tuple[str, list[Passage], Counter[str], int]] = []
        for article in self.corpus.articles:
            passages = [p for p in article.passages if p.tag(topic_id) is not None]
            if not passages:
                continue
            counted = [self._count(p) for p in passages]
            y = Counter(chain.from_iterable(c.keys for c in counted))
            groups.append((article.id, passages, y, sum(c.words for c in counted)))
        topic_total: Counter[str] = Counter(chain.from_iterable(self._count(p).keys for g in groups for p in g[1]))
        base = self._prior()
        corpus_total = max(base.total, float(sum(topic_total.values())))
        alpha0 = min(float(prior), corpus_total) if corpus_total else float(prior)
        scale = alpha0 / corpus_total if corpus_total else 0.0

        def alpha(key: str) -> float:
            return scale * max(base.counts.get(key, 0.0), topic_total[key])

        n_topic = sum(topic_total.values())
        words_topic = sum(g[3] for g in groups)
        keep = _Filter(*_excluded(self._topics.get(topic_id)), base.story_wide)
        common = _Filter(*_excluded(self._topics.get(topic_id)))

        def whole(article_id: str, words: int, enough: bool, pids: tuple[str, ...]) -> ArticleFraming:
            """The article's words overall, when its words on the topic say nothing."""
            article_words = self._whole(article_id).words
            terms = (self.article_terms(article_id, top=top, min_z=min_z, min_count=min_count, prior=prior)
                     if article_words >= min_tokens else ())
            return ArticleFraming(article_id, words, words_topic - words, enough, terms, pids,
                                  whole_article=bool(terms), article_token_count=article_words)

        articles: list[ArticleFraming] = []
        rich: list[int] = []
        for k, (article_id, passages, y, words) in enumerate(groups):
            pids = tuple(p.id for p in passages)
            if words < min_tokens:
                articles.append(whole(article_id, words, False, pids))
                continue
            rich.append(k)
            n_i = sum(y.values())
            n_j = n_topic - n_i
            scored = []
            for key, y_i in y.items():
                if y_i < min_count or not keep(key):
                    continue
                y_j = topic_total[key] - y_i
                z = log_odds_z(y_i, n_i, y_j, n_j, alpha(key), alpha0)
                if z >= min_z:
                    scored.append((-z, key, y_i, y_j))
            terms = self._terms(scored, passages, top)
            if terms:
                articles.append(ArticleFraming(article_id, words, words_topic - words, True, terms, pids,
                                               article_token_count=self._whole(article_id).words))
            else:
                articles.append(whole(article_id, words, True, pids))

        shared: tuple[Term, ...] = ()
        among: tuple[str, ...] = ()
        untypical = 0
        if len(rich) >= 2:
            among = tuple(groups[k][0] for k in rich)
            sums = [groups[k][2] for k in rich]
            n_rest = max(0.0, corpus_total - n_topic)
            scored = []
            for key in min(sums, key=len):
                if not common(key) or not all(key in y for y in sums):
                    continue
                y_t = topic_total[key]
                y_r = max(0.0, base.counts.get(key, 0.0) - y_t)
                z = log_odds_z(y_t, n_topic, y_r, n_rest, alpha(key), alpha0)
                if z >= MIN_COMMON_Z:
                    scored.append((-z, key, y_t, round(y_r)))
                else:
                    untypical += 1
            shared = self._terms(scored, [p for k in rich for p in groups[k][1]], top)
        return TopicFraming(topic_id, tuple(articles), shared, among, min_tokens, alpha0, untypical)

    def _terms(self, scored: list[tuple[float, str, int, int]], passages: Sequence[Passage],
               top: int) -> tuple[Term, ...]:
        """Terms from (-z, key, count, others) rows: best first (ties by key), covered words out, `top` at most."""
        scored.sort()
        ranked = _drop_covered(scored)[:top + JOIN_SPARE]
        out = []
        for neg_z, key, count, others in ranked:
            where = [p for p in passages if key in self._count(p).spelling]
            out.append(Term(self._spelling(key, where), key, -neg_z, count, int(others), tuple(p.id for p in where)))
        return tuple(_without_name_parts(_join_pieces(out, {p.id: p.text for p in passages}))[:top])

    def all_framings(self, topic_ids: Iterable[str] | None = None,
                     **options: Unpack[FramingOptions]) -> dict[str, TopicFraming]:
        """`framing` for every topic of the corpus (or each of `topic_ids`), keyed by topic id."""
        ids = [t.id for t in self.corpus.topics] if topic_ids is None else list(topic_ids)
        return {tid: self.framing(tid, **options) for tid in ids}


class _Filter:
    """Whether a term may be listed for a topic: it is none of the topic's own names, not one of `story_wide`
    (the story's own terms, for distinctive terms) and not a word of general purpose nor a phrase made of
    such words only. Cached per term."""

    def __init__(self, words: frozenset[str], phrases: frozenset[str],
                 story_wide: frozenset[str] = frozenset()) -> None:
        self._words, self._phrases, self._story = words, phrases, story_wide
        self._seen: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        ok = self._seen.get(key)
        if ok is None:
            parts = key.split(" ")
            ok = (key not in self._phrases and not any(part in self._words for part in parts)
                  and not (key in self._story or all(part in self._story for part in parts))
                  and not all(part in FRAMING_STOPWORDS for part in parts))
            self._seen[key] = ok
        return ok


def _story_wide(per_article: Iterable[set[str]]) -> frozenset[str]:
    """The terms used by STORY_WIDE_SHARE of the articles (each article's set of terms), at least
    STORY_WIDE_MIN_ARTICLES of them; none with fewer articles."""
    sets = list(per_article)
    if len(sets) < STORY_WIDE_MIN_ARTICLES:
        return frozenset()
    need = max(STORY_WIDE_MIN_ARTICLES, math.ceil(STORY_WIDE_SHARE * len(sets) - 1e-9))
    seen = Counter(chain.from_iterable(sets))
    return frozenset(key for key, n in seen.items() if n >= need)


def _drop_covered(ranked: list[tuple[float, str, int, int]]) -> list[tuple[float, str, int, int]]:
    """Leave out a word every use of which is inside one listed phrase ("Federation" beside "Russian
    Federation"): the phrase says it better."""
    in_phrases: dict[str, int] = {}
    for _, key, count, _ in ranked:
        if " " in key:
            for part in key.split(" "):
                in_phrases[part] = max(in_phrases.get(part, 0), count)
    return [row for row in ranked if " " in row[1] or in_phrases.get(row[1], 0) < row[2]]


def _join_pieces(terms: list[Term], texts: dict[str, str]) -> list[Term]:
    """Two listed phrases that are pieces of one longer name become that name: "Francis Scott" and "Scott
    Key" (and then "Key Bridge") are "Francis Scott Key Bridge" when the longer run of words is how the text
    nearly always uses both (`JOIN_SHARE` of the uses of each piece); a piece also used on its own stays.
    Its key is the pieces' keys run together (each two neighbouring words of it are a phrase key).

    Phrases are two words, so a name of three or more words is listed as overlapping pairs that crowd out
    other terms and read as noise. The joined term keeps the better z-score and the better piece's place."""
    out = list(terms)
    joined = True
    while joined:
        joined = False
        for i, head in enumerate(out):
            head_words = head.key.split(" ")
            if len(head_words) < 2:
                continue
            for j, tail in enumerate(out):
                tail_words = tail.key.split(" ")
                if j == i or len(tail_words) != 2 or tail_words[0] != head_words[-1]:
                    continue
                extra = tail.text.split(" ", 1)
                if len(extra) != 2:
                    continue
                name = f"{head.text} {extra[1]}"
                pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
                where = [pid for pid in head.passage_ids if pid in texts and pattern.search(texts[pid])]
                uses = sum(len(pattern.findall(texts[pid])) for pid in where)
                if not uses or uses < JOIN_SHARE * max(head.count, tail.count):
                    continue
                out[min(i, j)] = Term(name, f"{head.key} {tail_words[1]}", max(head.z, tail.z), uses,
                                      min(head.others, tail.others), tuple(where))
                del out[max(i, j)]
                joined = True
                break
            if joined:
                break
    return out


def _without_name_parts(terms: list[Term]) -> list[Term]:
    """Leave out a capitalised word listed beside a listed name it is part of ("Mauger" beside "John Mauger",
    "Trust" beside "British Asian Trust"): the name says who, and the two rows read as one term twice. A name
    here is a phrase of capitalised words; a lower-case word ("debris" beside "debris field") stays."""
    names: set[str] = set()
    for term in terms:
        words = term.text.split(" ")
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            names.update(term.key.split(" "))
    return [t for t in terms if " " in t.key or not t.text[:1].isupper() or t.key not in names]


class FramingOptions(TypedDict, total=False):
    """The keyword options of `PerspectiveIndex.framing`, for the functions that pass them on."""

    min_tokens: int
    top: int
    min_z: float
    min_count: int
    prior: float


def framing(corpus: Corpus, topic_id: str, topics: Iterable[_TopicLike] = (),
            **options: Unpack[FramingOptions]) -> TopicFraming:
    """The framing of `topic_id` in `corpus` (options as for `PerspectiveIndex.framing`).

    `topics` are the configured topics (`config.topics`), whose aliases are left out of the terms. Counting
    is remembered per corpus, so the next call (or the next topic) costs only what it has not seen.
    """
    return PerspectiveIndex.of(corpus, topics).framing(topic_id, **options)


def all_framings(corpus: Corpus, topics: Iterable[_TopicLike] = (),
                 **options: Unpack[FramingOptions]) -> dict[str, TopicFraming]:
    """The framing of every topic of `corpus`, keyed by topic id."""
    return PerspectiveIndex.of(corpus, topics).all_framings(**options)
