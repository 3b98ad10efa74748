"""What cleaning removed from the focused article, piece by piece, with the rule that removed it and the
line it stood on, so a reader can check that nothing of the article itself was lost."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from models.document import Article
from tui.screens.base import Panel


def removed_text(article: Article) -> Text:
    out = Text()
    if not article.removed:
        out.append("Nothing was removed from this article.")
        return out
    for piece in article.removed:
        out.append(f"line {piece.line:>4}  ", style="dim")
        out.append(f"{piece.rule}\n", style="bold")
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
