"""The readable summary `parallax analyze` prints: articles, topic counts and links.

Every number a person reads counts from 1, as the reader and the export count: articles are "1." to "N."
and passages "¶1" onwards ("2. Reuters ¶5"). Ids (`<article id>:<index>`, the index from 0) are for
programs and appear only in `--json`; the article id is shown dim beside its number, to find it there.

Article text is untrusted: every string that comes from an article goes into a `rich.text.Text`, never
through markup, so "[bold]" or "[@click=...]" in a title prints as itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console
from rich.text import Text

from models.display import display
from models.document import Corpus, Link, TopicInfo
from models.export.markdown import count
from tui.labels import passage_label


def print_summary(corpus: Corpus, console: Console | None = None) -> None:
    console = console or Console(soft_wrap=True)  # piped to a file, lines stay whole
    colours = {t.id: t.colour for t in corpus.topics}

    for number, article in enumerate(corpus.articles, start=1):
        head = Text()
        head.append(f"{number}. ", style="bold")
        head.append(article.display_title, style="bold")
        head.append(f"  ({article.id})", style="dim")
        console.print(head)
        facts = [display(article.source or "outlet not stated"), display(article.author or "author not stated"),
                 display(article.date or "date not stated"), count(len(article.passages), "passage"),
                 count(len(article.removed), "piece") + " removed"]
        if article.encoding != "utf-8":
            facts.append(f"read as {article.encoding}")
        console.print(Text("  " + " · ".join(facts)))
        for note in article.notes:
            console.print(Text(f"  note: {display(note)}", style="dim"))
        counts: Counter[str] = Counter(t.topic for p in article.passages for t in p.topics)
        configured = [t for t in corpus.topics if counts[t.id] and not t.discovered]
        suggested = [t for t in corpus.topics if counts[t.id] and t.discovered]
        console.print(_topic_line("  topics: ", configured, counts, colours, "none"))
        if suggested:
            console.print(_topic_line("  suggested topics (found in the articles): ", suggested, counts, colours, ""))
    console.print()

    if not corpus.articles:
        console.print(Text("No article could be read from the paths given (see the problems below)."))
        return
    if not corpus.links:
        console.print(Text("No links: no two articles share a topic."))
        return
    by_topic: dict[str | None, list[Link]] = defaultdict(list)
    for link in corpus.links:
        by_topic[link.topic].append(link)
    console.print(Text(f"{len(corpus.links)} links", style="bold"))
    groups: list[tuple[str, str, list[Link]]] = []
    for topic in corpus.topics:
        kind = " (suggested topic)" if topic.discovered else ""
        groups.append((f"{topic.label}{kind}", f"bold {topic.colour}", by_topic.get(topic.id, [])))
    groups.append(("By content, outside any topic", "bold", by_topic.get(None, [])))
    for title, style, topic_links in groups:
        if not topic_links:
            continue
        console.print(Text(f"{title} ({len(topic_links)})", style=style))
        for link in topic_links:
            source, target = corpus.passage(link.source), corpus.passage(link.target)
            row = Text(f"  {passage_label(corpus, source, 30)} ↔ {passage_label(corpus, target, 30)}  {link.score:.2f}")
            if link.shared_terms:
                row.append("  " + ", ".join(link.shared_terms), style="dim")
            console.print(row)




def _topic_line(head: str, topics: list[TopicInfo], counts: Counter[str], colours: dict[str, str], empty: str) -> Text:
    line = Text(head)
    for n, topic in enumerate(topics):
        if n:
            line.append(" · ")
        line.append(f"{topic.label} {counts[topic.id]}", style=colours[topic.id])
    if not topics:
        line.append(empty)
    return line
