"""Coverage: a topic x article matrix with passage counts and where each topic first appears, so the reader
sees at a glance which outlet is silent on what. Enter on a cell jumps to that first passage."""

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
from tui.screens.base import Panel


class CoverageScreen(Panel[str | None]):
    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.matrix = coverage(corpus)

    def compose(self) -> ComposeResult:
        with Vertical(id="coverage", classes="panel"):
            yield Static(Text("Coverage: passages per topic and article (¶ where the topic first appears)"),
                         classes="panel-title")
            yield DataTable(id="coverage-table", cursor_type="cell", zebra_stripes=True, fixed_columns=1)
            yield Static(id="coverage-legend", classes="dim")
            yield Static(Text("— : the article is silent on the topic.  enter: jump to its first passage."),
                         classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(Text("topic"), key="topic")
        # The topic column stays put while the articles scroll; they share the room that is left.
        topic_width = max((len(row.topic.label) for row in self.matrix.rows), default=5) + 2
        room = max(0, (self.app.size.width - 8) - topic_width - 10)
        headers, legend = article_headers(self.corpus, self.corpus.articles, room)
        for article, header in zip(self.corpus.articles, headers):
            table.add_column(Text(header), key=article.id)
        self.query_one("#coverage-legend", Static).update(Text(legend))
        self.query_one("#coverage-legend", Static).display = bool(legend)
        table.add_column(Text("articles"), key="__total")
        for row in self.matrix.rows:
            cells: list[Text] = [Text(row.topic.label, style=row.topic.colour)]
            for cell in row.cells:
                if cell.first is not None:
                    text = Text(f"{cell.passages} ")
                    text.append(f"from ¶{cell.first + 1}", style="dim")
                    cells.append(text)
                else:
                    cells.append(Text("—", style="dim"))
            cells.append(Text(f"{row.articles}/{len(self.corpus.articles)}"))
            table.add_row(*cells, key=row.topic.id)
        table.focus()

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
