"""What cleaning removed from the focused article, piece by piece, with the rule or evidence that removed it
(what decided, and the detail) and the line it stood on, so a reader can check that nothing of the article
itself was lost."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from models.document import Article
from tui.screens.base import Panel


# What decided each removal (models/document.py REMOVAL_KINDS), in the reader's words.
_KIND_LABELS = {
    "rule": "a rule in the config",
    "evidence": "the text itself",
    "context": "where it stands",
    "repeat": "repeated on the page",
    "corpus": "repeated across articles",
    "cut": "below an end-of-article marker",
}


def removed_text(article: Article) -> Text:
    out = Text()
    if not article.removed:
        out.append("Nothing was removed from this article.")
        return out
    for piece in article.removed:
        out.append(f"line {piece.line:>4}  " if piece.line else "           ", style="dim")
        out.append(piece.rule, style="bold")
        out.append(f"  {_KIND_LABELS.get(piece.kind, piece.kind)}", style="italic")
        if piece.detail:
            out.append(f": {piece.detail}", style="dim")
        out.append("\n")
        out.append(piece.text)
        out.append("\n\n")
    return out


class RemovedScreen(Panel[None]):
    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        rules = Counter(piece.rule for piece in self.article.removed)
        title = Text("Removed from ")
        title.append(self.article.display_title, style="italic")
        n = len(self.article.removed)
        title.append(f": {n} piece{'' if n == 1 else 's'}")
        if rules:
            title.append(" (" + ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items())) + ")", style="dim")
        with Vertical(id="removed", classes="panel"):
            yield Static(title, classes="panel-title")
            with VerticalScroll(id="removed-list"):
                yield Static(removed_text(self.article))
        yield Footer()
