"""The bookmarks screen (`m`): every bookmark with its quote, article, topics, note, tags and date.

Typing filters (quote, note, tags, article). In the list, enter jumps to the passage, `d` deletes and `u`
undoes the delete. Bookmarks not found in the loaded articles are listed too, marked as such: *orphaned*
when their article is loaded but the passage is gone, *elsewhere* when their article is not loaded (the
reader was opened on other files). Nothing a person saved is hidden.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.events import Key
from textual.widgets import DataTable, Footer, Input, Static

from models.display import display, file_name
from models.document import TopicInfo
from models.store.bookmarks import Bookmark, BookmarkError
from models.store.placement import Placement, placements
from models.text import fold
from tui.bookmarking import Bookmarks
from tui.labels import article_label, passage_label, shorten
from tui.screens.base import Panel, panel_width

QUOTE_WIDTH = 60


# Columns: (label, cells it needs at least, whether it grows: share > 0). Date and status never need more;
# the rest grow with the room, so a wide terminal shows whole tags and notes. When even the least of every
# column does not fit (80 columns), the date goes (the preview under the table says when it was saved), so
# that note and tags stay on screen without a sideways scroll.
COLUMNS = (("date", 10, 0.0), ("status", 9, 0.0), ("article", 10, 0.15), ("quote", 15, 0.35),
           ("topics", 12, 0.25), ("note", 8, 0.15), ("tags", 8, 0.10))
DROPPED_FIRST = "date"


def shown_columns(room: int) -> list[int]:
    """The columns (indexes into COLUMNS) a table `room` cells wide shows: all when their least fits."""
    every = list(range(len(COLUMNS)))
    if sum(least + 2 for _, least, _ in COLUMNS) <= room:
        return every
    return [k for k in every if COLUMNS[k][0] != DROPPED_FIRST]


def column_widths(room: int, natural: list[int], columns: list[int] | None = None) -> list[int]:
    """Each shown column's width for a table `room` cells wide (2 of padding per column), given the cells
    each column's longest content takes (`natural`, one per shown column): every column its least (or less
    when its content is shorter), then what is left goes in fair shares to the columns that can grow (a share
    above 0 in COLUMNS), never beyond their content. Below the least the table scrolls sideways. `columns`:
    the indexes into COLUMNS shown (default all)."""
    spec = [COLUMNS[k] for k in (columns if columns is not None else range(len(COLUMNS)))]
    widths = [min(least, want) for (_, least, _), want in zip(spec, natural)]
    spare = room - sum(w + 2 for w in widths)
    wanting = sorted((k for k, (w, want) in enumerate(zip(widths, natural)) if want > w and spec[k][2] > 0),
                     key=lambda k: natural[k] - widths[k])
    # Fair shares, smallest need first: a column that needs less than its share gets what it needs (whole
    # tags, a whole note), and the rest is shared again among the wider ones.
    while spare > 0 and wanting:
        k = wanting.pop(0)
        fair = -(-spare // (len(wanting) + 1))  # rounded up: a column one cell short of whole gets it
        more = min(natural[k] - widths[k], max(fair, 0))
        widths[k] += more
        spare -= more
    return widths


class BookmarksScreen(Panel[str | None]):
    BINDINGS = [
        Binding("d", "delete", "Delete", id="bookmark_delete"),
        Binding("u", "undo", "Undo delete", id="bookmark_undo"),
        Binding("down", "to_list", "List", id="bookmark_list", show=False),
    ]

    def __init__(self, bookmarks: Bookmarks) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.shown: list[Bookmark] = []
        self.placed: dict[str, Placement] = {}
        self.columns: list[int] = list(range(len(COLUMNS)))

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks", classes="panel"):
            yield Static(id="bookmarks-title", classes="panel-title")
            yield Input(placeholder="type to filter by quote, note, tag or article…", id="bookmark-filter")
            yield DataTable(id="bookmark-table", cursor_type="row", zebra_stripes=True, fixed_columns=1)
            with VerticalScroll(id="bookmark-preview"):
                yield Static(id="bookmark-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        labels = {t.id: t for t in self.bookmarks.corpus.topics}
        self.placed = placements(self.bookmarks.items, self.bookmarks.corpus, self.bookmarks.resolutions)
        room = panel_width(self.app.size.width) - 6
        self.columns = shown_columns(room)
        natural = [len(COLUMNS[k][0]) for k in self.columns]
        for bookmark in self.bookmarks.items:
            natural = [max(n, cell.cell_len) for n, cell in zip(natural, self._cells(bookmark, labels))]
        for k, width in zip(self.columns, column_widths(room, natural, self.columns)):
            table.add_column(Text(COLUMNS[k][0]), key=COLUMNS[k][0], width=width)
        self._fill()
        self.query_one(Input).focus()

    # -- contents ---------------------------------------------------------------------------------------

    def _matches(self, bookmark: Bookmark, needle: str) -> bool:
        if not needle:
            return True
        article = self._article(bookmark)
        hay = " ".join((bookmark.quote, bookmark.note, " ".join(bookmark.tags), article))
        return needle in fold(hay)

    def _article(self, bookmark: Bookmark) -> str:
        resolution = self.bookmarks.resolutions.get(bookmark.id)
        if resolution and resolution.article_id:
            article = self.bookmarks.corpus.articles_by_id[resolution.article_id]
            return article_label(self.bookmarks.corpus, article, 30)
        return display(bookmark.article.title) if bookmark.article.title else file_name(bookmark.article.path)

    def _topics_now(self, bookmark: Bookmark, placed: str) -> tuple[str, ...]:
        """The topics of the bookmarked passage as this corpus tags it, when it is found here (as `parallax
        bookmarks list` says them); else the topics it had when it was made. Reopened with another config or
        another set of articles, the ids stored then may name topics that exist no more."""
        resolution = self.bookmarks.resolutions.get(bookmark.id)
        passage_id = resolution.passage_id if resolution else None
        if placed == "found" and passage_id and passage_id in self.bookmarks.corpus.passages_by_id:
            return self.bookmarks.corpus.passage(passage_id).topic_ids
        return bookmark.topics

    def _cells(self, bookmark: Bookmark, labels: dict[str, TopicInfo]) -> list[Text]:
        """A bookmark's row (one line per cell, cut with an ellipsis to its column)."""
        resolution = self.bookmarks.resolutions.get(bookmark.id)
        placed = self.placed.get(bookmark.id, "elsewhere")
        status = resolution.status if resolution and placed == "found" else placed
        topics = Text()
        for n, topic_id in enumerate(self._topics_now(bookmark, placed)):
            info = labels.get(topic_id)
            topics.append(("" if n == 0 else "; ") + (info.label if info else topic_id),  # a label may hold commas
                          style=info.colour if info else "")
        quote = bookmark.quote.replace("\n", " ")
        cells = [
            Text(bookmark.created[:10]),
            Text(status, style="bold red" if status == "orphaned" else "dim"),
            Text(shorten(self._article(bookmark), 30)),
            Text(quote[:QUOTE_WIDTH] + ("…" if len(quote) > QUOTE_WIDTH else "")),
            topics,
            Text(shorten(bookmark.note.replace("\n", " "), 40)),
            Text(", ".join(bookmark.tags)),
        ]
        for cell in cells:
            cell.no_wrap, cell.overflow = True, "ellipsis"
        return [cells[k] for k in self.columns]

    def _fill(self) -> None:
        needle = fold(self.query_one(Input).value.strip())
        table = self.query_one(DataTable)
        table.clear()
        items = sorted(self.bookmarks.items, key=lambda b: b.created, reverse=True)
        self.shown = [b for b in items if self._matches(b, needle)]
        labels = {t.id: t for t in self.bookmarks.corpus.topics}
        self.placed = placements(self.bookmarks.items, self.bookmarks.corpus, self.bookmarks.resolutions)
        for bookmark in self.shown:
            table.add_row(*self._cells(bookmark, labels), key=bookmark.id)
        total = len(self.bookmarks.items)
        title = Text(f"Bookmarks: {len(self.shown)} of {total}" if needle else f"Bookmarks: {total}")
        title.append("   enter: jump · d: delete · u: undo · type to filter", style="dim")
        for trouble in (self.bookmarks.warning, self.bookmarks.problem):
            if trouble:
                title.append(f"\n{display(trouble)}", style="bold yellow")
        self.query_one("#bookmarks-title", Static).update(title)
        self._detail()

    def _current(self) -> Bookmark | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _detail(self) -> None:
        bookmark = self._current()
        detail = Text()
        if bookmark is None:
            detail.append("No bookmarks yet: press b on a passage in the reader." if not self.bookmarks.items
                          else "No bookmark matches the filter.")
        else:
            # Note and tags first: the table may have no room for them, and a long quote would push them
            # below the preview's last line.
            resolution = self.bookmarks.resolutions.get(bookmark.id)
            if bookmark.note:
                detail.append("Note: ", style="bold")
                detail.append(bookmark.note + "\n")
            if bookmark.tags:
                detail.append("Tags: ", style="bold")
                detail.append(", ".join(bookmark.tags) + "\n")
            detail.append(f"Saved {bookmark.created[:16].replace('T', ' ')} UTC · ", style="dim")
            if resolution is None or resolution.passage_id is None:
                if self.placed.get(bookmark.id) == "orphaned":
                    detail.append("orphaned: its article is loaded but the passage is no longer in it",
                                  style="bold red")
                else:
                    name = bookmark.article.title or bookmark.article.path.rsplit("/", 1)[-1]
                    detail.append(f"in other articles: “{name}” is not loaded", style="dim")
            else:
                found = self.bookmarks.corpus.passage(resolution.passage_id)
                how = {"exact": "found where it was", "moved": "found, moved within the article",
                       "fuzzy": "found, though its text changed a little"}.get(resolution.status, resolution.status)
                detail.append(f"{passage_label(self.bookmarks.corpus, found)} · {how}", style="dim")
            detail.append("\n\n")
            detail.append(bookmark.quote, style="italic")
        self.query_one("#bookmark-detail", Static).update(detail)

    # -- events -----------------------------------------------------------------------------------------

    @on(Input.Changed)
    def _filter(self) -> None:
        self._fill()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._detail()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._jump()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self._jump()

    def _jump(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return
        resolution = self.bookmarks.resolutions.get(bookmark.id)
        if resolution is None or resolution.passage_id is None:
            message = ("This bookmark is orphaned: its passage is no longer in its article."
                       if self.placed.get(bookmark.id) == "orphaned"
                       else "This bookmark is in an article that is not loaded: open the reader on it to go there.")
            self.notify(message, markup=False, severity="warning")
            return
        self.dismiss(resolution.passage_id)

    def action_to_list(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: Key) -> None:
        """Typing in the list goes to the filter (d and u stay commands there)."""
        table = self.query_one(DataTable)
        if table.has_focus and event.is_printable and event.character and event.key not in ("d", "u"):
            field = self.query_one(Input)
            field.focus()
            field.insert_text_at_cursor(event.character)
            event.stop()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("delete", "undo") and self.query_one(Input).has_focus:
            return False  # typing "d" in the filter types a d
        return True

    def action_delete(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return
        try:
            self.bookmarks.delete(bookmark.id)
        except BookmarkError as exc:  # read-only, locked by another program...: say so, change nothing
            self.notify(f"Bookmark not deleted: {exc}", severity="error", markup=False, timeout=10)
            return
        self._fill()
        self.notify("Bookmark deleted; press u to undo.", markup=False, timeout=4)

    def action_undo(self) -> None:
        if not self.bookmarks.last_removed:
            self.notify("Nothing to undo.", markup=False, timeout=2)
            return
        try:
            self.bookmarks.undo()
        except BookmarkError as exc:
            self._fill()
            self.notify(f"Bookmark not restored: {exc}", severity="error", markup=False, timeout=10)
            return
        self._fill()
        self.notify("Bookmark restored.", markup=False, timeout=2)

