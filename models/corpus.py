"""`analyze(paths, config) -> Corpus`: the whole pipeline in one readable place.

ingest (bytes to safe text) -> clean (body paragraphs + removed pieces) -> meta (what the page states) ->
passages (offsets into the cleaned text) -> topics (tags per passage) -> links (across articles).
Each file is analysed on its own, so a bad file becomes a Problem and the others carry on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from models.clean import clean
from models.config import Config
from models.document import Article, Corpus, Passage, Problem, TopicInfo
from models.ingest import IngestError, Source, discover, read_source, slug
from models.links import find_links
from models.meta import extract_meta
from models.topics import Tagger

PARAGRAPH_GAP = "\n\n"

Progress = Callable[[int, int, str], None]


def analyze(paths: Iterable[str | Path], config: Config, progress: Progress | None = None) -> Corpus:
    """Analyse every article file under `paths`; files that cannot be read become Problems."""
    files, problems = discover(list(paths))
    tagger = Tagger(config.topics, config.thresholds)
    articles: list[Article] = []
    taken: set[str] = set()
    for n, file in enumerate(files, start=1):
        if progress:
            progress(n, len(files), str(file))
        try:
            source = read_source(file)
        except IngestError as exc:
            problems.append(Problem(str(file), str(exc)))
            continue
        article = analyze_source(source, config, tagger, unique_id(slug(file), taken))
        if not article.passages:
            problems.append(Problem(str(file), "no article text left after cleaning (every paragraph matched a furniture rule)"))
            continue
        articles.append(article)
    return build_corpus(articles, config, problems)


def build_corpus(articles: list[Article], config: Config, problems: list[Problem]) -> Corpus:
    """Link the analysed articles and wrap everything up as a Corpus."""
    links = find_links(articles, config.topics, config.thresholds)
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
    """One article through clean, meta, passages and topics (links need the whole corpus)."""
    cleaned = clean(source.text, config.cleaning)
    meta = extract_meta(cleaned)
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
