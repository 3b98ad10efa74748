"""Property-based robustness: random text, random bytes and hostile unicode through ingest, analysis, JSON and
Markdown export. Nothing may raise (but IngestError, the expected answer to undecodable, binary or empty input);
every passage stands at its offsets in the cleaned text; ids are unique; the JSON and the CommonMark are valid."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.loader import build_corpus
from models.pipeline.article import analyze_source
from models.document import Corpus
from models.export.report import export_markdown
from models.pipeline.ingest import IngestError, source_from_bytes
from models.serialize import corpus_from_dict, corpus_to_dict
from models.pipeline.topics import Tagger
from tests.conftest import SEEDS


SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

HOSTILE = [
    "\u0301", "\u0308\u0308\u0308", "e\u0301", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "שלום עולם", "مرحبا بالعالم", "Ünïcödé",
    "👍🏽", "👨‍👩‍👧‍👦", "🇹🇷🇷🇺", "🏳️‍🌈", "\U0001F600", "ﷺ", "İı", "ß", "ǅ", "\u3000", "\u00a0", "\u2028", "\u2029",
    "\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\x00", "\x7f", "\r\n", "\r", "\t", "\n", "\n\n", "\n\n\n",
    "# ", "## ", "> ", "- ", "1. ", "* ", "**", "_", "`", "```", "|", "[link](http://x)", "![img](y.png)", "<b>",
    "<script>alert(1)</script>", "&amp;", "&#x202e;", "\\", "[bold]", "[/]", "By ", "Author: ", "Related Posts",
    "Leave a Reply", "Copyright © 2021 ", "S-400", "S 400", "F-35", "Bayraktar TB2", "drones", "Ukraine", "Ankara",
    "Washington", "the deal", "sanctions", "coup attempt", "July 15", ".", ". ", "?", "!", "…", "\"", "“", "”",
]
PARAGRAPHS = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]

pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(PARAGRAPHS),
    st.text(max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0x300, max_codepoint=0x36F), max_size=5),  # combining marks
    st.text(alphabet=st.characters(min_codepoint=0x590, max_codepoint=0x6FF), max_size=12),  # Hebrew, Arabic
    st.text(alphabet=st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=5),  # emoji
)
articles_text = st.lists(pieces, max_size=40).map("".join)


def _analyse(config, blobs: list[tuple[str, bytes]]) -> Corpus:
    tagger = Tagger(config.topics, config.thresholds)
    articles = []
    for n, (name, data) in enumerate(blobs):
        try:
            source = source_from_bytes(name, data)
        except IngestError as exc:
            assert str(exc)
            continue
        article = analyze_source(source, config, tagger, f"art{n}")
        if article.passages:
            articles.append(article)
    return build_corpus(articles, config, [], workers=1)


def _check(corpus: Corpus) -> None:
    article_ids = [a.id for a in corpus.articles]
    passage_ids = [p.id for a in corpus.articles for p in a.passages]
    assert len(set(article_ids)) == len(article_ids)
    assert len(set(passage_ids)) == len(passage_ids)
    for article in corpus.articles:
        for n, p in enumerate(article.passages):
            assert article.text[p.start : p.end] == p.text
            assert p.index == n and p.id == f"{article.id}:{n}" and p.article_id == article.id
            assert p.text.strip()
            assert "\x1b" not in p.text and "\r" not in p.text and "\x00" not in p.text
    ids = set(passage_ids)
    for link in corpus.links:
        assert link.source in ids and link.target in ids
        assert link.source.split(":")[0] != link.target.split(":")[0]
        assert 0.0 <= link.score <= 1.0
    assert len({(l.source, l.target, l.topic) for l in corpus.links}) == len(corpus.links)

    data = corpus_to_dict(corpus)
    for ascii_only in (True, False):
        text = json.dumps(data, ensure_ascii=ascii_only)
        assert json.loads(text) == data
    assert corpus_from_dict(json.loads(json.dumps(data))) == corpus

    from markdown_it import MarkdownIt

    markdown = export_markdown(corpus)
    assert isinstance(markdown, str)
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    raw_html = [t for t in _walk(tokens) if t.type in ("html_inline", "html_block")]
    assert not raw_html, f"article text became raw HTML in the export: {raw_html[0].content!r}"


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


@SETTINGS
@given(st.lists(st.binary(max_size=3000), min_size=1, max_size=3))
def test_random_bytes(config, blobs):
    _check(_analyse(config, [(f"file{n}.txt", b) for n, b in enumerate(blobs)]))


@SETTINGS
@given(st.lists(articles_text, min_size=1, max_size=3), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_random_unicode_text(config, texts, encoding):
    _check(_analyse(config, [(f"a{n}.md", t.encode(encoding, "surrogatepass")) for n, t in enumerate(texts)]))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(articles_text, min_size=1, max_size=6), min_size=1, max_size=2))
def test_random_web_pages(config, pages):
    import html

    blobs = []
    for n, paragraphs in enumerate(pages):
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
        page = f"<!DOCTYPE html><html><head><title>{html.escape(paragraphs[0][:50])}</title></head><body><nav>Home</nav><article>{body}</article></body></html>"
        blobs.append((f"page{n}.html", page.encode("utf-8")))
    _check(_analyse(config, blobs))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(articles_text, st.text(alphabet="abcxyz-_.", min_size=1, max_size=8))
def test_cache_round_trip_moves_the_article_to_its_new_id(config, tmp_path_factory, text, new_id):
    from models.store.cache import Cache
    from models.loader import rebase

    try:
        source = source_from_bytes("a.txt", text.encode("utf-8"))
    except IngestError:
        return
    article = analyze_source(source, config, Tagger(config.topics, config.thresholds), "art")
    with Cache(tmp_path_factory.mktemp("cache") / "c.sqlite3") as store:
        store.put_article("k", config, article)
        store.flush()
        loaded = store.get_article("k", config, new_id, "elsewhere/x.txt")
    assert loaded == rebase(article, new_id, "elsewhere/x.txt")
    assert all(p.id == f"{new_id}:{p.index}" for p in loaded.passages)
    cited = [t.inferred_from for p in loaded.passages for t in p.topics if t.implicit and t.inferred_from is not None]
    assert all(isinstance(i, int) and 0 <= i < len(loaded.passages) for i in cited)  # a lede's tag from the title cites none
