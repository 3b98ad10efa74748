"""Two linked passages side by side: the words the link rests on, and the words only one of them uses.

The link inspector marks these in both texts, so a reader sees at a glance where two outlets use the same
words and where their wording parts. The words marked as shared are the link's own `shared_terms` (the ones
its reason names), so the list, the reason and the marks always agree; only a link that names no words
falls back to every content word both passages use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.text import STOPWORDS, stem, tokens


@dataclass(frozen=True, slots=True)
class Mark:
    """A word of a passage: its span, whether it is one of the shared terms (`shared`), and whether only
    this passage uses it (`own`). A word both use that is not a shared term is neither."""

    start: int
    end: int
    shared: bool
    own: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    shared: tuple[str, ...]  # the shared terms: the link's, else the words both use as first written on the left
    left: tuple[Mark, ...]
    right: tuple[Mark, ...]


def term_stems(terms: Sequence[str]) -> frozenset[str]:
    """The stems a word is matched by to count as one of `terms`: every word of a one-word term (even "US"),
    the content words of a longer one."""
    out: set[str] = set()
    for term in terms:
        words = tokens(term)
        out.update(stem(t.norm) for t in words if len(words) == 1 or t.norm not in STOPWORDS)
    return frozenset(out)


def _content(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, stem(t.norm)) for t in tokens(text) if t.norm not in STOPWORDS and len(t.norm) > 1]


def compare(left: str, right: str, terms: Sequence[str] = ()) -> Comparison:
    """Mark the words of both texts: those matching `terms` (a link's shared terms) as shared, the content
    words only one side uses as own. With no `terms`, every content word both use is shared."""
    a, b = _content(left), _content(right)
    in_a, in_b = {s for _, _, s in a}, {s for _, _, s in b}
    both = in_a & in_b
    named = tuple(t for t in terms if t.strip())
    if named:
        stems = term_stems(named)

        def marks(text: str, other: set[str]) -> tuple[Mark, ...]:
            out = []
            for t in tokens(text):
                s = stem(t.norm)
                if s in stems:
                    out.append(Mark(t.start, t.end, True))
                elif t.norm not in STOPWORDS and len(t.norm) > 1:
                    out.append(Mark(t.start, t.end, False, s not in other))
            return tuple(out)

        return Comparison(named, marks(left, in_b), marks(right, in_a))
    shared: list[str] = []
    seen: set[str] = set()
    for start, end, s in a:
        if s in both and s not in seen:
            seen.add(s)
            shared.append(left[start:end])
    return Comparison(
        tuple(shared),
        tuple(Mark(start, end, s in both, s not in both) for start, end, s in a),
        tuple(Mark(start, end, s in both, s not in both) for start, end, s in b),
    )
