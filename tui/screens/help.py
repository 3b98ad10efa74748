"""Help, generated from the real bindings (after the user's keymap), so it can never drift from the keys."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from tui.keymap import key_rows
from tui.screens.base import Panel

ABOUT = (
    "parallax shows each article in a pane. Gutter marks: ● the passage names a topic, ○ it refers to one "
    "(implicit), ⇄ it has links to other articles, ★ you bookmarked it. In the topic bar, ◇ marks a topic found in the "
    "articles themselves (a suggestion: 'parallax topics suggest' writes them as a topics file). The focused passage's links are highlighted in the other "
    "panes (▶ the best match, › the other links) and each pane scrolls to its best match. Keys can be changed "
    "in config.yaml under keys: by the id shown in the last column ('parallax keys' lists them)."
)


class HelpScreen(Panel[None]):
    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="panel"):
            yield Static(Text("Help"), classes="panel-title")
            with VerticalScroll():
                yield Static(Text(ABOUT), classes="about")
                yield Static(self.keys_text(), id="keys")
        yield Footer()

    def keys_text(self) -> Text:
        """The key table as aligned plain Text: keys, what they do, and the id to rebind them by."""
        rows = key_rows(self.keymap)
        shown = [(row, ", ".join(self.app.get_key_display(Binding(k, "noop")) for k in row.keys)) for row in rows]
        width = max(len(keys) for _, keys in shown) + 2
        does = max(len(row.description) for row, _ in shown) + 2
        out = Text()
        group = None
        for row, keys in shown:
            if row.group != group:
                group = row.group
                out.append(("\n" if out else "") + group + "\n", style="bold underline")
            out.append(keys.ljust(width), style="bold")
            out.append(row.description.ljust(does))
            out.append(row.id + "\n", style="dim")
        out.append("\n")
        out.append("ctrl+p".ljust(width), style="bold")
        out.append("Command palette: every command by name\n")
        return out
