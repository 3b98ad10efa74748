"""`analyze(paths, config) -> Corpus`: the whole pipeline in one readable place.

ingest (bytes to safe text; web pages through trafilatura) -> clean (body paragraphs + removed pieces) ->
meta (what the page states, then what its markup says) -> passages (offsets into the cleaned text) -> topics
(tags per passage) -> links (across articles).
Each file is analysed on its own, so a bad file becomes a Problem and the others carry on; an article the
cache already holds is loaded instead of analysed; the same article met twice is kept once, with a note.

`iter_articles` yields each article as soon as it is ready (the reader shows the first ones while the rest
load); `build_corpus` links them at the end; `analyze` is the two together.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from models.cache import Cache, article_key, links_key
from models.clean import clean
from models.config import Config
from models.document import Article, Corpus, Meta, Passage, Problem, TopicInfo
from models.ingest import (
    STDIN,
    STDIN_NAME,
    IngestError,
    Source,
    discover,
    is_html,
    read_bytes,
    read_stream,
    slug,
    source_from_bytes,
)
from models.links import find_links
from models.meta import extract_meta
from models.topics import Tagger

PARAGRAPH_GAP = "\n\n"
NEAR_DUPLICATE_SHARE = 0.9  # an article whose passages are this share of another's (both ways) is the same article
NEAR_DUPLICATE_MIN_CHARS = 200  # ... when what they share is at least this long
COMMON_PASSAGE = 50  # a passage found in more articles than this (a standard disclaimer) says nothing about sameness

Progress = Callable[[int, int, str], None]
CacheArg = bool | Cache | None


def analyze(
    paths: Iterable[str | Path],
    config: Config,
    progress: Progress | None = None,
    *,
    cache: CacheArg = True,
    stdin: BinaryIO | None = None,
    workers: int = -1,
) -> Corpus:
    """Analyse every article file under `paths` (`-`: one article from `stdin`, default sys.stdin.buffer).

    Files that cannot be read become Problems. `cache`: True uses the cache in the user cache folder, False
    or None analyses everything afresh, a Cache is used as it is (and left open). `workers`: cores rapidfuzz
    may use for links (-1: all).
    """
    with _opened(cache) as store:
        problems: list[Problem] = []
        articles: list[Article] = []
        for item in iter_articles(paths, config, cache=store, progress=progress, stdin=stdin):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                articles.append(item)
        return build_corpus(articles, config, problems, cache=store, workers=workers)


def iter_articles(
    paths: Iterable[str | Path],
    config: Config,
    *,
    cache: CacheArg = True,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Problem]:
    """Analyse the files under `paths` one by one, yielding each Article or Problem as soon as it is done, in
    order (the problems of `paths` themselves, such as a missing file, come first).

    When a file turns out to hold an article already yielded (the same text, or nearly the same passages,
    e.g. a page saved both as .html and .txt), nothing new is yielded for it: the earlier Article is yielded
    again with the same id and a note "also at <path>", and replaces the first one. `build_corpus` does
    that replacing for a list that holds both.
    """
    files, problems = discover(list(paths))
    yield from problems
    tagger = Tagger(config.topics, config.thresholds)
    state = _Seen()
    with _opened(cache) as store:
        for n, file in enumerate(files, start=1):
            name = STDIN_NAME if str(file) == STDIN else str(file)
            if progress:
                progress(n, len(files), name)
            try:
                item = _one(file, name, config, tagger, store, state, stdin)
            except IngestError as exc:
                item = Problem(name, str(exc))
            if item is not None:
                yield item


def build_corpus(
    articles: list[Article],
    config: Config,
    problems: list[Problem],
    *,
    cache: Cache | None = None,
    workers: int = -1,
) -> Corpus:
    """Link the analysed articles and wrap everything up as a Corpus.

    An article given twice under one id (see `iter_articles`) counts once, in its first place, as its last
    version. With a `cache`, links of a corpus analysed before are loaded instead of computed.
    """
    latest: dict[str, Article] = {}
    for article in articles:
        latest[article.id] = article
    articles = list(latest.values())
    links = None
    key = ""
    if cache is not None and cache.enabled:
        key = links_key(articles, config)
        links = cache.get_links(key, {p.id for a in articles for p in a.passages})
    if links is None:
        links = find_links(articles, config.topics, config.thresholds, workers=workers)
        if key:
            cache.put_links(key, links)  # type: ignore[union-attr]
            cache.flush()  # type: ignore[union-attr]
    topics = tuple(TopicInfo(t.id, t.label, t.colour) for t in config.topics)
    return Corpus(tuple(articles), topics, tuple(links), tuple(problems))


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... so that two files with the same name get different ids."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def analyze_source(source: Source, config: Config, tagger: Tagger, article_id: str) -> Article:
    """One article through clean, meta, passages and topics (links need the whole corpus).

    Metadata the text states wins; what a web page's markup says (`source.meta`) fills what it does not.
    """
    cleaned = clean(source.text, config.cleaning)
    meta = merge_meta(extract_meta(cleaned), source.meta)
    texts = [p.text for p in cleaned.paragraphs]
    ids = [f"{article_id}:{i}" for i in range(len(texts))]
    tags = tagger.tag(texts, ids, meta.title)
    passages = []
    offset = 0
    for i, (paragraph, passage_tags) in enumerate(zip(cleaned.paragraphs, tags)):
        start, end = offset, offset + len(paragraph.text)
        passages.append(Passage(ids[i], article_id, i, paragraph.text, start, end, passage_tags, paragraph.heading))
        offset = end + len(PARAGRAPH_GAP)
    return Article(
        id=article_id,
        path=source.path,
        title=meta.title,
        author=meta.author,
        source=meta.source,
        date=meta.date,
        text=PARAGRAPH_GAP.join(texts),
        passages=tuple(passages),
        removed=cleaned.removed,
        content_hash=source.content_hash,
        encoding=source.encoding,
        notes=source.notes,
    )


def merge_meta(stated: Meta, hints: Meta | None) -> Meta:
    """The text's own metadata, with the gaps filled from `hints` (a web page's markup)."""
    if hints is None:
        return stated
    return Meta(
        title=stated.title or hints.title,
        author=stated.author or hints.author,
        source=stated.source or hints.source,
        date=stated.date or hints.date,
    )


# --- one file -----------------------------------------------------------------------------------------------


@dataclass
class _Seen:
    """What a run has kept so far, to recognise the same article met again."""

    articles: list[Article] = field(default_factory=list)
    by_hash: dict[str, int] = field(default_factory=dict)  # content hash -> index in `articles`
    by_passage: dict[int, list[int]] = field(default_factory=dict)  # passage fingerprint -> articles
    sizes: list[int] = field(default_factory=list)  # distinct passage fingerprints of each kept article
    taken: set[str] = field(default_factory=set)  # article ids in use


def _one(
    file: Path, name: str, config: Config, tagger: Tagger, store: Cache | None, seen: _Seen, stdin: BinaryIO | None
) -> Article | Problem | None:
    if str(file) == STDIN:
        data = read_stream(stdin if stdin is not None else sys.stdin.buffer)
    else:
        data = read_bytes(file)
    html = is_html(name, data)
    article_id = unique_id(slug(name), seen.taken)
    key = article_key(data, html) if store is not None else ""
    article = store.get_article(key, config, article_id, name) if store is not None else None
    if article is None:
        source = source_from_bytes(name, data, html=html)
        if source.content_hash in seen.by_hash:
            seen.taken.discard(article_id)
            return _noted(seen, seen.by_hash[source.content_hash], f"also at {name}")
        article = analyze_source(source, config, tagger, article_id)
        if store is not None:
            store.put_article(key, config, article)
    if article.content_hash in seen.by_hash:
        seen.taken.discard(article_id)
        return _noted(seen, seen.by_hash[article.content_hash], f"also at {name}")
    if not article.passages:
        seen.taken.discard(article_id)
        return Problem(name, "no article text left after cleaning (every paragraph matched a furniture rule)")
    fingerprints = [_fingerprint(p.text) for p in article.passages]
    same = _near_duplicate(seen, article, fingerprints)
    if same is not None:
        seen.taken.discard(article_id)
        return _noted(seen, same, f"also at {name} (the same article, nearly the same text)")
    index = len(seen.articles)
    seen.articles.append(article)
    seen.by_hash[article.content_hash] = index
    distinct = set(fingerprints)
    seen.sizes.append(len(distinct))
    for fp in distinct:
        seen.by_passage.setdefault(fp, []).append(index)
    return article


def _noted(seen: _Seen, index: int, note: str) -> Article:
    """The kept article at `index`, with `note` added: yielded again to replace the earlier copy."""
    article = seen.articles[index]
    if note not in article.notes:
        article = replace(article, notes=article.notes + (note,))
        seen.articles[index] = article
    return article


_NON_WORD = re.compile(r"[\W_]+")


def _fingerprint(text: str) -> int:
    """A passage's text with case, punctuation and spacing folded away, hashed."""
    return hash(_NON_WORD.sub(" ", text.casefold()).strip())


