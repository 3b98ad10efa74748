"""models/store/sqlite.py: what the cache and the bookmark store share (connect, damage, move-aside, schema,
read-only detection, snapshots of files that cannot be opened where they lie)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.store import sqlite as db
from tests.support.unprivileged import as_user, chown_tree, user_folder


def make(path: Path, rows: int = 3, *, keep_wal: bool = False) -> sqlite3.Connection:
    conn = db.connect(path, wal=True)
    conn.execute("PRAGMA wal_autocheckpoint = 0" if keep_wal else "PRAGMA wal_autocheckpoint = 1000")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)")
    conn.executemany("INSERT INTO t (x) VALUES (?)", [(f"row {i}",) for i in range(rows)])
    return conn


def test_damage_is_told_apart_by_sqlites_code_not_by_class_or_words(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database " * 200)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        db.check(db.connect(junk))
    assert db.is_corrupt(caught.value)
    wrapped = RuntimeError("the store failed")
    wrapped.__cause__ = caught.value
    assert db.is_corrupt(wrapped)
    assert db.is_corrupt(db.CorruptDatabaseError("quick_check found damage"))
    assert not db.is_corrupt(sqlite3.DatabaseError("database disk image is malformed"))  # no code: not proof
    locked = make(tmp_path / "locked.sqlite3")
    locked.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError) as busy:
        db.connect(tmp_path / "locked.sqlite3", busy_timeout_ms=10).execute("BEGIN IMMEDIATE")
    assert db.is_busy(busy.value) and not db.is_corrupt(busy.value)


def test_schema_problems_name_missing_tables_and_columns(tmp_path):
    conn = make(tmp_path / "a.sqlite3")
    assert db.schema_problems(conn, {"t": {"id", "x"}}) == []
    assert db.schema_problems(conn, {"t": {"id", "y", "z"}, "u": {"a"}}) == ["table t has no column y, z", "no table u"]
    assert db.user_tables(conn) == {"t"}


def test_move_aside_keeps_the_wal_so_the_moved_file_has_every_row(tmp_path):
    path = tmp_path / "a.sqlite3"
    writer = make(path, 50, keep_wal=True)
    assert (tmp_path / "a.sqlite3-wal").stat().st_size > 0
    backup = db.move_aside(path, "corrupt")
    writer.close()
    assert not path.exists() and backup.name.startswith("a.sqlite3.corrupt-")
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM t").fetchone()[0] == 50
    again = tmp_path / "b.sqlite3"
    for n in range(2):
        again.write_text(f"version {n}")
        fixed = db.move_aside(again, "corrupt", stamped=False)
    assert fixed.name == "b.sqlite3.corrupt" and fixed.read_text() == "version 1"


def _refused(path: Path) -> str | None:
    conn = db.connect(path)
    try:
        return db.write_refused(conn)
    finally:
        conn.close()


def test_write_refused_finds_a_read_only_file_without_writing(tmp_path):
    assert _refused(tmp_path / "new.sqlite3") is None
    with user_folder() as folder:
        make(folder / "ro.sqlite3").close()
        before = (folder / "ro.sqlite3").read_bytes()
        chown_tree(folder)
        (folder / "ro.sqlite3").chmod(0o444)
        refused = as_user(_refused, folder / "ro.sqlite3")
        assert refused and "readonly" in refused
        assert (folder / "ro.sqlite3").read_bytes() == before


def _count_from_snapshot(path: Path) -> int:
    try:
        db.connect(path, read_only=True).execute("SELECT count(*) FROM t").fetchone()
    except sqlite3.OperationalError:
        pass  # expected: SQLite cannot open a WAL file in place in a read-only folder
    else:
        raise AssertionError("the file opened in place: this test no longer tests the snapshot")
    return db.read_snapshot(path).execute("SELECT count(*) FROM t").fetchone()[0]


def test_a_snapshot_reads_a_wal_file_in_a_read_only_folder_with_its_wal(tmp_path):
    with user_folder() as folder:
        path = folder / "a.sqlite3"
        writer = make(path, 40, keep_wal=True)
        copied = {s: (folder / f"a.sqlite3{s}").read_bytes() for s in ("", "-wal")}
        writer.close()
        for suffix, data in copied.items():  # the files as a killed writer left them
            (folder / f"a.sqlite3{suffix}").write_bytes(data)
        chown_tree(folder)
        for item in folder.iterdir():
            item.chmod(0o444)
        folder.chmod(0o555)
        assert as_user(_count_from_snapshot, path) == 40
