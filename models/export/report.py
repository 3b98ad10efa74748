"""Markdown exports: the coverage comparison (`parallax export`, the reader's `e`) and the bookmarks.

A comparison is a title, the sources as a table, the coverage matrix (topic × article), then one section per
topic. Each topic section is built by the functions in `TOPIC_SECTIONS`, in order: how each source frames the
topic and who is quoted on it (models/export/sections.py), the linked passages side by side, strongest
first (models/export/pairs.py), and every passage on the topic as an attributed block quote. Adding a per-topic section is writing one `TopicSection` function and
putting it in that tuple, or passing your own tuple as `export_markdown(..., sections=...)`.

The framing leaves each topic's own names out of its terms ("S-400" in the S-400 section) only when it knows
them: pass the configured topics, `export_markdown(corpus, config_topics=config.topics)`; a Corpus alone
does not carry the aliases.

Exports are deterministic: the same corpus gives the same bytes (no clock, no paths that depend on the
machine: articles are named by file name, sorted as the corpus has them, links by score then position).
Every piece of article text goes through models/export/markdown.py, so nothing in a passage can become markup.
`write_output` writes a file atomically and never replaces an existing one unless told to.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
import re
from pathlib import Path

from models.store.anchor import Resolution, Resolver
from models.store.bookmarks import Bookmark
from models.store.placement import placements
from models.document import Article, Corpus, Passage, TopicInfo
from models.export.context import ConfiguredTopic, ExportContext, UnknownTopicError
from models.export.pairs import pairs_section
from models.export.sections import framing_section, overall_blocks, voices_section
from models.export.markdown import block_quote, count, escape_cell, escape_inline, table

_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
# Between topic labels in a list: a label may hold commas itself (a discovered topic's "faulty, airlines, halting").
TOPIC_SEPARATOR = "; "


# A per-topic section: the Markdown blocks (paragraphs, quotes, lists, tables; each one string, no blank
# line at either end) to add under the topic's heading; an empty list adds nothing.
TopicSection = Callable[[ExportContext, TopicInfo], list[str]]


def passages_section(ctx: ExportContext, topic: TopicInfo) -> list[str]:
    """Each passage on the topic as a block quote attributed to its article; implicit tags are marked."""
    passages = ctx.passages_on(topic.id)
    if not passages:
        return ["No passage is tagged with this topic."]
    blocks = ["### All passages on this topic"]
    for passage in passages:
        tag = passage.tag(topic.id)
        source = f"— {ctx.attribution(passage)}"
        if passage.heading:
            source += f" · under “{escape_inline(passage.heading)}”"
        if tag is not None and tag.implicit:
            words = tag.evidence
            source += " · *implicit*" + (f" (“{escape_inline(words[0])}”)" if words else "")
        blocks.append(block_quote(escape_inline(passage.text), source))
    return blocks


TOPIC_SECTIONS: tuple[TopicSection, ...] = (framing_section, voices_section, pairs_section, passages_section)


def export_markdown(
    corpus: Corpus,
    topics: Sequence[str] | None = None,
    *,
    sections: Sequence[TopicSection] = TOPIC_SECTIONS,
    title: str = "Coverage comparison",
    config_topics: Iterable[ConfiguredTopic] = (),
    links_per_topic: int = ExportContext.links_per_topic,
) -> str:
    """The comparison as CommonMark (with pipe tables): sources, coverage matrix, a section per topic.

    `topics` limits the matrix and the sections to those ids (in the order given); None means every topic
    that tags something here (the others are named in one line under the matrix).
    `config_topics` are the configured topics (`config.topics`), whose aliases the framing leaves out of each
    topic's distinctive terms; without them a topic's own names can be listed as its terms. Each topic shows
    its `links_per_topic` strongest linked pairs side by side and counts the rest.
    Raises UnknownTopicError for an id the corpus does not have.
    """
    ctx = ExportContext(corpus, tuple(config_topics), links_per_topic)
    chosen = select_topics(ctx, topics)
    blocks = [f"# {escape_inline(title)}", _summary(ctx, chosen)]
    blocks += ["## Sources", sources_table(ctx)]
    if framing_section in sections:
        blocks += overall_blocks(ctx, chosen)
    blocks += ["## Coverage", _coverage_intro(), coverage_table(ctx, chosen), _silent_line(ctx, chosen)]
    for topic in chosen:
        blocks.append(f"## {escape_inline(topic.label)}")
        blocks.append(_topic_summary(ctx, topic))
        for section in sections:
            blocks.extend(section(ctx, topic))
    return _document(blocks)


def select_topics(ctx: ExportContext, topics: Sequence[str] | None) -> list[TopicInfo]:
    """The corpus' topics named by `topics` (None: all that tag something here, by the export's coverage
    matrix, worked out only then), or UnknownTopicError."""
    corpus = ctx.corpus
    if topics is None:
        return [row.topic for row in ctx.coverage.rows]
    unknown = [t for t in topics if corpus.topic(t) is None]
    if unknown:
        raise UnknownTopicError(unknown, [t.id for t in corpus.topics])
    chosen: list[TopicInfo] = []
    for topic_id in topics:
        topic = corpus.topic(topic_id)
        if topic is not None and topic not in chosen:
            chosen.append(topic)
    return chosen


def sources_table(ctx: ExportContext) -> str:
    rows = [
        [ctx.labels[a.id], escape_cell(a.title), escape_cell(a.source), escape_cell(a.author),
         escape_cell(a.date), escape_cell(_file_name(a))]
        for a in ctx.corpus.articles
    ]
    return table(["#", "Title", "Outlet", "Author", "Date", "File"], rows)


def coverage_table(ctx: ExportContext, topics: Sequence[TopicInfo]) -> str:
    """Topic × article: how many passages discuss the topic, and the first one (`3 (from ¶2)`)."""
    rows = []
    for topic in topics:
        row = ctx.coverage.row(topic)
        cells = [f"{c.passages} (from ¶{c.first + 1})" if c.first is not None else "—" for c in row.cells]
        rows.append([escape_cell(topic.label), *cells])
    return table(["Topic", *(ctx.labels[a.id] for a in ctx.corpus.articles)], rows)


def _silent_line(ctx: ExportContext, chosen: Sequence[TopicInfo]) -> str:
    """The topics left out because no passage here discusses them, named in one line (what nobody covers is
    a finding too), or nothing."""
    return ctx.coverage.silent_sentence(frozenset(t.id for t in chosen), quote=escape_inline)


def _summary(ctx: ExportContext, topics: Sequence[TopicInfo]) -> str:
    corpus = ctx.corpus
    ids = {t.id for t in topics}
    links = sum(1 for link in corpus.links if link.topic in ids)
    # Links by content (no topic) have no topic section to go in: counted, so the figure does not silently
    # differ from `parallax analyze` (a new user's trial: 51 here, 72 there).
    by_content = sum(1 for link in corpus.links if link.topic is None)
    aside = (f" {count(by_content, 'more link')} by shared words outside any topic "
             f"{'is' if by_content == 1 else 'are'} not in this report (`parallax analyze` lists them)."
             if by_content else "")
    return (f"{count(len(corpus.articles), 'article')}, {count(len(topics), 'topic')}, "
            f"{count(links, 'link')} between passages of different articles.{aside}")


def _coverage_intro() -> str:
    return ("Passages on each topic per article, and the first of them (¶ numbers count an article's "
            "passages from 1).")


def _topic_summary(ctx: ExportContext, topic: TopicInfo) -> str:
    passages = ctx.passages_on(topic.id)
    articles = {p.article_id for p in passages}
    links = sum(1 for link in ctx.corpus.links if link.topic == topic.id)
    return (f"Topic {_code(topic.id)}: {count(len(passages), 'passage')} in {len(articles)} of "
            f"{count(len(ctx.corpus.articles), 'article')}, {count(links, 'link')}.")


def _code(text: str) -> str:
    """A code span for a config id (ids are `[a-z0-9_-]`); anything else is escaped text instead."""
    return f"`{text}`" if _ID.match(text) else escape_inline(text)




def _file_name(article: Article) -> str:
    return article.path.replace("\\", "/").rsplit("/", 1)[-1]


def _document(blocks: Iterable[str]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"


# --- bookmarks -----------------------------------------------------------------------------------------


def export_bookmarks_markdown(
    corpus: Corpus,
    bookmarks: Sequence[Bookmark],
    resolutions: Mapping[str, Resolution],
    topics: Sequence[str] | None = None,
    *,
    title: str = "Bookmarks",
) -> str:
    """The bookmarked passages grouped by topic, with notes, tags and dates; the others in their own sections.

    A found bookmark quotes the passage as it is now, once: under the first topic its passage has now, with
    all its topics listed ("- Topics: A; B"); each later topic of it names it in one line ("quoted above,
    under A"). One without topics goes under "No topic". A bookmark whose article is not among those exported is listed
    under "In other articles"; one whose article is there but whose passage is gone under "Orphaned". Both
    quote the text the bookmark was made on (and give the topics it had then), so nothing a person
    bookmarked is ever dropped from an export. `topics` keeps only bookmarks on those topics
    (UnknownTopicError for an unknown id).
    """
    ctx = ExportContext(corpus)
    chosen = select_topics(ctx, topics)
    placed = placements(bookmarks, corpus, resolutions)
    found: list[tuple[Bookmark, Resolution]] = []
    elsewhere: list[Bookmark] = []
    orphans: list[Bookmark] = []
    for bookmark in bookmarks:
        resolution = resolutions.get(bookmark.id)
        if placed[bookmark.id] == "found" and resolution is not None:
            found.append((bookmark, resolution))
        else:
            (orphans if placed[bookmark.id] == "orphaned" else elsewhere).append(bookmark)

    def position(item: tuple[Bookmark, Resolution]) -> tuple[int, int, str, str]:
        passage = corpus.passage(item[1].passage_id or "")
        return (ctx.order[passage.article_id], passage.index, item[0].created, item[0].id)

    found.sort(key=position)
    wanted = {t.id for t in chosen} if topics is not None else None
    shown_found = [(b, r) for b, r in found if wanted is None or set(_topics_now(corpus, r)) & wanted]
    shown_elsewhere = sorted((b for b in elsewhere if wanted is None or set(b.topics) & wanted),
                             key=lambda b: (b.created, b.id))
    shown_orphans = sorted((b for b in orphans if wanted is None or set(b.topics) & wanted),
                           key=lambda b: (b.created, b.id))

    resolver = Resolver(corpus) if shown_elsewhere or shown_orphans else None
    blocks = [f"# {escape_inline(title)}"]
    total = len(shown_found) + len(shown_elsewhere) + len(shown_orphans)
    summary = f"{count(total, 'bookmark')}: {len(shown_found)} found"
    if shown_elsewhere:
        summary += f", {len(shown_elsewhere)} in other articles (not among these)"
    summary += f", {len(shown_orphans)} orphaned (their passage is no longer in their article)."
    blocks.append(summary)
    quoted_under: dict[str, str] = {}  # bookmark id -> the label of the topic it is quoted under
    for topic in chosen:
        here = [(b, r) for b, r in shown_found if topic.id in _topics_now(corpus, r)]
        if not here:
            continue
        blocks.append(f"## {escape_inline(topic.label)}")
        again = []
        for bookmark, resolution in here:
            if bookmark.id in quoted_under:
                again.append(_quoted_above(ctx, resolution, quoted_under[bookmark.id]))
            else:
                quoted_under[bookmark.id] = topic.label
                blocks.extend(_found_bookmark(ctx, bookmark, resolution))
        if again:
            blocks.append("\n".join(again))
    if wanted is None:
        untagged = [(b, r) for b, r in shown_found if not _topics_now(corpus, r)]
        if untagged:
            blocks.append("## No topic")
            for bookmark, resolution in untagged:
                blocks.extend(_found_bookmark(ctx, bookmark, resolution))
    if shown_elsewhere:
        blocks.append("## In other articles")
        blocks.append("These bookmarks were made in articles that are not among those exported; the quote is the "
                      "text as it was bookmarked.")
        for bookmark in shown_elsewhere:
            blocks.extend(_unplaced(corpus, bookmark, "not loaded", resolver))
    if shown_orphans:
        blocks.append("## Orphaned")
        blocks.append("These bookmarks' articles are here but their passages were not found in them; the quote is "
                      "the text as it was bookmarked.")
        for bookmark in shown_orphans:
            blocks.extend(_unplaced(corpus, bookmark, "not found", resolver))
    return _document(blocks)


def _topics_now(corpus: Corpus, resolution: Resolution) -> tuple[str, ...]:
    return corpus.passage(resolution.passage_id or "").topic_ids


def bookmark_article(corpus: Corpus, bookmark: Bookmark, resolution: Resolution | None,
                     resolver: Resolver | None = None) -> Article | None:
    """The loaded article a bookmark belongs to: its passage's when found, else the article identified by
    content, path or title (an orphaned bookmark); None when its article is not loaded. Pass one `resolver`
    (of `corpus`) for many bookmarks: it indexes the corpus once."""
    if resolution is not None and resolution.passage_id in corpus.passages_by_id:
        return corpus.articles_by_id[corpus.passage(resolution.passage_id or "").article_id]
    for article, how in (resolver or Resolver(corpus)).candidates(bookmark.article):
        if how != "search":
            return article
    return None


def outlet_line(article: Article | None) -> str:
    """Who published a bookmarked passage, said even when it is unknown: `Outlet`, `Outlet (by Author)`,
    `by Author (outlet not stated)`, `outlet not stated`; `outlet unknown (article not loaded)` for None.
    Escaped."""
    if article is None:
        return "outlet unknown (article not loaded)"
    by = f"by {escape_inline(article.author)}" if article.author else ""
    if article.source:
        return escape_inline(article.source) + (f" ({by})" if by else "")
    return f"{by} (outlet not stated)" if by else "outlet not stated"


def _found_bookmark(ctx: ExportContext, bookmark: Bookmark, resolution: Resolution) -> list[str]:
    passage = ctx.corpus.passage(resolution.passage_id or "")
    article = ctx.corpus.articles_by_id[passage.article_id]
    source = f"— {outlet_line(article)} · “{escape_inline(article.display_title)}” · ¶{passage.index + 1}"
    if resolution.status == "fuzzy":
        source += f" · found approximately (the text changed; match {resolution.score:.0f}%)"
    labels = [t.label for t in ctx.corpus.topics if t.id in passage.topic_ids]  # in the order of the sections
    return [block_quote(escape_inline(passage.text), source), *_details(bookmark, labels if len(labels) > 1 else ())]


def _quoted_above(ctx: ExportContext, resolution: Resolution, label: str) -> str:
    """A bookmark already quoted under an earlier topic, named in one line instead of quoted again."""
    passage = ctx.corpus.passage(resolution.passage_id or "")
    article = ctx.corpus.articles_by_id[passage.article_id]
    return (f"- “{escape_inline(article.display_title)}” ¶{passage.index + 1} · {outlet_line(article)} · "
            f"quoted above, under {escape_inline(label)}")


def _unplaced(corpus: Corpus, bookmark: Bookmark, why: str, resolver: Resolver | None = None) -> list[str]:
    anchor = bookmark.article
    who = anchor.title or _file_name_of(anchor.path)
    outlet = outlet_line(bookmark_article(corpus, bookmark, None, resolver))
    source = f"— {outlet} · “{escape_inline(who)}” · {why}"
    labels = [corpus.topic(t).label if corpus.topic(t) else t for t in bookmark.topics]  # type: ignore[union-attr]
    if labels:
        source += " · topics then: " + TOPIC_SEPARATOR.join(escape_inline(label) for label in labels)
    return [block_quote(escape_inline(bookmark.passage.exact), source), *_details(bookmark)]


def _details(bookmark: Bookmark, topics: Sequence[str] = ()) -> list[str]:
    lines = []
    if topics:
        lines.append("- Topics: " + TOPIC_SEPARATOR.join(escape_inline(label) for label in topics))
    if bookmark.note:
        lines.append(f"- Note: {escape_inline(bookmark.note)}")
    if bookmark.tags:
        lines.append("- Tags: " + ", ".join(escape_inline(t) for t in bookmark.tags))
    lines.append(f"- Bookmarked: {escape_inline(bookmark.created)}")
    return ["\n".join(lines)]


def _file_name_of(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


# --- writing -------------------------------------------------------------------------------------------


class OutputExistsError(FileExistsError):
    """The output file is there already and overwriting was not asked for."""


def write_output(text: str, path: str | Path, *, force: bool = False) -> Path:
    """Write `text` (UTF-8, '\\n' newlines) to `path` through a temporary file in the same folder.

    Without `force`, an existing file is never replaced (OutputExistsError), even one created while this
    was writing. OSError when the folder is missing or not writable.
    """
    target = Path(path)
    if not force and target.exists():
        raise OutputExistsError(f"{target} already exists (use --force to replace it)")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an export is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(tmp, target)
        else:
            _place_new(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _place_new(tmp: Path, target: Path) -> None:
    """Move `tmp` to `target` only if `target` does not exist (a hard link fails if it does)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputExistsError(f"{target} already exists (use --force to replace it)") from None
    except OSError:
        # No hard links here (some file systems): check and rename, the best this system allows.
        if target.exists():
            raise OutputExistsError(f"{target} already exists (use --force to replace it)") from None
        os.replace(tmp, target)
