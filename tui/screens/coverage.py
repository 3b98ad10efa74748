"""Coverage: a topic x article matrix with passage counts and where each topic first appears, so the reader
sees at a glance which outlet is silent on what. Enter on a cell jumps to that first passage.

Opened while articles are still loading, the matrix is of those loaded so far (and topics discovered across
the story come only at the end): a line above it says so ("loading: 3 of 6 articles"), and the reader hands
the view each newer corpus, so the table fills in and the line goes when loading is done."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from models.insight.coverage import coverage
from models.document import Corpus
from tui.labels import article_label
from tui.widgets.matrix import article_headers
from tui.widgets.status_line import Loading
from tui.screens.base import Panel, panel_width


MIN_TOPIC = 16  # a topic column narrower than this names too little


def _cell(passages: int, first: int, wordy: bool) -> str:
    """A cell's text: the passages on the topic and where it first appears (¶ from 1)."""
    return f"{passages} from ¶{first + 1}" if wordy else f"{passages} ¶{first + 1}"


def loading_note(loading: tuple[int, int, str] | Loading) -> str:
    """What the view says while the corpus it shows is still growing."""
    done, total = loading[0], loading[1]
    phase = loading.phase if isinstance(loading, Loading) else ""
    if phase:
        return (f"loading: {done} of {total} articles read; {phase[:1].lower() + phase[1:]}… "
                "(topics found across the story come last; this table updates)")
    return f"loading: {done} of {total} articles so far; this table updates as the rest come in"


class CoverageScreen(Panel[str | None]):
    def __init__(self, corpus: Corpus, loading: tuple[int, int, str] | Loading | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.matrix = coverage(corpus)
        # Not `loading`: that is Textual's Widget.loading reactive (truthy: a spinner over the whole screen).
        self.files_loading = loading

    def compose(self) -> ComposeResult:
        with Vertical(id="coverage", classes="panel"):
            yield Static(Text("Coverage: passages per topic and article (¶ where the topic first appears)"),
                         classes="panel-title")
            note = Static(id="coverage-loading")
            note.display = self.files_loading is not None
            yield note
            yield DataTable(id="coverage-table", cursor_type="cell", zebra_stripes=True, fixed_columns=1)
            yield Static(id="coverage-legend", classes="dim")
            yield Static(id="coverage-silent", classes="dim")  # filled by _fill, as the corpus may grow
            yield Static(Text("— : the article is silent on the topic.  enter: jump to its first passage."),
                         classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.show_loading(self.files_loading)
        self._fill()
        self.query_one(DataTable).focus()

    def show_loading(self, loading: tuple[int, int, str] | Loading | None) -> None:
        """Say whether the corpus shown is still loading (None: it is complete)."""
        self.files_loading = loading
        if not self.is_mounted:
            return
        note = self.query_one("#coverage-loading", Static)
        note.display = loading is not None
        note.update(Text(loading_note(loading), style="bold yellow") if loading is not None else "")

    def set_corpus(self, corpus: Corpus) -> None:
        """A newer corpus (more articles loaded, or the topics discovered across them): the table anew, the
        cursor on the same topic and article where they are still there."""
        table = self.query_one(DataTable)
        row = self.matrix.rows[table.cursor_row].topic.id if self.matrix.rows else None
        column = table.cursor_column - 1
        article = self.corpus.articles[column].id if 0 <= column < len(self.corpus.articles) else None
        self.corpus = corpus
        self.matrix = coverage(corpus)
        table.clear(columns=True)
        self._fill()
        rows = [r.topic.id for r in self.matrix.rows]
        columns = [a.id for a in corpus.articles]
        table.move_cursor(row=rows.index(row) if row in rows else 0,
                          column=columns.index(article) + 1 if article in columns else max(0, column + 1))

    def _fill(self) -> None:
        silent = self.query_one("#coverage-silent", Static)
        silent.display = bool(self.matrix.silent)
        silent.update(Text(self.matrix.silent_sentence()))
        table = self.query_one(DataTable)
        inner = panel_width(self.app.size.width) - 4 - 2  # border, padding and the scroll bar
        n = len(self.corpus.articles)
        labels = [row.topic.label for row in self.matrix.rows]
        label_width = max((len(label) for label in labels), default=5)
        total_width = len("articles") + 2
        # "4 from ¶1" when the topics' names fit beside it, else "4 ¶1"; the topic column takes what is left.
        verbose = max((len(_cell(c.passages, c.first, True)) for r in self.matrix.rows for c in r.cells
                       if c.first is not None), default=1)
        short = max((len(_cell(c.passages, c.first, False)) for r in self.matrix.rows for c in r.cells
                     if c.first is not None), default=1)
        wordy = inner - total_width - n * (verbose + 2) - 2 >= label_width
        cell_width = verbose if wordy else short
        topic_width = max(MIN_TOPIC, min(label_width, inner - total_width - n * (cell_width + 2) - 2))
        table.add_column(Text("topic"), key="topic", width=topic_width)
        # The topic column stays put while the articles scroll; they share the room that is left.
        room = max(0, inner - topic_width - 2 - total_width)
        headers, legend = article_headers(self.corpus, self.corpus.articles, room, width=inner)
        for article, header in zip(self.corpus.articles, headers):
            table.add_column(Text(header), key=article.id)
        self.query_one("#coverage-legend", Static).update(Text(legend))
        self.query_one("#coverage-legend", Static).display = bool(legend)
        table.add_column(Text("articles"), key="__total")
        for row in self.matrix.rows:
            cells: list[Text] = [Text(row.topic.label, style=row.topic.colour, no_wrap=True, overflow="ellipsis")]
            for cell in row.cells:
                if cell.first is not None:
                    text = Text(f"{cell.passages} ")
                    text.append(_cell(cell.passages, cell.first, wordy)[len(f"{cell.passages} "):], style="dim")
                    cells.append(text)
                else:
                    cells.append(Text("—", style="dim"))
            cells.append(Text(f"{row.articles}/{len(self.corpus.articles)}"))
            table.add_row(*cells, key=row.topic.id)

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        row, column = event.coordinate.row, event.coordinate.column - 1
        if 0 <= column < len(self.corpus.articles):
            cell = self.matrix.rows[row].cells[column]
            if cell.first is not None:
                self.dismiss(f"{self.corpus.articles[column].id}:{cell.first}")
            else:
                article = self.corpus.articles[column]
                self.notify(f"{article_label(self.corpus, article)} is silent on {self.matrix.rows[row].topic.label}.",
                            markup=False, timeout=3)
        else:
            self.notify("Pick an article's column to jump to its first passage on the topic.", markup=False,
                        timeout=3)
