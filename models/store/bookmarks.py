"""Bookmarks: a SQLite store of anchored passages, safe with two parallax processes open at once.

Why SQLite: it gives every change its own transaction, so two readers open on one machine add, edit and
delete rows without either overwriting the other's (a JSON file rewritten whole would lose one side's
changes). The store is opened in WAL mode with a busy timeout, never holds a write transaction open, and
re-reads the database on every `list()`, so it always shows what the other process saved too. A change that
depends on what is stored (`toggle`, `set_note`) reads and writes inside one transaction, so two processes
pressing `b` on the same passage never make two bookmarks.

What a bookmark points at is an anchor (see models/store/anchor.py), not a passage id, so it survives the article
moving, being re-cleaned with another config or lightly edited; one whose passage is gone resolves as
orphaned and is kept. Deleting is soft (a `deleted` time) so the reader can undo it.

A user's data is never silently rewritten or lost (models/store/sqlite.py does the SQLite side):

- a damaged file ("file is not a database", "malformed") is moved aside to
  `bookmarks.sqlite3.corrupt-<time>` (with its -wal/-shm), a new store is started and a warning says where
  the old one went;
- a database that is not a bookmark store (other tables, or the right `user_version` without our tables and
  columns) is never migrated or written: it is moved aside to `bookmarks.sqlite3.foreign-<time>` the same way;
- a file written by a newer parallax (a higher schema version) is opened read-only, never migrated;
- before an existing store is migrated to a newer schema, a copy is kept as `bookmarks.sqlite3.v<N>-backup`;
- a file that cannot be written (a read-only file, a read-only folder, a full disk) is opened read-only with
  a warning; in a read-only folder, where SQLite cannot open a WAL file in place, its contents (WAL
  included) are read from a private copy; a file that cannot be opened at all gives an in-memory store with a
  warning, so the reader still opens.

`open_store(data_dir)` applies that policy and returns the store with the warning to show (or None).
"""

from __future__ import annotations

import builtins
import json
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from models.document import Corpus
from models.paths import data_dir
from models.store import sqlite as db
from models.store.anchor import ArticleAnchor, PassageAnchor, Resolution, Resolver, anchor_passage

FILE_NAME = "bookmarks.sqlite3"
BUSY_TIMEOUT_MS = db.BUSY_TIMEOUT_MS

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


def _apply(conn: sqlite3.Connection, steps: Iterable[Migration]) -> None:
    for step in steps:
        if callable(step):
            step(conn)
        else:
            for statement in step:
                conn.execute(statement)


def expected_schema(version: int) -> dict[str, set[str]]:
    """The tables and columns a store of `version` has: the migrations up to it, replayed in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _apply(conn, MIGRATIONS[:version])
        return db.schema_of(conn)
    finally:
        conn.close()


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


class BookmarkNotFound(BookmarkError, KeyError):
    """No bookmark has that id (another process may have changed the store)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "no such bookmark"


class ForeignDatabaseError(BookmarkError):
    """The file is an SQLite database, but not a bookmark store (or not the version it claims to be)."""


CorruptDatabaseError = db.CorruptDatabaseError


