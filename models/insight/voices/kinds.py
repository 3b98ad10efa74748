"""Whether a name is a body's, from how the article itself uses it elsewhere: the place an office is held
("the managing director of Action Aviation", "a spokesperson for Kestrel Air", "an engineer at Nordfjord
Marine"), what only a body has ("Kestrel Air's chief executive", "Kestrel Air's shares"), or one of a kind of
bodies ("hospital systems like Mass General Brigham", "airlines such as Kestrel Air"). A person's name
stands in none of these places, so each is evidence read from the text, not a list of names."""

from __future__ import annotations

import re
from functools import lru_cache

from models.insight.voices.words import ORG_NOUNS, PERSON_OR_BODY

# Offices held in a body, and what a body has or is made of: the noun before "of/at/for NAME" or after
# "NAME's". Offices a person can also have for someone ("spokesman", "aide", "lawyer", "adviser", "son")
# are left out: "Erdogan's spokesman", "an adviser to Erdogan".
_OFFICES = frozenset(
    """director directors ceo ceos chairman chairwoman chairperson founder founders co-founder cofounder
    president vice-president manager managers executive executives employee employees staff staffer staffers
    engineer engineers shareholders shareholder investors board headquarters subsidiary shares stock owner
    owners boss""".split()
)
_POSSESSED = frozenset(
    """ceo chairman chairwoman founder co-founder cofounder board headquarters subsidiary shares stock employees
    staff website app platform fleet planes aircraft products customers""".split()
)
_CHIEF = frozenset("chief managing executive".split())  # "chief executive of", "managing director of"


def _plural_body(word: str) -> bool:
    word = word.lower()
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    stem = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return stem in ORG_NOUNS and stem not in PERSON_OR_BODY or stem in ("system", "hospital", "firm", "brand")


@lru_cache(maxsize=4096)
def _patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    n = re.escape(name)
    office = re.compile(r"\b([A-Za-z-]+)\s+(?:of|at|for)\s+(?:the\s+)?" + n + r"\b(?![’'-]?\w)")
    possessed = re.compile(n + r"[’']s?\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?")
    kind_of = re.compile(r"\b([a-z]+)\s+(?:like|such\s+as|including)\s+(?:the\s+)?" + n + r"\b")
    return office, possessed, kind_of


def body_in_text(text: str, name: str) -> bool:
    """Whether the article uses `name` where only a body's name stands (see the module's docstring)."""
    if len(name) < 2 or name not in text:
        return False
    office, possessed, kind_of = _patterns(name)
    for m in office.finditer(text):
        if m.group(1).lower() in _OFFICES:
            return True
    for m in possessed.finditer(text):
        first, second = m.group(1).lower(), (m.group(2) or "").lower()
        if first in _POSSESSED or (first in _CHIEF and second in ("executive", "director", "officer")):
            return True  # "Kestrel Air's board", "Kestrel Air's chief executive"
        if m.group(1).islower() and second in _POSSESSED:
            return True  # "Kestrel Air's new chief executive"
    return any(_plural_body(m.group(1)) for m in kind_of.finditer(text))
