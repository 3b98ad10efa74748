"""The stop words of the language an article is written in, from jusText's per-language lists.

Prose is dense in function words ("the", "of", "that", "was"); site furniture (bylines, tags, captions,
menus, headline lists) is not. jusText measures exactly that to tell body text from boilerplate (Pomikálek,
2011), and ships a stop-word list for each of about 100 languages, built from the most frequent words of
each language's Wikipedia. It is already installed as a dependency of trafilatura; its lists are read as
files, so jusText itself (and lxml) is never imported.

The language is the one whose list holds most of the article's most frequent words: function words are the
most frequent in any text, whatever it is about. An article whose frequent words no list explains (a
language jusText does not know, or a page that is nearly all names and numbers) gets no stop words, and the
cleaner then decides without that evidence.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
from collections import Counter
from functools import lru_cache
from itertools import chain

PROBE_WORDS = 24  # the article's most frequent words that choose its language
PROBE_MIN_HITS = 4  # a language must explain at least this many of them
PROBE_SLACK = 4  # ... and at most this many fewer than the language that explains most
UNLISTED = math.log(1e-10)  # log-probability of an occurrence of a frequent word a list lacks
SAMPLE_CHARS = 2500  # the frequent words of a few paragraphs tell the language


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def words_of(text: str) -> list[str]:
    """The lowercased words of `text`, as the stop-word lists spell them."""
    return _WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _raw_lists() -> dict[str, str]:
    """Every list as one newline-framed string (searched with `in`, which runs in C): built once per process."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = os.path.join(spec.submodule_search_locations[0], "stoplists")
    lists: dict[str, str] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    for name in names:
        if name.endswith(".txt"):
            try:
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    lists[name[:-4]] = "\n" + handle.read().lower().replace("\r", "") + "\n"
            except (OSError, UnicodeDecodeError):
                continue
    return lists


@lru_cache(maxsize=4096)
def _languages_with(word: str) -> frozenset[str]:
    needle = f"\n{word}\n"
    return frozenset(lang for lang, raw in _raw_lists().items() if needle in raw)


@lru_cache(maxsize=None)
def stop_list(language: str) -> frozenset[str]:
    """The stop words of `language` (a jusText list name such as "English"); empty when there is none."""
    raw = _raw_lists().get(language, "")
    return frozenset(w.strip() for w in raw.split("\n") if w.strip())


def detect_language(words: list[str]) -> str | None:
    """The language whose stop-word list best explains the most frequent of `words`, or None.

    Each list is read as a uniform word distribution (a naive Bayes language model): an occurrence of a
    frequent word the list holds scores log(1 / list size), one it lacks UNLISTED. Covering the frequent
    words matters most; at equal coverage the smaller, more specific list wins, so a large list that also
    holds English's commonest words (several Wikipedia-built lists do) does not beat English on its own text.
    """
    ranked = tuple(w for w, _ in Counter(words).most_common(PROBE_WORDS))
    return _detect(ranked)


@lru_cache(maxsize=4096)
def _detect(ranked: tuple[str, ...]) -> str | None:
    """By rank rather than count (the n-th most frequent word weighs PROBE_WORDS - n), so that articles in
    one language, whose frequent words come in nearly the same order, share one cached answer."""
    weights = [PROBE_WORDS - n for n in range(len(ranked))]
    holders = [_languages_with(w) for w in ranked]
    hits: Counter[str] = Counter(chain.from_iterable(holders))
    most = max(hits.values(), default=0)
    plausible = [lang for lang, n in hits.items() if n >= max(min(PROBE_MIN_HITS, len(ranked)), most - PROBE_SLACK)]
    if not plausible:
        return None

    def likelihood(lang: str) -> tuple[float, str]:
        listed = math.log(1 / max(1, len(stop_list(lang))))
        return sum(n * (listed if lang in held else UNLISTED) for held, n in zip(holders, weights)), lang

    return max(plausible, key=likelihood)


def stop_words_for(text: str) -> frozenset[str]:
    """The stop words of the language `text` is written in (empty when it cannot be told)."""
    language = detect_language(words_of(text[:SAMPLE_CHARS]))
    return stop_list(language) if language else frozenset()
