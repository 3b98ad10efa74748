"""What every pop-up screen shares: a titled panel over the reader, closed with escape."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

Result = TypeVar("Result")


class Panel(ModalScreen[Result]):
    """A modal panel; `dismiss(value)` hands `value` to the reader (e.g. a passage id to jump to)."""

    BINDINGS = [Binding("escape", "close", "Close", id="close")]

    def action_close(self) -> None:
        self.dismiss(None)
