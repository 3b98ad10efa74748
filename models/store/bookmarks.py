"""Bookmarks: a SQLite store of anchored passages, safe with two parallax processes open at once.

Why SQLite: it gives every change its own transaction, so two readers open on one machine add, edit and
delete rows without either overwriting the other's (a JSON file rewritten whole would lose one side's
changes). The store is opened in WAL mode with a busy timeout, never holds a write transaction open, and
re-reads the database on every `list()`, so it always shows what the other process saved too.

What a bookmark points at is an anchor (see models/store/anchor.py), not a passage id, so it survives the article
moving, being re-cleaned with another config or lightly edited; one whose passage is gone resolves as
orphaned and is kept. Deleting is soft (a `deleted` time) so the reader can undo it.

A user's data is never silently rewritten or lost:

- a damaged file ("file is not a database", "malformed") is moved aside to
  `bookmarks.sqlite3.corrupt-<time>` (with its -wal/-shm), a new store is started and a warning says where
  the old one went;
- a file written by a newer parallax (a higher schema version) is opened read-only, never migrated;
- before an existing store is migrated to a newer schema, a copy is kept as `bookmarks.sqlite3.v<N>-backup`;
- a file that cannot be opened or written (permissions, a full or read-only disk) gives a read-only or an
  in-memory store with a warning, so the reader still opens.

`open_store(data_dir)` applies that policy and returns the store with the warning to show (or None).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from models.store.anchor import ArticleAnchor, PassageAnchor, Resolution, Resolver, anchor_passage
from models.document import Corpus
from models.paths import data_dir

FILE_NAME = "bookmarks.sqlite3"
BUSY_TIMEOUT_MS = 5000

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

Clock = Callable[[], datetime]
Migration = tuple[str, ...] | Callable[[sqlite3.Connection], None]

# Schema migrations, applied in order inside one transaction; MIGRATIONS[n] takes a store from version n to
# n + 1 (`PRAGMA user_version`). Only ever append: a released step must never change.
MIGRATIONS: tuple[Migration, ...] = (
    (
        """CREATE TABLE bookmarks (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted TEXT,
            note TEXT NOT NULL DEFAULT '',
            topics TEXT NOT NULL DEFAULT '[]',
            article_hash TEXT NOT NULL,
            article_path TEXT NOT NULL,
            article_title TEXT,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            passage_id TEXT
        )""",
        """CREATE TABLE bookmark_tags (
            bookmark_id TEXT NOT NULL REFERENCES bookmarks(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (bookmark_id, position)
        )""",
        "CREATE INDEX bookmark_tags_by_tag ON bookmark_tags(tag)",
        "CREATE INDEX bookmarks_by_hash ON bookmarks(article_hash)",
    ),
)


def schema_version() -> int:
    """The schema version this code writes (the number of migrations)."""
    return len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One bookmark: what it points at (anchors), the topics the passage had then, and the person's note.

    Times are ISO 8601 in UTC. `deleted` is set while the bookmark is deleted (until undone).
    """

    id: str
    created: str
    updated: str
    note: str
    tags: tuple[str, ...]
    topics: tuple[str, ...]
    article: ArticleAnchor
    passage: PassageAnchor
    deleted: str | None = None

    @property
    def quote(self) -> str:
        return self.passage.exact


@dataclass(frozen=True, slots=True)
class Toggled:
    """What `BookmarkStore.toggle` did: added one bookmark, or deleted those on the passage (undo: restore)."""

    added: Bookmark | None
    removed: tuple[Bookmark, ...] = ()


class BookmarkError(Exception):
    """A bookmark change that could not be saved, or a store that cannot be read; the message says why."""


class ReadOnlyError(BookmarkError):
    """The store is open read-only (a newer schema, or a file that cannot be written)."""


class CorruptDatabaseError(sqlite3.DatabaseError):
    """`PRAGMA quick_check` found damage the open itself did not trip over."""


class BookmarkStore:
    """The bookmarks in one SQLite file (or in memory, when `path` is None: nothing is saved).

    Every change runs in its own `BEGIN IMMEDIATE` transaction and returns the changed record. Raises
    sqlite3.Error from the constructor when the file cannot be opened; `open_store` turns that into a
    fallback and a warning. `read_only_reason` is set when changes are refused.
    """

    def __init__(self, path: str | Path | None, *, read_only: bool = False, clock: Clock | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.clock: Clock = clock or (lambda: datetime.now(timezone.utc))
        self.read_only_reason: str | None = "opened read-only" if read_only else None
        self._lock = threading.RLock()
        self._conn = _connect(self.path, read_only)
        try:
            self._open(read_only)
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def in_memory(cls, *, clock: Clock | None = None) -> BookmarkStore:
        return cls(None, clock=clock)

    # --- opening -------------------------------------------------------------------------------------

    def _open(self, read_only: bool) -> None:
        conn = self._conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # "file is not a database" shows here
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise CorruptDatabaseError(f"database disk image is malformed ({check})")
        if version > schema_version():
            if not read_only:
                conn.close()
                self._conn = conn = _connect(self.path, True)
            self.read_only_reason = (
                f"it was written by a newer parallax (schema version {version}; this one knows up to "
                f"{schema_version()}); update parallax to change bookmarks"
            )
            return
        if read_only:
            if version < schema_version():
                raise sqlite3.OperationalError("cannot migrate a read-only bookmarks database")
            return
        if self.path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
        self._migrate(version)

    def _migrate(self, version: int) -> None:
        if version >= schema_version():
            return
        if version > 0 and self.path is not None:
            backup = self.path.with_name(f"{self.path.name}.v{version}-backup")
            if not backup.exists():
                target = sqlite3.connect(str(backup))
                try:
                    self._conn.backup(target)
                finally:
                    target.close()
        with self._transaction():
            current = self._conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            for step in MIGRATIONS[current:]:
                if callable(step):
                    step(self._conn)
                else:
                    for statement in step:
                        self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {max(current, schema_version())}")

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------------------

    def list(self, *, include_deleted: bool = False) -> list[Bookmark]:
        """Every bookmark, oldest first (deleted ones only when asked)."""
        where = "" if include_deleted else "WHERE deleted IS NULL"
        return self._select(where, ())

    def get(self, bookmark_id: str) -> Bookmark | None:
        """One bookmark by id, deleted or not."""
        found = self._select("WHERE id = ?", (bookmark_id,))
        return found[0] if found else None

    def data_version(self) -> int:
        """Changes when another connection commits: poll it to know when to re-read the list."""
        with self._reading():
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _select(self, where: str, params: tuple[Any, ...]) -> list[Bookmark]:
        with self._reading():
            rows = self._conn.execute(
                "SELECT id, created, updated, deleted, note, topics, article_hash, article_path, article_title,"
                " exact, prefix, suffix, start_offset, end_offset, passage_id"
                f" FROM bookmarks {where} ORDER BY created, rowid",
                params,
            ).fetchall()
            tags: dict[str, list[str]] = {}
            for bookmark_id, tag in self._conn.execute(
                "SELECT bookmark_id, tag FROM bookmark_tags ORDER BY bookmark_id, position"
            ):
                tags.setdefault(bookmark_id, []).append(tag)
        return [_bookmark(row, tags.get(row[0], [])) for row in rows]

    # --- changing ------------------------------------------------------------------------------------

    def add(self, corpus: Corpus, passage_id: str, note: str = "", tags: Iterable[str] = ()) -> Bookmark:
        """Bookmark a whole passage of `corpus`."""
        article, passage = anchor_passage(corpus, passage_id)
        return self.add_anchored(article, passage, corpus.passage(passage_id).topic_ids, note, tags)

    def add_anchored(
        self,
        article: ArticleAnchor,
        passage: PassageAnchor,
        topics: Iterable[str] = (),
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Bookmark:
        """Bookmark any anchored quote (the reader uses `add`; imports and tests use this)."""
        now = self._now()
        bookmark = Bookmark(
            id=uuid.uuid4().hex,
            created=now,
            updated=now,
            note=note.strip(),
            tags=clean_tags(tags),
            topics=tuple(topics),
            article=article,
            passage=passage,
        )
        with self._transaction():
            self._conn.execute(
                "INSERT INTO bookmarks (id, created, updated, note, topics, article_hash, article_path,"
                " article_title, exact, prefix, suffix, start_offset, end_offset, passage_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bookmark.id, now, now, bookmark.note, json.dumps(list(bookmark.topics)),
                    article.content_hash, article.path, article.title,
                    passage.exact, passage.prefix, passage.suffix, passage.start, passage.end, passage.passage_id,
                ),
            )
            self._write_tags(bookmark.id, bookmark.tags)
        return bookmark

    def update(self, bookmark_id: str, *, note: str | None = None, tags: Iterable[str] | None = None) -> Bookmark:
        """Change a bookmark's note and/or tags (None leaves that one as it is)."""
        with self._transaction():
            self._require(bookmark_id)
            if note is not None:
                self._conn.execute("UPDATE bookmarks SET note = ? WHERE id = ?", (note.strip(), bookmark_id))
            if tags is not None:
                self._write_tags(bookmark_id, clean_tags(tags))
            self._conn.execute("UPDATE bookmarks SET updated = ? WHERE id = ?", (self._now(), bookmark_id))
        return self._require(bookmark_id)

    def delete(self, bookmark_id: str) -> Bookmark:
        """Delete a bookmark so that `restore` can undo it; returns it as it was."""
        with self._transaction():
            before = self._require(bookmark_id)
            self._conn.execute(
                "UPDATE bookmarks SET deleted = ? WHERE id = ? AND deleted IS NULL", (self._now(), bookmark_id)
            )
        return before

    def restore(self, bookmark_id: str) -> Bookmark:
        """Undo `delete`."""
        with self._transaction():
            self._require(bookmark_id)
            self._conn.execute("UPDATE bookmarks SET deleted = NULL WHERE id = ?", (bookmark_id,))
        return self._require(bookmark_id)

    def toggle(self, corpus: Corpus, passage_id: str, resolutions: Mapping[str, Resolution] | None = None) -> Toggled:
        """Delete the bookmarks on `passage_id`, or add one when it has none (the reader's `b`).

        `resolutions` (bookmark id -> Resolution against `corpus`) saves re-resolving; bookmarks it lacks
        (added by another process meanwhile) are resolved here.
        """
        bookmarks = self.list()
        known = dict(resolutions or {})
        missing = [b for b in bookmarks if b.id not in known]
        known.update(resolve_all(missing, corpus))
        here = bookmarks_at(passage_id, bookmarks, known)
        if here:
            return Toggled(None, tuple(self.delete(b.id) for b in here))
        return Toggled(self.add(corpus, passage_id))

    def _write_tags(self, bookmark_id: str, tags: tuple[str, ...]) -> None:
        self._conn.execute("DELETE FROM bookmark_tags WHERE bookmark_id = ?", (bookmark_id,))
        self._conn.executemany(
            "INSERT INTO bookmark_tags (bookmark_id, position, tag) VALUES (?, ?, ?)",
            [(bookmark_id, n, tag) for n, tag in enumerate(tags)],
        )

    def _require(self, bookmark_id: str) -> Bookmark:
        found = self._select("WHERE id = ?", (bookmark_id,))
        if not found:
            raise KeyError(f"no bookmark with id {bookmark_id!r}")
        return found[0]

    def _now(self) -> str:
        return self.clock().astimezone(timezone.utc).isoformat(timespec="seconds")

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise BookmarkError(f"cannot read the bookmarks in {self._where()}: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: BEGIN IMMEDIATE (waits up to the busy timeout for another writer)."""
        if self.read_only_reason:
            raise ReadOnlyError(f"bookmarks in {self._where()} cannot be changed: {self.read_only_reason}")
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise BookmarkError(f"cannot save to the bookmarks in {self._where()}: {exc}") from exc
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise BookmarkError(f"cannot save to the bookmarks in {self._where()}: {exc}") from exc
                raise

    def _where(self) -> str:
        return str(self.path) if self.path is not None else "memory"


def _connect(path: Path | None, read_only: bool) -> sqlite3.Connection:
    if path is None:
        target, uri = ":memory:", False
    elif read_only:
        target, uri = path.resolve().as_uri() + "?mode=ro", True
    else:
        target, uri = str(path), False
    conn = sqlite3.connect(
        target, uri=uri, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _bookmark(row: tuple[Any, ...], tags: list[str]) -> Bookmark:
    (bid, created, updated, deleted, note, topics, a_hash, a_path, a_title,
     exact, prefix, suffix, start, end, passage_id) = row
    try:
        topic_ids = tuple(str(t) for t in json.loads(topics))
    except (ValueError, TypeError):
        topic_ids = ()
    return Bookmark(
        id=bid,
        created=created,
        updated=updated,
        note=note or "",
        tags=tuple(tags),
        topics=topic_ids,
        article=ArticleAnchor(a_hash, a_path, a_title),
        passage=PassageAnchor(exact, prefix or "", suffix or "", int(start), int(end), passage_id),
        deleted=deleted,
    )


# --- opening with the safety policy --------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """A usable store and, when something was wrong, the message to show the person (else None)."""

    store: BookmarkStore
    warning: str | None = None

    def __iter__(self) -> Iterator[Any]:
        """So that `store, warning = open_store(...)` works too."""
        return iter((self.store, self.warning))


def store_path(override: str | Path | None = None) -> Path:
    """Where the bookmarks live: `<data dir>/bookmarks.sqlite3` (`--data-dir`, $PARALLAX_DATA_DIR...)."""
    return data_dir(override) / FILE_NAME


def open_store(data_dir_override: str | Path | None = None, *, clock: Clock | None = None) -> Opened:
    """Open the bookmark store, never failing: damage, permissions and newer schemas become a warning."""
    path = store_path(data_dir_override)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _in_memory(clock, f"cannot create the bookmarks folder {path.parent} ({exc.strerror or exc})")
    try:
        store = BookmarkStore(path, clock=clock)
    except (sqlite3.DatabaseError, BookmarkError) as exc:
        if is_corrupt(exc):
            return _replace_corrupt(path, exc, clock)
        return _fallback(path, exc, clock)
    if store.read_only_reason:
        return _checked_read_only(store, clock)
    return Opened(store)


def is_corrupt(exc: BaseException) -> bool:
    """True for "file is not a database" and "malformed" errors; False for locks, permissions, I/O."""
    if isinstance(exc, BookmarkError) and exc.__cause__ is not None:
        exc = exc.__cause__
    if isinstance(exc, CorruptDatabaseError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _replace_corrupt(path: Path, exc: BaseException, clock: Clock | None) -> Opened:
    try:
        backup = move_aside(path)
    except OSError as move_error:
        return _in_memory(clock, f"the bookmarks database {path} is damaged ({exc}) and could not be moved aside "
                                 f"({move_error.strerror or move_error}); it was left untouched")
    try:
        store = BookmarkStore(path, clock=clock)
    except sqlite3.Error as again:
        return _in_memory(clock, f"the bookmarks database {path} was damaged ({exc}) and moved to {backup}, "
                                 f"but a new one cannot be created ({again})")
    return Opened(store, f"The bookmarks database {path} is damaged ({exc}). It was moved to {backup} (nothing was "
                         "deleted; sqlite3's '.recover' command may get bookmarks back from it) and a new, empty "
                         "one was started.")


def _fallback(path: Path, exc: BaseException, clock: Clock | None) -> Opened:
    """The file exists but cannot be opened for writing: read what it holds if possible."""
    if path.exists():
        try:
            store = BookmarkStore(path, read_only=True, clock=clock)
        except sqlite3.Error:
            pass
        else:
            store.read_only_reason = f"it cannot be written ({exc})"
            return _checked_read_only(store, clock)
    return _in_memory(clock, f"cannot open the bookmarks database {path} ({exc})")


def _checked_read_only(store: BookmarkStore, clock: Clock | None) -> Opened:
    try:
        store.list()
    except BookmarkError as exc:
        store.close()
        return _in_memory(clock, f"cannot read the bookmarks database {store.path} ({exc.__cause__ or exc})")
    return Opened(store, f"The bookmarks database {store.path} is read-only: {store.read_only_reason}. "
                         "Bookmarks can be viewed but not added, changed or deleted.")


def _in_memory(clock: Clock | None, problem: str) -> Opened:
    return Opened(BookmarkStore.in_memory(clock=clock),
                  f"{problem[0].upper()}{problem[1:]}. Bookmarks made now will not be saved.")


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename `path` (and its -wal/-shm files) to `<name>.corrupt-<UTC time>`; returns the new path."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(backup)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(backup.with_name(backup.name + suffix))
    return backup


# --- helpers the reader and the exports share ----------------------------------------------------------


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, inner whitespace collapsed, empties dropped, repeats (ignoring case) dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as a person types them: separated by commas ("russia, s-400, to check")."""
    return clean_tags(text.split(","))


def resolve_all(bookmarks: Iterable[Bookmark], corpus: Corpus) -> dict[str, Resolution]:
    """Each bookmark's place in `corpus`, by bookmark id (orphans included, status 'orphaned')."""
    resolver = Resolver(corpus)
    return {b.id: resolver.resolve(b.article, b.passage) for b in bookmarks}


def resolve_bookmark(bookmark: Bookmark, corpus: Corpus) -> Resolution:
    """One bookmark's place in `corpus` (use `resolve_all` for many: it indexes the corpus once)."""
    return Resolver(corpus).resolve(bookmark.article, bookmark.passage)


def bookmarks_at(
    passage_id: str, bookmarks: Iterable[Bookmark], resolutions: Mapping[str, Resolution]
) -> list[Bookmark]:
    """The bookmarks that resolve to `passage_id`."""
    return [b for b in bookmarks if (r := resolutions.get(b.id)) is not None and r.passage_id == passage_id]


def bookmark_to_dict(bookmark: Bookmark, resolution: Resolution | None = None) -> dict[str, Any]:
    """A bookmark as JSON-ready data (what `parallax bookmarks --json` prints), with its resolution."""
    data: dict[str, Any] = {
        "id": bookmark.id,
        "created": bookmark.created,
        "updated": bookmark.updated,
        "deleted": bookmark.deleted,
        "note": bookmark.note,
        "tags": list(bookmark.tags),
        "topics": list(bookmark.topics),
        "article": {
            "content_hash": bookmark.article.content_hash,
            "path": bookmark.article.path,
            "title": bookmark.article.title,
        },
        "anchor": {
            "exact": bookmark.passage.exact,
            "prefix": bookmark.passage.prefix,
            "suffix": bookmark.passage.suffix,
            "start": bookmark.passage.start,
            "end": bookmark.passage.end,
            "passage_id": bookmark.passage.passage_id,
        },
    }
    if resolution is not None:
        data["resolution"] = {
            "status": resolution.status,
            "passage_id": resolution.passage_id,
            "article_id": resolution.article_id,
            "found_by": resolution.found_by,
            "score": resolution.score,
        }
    return data
