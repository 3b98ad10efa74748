"""Who a pronoun or a description that no speaker answers to refers to, from the article's own evidence:
the article's main subject (the person its title and lead are about), a person's gender (the pronouns the
article uses after the name, or a form of address), the person an age description means ("the 46-year-old":
"Jane Roe, 46,"), the person a role description means ("the federation's president": "Ana Ruiz, the
president of the national federation"). Names are returned as written; grouping makes voices of them."""

from __future__ import annotations

import re

from models.text import STOPWORDS, fold
from models.insight.voices.places import PLACE_NOUNS, PLACE_WORDS
from models.insight.voices.words import MONTHS, ORG_WORDS, ROLE_NOUNS, TITLES, WEEKDAYS

MALE, FEMALE = "m", "f"

_CAP = r"[A-Z][\w’'-]*[^\W\d_]"
# Two to four capitalised words, or up to six with titles in front ("US District Judge Edward Davila").
_FULL_NAME = re.compile(rf"(?<![\w’'-])(?:{_CAP}\s+(?:(?:de|da|van|von|der|del|di|al|bin|le|la)\s+)?){{1,5}}{_CAP}(?![\w’'-])")
_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?“”\"]|\s[A-Z]")  # a sentence's end, a quotation, the next name
_ADDRESS = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "sir": MALE, "dame": FEMALE}
_LEAD = 700  # characters of the article's text read as its lead


def _person_words(words: list[str], shortest: int = 2) -> list[str] | None:
    """The words of a person's name from a run of capitalised words, titles in front dropped; None when a
    word says it is no person's ("Premier League", "Silicon Valley", "On Monday")."""
    for k in range(len(words) - 2, -1, -1):
        if words[k].endswith(("’s", "'s")):
            words = words[k + 1 :]  # "Spain's Ana Ruiz"
            break
    folded = [fold(w.replace("’", "'").removesuffix("'s")) for w in words]
    # The name after its title ("Attorney Jane Poe", "District Attorney Jane Poe", "Union President Ana Ruiz").
    # The last word is the surname even when it is also a title ("Ana King", "Jo Major").
    last = max((k for k, w in enumerate(folded[:-1]) if w.rstrip(".") in TITLES or w in ROLE_NOUNS), default=-1)
    folded, words = folded[last + 1 :], words[last + 1 :]
    if len(words) < shortest:
        return None
    if any(w in ORG_WORDS or w in PLACE_WORDS or w in PLACE_NOUNS or w in STOPWORDS or w in WEEKDAYS or w in MONTHS or w in ROLE_NOUNS
           for w in folded):
        return None
    return words


def mentions(text: str, surname: str) -> list[int]:
    """Where the surname stands as a word of its own (str.find: no pattern over the whole text)."""
    out = []
    at = text.find(surname)
    while at >= 0:
        end = at + len(surname)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'-_")) and (
                end >= len(text) or not (text[end].isalnum() or text[end] in "-_")):
            out.append(at)
        at = text.find(surname, end)
    return out


def gender(text: str, name: str) -> str:
    """The gender the article gives a person: a form of address before the surname ("Ms Roe"), else the
    pronoun that first follows each mention of the surname in its sentence, outside quotations and before
    another name ("Roe said her ...", "Roe, whose ..., said he"; not "Roe criticised Ann Lee over her
    remarks"), when they agree; "" when the article does not say."""
    surname = name.split()[-1]
    votes = {MALE: 0, FEMALE: 0}
    for at in mentions(text, surname):
        before = re.search(r"(\w+)\.?\s+$", text[max(0, at - 8) : at])
        if before and fold(before.group(1)) in _ADDRESS:
            return _ADDRESS[fold(before.group(1))]
        end = _CLAUSE_END.search(text, at + len(surname), min(len(text), at + len(surname) + 160))
        m = _PRONOUN.search(text, at + len(surname), end.start() if end else min(len(text), at + len(surname) + 160))
        if m is not None:
            votes[MALE if m.group(1) else FEMALE] += 1
    if votes[MALE] >= 2 * max(1, votes[FEMALE]) or (votes[MALE] == 1 and not votes[FEMALE]):
        return MALE
    if votes[FEMALE] >= 2 * max(1, votes[MALE]) or (votes[FEMALE] == 1 and not votes[MALE]):
        return FEMALE
    return ""


_THEY = re.compile(r"\b(?:they|them|their|theirs|themselves|themself)\b", re.IGNORECASE)


def they_person(text: str, name: str) -> bool:
    """Whether the article calls a person "they" (singular they): the pronoun that first follows a mention
    of the surname in its sentence, outside another name, is "they"/"them"/"their" ("Alex Kim said their
    team ..."), and no mention is followed by "he" or "she" first."""
    surname = name.split()[-1]
    found = False
    for at in mentions(text, surname):
        end = _CLAUSE_END.search(text, at + len(surname), min(len(text), at + len(surname) + 160))
        stop = end.start() if end else min(len(text), at + len(surname) + 160)
        gendered = _PRONOUN.search(text, at + len(surname), stop)
        they = _THEY.search(text, at + len(surname), stop)
        if gendered is not None and (they is None or gendered.start() < they.start()):
            return False
        found = found or they is not None
    return found


