"""Places that speak, from the article's own evidence: no gazetteer.

News writes a state's or an institution's voice through its places: "Moscow said", "Washington insists",
"Saudi Arabia has described the sanctions as...", "the Kremlin announced", "Downing Street said". Such a
speaker is a body (an organisation), never a person. What tells a place apart is how the article writes it:

- a name the article uses as a place ("in Moscow", "across Saudi Arabia", "Moscow-based") more often than as
  a person's name ("President Erdogan", "Tayyip Erdogan"): `places_in`;
- a name whose last word is a place word, the seat of an institution ("Downing Street", "the White House",
  "Elysee Palace", "Capitol Hill"): `place_name`;
- a role that is a kind of place ("the Turkish capital Ankara", "the port city of X"): `place_role`.

One-word names with no sign of a person at all ("Russia has complained before") are bodies by the rule in
`models.insight.voices.grouping` (English news names a person in full first), so no list of countries or
capitals is needed; a person named like a place ("George Washington", "Michael Jordan", "Chad Smith ...
Chad said") stays a person by the same evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from models.text import STOPWORDS, fold
from models.insight.voices.words import _DISCOURSE, _bare, _sentence_end

# The last word of an institution's seat: "Downing Street", "White House", "Elysee Palace", "Capitol Hill".
PLACE_WORDS = frozenset("street square palace house hill avenue building plaza".split())
# Nouns of a kind of place: as a role they make the name a place ("the Turkish capital Ankara").
PLACE_NOUNS = frozenset(
    """capital city country state nation town region province republic kingdom island village port county district
    valley river lake bay coast mountains""".split()
)

# "in Moscow", "across Saudi Arabia" (not "in Erdogan's view"): a name of one to three words used as a place.
_NAME = r"[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}"
_LOCATIVE = re.compile(r"\b(?:in|into|across|throughout|inside)\s+(?:the\s+)?(" + _NAME + r")\b(?![’'-])")
_BASED = re.compile(r"\b([A-Z][\w’'-]+)-based\b")
# "President Erdogan", "Tayyip Erdogan": a capitalised word right before a name makes it a person's.
_WORD_BEFORE = re.compile(r"\b([A-Z][\w’'.-]*) $")


def places_in(texts: Iterable[str]) -> frozenset[str]:
    """Names (folded, words joined by a space) used as places more often than as people: such a speaker
    ("Moscow said", "Saudi Arabia said") is a state or a body speaking through its place, not a person.

    Place uses are "in Moscow", "across Saudi Arabia", "Moscow-based" (a longer name also counts for its last
    words: "in Northern Saudi Arabia"); person uses are a name after a title or a given name ("President
    Erdogan", "Tayyip Erdogan"), so that "confidence in Erdogan" alone does not turn Erdogan into a place.
    Person uses are counted only for the names met as places, where they stand (str.find).
    """
    texts = list(texts)
    place: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for text in texts:
        for m in _LOCATIVE.finditer(text):
            words = m.group(1).split()
            for k in range(len(words)):
                key = fold(" ".join(words[k:]))
                place[key] += 1
                spelled.setdefault(key, " ".join(words[k:]))
        for m in _BASED.finditer(text):
            place[fold(m.group(1))] += 1
            spelled.setdefault(fold(m.group(1)), m.group(1))
    return frozenset(key for key, n in place.items() if n > sum(_person_uses(t, spelled[key]) for t in texts))


def _person_uses(text: str, name: str) -> int:
    """How often `name` stands after a capitalised word that is no function word, in `text`."""
    n = 0
    at = text.find(name)
    while at >= 0:
        m = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if m is not None:
            first = fold(_bare(m.group(1))).rstrip(".")
            if (first not in STOPWORDS and first not in _DISCOURSE and not m.group(1).isupper()
                    and not _sentence_end(m.group(1))):
                n += 1
        at = text.find(name, at + 1)
    return n


def place_name(name: str) -> bool:
    """Whether a speaker's name ends in a place word, the seat of an institution ("Downing Street", "the
    White House", "Capitol Hill"): a government or an institution speaking, never a person."""
    words = fold(_bare(name)).split()
    return len(words) > 1 and words[-1] in PLACE_WORDS


def place_role(role: str | None) -> bool:
    """Whether a role is a kind of place ("the Turkish capital", "the port city of"): its name is a place."""
    if not role:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", fold(role)) if w not in ("the", "of", "a")]
    return bool(words) and words[-1] in PLACE_NOUNS
