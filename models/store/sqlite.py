"""What both SQLite stores (the analysis cache and the bookmarks) need from SQLite, done one way.

- `connect`: autocommit connections (the stores open their own transactions), a busy timeout, and WAL for
  files, so two parallax processes share a file;
- `is_corrupt`: whether an error means the file is damaged ("file is not a database", "malformed"), decided by
  SQLite's own result code, never by the exception's class or wording alone: a lock, a permission or a full
  disk is not damage, and a damaged file is the only one ever moved aside;
- `check`: the cheap health check at open (the header and `PRAGMA quick_check`), raising CorruptDatabaseError;
- `schema_problems` / `user_tables`: whether the file holds the tables and columns a store expects, so a
  file with the right `user_version` but not our tables is recognised (and a foreign database is never
  migrated in place);
- `move_aside`: rename a file with its -wal and -shm (never delete: a person may want it back);
- `write_refused`: whether a connection that opened can actually write (SQLite silently opens a read-only
  file read-only), found without writing anything;
- `read_snapshot`: the contents of a store that cannot be opened where it lies (a read-only folder, where
  SQLite cannot create the -shm file a WAL database needs) as an in-memory copy, WAL contents included.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path

BUSY_TIMEOUT_MS = 5000

# SQLite primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
SIDE_FILES = ("-wal", "-shm")


class CorruptDatabaseError(sqlite3.DatabaseError):
    """`PRAGMA quick_check` found damage the open itself did not trip over."""


def connect(path: Path | None, *, read_only: bool = False, wal: bool = False,
            busy_timeout_ms: int | None = None) -> sqlite3.Connection:
    """A connection to `path` (None: a private in-memory database) in autocommit mode, usable from any thread.

    `read_only` opens with `mode=ro` (SQLite never writes, not even the journal mode). `wal` switches the file
    to WAL journaling at once (see `enable_wal`); a store that must first check whose file it is calls
    `enable_wal` itself afterwards, since switching writes the file's header. Raises sqlite3.Error when the
    file cannot be opened.
    """
    timeout_ms = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
    if path is None:
        target, uri = ":memory:", False
    elif read_only:
        target, uri = path.resolve().as_uri() + "?mode=ro", True
    else:
        target, uri = str(path), False
    conn = sqlite3.connect(target, uri=uri, timeout=timeout_ms / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        if wal and path is not None and not read_only:
            enable_wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def enable_wal(conn: sqlite3.Connection) -> None:
    """WAL journaling: readers never wait for the writer and a killed writer leaves the file consistent.
    A no-op on a file that already uses it (and on an in-memory database)."""
    conn.execute("PRAGMA journal_mode = WAL")


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code carried by an exception (or its cause), if any."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, CorruptDatabaseError):
            return SQLITE_CORRUPT
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        exc = exc.__cause__  # type: ignore[assignment]
    return None


def is_corrupt(exc: BaseException) -> bool:
    """True for a damaged file ("file is not a database", "database disk image is malformed"), also when wrapped
    in a store's own error; False for locks, permissions, a full disk or a programming error."""
    return error_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def is_busy(exc: BaseException) -> bool:
    """True when another connection holds the lock (past the busy timeout)."""
    return error_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED)


def check(conn: sqlite3.Connection, *, quick_check: bool = True) -> int:
    """Read the header (a file that is not a database fails here) and, with `quick_check`, verify the pages.

    Returns the file's `user_version`. Raises CorruptDatabaseError (or SQLite's own error) for damage.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if quick_check:
        found = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        if found != ["ok"]:
            raise CorruptDatabaseError(f"database disk image is malformed ({'; '.join(found)})")
    return version


def user_tables(conn: sqlite3.Connection) -> set[str]:
    """The names of the tables in the file (SQLite's own excepted)."""
    return {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")}


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def schema_problems(conn: sqlite3.Connection, expected: Mapping[str, Iterable[str]]) -> list[str]:
    """What the file lacks of `expected` (table -> columns), as phrases: [] when every table and column is there.

    Extra tables and columns are not problems (a later version may add some).
    """
    problems: list[str] = []
    present = user_tables(conn)
    for table, wanted in expected.items():
        if table not in present:
            problems.append(f"no table {table}")
            continue
        missing = sorted(set(wanted) - columns(conn, table))
        if missing:
            problems.append(f"table {table} has no column {', '.join(missing)}")
    return problems


def schema_of(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Every table with its columns (to compare a file against a schema built in memory)."""
    return {table: columns(conn, table) for table in sorted(user_tables(conn))}


def write_refused(conn: sqlite3.Connection) -> str | None:
    """Why `conn` cannot write (SQLite's message), or None when it can; nothing is written either way.

    SQLite opens a file it may not write read-only without saying so; the first change then fails. This
    starts a write transaction, makes a change that is rolled back, and reports a refusal. A lock held by
    another process (busy) is no refusal: that process will let go.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        return None if is_busy(exc) else str(exc)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA user_version = {version}")
    except sqlite3.Error as exc:
        return None if is_busy(exc) else str(exc)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return None


def read_snapshot(path: Path) -> sqlite3.Connection:
    """An in-memory copy of the database at `path`, with what its -wal file holds, for reading only.

    For a file that cannot be opened where it lies, even with `mode=ro`: a WAL database in a folder this
    user cannot write (SQLite needs to create the -shm file). The file and its -wal are copied to a private
    temporary folder, opened there (SQLite replays the WAL) and copied into memory; the folder is removed.
    Raises sqlite3.Error or OSError when even that fails.
    """
    with tempfile.TemporaryDirectory(prefix="parallax-read-") as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        source = sqlite3.connect(str(copy), isolation_level=None)
        try:
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            try:
                source.backup(memory)
            except BaseException:
                memory.close()
                raise
        finally:
            source.close()
    return memory


def move_aside(path: Path, label: str = "corrupt", now: datetime | None = None, *, stamped: bool = True) -> Path:
    """Rename `path` and its -wal/-shm files to `<name>.<label>-<UTC time>` (or `<name>.<label>` when not
    `stamped`, replacing an older one); returns the new path. The -wal keeps its pairing, so the moved file
    opens with every committed change. Raises OSError when the rename fails (nothing is deleted then)."""
    if stamped:
        stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.name}.{label}-{stamp}")
        n = 1
        while any(backup.with_name(backup.name + s).exists() for s in ("", *SIDE_FILES)):
            n += 1
            backup = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    else:
        backup = path.with_name(f"{path.name}.{label}")
        for suffix in SIDE_FILES:
            backup.with_name(backup.name + suffix).unlink(missing_ok=True)
    path.replace(backup)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(backup.with_name(backup.name + suffix))
    return backup
