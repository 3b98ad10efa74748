"""The link inspector: the focused passage's links (article, topic, score, reason), and for the highlighted
one both texts side by side with the words they share marked and the words only one side uses set apart.
Enter jumps to the linked passage."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from models.insight.compare import Mark, compare
from models.document import Corpus, Link
from tui.labels import passage_label
from tui.screens.base import Panel


def link_prompt(corpus: Corpus, origin: str, link: Link, also: Sequence[Link] = ()) -> Text:
    """One row of the list: where the link goes, on which topic, how strong and why (plain Text); `also`
    are the same pair's links on other topics, named after it."""
    target = corpus.passage(link.other(origin))
    topic = corpus.topic(link.topic) if link.topic is not None else None
    text = Text(no_wrap=False)
    text.append(f"{link.score:.2f} ", style="bold")
    text.append("● " if link.topic is not None else "≈ ", style=topic.colour if topic else "")
    text.append(topic.label if topic else link.topic or "same point (no topic)")
    for other in also:
        other_topic = corpus.topic(other.topic) if other.topic is not None else None
        text.append(" · also ", style="dim")
        text.append(other_topic.label if other_topic else other.topic or "same point (no topic)",
                    style=other_topic.colour if other_topic else "")
        text.append(f" {other.score:.2f}", style="dim")
    text.append("  ")
    text.append(passage_label(corpus, target), style="italic")
    text.append("\n")
    text.append(link.reason, style="dim")
    return text


def one_row_per_passage(links: Sequence[Link], origin: str) -> list[tuple[Link, tuple[Link, ...]]]:
    """The links grouped by the passage they lead to: a pair linked on two topics is one row (its best link,
    then the others), in the order the passages first come. Listed once per topic, the same pair filled the
    list twice with nearly the same score."""
    rows: dict[str, list[Link]] = {}
    for link in links:
        rows.setdefault(link.other(origin), []).append(link)
    out = []
    for group in rows.values():
        best = max(group, key=lambda l: l.score)
        out.append((best, tuple(l for l in group if l is not best)))
    return out


def marked(text: str, marks: Sequence[Mark], shared_style: str, own_style: str) -> Text:
    out = Text(text)
    for mark in marks:
        if mark.shared or mark.own:
            out.stylize(shared_style if mark.shared else own_style, mark.start, mark.end)
    return out


class InspectorScreen(Panel[str | None]):
    """Links of one passage; enter jumps to the highlighted one."""

    def __init__(self, corpus: Corpus, passage_id: str, topic: str | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.origin = passage_id
        links = corpus.links_of(passage_id)
        if topic is not None:
            links = [l for l in links if l.topic == topic] or links
        rows = one_row_per_passage(links, passage_id)
        self.links = [link for link, _ in rows]
        self.also = [also for _, also in rows]

    def compose(self) -> ComposeResult:
        passage = self.corpus.passage(self.origin)
        article = self.corpus.articles_by_id[passage.article_id]
        with Vertical(id="inspector", classes="panel"):
            title = Text(f"Links of ¶{passage.index + 1} in ")
            title.append(article.display_title, style="italic")
            title.append(f" ({len(self.links)})")
            yield Static(title, classes="panel-title")
            if self.links:
                yield OptionList(
                    *(Option(link_prompt(self.corpus, self.origin, l, self.also[n]), id=str(n))
                      for n, l in enumerate(self.links)),
                    id="links",
                )
            else:
                passage_topics = self.corpus.passage(self.origin).topics
                why = ("no other article discusses its topics" if passage_topics
                       else "it discusses none of the configured topics")
                yield Static(Text(f"This passage has no links: {why}."), id="no-links")
            with Horizontal(id="pair"):
                with VerticalScroll(classes="side"):
                    yield Static(id="left")
                with VerticalScroll(classes="side"):
                    yield Static(id="right")
            yield Static(id="shared", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self._show(0)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(int(event.option.id or 0))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        link = self.links[int(event.option.id or 0)]
        self.dismiss(link.other(self.origin))

    def _show(self, n: int) -> None:
        origin = self.corpus.passage(self.origin)
        left = self.query_one("#left", Static)
        right = self.query_one("#right", Static)
        shared = self.query_one("#shared", Static)
        if not self.links:
            left.update(Text(origin.text))
            right.update("")
            shared.update("")
            return
        link = self.links[n]
        target = self.corpus.passage(link.other(self.origin))
        # The link's own shared terms (those its reason names) are what is listed and marked: one source.
        comparison = compare(origin.text, target.text, link.shared_terms)
        left.update(marked(origin.text, comparison.left, "bold underline", "dim"))
        right.update(marked(target.text, comparison.right, "bold underline", "dim"))
        label = Text("Shared terms (bold), as the link's reason gives them: " if link.shared_terms
                     else "The link names no terms; words both use (bold): ")
        label.append(", ".join(comparison.shared) or "none")
        label.append("   Words only one side uses are dimmed.")
        shared.update(label)
