"""One article through the per-article stages: clean, meta, passages, topics (links need the whole corpus).

`analyze_source` is what the loader runs for each file, in this process or in a worker.
"""

from __future__ import annotations

from collections.abc import Generator

from models.config import Config
from models.document import Article, Meta, Passage, passage_id
from models.pipeline.clean import clean
from models.pipeline.ingest import Source
from models.pipeline.meta import extract_meta
from models.pipeline.topics import Tagger

PARAGRAPH_GAP = "\n\n"


def analyze_source(source: Source, config: Config, tagger: Tagger, article_id: str) -> Article:
    """One article through clean, meta, passages and topics (links need the whole corpus).

    Metadata the text states wins; what a web page's markup says (`source.meta`) fills what it does not.
    """
    steps = article_steps(source, config, tagger, article_id)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def article_steps(source: Source, config: Config, tagger: Tagger, article_id: str) -> Generator[str, None, Article]:
    """`analyze_source`, naming each step before it starts ("cleaning", "tagging topics"), so the loader can
    show where a large article is; the Article is the generator's return value."""
    yield "cleaning"
    cleaned = clean(source.text, config.cleaning)
    meta = merge_meta(extract_meta(cleaned), source.meta)
    texts = [p.text for p in cleaned.paragraphs]
    ids = [passage_id(article_id, i) for i in range(len(texts))]
    yield "tagging topics"
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
        notes=source.notes + expired_notes(cleaned.expired),
    )


def expired_notes(rule_ids: tuple[str, ...]) -> tuple[str, ...]:
    """What the reader is told when a cleaning rule's patterns ran out of their time budget on this text."""
    return tuple(
        f"cleaning rule {rule_id!r} was skipped here: its patterns ran out of their time budget (a pattern that "
        "backtracks on this text; see README, config.yaml cleaning)"
        for rule_id in rule_ids
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
