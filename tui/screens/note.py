"""The note dialog (`B`): a bookmark's note and tags, saved in one change."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static, TextArea

from tui.screens.base import Panel


@dataclass(frozen=True)
class NoteResult:
    note: str
    tags: str


class NoteScreen(Panel[NoteResult | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save_note"),
        # Priority: the app moves the focus as the key arrives, before it hands on the keys queued after it. Left
        # to the note field, Tab is handled in the field's own turn, after the app has already given it the tags
        # typed straight after Tab, and a fast typist's tags ended up in the note.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="note_next_field"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True,
                id="note_previous_field"),
    ]

    def __init__(self, quote: str, note: str, tags: str) -> None:
        super().__init__()
        self.quote, self.note, self.tags = quote, note, tags

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="panel dialog"):
            yield Static(Text("Note and tags for this passage"), classes="panel-title")
            yield Static(Text(self.quote[:300] + ("…" if len(self.quote) > 300 else ""), style="italic"), id="note-quote")
            yield Label("Note")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label("Tags (separated by commas)")
            yield Input(self.tags, id="note-tags", placeholder="e.g. to check, quote")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(NoteResult(self.query_one(TextArea).text.strip(), self.query_one(Input).value))

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
