"""The readable summary `parallax analyze` prints: articles, topic counts and links.

Every number a person reads counts from 1, as the reader and the export count: articles are "1." to "N."
and passages "¶1" onwards ("2. Reuters ¶5"). Ids (`<article id>:<index>`, the index from 0) are for
programs and appear only in `--json`; the article id is shown dim beside its number, to find it there.

Article text is untrusted: every string that comes from an article goes into a `rich.text.Text`, never
through markup, so "[bold]" or "[@click=...]" in a title prints as itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from rich.console import Console
from rich.text import Text

from models.display import display
from models.document import Corpus, Link, TopicInfo
from models.export.markdown import count
from tui.labels import article_label, byline


CHUNK = 2000  # lines written at once: a print per line costs ~0.1 ms in rich, and links run to 100,000s


def print_summary(corpus: Corpus, console: Console | None = None) -> None:
    console = console or Console(soft_wrap=True)  # piped to a file, lines stay whole
    _write(console, _lines(corpus))


def _write(console: Console, lines: Iterator[Text]) -> None:
    """Print `lines` in chunks: on a terminal as one rich Text per chunk (styles kept), elsewhere (a pipe, a
    file: rich would drop the styles anyway) as their plain text straight to the file."""
    styled = console.is_terminal
    chunk: list[Text] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= CHUNK:
            _flush(console, chunk, styled)
            chunk = []
    if chunk:
        _flush(console, chunk, styled)


def _flush(console: Console, chunk: list[Text], styled: bool) -> None:
    if styled:
        console.print(Text("\n").join(chunk))
    else:
        console.file.write("".join(line.plain + "\n" for line in chunk))


def _lines(corpus: Corpus) -> Iterator[Text]:
    """The summary, line by line (plain Text: every string from an article made safe by models.display)."""
    colours = {t.id: t.colour for t in corpus.topics}

    for number, article in enumerate(corpus.articles, start=1):
        head = Text()
        head.append(f"{number}. ", style="bold")
        head.append(article.display_title, style="bold")
        head.append(f"  ({article.id})", style="dim")
        yield head
        facts = [byline(article), count(len(article.passages), "passage"),
                 count(len(article.removed), "piece") + " removed"]
        if article.encoding != "utf-8":
            facts.append(f"read as {article.encoding}")
        yield Text("  " + " · ".join(facts))
        for note in article.notes:
            yield Text(f"  note: {display(note)}", style="dim")
        counts: Counter[str] = Counter(t.topic for p in article.passages for t in p.topics)
        configured = [t for t in corpus.topics if counts[t.id] and not t.discovered]
        suggested = [t for t in corpus.topics if counts[t.id] and t.discovered]
        yield _topic_line("  topics: ", configured, counts, colours, "none")
        if suggested:
            yield _topic_line("  suggested topics (found in the articles): ", suggested, counts, colours, "")
    yield Text()

    if not corpus.articles:
        yield Text("No article could be read from the paths given (see the problems below).")
        return
    if not corpus.links:
        yield Text("No links: no two articles share a topic.")
        return
    by_topic: dict[str | None, list[Link]] = defaultdict(list)
    for link in corpus.links:
        by_topic[link.topic].append(link)
    yield Text(f"{len(corpus.links)} links", style="bold")
    groups: list[tuple[str, str, list[Link]]] = []
    for topic in corpus.topics:
        kind = " (suggested topic)" if topic.discovered else ""
        groups.append((f"{topic.label}{kind}", f"bold {topic.colour}", by_topic.get(topic.id, [])))
    groups.append(("By content, outside any topic", "bold", by_topic.get(None, [])))
    labels: dict[str, str] = {}  # article id -> its label, made once (not once per link)

    def where(passage_id: str) -> str:
        passage = corpus.passage(passage_id)
        label = labels.get(passage.article_id)
        if label is None:
            label = labels[passage.article_id] = article_label(corpus, corpus.articles_by_id[passage.article_id], 30)
        return f"{label} ¶{passage.index + 1}"

    for title, style, topic_links in groups:
        if not topic_links:
            continue
        yield Text(f"{title} ({len(topic_links)})", style=style)
        for link in topic_links:
            row = Text(f"  {where(link.source)} ↔ {where(link.target)}  {link.score:.2f}")
            if link.shared_terms:
                row.append("  " + display(", ".join(link.shared_terms)), style="dim")
            yield row


def _topic_line(head: str, topics: list[TopicInfo], counts: Counter[str], colours: dict[str, str], empty: str) -> Text:
    line = Text(head)
    for n, topic in enumerate(topics):
        if n:
            line.append(" · ")
        line.append(f"{topic.label} {counts[topic.id]}", style=colours[topic.id])
    if not topics:
        line.append(empty)
    return line
