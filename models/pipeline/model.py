"""What a full corpus stage learned from the whole corpus (`CorpusModel`), kept in the cache beside its result
so that a corpus a few articles away is relinked alone (models/pipeline/relink.py says how and when).

No numpy here: the cache reads and writes these, and a reader whose corpus comes from the cache never
imports numpy.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from models.document import Article, Link, TopicInfo, TopicTag
from models.pipeline.discover import DiscoveredTopic
from models.pipeline.stats import CorpusStats
from models.pipeline.vocabulary import Vocabulary

if TYPE_CHECKING:
    import numpy as np

    from models.pipeline.links import LinkSpace

    Ints = Sequence[int] | np.ndarray  # a column: array.array from the cache, numpy from a relink
    Floats = Sequence[float] | np.ndarray

MAX_DRIFT_SHARE = 0.02  # articles changed since the model was learned, as a share of the corpus, relinked alone


@dataclass(frozen=True)
class CorpusModel:
    """What a full corpus stage learned from the whole corpus, kept so that a small change is relinked alone."""

    vocab: tuple[str, ...]  # the LinkSpace's terms, most specific first (term k is character _char(k))
    spelled: tuple[str, ...]  # how the corpus writes each of them
    strings: dict[str, tuple[str, ...]]  # article id -> each passage's LinkSpace string
    vocabularies: tuple[Vocabulary, ...]  # the configured topics' grown vocabulary
    discovered: tuple[DiscoveredTopic, ...]
    spelling: dict[str, str]  # how the corpus writes the terms the vocabularies and discovered topics tag by
    fingerprints: dict[str, str]  # article id -> `fingerprint` of the article the model saw
    drift: int = 0  # articles relinked alone since the model was learned


@dataclass(frozen=True)
class Base:
    """A corpus analysed before, as the cache keeps it: its model, the tags of each passage the corpus stage
    tagged (passage id -> all its tags), its topics and its links, as columns (a relink builds Link objects
    only for the links of the result, once)."""

    model: CorpusModel
    tags: dict[str, tuple[TopicTag, ...]]
    topics: tuple[TopicInfo, ...]
    ends: LinkEnds  # the links' ends and topics as numbers, for relinking without a loop over every link


@dataclass(frozen=True)
class LinkEnds:
    """A corpus's links as columns: each link's ends as indexes into `ids`, its topic as an index into `topics`,
    its score, its reason as an index into `reasons` and its shared terms as an index into `shared_terms`. The
    cache reads and writes links in this form; a relink keeps the stored columns of the links it keeps and
    hands them back with the new ones (`CorpusAnalysis.ends`), so 800,000 links are not taken apart again to
    be stored. The cache gives the columns as `array.array`s, which numpy takes without a copy (a list of
    800,000 numbers it converts one by one); a relink gives numpy arrays."""

    ids: tuple[str, ...]
    source: Ints
    target: Ints
    topics: tuple[str | None, ...]  # the topics; None (links by content), if there, last
    topic: Ints  # each link's topic as an index into `topics`; -1 for None (the last, when there)
    score: Floats
    reasons: tuple[str, ...] = ()  # the distinct reasons
    reason: Ints = ()  # each link's reason, as an index into `reasons`
    shared_terms: tuple[tuple[str, ...], ...] = ()  # the distinct tuples of shared terms
    shared: Ints = ()  # each link's shared terms, as an index into `shared_terms`

    @classmethod
    def of(cls, links: Sequence[Link]) -> LinkEnds:
        ids = {pid: n for n, pid in enumerate(dict.fromkeys([x for link in links for x in (link.source, link.target)]))}
        topics: dict[str | None, int] = {t: n for n, t in enumerate(dict.fromkeys(
            link.topic for link in links if link.topic is not None))}
        topics[None] = -1
        reasons = {r: n for n, r in enumerate(dict.fromkeys(link.reason for link in links))}
        shared = {h: n for n, h in enumerate(dict.fromkeys(link.shared_terms for link in links))}
        return cls(tuple(ids), [ids[link.source] for link in links], [ids[link.target] for link in links],
                   tuple(topics), [topics[link.topic] for link in links], [link.score for link in links],
                   tuple(reasons), [reasons[link.reason] for link in links],
                   tuple(shared), [shared[link.shared_terms] for link in links])

    def __len__(self) -> int:
        return len(self.source)


_LINK_FIELDS = ("source", "target", "topic", "score", "reason", "shared_terms")


def make_links(*columns: Iterable) -> list[Link]:
    """Links from their fields' columns (in `_LINK_FIELDS` order), 800,000 of them at a time: each built as
    `Link(...)` would build it, but its slots set directly instead of through the frozen dataclass's __init__
    (which sets each through object.__setattr__: twice the time, 0.3 s at 5,000 articles). A Link of other
    fields than these is built through its __init__."""
    if tuple(f.name for f in fields(Link)) != _LINK_FIELDS or hasattr(Link, "__post_init__"):
        return [Link(*values) for values in zip(*columns)]  # pragma: no cover - Link changed: the plain way
    new = object.__new__
    s0, s1, s2, s3, s4, s5 = (getattr(Link, name).__set__ for name in _LINK_FIELDS)
    out: list[Link] = []
    append = out.append
    for a, b, c, d, e, f in zip(*columns):
        link = new(Link)
        s0(link, a)
        s1(link, b)
        s2(link, c)
        s3(link, d)
        s4(link, e)
        s5(link, f)
        append(link)
    return out


def fingerprint(article: Article) -> str:
    """What an article's corpus-stage results depend on: its content and its passages as the corpus stage
    got them (repeated furniture dropped)."""
    return f"{article.content_hash}:{len(article.passages)}:{_crc(article.text):08x}"


_CRCS: dict[int, tuple[str, int]] = {}  # id(text) -> (that text, its crc32): a load asks for each article's six times
_CRCS_KEPT = 50_000


def forget_fingerprints() -> None:
    """Let go of the texts `fingerprint` remembered (the loader calls it when a load is done)."""
    _CRCS.clear()


def _crc(text: str) -> int:
    """crc32 of `text` in UTF-8, remembered for the text object (the same string, kept alive beside its crc, so
    its id is not reused; articles rebuilt with `replace` share it), at most `_CRCS_KEPT` of them."""
    found = _CRCS.get(id(text))
    if found is not None and found[0] is text:
        return found[1]
    if len(_CRCS) >= _CRCS_KEPT:
        _CRCS.clear()
    crc = zlib.crc32(text.encode("utf-8"))
    _CRCS[id(text)] = (text, crc)
    return crc


def allowed_drift(articles: int) -> int:
    return int(articles * MAX_DRIFT_SHARE)


def build_model(
    articles: list[Article], space: LinkSpace, vocabularies: list[Vocabulary], found: list[DiscoveredTopic],
    stats: CorpusStats,
) -> CorpusModel:
    """The model of a full corpus stage (see the module docstring)."""
    vocab = sorted(space.code, key=space.code.__getitem__)
    strings: dict[str, tuple[str, ...]] = {}
    k = 0
    for article in articles:
        n = len(article.passages)
        strings[article.id] = tuple(space.strings[k : k + n])
        k += n
    tagged = {t for v in vocabularies for t, _ in v.terms} | {t for v in vocabularies for t in v.described}
    tagged |= {t for d in found for t, _ in d.terms + d.grown}
    return CorpusModel(
        tuple(vocab), tuple(space.spelled), strings, tuple(vocabularies), tuple(found),
        {t: stats.spelling(t) for t in sorted(tagged)}, {a.id: fingerprint(a) for a in articles},
    )


def changed_articles(model: CorpusModel, articles: list[Article]) -> tuple[set[str], set[str]]:
    """The ids of the articles that are new or changed since the model, and of those no longer there."""
    changed = {a.id for a in articles if model.fingerprints.get(a.id) != fingerprint(a)}
    gone = set(model.fingerprints) - {a.id for a in articles}
    return changed, gone
