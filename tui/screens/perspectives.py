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
from models.insight.perspectives import ArticleFraming, PerspectiveIndex, Term, TopicFraming
from tui.labels import passage_label
from tui.widgets.matrix import article_headers
from tui.screens.base import Panel, panel_width

MAX_COLUMNS = 12
BAR = 10  # cells of the z-score bar when there is room; it shrinks, then goes, before a term is cut
MIN_BAR = 3  # a shorter bar says nothing
Z_CELLS = 6  # " 12.3 "
MIN_COLUMN = 14  # narrower than this a column shows too little of a term: the table scrolls instead
PADDING = 2  # cells a DataTable column spends around its content


def term_prompt(term: Term, top_z: float, bar: int = BAR) -> Text:
    """A term with a bar of up to `bar` cells as long as its z-score (plain Text); no bar when `bar` is 0."""
    out = Text(no_wrap=True, overflow="ellipsis")
    if bar > 0:
        filled = max(1, round(bar * max(term.z, 0.0) / top_z)) if top_z > 0 else 1
        out.append("█" * filled + " " * (bar - filled), style="green")
        out.append(f" {term.z:4.1f} ", style="dim")
    else:
        out.append(f"{term.z:4.1f} ", style="dim")
    out.append(term.text)
    out.append(f" ×{term.count}", style="dim")
    return out


def term_cells(term: Term) -> int:
    """Cells a term takes without a bar: z-score, text and count (a bar adds its length and one space)."""
    return Z_CELLS - 1 + len(term.text) + len(f" ×{term.count}")


def column_plan(frames: list[ArticleFraming], room: int) -> tuple[int, int]:
    """(bar cells, column width) for these columns sharing `room` cells: every column as wide as the
    longest term needs, then the bar as long as what is left allows (at most BAR, none below MIN_BAR); the
    columns never narrower than MIN_COLUMN (the table scrolls sideways when that does not fit) nor wider than
    their share of the room."""
    if not frames:
        return 0, 0
    share = max(MIN_COLUMN, room // len(frames) - PADDING)
    need = max((term_cells(t) for f in frames for t in f.terms), default=MIN_COLUMN)
    spare = share - need - 1
    bar = min(BAR, spare) if spare >= MIN_BAR else 0
    return bar, min(share, max(MIN_COLUMN, need + (bar + 1 if bar else 0)))


def _scope_note(frame: ArticleFraming, width: int) -> Text:
    """What a column's terms were drawn from (the article's words on the topic, or its words overall), as
    fully as `width` cells allow. Never "whole article (18 words)": the 18 are the words on the topic."""
    words = f"{frame.token_count} word{'s' if frame.token_count != 1 else ''}"
    if not frame.whole_article:
        choices = [f"{words} on the topic", words]
    elif frame.enough_text:
        choices = ["nothing on the topic stands out: article overall*", "none stands out: overall*",
                   "article overall*", "overall*"]
    else:
        choices = [f"{words} on the topic, too few: article overall*", f"{words} on the topic: overall*",
                   "article overall*", "overall*"]
    note = next((c for c in choices if len(c) <= width), choices[-1])
    return Text(note, style="dim italic", no_wrap=True, overflow="ellipsis")


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
        self._shown_room = -1

    def compose(self) -> ComposeResult:
        with Vertical(id="perspectives", classes="panel"):
            yield Static(id="perspectives-title", classes="panel-title")
            yield Static(id="common-ground")
            yield DataTable(id="frames", cursor_type="cell", show_cursor=True)
            yield Static(id="perspectives-legend", classes="dim")
            yield Static(id="term-passages-title", classes="dim")
            yield OptionList(id="term-passages")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def on_resize(self) -> None:
        if self.framing is not None and self._room() != self._shown_room:
            self._show()

    def _room(self) -> int:
        """Cells the table's columns may share: the panel's inner width (90% of the screen, border and
        padding off), less the scroll bar."""
        return max(0, panel_width(self.app.size.width) - 4 - 2)

    def _show(self) -> None:
        """One column per article (those with most text on the topic first shown), one row per rank: a single
        table, so the view opens fast even with many articles."""
        topic = self.corpus.topic(self.topic_id)
        framing = self.framing = self.index.framing(self.topic_id)
        title = Text("How each source frames ")
        title.append(topic.label if topic else self.topic_id, style=f"bold {topic.colour if topic else ''}")
        title.append("  · log-odds z-scores against the other articles", style="dim")
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
        room = self._shown_room = self._room()
        bar, width = column_plan(shown, room)
        articles = [self.corpus.articles_by_id[frame.article_id] for frame in shown]
        headers, legend = article_headers(self.corpus, articles, len(shown) * (width + PADDING), most=width)
        rows = max((len(f.terms) for f in shown), default=0)
        # The first row says what each column's words come from (the topic, or the whole article).
        height = rows + 1
        self.grid = [[None] * len(shown) for _ in range(height)]
        cells: list[list[Text]] = [[Text("") for _ in shown] for _ in range(height)]
        for c, (frame, header) in enumerate(zip(shown, headers)):
            table.add_column(Text(header, no_wrap=True, overflow="ellipsis"), width=width, key=frame.article_id)
            cells[0][c] = _scope_note(frame, width)
            if not frame.terms:
                cells[1][c] = Text(f"too little text to say (needs {framing.min_tokens} words)"
                                   if not frame.enough_text else "no word stands out", style="dim")
            else:
                top_z = max(t.z for t in frame.terms)
                for r, term in enumerate(frame.terms, start=1):
                    self.grid[r][c] = term
                    cells[r][c] = term_prompt(term, top_z, bar)
        for row in cells:
            table.add_row(*row)
        if not shown:
            table.add_column(Text(""))
            table.add_row(Text("No article discusses this topic.", style="dim"))
        notes = []
        hidden = len(on_topic) - len(shown)
        if hidden:
            notes.append(f"{hidden} more articles on this topic are not shown (the {MAX_COLUMNS} with most text are).")
        if legend:
            notes.append(legend)
        if any(f.whole_article for f in shown):
            notes.append("* overall: the article says too little on this topic, or nothing it says on it stands out, "
                         "so its column gives the words it uses more than the other articles across its whole "
                         "text, the same under every topic")
        legend_widget = self.query_one("#perspectives-legend", Static)
        legend_widget.update(Text("\n".join(notes)))
        legend_widget.display = bool(notes)
        self.query_one("#term-passages-title", Static).update(Text("Highlight a term to see its passages."))
        self.query_one("#term-passages", OptionList).clear_options()
        table.focus()
        if shown:
            table.move_cursor(row=1, column=0)  # the first term (row 0 says what the words come from)

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


def _around(text: str, word: str, width: int = 160) -> str:
    """A one-line excerpt of `text` around the first use of `word`, starting and ending on whole words."""
    at = text.lower().find(word.lower())
    start = max(0, at - width // 3) if at >= 0 else 0
    if start:
        space = text.find(" ", start, at if at > start else start + width // 3)
        start = space + 1 if space >= 0 else start
    end = start + width
    if end < len(text):
        space = text.rfind(" ", max(start, at + len(word)), end)
        end = space if space > start else end
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
