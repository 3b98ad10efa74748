"""Markdown exports: the seeds' golden file, determinism, CommonMark validity, escaping of hostile text,
topic selection, the section extension point, the bookmarks export and safe file writing.

The golden file tests/data/seeds_export.md is the export of seeds/ with the bundled config. When the
analysis is tuned on purpose (other topics, links or cleaning), regenerate it and review the diff:

    PARALLAX_UPDATE_GOLDEN=1 uv run pytest tests/models/test_export.py
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from models.anchor import ArticleAnchor, PassageAnchor
from models.bookmarks import open_store, resolve_all
from models.corpus import analyze
from models.document import Article, Corpus, Link, Passage, TopicInfo, TopicTag
from models.export import (
    TOPIC_SECTIONS,
    ExportContext,
    OutputExistsError,
    UnknownTopicError,
    export_bookmarks_markdown,
    export_markdown,
    write_output,
)
from models.markdown import escape_cell, escape_inline, one_line
from tests.conftest import DATA, SEEDS

GOLDEN = DATA / "seeds_export.md"
HOSTILE = "| * _ # < `code` [x](http://e.vil) <script>alert(1)</script> &amp; ~~s~~ **b** ![i](j) \\ end"

COMMONMARK = MarkdownIt("commonmark")
WITH_TABLES = MarkdownIt("commonmark").enable("table")


def flatten(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from flatten(token.children)


def types(text: str, md: MarkdownIt = WITH_TABLES) -> set[str]:
    return {t.type for t in flatten(md.parse(text))}


def hostile_corpus() -> Corpus:
    """Two articles whose every field tries to break out of Markdown, linked on a hostile topic."""
    texts = {
        "evil": [HOSTILE, "- list?\n# heading?\n> quote?\n\n    code?\n---\n1. one"],
        "good": ["A plain passage.", "12. Not a list | nor a column"],
    }
    articles = []
    for aid, parts in texts.items():
        passages, offset = [], 0
        for i, text in enumerate(parts):
            passages.append(Passage(f"{aid}:{i}", aid, i, text, offset, offset + len(text),
                                    (TopicTag("t|x", 1.0, False, ("x",)),)))
            offset += len(text) + 2
        articles.append(Article(aid, f"/x/{aid}.md", HOSTILE if aid == "evil" else None, "<b>Outlet</b> | x",
                                "*Author*", "2020-01-01 | 2", "\n\n".join(parts), tuple(passages), (), "h-" + aid))
    link = Link("evil:0", "good:1", "t|x", 0.5, "Both name `it` | <i>x</i> [a](b)")
    return Corpus(tuple(articles), (TopicInfo("t|x", "# Label | with *stars*", "#fff"),), (link,))


# --- the seeds -----------------------------------------------------------------------------------------


def test_seeds_export_matches_the_golden_file(seeds_corpus):
    text = export_markdown(seeds_corpus)
    if os.environ.get("PARALLAX_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(text.encode("utf-8"))
    expected = GOLDEN.read_bytes().decode("utf-8")
    assert text == expected, (
        "the seeds export differs from tests/data/seeds_export.md; if the analysis changed on purpose, "
        "regenerate it with `PARALLAX_UPDATE_GOLDEN=1 uv run pytest tests/models/test_export.py` and review the diff"
    )


def test_export_is_deterministic(seeds_corpus, config):
    again = analyze([SEEDS], config)
    first = export_markdown(seeds_corpus).encode("utf-8")
    assert export_markdown(again).encode("utf-8") == first
    relative = analyze([os.path.relpath(SEEDS)], config)  # paths as typed do not leak into the export
    assert export_markdown(relative).encode("utf-8") == first


def test_seeds_export_has_every_part(seeds_corpus):
    text = export_markdown(seeds_corpus)
    tokens = list(flatten(WITH_TABLES.parse(text)))
    headings = [t.content for i, t in enumerate(tokens[:-1]) if tokens[i - 1].type == "heading_open"]
    assert headings[:3] == ["Coverage comparison", "Sources", "Coverage"]
    assert [h for h in headings if h in {t.label for t in seeds_corpus.topics}] == [t.label for t in seeds_corpus.topics]
    assert text.count("\n| A") == len(seeds_corpus.articles)  # one source row per article
    ctx = ExportContext(seeds_corpus)
    s400 = ctx.passages_on("s400-delivery")
    first = next(p for p in s400 if p.article_id == s400[0].article_id)
    count = sum(1 for p in s400 if p.article_id == first.article_id)
    assert f"| S-400 purchase | {count} (from ¶{first.index + 1}) |" in text
    assert "Global Research" in text and "Korybko" in text and "2019-04-26" in text
    implicit = next(p for p in s400 if p.tag("s400-delivery").implicit)
    assert f"*implicit* (“{implicit.tag('s400-delivery').evidence[0]}”)" in text
    best = ctx.links_on("s400-delivery")[0]
    assert f"- {ctx.ref(best.source)} ↔ {ctx.ref(best.target)} (score {best.score:.2f}): Both discuss" in text
    assert text.endswith("\n") and not text.endswith("\n\n") and "\r" not in text
    quotes = sum(1 for t in tokens if t.type == "blockquote_open")
    assert quotes == sum(len(p.topics) for p in seeds_corpus.passages_by_id.values())
    links = sum(1 for line in text.splitlines() if line.startswith("- A") and " ↔ " in line)
    assert links == len(seeds_corpus.links)


def test_seeds_export_is_valid_commonmark_without_html_or_links(seeds_corpus):
    text = export_markdown(seeds_corpus)
    for md in (COMMONMARK, WITH_TABLES):
        found = types(text, md)
        assert not found & {"html_inline", "html_block", "link_open", "image", "fence", "code_block"}
        codes = {t.content for t in flatten(md.parse(text)) if t.type == "code_inline"}
        assert codes == {t.id for t in seeds_corpus.topics}  # the only code spans are topic ids
    tables = _tables(text)
    assert [len(rows[0]) for rows in tables] == [6, 1 + len(seeds_corpus.articles)]
    assert all(len(row) == len(rows[0]) for rows in tables for row in rows)


def _tables(text: str) -> list[list[list[str]]]:
    """Each table's rows as lists of cell texts (header row first), as markdown-it parsed them."""
    tables, rows, row = [], [], None
    for token in flatten(WITH_TABLES.parse(text)):
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close":
            rows.append(row)
            row = None
        elif token.type == "table_close":
            tables.append(rows)
    return tables


