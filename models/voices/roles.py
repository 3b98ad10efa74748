"""What the rest of an article says about a named voice: the fullest form of a person's name ("Recep
Tayyip Erdogan" for "Erdogan") and a role written anywhere beside the name (an appositive, a role or a
title in front of it), with a sentence-initial capital taken off when the article writes the word in
lowercase elsewhere."""

from __future__ import annotations

import re

from models.text import STOPWORDS, fold
from models.voices.words import CLAUSE_BREAKS, DETERMINERS, ORG_WORDS, ROLE_NOUNS, SPEECH_VERBS, TITLES

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


def _fullest(text: str, name: str) -> str | None:
    """The longest run of capitalised words in `text` that ends with the person's name ("Recep Tayyip
    Erdogan" for "Erdogan"), titles and sentence words left out; None when there is none longer."""
    best: str | None = None
    for words in _preceding(text, name, 60):
        kept: list[str] = []
        words = words[-4:]
        for word in reversed(words[-3:]):
            parts = [fold(p) for p in word.split("-")]
            if not word[:1].isupper() or word.isupper() or word.endswith(("'s", "’s")) or not word[-1:].isalpha() \
                    or any(p in TITLES or p in STOPWORDS or p in ROLE_NOUNS or p in ORG_WORDS for p in parts):
                break
            kept.insert(0, word)
        if kept and len(kept) < len(words) and fold(words[-len(kept) - 1]) == "of":
            continue  # "Secretary of State Antony Blinken": "State" ends a title, not a name
        if kept:
            candidate = " ".join([*kept, name])
            if best is None or len(candidate) > len(best):
                best = candidate
    return best


def _appositive(text: str, name: str) -> str | None:
    """A role set off after a name: "Alexander Mikheyev – the head of ..." or "Sergei Chemezov, the Head of ..."."""
    pattern = re.compile(
        re.escape(name)
        + r"\s*(?:,|–|—|\s-\s)\s*((?:(?:the|a|an|its|his|her)\s+)?[^,;:.–—()“”\"]{3,140}?)\s*(?=[,;:.–—()]|\s-\s|$)"
    )
    for m in pattern.finditer(text):
        role = m.group(1).strip()
        words = [fold(w) for w in re.findall(r"[^\W\d_]+", role)]
        determined = bool(words) and words[0] in ("the", "a", "an", "its", "his", "her")
        if any(w in ROLE_NOUNS for w in (words[:6] if determined else words[:3])):
            return role
    return None


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
            if kept and fold(kept[-1]) in ROLE_NOUNS and fold(kept[-1]) not in TITLES:
                return " ".join(kept)
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
