"""Two passages side by side: which words they share and which only one of them uses.

The link inspector marks these in both texts, so a reader sees at a glance where two outlets use the same
words and where their wording parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.text import STOPWORDS, stem, tokens


@dataclass(frozen=True, slots=True)
class Mark:
    """A word of a passage: its span and whether the other passage shares it."""

    start: int
    end: int
    shared: bool


@dataclass(frozen=True, slots=True)
class Comparison:
    shared: tuple[str, ...]  # shared words, as first written in the left passage
    left: tuple[Mark, ...]
    right: tuple[Mark, ...]


def _content(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, stem(t.norm)) for t in tokens(text) if t.norm not in STOPWORDS and len(t.norm) > 1]


def compare(left: str, right: str) -> Comparison:
    """Mark every content word of both texts as shared or own."""
    a, b = _content(left), _content(right)
    in_a, in_b = {s for _, _, s in a}, {s for _, _, s in b}
    both = in_a & in_b
    shared: list[str] = []
    seen: set[str] = set()
    for start, end, s in a:
        if s in both and s not in seen:
            seen.add(s)
            shared.append(left[start:end])
    return Comparison(
        tuple(shared),
        tuple(Mark(start, end, s in both) for start, end, s in a),
        tuple(Mark(start, end, s in both) for start, end, s in b),
    )
