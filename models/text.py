"""Words: how every stage of parallax cuts text into tokens and folds them, so they all agree.

Folding lowercases, removes diacritics ("Erdoğan" -> "erdogan") and joins letter-digit designations
("S 400", "S-400s", "TB-2" -> "s400", "s400s", "tb2"); `stem` drops plural and possessive endings so that
"drones" meets "drone"; `lemma` is the Snowball (Porter2) English stem, through PyStemmer, so that "blamed"
meets "blame" and "accused" meets "accusation". Tokens keep their character offsets so matches can be shown
in the original text. How common a word is in English at large lives beside this, in `models.background`.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import Stemmer  # type: ignore[import-not-found]  # PyStemmer: the Snowball stemmers in C; imports in under a millisecond

# A word, or a letter-digit designation ("S400", "F-35", "TB-2", "S 400"), with an optional variant letter
# ("F-35A" counts as "f35"). A space-separated one only counts with one or two capitals and at most three
# digits, so "in 2019" stays two words.
_TOKEN = re.compile(
    r"(?<!\w)([A-Za-z]{1,3})([\-\u2010\u2011 ]?)(\d{1,4})(?:[A-Z](?![a-z]))?(?:['’]?s)?(?!\w)"  # designations
    r"|[^\W_]+(?:['’][^\W_]+)*",  # words, with inner apostrophes
    re.UNICODE,
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPECIAL_FOLDS = str.maketrans({"ı": "i", "İ": "I", "ß": "ss", "’": "'", "‘": "'", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})

STOPWORDS = frozenset(
    """a about above after again against all almost also although am among an and another any are around as at
    back be became because become been before being below between both but by can cannot could did do does doing
    done down during each either else even ever every few for from further get gets got had has have having he her
    here hers herself him himself his how however i if in into is it its itself just last least less like made make
    many may me might more most much must my myself neither never nevertheless no nor not now of off often on once
    one only or other others otherwise our ours ourselves out over own per perhaps quite rather really said same say
    says she should since so some such than that the their theirs them themselves then there therefore these they
    this those though through thus to too toward towards under until up upon us very via was we well were what
    whatever when where whether which while who whom whose why will with within without would yet you your yours
    yourself also s t don't it's that's there's he's she's they're we're i'm isn't wasn't aren't won't can't""".split()
)


class Token(NamedTuple):
    """A word of the text: its folded form, its original spelling and where it stands.

    A NamedTuple rather than a dataclass: millions are made on a large corpus and a tuple is built several
    times faster.
    """

    norm: str
    raw: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase, strip diacritics, straighten apostrophes."""
    word = word.translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_new = tuple.__new__  # Token(...) through its class's Python __new__ costs a frame; this is the same tuple


def tokens(text: str) -> list[Token]:
    """Every word of `text`, folded, with its offsets. Designations are one token: "S 400" -> "s400"."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if m.lastindex is None:  # a word (no designation group took part)
            raw = text[start:end]
            append(_new(Token, (fold(raw), raw, start, end)))
            continue
        letters, separator, digits = m.groups()
        if separator == " " and not (letters.isupper() and len(letters) <= 2 and len(digits) <= 3):
            for w in _WORD.finditer(text, start, end):
                raw = w.group()
                append(_new(Token, (fold(raw), raw, w.start(), w.end())))
        else:
            append(_new(Token, (fold(letters + digits), text[start:end], start, end)))
    return out


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A light English stemmer: drop possessive and plural endings, nothing more aggressive."""
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_SNOWBALL = Stemmer.Stemmer("english")
_SNOWBALL_LOCK = threading.Lock()  # a Stemmer object is not safe to share between threads


@lru_cache(maxsize=262144)
def lemma(word: str) -> str:
    """The Snowball English stem of a folded word ("blamed" -> "blame", "accusation" -> "accus"): the key
    words are matched and counted by. A possessive ending goes first; designations ("s400") stay as they are."""
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if len(word) <= 2 or any(ch.isdigit() for ch in word):
        return word
    with _SNOWBALL_LOCK:
        return _SNOWBALL.stemWord(word)


def lemmas(words: list[str]) -> list[str]:
    """`lemma` of many folded words at once."""
    return [lemma(w) for w in words]


def content_terms(text: str) -> list[str]:
    """The stemmed non-stopwords of `text`, in order: what similarity and framing are computed on."""
    return [stem(t.norm) for t in tokens(text) if t.norm not in STOPWORDS and len(t.norm) > 1 and not t.norm.isdigit()]


def word_count(text: str) -> int:
    return len(text.split())


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text` (start, end), split after . ! ? followed by a capital or the end."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if end > start and text[start:end].strip():
            spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


TERMINAL = tuple(".!?…:;\"”’'»)]")


def ends_sentence(text: str) -> bool:
    """True when `text` ends like a finished sentence (or a quote or bracket closing one)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped.endswith(TERMINAL)
