"""Which article discusses which topic, how much, and from where: the topic x article matrix shared by the
reader's coverage view and the Markdown export."""

from __future__ import annotations

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
    rows: tuple[Row, ...]


def coverage(corpus: Corpus) -> Coverage:
    rows = []
    for topic in corpus.topics:
        cells = []
        for article in corpus.articles:
            tagged = [p for p in article.passages if p.tag(topic.id) is not None]
            explicit = len([p for p in tagged if (tag := p.tag(topic.id)) is not None and not tag.implicit])
            cells.append(Cell(len(tagged), explicit, tagged[0].index if tagged else None))
        rows.append(Row(topic, tuple(cells)))
    # A topic that tags nothing here (the bundled topics on another story) goes below the ones that do: the
    # matrix opens on what this corpus discusses. Stable: otherwise the corpus's own order (configured first).
    rows.sort(key=lambda row: not any(cell.passages for cell in row.cells))
    return Coverage(tuple(rows))
