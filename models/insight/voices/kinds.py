"""Whether a name is a body's, from how the article itself uses it elsewhere: the place an office is held
("the managing director of Action Aviation", "a spokesperson for Kestrel Air", "an engineer at Nordfjord
Marine"), what only a body has ("Kestrel Air's chief executive", "Kestrel Air's shares"), or one of a kind of
bodies ("hospital systems like Mass General Brigham", "airlines such as Kestrel Air"). A person's name
stands in none of these places, so each is evidence read from the text, not a list of names."""

from __future__ import annotations

import re

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


_OFFICE_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+(?:of|at|for)\s+(?:the\s+)?$")
_KIND_BEFORE = re.compile(r"\b([a-z]+)\s+(?:like|such\s+as|including)\s+(?:the\s+)?$")
_POSSESSED_AFTER = re.compile(r"[’']s?\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?")


def body_in_text(text: str, name: str) -> bool:
    """Whether the article uses `name` where only a body's name stands (see the module's docstring). Only
    the words right around each place the name is written are read."""
    if len(name) < 2:
        return False
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            before = text[max(0, at - 40) : at]
            m = _OFFICE_BEFORE.search(before)
            if m is not None and m.group(1).lower() in _OFFICES:
                return True  # "the managing director of Action Aviation"
            m = _KIND_BEFORE.search(before)
            if m is not None and _plural_body(m.group(1)):
                return True  # "hospital systems like X", "airlines such as X"
            m = _POSSESSED_AFTER.match(text, end)
            if m is not None:
                first, second = m.group(1).lower(), (m.group(2) or "").lower()
                if first in _POSSESSED or (first in _CHIEF and second in ("executive", "director", "officer")):
                    return True  # "Kestrel Air's board", "Kestrel Air's chief executive"
                if m.group(1).islower() and second in _POSSESSED:
                    return True  # "Kestrel Air's new chief executive"
        at = text.find(name, end)
    return False
