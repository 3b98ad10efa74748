"""The readable summary `parallax analyze` prints: articles, topic counts and links.

Article text is untrusted: every string that comes from an article goes into a `rich.text.Text`, never
through markup, so "[bold]" or "[@click=...]" in a title prints as itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console
from rich.text import Text

from models.document import Corpus, Link
from models.export.markdown import count


def print_summary(corpus: Corpus, console: Console | None = None) -> None:
    console = console or Console(soft_wrap=True)  # piped to a file, lines stay whole
    colours = {t.id: t.colour for t in corpus.topics}

    for article in corpus.articles:
        head = Text()
        head.append(article.id, style="dim")
        head.append("  ")
        head.append(article.display_title, style="bold")
        console.print(head)
        facts = [article.source or "outlet not stated", article.author or "author not stated",
                 article.date or "date not stated", count(len(article.passages), "passage"),
                 count(len(article.removed), "piece") + " removed"]
        if article.encoding != "utf-8":
            facts.append(f"read as {article.encoding}")
        console.print(Text("  " + " · ".join(facts)))
        for note in article.notes:
            console.print(Text(f"  note: {note}", style="dim"))
        counts: Counter[str] = Counter(t.topic for p in article.passages for t in p.topics)
        line = Text("  topics: ")
        shown = [t for t in corpus.topics if counts[t.id]]
        for n, topic in enumerate(shown):
            if n:
                line.append(" · ")
            line.append(f"{topic.label} {counts[topic.id]}", style=colours[topic.id])
        if not shown:
            line.append("none")
        console.print(line)
    console.print()

    if not corpus.articles:
        console.print(Text("No article could be read from the paths given (see the problems below)."))
        return
    if not corpus.links:
        console.print(Text("No links: no two articles share a topic."))
        return
    by_topic: dict[str, list[Link]] = defaultdict(list)
    for link in corpus.links:
        by_topic[link.topic].append(link)
    console.print(Text(f"{len(corpus.links)} links", style="bold"))
    for topic in corpus.topics:
        links = by_topic.get(topic.id)
        if not links:
            continue
        console.print(Text(f"{topic.label} ({len(links)})", style=f"bold {topic.colour}"))
        for link in links:
            row = Text(f"  {link.source} ↔ {link.target}  {link.score:.2f}")
            if link.shared_terms:
                row.append("  " + ", ".join(link.shared_terms), style="dim")
            console.print(row)


