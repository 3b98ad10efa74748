"""Which code page a file that is not UTF-8 was written in, decided by reading it.

charset-normalizer finds the family well on long texts but on a short article often picks the wrong member:
the bytes of "Lefèvre" in windows-1252 read as "Lefčvre" in windows-1250 and both look like letters; a
short German text can come out as big5. Code pages agree on ASCII and differ in the other bytes, so the
choice comes down to which reading makes the article's words into words of the article's language.

1. Readings: the detected code page and the common Windows ones, each reading that differs kept once.
   A reading that breaks words apart (two scripts in one word, "Lefиvre"; a symbol between letters,
   "spotka³"; a CJK character inside a Latin word) is dropped while one that breaks none exists. A
   multi-byte detection (big5, gb18030, shift_jis...) is only replaced that way: when it breaks words and a
   single-byte reading breaks none.
2. Each remaining reading is scored by a language model learned from wordfreq's word frequencies (a
   background model of each language, not a list written for any text): for each language the code page
   was used for (English too: every code page writes ASCII) the log-likelihood of the reading's words,
   where a word the language does not know is spelled out by the language's letter pairs (learned from its
   word list, so "ôàéë" is improbable in French and "файл" is not in Russian), and a word another language
   of the same code page knows counts at a tenth (a French name in an English article), at a hundredth
   when it is in another script than the article's language. The best language, plus a small prior for how
   common the code page is, is the reading's score.
3. The scores, normalised, are the confidence recorded in the article's notes, with the other reading's
   version of a word when it is below 90%.

Word lists are loaded only when readings differ, once per process, and only their most frequent words are
kept (about 1 s and 30 MB the first time; trying only each code page's main languages first was measured
and made languages outside them confidently wrong).
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

# Code pages (Python codec names), the languages (wordfreq codes) they were mostly used for, and a log prior
# for how common the code page is in saved text (windows-1252 by far).
_WESTERN = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "ca", "id")
_CENTRAL = ("cs", "pl", "hu", "sk", "ro", "sl", "sh")
CODE_PAGES: dict[str, tuple[tuple[str, ...], float]] = {
    "cp1252": (_WESTERN, 0.0),
    "cp1250": (_CENTRAL, -1.0),
    "cp1251": (("ru", "uk", "bg", "mk"), -1.0),
    "cp1253": (("el",), -1.5),
    "cp1254": (("tr",), -1.5),
    "cp1257": (("lt", "lv"), -1.5),
    "cp1255": (("he",), -1.5),
    "cp1256": (("ar", "fa", "ur"), -1.5),
    "iso8859_15": (_WESTERN, -2.0),
    "iso8859_2": (_CENTRAL, -2.0),
    "koi8_r": (("ru",), -2.0),
    "koi8_u": (("uk",), -2.0),
    "mac_roman": (_WESTERN, -2.5),
}
UNLISTED_PRIOR = -3.0
# Multi-byte code pages of East Asian languages (a reading in one is scored only when it breaks no word).
_EAST_ASIAN_CODECS = (("gb", "zh"), ("hz", "zh"), ("big5", "zh"), ("cp950", "zh"), ("cp936", "zh"),
                      ("cp932", "ja"), ("shift_jis", "ja"), ("euc_j", "ja"), ("iso2022_jp", "ja"),
                      ("euc_kr", "ko"), ("cp949", "ko"), ("johab", "ko"), ("iso2022_kr", "ko"))
ALWAYS_TRIED = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
FOREIGN_WEIGHT = 0.1  # a word known only to another language of the same code page...
OTHER_SCRIPT_WEIGHT = 0.01  # ...and written in another script than the article's language
SPELLED_WEIGHT = 0.1  # a word no language knows, spelled out letter by letter
KNOWN_WORDS = 10000  # the most frequent words of a language kept as known (the rest are spelled)
LETTER_WORDS = 5000  # the most frequent words of a language that teach its letter pairs
UNSEEN_LETTER = 1e-6  # the chance of a letter a language's words never use
PLAIN_WORDS = 2000  # ASCII words read per reading (they tell the language)
ACCENTED_WORDS = 20000  # words with other letters read per reading (where readings differ)
LIKELY_LANGUAGES = 3  # languages per reading scored in full
FLOOR_ZIPF = 1.0  # in the first pass, an unknown word counts as this rare (zipf 1: once per 10^8 words)
SURE = 0.9  # below this confidence the note names the other reading

_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "FULLWIDTH", "HALFWIDTH", "IDEOGRAPHIC",
                         "BOPOMOFO"})
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class Reading:
    """A decision: the code page, the text it gives, how sure (0-1, None when nothing was compared), and
    the runner-up with a word as each reading gives it."""

    encoding: str
    text: str
    confidence: float | None
    other: str | None = None
    example: tuple[str, str] | None = None


@lru_cache(maxsize=64)
def is_single_byte(encoding: str) -> bool:
    """A code page of one character per byte."""
    try:
        return len(bytes(range(256)).decode(encoding, "replace")) == 256
    except LookupError:
        return False


def choose(data: bytes, detected: str | None, detected_text: str | None) -> Reading | None:
    """The reading of `data` that makes most sense as language, among `detected` (charset-normalizer's
    pick, which gave `detected_text`; None when it found none) and the common single-byte code pages.
    None when no code page reads `data` without breaking words and nothing was detected.

    Code pages that read `data` the same are one candidate, scored as the best of them (windows-1252 and
    windows-1250 agree on "že": the text is scored as Czech too) and named after that one.
    """
    readings: dict[str, list[str]] = {}  # text -> the code pages that read it
    for name in sorted(ALWAYS_TRIED, key=_rank):
        try:
            readings.setdefault(data.decode(name), []).append(name)
        except (UnicodeDecodeError, LookupError):
            continue
    broken = {text: _broken_words(text) for text in readings}
    if detected is not None and detected_text is not None:
        detected = _codec(detected)
        if detected_text in readings:
            readings[detected_text].append(detected)
        else:
            # an exotic or multi-byte code page is a candidate only when it breaks fewer words than every
            # common one: a short Western text is often "detected" as big5 or hp_roman8
            own = _broken_words(detected_text)
            if detected in CODE_PAGES or not broken or own < min(broken.values()) or (
                    own == 0 and not is_single_byte(detected)):
                readings[detected_text] = [detected]
                broken[detected_text] = own
    if not readings:
        return None
    fewest = min(broken.values())
    if detected is None and fewest > 0:
        return None
    candidates = {text: names for text, names in readings.items() if broken[text] == fewest}
    if len(candidates) == 1:
        [(text, names)] = candidates.items()
        name = min(names, key=_rank)
        return Reading(name, text, 1.0 if is_single_byte(name) else None)
    scored = []  # (score, code page, text)
    for text, names in candidates.items():
        best_name = max(names, key=lambda n: (_score(n, text), -_rank(n)[0]))
        scored.append((_score(best_name, text), best_name, text))
    scored.sort(key=lambda item: (-item[0], _rank(item[1])))
    (top, name, text), (_, other, other_text) = scored[0], scored[1]
    confidence = 1.0 / sum(math.exp(score - top) for score, _, _ in scored)
    return Reading(name, text, confidence, other, _differing_word(text, other_text))


def _codec(name: str) -> str:
    name = name.lower().replace("-", "_")
    return "cp" + name[len("windows_"):] if name.startswith("windows_") else name


def _family(name: str) -> tuple[tuple[str, ...], float]:
    """The languages a code page was used for and its prior."""
    if name in CODE_PAGES:
        return CODE_PAGES[name]
    for prefix, language in _EAST_ASIAN_CODECS:
        if name.startswith(prefix):
            return (language,), UNLISTED_PRIOR
    return (), UNLISTED_PRIOR


def _rank(name: str) -> tuple[float, str]:
    return (-_family(name)[1], name)


# --- words that do not hold together -------------------------------------------------------------------


def _broken_words(text: str) -> int:
    """How many words mix two scripts ("Lefиvre", "Spalten暅erbr"), plus how many symbols, controls or
    private-use characters stand between two letters ("mark¤r")."""
    broken = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if not word.isascii() and len({_script(ch) for ch in word}) > 1:
            broken += 1
    for match in _NON_ASCII.finditer(text):
        at = match.start()
        if 0 < at < len(text) - 1 and _foreign_to_words(match.group()) and text[at - 1].isalpha() \
                and text[at + 1].isalpha():
            broken += 1
    return broken


def _foreign_to_words(ch: str) -> bool:
    return not ch.isalpha() and unicodedata.category(ch) in ("So", "Sk", "Sm", "No", "Co", "Cc", "Cn")


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    """The script of a letter, as the first word of its Unicode name (LATIN, CYRILLIC, GREEK...); the scripts
    Chinese, Japanese and Korean write together in one word are one ("CJK")."""
    name = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if name in _EAST_ASIAN else name


# --- the language model ----------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _score(name: str, text: str) -> float:
    """Log-likelihood (natural log) of `text`'s words under the best language of code page `name`, plus the
    code page's prior."""
    family, prior = _family(name)
    plain, accented = _words(text)
    languages = _likely_languages(("en", *family), plain, accented)
    best = -math.inf
    for language in languages:
        total = sum(count * _own_log_p(word, language) for word, count in plain.items())
        for word, count in accented.items():
            total += count * _log_p(word, language, family)
        best = max(best, total)
    return best + prior


