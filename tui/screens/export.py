"""The export dialog (`e`): where to write the Markdown comparison (the focused topic, or all) or the
bookmarks. Enter exports from anywhere in the dialog; the full path written to is shown as you type. An
existing file is only replaced after a yes; the write goes through a temporary file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from tui.screens.base import Panel


def default_export_path(last: str | None, scope: str | None, bookmarks: bool = False,
                        beside: Path | None = None) -> str:
    """The file name the dialog offers: `parallax-<topic>.md` (`parallax-comparison.md` for every topic,
    `parallax-bookmarks.md`), in the folder of the last export when there was one, so choosing another topic
    never offers the previous topic's file; before any export, in `beside` (the articles' folder, see
    `articles_folder`) when there is one, else in the current folder."""
    name = "parallax-bookmarks.md" if bookmarks else f"parallax-{scope or 'comparison'}.md"
    if not last:
        return str(beside / name) if beside is not None else name
    folder = Path(last).expanduser().parent
    return name if str(folder) in ("", ".") else str(folder / name)


def articles_folder(paths: list[str]) -> Path | None:
    """The one folder all the articles were read from, when it is the person's own and writable: the place
    a comparison of them belongs, rather than wherever the reader happened to be started (a new user's
    trial, started from the project as the README says, was offered a file inside the project). None for
    the bundled seeds, articles from several folders, standard input or pages fetched by URL."""
    from models.paths import cache_dir, data_dir
    from models.resources import seeds_path

    folders = {Path(p).parent for p in paths if p and p != "-" and "://" not in p}
    if len(folders) != 1 or len(paths) == 0:
        return None
    folder = next(iter(folders))
    try:
        where = folder.resolve()
        ours = (seeds_path().resolve(), cache_dir().resolve(), data_dir().resolve())  # fetched pages live in the cache
        if any(where == root or root in where.parents for root in ours):
            return None
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None
    return folder


@dataclass(frozen=True)
class ExportRequest:
    path: str
    bookmarks: bool


class ExportScreen(Panel[ExportRequest | None]):
    BINDINGS = [Binding("enter", "export", "Export", id="export_confirm", priority=True)]

    def __init__(self, scope: str, default_path: str, bookmarks: bool = False,
                 bookmarks_path: str | None = None) -> None:
        super().__init__()
        self.scope = scope
        self.default_path = default_path
        self.bookmarks = bookmarks
        # Ticking "bookmarks" swaps the offered file name, unless the person typed one of their own.
        self.names = {False: default_path, True: bookmarks_path or default_path}

    def compose(self) -> ComposeResult:
        with Vertical(classes="panel dialog"):
            yield Static(id="export-title", classes="panel-title")
            yield Label("File")
            yield Input(self.default_path, id="export-path")
            yield Static(id="export-where", classes="dim")
            yield Checkbox("Export my bookmarks (with notes and tags) instead", self.bookmarks, id="export-bookmarks")
            with Horizontal(classes="buttons"):
                yield Button("Export (enter)", id="export", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self._title()
        self._where()
        self.query_one(Input).focus()

    def _title(self) -> None:
        bookmarks = self.query_one(Checkbox).value
        what = "your bookmarks" if bookmarks else f"a comparison of {self.scope}"
        self.query_one("#export-title", Static).update(Text(f"Export {what} as Markdown"))

    def _where(self) -> None:
        value = self.query_one(Input).value.strip()
        where = Text("Writes to ")
        where.append(str(Path(value).expanduser().resolve()) if value else "…")
        self.query_one("#export-where", Static).update(where)

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        self._title()
        field = self.query_one(Input)
        if field.value.strip() == self.names[not event.value]:
            field.value = self.names[event.value]

    @on(Input.Changed)
    def _typed(self) -> None:
        self._where()

    def action_export(self) -> None:
        if self.focused is not None and self.focused.id == "cancel":
            self.dismiss(None)
            return
        path = self.query_one(Input).value.strip()
        if not path:
            self.notify("Give a file name to write to.", markup=False, severity="warning")
            return
        self.dismiss(ExportRequest(path, self.query_one(Checkbox).value))

    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
