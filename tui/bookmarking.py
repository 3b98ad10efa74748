"""The reader's side of bookmarks: one object that keeps the store, the bookmarks and where each one
resolves in the loaded corpus, so screens ask it and never touch SQLite themselves.

Changes go straight to the store (one transaction each); `reload_if_changed()` picks up bookmarks another
parallax process saved meanwhile. A store that could not be opened normally still works (in memory or read
only) and `warning` says so.
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
        self._version = -1
        self.reload()

    # -- reading ---------------------------------------------------------------------------------------

    def set_corpus(self, corpus: Corpus) -> None:
        """Resolve the bookmarks against a new corpus (more articles loaded): none is ever dropped."""
        self.corpus = corpus
        self.reload()

    def reload(self) -> None:
        """Read every bookmark again and resolve it against the corpus."""
        self.items = self.store.list()
        self.resolutions = resolve_all(self.items, self.corpus)
        self.passages = frozenset(r.passage_id for r in self.resolutions.values() if r.passage_id)
        try:
            self._version = self.store.data_version()
        except BookmarkError:
            self._version = -1

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
        """Set the note and tags of the passage's bookmark, bookmarking it first if needed."""
        here = self.at(passage_id)
        bookmark = here[0] if here else self.store.add(self.corpus, passage_id)
        saved = self.store.update(bookmark.id, note=note, tags=parse_tags(tags_text))
        self.reload()
        return saved

    def delete(self, bookmark_id: str) -> Bookmark:
        removed = self.store.delete(bookmark_id)
        self.last_removed = (removed,)
        self.reload()
        return removed

    def undo(self) -> tuple[Bookmark, ...]:
        """Restore what the last delete or toggle removed."""
        restored = tuple(self.store.restore(b.id) for b in self.last_removed)
        self.last_removed = ()
        self.reload()
        return restored