def _likely_languages(languages: tuple[str, ...], *counts: Counter[str]) -> list[str]:
    """The LIKELY_LANGUAGES languages that know most of the words (by frequency; a cheap first pass, so that
    spelling unknown words letter by letter is only done for the languages that can win)."""
    floor = math.log(10 ** (FLOOR_ZIPF - 9))

    def fit(language: str) -> float:
        table = _frequency(language)
        total = 0.0
        for c in counts:
            for word, n in c.items():
                share = table.get(_fold(word, language))
                total += n * (math.log(share) if share else floor)
        return total

    unique = list(dict.fromkeys(languages))
    return sorted(unique, key=fit, reverse=True)[:LIKELY_LANGUAGES] if len(unique) > LIKELY_LANGUAGES else unique


def _words(text: str) -> tuple[Counter[str], Counter[str]]:
    """The reading's words as written: ASCII ones (the first PLAIN_WORDS) and the others (the first
    ACCENTED_WORDS)."""
    plain: Counter[str] = Counter()
    accented: Counter[str] = Counter()
    n_plain = n_accented = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            if n_plain < PLAIN_WORDS:
                plain[word] += 1
                n_plain += 1
        elif n_accented < ACCENTED_WORDS:
            accented[word] += 1
            n_accented += 1
    return plain, accented


