"""The perspectives view (`p`): for one topic, the words each article uses on it far more than the others
(weighted log-odds z-scores, drawn as bars), and the common ground above. Highlighting a term lists the
passages that use it below; enter on a term goes to those passages, enter on a passage jumps there. `t`
moves to the next topic."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from models.document import Corpus
from models.perspectives import PerspectiveIndex, Term, TopicFraming
from tui.labels import passage_label
from tui.screens.base import Panel

MAX_COLUMNS = 12
BAR = 10


def term_prompt(term: Term, top_z: float) -> Text:
    """A term with a bar as long as its z-score (plain Text)."""
    filled = max(1, round(BAR * max(term.z, 0.0) / top_z)) if top_z > 0 else 1
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append("█" * filled + " " * (BAR - filled), style="green")
    out.append(f" {term.z:4.1f} ", style="dim")
    out.append(term.text)
    out.append(f" ×{term.count}", style="dim")
    return out


class PerspectivesScreen(Panel[str | None]):
    BINDINGS = [Binding("t", "next_topic", "Next topic", id="perspectives_topic")]

    def __init__(self, corpus: Corpus, config_topics, topic_id: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.index = PerspectiveIndex.of(corpus, config_topics)
        self.topic_id = topic_id
        self.framing: TopicFraming | None = None
        self.terms: dict[str, Term] = {}  # option id -> term
        self.passage_ids: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="perspectives", classes="panel"):
            yield Static(id="perspectives-title", classes="panel-title")
            yield Static(id="common-ground")
            yield Horizontal(id="frames")
            yield Static(id="term-passages-title", classes="dim")
            yield OptionList(id="term-passages")
        yield Footer()

    async def on_mount(self) -> None:
        await self._show()

    async def _show(self) -> None:
        topic = self.corpus.topic(self.topic_id)
        framing = self.framing = self.index.framing(self.topic_id)
        title = Text("How each source frames ")
        title.append(topic.label if topic else self.topic_id, style=f"bold {topic.colour if topic else ''}")
        title.append("   (weighted log-odds z-scores; t: next topic, enter: passages using the term)", style="dim")
        self.query_one("#perspectives-title", Static).update(title)

        common = Text("Common ground: ", style="bold")
        if framing.shared:
            common.append(", ".join(f"{t.text} ({t.z:.1f})" for t in framing.shared), style="")
        else:
            common.append("no term is used on this topic by every article that discusses it", style="dim")
        self.query_one("#common-ground", Static).update(common)

        frames = self.query_one("#frames", Horizontal)
        await frames.remove_children()
        self.terms.clear()
        on_topic = [a for a in framing.articles if a.token_count]
        shown = sorted(on_topic, key=lambda a: -a.token_count)[:MAX_COLUMNS]
        order = {a.id: n for n, a in enumerate(self.corpus.articles)}
        shown.sort(key=lambda a: order[a.article_id])
        columns = []
        for frame in shown:
            article = self.corpus.articles_by_id[frame.article_id]
            heading = Text(f"{order[frame.article_id] + 1}. ", style="bold")
            heading.append(article.source or article.display_title, style="bold")
            heading.append(f"\n{frame.token_count} words on the topic", style="dim")
            if not frame.enough_text:
                body: Static | OptionList = Static(Text(f"Too little text on this topic to say anything "
                                                        f"(needs {framing.min_tokens} words).", style="dim"))
            elif not frame.terms:
                body = Static(Text("No word stands out against the other articles.", style="dim"))
            else:
                top_z = max(t.z for t in frame.terms)
                options = []
                for n, term in enumerate(frame.terms):
                    key = f"{frame.article_id}|{n}"
                    self.terms[key] = term
                    options.append(Option(term_prompt(term, top_z), id=key))
                body = OptionList(*options, classes="frame-terms")
            columns.append(Vertical(Static(heading, classes="frame-heading"), body, classes="frame"))
        if not columns:
            columns.append(Vertical(Static(Text("No article discusses this topic.", style="dim"))))
        await frames.mount_all(columns)
        hidden = len(on_topic) - len(shown)
        note = f"{hidden} more articles on this topic are not shown (the {MAX_COLUMNS} with most text are). " if hidden else ""
        self.query_one("#term-passages-title", Static).update(Text(note + "Highlight a term to see its passages."))
        self.query_one("#term-passages", OptionList).clear_options()
        first = self.query(".frame-terms").first(OptionList) if self.query(".frame-terms") else None
        if first is not None:
            first.focus()

    @on(OptionList.OptionHighlighted, ".frame-terms")
    def _term_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.has_focus:
            self._list_passages(event.option.id or "")

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, OptionList) and widget.has_class("frame-terms") and widget.highlighted is not None:
            self._list_passages(widget.get_option_at_index(widget.highlighted).id or "")

    def _list_passages(self, option_id: str) -> None:
        """Show the passages that use the highlighted term."""
        term = self.terms.get(option_id)
        if term is None:
            return
        self.passage_ids = list(term.passage_ids)
        listing = self.query_one("#term-passages", OptionList)
        listing.clear_options()
        for pid in self.passage_ids:
            passage = self.corpus.passage(pid)
            article = self.corpus.articles_by_id[passage.article_id]
            prompt = Text(no_wrap=True, overflow="ellipsis")
            prompt.append(f"{passage_label(self.corpus, passage, 30)}: ", style="italic")
            prompt.append(_around(passage.text, term.text))
            listing.add_option(Option(prompt, id=pid))
        self.query_one("#term-passages-title", Static).update(
            Text(f"“{term.text}”: {len(self.passage_ids)} passage{'s' if len(self.passage_ids) != 1 else ''} "
                 "(enter on the term to go to them)")
        )

    @on(OptionList.OptionSelected, ".frame-terms")
    def _term_selected(self, event: OptionList.OptionSelected) -> None:
        if len(self.passage_ids) == 1:
            self.dismiss(self.passage_ids[0])
            return
        listing = self.query_one("#term-passages", OptionList)
        listing.focus()
        listing.highlighted = 0

    @on(OptionList.OptionSelected, "#term-passages")
    def _passage_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    async def action_next_topic(self) -> None:
        ids = [t.id for t in self.corpus.topics]
        self.topic_id = ids[(ids.index(self.topic_id) + 1) % len(ids)] if self.topic_id in ids else ids[0]
        await self._show()


def _around(text: str, word: str, width: int = 160) -> str:
    """A one-line excerpt of `text` around the first use of `word`."""
    at = text.lower().find(word.lower())
    start = max(0, at - width // 3) if at >= 0 else 0
    excerpt = text[start:start + width]
    return ("…" if start else "") + excerpt + ("…" if start + width < len(text) else "")
