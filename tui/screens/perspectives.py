"""The perspectives view (`p`): for one topic, one column per article with the words it uses on the topic far
more than the others (weighted log-odds z-scores, drawn as bars), and the common ground above. Highlighting a
term lists the passages that use it below; enter on a term goes to those passages, enter on a passage jumps
there. `t` moves to the next topic."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from models.document import Corpus
from models.insight.perspectives import PerspectiveIndex, Term, TopicFraming
from tui.labels import article_label, passage_label
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
        self.grid: list[list[Term | None]] = []  # [row][column] -> term
        self.passage_ids: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="perspectives", classes="panel"):
            yield Static(id="perspectives-title", classes="panel-title")
            yield Static(id="common-ground")
            yield DataTable(id="frames", cursor_type="cell", show_cursor=True)
            yield Static(id="term-passages-title", classes="dim")
            yield OptionList(id="term-passages")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        """One column per article (those with most text on the topic first shown), one row per rank: a single
        table, so the view opens fast even with many articles."""
        topic = self.corpus.topic(self.topic_id)
        framing = self.framing = self.index.framing(self.topic_id)
        title = Text("How each source frames ")
        title.append(topic.label if topic else self.topic_id, style=f"bold {topic.colour if topic else ''}")
        title.append("   (log-odds z-scores against the other articles; t: next topic, enter: passages using "
                     "the term)", style="dim")
        self.query_one("#perspectives-title", Static).update(title)

        common = Text("Common ground: ", style="bold")
        if framing.shared:
            common.append(", ".join(f"{t.text} ({t.z:.1f})" for t in framing.shared), style="")
        else:
            untypical = getattr(framing, "shared_untypical", 0)
            if untypical:
                common.append(f"none typical of the topic ({untypical} words are used by every article on it, "
                              "but no more on this topic than elsewhere)", style="dim")
            else:
                common.append("no term typical of this topic is used by every article that discusses it",
                              style="dim")
        self.query_one("#common-ground", Static).update(common)

        on_topic = [a for a in framing.articles if a.token_count]
        shown = sorted(on_topic, key=lambda a: -a.token_count)[:MAX_COLUMNS]
        order = {a.id: n for n, a in enumerate(self.corpus.articles)}
        shown.sort(key=lambda a: order[a.article_id])
        table = self.query_one(DataTable)
        table.clear(columns=True)
        rows = max((len(f.terms) for f in shown), default=0)
        noted = any(f.whole_article for f in shown)  # a first row says which columns are whole articles
        first = 1 if noted else 0
        height = max(rows + first, 1)
        self.grid = [[None] * len(shown) for _ in range(height)]
        cells: list[list[Text]] = [[Text("") for _ in shown] for _ in range(height)]
        for c, frame in enumerate(shown):
            article = self.corpus.articles_by_id[frame.article_id]
            table.add_column(Text(f"{article_label(self.corpus, article, 26)} ({frame.token_count} words)"),
                             key=frame.article_id)
            if noted:
                cells[0][c] = _scope_note(frame.whole_article, frame.enough_text, frame.token_count)
            if not frame.terms:
                cells[first][c] = Text(f"too little text to say (needs {framing.min_tokens} words)"
                                       if not frame.enough_text else "no word stands out", style="dim")
            else:
                top_z = max(t.z for t in frame.terms)
                for r, term in enumerate(frame.terms, start=first):
                    self.grid[r][c] = term
                    cells[r][c] = term_prompt(term, top_z)
        for row in cells:
            table.add_row(*row)
        if not shown:
            table.add_column(Text(""))
            table.add_row(Text("No article discusses this topic.", style="dim"))
        hidden = len(on_topic) - len(shown)
        note = f"{hidden} more articles on this topic are not shown (the {MAX_COLUMNS} with most text are). " if hidden else ""
        self.query_one("#term-passages-title", Static).update(Text(note + "Highlight a term to see its passages."))
        self.query_one("#term-passages", OptionList).clear_options()
        table.focus()

    def _term_at(self, row: int, column: int) -> Term | None:
        if 0 <= row < len(self.grid) and 0 <= column < len(self.grid[row]):
            return self.grid[row][column]
        return None

    @on(DataTable.CellHighlighted)
    def _term_highlighted(self, event: DataTable.CellHighlighted) -> None:
        term = self._term_at(event.coordinate.row, event.coordinate.column)
        listing = self.query_one("#term-passages", OptionList)
        listing.clear_options()
        self.passage_ids = list(term.passage_ids) if term else []
        if term is None:
            self.query_one("#term-passages-title", Static).update(Text(""))
            return
        for pid in self.passage_ids:
            passage = self.corpus.passage(pid)
            prompt = Text(no_wrap=True, overflow="ellipsis")
            prompt.append(f"{passage_label(self.corpus, passage, 30)}: ", style="italic")
            prompt.append(_around(passage.text, term.text))
            listing.add_option(Option(prompt, id=pid))
        self.query_one("#term-passages-title", Static).update(
            Text(f"“{term.text}”: {len(self.passage_ids)} passage{'s' if len(self.passage_ids) != 1 else ''} "
                 "(enter to go to them)")
        )

    @on(DataTable.CellSelected)
    def _term_selected(self, event: DataTable.CellSelected) -> None:
        if not self.passage_ids:
            return
        if len(self.passage_ids) == 1:
            self.dismiss(self.passage_ids[0])
            return
        listing = self.query_one("#term-passages", OptionList)
        listing.focus()
        listing.highlighted = 0

    @on(OptionList.OptionSelected, "#term-passages")
    def _passage_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_next_topic(self) -> None:
        ids = [t.id for t in self.corpus.topics]
        self.topic_id = ids[(ids.index(self.topic_id) + 1) % len(ids)] if self.topic_id in ids else ids[0]
        self._show()


def _scope_note(whole_article: bool, enough_text: bool, words: int) -> Text:
    """What a column's terms were drawn from, for a table where some column is a whole article."""
    if not whole_article:
        return Text("on this topic", style="dim italic")
    why = f"{words} words on it" if not enough_text else "nothing on it stands out"
    return Text(f"whole article ({why})", style="dim italic")


def _around(text: str, word: str, width: int = 160) -> str:
    """A one-line excerpt of `text` around the first use of `word`."""
    at = text.lower().find(word.lower())
    start = max(0, at - width // 3) if at >= 0 else 0
    excerpt = text[start:start + width]
    return ("…" if start else "") + excerpt + ("…" if start + width < len(text) else "")
