"""The records the voices package hands out: Mention, Voice (one article's speaker), Speaker (one speaker
across articles), and the three kinds a voice can be."""

from __future__ import annotations

from dataclasses import dataclass

PERSON, ORGANISATION, UNNAMED = "person", "organisation", "unnamed"


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an article gives a voice the word.

    `cue` is what marks it ("said", "told BBC Turkish", "according to", "citing", "quote"); `quote` the
    direct quotation attributed there, if any; `sentence` the attributing sentence and `start`/`end` its
    offsets in the passage text.
    """

    passage_id: str
    topic_ids: tuple[str, ...]
    cue: str
    quote: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Voice:
    """A person, a body or an anonymous source that one article quotes or cites.

    `key` is unique within the article (folded name; "unnamed:<phrase>" for anonymous sources). `name` is
    the fullest form the article uses, `names` every form it used for the speaker. `kind` is "person",
    "organisation" or "unnamed". `role` is what the text calls it ("international relations professor"),
    `affiliation` the body it is said to be from ("Istanbul Bilgi University"), None when the text does not
    say. `mentions` are in reading order.
    """

    key: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    names: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def passage_ids(self) -> tuple[str, ...]:
        """The passages it speaks in, in reading order, each once."""
        return tuple(dict.fromkeys(m.passage_id for m in self.mentions))

    @property
    def topic_ids(self) -> tuple[str, ...]:
        """The topics of the passages it speaks in, first seen first."""
        return tuple(dict.fromkeys(t for m in self.mentions for t in m.topic_ids))


@dataclass(frozen=True, slots=True)
class Speaker:
    """One voice across articles: the same person or body as quoted by each article that quotes it.

    `members` are (article id, voice key) pairs in corpus order; `names` the spellings used; anonymous
    sources are never merged across articles, so each is a speaker of its own.
    """

    key: str
    name: str
    kind: str
    role: str | None
    names: tuple[str, ...]
    members: tuple[tuple[str, str], ...]
    mention_count: int

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for a, _ in self.members))