@lru_cache(maxsize=65536)
def _own_log_p(word: str, language: str) -> float:
    """log p(word) in `language`: its frequency when the language knows it, else spelled letter by letter."""
    word = _fold(word, language)
    known = _frequency(language).get(word)
    if known:
        return math.log(known)
    return math.log(SPELLED_WEIGHT) + _letters(language).log_p(word)


def _fold(word: str, language: str) -> str:
    """The word as wordfreq's lists spell it: case-folded (Greek final sigma as sigma), Turkish dotted and
    dotless i kept apart as Turkish and Azerbaijani case them."""
    if language in ("tr", "az"):
        word = word.replace("I", "ı").replace("İ", "i")
    return unicodedata.normalize("NFC", word.casefold())


def _log_p(word: str, language: str, family: tuple[str, ...]) -> float:
    """log p(word) for an article in `language` written in a code page used for `family`: the language's
    own model, or another language's of the code page (known or spelled), at a discount (a larger one
    across scripts)."""
    best = _own_log_p(word, language)
    weight = FOREIGN_WEIGHT if _script(word[0]) == _language_script(language) else FOREIGN_WEIGHT * OTHER_SCRIPT_WEIGHT
    for other in family:
        if other != language:
            best = max(best, math.log(weight) + _own_log_p(word, other))
    return best


@lru_cache(maxsize=None)
def _language_script(language: str) -> str:
    """The script most of the language's frequent words are written in."""
    scripts: dict[str, float] = {}
    for word, share in itertools.islice(_frequency(language).items(), 200):
        if word[:1].isalpha():
            script = _script(word[0])
            scripts[script] = scripts.get(script, 0.0) + share
    return max(scripts, key=lambda s: scripts[s]) if scripts else "LATIN"


@lru_cache(maxsize=None)
def _frequency(language: str) -> dict[str, float]:
    """The KNOWN_WORDS most frequent words of `language` in wordfreq's small list (word -> share of all
    words; empty when wordfreq has no list). Kept for the process: about 1 MB a language."""
    import wordfreq

    try:
        table = wordfreq.get_frequency_dict(language, wordlist="small")
    except (LookupError, ValueError):
        return {}
    kept = dict(itertools.islice(table.items(), KNOWN_WORDS))  # the lists run most frequent first
    del table
    for cached in (wordfreq.get_frequency_dict, wordfreq.get_frequency_list):  # keep only the trimmed copy
        clear = getattr(cached, "cache_clear", None)
        if clear is not None:
            clear()
    return kept


@dataclass(frozen=True)
class _Letters:
    """Letter pairs of a language (with word starts and ends), weighted by how often its words are used."""

    pairs: dict[str, float]
    starts: dict[str, float]
    singles: dict[str, float]
    total: float

    def log_p(self, word: str) -> float:
        if not self.total:
            return len(word) * math.log(UNSEEN_LETTER)
        out = 0.0
        chars = f"^{word}$"
        for a, b in zip(chars, chars[1:]):
            single = (self.singles.get(b, 0.0) + UNSEEN_LETTER * self.total) / self.total
            start = self.starts.get(a, 0.0)
            pair = self.pairs.get(a + b, 0.0) / start if start else 0.0
            out += math.log(0.9 * pair + 0.1 * single)
        return out


@lru_cache(maxsize=None)
def _letters(language: str) -> _Letters:
    pairs: dict[str, float] = {}
    starts: dict[str, float] = {}
    singles: dict[str, float] = {}
    for word, share in itertools.islice(_frequency(language).items(), LETTER_WORDS):  # most frequent first
        if not word.isalpha():
            continue
        previous = "^"
        for ch in word + "$":
            pair = previous + ch
            pairs[pair] = pairs.get(pair, 0.0) + share
            starts[previous] = starts.get(previous, 0.0) + share
            singles[ch] = singles.get(ch, 0.0) + share
            previous = ch
    return _Letters(pairs, starts, singles, sum(singles.values()))


def _differing_word(text: str, other: str) -> tuple[str, str] | None:
    """The first word the two readings give differently, as each gives it (for a person to judge).

    Single-byte code pages give one character per byte, so the readings line up character by character.
    """
    at = next((i for i, (a, b) in enumerate(zip(text, other)) if a != b), None)
    if at is None:
        return None
    return _word_around(text, at), _word_around(other, at)


def _word_around(text: str, at: int, most: int = 40) -> str:
    start = at
    while start > 0 and at - start < most and not text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text) and end - at < most and not text[end].isspace():
        end += 1
    return text[start:end].strip(".,;:!?()[]\"'“”‘’«»")
