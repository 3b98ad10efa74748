"""The corpus session: the views' indexes are owned by the corpus, made once, and safe to read from threads."""

from __future__ import annotations

import copy
import gc
import pickle
import threading
import time
import weakref

from models.document import Article, Corpus, Passage, TopicInfo, TopicTag
from models.insight.perspectives import PerspectiveIndex
from models.insight.session import session
from models.insight.voices import index as index_module
from models.insight.voices import voices


def _corpus(n: int = 6) -> Corpus:
    articles = []
    for a in range(n):
        paragraphs = [f"Jane Roe{a} said the talks in Oslo were over.", "“We are ready,” the ministry said.",
                      f"Officials said the ship number {a} would move."]
        passages, offset = [], 0
        for i, text in enumerate(paragraphs):
            passages.append(Passage(f"a{a}:{i}", f"a{a}", i, text, offset, offset + len(text),
                                    (TopicTag("t", 1.0, False, ()),)))
            offset += len(text) + 2
        articles.append(Article(f"a{a}", f"a{a}.txt", f"a{a}", None, None, None, "\n\n".join(paragraphs),
                                tuple(passages), (), f"a{a}"))
    return Corpus(tuple(articles), (TopicInfo("t", "t", "#ffffff"),), ())


class _Topic:
    id: str = "t"
    aliases: tuple[str, ...] = ("talks",)


def test_the_corpus_owns_one_session_and_its_indexes():
    corpus = _corpus()
    assert session(corpus) is session(corpus)
    assert voices(corpus) is voices(corpus) and session(corpus).index("k", object) is session(corpus).index("k", list)
    assert PerspectiveIndex.of(corpus, [_Topic()]) is PerspectiveIndex.of(corpus, [_Topic()])
    assert PerspectiveIndex.of(corpus, []) is not PerspectiveIndex.of(corpus, [_Topic()])  # other topics, other index
    twin = _corpus()
    assert twin == corpus and voices(twin) is not voices(corpus)  # equal content, another load: its own session


def test_no_global_cache_keeps_an_index_alive():
    corpus = _corpus()
    index = weakref.ref(voices(corpus))
    framing = weakref.ref(PerspectiveIndex.of(corpus, [_Topic()]))
    assert index() is not None
    del corpus
    gc.collect()
    assert index() is None and framing() is None
    assert not [name for name, value in vars(index_module).items() if isinstance(value, dict) and name.isupper()]


def test_a_copied_or_pickled_corpus_takes_an_empty_session():
    corpus = _corpus()
    voices(corpus).speakers
    for other in (copy.deepcopy(corpus), pickle.loads(pickle.dumps(corpus))):
        assert other == corpus
        assert session(other).corpus is other and not voices(other).ready
        assert [sp.name for sp in voices(other).speakers] == [sp.name for sp in voices(corpus).speakers]


def test_threads_asking_at_once_get_one_session_one_index_and_one_matching(monkeypatch):
    calls = []
    real = index_module.match_speakers

    def slow_match(by_article):
        calls.append(threading.get_ident())
        time.sleep(0.05)  # a wide window for a second thread to ask meanwhile
        return real(by_article)

    monkeypatch.setattr(index_module, "match_speakers", slow_match)
    corpus = _corpus()
    start = threading.Barrier(8)
    seen: list[tuple[object, object, object]] = []

    def ask() -> None:
        start.wait()
        found = session(corpus)
        index = voices(corpus)
        speakers = index.speakers
        seen.append((found, index, speakers))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len({id(s) for s, _, _ in seen}) == 1 and len({id(i) for _, i, _ in seen}) == 1
    assert len({id(sp) for _, _, sp in seen}) == 1


def test_speakers_and_their_look_up_are_published_together(monkeypatch):
    """While the speakers are being matched, another thread sees the index as not ready (never speakers
    without the look-up from a voice to its speaker); afterwards every voice finds its speaker."""
    entered, release = threading.Event(), threading.Event()
    real = index_module.match_speakers

    def held_match(by_article):
        entered.set()
        release.wait(5)
        return real(by_article)

    monkeypatch.setattr(index_module, "match_speakers", held_match)
    corpus = _corpus()
    index = voices(corpus)
    worker = threading.Thread(target=lambda: index.speakers)
    worker.start()
    assert entered.wait(5)
    assert not index.ready
    assert index.of_article("a0")  # an article's own voices need no matching: no wait
    release.set()
    worker.join()
    assert index.ready
    for article in corpus.articles:
        for voice in index.of_article(article.id):
            assert index.speaker_of(article.id, voice.key) is not None


def test_an_articles_voices_are_one_object_whoever_asks_first():
    corpus = _corpus()
    index = voices(corpus)
    start = threading.Barrier(4)
    got: list[object] = []

    def ask() -> None:
        start.wait()
        got.append(index.of_article("a1"))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(g) for g in got}) == 1 and got[0] is index.of_article("a1")

