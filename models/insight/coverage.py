"""Which article discusses which topic, how much, and from where: the topic x article matrix shared by the
reader's coverage view and the Markdown export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.document import Corpus, TopicInfo


@dataclass(frozen=True, slots=True)
class Cell:
    passages: int
    explicit: int
    first: int | None  # index of the first passage on the topic


@dataclass(frozen=True, slots=True)
class Row:
    topic: TopicInfo
    cells: tuple[Cell, ...]  # one per article, in corpus order

    @property
    def articles(self) -> int:
        return sum(1 for c in self.cells if c.passages)


@dataclass(frozen=True, slots=True)
class Coverage:
    rows: tuple[Row, ...]  # the topics some passage discusses, in the corpus's order (configured first)
    silent: tuple[TopicInfo, ...] = ()  # the topics no passage discusses (the bundled topics on another story)
    articles: int = 0

    def silent_sentence(self, leave_out: frozenset[str] = frozenset(),
                        quote: Callable[[str], str] = str) -> str:
        """One sentence on the topics no passage discusses (less those in `leave_out`), or "". Naming them is a
        finding (what nobody covers) when some configured topic does tag this story; when none does, the
        config was written for another story (the bundled seed topics on a new one) and naming its topics in
        a reader or a report a journalist sends on reads as nonsense, so the sentence only counts them. One
        silent topic alone is still named: it cannot tell a config for another story from the one topic a
        person wrote that nobody covers.
        `quote` makes a label safe where the sentence goes (Markdown in export)."""
        silent = [t for t in self.silent if t.id not in leave_out]
        if not silent:
            return ""
        if len(silent) > 1 and not any(not row.topic.discovered for row in self.rows):
            return f"None of the {len(silent)} configured topics is discussed in these articles."
        names = "; ".join(quote(t.label) for t in silent)
        return f"No passage here discusses {'this topic' if len(silent) == 1 else 'these topics'}: {names}."

    def row(self, topic: TopicInfo) -> Row:
        """The topic's row; a silent topic's is all empty cells (for a topic the user asked for by name)."""
        for row in self.rows:
            if row.topic.id == topic.id:
                return row
        return Row(topic, tuple(Cell(0, 0, None) for _ in range(self.articles)))


def coverage(corpus: Corpus) -> Coverage:
    """The matrix of the topics this corpus discusses. A topic that tags nothing here is not a row of dashes
    but named in `silent`: with the bundled config on another story, five rows of "—" hid the story's own
    topics (a new user's trial), while one line naming them still tells a journalist what nobody covers."""
    rows: list[Row] = []
    silent: list[TopicInfo] = []
    for topic in corpus.topics:
        cells = []
        for article in corpus.articles:
            tagged = [p for p in article.passages if p.tag(topic.id) is not None]
            explicit = len([p for p in tagged if (tag := p.tag(topic.id)) is not None and not tag.implicit])
            cells.append(Cell(len(tagged), explicit, tagged[0].index if tagged else None))
        row = Row(topic, tuple(cells))
        if row.articles:
            rows.append(row)
        else:
            silent.append(topic)
    return Coverage(tuple(rows), tuple(silent), len(corpus.articles))
