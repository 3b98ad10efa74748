"""The reader's key bindings as data: which ids exist, what keys they have after the user's keymap, and
whether a keymap from config.yaml names ids that do not exist.

The help screen and `parallax keys` are generated from here, so they always show the real bindings.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class KeyRow:
    group: str
    id: str
    keys: tuple[str, ...]
    description: str


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """Every bound action, grouped by where it works."""
    from tui.app import ParallaxApp
    from tui.reader import ReaderScreen
    from tui.screens.base import Panel
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.note import NoteScreen
    from tui.screens.perspectives import PerspectivesScreen
    from tui.screens.search import SearchScreen
    from tui.screens.voices import VoicesScreen

    def bindings(cls) -> list[Binding]:
        return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id]

    return [
        ("Reader", bindings(ReaderScreen)),
        ("Everywhere", bindings(ParallaxApp)),
        ("Pop-up screens", bindings(Panel)),
        ("Search", bindings(SearchScreen)),
        ("Bookmarks", bindings(BookmarksScreen)),
        ("Perspectives", bindings(PerspectivesScreen)),
        ("Voices", bindings(VoicesScreen)),
        ("Note", bindings(NoteScreen)),
        ("Questions", bindings(ConfirmScreen)),
    ]


def key_rows(keymap: dict[str, str]) -> list[KeyRow]:
    """The effective keys of every binding: the keymap's, where it names the binding id, else the defaults."""
    rows = []
    for group, bindings in binding_groups():
        for binding in bindings:
            keys = keymap.get(binding.id or "", binding.key)
            rows.append(KeyRow(group, binding.id or "", tuple(k.strip() for k in keys.split(",") if k.strip()),
                               binding.description))
    return rows


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    known = {row.id for row in key_rows({})}
    return sorted(set(keymap) - known)
