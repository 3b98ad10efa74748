"""A corpus's links as columns of numbers (`LinkEnds`), and `LinkTable`: those columns read as a sequence of
`Link`s, each Link object made only when something reads it.

Why: a corpus of 5,000 articles has some 860,000 links, and a reader looks at the links of the passage in
front of it. Making every Link object when the corpus is loaded (from the cache, or after a relink) took
about 0.4 s and some 100 MB for objects nobody reads; the reader's views ask `Corpus.links_of` and
`Corpus.linked_ids`, which a table answers from its columns. What reads every link (the JSON, the summary,
an export) iterates the table, and the Links it makes then are kept, so a second pass costs nothing.

No numpy here: the cache gives the columns as `array.array`s and a reader whose corpus comes from the cache
never imports numpy; a relink's columns are numpy arrays, which are read the same way (`tolist`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, overload

from models.document import Link

if TYPE_CHECKING:
    import numpy as np

    Ints = Sequence[int] | np.ndarray  # a column: array.array from the cache, numpy from a relink
    Floats = Sequence[float] | np.ndarray


@dataclass(frozen=True)
class LinkEnds:
    """A corpus's links as columns: each link's ends as indexes into `ids`, its topic as an index into `topics`,
    its score, its reason as an index into `reasons` and its shared terms as an index into `shared_terms`. The
    cache reads and writes links in this form; a relink keeps the stored columns of the links it keeps and
    hands them back with the new ones (`CorpusAnalysis.ends`), so 800,000 links are not taken apart again to
    be stored. The cache gives the columns as `array.array`s, which numpy takes without a copy (a list of
    800,000 numbers it converts one by one); a relink gives numpy arrays."""

    ids: tuple[str, ...]
    source: Ints
    target: Ints
    topics: tuple[str | None, ...]  # the topics; None (links by content), if there, last
    topic: Ints  # each link's topic as an index into `topics`; -1 for None (the last, when there)
    score: Floats
    reasons: tuple[str, ...] = ()  # the distinct reasons
    reason: Ints = ()  # each link's reason, as an index into `reasons`
    shared_terms: tuple[tuple[str, ...], ...] = ()  # the distinct tuples of shared terms
    shared: Ints = ()  # each link's shared terms, as an index into `shared_terms`

    @classmethod
    def of(cls, links: Sequence[Link]) -> LinkEnds:
        ids = {pid: n for n, pid in enumerate(dict.fromkeys([x for link in links for x in (link.source, link.target)]))}
        topics: dict[str | None, int] = {t: n for n, t in enumerate(dict.fromkeys(
            link.topic for link in links if link.topic is not None))}
        topics[None] = -1
        reasons = {r: n for n, r in enumerate(dict.fromkeys(link.reason for link in links))}
        shared = {h: n for n, h in enumerate(dict.fromkeys(link.shared_terms for link in links))}
        return cls(tuple(ids), [ids[link.source] for link in links], [ids[link.target] for link in links],
                   tuple(topics), [topics[link.topic] for link in links], [link.score for link in links],
                   tuple(reasons), [reasons[link.reason] for link in links],
                   tuple(shared), [shared[link.shared_terms] for link in links])

    def __len__(self) -> int:
        return len(self.source)


_LINK_FIELDS = ("source", "target", "topic", "score", "reason", "shared_terms")


def make_links(*columns: Iterable) -> list[Link]:
    """Links from their fields' columns (in `_LINK_FIELDS` order), 800,000 of them at a time: each built as
    `Link(...)` would build it, but its slots set directly instead of through the frozen dataclass's __init__
    (which sets each through object.__setattr__: twice the time, 0.3 s at 5,000 articles). A Link of other
    fields than these is built through its __init__."""
    if tuple(f.name for f in fields(Link)) != _LINK_FIELDS or hasattr(Link, "__post_init__"):
        return [Link(*values) for values in zip(*columns)]  # pragma: no cover - Link changed: the plain way
    new = object.__new__
    s0, s1, s2, s3, s4, s5 = (getattr(Link, name).__set__ for name in _LINK_FIELDS)
    out: list[Link] = []
    append = out.append
    for a, b, c, d, e, f in zip(*columns):
        link = new(Link)
        s0(link, a)
        s1(link, b)
        s2(link, c)
        s3(link, d)
        s4(link, e)
        s5(link, f)
        append(link)
    return out


class LinkTable(Sequence[Link]):
    """`LinkEnds` read as the sequence of their Links, in order (a tuple of them compares equal to it).

    A Link is made when it is read: by index, through `of` (one passage's links) or by iterating. Iterating
    makes them all at once and keeps them (what reads every link once, the JSON or an export, often reads them
    again). `linked_ids` and `of` read the columns and never make the others."""

    __slots__ = ("ends", "_topics", "_all", "_by_end", "_end_of", "_made")

    def __init__(self, ends: LinkEnds) -> None:
        if not (len(ends.source) == len(ends.target) == len(ends.topic) == len(ends.score) == len(ends.reason)
                == len(ends.shared)):
            raise ValueError("link columns of different lengths")
        self.ends = ends
        topics = ends.topics
        self._topics = topics if topics and topics[-1] is None else topics + (None,)  # index -1: by content
        self._all: tuple[Link, ...] | None = None
        self._by_end: dict[int, list[int]] | None = None  # passage (index into ids) -> the rows it is an end of
        self._end_of: dict[str, int] | None = None  # passage id -> its index into ids
        self._made: dict[str, list[Link]] = {}  # passage id -> its links, best first (`of`)

    def __len__(self) -> int:
        return len(self.ends.source)

    def _make(self, start: int, stop: int) -> list[Link]:
        """The Links of rows start..stop, made from slices of the columns (tolist gives Python numbers, from
        array.array and numpy alike)."""
        e = self.ends
        ids, topics, reasons, shared = e.ids, self._topics, e.reasons, e.shared_terms
        return make_links(map(ids.__getitem__, _values(e.source, start, stop)),
                          map(ids.__getitem__, _values(e.target, start, stop)),
                          map(topics.__getitem__, _values(e.topic, start, stop)), _values(e.score, start, stop),
                          map(reasons.__getitem__, _values(e.reason, start, stop)),
                          map(shared.__getitem__, _values(e.shared, start, stop)))

    def _every(self) -> tuple[Link, ...]:
        if self._all is None:
            self._all = tuple(self._make(0, len(self)))
        return self._all

    @overload
    def __getitem__(self, index: int) -> Link: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Link, ...]: ...

    def __getitem__(self, index: int | slice) -> Link | tuple[Link, ...]:
        if isinstance(index, slice):
            return self._every()[index]
        if self._all is not None:
            return self._all[index]
        n = len(self)
        if not -n <= index < n:
            raise IndexError("link index out of range")
        index %= n
        return self._make(index, index + 1)[0]

    def __iter__(self) -> Iterator[Link]:
        return iter(self._every())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LinkTable, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._every())

    def __add__(self, other: Sequence[Link]) -> tuple[Link, ...]:
        return self._every() + tuple(other)

    def __radd__(self, other: Sequence[Link]) -> tuple[Link, ...]:
        return tuple(other) + self._every()

    def __repr__(self) -> str:
        return f"LinkTable({len(self)} links)"

    def linked_ids(self) -> frozenset[str]:
        """Every passage that is an end of a link."""
        e = self.ends
        ends = set(_values(e.source, 0, len(self))).union(_values(e.target, 0, len(self)))
        return frozenset(map(e.ids.__getitem__, ends))

    def of(self, passage_id: str) -> list[Link]:
        """The links with `passage_id` at one end, best first (ties in the table's order), as
        `Corpus.links_of` gives them; only these Links are made."""
        found = self._made.get(passage_id)
        if found is not None:
            return found
        if self._by_end is None:
            by_end: dict[int, list[int]] = {}
            for column in (self.ends.source, self.ends.target):
                for row, end in enumerate(_values(column, 0, len(self))):
                    rows = by_end.get(end)
                    if rows is None:
                        by_end[end] = [row]
                    else:
                        rows.append(row)
            self._by_end = by_end
            self._end_of = {pid: k for k, pid in enumerate(self.ends.ids)}
        assert self._end_of is not None
        end = self._end_of.get(passage_id)
        rows = sorted(self._by_end.get(end, ())) if end is not None else []
        score = self.ends.score
        rows.sort(key=lambda row: -score[row])
        links = [self[row] for row in rows]
        self._made[passage_id] = links
        return links


def _values(column: Any, start: int, stop: int) -> list:
    """Rows start..stop of a column as a list of Python numbers (array.array and numpy: `tolist`; a list as
    `LinkEnds.of` makes it: a slice)."""
    part = column[start:stop]
    return part.tolist() if hasattr(part, "tolist") else list(part)