# --- topics and sections -------------------------------------------------------------------------------


def test_topics_select_and_order_the_sections(seeds_corpus):
    text = export_markdown(seeds_corpus, ["f35-removal", "coup-2016", "f35-removal"])
    assert "## F-35 removal" in text and "## 2016 coup attempt" in text
    assert text.index("## F-35 removal") < text.index("## 2016 coup attempt")
    assert "## S-400 purchase" not in text and "| S-400 purchase |" not in text
    links = sum(1 for link in seeds_corpus.links if link.topic in ("f35-removal", "coup-2016"))
    assert f"5 articles, 2 topics, {links} links" in text
    assert [row[0] for row in _tables(text)[1][1:]] == ["F-35 removal", "2016 coup attempt"]


def test_an_unknown_topic_names_the_valid_ones(seeds_corpus):
    with pytest.raises(UnknownTopicError) as info:
        export_markdown(seeds_corpus, ["s400-delivery", "nope"])
    assert "'nope'" in str(info.value) and "s400-delivery, f35-removal" in str(info.value)
    assert info.value.unknown == ("nope",)


def test_another_section_per_topic_is_one_function(seeds_corpus):
    def voices(ctx, topic):
        return [f"### Voices on {topic.id}", f"{len(ctx.passages_on(topic.id))} passages"]

    text = export_markdown(seeds_corpus, ["f35-removal"], sections=(*TOPIC_SECTIONS, voices))
    assert text.index("### Links") < text.index("### Voices on f35-removal") and "4 passages" in text
    assert export_markdown(seeds_corpus, ["f35-removal"], sections=()).count("###") == 0


