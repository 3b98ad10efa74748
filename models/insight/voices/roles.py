"""What the rest of an article says about a named voice: the fullest form of a person's name ("Recep
Tayyip Erdogan" for "Erdogan") and a role written anywhere beside the name (an appositive, a role or a
title in front of it), with a sentence-initial capital taken off when the article writes the word in
lowercase elsewhere."""

from __future__ import annotations

import re

from models.text import STOPWORDS, fold
from models.insight.voices.lexicon import reporting_form
from models.insight.voices.words import (
    AUXILIARIES,
    BE,
    CLAUSE_BREAKS,
    DETERMINERS,
    ORG_NOUNS,
    ORG_WORDS,
    ROLE_NOUNS,
    MONTHS,
    SPEECH_VERBS,
    TIME_MODIFIERS,
    TIME_PREPOSITIONS,
    TITLES,
    WEEKDAYS,
    _bare,
    _DISCOURSE,
    _sentence_end,
)

def _preceding(text: str, name: str, reach: int = 120) -> list[list[str]]:
    """For each place `name` stands in `text` as whole words, the words right before it (at most `reach`
    characters back, only when nothing but a space separates them from the name)."""
    out: list[list[str]] = []
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        whole = not (end < len(text) and (text[end].isalnum() or text[end] == "-"))
        if whole and at > 0 and text[at - 1].isspace():
            before = text[max(0, at - reach) : at]
            words = before.split()
            out.append(words[1:] if at > reach else words)
        at = text.find(name, at + 1)
    return out


# Two capitalised words glued together, each with three small letters at least ("HomeBusinessElizabeth"): not
# a name's shape ("McDonald", "DeSantis", "MacKenzie" have shorter parts before the inner capital).
_GLUED = re.compile(r"[A-Z][a-z]{3,}[A-Z][a-z]{3,}")


def _fullest(text: str, name: str) -> str | None:
    """The longest run of capitalised words in `text` that ends with the person's name ("Recep Tayyip
    Erdogan" for "Erdogan"), titles and sentence words left out; None when there is none longer."""
    best: str | None = None
    for words in _preceding(text, name, 60):
        kept: list[str] = []
        words = words[-4:]
        for n in range(len(words) - 1, max(-1, len(words) - 4), -1):
            word = words[n]
            parts = [fold(p) for p in word.split("-")]
            if len(word) == 1 and word.isupper() and word not in "AI" and n == len(words) - 1:
                kept.insert(0, word)  # an initial: "S Jaishankar"
                continue
            if not word[:1].isupper() or word.isupper() or word.endswith(("'s", "’s")) or not word[-1:].isalpha() \
                    or any(p in TITLES or p in STOPWORDS or p in ROLE_NOUNS or p in ORG_WORDS or p in WEEKDAYS
                           for p in parts):
                if word[:1].isupper() and word[-1:].isalpha() and not word.isupper() and not any(
                        p in TITLES or p in STOPWORDS or p in ROLE_NOUNS for p in parts):
                    kept = []  # "Party Racing Liz Truss": a piece of a longer run of names (a tag list)
                break
            if _GLUED.search(word):
                break  # "HomeBusinessElizabeth": menu words glued to the name, not a given name
            if parts[0] in MONTHS and n > 0 and fold(words[n - 1]) in TIME_PREPOSITIONS | TIME_MODIFIERS:
                break  # "in March Erdogan said": a date, not a given name ("June Smith")
            kept.insert(0, word)
        if kept and len(kept) < len(words) and fold(words[-len(kept) - 1]) == "of":
            continue  # "Secretary of State Antony Blinken": "State" ends a title, not a name
        kept = _one_name(text, kept)
        if kept:
            candidate = " ".join([*kept, name])
            if best is None or len(candidate) > len(best):
                best = candidate
    return best


def _one_name(text: str, kept: list[str]) -> list[str]:
    """The given names of one person from a run of capitalised words before a surname: a run that holds
    another name ends after it ("Graham Brady Liz Truss", a list of tags: "Brady" is written elsewhere in the
    article with another word after it, so "Liz" alone is the given name of "Truss")."""
    for n in range(len(kept) - 2, -1, -1):
        nxt = kept[n + 1]
        for m in re.finditer(r"(?<![\w’'-])" + re.escape(kept[n]) + r"\b\W*(\w*)", text):
            if m.group(1) != nxt:
                return kept[n + 1 :]
    return kept


