"""The reader's key bindings as data: which ids exist, what keys they have after the user's keymap, and
whether a keymap from config.yaml names ids that do not exist.

The help screen and `parallax keys` are generated from here, so they always show the real bindings.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class KeyRow:
    group: str
    id: str
    keys: tuple[str, ...]
    description: str


#: The keys that work on every screen: the App's BINDINGS. Kept here, with the other bindings as data, so the
#: keymap (and the help screen built from it) never imports the App that imports them.
APP_BINDINGS: list[BindingType] = [
    Binding("question_mark", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]


def with_ids(bindings: list[BindingType]) -> list[Binding]:
    """The Binding objects that have an id (every binding must; the keymap names them by it)."""
    return [b for b in bindings if isinstance(b, Binding) and b.id]


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """Every bound action, grouped by where it works."""
    from tui.reader import ReaderScreen
    from tui.screens.base import Panel
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.export import ExportScreen
    from tui.screens.note import NoteScreen
    from tui.screens.perspectives import PerspectivesScreen
    from tui.screens.search import SearchScreen
    from tui.screens.voices import VoicesScreen

    def bindings(cls: type) -> list[Binding]:
        return with_ids(cls.__dict__.get("BINDINGS", []))

    return [
        ("Reader", bindings(ReaderScreen)),
        ("Everywhere", with_ids(APP_BINDINGS)),
        ("Pop-up screens", bindings(Panel)),
        ("Search", bindings(SearchScreen)),
        ("Bookmarks", bindings(BookmarksScreen)),
        ("Perspectives", bindings(PerspectivesScreen)),
        ("Voices", bindings(VoicesScreen)),
        ("Note", bindings(NoteScreen)),
        ("Export", bindings(ExportScreen)),
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


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def _known_key(key: str) -> bool:
    """Whether Textual can ever match `key`: modifiers joined by '+' to one character or a key name
    ('ctrl+s', 'question_mark', 'pagedown', 'f1'). 'ctrl-f' or '42' are never pressed."""
    from textual.keys import Keys, _character_to_key, key_to_character

    *modifiers, name = key.strip().split("+")
    if not name or any(m.lower() not in _MODIFIERS for m in modifiers):
        return False
    if len(name) == 1 or name in {k.value for k in Keys}:
        return True
    return name in {_character_to_key(chr(c)) for c in range(33, 127)} or key_to_character(name) is not None


def unknown_keys(keymap: dict[str, str]) -> list[str]:
    """The keymap's keys no key press can match, as sentences to show (the binding then has no working key
    there): a trial's `quit: 42` bound quit to the key "42"; `search: ctrl-f` looks right and never fires."""
    found = []
    for binding_id, keys in keymap.items():
        for key in (k.strip() for k in keys.split(",")):
            if key and not _known_key(key):
                found.append(f"{binding_id}: {key!r} is not a key (write one character or a name, joined to "
                             "ctrl/shift/alt with +: q, ctrl+f, question_mark, pagedown, f1)")
    return found


# Where bindings are live together: the reader with the app's keys, each pop-up with the pop-ups' and app's.
_TOGETHER = {
    "Reader": ("Reader", "Everywhere"),
    "Search": ("Search", "Pop-up screens", "Everywhere"),
    "Bookmarks": ("Bookmarks", "Pop-up screens", "Everywhere"),
    "Perspectives": ("Perspectives", "Pop-up screens", "Everywhere"),
    "Voices": ("Voices", "Pop-up screens", "Everywhere"),
    "Note": ("Note", "Pop-up screens"),
    "Export": ("Export", "Pop-up screens"),
    "Questions": ("Questions", "Pop-up screens"),
}


def _normal(key: str) -> str:
    from textual.keys import _character_to_key

    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def clashes(keymap: dict[str, str]) -> list[str]:
    """Keys the keymap gives to two bindings that are live at the same time, as sentences to show."""
    rows = key_rows(keymap)
    found: list[str] = []
    for place, groups in _TOGETHER.items():
        owners: dict[str, list[str]] = {}
        for row in rows:
            if row.group in groups:
                for key in row.keys:
                    owners.setdefault(_normal(key), []).append(row.id)
        for key, ids in owners.items():
            if len(ids) > 1 and any(i in keymap for i in ids):
                message = f"key {key} is bound to both {' and '.join(ids)} ({place})"
                if message not in found:
                    found.append(message)
    return found
