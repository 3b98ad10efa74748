"""What every part of an export shares: the corpus, the articles' short labels (A1, A2...), the order things
are listed in, and how a passage is named and attributed.

Both models/export/report.py (the documents) and models/export/sections.py (per-topic sections) import it;
neither imports the other, so there is no import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from models.document import Corpus, Link, Passage
from models.export.markdown import escape_inline
from models.insight.coverage import Coverage, coverage
from models.insight.perspectives import PerspectiveIndex


class UnknownTopicError(ValueError):
    """Topic ids asked for that the corpus does not have; the message lists the valid ones."""

    def __init__(self, unknown: Sequence[str], valid: Sequence[str]) -> None:
        self.unknown, self.valid = tuple(unknown), tuple(valid)
        super().__init__(
            f"unknown topic {', '.join(repr(t) for t in unknown)} (valid: {', '.join(valid) or 'none'})"
        )


class ConfiguredTopic(Protocol):
    """A topic with its aliases, as the config gives it (`models.config.Topic`, `config.topics`)."""

    @property
    def id(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class ExportContext:
    """The corpus plus the short labels an export uses for its articles (A1, A2... in corpus order).

    `config_topics` are the configured topics (with their aliases), for sections that need more than the
    corpus' TopicInfo; () when the caller has none. `links_per_topic` caps the linked pairs shown per topic.
    """

    corpus: Corpus
    config_topics: tuple[ConfiguredTopic, ...] = ()
    links_per_topic: int = 8  # linked pairs shown side by side per topic; the rest are counted

    @cached_property
    def perspectives(self) -> PerspectiveIndex:
        """The framing index of the corpus (shared with every other user of the same corpus and topics)."""
        return PerspectiveIndex.of(self.corpus, self.config_topics)

    def has_aliases(self, topic_id: str) -> bool:
        """Whether the configured topics name `topic_id`'s aliases (so the framing leaves them out)."""
        return any(t.id == topic_id and t.aliases for t in self.config_topics)

    @cached_property
    def coverage(self) -> Coverage:
        """The topic x article matrix, worked out once for the topics chosen, the table and the silent line."""
        return coverage(self.corpus)

    @cached_property
    def labels(self) -> dict[str, str]:
        return {a.id: f"A{n}" for n, a in enumerate(self.corpus.articles, start=1)}

    @cached_property
    def order(self) -> dict[str, int]:
        return {a.id: n for n, a in enumerate(self.corpus.articles)}

    def ref(self, passage_id: str) -> str:
        """`A2 ¶5`: the article's label and the passage's number, counted from 1."""
        passage = self.corpus.passage(passage_id)
        return f"{self.labels[passage.article_id]} ¶{passage.index + 1}"

    def passages_on(self, topic_id: str) -> list[Passage]:
        """The passages tagged with the topic, in article then passage order."""
        return [p for a in self.corpus.articles for p in a.passages if p.tag(topic_id)]

    def links_on(self, topic_id: str) -> list[Link]:
        """The topic's links, strongest first, then by where their ends are."""
        def key(link: Link) -> tuple[float, int, int, int, int]:
            s, t = self.corpus.passage(link.source), self.corpus.passage(link.target)
            return (-link.score, self.order[s.article_id], s.index, self.order[t.article_id], t.index)

        return sorted((link for link in self.corpus.links if link.topic == topic_id), key=key)

    def attribution(self, passage: Passage, *, label: bool = True) -> str:
        """`A2 ¶5 · Outlet · “Title”`, escaped (the outlet falls back to the author, then nothing). Without
        `label` (documents with no sources table to look A2 up in): `Outlet · “Title” · ¶5`."""
        article = self.corpus.articles_by_id[passage.article_id]
        who = article.source or article.author
        parts = [escape_inline(who)] if who else []
        parts.append(f"“{escape_inline(article.display_title)}”")
        if label:
            return " · ".join([self.ref(passage.id), *parts])
        return " · ".join([*parts, f"¶{passage.index + 1}"])
