"""The typed data every part of parallax shares.

Everything here is a frozen dataclass: the analysis builds these once and the views only read them, so no
widget can quietly change what the engine computed. Derived look-ups (passage by id, links of a passage)
live on `Corpus` as cached properties so the views never rebuild them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True, slots=True)
class TopicTag:
    """One topic a passage discusses, and why, so a person can always see why a tag is there.

    `evidence` holds the passage's own words that matched: the topic's names (explicit tags) or the words that
    refer back to it (implicit tags). `related` holds weaker evidence: words of the topic's vocabulary as the
    corpus grew it (terms typical of the passages that name the topic, in several articles). An implicit
    tag's `inferred_from` is the index of the passage in the same article it was inferred from (an index, not
    an id, so moving the article changes nothing here). `explain()` is the one place these become text.
    """

    topic: str
    score: float
    implicit: bool
    evidence: tuple[str, ...]
    inferred_from: int | None = None
    related: tuple[str, ...] = ()

    def explain(self, limit: int = 3) -> tuple[str, ...]:
        """The evidence as a person reads it: 'the deal', 'related: dredger, tide', 'inferred from ¶7'."""
        out = list(self.evidence[:limit])
        if self.related:
            out.append("related: " + ", ".join(self.related[:limit]))
        if self.inferred_from is not None:
            out.append(f"inferred from ¶{self.inferred_from + 1}")
        return tuple(out)


def passage_id(article_id: str, index: int) -> str:
    """A passage's id: its article's id and its index there ("3f2a...:7"). The one place the form is written;
    `article_of` reads it back."""
    return f"{article_id}:{index}"


def article_of(passage_id: str) -> str:
    """The id of the article a passage id (see `passage_id`) belongs to."""
    return passage_id.rpartition(":")[0]


@dataclass(frozen=True, slots=True)
class Passage:
    """One body paragraph of an article; `text == article.text[start:end]`."""

    id: str
    article_id: str
    index: int
    text: str
    start: int
    end: int
    topics: tuple[TopicTag, ...] = ()
    heading: str | None = None

    def tag(self, topic_id: str) -> TopicTag | None:
        """The tag for `topic_id`, or None when the passage does not discuss it."""
        for tag in self.topics:
            if tag.topic == topic_id:
                return tag
        return None

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(tag.topic for tag in self.topics)


REMOVAL_KINDS = ("rule", "evidence", "context", "repeat", "corpus", "cut")
"""What decided a removal: a configured `rule`; the block's own `evidence` (length, punctuation, stop words,
capitals, links); its `context` (position, the blocks around it); a `repeat` inside the article; a `corpus`
repeat across articles; a `cut` (below a marker such as "Related posts" that ends the article's text)."""


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the source that cleaning took out, why, and where it stood.

    `rule` names the reason in a word or two (a rule id, or "title", "head-short-line"...); `kind` says what
    decided (one of REMOVAL_KINDS); `detail` is the evidence in words a person can check; `role` is what the
    piece states about the article when it states anything (title, byline, dateline, copyright, source...):
    metadata is read by role, never by a rule's id.
    """

    text: str
    rule: str
    line: int = 0
    kind: str = "rule"
    detail: str = ""
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One analysed article: its metadata, its cleaned text cut into passages, and what cleaning removed."""

    id: str
    path: str
    title: str | None
    author: str | None
    source: str | None
    date: str | None
    text: str
    passages: tuple[Passage, ...]
    removed: tuple[Removed, ...]
    content_hash: str
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()

    @property
    def display_title(self) -> str:
        """The title, or the file name when the text states none, safe to show (models/display.py)."""
        from models.display import display, file_name

        if self.title:
            return display(self.title)
        return file_name(self.path) or self.id


@dataclass(frozen=True, slots=True)
class Link:
    """Two passages in different articles that discuss the same topic, or make the same point.

    `topic` is the topic both discuss, or None for a link by content alone (the passages share enough
    distinctive words, whatever topics they have). `score` is in 0..1; `reason` is a sentence a person can
    read; `shared_terms` are the content words both passages use, most specific first.
    """

    source: str
    target: str
    topic: str | None
    score: float
    reason: str
    shared_terms: tuple[str, ...] = ()

    def other(self, passage_id: str) -> str:
        """The end of the link that is not `passage_id`."""
        return self.target if passage_id == self.source else self.source


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be analysed (or was analysed with a caveat), and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class TopicInfo:
    """What the views need to know about a topic: its id, label and colour.

    `discovered` topics were found in the articles themselves rather than configured by the user: the views
    show them as suggestions, after the configured ones. `description` is the user's one sentence, if any.
    """

    id: str
    label: str
    colour: str
    description: str | None = None
    discovered: bool = False


@dataclass(frozen=True)
class Corpus:
    """The result of an analysis: articles, the topics they were tagged with, the links and the problems.

    `links` is a tuple of Links, or a `models.link_table.LinkTable` (a large corpus's links as columns, from
    the cache or a relink, each Link made only when read): read it as a sequence, and ask `links_of` and
    `linked_ids` rather than going through every link."""

    articles: tuple[Article, ...]
    topics: tuple[TopicInfo, ...]
    links: Sequence[Link]
    problems: tuple[Problem, ...] = ()

    @cached_property
    def passages_by_id(self) -> dict[str, Passage]:
        return {p.id: p for a in self.articles for p in a.passages}

    @cached_property
    def articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def _links_by_passage(self) -> dict[str, list[Link]]:
        """Every passage's links, best first (for a tuple of links; a LinkTable answers `links_of` itself)."""
        index: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            index[link.source].append(link)
            index[link.target].append(link)
        for links in index.values():
            links.sort(key=lambda link: -link.score)
        return dict(index)

    def passage(self, passage_id: str) -> Passage:
        return self.passages_by_id[passage_id]

    def article_of(self, passage_id: str) -> Article:
        return self.articles_by_id[self.passages_by_id[passage_id].article_id]

    def links_of(self, passage_id: str) -> list[Link]:
        """Every link touching `passage_id`, best first."""
        of = getattr(self.links, "of", None)  # a LinkTable: only this passage's links are made
        if of is not None:
            return of(passage_id)
        return self._links_by_passage.get(passage_id, [])

    @cached_property
    def linked_ids(self) -> frozenset[str]:
        """Every passage with at least one link."""
        ids = getattr(self.links, "linked_ids", None)  # a LinkTable: read from its columns
        if ids is not None:
            return ids()
        return frozenset(pid for link in self.links for pid in (link.source, link.target))

    def topic(self, topic_id: str) -> TopicInfo | None:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        return None


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata an article states about itself; a field the text does not state is None."""

    title: str | None = None
    author: str | None = None
    source: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph that cleaning kept, with the subheading above it (if any) and its source line."""

    text: str
    heading: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Cleaned:
    """What cleaning produced: body paragraphs in order, and every removed piece with its rule."""

    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...] = field(default=())
    expired: tuple[str, ...] = ()  # ids of rules skipped because their patterns ran out of time on this text
