"""What a person would see: the app's current screen as plain text lines, as the compositor draws it.

A widget that exists is not a widget on screen: a loading indicator, a covering pop-up or a hidden pane
all hide text that the DOM still holds. Tests and the reader benchmark ask this instead.
"""

from __future__ import annotations

from textual.app import App


def screen_lines(app: App) -> list[str]:
    """The screen's rows, as drawn (private compositor API: Textual has no public text export)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def shows(app: App, text: str) -> bool:
    """True if `text` is on one row of the screen."""
    return any(text in line for line in screen_lines(app))


def opening_words(text: str, width: int = 24) -> str:
    """The first words of a passage, short enough to sit on the first row it is wrapped to."""
    out = ""
    for word in text.split():
        if len(out) + len(word) + 1 > width:
            break
        out = f"{out} {word}" if out else word
    return out or text[:width]
