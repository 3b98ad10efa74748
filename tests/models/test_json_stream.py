"""`analyze --json` is streamed: the same document as before (parsed), one article at a time in memory."""

from __future__ import annotations

import io
import json
import tracemalloc

import pytest

from benchmarks.make_corpus import generate
from models.document import Article, Corpus, Link, Passage, Problem, TopicInfo, TopicTag
from models.loader import analyze
from models.serialize import tag_to_dict, corpus_from_dict, corpus_json_chunks, corpus_to_dict, write_corpus_json


def published(corpus: Corpus) -> dict:
    """The published format (README), written out field by field: what the indented document held."""
    return {
        "articles": [
            {
                "id": a.id, "path": a.path, "title": a.title, "author": a.author, "source": a.source,
                "date": a.date, "encoding": a.encoding, "content_hash": a.content_hash, "notes": list(a.notes),
                "passages": [
                    {"id": p.id, "index": p.index, "text": p.text, "start": p.start, "end": p.end,
                     "heading": p.heading,
                     "topics": [tag_to_dict(t) for t in p.topics]}
                    for p in a.passages
                ],
                "removed": [
                    {"text": r.text, "rule": r.rule, "kind": r.kind, "detail": r.detail, "role": r.role, "line": r.line}
                    for r in a.removed
                ],
            }
            for a in corpus.articles
        ],
        "topics": [{"id": t.id, "label": t.label, "colour": t.colour, "description": t.description,
                    "discovered": t.discovered} for t in corpus.topics],
        "links": [{"source": l.source, "target": l.target, "topic": l.topic, "score": l.score, "reason": l.reason,
                   "shared_terms": list(l.shared_terms)} for l in corpus.links],
        "problems": [{"path": p.path, "message": p.message} for p in corpus.problems],
    }


def streamed(corpus: Corpus, voices: bool = False) -> bytes:
    out = io.BytesIO()
    write_corpus_json(corpus, out, voices=voices, buffer_chars=100)
    return out.getvalue()


def test_the_stream_parses_to_the_published_document(seeds_corpus):
    data = json.loads(streamed(seeds_corpus))
    expected = published(seeds_corpus)
    for article, want in zip(data["articles"], expected["articles"]):
        for key in want:
            assert article[key] == want[key], key
    assert {k: v for k, v in data.items() if k != "articles"} == {k: v for k, v in expected.items() if k != "articles"}
    assert corpus_from_dict(data) == seeds_corpus


def test_with_voices_the_stream_is_the_dict(seeds_corpus):
    data = json.loads(streamed(seeds_corpus, voices=True))
    assert data == corpus_to_dict(seeds_corpus, voices=True)
    assert any(a["voices"] for a in data["articles"])


def test_awkward_text_survives_and_an_empty_corpus_is_valid():
    text = 'Quote "marks", back\\slash, tab\t, \u2028 line separator, NBSP\u00a0, emoji 🛰, Ελληνικά, </script>'
    passage = Passage("a:0", "a", 0, text, 0, len(text), (TopicTag("t", 0.5, True, ("the deal",), 1),))
    article = Article("a", "ä/b.txt", None, None, None, None, text, (passage,), (), "h")
    corpus = Corpus((article,), (TopicInfo("t", "T", "#ffffff"),), (Link("a:0", "b:0", "t", 0.2, "r", ("x",)),),
                    (Problem("bad\x1b[2J.txt", "empty file"),))
    raw = streamed(corpus)
    assert "🛰".encode() in raw  # UTF-8 as itself, not \u escapes
    assert json.loads(raw) == published(corpus)
    empty = Corpus((), (), (), ())
    assert json.loads(streamed(empty)) == {"articles": [], "topics": [], "links": [], "problems": []}


def test_one_item_a_line():
    text = "Turkey bought the S-400."
    passage = Passage("a:0", "a", 0, text, 0, len(text), ())
    corpus = Corpus(tuple(Article(i, f"{i}.txt", None, None, None, None, text, (passage,), (), i) for i in "ab"), (), (), ())
    lines = "".join(corpus_json_chunks(corpus)).splitlines()
    assert lines[0] == '{"articles": [' and json.loads(lines[1].rstrip(","))["id"] == "a"
    assert json.loads(lines[2])["id"] == "b"


@pytest.fixture(scope="module")
def larger(tmp_path_factory, config):
    folder = tmp_path_factory.mktemp("json")
    generate(60, folder)
    return analyze([folder], config, cache=False)


def test_streaming_holds_a_small_part_of_the_document(larger):
    """What would catch the whole document built in memory again: the peak of Python allocations while
    writing stays a small share of the document's size."""
    sink = io.BytesIO()
    tracemalloc.start()
    try:
        write_corpus_json(larger, _Discard(), buffer_chars=8 * 1024)  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    write_corpus_json(larger, sink)
    size = len(sink.getvalue())
    assert size > 1_000_000
    assert peak < size / 4, f"peak {peak:,} bytes for a {size:,}-byte document"


class _Discard(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return len(data)