def main_subject(title: str, text: str) -> str | None:
    """The person the article is about: of the people named in full in its lead (or its title), the one
    its title names first ("Sabalenka apologises to Gauff"), else the one whose surname the article uses
    most; at least three times, or in the title and the text, and alone at least once; never a name the
    article writes with "the" ("the Ever Given")."""
    best: tuple[bool, int, int, int, str] | None = None
    lead = text[:_LEAD]
    for source, offset in ((title, -1), (lead, 0)):
        for m in _FULL_NAME.finditer(source):
            words = _person_words(m.group().split())
            if words is None:
                continue
            surname = words[-1].removesuffix("’s").removesuffix("'s")
            name = " ".join([*words[:-1], surname])
            if re.search(rf"\b[Tt]he\s+{re.escape(name)}\b", text):
                continue
            in_title = len(mentions(title, surname))
            found = mentions(text, surname)
            if all(source[:at].rstrip().endswith(words[-2]) for source, found_in in ((text, found), (title, mentions(
                    title, surname))) for at in found_in):
                continue  # a person is called by the surname alone ("Sodje said"); "Silicon Valley" never is
            count = len(found) + in_title
            key = (in_title > 0, -title.find(surname) if in_title else 0, count,
                   -m.start() if offset == 0 else -_LEAD - m.start(), name)
            if (count >= 3 or (in_title and count >= 2)) and (best is None or key[:4] > best[:4]):
                best = key
    return best[4] if best else None


def aged(text: str, age: str, before: int) -> str | None:
    """The person the article gives this age, named before offset `before`: "Jane Roe, 46,", "Roe (46)",
    "46-year-old Jane Roe"; the last such name."""
    found = None
    for m in re.finditer(rf"({_CAP}(?:\s+{_CAP}){{0,3}}),?\s+\(?(?:aged\s+)?{re.escape(age)}\b[,)]"
                         rf"|\b{re.escape(age)}-year-old\s+(?:[a-z]+\s+){{0,3}}({_CAP}(?:\s+{_CAP}){{1,3}})", text[:before]):
        words = _person_words((m.group(1) or m.group(2)).split())
        if words is not None or (m.group(1) and " " not in m.group(1)):
            found = " ".join(words) if words else m.group(1)
    return found


def named_with_role(text: str, head: str, words: set[str], before: int, reach: int = 3000) -> str | None:
    """The person a role description refers to ("the federation's president" -> "Ana Ruiz" of "federation
    president Ana Ruiz" or "Ana Ruiz, the president of the national federation"): the last person named
    before offset `before` with the description's head noun next to the name and its other words near it."""
    lo = max(0, before - reach)
    if head not in text[lo:before].lower():
        return None
    found = None
    pattern = re.compile(
        rf"\b(?i:{re.escape(head)})\s+((?:{_CAP}\s+){{0,3}}{_CAP})(?![\w’'-])"
        rf"|((?:{_CAP}\s+){{1,3}}{_CAP}),\s+(?:the|a|an|{_CAP}[’']s)\s+[^,.;:()]{{0,60}}?\b{re.escape(head)}\b",
    )
    for m in pattern.finditer(text, lo, before):
        window = fold(text[max(0, m.start() - 40) : m.end() + 60])
        if any(w not in window for w in words):
            continue
        # A surname alone only after a title in capitals ("PM Modi"; not "the president Lula").
        name = _person_words((m.group(1) or m.group(2)).split(), 1 if m.group(1) and m.group()[:1].isupper() else 2)
        if name is not None:
            found = " ".join(name)
    return found


def named_in_clause(text: str, lo: int, at: int, quotes: list[tuple[int, int]],
                    surnames: dict[str, str] | None = None) -> list[str]:
    """The people's names written in `text[lo:at]` outside the quotations (each surname once, in order): the
    persons a pronoun at `at` could mean within its own sentence ("While the release stated that Greg
    Brockman ... was stepping down, he later announced ..."); with `surnames` (`full_names` of the article),
    a surname alone too ("Holmes's lawyers asked Davila to ... — which he said", Edward Davila named before)."""
    found: list[tuple[int, str, str]] = []
    for m in _FULL_NAME.finditer(text, lo, at):
        if any(qs <= m.start() < qe for qs, qe in quotes):
            continue
        words = _person_words(m.group().split())
        if words:
            found.append((m.start(), fold(words[-1]), " ".join(words)))
    known = surnames or {}
    for m in _CAP_WORD.finditer(text, lo, at) if known else ():
        key = fold(m.group().replace("’", "'").removesuffix("'s"))
        if key in known and not any(qs <= m.start() < qe for qs, qe in quotes):
            found.append((m.start(), key, known[key]))
    out: dict[str, str] = {}
    for _, key, name in sorted(found):
        out.setdefault(key, name)
    return list(out.values())


_CAP_WORD = re.compile(rf"(?<![\w’'-]){_CAP}(?![\w-])")


def full_names(text: str) -> dict[str, str]:
    """The people the article names in full, by folded surname ("davila" -> "Edward Davila"); the first
    full name of each surname."""
    out: dict[str, str] = {}
    for m in _FULL_NAME.finditer(text):
        words = _person_words(m.group().split())
        if words:
            out.setdefault(fold(words[-1]), " ".join(words))
    return out
