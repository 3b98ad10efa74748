"""The voice index of a corpus: each article's voices worked out when first asked for, the speakers across
articles matched when first asked for, and look-ups by passage and topic. The corpus owns its index (see
`models.insight.session`); it may be read from several threads at once."""

from __future__ import annotations

import threading
import unicodedata

from models.document import Corpus
from models.insight.session import session
from models.insight.voices.grouping import article_voices
from models.insight.voices.records import Mention, Speaker, Voice
from models.insight.voices.roles import _given_name_before
from models.insight.voices.speakers import match_speakers

class VoiceIndex:
    """The voices of a corpus: each article's, worked out when first asked for, and the speakers they make
    across articles, matched when first asked for. Get one with `voices(corpus)`."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._voices: dict[str, tuple[Voice, ...]] = {}
        # The speakers and the look-up from (article, voice key) to speaker, published together once both
        # are complete, so a thread never sees the one without the other.
        self._matched: tuple[tuple[Speaker, ...], dict[tuple[str, str], Speaker]] | None = None
        self._matching = threading.Lock()
        self._named_in_full = _NamedInFull(corpus)

    def of_article(self, article_id: str) -> tuple[Voice, ...]:
        """The voices of one article, most mentioned first (ties: first to speak first)."""
        found = self._voices.get(article_id)
        if found is None:
            article = self.corpus.articles_by_id.get(article_id)
            if article is None:
                return ()
            # Two threads may work out the same article at once; the first result stored is the one both use.
            found = self._voices.setdefault(article_id, article_voices(article, named_in_full=self._named_in_full))
        return found

    @property
    def ready(self) -> bool:
        """True once the speakers across articles have been matched (every article's voices worked out)."""
        return self._matched is not None

    @property
    def by_article(self) -> dict[str, tuple[Voice, ...]]:
        """Every article's voices, keyed by article id in corpus order."""
        return {a.id: self.of_article(a.id) for a in self.corpus.articles}

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Speakers across articles, those quoted by the most articles first, then the most mentioned."""
        return self._match()[0]

    def speaker_of(self, article_id: str, voice_key: str) -> Speaker | None:
        """The cross-article speaker a voice of an article belongs to."""
        return self._match()[1].get((article_id, voice_key))

    def _match(self) -> tuple[tuple[Speaker, ...], dict[tuple[str, str], Speaker]]:
        """Match the speakers once; a thread asking while another matches waits for its result."""
        matched = self._matched
        if matched is None:
            with self._matching:
                matched = self._matched
                if matched is None:
                    speakers = match_speakers(self.by_article)
                    matched = self._matched = (speakers, {m: sp for sp in speakers for m in sp.members})
        return matched

    def in_passage(self, passage_id: str) -> list[tuple[Voice, Mention]]:
        """The voices speaking in one passage, each with its mention there, in reading order."""
        passage = self.corpus.passages_by_id.get(passage_id)
        if passage is None:
            return []
        found = [(v, m) for v in self.of_article(passage.article_id) for m in v.mentions if m.passage_id == passage_id]
        return sorted(found, key=lambda vm: vm[1].start)

    def on_topic(self, topic_id: str) -> dict[str, tuple[Voice, ...]]:
        """Per article (only those with any), the voices with a mention in a passage on `topic_id`."""
        out = {}
        for article_id, voices in self.by_article.items():
            chosen = tuple(v for v in voices if any(topic_id in m.topic_ids for m in v.mentions))
            if chosen:
                out[article_id] = chosen
        return out


class _NamedInFull:
    """Whether any article of the corpus writes a one-word name after a given name ("Recep Tayyip Erdogan"
    for "Erdogan"): looked up where the name stands (str.find) the first time a name is asked about, and
    kept. Safe from several threads (two may look the same name up at once; both find the same answer)."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._seen: dict[str, bool] = {}

    def __call__(self, name: str) -> bool:
        found = self._seen.get(name)
        if found is None:
            spellings = {name, _unmarked(name)}  # "Erdoğan" is "Erdogan" in an article that drops the marks
            found = self._seen[name] = any(_given_name_before(a.text, n) for a in self._corpus.articles for n in spellings)
        return found


def _unmarked(name: str) -> str:
    """A name without its diacritics, its case kept ("Erdoğan" -> "Erdogan")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def voices(corpus: Corpus) -> VoiceIndex:
    """The voice index `corpus` owns, made on first use and kept (with what it has worked out) while the
    corpus lives."""
    return session(corpus).index(VoiceIndex, lambda: VoiceIndex(corpus))