def _near_duplicate(seen: _Seen, article: Article, fingerprints: list[int]) -> int | None:
    """The kept article this one is nearly the same as: most passages the same text, both ways."""
    counts: dict[int, int] = {}
    chars: dict[int, int] = {}
    first: dict[int, Passage] = {}
    for fp, passage in zip(fingerprints, article.passages):
        first.setdefault(fp, passage)
    for fp, passage in first.items():
        owners = seen.by_passage.get(fp, ())
        if len(owners) > COMMON_PASSAGE:
            continue
        for owner in owners:
            counts[owner] = counts.get(owner, 0) + 1
            chars[owner] = chars.get(owner, 0) + len(passage.text)
    mine = len(first)
    for owner, shared in sorted(counts.items(), key=lambda kv: -kv[1]):
        theirs = seen.sizes[owner]
        if shared >= NEAR_DUPLICATE_SHARE * max(mine, theirs) and chars[owner] >= min(
            NEAR_DUPLICATE_MIN_CHARS, len(article.text)
        ):
            return owner
    return None


def _opened(cache: CacheArg):
    """A context giving the Cache to use (or None); a cache opened here is closed here."""
    if cache is True:
        return Cache()
    if isinstance(cache, Cache):
        return nullcontext(cache)
    return nullcontext(None)
