"""The session of a loaded corpus: the indexes the views work out over it (framing counts, voices), owned by
the corpus itself and shared by every thread that reads it.

The reader counts framing terms and finds voices in a background thread right after loading, while the `p`
and `v` views (on the interface thread) may ask for the same index at the same moment. So the indexes are
not kept in module-level caches keyed by `id(corpus)` (an id can be reused by a later corpus, and a cache
read from two threads without a lock can hand one of them a half-made index): each corpus owns one
`CorpusSession`, made once under a lock, and the session makes each index once under its own lock. An
index lives exactly as long as its corpus; a new corpus (another load) gets a new session.

`session(corpus)` is the entry point; `models.insight.voices.voices(corpus)` and
`PerspectiveIndex.of(corpus, topics)` ask it for their indexes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from models.document import Corpus

T = TypeVar("T")

# Where a corpus keeps its session: an entry of the instance's own __dict__, the place its cached properties
# (`passages_by_id`...) already live in, so the session is neither a dataclass field (it takes no part in
# equality, repr or JSON) nor anything global.
_ATTRIBUTE = "_insight_session"
_MAKING = threading.Lock()  # only held while a corpus's first session is made


class CorpusSession:
    """The indexes of one corpus, each made on first use and then shared. Safe to use from several threads:
    an index is made once (a second thread asking meanwhile waits for it) and the indexes themselves
    publish only finished results. The session knows no index type: each index module asks for its own
    by a key (`models.insight.voices.voices`, `PerspectiveIndex.of`), so nothing here imports them."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._lock = threading.Lock()
        self._indexes: dict[Hashable, Any] = {}

    def __getstate__(self) -> dict[str, object]:
        """A copied or pickled corpus takes an empty session along (a lock cannot be copied; the indexes are
        worked out again on use)."""
        return {"corpus": self.corpus}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["corpus"])  # type: ignore[misc]

    def index(self, key: Hashable, make: Callable[[], T]) -> T:
        """The index kept under `key`, made by `make()` the first time it is asked for."""
        found = self._indexes.get(key)
        if found is None:
            with self._lock:
                found = self._indexes.get(key)
                if found is None:
                    found = self._indexes[key] = make()
        return found


def session(corpus: Corpus) -> CorpusSession:
    """The session `corpus` owns, made on first use."""
    owned = vars(corpus).get(_ATTRIBUTE)
    if owned is None:
        with _MAKING:
            owned = vars(corpus).get(_ATTRIBUTE)
            if owned is None:
                owned = vars(corpus)[_ATTRIBUTE] = CorpusSession(corpus)
    return owned
