"""The Corpus as plain JSON-ready data and back: what `parallax analyze --json` prints and caches store.

The field names are the published format (see README); the reverse direction lets a cache or a test rebuild
the exact same frozen objects. Voices are worked out from the passages (models.insight.voices), so they are
written for `analyze --json` (`voices=True`) and never read back: a cache stores only what it cannot redo.

`write_corpus_json` streams the document: one section at a time, one article (or link) at a time, each
through json's C encoder, so printing a large corpus needs memory for one article on top of the Corpus
(building the whole document as dicts, then one indented string, took 3.4x the memory of the analysis).
The document's top-level sections are listed once, in `SECTIONS`: `corpus_to_dict` and the stream are built
from that list, so they cannot disagree; a new section is one line there.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from models.document import Article, Corpus, Link, Passage, Problem, Removed, TopicInfo, TopicTag

if TYPE_CHECKING:
    from models.insight.voices import Voice


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "author": article.author,
        "source": article.source,
        "date": article.date,
        "encoding": article.encoding,
        "content_hash": article.content_hash,
        "notes": list(article.notes),
        "passages": [
            {
                "id": p.id,
                "index": p.index,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "heading": p.heading,
                "topics": [tag_to_dict(t) for t in p.topics],
            }
            for p in article.passages
        ],
        "removed": [
            {"text": r.text, "rule": r.rule, "kind": r.kind, "detail": r.detail, "role": r.role, "line": r.line}
            for r in article.removed
        ],
    }


def tag_to_dict(tag: TopicTag) -> dict[str, Any]:
    out: dict[str, Any] = {"topic": tag.topic, "score": tag.score, "implicit": tag.implicit, "evidence": list(tag.evidence)}
    if tag.related:
        out["related"] = list(tag.related)
    if tag.inferred_from is not None:
        out["inferred_from"] = tag.inferred_from
    return out


def tag_from_dict(data: dict[str, Any]) -> TopicTag:
    source = data.get("inferred_from")
    if source is not None and (type(source) is not int or source < 0):
        raise ValueError(f"bad inferred_from: {source!r}")
    return TopicTag(
        data["topic"], data["score"], data["implicit"], tuple(data["evidence"]), source, tuple(data.get("related", ()))
    )


def article_from_dict(data: dict[str, Any]) -> Article:
    passages = tuple(
        Passage(
            id=p["id"],
            article_id=data["id"],
            index=p["index"],
            text=p["text"],
            start=p["start"],
            end=p["end"],
            topics=tuple(tag_from_dict(t) for t in p["topics"]),
            heading=p.get("heading"),
        )
        for p in data["passages"]
    )
    return Article(
        id=data["id"],
        path=data["path"],
        title=data.get("title"),
        author=data.get("author"),
        source=data.get("source"),
        date=data.get("date"),
        text="\n\n".join(p.text for p in passages),
        passages=passages,
        removed=tuple(
            Removed(r["text"], r["rule"], r.get("line", 0), r.get("kind", "rule"), r.get("detail", ""), r.get("role"))
            for r in data.get("removed", [])
        ),
        content_hash=data.get("content_hash", ""),
        encoding=data.get("encoding", "utf-8"),
        notes=tuple(data.get("notes", [])),
    )


def voices_to_list(voices: Iterable[Voice]) -> list[dict[str, Any]]:
    """An article's voices as the reader shows them: name, kind, role, the other names the article used for
    the same speaker (`also`) and the passages it speaks in."""
    return [
        {
            "name": v.name,
            "kind": v.kind,
            "role": v.role,
            "also": [n for n in v.names if n != v.name],
            "passages": list(v.passage_ids),
        }
        for v in voices
    ]


def link_to_dict(link: Link) -> dict[str, Any]:
    return {
        "source": link.source,
        "target": link.target,
        "topic": link.topic,
        "score": link.score,
        "reason": link.reason,
        "shared_terms": list(link.shared_terms),
    }


def _articles(corpus: Corpus, voices: bool) -> Iterator[dict[str, Any]]:
    """Each article as data, one at a time; with `voices`, with the voices it quotes or cites."""
    index = None
    if voices:
        from models.insight.voices import voices as voice_index

        index = voice_index(corpus)
    for article in corpus.articles:
        data = article_to_dict(article)
        if index is not None:
            data["voices"] = voices_to_list(index.of_article(article.id))
        yield data


# The document's sections in order: name -> the items of its list, made one at a time (so they stream), given
# the corpus and whether voices are wanted.
SECTIONS: tuple[tuple[str, Callable[[Corpus, bool], Iterable[Any]]], ...] = (
    ("articles", _articles),
    ("topics", lambda corpus, voices: (
        {"id": t.id, "label": t.label, "colour": t.colour, "description": t.description, "discovered": t.discovered}
        for t in corpus.topics
    )),
    ("links", lambda corpus, voices: (link_to_dict(link) for link in corpus.links)),
    ("problems", lambda corpus, voices: ({"path": p.path, "message": p.message} for p in corpus.problems)),
)


def corpus_to_dict(corpus: Corpus, *, voices: bool = False) -> dict[str, Any]:
    """The corpus as JSON-ready data; with `voices`, each article also carries its voices."""
    return {name: list(items(corpus, voices)) for name, items in SECTIONS}


def corpus_json_chunks(corpus: Corpus, *, voices: bool = False) -> Iterator[str]:
    """The JSON document of `corpus` in pieces: each item of each section on a line of its own.

    Equal, once parsed, to `corpus_to_dict(corpus, voices=voices)`; non-ASCII text is written as itself.
    """
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # the C encoder (no indent)
    for n, (name, items) in enumerate(SECTIONS):
        yield ("{" if n == 0 else ",\n") + encode(name) + ": ["
        first = True
        for item in items(corpus, voices):
            yield ("\n" if first else ",\n") + encode(item)
            first = False
        yield "]" if first else "\n]"
    yield "}\n"


def write_corpus_json(corpus: Corpus, out: BinaryIO, *, voices: bool = False, buffer_chars: int = 1 << 20) -> None:
    """Stream `corpus` as JSON (UTF-8) to the binary stream `out`, holding about `buffer_chars` at a time."""
    pending: list[str] = []
    size = 0
    for chunk in corpus_json_chunks(corpus, voices=voices):
        pending.append(chunk)
        size += len(chunk)
        if size >= buffer_chars:
            out.write("".join(pending).encode("utf-8"))
            pending, size = [], 0
    out.write("".join(pending).encode("utf-8"))
    out.flush()


def corpus_from_dict(data: dict[str, Any]) -> Corpus:
    return Corpus(
        articles=tuple(article_from_dict(a) for a in data["articles"]),
        topics=tuple(
            TopicInfo(t["id"], t["label"], t.get("colour", "#888888"), t.get("description"), bool(t.get("discovered")))
            for t in data["topics"]
        ),
        links=tuple(
            Link(l["source"], l["target"], l["topic"], l["score"], l["reason"], tuple(l.get("shared_terms", ())))
            for l in data["links"]
        ),
        problems=tuple(Problem(p["path"], p["message"]) for p in data.get("problems", [])),
    )
