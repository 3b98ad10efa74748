"""Files that could not be read, and notes about the ones that were (encoding guessed, duplicates...)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from models.display import display
from models.document import Corpus
from tui.screens.base import Panel


def problems_text(corpus: Corpus) -> Text:
    """Every problem and note, one line each; paths and messages are untrusted (models/display.py)."""
    out = Text()
    if corpus.problems:
        out.append(f"Skipped or incomplete ({len(corpus.problems)})\n", style="bold")
        for problem in corpus.problems:
            out.append(f"  {display(problem.path)}", style="bold")
            out.append(f": {display(problem.message)}\n")
    notes = [(a, n) for a in corpus.articles for n in a.notes]
    if notes:
        out.append(f"\nNotes ({len(notes)})\n", style="bold")
        for article, note in notes:
            out.append(f"  {display(article.path)}", style="bold")
            out.append(f": {display(note)}\n")
    if not corpus.problems and not notes:
        out.append("Every file was read and analysed without a problem.")
    return out


class ProblemsScreen(Panel[None]):
    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        with Vertical(id="problems", classes="panel"):
            yield Static(Text("Loading problems and notes"), classes="panel-title")
            with VerticalScroll():
                yield Static(problems_text(self.corpus))
        yield Footer()
