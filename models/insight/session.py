"""The session of a loaded corpus: the indexes the views work out over it (framing counts, voices), owned by
the corpus itself and shared by every thread that reads it.

The reader counts framing terms and finds voices in a background thread right after loading, while the `p`
and `v` views (on the interface thread) may ask for the same index at the same moment. So the indexes are
not kept in module-level caches keyed by `id(corpus)` (an id can be reused by a later corpus, and a cache
read from two threads without a lock can hand one of them a half-made index): each corpus owns one
`CorpusSession`, made once under a lock, and the session makes each index once under its own lock. An
index lives exactly as long as its corpus; a new corpus (another load) gets a new session.

`session(corpus)` is the entry point; `models.insight.voices.voices(corpus)` and
`PerspectiveIndex.of(corpus, topics)` are shorthands for its two indexes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from models.document import Corpus

if TYPE_CHECKING:
    from models.insight.perspectives import PerspectiveIndex, _TopicLike
    from models.insight.voices.index import VoiceIndex

# Where a corpus keeps its session: an entry of the instance's own __dict__, the place its cached properties
# (`passages_by_id`...) already live in, so the session is neither a dataclass field (it takes no part in
# equality, repr or JSON) nor anything global.
_ATTRIBUTE = "_insight_session"
_MAKING = threading.Lock()  # only held while a corpus's first session is made


class CorpusSession:
    """The indexes of one corpus, each made on first use and then shared. Safe to use from several threads:
    an index is made once (a second thread asking meanwhile waits for it) and the indexes themselves
    publish only finished results."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._lock = threading.Lock()
        self._voices: VoiceIndex | None = None
        self._perspectives: dict[tuple[str, ...], PerspectiveIndex] = {}

    def __getstate__(self) -> dict[str, object]:
        """A copied or pickled corpus takes an empty session along (a lock cannot be copied; the indexes are
        worked out again on use)."""
        return {"corpus": self.corpus}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["corpus"])  # type: ignore[misc]

    @property
    def voices(self) -> VoiceIndex:
        """Who each article quotes or cites (`models.insight.voices.VoiceIndex`)."""
        index = self._voices
        if index is None:
            from models.insight.voices.index import VoiceIndex

            with self._lock:
                if self._voices is None:
                    self._voices = VoiceIndex(self.corpus)
                index = self._voices
        return index

    def perspectives(self, topics: Iterable[_TopicLike] = ()) -> PerspectiveIndex:
        """Framing queries (`models.insight.perspectives.PerspectiveIndex`) with the configured `topics` (their
        aliases are left out of their terms); one index per set of topics."""
        from models.insight.perspectives import PerspectiveIndex

        topics = tuple(topics)
        signature = tuple(f"{t.id}={'|'.join(t.aliases)}" for t in topics)
        index = self._perspectives.get(signature)
        if index is None:
            with self._lock:
                index = self._perspectives.get(signature)
                if index is None:
                    index = self._perspectives[signature] = PerspectiveIndex(self.corpus, topics)
        return index


def session(corpus: Corpus) -> CorpusSession:
    """The session `corpus` owns, made on first use."""
    owned = vars(corpus).get(_ATTRIBUTE)
    if owned is None:
        with _MAKING:
            owned = vars(corpus).get(_ATTRIBUTE)
            if owned is None:
                owned = vars(corpus)[_ATTRIBUTE] = CorpusSession(corpus)
    return owned