_AFTER_NAME_ROLE = re.compile(
    r"\s*(?:,|–|—|\s-\s)\s*((?:(?:the|a|an|its|his|her)\s+)?[^,;:.–—()“”\"]{3,140}?)\s*(?=[,;:.–—()]|\s-\s|$)"
)


# "a cybersecurity firm called CrowdStrike": what the article calls a body it names.
_CALLED_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\s+(?:called|named|dubbed)\s+$")


def _called(text: str, name: str) -> str | None:
    """The description a body is introduced by ("a cybersecurity firm called CrowdStrike" -> "a
    cybersecurity firm"), or None."""
    at = text.find(name)
    while at >= 0:
        m = _CALLED_BEFORE.search(text, max(0, at - 80), at)
        if m is not None:
            words = m.group().split()[:-1]
            if fold(words[-1]) in ORG_NOUNS:
                return " ".join(words)
        at = text.find(name, at + 1)
    return None


def _given_name_before(text: str, name: str) -> bool:
    """Whether a capitalised word that can be a given name stands right before `name` somewhere in `text`
    ("Troy Hunt", "Tayyip Erdogan"; not "The Hunt", "President Erdogan")."""
    at = text.find(name)
    while at >= 0:
        m = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if m is not None and m.end() == at:
            word = fold(_bare(m.group(1))).rstrip(".")
            if (word not in STOPWORDS and word not in _DISCOURSE and word not in TITLES and not m.group(1).isupper()
                    and not _sentence_end(m.group(1))):
                return True
        at = text.find(name, at + 1)
    return False


_WORD_BEFORE = re.compile(r"\b([A-Z][\w’'.-]*) $")


def _appositive(text: str, name: str, body: bool = False) -> str | None:
    """A role set off after a name: "Alexander Mikheyev – the head of ..." or "Sergei Chemezov, the Head of ...";
    of a body (`body`), what kind of body it is ("Silicon Valley Bank – a lender of choice to startups –").
    Read where the name stands (str.find), with one pattern for every name."""
    at = text.find(name)
    while at >= 0:
        m = _AFTER_NAME_ROLE.match(text, at + len(name))
        at = text.find(name, at + 1)
        if m is None:
            continue
        role = _before_verb(m.group(1).strip())
        words = [fold(w) for w in re.findall(r"[^\W\d_]+", role)]
        if words and (words[0].endswith("ing") or words[0] in ("who", "whose", "which", "that")):
            continue  # "Interfax, citing a source in ...": a clause, not what the speaker is
        determined = bool(words) and words[0] in ("the", "a", "an", "its", "his", "her")
        heads = ROLE_NOUNS | ORG_NOUNS if body else ROLE_NOUNS
        if any(w in heads for w in (words[:6] if determined else words[:3])):
            return re.split(r"\s+(?:who|whose|which|that)\s", role, maxsplit=1)[0]  # "the family firm whose chief ..."
    return None


_APPOSITIVE_ENDS = frozenset("of for at in on with from who whose which that and".split())
_FINITE = re.compile(r"\s+(?:" + "|".join(sorted(BE | AUXILIARIES)) + r")\b")


def _before_verb(role: str) -> str:
    """A role is a noun phrase, never a clause: what an appositive holds before a finite verb ("Liz Roe, UK
    Prime Minister has resigned ..." -> "UK Prime Minister"; the comma closing the role was left out)."""
    m = _FINITE.search(role)
    role = role[: m.start()] if m else role
    # "Tom Reyes, the defendant's lawyer said the verdict ...": the reporting verb in the past ends the role
    # (an -s form is as likely a plural noun: "senior claims adjuster", "head of reports and statistics").
    for m in re.finditer(r"\s([a-z]+)\b", role):
        form = reporting_form(m.group(1))
        if form is not None and not (form.base or form.ing or m.group(1).endswith("s")) and not re.search(r"\b(?:the|a|an|its|his|her|their)\s*$", role[: m.start()]):
            return role[: m.start()]
    return role


_PREPOSED_START = re.compile(r"(?:The|An?|[A-Z][\w’'-]*[’']s)\s")
# A title in capitals: "Union Minister of External Affairs", "Chief Executive".
_TITLE_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w’'-]*)*")


