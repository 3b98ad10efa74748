"""A pane: an article's header (title, outlet, author, date) above its passages.

The pane is a slot: the screen puts whichever article belongs in it through `show()`, so a corpus of a
thousand articles still has only as many panes as fit on screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from models.document import Article, TopicInfo
from tui.labels import byline
from tui.widgets.article_view import ArticleView, PaneLook


def header_text(article: Article, position: int, total: int, linked: int) -> Text:
    """The pane header as plain Text (article strings are never markup)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(article.display_title, style="bold")
    text.append("\n")
    text.append(byline(article), style="italic")
    text.append("\n")
    count = len(article.passages)
    text.append(f"{position}/{total} · {count} passage{'' if count == 1 else 's'} · {linked} linked", style="dim")
    return text


class PaneHeader(Static):
    """Title, outlet, author and date of the article in the pane."""


class ArticlePane(Vertical):
    """Header plus ArticleView for one article slot."""

    def __init__(self, topics: tuple[TopicInfo, ...], linked_ids: frozenset[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.linked_ids = linked_ids
        self.view = ArticleView(topics, linked_ids)
        self.header = PaneHeader()
        self._header_key: tuple | None = None

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.view

    def set_linked(self, linked_ids: frozenset[str]) -> None:
        self.linked_ids = linked_ids
        self._header_key = None
        self.view.set_linked(linked_ids)

    def show(self, article: Article, look: PaneLook, position: int, total: int) -> None:
        key = (article.id, position, total)
        if key != self._header_key:
            self._header_key = key
            linked = sum(1 for p in article.passages if p.id in self.linked_ids)
            self.header.update(header_text(article, position, total, linked), layout=False)
        self.set_class(look.active, "-active")
        self.view.show(article, look)
