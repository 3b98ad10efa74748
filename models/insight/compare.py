"""Two linked passages side by side: the words the link rests on, and the words only one of them uses.

The link inspector marks these in both texts, so a reader sees at a glance where two outlets use the same
words and where their wording parts. The words marked as shared are the link's own `shared_terms` (the ones
its reason names), so the list, the reason and the marks always agree; only a link that names no words
falls back to every content word both passages use.

Which words count as a shared term is decided in one place, `TermMatch`, used by the inspector (through
`compare`) and by the export's side-by-side pairs (models/export/pairs.py): a term in capitals (an acronym,
"US", "NATO") matches only as written, so the country "US" never marks the pronoun "us"; every other term
matches whole words by stem, whatever their case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from models.text import STOPWORDS, Token, stem, tokens


@dataclass(frozen=True, slots=True)
class Mark:
    """A word of a passage: its span, whether it is one of the shared terms (`shared`), and whether only
    this passage uses it (`own`). A word both use that is not a shared term is neither."""

    start: int
    end: int
    shared: bool
    own: bool = False


@dataclass(frozen=True, slots=True)
class TermMatch:
    """What makes a word of a text one of a link's shared terms: its stem is one of `stems` (any case), or,
    for an acronym, it is written as one of `acronyms` (case-sensitive; "NATO's" and "NGOs" count, "us"
    does not count for "US")."""

    stems: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()

    def __call__(self, token: Token) -> bool:
        if self.acronyms:
            bare = _bare(token.raw)
            if bare in self.acronyms or (bare.endswith("s") and bare[:-1] in self.acronyms):
                return True
        return stem(token.norm) in self.stems


@dataclass(frozen=True, slots=True)
class Comparison:
    shared: tuple[str, ...]  # the shared terms: the link's, else the words both use as first written on the left
    left: tuple[Mark, ...]
    right: tuple[Mark, ...]
    match: TermMatch = TermMatch()  # what made a word shared (the export marks its own quotes with it)


def _bare(word: str) -> str:
    """`word` without a possessive ending ("NATO's" -> "NATO")."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def is_acronym(word: str) -> bool:
    """Two or more letters, all capitals, nothing else: "US", "NATO" (not "S-400", not "I")."""
    bare = _bare(word)
    return len(bare) >= 2 and bare.isalpha() and bare.isupper()


def term_match(terms: Sequence[str]) -> TermMatch:
    """What matches `terms`: an acronym as written (and, from four letters, as some outlets spell it,
    "Nato" for "NATO"); otherwise by stem every word of a one-word term, the content words of a longer
    one."""
    stems: set[str] = set()
    acronyms: set[str] = set()
    for term in terms:
        words = tokens(term)
        for t in words:
            if is_acronym(t.raw):
                bare = _bare(t.raw)
                acronyms.add(bare)
                if len(bare) >= 4:
                    acronyms.add(bare.capitalize())
            elif len(words) == 1 or t.norm not in STOPWORDS:
                stems.add(stem(t.norm))
    return TermMatch(frozenset(stems), frozenset(acronyms))


@lru_cache(maxsize=2)
def _words(text: str) -> tuple[tuple[Token, str], ...]:
    """Each word of `text` with its stem, worked out once per text: the inspector compares one passage with
    each of its links in turn, and a passage can be a whole 1.7 MB article in one paragraph (a new user's
    trial waited 10 s on a quiet machine, 90 s on a busy one, tokenising it twice per link). Two texts are
    kept (the passage and the link shown), not more: a huge passage's words take tens of MB."""
    return tuple((t, stem(t.norm)) for t in tokens(text))


def _content(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, s) for t, s in _words(text) if t.norm not in STOPWORDS and len(t.norm) > 1]


def compare(left: str, right: str, terms: Sequence[str] = ()) -> Comparison:
    """Mark the words of both texts: those matching `terms` (a link's shared terms) as shared, the content
    words only one side uses as own. With no `terms`, every content word both use is shared."""
    a, b = _content(left), _content(right)
    in_a, in_b = {s for _, _, s in a}, {s for _, _, s in b}
    both = in_a & in_b
    named = tuple(t for t in terms if t.strip())
    if named:
        match = term_match(named)

        def marks(text: str, other: set[str]) -> tuple[Mark, ...]:
            out = []
            for t, s in _words(text):
                if match(t):
                    out.append(Mark(t.start, t.end, True))
                elif t.norm not in STOPWORDS and len(t.norm) > 1:
                    out.append(Mark(t.start, t.end, False, s not in other))
            return tuple(out)

        return Comparison(named, marks(left, in_b), marks(right, in_a), match)
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
        TermMatch(frozenset(both)),
    )
