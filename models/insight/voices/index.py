"""The voice index of a corpus: each article's voices worked out when first asked for, the speakers across
articles matched when first asked for, look-ups by passage and topic, and one index kept per corpus."""

from __future__ import annotations

import weakref

from models.document import Corpus
from models.insight.voices.grouping import article_voices
from models.insight.voices.records import Mention, Speaker, Voice
from models.insight.voices.speakers import match_speakers

class VoiceIndex:
    """The voices of a corpus: each article's, worked out when first asked for, and the speakers they make
    across articles, matched when first asked for. Get one with `voices(corpus)`."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._voices: dict[str, tuple[Voice, ...]] = {}
        self._speakers: tuple[Speaker, ...] | None = None
        self._speaker_of: dict[tuple[str, str], Speaker] = {}

    def of_article(self, article_id: str) -> tuple[Voice, ...]:
        """The voices of one article, most mentioned first (ties: first to speak first)."""
        found = self._voices.get(article_id)
        if found is None:
            article = self.corpus.articles_by_id.get(article_id)
            if article is None:
                return ()
            found = self._voices[article_id] = article_voices(article)
        return found

    @property
    def ready(self) -> bool:
        """True once the speakers across articles have been matched (every article's voices worked out)."""
        return self._speakers is not None

    @property
    def by_article(self) -> dict[str, tuple[Voice, ...]]:
        """Every article's voices, keyed by article id in corpus order."""
        return {a.id: self.of_article(a.id) for a in self.corpus.articles}

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Speakers across articles, those quoted by the most articles first, then the most mentioned."""
        if self._speakers is None:
            self._speakers = match_speakers(self.by_article)
            self._speaker_of = {member: sp for sp in self._speakers for member in sp.members}
        return self._speakers

    def speaker_of(self, article_id: str, voice_key: str) -> Speaker | None:
        """The cross-article speaker a voice of an article belongs to."""
        self.speakers
        return self._speaker_of.get((article_id, voice_key))

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


_CACHE: dict[int, tuple[weakref.ref[Corpus], VoiceIndex]] = {}


def voices(corpus: Corpus) -> VoiceIndex:
    """The voice index of `corpus`, made on first use and kept (with what it has worked out) while the
    corpus lives."""
    key = id(corpus)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is corpus:
        return hit[1]
    index = VoiceIndex(corpus)
    _CACHE[key] = (weakref.ref(corpus, lambda _ref, key=key: _CACHE.pop(key, None)), index)
    return index
