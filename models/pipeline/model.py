"""What a full corpus stage learned from the whole corpus (`CorpusModel`), kept in the cache beside its result
so that a corpus a few articles away is relinked alone (models/pipeline/relink.py says how and when).

No numpy here: the cache reads and writes these, and a reader whose corpus comes from the cache never
imports numpy.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.document import Article, TopicInfo, TopicTag
from models.link_table import LinkEnds
from models.pipeline.discover import DiscoveredTopic
from models.pipeline.stats import CorpusStats
from models.pipeline.vocabulary import Vocabulary

if TYPE_CHECKING:
    from models.pipeline.links import LinkSpace

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
    tagged (passage id -> all its tags), its topics and its links, as columns (a relink makes Link objects
    only for the new links; its result is a LinkTable over columns)."""

    model: CorpusModel
    tags: dict[str, tuple[TopicTag, ...]]
    topics: tuple[TopicInfo, ...]
    ends: LinkEnds  # the links' ends and topics as numbers, for relinking without a loop over every link


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
