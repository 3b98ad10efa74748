"""The reader's side of bookmarks: one object that keeps the store, the bookmarks and where each one
resolves in the loaded corpus, so screens ask it and never touch SQLite themselves.

Changes go straight to the store (one transaction each); `reload_if_changed()` picks up bookmarks another
parallax process saved meanwhile. A store that could not be opened normally still works (in memory or read
only) and `warning` says so.

A change the store refuses (read-only, locked by another program for more than its busy timeout, a disk
error) raises BookmarkError with a message a person can read: the screen where the person acted shows it,
and nothing else changes. Reading never raises: a store that cannot be read keeps the list as it was last
read, and `problem` says why.
"""

from __future__ import annotations

from pathlib import Path

from models.store.anchor import Resolution
from models.store.bookmarks import Bookmark, BookmarkError, BookmarkStore, bookmarks_at, open_store, parse_tags, resolve_all
from models.document import Corpus


class Bookmarks:
    def __init__(self, corpus: Corpus, data_dir: str | Path | None = None, store: BookmarkStore | None = None) -> None:
        self.corpus = corpus
        if store is None:
            opened = open_store(data_dir)
            store, self.warning = opened.store, opened.warning
        else:
            self.warning = None
        self.store = store
        self.items: list[Bookmark] = []
        self.resolutions: dict[str, Resolution] = {}
        self.passages: frozenset[str] = frozenset()
        self.last_removed: tuple[Bookmark, ...] = ()
        self.problem: str | None = None  # why the last reading failed (the list is then the one read before)
        self._version = -1
        self.reload()

    # -- reading ---------------------------------------------------------------------------------------

    def set_corpus(self, corpus: Corpus) -> None:
        """Resolve the bookmarks against a new corpus (more articles loaded): none is ever dropped."""
        self.corpus = corpus
        self.reload()

    def reload(self) -> bool:
        """Read every bookmark again and resolve it against the corpus; False (and `problem` set) when the
        store cannot be read, the bookmarks read before then being kept."""
        try:
            self.items = self.store.list()
        except BookmarkError as exc:
            self.problem = str(exc)
            return False
        self.problem = None
        self.resolutions = resolve_all(self.items, self.corpus)
        self.passages = frozenset(r.passage_id for r in self.resolutions.values() if r.passage_id)
        try:
            self._version = self.store.data_version()
        except BookmarkError:
            self._version = -1
        return True

    def reload_if_changed(self) -> bool:
        """Reload when another process changed the store; True when it did."""
        try:
            version = self.store.data_version()
        except BookmarkError:
            return False
        if version == self._version:
            return False
        self.reload()
        return True

    def at(self, passage_id: str) -> list[Bookmark]:
        return bookmarks_at(passage_id, self.items, self.resolutions)

    # -- changing --------------------------------------------------------------------------------------

    def toggle(self, passage_id: str) -> Bookmark | None:
        """Bookmark the passage, or remove its bookmarks (kept for `undo`). The bookmark added, or None."""
        toggled = self.store.toggle(self.corpus, passage_id, self.resolutions)
        if toggled.removed:
            self.last_removed = toggled.removed
        self.reload()
        return toggled.added

    def save_note(self, passage_id: str, note: str, tags_text: str) -> Bookmark:
        """Set the note and tags of the passage's bookmark, bookmarking it first if needed (one transaction)."""
        saved = self.store.set_note(self.corpus, passage_id, note, parse_tags(tags_text), self.resolutions)
        self.reload()
        return saved

    def delete(self, bookmark_id: str) -> Bookmark:
        removed = self.store.delete(bookmark_id)
        self.last_removed = (removed,)
        self.reload()
        return removed

    def undo(self) -> tuple[Bookmark, ...]:
        """Restore what the last delete or toggle removed. When the store refuses, what was not restored
        stays for the next undo (BookmarkError says why)."""
        restored: list[Bookmark] = []
        try:
            for bookmark in self.last_removed:
                restored.append(self.store.restore(bookmark.id))
        finally:
            done = {b.id for b in restored}
            self.last_removed = tuple(b for b in self.last_removed if b.id not in done)
            self.reload()
        return tuple(restored)