def _preposed(text: str, names: list[str]) -> str | None:
    """A role set off before a name at the start of a sentence or clause: "The head of Egypt's Suez Canal
    Authority, Osama Rabie, has ruled out ...", "Israel's banking regulator, Yair Avidan, said". Found from
    each place the name stands (str.find), not by a pattern scanned over the whole text."""
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if at >= 2 and text[at - 2 : at] == ", " and text[end : end + 1] == ",":
                lo = max(text.rfind(ch, 0, at - 2) for ch in ".!?;:,()“”\"\n") + 1
                segment = text[lo : at - 2].strip()
                # The segment may follow a title line without a full stop: take it from its capital "The".
                m = None
                for m in _PREPOSED_START.finditer(segment):
                    break
                if m is not None and len(segment) - m.start() <= 120:
                    role = segment[m.start() :]
                    if any(fold(w) in ROLE_NOUNS for w in re.findall(r"[^\W\d_]+", role)):
                        return role
                elif _TITLE_RUN.fullmatch(segment) and any(fold(w) in ROLE_NOUNS for w in segment.split()):
                    return segment  # "Union Minister of External Affairs, S Jaishankar, posted"
            at = text.find(name, at + 1)
    return None


_BODY_APPOSITIVE = re.compile(r"\s*(?:,|–|—|\s-\s)\s*(?:the|a|an|its)\s+([a-z][a-z\s-]{2,80}?)(?=[,;:.–—()]|$)")


def _body_appositive(text: str, name: str) -> bool:
    """Whether the article sets a body noun off after the name: "Baykar, the family firm whose ...",
    "Lockheed Martin, the prime contractor": the name is a company or an institution, not a person."""
    at = text.find(name)
    while at >= 0:
        m = _BODY_APPOSITIVE.match(text, at + len(name))
        if m:
            head = ""
            for word in m.group(1).split():
                if word in _APPOSITIVE_ENDS and head:
                    break
                head = word
            if head in ORG_NOUNS:
                return True
        at = text.find(name, at + 1)
    return False


def _premodified(text: str, names: list[str]) -> str | None:
    """A role written right before one of the names anywhere in the article ("analyst Barcin Yinanc")."""
    for name in names:
        for words in _preceding(text, name):
            kept: list[str] = []
            for word in reversed(words[-6:]):
                low = fold(word)
                if low in CLAUSE_BREAKS or low in STOPWORDS or low in SPEECH_VERBS or not word[-1:].isalpha():
                    break
                kept.insert(0, word)
            # A title in capitals ("President") is the title, found by `_titled`; in lowercase ("its
            # chairman Ismail Demir") it is a role.
            if kept and fold(kept[-1]) in ROLE_NOUNS and (fold(kept[-1]) not in TITLES or kept[-1].islower()):
                return " ".join(kept)
    return None


# "Liz Roe has resigned as Prime Minister", "Roe announced her resignation as UK Prime Minister": the office a
# verb of taking or leaving it names, a title in capitals after "as" (at most four lowercase words between).
_AS_OFFICE = re.compile(r"(?:\s+[a-z][\w’'-]*){1,4}\s+as\s+((?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*)")


def _as_office(text: str, names: list[str]) -> str | None:
    """An office the article names a person in by "as" after a verb ("has resigned as Prime Minister")."""
    for name in names:
        at = text.find(name)
        while at >= 0:
            m = _AS_OFFICE.match(text, at + len(name))
            if m is not None and any(fold(w) in ROLE_NOUNS or fold(w) in TITLES for w in m.group(1).split()):
                return m.group(1)
            at = text.find(name, at + 1)
    return None


def _titled(text: str, names: list[str]) -> str | None:
    """A title written right before one of the names ("President Erdogan" -> "President")."""
    for name in names:
        for words in _preceding(text, name, 60):
            words = words[-3:]
            if not words or fold(words[-1]).rstrip(".") not in TITLES or not words[-1][:1].isupper():
                continue
            start = len(words) - 1
            while start > 0 and words[start - 1][:1].isupper() and fold(words[start - 1]) not in STOPWORDS \
                    and words[start - 1][-1:].isalpha() and not words[start - 1].endswith(("'s", "’s")):
                start -= 1
            return " ".join(words[start:])
    return None


def _truecase(text: str, phrase: str) -> str:
    """Lowercase a phrase's first word when only a sentence start capitalised it: the article uses the word
    in lowercase elsewhere ("Foreign policy analyst" -> "foreign policy analyst"; "Pentagon spokesman" stays)."""
    first, _, rest = phrase.partition(" ")
    if not rest or not first[:1].isupper() or first.isupper() or not rest[:1].islower():
        return phrase
    low = first.lower()
    if low in DETERMINERS or re.search(r"(?<![\w’'-])" + re.escape(low) + r"(?![\w’'-])", text):
        return low + " " + rest
    return phrase
