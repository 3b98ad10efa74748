"""What every pop-up screen shares: a titled panel over the reader, closed with escape."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

Result = TypeVar("Result")
NARROW = 100
SHORT = 30


def panel_width(screen_width: int) -> int:
    """The outer width of a `.panel` on a screen this wide (app.tcss: 90%, all of it below NARROW)."""
    return screen_width if screen_width < NARROW else max(60, screen_width * 9 // 10)


class Panel(ModalScreen[Result]):
    """A modal panel; `dismiss(value)` hands `value` to the reader (e.g. a passage id to jump to)."""

    BINDINGS = [Binding("escape", "close", "Close", id="close")]
    # Below NARROW columns (or SHORT rows) a panel takes the whole screen (app.tcss): the reader's 10% margin
    # is worth more to a table than to the backdrop there.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]

    def action_close(self) -> None:
        self.dismiss(None)