def test_a_topic_nobody_discusses_says_so():
    corpus = hostile_corpus()
    empty = Corpus(corpus.articles, (*corpus.topics, TopicInfo("none", "Nobody", "#000")), corpus.links)
    text = export_markdown(empty, ["none"])
    assert "## Nobody" in text and "No passage is tagged with this topic." in text and "### Links" not in text


# --- escaping ------------------------------------------------------------------------------------------


def test_hostile_text_stays_literal_text():
    text = export_markdown(hostile_corpus())
    tokens = list(flatten(WITH_TABLES.parse(text)))
    found = {t.type for t in tokens}
    assert not found & {"link_open", "image", "html_inline", "html_block", "code_inline", "fence", "code_block",
                        "strong_open", "em_open", "s_open", "ordered_list_open", "hr"}
    assert found >= {"table_open", "blockquote_open"}
    # The only list is the export's own list of links (one link); nothing in a quote became a list or heading.
    assert sum(1 for t in tokens if t.type == "list_item_open") == 1
    depth = 0
    for token in tokens:
        if token.type in ("blockquote_open", "blockquote_close"):
            depth += token.nesting
            assert depth <= 1  # no quote inside a quote
        elif depth:
            assert token.type not in ("bullet_list_open", "heading_open", "table_open")
    tables = _tables(text)
    assert all(len(row) == 6 for row in tables[0]) and all(len(row) == 3 for row in tables[1])
    html = WITH_TABLES.render(text)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html and "href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "[x](http://e.vil)" in html
    assert "&amp;amp;" in html  # "&amp;" in a passage is shown as those five characters, not as "&"
    headings = [t for t in flatten(WITH_TABLES.parse(text)) if t.type == "heading_open"]
    assert len(headings) == 3 + 1 + 2  # title, sources, coverage; the topic; passages and links


def test_escaped_passages_read_back_as_the_same_characters():
    text = export_markdown(hostile_corpus())
    paragraphs = [t.children for t in flatten(WITH_TABLES.parse(text)) if t.type == "inline"]
    contents = ["".join(c.content for c in children if c.type in ("text", "text_special")) for children in paragraphs]
    assert one_line(HOSTILE) in contents
    assert one_line("- list?\n# heading?\n> quote?\n\n    code?\n---\n1. one") in contents


ALPHABET = st.sampled_from(list("ab 1.\\`*_[]()<>#|~&!-+=:;/\"'\n\t") + ["http://", "&amp;", "<div>", "é", "\u2028"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_escape_inline_round_trips_any_text(raw):
    escaped = escape_inline(raw)
    assert "\n" not in escaped
    tokens = COMMONMARK.parse(escaped)
    if not one_line(raw):
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children
    assert {c.type for c in children} <= {"text", "text_special"}
    assert "".join(c.content for c in children) == one_line(raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_escape_cell_keeps_one_cell(raw):
    doc = f"| a | b |\n|---|---|\n| {escape_cell(raw)} | x |\n"
    rows = _tables(doc)[0]
    assert len(rows) == 2 and rows[1][1] == "x"
    expected = one_line(raw) or "—"
    # markdown-it stores the cell's source; render it to compare characters, not escapes.
    cell = WITH_TABLES.parseInline(rows[1][0])[0].children
    assert "".join(c.content for c in cell if c.type in ("text", "text_special")) == expected


# --- bookmarks export ----------------------------------------------------------------------------------


def test_bookmarks_export_groups_by_topic_with_notes_tags_and_orphans(seeds_corpus, tmp_path):
    store = open_store(tmp_path).store
    several = "004_c17863d213641cf5:1"
    untagged = next(p.id for p in seeds_corpus.passages_by_id.values() if not p.topics)
    both = store.add(seeds_corpus, several, note="Compare *this* | [x](y)", tags=["follow-up", "<b>"])
    drones = store.add(seeds_corpus, untagged)
    store.add(seeds_corpus, "003_a5575fbe19cd88ca:0", note="drones")
    orphan = store.add_anchored(ArticleAnchor("gone", "/gone/article.txt", "A lost article"),
                                PassageAnchor("Text that no article has any more, anywhere.", "", "", 0, 44),
                                ("s400-delivery",), note="lost")
    bookmarks = store.list()
    text = export_bookmarks_markdown(seeds_corpus, bookmarks, resolve_all(bookmarks, seeds_corpus))
    assert text.startswith("# Bookmarks\n\n4 bookmarks: 3 found, 1 orphaned")
    sections = text.split("\n## ")[1:]
    tagged = set(seeds_corpus.passage(several).topic_ids) | set(seeds_corpus.passage("003_a5575fbe19cd88ca:0").topic_ids)
    expected = [t.label for t in seeds_corpus.topics if t.id in tagged] + ["No topic", "Orphaned"]
    assert [s.split("\n", 1)[0] for s in sections] == expected
    notes = sum(s.count("- Note: Compare \\*this\\* \\| \\[x\\](y)") for s in sections)
    assert notes == len(seeds_corpus.passage(several).topics) >= 2  # under each of its topics
    assert "- Tags: follow-up, \\<b\\>" in text and f"- Bookmarked: {both.created}" in text
    assert escape_inline(seeds_corpus.passage(drones.passage.passage_id or "").text) in sections[-2]
    assert "A lost article" in sections[-1] and "topics then: S-400 purchase" in sections[-1] and orphan.quote in text
    assert not types(text) & {"link_open", "html_inline", "html_block", "strong_open"}
    again = export_bookmarks_markdown(seeds_corpus, list(reversed(bookmarks)), resolve_all(bookmarks, seeds_corpus))
    assert again == text  # the order bookmarks come in does not matter


def test_bookmarks_export_filters_by_topic(seeds_corpus, tmp_path):
    store = open_store(tmp_path).store
    store.add(seeds_corpus, "004_c17863d213641cf5:1", note="several topics")
    store.add(seeds_corpus, "003_a5575fbe19cd88ca:0", note="drones")
    bookmarks = store.list()
    text = export_bookmarks_markdown(seeds_corpus, bookmarks, resolve_all(bookmarks, seeds_corpus), ["drones-ukraine"])
    assert "1 bookmark: 1 found, 0 orphaned" in text and "drones" in text and "several topics" not in text


# --- writing files -------------------------------------------------------------------------------------


def test_write_output_creates_and_never_silently_overwrites(tmp_path):
    target = tmp_path / "out.md"
    write_output("first ☃\n", target)
    assert target.read_bytes() == "first ☃\n".encode("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) & 0o644 == 0o644 or os.name != "posix"
    with pytest.raises(OutputExistsError):
        write_output("second\n", target)
    assert target.read_text(encoding="utf-8") == "first ☃\n"
    write_output("second\n", target, force=True)
    assert target.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary files left behind


def test_write_output_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(OSError):
        write_output("x", tmp_path / "missing" / "out.md")
    assert not (tmp_path / "missing").exists()


def test_write_output_refuses_a_file_that_appears_while_writing(tmp_path, monkeypatch):
    target = tmp_path / "out.md"
    real_fdopen = os.fdopen

    def racing_fdopen(*args, **kwargs):
        target.write_text("someone else's\n")
        return real_fdopen(*args, **kwargs)

    monkeypatch.setattr(os, "fdopen", racing_fdopen)
    with pytest.raises(OutputExistsError):
        write_output("mine\n", target)
    assert target.read_text() == "someone else's\n"
    assert [p.name for p in Path(tmp_path).iterdir()] == ["out.md"]
