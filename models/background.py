"""How common a word is in English at large: the background the corpus's own counts are read against.

A word every English text uses ("said", "week", "government") says little about what a passage discusses,
even when it is rare in this corpus; a word rare in English ("dredger", "seizure") says a lot. The model is
wordfreq's English word list (Speer et al., frequencies from subtitles, news, books, Wikipedia, web text),
read straight from the file the package ships: importing the wordfreq package costs ~0.2 s for tokenisers
this project does not use, reading the list ~40 ms. Frequencies are on the Zipf scale (log10 of uses per
billion words: "the" ~7.7, "canal" ~4.2, a word missing from the list < 3).

A lemma's frequency is that of the forms the corpus uses summed (`forms_zipf`): "accus" met as "accused"
and "accusation" is as common as those two words together.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import threading
from collections.abc import Iterable
from pathlib import Path

from models.text import fold

UNKNOWN_ZIPF = 2.0  # a word the list does not hold (under 1 use in a million words)
_LIST = "small_en.msgpack.gz"

_lock = threading.Lock()
_words: dict[str, float] | None = None


def _data_file() -> Path | None:
    """wordfreq's English list, found without importing the package."""
    spec = importlib.util.find_spec("wordfreq")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "data" / _LIST
        if path.is_file():
            return path
    return None


def _read_cbpack(path: Path) -> list[list[str]]:
    """wordfreq's "cBpack" format: a header, then one list of words per centibel of frequency (the i-th list
    holds the words used 10^(-i/100) of the time)."""
    import msgpack  # type: ignore[import-untyped]  # a dependency of wordfreq

    with gzip.open(path, "rb") as stream:
        data = msgpack.load(stream, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack list")
    return data[1:]


def _load() -> dict[str, float]:
    global _words
    with _lock:
        if _words is None:
            words: dict[str, float] = {}
            path = _data_file()
            if path is not None:
                for centibels, bucket in enumerate(_read_cbpack(path)):
                    zipf = 9.0 - centibels / 100.0
                    for word in bucket:
                        words.setdefault(word if word.isascii() else fold(word), zipf)
            _words = words
        return _words


def available() -> bool:
    """True when the word list could be read (without it every word counts as rare)."""
    return bool(_load())


def zipf(word: str) -> float:
    """How common the folded `word` is in English, on the Zipf scale (UNKNOWN_ZIPF when the list lacks it)."""
    return _load().get(word, UNKNOWN_ZIPF)


def forms_zipf(forms: Iterable[str]) -> float:
    """How common a lemma is, from the folded forms of it a corpus uses: their frequencies summed."""
    words = _load()
    total = sum(10.0 ** words.get(form, UNKNOWN_ZIPF) for form in set(forms))
    return math.log10(total) if total > 0 else UNKNOWN_ZIPF
