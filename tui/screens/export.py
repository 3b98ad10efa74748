"""The export dialog (`e`): where to write the Markdown comparison (the focused topic, or all) or the
bookmarks. An existing file is only replaced after a yes; the write goes through a temporary file."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Static

from tui.screens.base import Panel


@dataclass(frozen=True)
class ExportRequest:
    path: str
    bookmarks: bool


class ExportScreen(Panel[ExportRequest | None]):
    def __init__(self, scope: str, default_path: str) -> None:
        super().__init__()
        self.scope = scope
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="panel dialog"):
            yield Static(Text(f"Export a Markdown comparison of {self.scope}"), classes="panel-title")
            yield Label("File")
            yield Input(self.default_path, id="export-path")
            yield Checkbox("Export my bookmarks (with notes and tags) instead", id="export-bookmarks")
            with Horizontal(classes="buttons"):
                yield Button("Export (enter)", id="export", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        path = self.query_one(Input).value.strip()
        if not path:
            self.notify("Give a file name to write to.", markup=False, severity="warning")
            return
        self.dismiss(ExportRequest(path, self.query_one(Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
