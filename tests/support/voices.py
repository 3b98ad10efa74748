"""Articles built from paragraphs for the voices tests (fixtures written for the tests)."""

from __future__ import annotations

from models.document import Article, Passage, TopicTag
from models.insight.voices import article_voices


def article(article_id: str, paragraphs: list[str] | tuple[str, ...], topics: tuple[str, ...] = ()) -> Article:
    """An article of the given paragraphs, two newlines between them, each a passage (tagged with `topics`)."""
    passages = []
    offset = 0
    tags = tuple(TopicTag(t, 1.0, False, ()) for t in topics)
    for i, text in enumerate(paragraphs):
        passages.append(Passage(f"{article_id}:{i}", article_id, i, text, offset, offset + len(text), tags))
        offset += len(text) + 2
    return Article(article_id, f"{article_id}.txt", article_id, None, None, None, "\n\n".join(paragraphs),
                   tuple(passages), (), article_id)


def article_of(*paragraphs: str) -> Article:
    """An article "k" of these paragraphs."""
    return article("k", paragraphs)


def voice_kinds(*paragraphs: str) -> dict[str, str]:
    """Each voice of an article of these paragraphs, name -> kind."""
    return {v.name: v.kind for v in article_voices(article_of(*paragraphs))}