class BookmarkStore:
    """The bookmarks in one SQLite file (or in memory, when `path` is None: nothing is saved).

    Every change runs in its own `BEGIN IMMEDIATE` transaction and returns the changed record. Raises
    sqlite3.Error or BookmarkError from the constructor when the file cannot be opened, is damaged or is not a
    bookmark store; `open_store` turns that into a fallback and a warning. `read_only_reason` is set when
    changes are refused. `connection` hands in an open connection (a read-only snapshot) instead of opening
    `path`, which then only names the store in messages.
    """

    def __init__(self, path: str | Path | None, *, read_only: bool = False, clock: Clock | None = None,
                 connection: sqlite3.Connection | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.clock: Clock = clock or (lambda: datetime.now(timezone.utc))
        self.read_only_reason: str | None = "opened read-only" if read_only else None
        self._lock = threading.RLock()
        self._snapshot = connection is not None
        self._conn = connection if connection is not None else db.connect(self.path, read_only=read_only)
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")  # a tag row goes with its bookmark
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
        version = self._check()
        if version > schema_version():
            if not read_only:
                conn.close()
                self._conn = conn = db.connect(self.path, read_only=True)
                conn.execute("PRAGMA foreign_keys = ON")
            self.read_only_reason = (
                f"it was written by a newer parallax (schema version {version}; this one knows up to "
                f"{schema_version()}); update parallax to change bookmarks"
            )
            return
        if read_only:
            if version < schema_version():
                raise sqlite3.OperationalError("cannot migrate a read-only bookmarks database")
            return
        if self.path is not None and not self._snapshot:
            refused = db.write_refused(conn)
            if refused is not None:
                if version < schema_version():
                    raise sqlite3.OperationalError(f"cannot migrate the bookmarks database: {refused}")
                self.read_only_reason = f"it cannot be written ({_plain_refusal(refused)})"
                return
            db.enable_wal(conn)
        self._migrate(version)

    def _check(self) -> int:
        """The file's schema version, after checking it is undamaged and holds what that version means.

        Version and tables are read in one read transaction, so a store another process is creating at this
        moment is seen either before or after its (atomic) migration, never half-way.
        """
        conn = self._conn
        conn.execute("BEGIN")
        try:
            version = db.check(conn)  # "file is not a database" and damaged pages show here
            tables = db.user_tables(conn)
            if version == 0 and tables:
                raise ForeignDatabaseError(
                    f"it is not a parallax bookmarks database (it holds the tables {', '.join(sorted(tables))})")
            if 0 < version <= schema_version():
                problems = db.schema_problems(conn, expected_schema(version))
                if problems:
                    raise ForeignDatabaseError(
                        f"it says it is a version {version} bookmarks database but has {'; '.join(problems)}")
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
        return version

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
            _apply(self._conn, MIGRATIONS[current:])
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

    def _select(self, where: str, params: tuple[Any, ...]) -> builtins.list[Bookmark]:
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
        with self._transaction():
            return self._insert(article, passage, topics, note, tags)

    def _insert(self, article: ArticleAnchor, passage: PassageAnchor, topics: Iterable[str], note: str,
                tags: Iterable[str]) -> Bookmark:
        now = self._now()
        bookmark = Bookmark(
            id=uuid.uuid4().hex,
            created=now,
            updated=now,
            note=_storable(note, "note").strip(),
            tags=clean_tags(_storable(t, "tag") for t in tags),
            topics=tuple(_storable(t, "topic id") for t in topics),
            article=ArticleAnchor(article.content_hash, _displayable(article.path),
                                  None if article.title is None else _displayable(article.title)),
            passage=PassageAnchor(_storable(passage.exact, "quote"), _storable(passage.prefix, "quote"),
                                  _storable(passage.suffix, "quote"), passage.start, passage.end,
                                  passage.passage_id),
        )
        article, passage = bookmark.article, bookmark.passage
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
            self._change(bookmark_id, note, tags)
        return self._require(bookmark_id)

    def _change(self, bookmark_id: str, note: str | None, tags: Iterable[str] | None) -> None:
        self._require(bookmark_id)
        if note is not None:
            self._conn.execute("UPDATE bookmarks SET note = ? WHERE id = ?", (_storable(note, "note").strip(),
                                                                                bookmark_id))
        if tags is not None:
            self._write_tags(bookmark_id, clean_tags(_storable(t, "tag") for t in tags))
        self._conn.execute("UPDATE bookmarks SET updated = ? WHERE id = ?", (self._now(), bookmark_id))

    def delete(self, bookmark_id: str) -> Bookmark:
        """Delete a bookmark so that `restore` can undo it; returns it as it was."""
        with self._transaction():
            return self._soft_delete(bookmark_id)

    def _soft_delete(self, bookmark_id: str) -> Bookmark:
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

        What is on the passage is read inside the write transaction, so another process toggling the same
        passage at the same moment waits and then sees this change (no duplicates). `resolutions` (bookmark
        id -> Resolution against `corpus`) saves re-resolving; bookmarks it lacks are resolved here.
        """
        article, passage = anchor_passage(corpus, passage_id)
        topics = corpus.passage(passage_id).topic_ids
        with self._transaction():
            here = self._at(corpus, passage_id, resolutions)
            if here:
                return Toggled(None, tuple(self._soft_delete(b.id) for b in here))
            return Toggled(self._insert(article, passage, topics, "", ()))

    def set_note(self, corpus: Corpus, passage_id: str, note: str, tags: Iterable[str],
                 resolutions: Mapping[str, Resolution] | None = None) -> Bookmark:
        """Set the note and tags of the passage's bookmark, bookmarking the passage first when it has none;
        one transaction, so two processes saving a note on the same passage never make two bookmarks."""
        article, passage = anchor_passage(corpus, passage_id)
        topics = corpus.passage(passage_id).topic_ids
        tags = tuple(tags)
        with self._transaction():
            here = self._at(corpus, passage_id, resolutions)
            bookmark_id = here[0].id if here else self._insert(article, passage, topics, "", ()).id
            self._change(bookmark_id, note, tags)
        return self._require(bookmark_id)

    def _at(self, corpus: Corpus, passage_id: str,
            resolutions: Mapping[str, Resolution] | None) -> builtins.list[Bookmark]:
        bookmarks = self.list()
        known = dict(resolutions or {})
        known.update(resolve_all([b for b in bookmarks if b.id not in known], corpus))
        return bookmarks_at(passage_id, bookmarks, known)

    def _write_tags(self, bookmark_id: str, tags: tuple[str, ...]) -> None:
        self._conn.execute("DELETE FROM bookmark_tags WHERE bookmark_id = ?", (bookmark_id,))
        self._conn.executemany(
            "INSERT INTO bookmark_tags (bookmark_id, position, tag) VALUES (?, ?, ?)",
            [(bookmark_id, n, tag) for n, tag in enumerate(tags)],
        )

    def _require(self, bookmark_id: str) -> Bookmark:
        found = self._select("WHERE id = ?", (bookmark_id,))
        if not found:
            raise BookmarkNotFound(f"no bookmark with id {bookmark_id!r} in {self._where()}")
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
                raise BookmarkError(f"cannot save to the bookmarks in {self._where()}: {_why(exc)}") from exc
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise BookmarkError(f"cannot save to the bookmarks in {self._where()}: {_why(exc)}") from exc
                raise

    def _where(self) -> str:
        return str(self.path) if self.path is not None else "memory"


def _why(exc: sqlite3.Error) -> str:
    """SQLite's message, with what it means for a person when the store is busy or read-only."""
    if db.is_busy(exc):
        return f"another program has held it locked for more than {BUSY_TIMEOUT_MS // 1000} s ({exc}); try again"
    if db.error_code(exc) == db.SQLITE_READONLY:
        return f"{exc} (the file or its folder cannot be written)"
    return str(exc)


def _plain_refusal(message: str) -> str:
    return f"{message}: the file or its folder is read-only for this user" if "readonly" in message else message


def _storable(text: str, what: str) -> str:
    """`text` as it will be saved, or BookmarkError when it cannot be (lone surrogates are not UTF-8)."""
    text = str(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BookmarkError(f"the {what} cannot be saved: it holds a character that is not valid text "
                            f"(U+{ord(text[exc.start]):04X} at position {exc.start + 1})") from None
    return text


def _displayable(text: str) -> str:
    """A path or title (a hint for finding the article again) made storable: bytes that were not UTF-8 in a
    file name (Python's surrogate escapes) become U+FFFD instead of stopping the bookmark being saved."""
    return _SURROGATES.sub("\ufffd", text)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _bookmark(row: tuple[Any, ...], tags: list[str]) -> Bookmark:
    """A row as a Bookmark. SQLite keeps whatever type a value was written with, so a row another program (or
    a hand edit) wrote may hold a number where text belongs, bytes, or text where an offset belongs: such
    values are read as well as they can be (offsets that are not numbers as 0), never as an error that would
    hide every other bookmark."""
    (bid, created, updated, deleted, note, topics, a_hash, a_path, a_title,
     exact, prefix, suffix, start, end, passage_id) = row
    try:
        topic_ids = tuple(str(t) for t in json.loads(topics))
    except (ValueError, TypeError):
        topic_ids = ()
    return Bookmark(
        id=_text(bid),
        created=_text(created),
        updated=_text(updated),
        note=_text(note),
        tags=tuple(_text(t) for t in tags),
        topics=topic_ids,
        article=ArticleAnchor(_text(a_hash), _text(a_path), None if a_title is None else _text(a_title)),
        passage=PassageAnchor(_text(exact), _text(prefix), _text(suffix), _offset(start), _offset(end),
                              None if passage_id is None else _text(passage_id)),
        deleted=None if deleted is None else _text(deleted),
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else str(value)


def _offset(value: object) -> int:
    try:
        return max(0, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return 0


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
    except ForeignDatabaseError as exc:
        return _replace(path, exc, clock, "foreign")
    except (sqlite3.Error, BookmarkError) as exc:
        if is_corrupt(exc):
            return _replace(path, exc, clock, "corrupt")
        return _fallback(path, exc, clock)
    if store.read_only_reason:
        return _checked_read_only(store, clock)
    return Opened(store)


def is_corrupt(exc: BaseException) -> bool:
    """True for "file is not a database" and "malformed" errors; False for locks, permissions, I/O."""
    return db.is_corrupt(exc)


def _replace(path: Path, exc: BaseException, clock: Clock | None, label: str) -> Opened:
    """Move a damaged or foreign file aside (never delete it) and start a new store."""
    what = "is damaged" if label == "corrupt" else "is not a parallax bookmark store"
    try:
        backup = move_aside(path, label=label)
    except OSError as move_error:
        return _in_memory(clock, f"the bookmarks database {path} {what} ({exc}) and could not be moved aside "
                                 f"({move_error.strerror or move_error}); it was left untouched")
    try:
        store = BookmarkStore(path, clock=clock)
    except (sqlite3.Error, BookmarkError) as again:
        return _in_memory(clock, f"the bookmarks database {path} {what} ({exc}) and was moved to {backup}, "
                                 f"but a new one cannot be created ({again})")
    recover = ("sqlite3's '.recover' command may get bookmarks back from it" if label == "corrupt"
               else "it is kept as it was")
    return Opened(store, f"The bookmarks database {path} {what} ({exc}). It was moved to {backup} (nothing was "
                         f"deleted; {recover}) and a new, empty one was started.")


def _fallback(path: Path, exc: BaseException, clock: Clock | None) -> Opened:
    """The file exists but cannot be opened for writing: read what it holds if possible."""
    if path.exists():
        store = _open_read_only(path, clock)
        if store is not None:
            store.read_only_reason = f"it cannot be written ({_plain_refusal(str(exc))})"
            return _checked_read_only(store, clock)
    return _in_memory(clock, f"cannot open the bookmarks database {path} ({exc})")


def _open_read_only(path: Path, clock: Clock | None) -> BookmarkStore | None:
    """The store read-only where it lies, else (a WAL file in a read-only folder) from a private copy."""
    try:
        return BookmarkStore(path, read_only=True, clock=clock)
    except (sqlite3.Error, BookmarkError):
        pass
    try:
        snapshot = db.read_snapshot(path)
    except (sqlite3.Error, OSError):
        return None
    try:
        return BookmarkStore(path, read_only=True, clock=clock, connection=snapshot)
    except (sqlite3.Error, BookmarkError):
        return None


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


def move_aside(path: Path, now: datetime | None = None, label: str = "corrupt") -> Path:
    """Rename `path` (and its -wal/-shm files) to `<name>.<label>-<UTC time>`; returns the new path."""
    return db.move_aside(path, label, now)


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
