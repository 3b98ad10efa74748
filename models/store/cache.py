"""A cache of analysed articles, so re-opening a corpus re-analyses only what changed.

One SQLite file, `analysis.sqlite3` under the user cache folder (models.paths.cache_dir(); tests redirect it
with $PARALLAX_CACHE_DIR). An article is stored under the hash of the file's bytes, the config's digest and the
engine version, as a JSON list of its fields by position (`_encode_article`; not compressed: decompressing cost
about what parsing does, 0.15 s of a warm start at 5,000 articles, for a file half the size). What depends on
where the file is (its path, its id, its passages' ids) is rebuilt from the current run when an article is
loaded, so the same text at another path gets that path. Links depend on the whole corpus; they are stored once
per corpus (its ordered article ids and content hashes), so re-opening an unchanged corpus skips them too. Beside
them, what the corpus stage learned from the whole corpus (models/pipeline/model.py): a corpus a few articles
away from one stored finds it with `get_base` and relinks only the articles that changed (relink.py).

The cache is never trusted: a file from another schema or engine version is emptied, a file SQLite cannot read
is moved aside and rebuilt, a database another program made is moved aside untouched (never given our
tables in place), a row that does not decompress, parse or validate is deleted and the article
analysed again. A cache that cannot be opened or written at all is switched off for the run: analysis goes on
without it, and the reason is logged and kept in `Cache.messages`. WAL journaling and a busy timeout let two
parallax processes share the file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import sys
import threading
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from types import MemberDescriptorType
from typing import Any, TypeVar

from models.config import Config
from models.document import Article, Link, Passage, Removed, TopicInfo, TopicTag, passage_id
from models.pipeline.corpus import CorpusAnalysis
from models.pipeline.discover import DiscoveredTopic
from models.link_table import LinkEnds, LinkTable
from models.pipeline.model import Base, CorpusModel, fingerprint
from models.pipeline.vocabulary import Vocabulary
from models.pipeline.gcpause import gc_paused
from models.store import sqlite as sqlite_db

T = TypeVar("T")

SCHEMA_VERSION = "7"  # the tables' layout and the stored formats (6: an article as a list of its fields by position;
# 7: that list not compressed)


def _engine_version() -> str:
    """A digest of the analysis code itself, so a cache written by other code (an upgrade, or a developer's
    edit) is never trusted: any change to how articles are analysed changes the version."""
    models = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    names = [f"{name}.py" for name in ("config", "document", "link_table", "loader", "serialize", "text")]
    names += sorted(f"pipeline/{p.name}" for p in (models / "pipeline").glob("*.py"))
    for name in names:
        try:
            digest.update((models / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return f"parallax-engine-{digest.hexdigest()[:12]}"


ENGINE_VERSION = _engine_version()
FILE_NAME = "analysis.sqlite3"
COMMIT_EVERY = 200  # puts between commits (and at least one commit every COMMIT_SECONDS)
COMMIT_SECONDS = 1.0
KEEP_LINK_SETS = 16  # corpora whose links are kept
KEEP_MODELS = 4  # corpora whose model (models/pipeline/model.py) is kept, to relink a corpus near one of them
PRUNE_AFTER_DAYS = 90  # an article not read for this long is dropped from the cache
TOUCH_AFTER_SECONDS = 86400  # how stale a row's last-used time may get before a read refreshes it

log = logging.getLogger("parallax.cache")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT NOT NULL, config TEXT NOT NULL, engine TEXT NOT NULL, value BLOB NOT NULL, used INTEGER NOT NULL,
    PRIMARY KEY (key, config, engine)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS prints (
    key TEXT NOT NULL, config TEXT NOT NULL, engine TEXT NOT NULL, value BLOB NOT NULL,
    PRIMARY KEY (key, config, engine)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS links (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS repeats (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS models (
    key TEXT PRIMARY KEY, config TEXT NOT NULL, manifest BLOB NOT NULL, value BLOB NOT NULL, used INTEGER NOT NULL
) WITHOUT ROWID;
"""


class _ForeignCache(Exception):
    """The file is a database the cache did not make: tables of the cache's names with other columns, or
    tables the cache never has. It is moved aside untouched, never migrated in place."""


def _expected_schema() -> dict[str, set[str]]:
    """The cache's tables and columns, as `_SCHEMA` creates them (built in memory, so it follows `_SCHEMA`)."""
    memory = sqlite3.connect(":memory:")
    try:
        memory.executescript(_SCHEMA)
        return sqlite_db.schema_of(memory)
    finally:
        memory.close()


class Cache:
    """The analysis cache. Use as a context manager, or call `close()`; every method is safe to call on a cache
    that has been switched off (it then does nothing and finds nothing)."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            from models.paths import cache_dir

            path = cache_dir() / FILE_NAME
        self.path = Path(path)
        self.messages: list[str] = []
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._pending = 0
        self._last_commit = time.monotonic()
        self._open()

    # -- opening, checking, rebuilding -------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _note(self, message: str) -> None:
        self.messages.append(message)
        log.warning("%s", message)

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._connect()
            self._check()
        except sqlite3.Error as exc:
            if sqlite_db.is_corrupt(exc):  # "file is not a database", "database disk image is malformed"
                self._rebuild(f"the analysis cache {self.path} could not be read ({exc}); moved aside and rebuilt")
            else:  # locked, read-only, no such folder...: not the file's fault
                self._disable(f"the analysis cache {self.path} cannot be used ({exc}); analysing without it")
        except _ForeignCache as exc:
            self._rebuild(f"the analysis cache {self.path} was not made by this parallax ({exc}); moved aside and "
                          "rebuilt", label="foreign")
        except OSError as exc:
            self._disable(f"the analysis cache {self.path} cannot be used ({exc}); analysing without it")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite_db.connect(self.path)  # WAL only once `_check` knows the file is ours (it writes the header)
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    def _check(self) -> None:
        """Create the tables, or empty them when the file is from another schema or engine version."""
        db = self._db
        assert db is not None
        db.execute("BEGIN IMMEDIATE")
        try:
            theirs = sqlite_db.user_tables(db) - set(_expected_schema())
            if theirs:  # another program's database: adding our tables would migrate it in place
                raise _ForeignCache(f"it holds the tables {', '.join(sorted(theirs))}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            problems = sqlite_db.schema_problems(db, _expected_schema())
            if problems:  # tables of ours by name with other columns: nothing in them can be read
                raise _ForeignCache("; ".join(problems))
            found = dict(db.execute("SELECT name, value FROM meta").fetchall())
            want = {"schema": SCHEMA_VERSION, "engine": ENGINE_VERSION}
            if found.get("schema") != SCHEMA_VERSION or found.get("engine") != ENGINE_VERSION:
                if found:
                    self.messages.append(
                        f"the analysis cache was made by another version (schema {found.get('schema')}, "
                        f"{found.get('engine')}); it was emptied"
                    )
                db.execute("DELETE FROM articles")
                db.execute("DELETE FROM prints")
                db.execute("DELETE FROM links")
                db.execute("DELETE FROM models")
                db.execute("DELETE FROM repeats")
                db.execute("DELETE FROM meta")
                db.executemany("INSERT INTO meta (name, value) VALUES (?, ?)", want.items())
                db.execute("INSERT INTO meta (name, value) VALUES ('pruned', ?)", (str(int(time.time())),))
            elif int(found.get("pruned", "0") or 0) < time.time() - TOUCH_AFTER_SECONDS:
                cutoff = int(time.time()) - PRUNE_AFTER_DAYS * 86400
                db.execute("DELETE FROM articles WHERE used < ?", (cutoff,))
                db.execute("DELETE FROM prints WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.key = prints.key "
                           "AND a.config = prints.config AND a.engine = prints.engine)")
                db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('pruned', ?)", (str(int(time.time())),))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        sqlite_db.enable_wal(db)

    def _rebuild(self, message: str, label: str = "corrupt") -> None:
        """Move an unreadable file aside (never delete what might be looked at) and start an empty one.

        The file goes to `analysis.sqlite3.corrupt` (a database another program made: `.foreign`) with its -wal
        and -shm (replacing an older one: a cache holds nothing a person made, so one copy to look at is enough)."""
        self._close_quietly()
        try:
            if self.path.exists():
                sqlite_db.move_aside(self.path, label, stamped=False)
            self._db = self._connect()
            self._check()
            self._note(message)
        except (OSError, sqlite3.Error, _ForeignCache) as exc:
            self._disable(f"{message}, but rebuilding failed ({exc}); analysing without the cache")

    def _disable(self, message: str) -> None:
        self._close_quietly()
        self._note(message)

    def _close_quietly(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def _failed(self, exc: sqlite3.Error) -> None:
        """An error while the cache was in use: a damaged file is rebuilt, anything else switches it off."""
        if sqlite_db.is_corrupt(exc):
            self._rebuild(f"the analysis cache {self.path} is damaged ({exc}); it was moved aside and rebuilt")
        else:
            self._disable(f"the analysis cache {self.path} failed ({exc}); analysing the rest without it")

    # -- articles ----------------------------------------------------------------------------------------

    def get_article(self, key: str, config: Config, article_id: str, path: str) -> Article | None:
        """The cached analysis of the bytes `key` names, rebuilt for `article_id` at `path`; None if absent or bad."""
        found = self.get_analysed(key, config, article_id, path)
        return found[0] if found is not None else None

    def get_analysed(
        self, key: str, config: Config, article_id: str, path: str,
    ) -> tuple[Article, tuple[int, ...] | None] | None:
        """`get_article`, with the passages' prints stored beside it by `put_article` (None when there are none,
        or not one per passage)."""
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute(
                    "SELECT a.value, a.used, p.value FROM articles a LEFT JOIN prints p ON p.key = a.key AND "
                    "p.config = a.config AND p.engine = a.engine WHERE a.key = ? AND a.config = ? AND a.engine = ?",
                    (key, config.digest, ENGINE_VERSION),
                ).fetchone()
            except sqlite3.Error as exc:
                self._failed(exc)
                return None
            if row is None:
                self.misses += 1
                return None
            try:
                with gc_paused():
                    article = _decode_article(row[0], article_id, path)
            except Exception:  # noqa: BLE001 - anything wrong with a row means: do not trust it
                self._delete(key, config)
                self.misses += 1
                return None
            if row[1] < time.time() - TOUCH_AFTER_SECONDS:
                self._write("UPDATE articles SET used = ? WHERE key = ? AND config = ? AND engine = ?",
                            (int(time.time()), key, config.digest, ENGINE_VERSION))
            self.hits += 1
            return article, _prints(row[2], len(article.passages))

    def put_article(self, key: str, config: Config, article: Article, prints: Sequence[int] | None = None) -> None:
        """Store `article` under `key`; with `prints`, one number per passage that the loader computed from its
        text (models/loader.py: the near-duplicate check), so that a warm run reads them instead."""
        data = _encode_article(article)
        self._write(
            "INSERT OR REPLACE INTO articles (key, config, engine, value, used) VALUES (?, ?, ?, ?, ?)",
            (key, config.digest, ENGINE_VERSION, data, int(time.time())),
        )
        if prints is not None:
            self._write("INSERT OR REPLACE INTO prints (key, config, engine, value) VALUES (?, ?, ?, ?)",
                        (key, config.digest, ENGINE_VERSION, array("q", prints).tobytes()))

    def _delete(self, key: str, config: Config) -> None:
        for table in ("articles", "prints"):
            self._write(f"DELETE FROM {table} WHERE key = ? AND config = ? AND engine = ?",
                        (key, config.digest, ENGINE_VERSION))

    # -- links -------------------------------------------------------------------------------------------

    def get_corpus(self, key: str, articles: list[Article]) -> CorpusAnalysis | None:
        """The corpus stage's result stored for `key` (see `links_key`), applied to `articles`: the tags it
        added, its topics and its links; None if absent or not valid for these articles."""

        def decode(blob: bytes) -> CorpusAnalysis:
            with gc_paused():
                return _decode_corpus(blob, articles)

        return self._stored("links", key, decode)

    def put_corpus(self, key: str, analysis: CorpusAnalysis, before: list[Article], config: Config | None = None) -> None:
        """Store what the corpus stage added to `before` (its tags, topics and links) under `key`, and with a
        `config` what it learned (`analysis.model`), for `get_base`."""
        data = _encode_corpus(analysis, before)
        now = int(time.time())
        self._write("INSERT OR REPLACE INTO links (key, value, used) VALUES (?, ?, ?)", (key, data, now))
        self._write(
            "DELETE FROM links WHERE key NOT IN (SELECT key FROM links ORDER BY used DESC LIMIT ?)", (KEEP_LINK_SETS,)
        )
        if analysis.model is not None and config is not None:
            manifest, model = _encode_model(analysis.model)
            self._write("INSERT OR REPLACE INTO models (key, config, manifest, value, used) VALUES (?, ?, ?, ?, ?)",
                        (key, config.digest, manifest, model, now))
            self._write("DELETE FROM models WHERE key NOT IN (SELECT key FROM models ORDER BY used DESC LIMIT ?)",
                        (KEEP_MODELS,))

    def get_repeats(self, key: str, articles: list[Article]) -> dict[str, dict[int, int]] | None:
        """The furniture lines repeated across articles found before in the same articles (see
        `boilerplate.repeated_lines`: article id -> passage index -> articles carrying it); None if absent."""
        sizes = {a.id: len(a.passages) for a in articles}

        def decode(blob: bytes) -> dict[str, dict[int, int]]:
            return _decode_repeats(blob, sizes).found

        return self._stored("repeats", key, decode)

    def near_repeats(self, articles: list[Article], config: Config) -> Repeats | None:
        """The repeated lines stored for the corpus (of this config) that shares the most articles with
        `articles`, with what they were found in, to find them again only where the change touches them
        (models/loader.py `_without_repeats`); None when none shares an article."""
        with self._lock:
            if self._db is None:
                return None
            try:
                rows = self._db.execute("SELECT key, value FROM repeats ORDER BY used DESC LIMIT ?",
                                        (KEEP_MODELS,)).fetchall()
            except sqlite3.Error as exc:
                self._failed(exc)
                return None
        mine = {a.id: fingerprint(a) for a in articles}
        best: Repeats | None = None
        most = 0
        for key, blob in rows:
            try:
                found = _decode_repeats(blob, None)
            except Exception:  # noqa: BLE001 - a bad row is not used (and goes when it is read by its key)
                continue
            same = sum(1 for k, v in found.prints.items() if mine.get(k) == v)
            if found.config == config.digest and same > most:
                best, most = found, same
        return best

    def _stored(self, table: str, key: str, decode: Callable[[bytes], T]) -> T | None:
        """The `value` stored under `key` in `table` (links or repeats), decoded; None if absent, and the row
        deleted when it cannot be decoded (anything wrong with a row means: do not trust it)."""
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                self._failed(exc)
                return None
            if row is None:
                return None
            try:
                return decode(row[0])
            except Exception:  # noqa: BLE001 - anything wrong with the row means: do not trust it
                self._write(f"DELETE FROM {table} WHERE key = ?", (key,))
                return None

    def put_repeats(self, key: str, found: dict[str, dict[int, int]], articles: list[Article] | None = None,
                    config: Config | None = None, lines: dict[str, list[str]] | None = None) -> None:
        """Store the repeated lines `found` in `articles` under the corpus's `key`; with the `config` and the
        `lines` (each short line carried by two articles or more -> their ids), what `near_repeats` needs."""
        data = {"found": found, "config": config.digest if config is not None else "",
                "prints": {a.id: fingerprint(a) for a in articles} if articles is not None and config else {},
                "lines": lines if config is not None and lines is not None else {}}
        blob = zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)
        self._write("INSERT OR REPLACE INTO repeats (key, value, used) VALUES (?, ?, ?)", (key, blob, int(time.time())))
        self._write("DELETE FROM repeats WHERE key NOT IN (SELECT key FROM repeats ORDER BY used DESC LIMIT ?)",
                    (KEEP_LINK_SETS,))

    def get_base(self, articles: list[Article], config: Config) -> Base | None:
        """The stored corpus (of this config) that shares the most articles with `articles`, with its model,
        tags, topics and links, for relinking only what differs (models/pipeline/relink.py); None when no
        stored corpus shares an article, or its rows are bad."""
        with self._lock:
            if self._db is None:
                return None
            try:
                rows = self._db.execute(
                    "SELECT key, manifest FROM models WHERE config = ? ORDER BY used DESC LIMIT ?",
                    (config.digest, KEEP_MODELS),
                ).fetchall()
            except sqlite3.Error as exc:
                self._failed(exc)
                return None
            mine = {a.id: fingerprint(a) for a in articles}
            best, best_key = 0, ""
            for key, manifest in rows:
                try:
                    theirs = json.loads(zlib.decompress(manifest))
                    same = sum(1 for k, v in theirs.items() if mine.get(k) == v)
                except Exception:  # noqa: BLE001 - a bad row is not used (and goes when it is read)
                    continue
                if same > best:
                    best, best_key = same, key
            if not best:
                return None
            try:
                model_row = self._db.execute("SELECT manifest, value FROM models WHERE key = ?", (best_key,)).fetchone()
                links_row = self._db.execute("SELECT value FROM links WHERE key = ?", (best_key,)).fetchone()
            except sqlite3.Error as exc:
                self._failed(exc)
                return None
            if model_row is None or links_row is None:
                return None
            try:
                with gc_paused():
                    model = _decode_model(model_row[0], model_row[1])
                    tags, topics, ends = _decode_stored(links_row[0])
                    return Base(model, tags, topics, ends)
            except Exception:  # noqa: BLE001 - anything wrong with the rows means: do not trust them
                self._write("DELETE FROM models WHERE key = ?", (best_key,))
                return None

    # -- writing -----------------------------------------------------------------------------------------

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        with self._lock:
            if self._db is None:
                return
            try:
                if not self._db.in_transaction:
                    self._db.execute("BEGIN")
                self._db.execute(sql, params)
                self._pending += 1
                if self._pending >= COMMIT_EVERY or time.monotonic() - self._last_commit > COMMIT_SECONDS:
                    self._commit()
            except sqlite3.Error as exc:
                self._failed(exc)

    def _commit(self) -> None:
        assert self._db is not None
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._pending = 0
        self._last_commit = time.monotonic()

    def flush(self) -> None:
        """Write what is pending (also done every few hundred articles, every second and on close)."""
        with self._lock:
            if self._db is None:
                return
            try:
                self._commit()
            except sqlite3.Error as exc:
                self._failed(exc)

    def close(self) -> None:
        with self._lock:
            self.flush()
            self._close_quietly()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def article_key(data: bytes, html: bool) -> str:
    """The cache key of a file's bytes. A web page's key names the trafilatura version that extracted it."""
    digest = hashlib.sha256(data).hexdigest()
    return f"html:{_trafilatura_version()}:{digest}" if html else f"text:{digest}"


def links_key(articles: Iterable[Article], config: Config) -> str:
    """What a corpus's links depend on: its articles (ids and contents, in order), the config and the engine."""
    h = hashlib.sha256(f"{ENGINE_VERSION}\0{config.digest}\0".encode())
    for article in articles:
        h.update(f"{article.id}\t{article.content_hash}\t{len(article.passages)}\n".encode())
    return h.hexdigest()


_TRAFILATURA: list[str] = []


def _trafilatura_version() -> str:
    if not _TRAFILATURA:
        from importlib.metadata import PackageNotFoundError, version

        try:
            _TRAFILATURA.append(version("trafilatura"))
        except PackageNotFoundError:
            _TRAFILATURA.append("unknown")
    return _TRAFILATURA[0]


_SEP = "\x1f"  # between a link's shared terms (a control character: article text never holds one)
_MAGIC = b"PXC5"  # a stored corpus: this, a JSON header's length (4 bytes), the header, then the link columns
_COLUMNS = {"source": "i", "target": "i", "topic": "i", "score": "d", "reason": "i", "shared": "i"}  # array types


def _encode_corpus(analysis: CorpusAnalysis, before: list[Article]) -> bytes:
    """The corpus stage's additions: per passage the tags it changed, the topics, and the links.

    Links are columns of numbers (passage, topic, reason and shared words as indexes into tables of the
    distinct values: `LinkEnds`), so that 700,000 links are a few MB to write and read back,
    not a JSON list of 700,000 sentences (most links of a corpus share their reason with many others). A
    relink gives its links as columns already (`analysis.ends`): they are written as they are."""
    added: dict[str, list[list[Any]]] = {}  # passage id -> all its tags, where the corpus stage changed them
    for old, new in zip(before, analysis.articles):
        for p, q in zip(old.passages, new.passages):
            if q.topics != p.topics:
                added[q.id] = _tag_rows(q.topics)
    topics = [{"id": t.id, "label": t.label, "colour": t.colour, "description": t.description,
               "discovered": t.discovered} for t in analysis.topics]
    ends = analysis.ends if analysis.ends is not None else LinkEnds.of(analysis.links)
    if len(ends) != len(analysis.links):
        raise ValueError("link columns that are not the links")
    named = list(ends.topics[:-1] if ends.topics and ends.topics[-1] is None else ends.topics)
    if None in named:
        raise ValueError("links by content (topic None) not last among the topics")
    header = {
        "topics": topics, "added": added, "ids": list(ends.ids), "link_topics": named,
        "reasons": list(ends.reasons), "shared": [_SEP.join(terms) for terms in ends.shared_terms],
        "links": len(ends),
    }
    columns = {"source": ends.source, "target": ends.target, "topic": ends.topic, "score": ends.score,
               "reason": ends.reason, "shared": ends.shared}
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = b"".join(_column_bytes(columns[name], kind) for name, kind in _COLUMNS.items())
    return zlib.compress(_MAGIC + len(head).to_bytes(4, "little") + head + body, 1)


def _column_bytes(column: Any, kind: str) -> bytes:
    """A column's bytes as `array(kind)` holds them: an array of that type (or a numpy array of the same
    machine type, from a relink) as it is, anything else converted."""
    if isinstance(column, array):
        if column.typecode == kind:
            return column.tobytes()
    else:
        dtype = getattr(column, "dtype", None)
        if dtype is not None and dtype.kind == ("f" if kind == "d" else "i") and dtype.itemsize == array(kind).itemsize \
                and dtype.byteorder in ("=", "|", "<" if sys.byteorder == "little" else ">"):
            return bytes(memoryview(column))
    return array(kind, column).tobytes()


def _read_corpus(blob: bytes, as_numpy: bool = False) -> tuple[dict[str, Any], LinkEnds]:
    """A stored corpus's header (topics, added tags) and its links as columns (see `_encode_corpus`): array.arrays,
    or with `as_numpy` numpy arrays over the stored bytes (a relink reads 800,000 links as numbers; a reader
    whose corpus comes from the cache never imports numpy)."""
    raw = zlib.decompress(blob)
    if raw[:4] != _MAGIC:
        raise ValueError("not a stored corpus")
    size = int.from_bytes(raw[4:8], "little")
    header = json.loads(raw[8 : 8 + size])
    n = header["links"]
    body = memoryview(raw)[8 + size :]
    widths = [array(kind).itemsize for kind in _COLUMNS.values()]
    if type(n) is not int or len(body) != n * sum(widths):
        raise ValueError("link columns of the wrong size")
    ids, reasons = header["ids"], header["reasons"]
    topics = header["link_topics"] + [None]  # index -1: a link by content alone
    shared = [tuple(h.split(_SEP)) if h else () for h in header["shared"]]
    if not (all(type(x) is str for x in ids) and all(type(x) is str for x in reasons)
            and all(type(x) is str for x in topics[:-1])):
        raise ValueError("malformed link tables")
    bounds = ((0, len(ids)), (0, len(ids)), (-1, len(topics) - 1), None, (0, len(reasons)), (0, len(shared)))
    columns: list[Any] = []
    at = 0
    if as_numpy:
        import numpy as np  # a relink's: it uses numpy anyway (a reader's start-up never comes here)

        for kind, width in zip(_COLUMNS.values(), widths):
            columns.append(np.frombuffer(body, dtype=np.dtype(kind), count=n, offset=at))
            at += n * width
    else:
        for kind, width in zip(_COLUMNS.values(), widths):
            column = array(kind)
            column.frombytes(body[at : at + n * width])
            at += n * width
            columns.append(column)
    if n and not all(lo <= least and most < hi for c, b in zip(columns, bounds) if b for lo, hi in (b,)
                     for least, most in (_range(c),)):
        raise ValueError("a link refers to nothing")
    return header, LinkEnds(tuple(ids), columns[0], columns[1], tuple(topics[:-1]) + (None,), columns[2],
                            columns[3], tuple(reasons), columns[4], tuple(shared), columns[5])


def _range(column: Any) -> tuple[int, int]:
    """The least and the greatest value of a column (numpy's own min and max: in C; an array.array's: min, max)."""
    if hasattr(column, "min"):
        return int(column.min()), int(column.max())
    return min(column), max(column)


def _decode_corpus(blob: bytes, articles: list[Article]) -> CorpusAnalysis:
    data, ends = _read_corpus(blob)
    topics = _decode_topics(data["topics"])
    added = data["added"]
    known = {t.id for t in topics}
    out = []
    for article in articles:
        passages = []
        for p in article.passages:
            if p.id in added:
                tags = _decode_tags(added[p.id], known, len(article.passages))
                p = replace(p, topics=tags)
            passages.append(p)
        out.append(replace(article, passages=tuple(passages)))
    ids = {p.id for a in articles for p in a.passages}
    if not set(added) <= ids or not ids.issuperset(data["ids"]):
        raise ValueError("tags or links of passages that are not in the corpus")
    return CorpusAnalysis(tuple(out), topics, LinkTable(ends))


def _decode_topics(rows: list[dict[str, Any]]) -> tuple[TopicInfo, ...]:
    return tuple(TopicInfo(t["id"], t["label"], t["colour"], t["description"], bool(t["discovered"])) for t in rows)


def _decode_tags(rows: list[list[Any]], known: set[str], passages: int | None) -> tuple[TopicTag, ...]:
    tags = _tags(rows, passages)
    if not all(t.topic in known for t in tags):
        raise ValueError("a tag of an unknown topic")
    return tags


def _decode_stored(blob: bytes) -> tuple[dict[str, tuple[TopicTag, ...]], tuple[TopicInfo, ...], LinkEnds]:
    """A stored corpus's tags (passage id -> all its tags, where the corpus stage changed them), topics and
    links as columns, as they were (for relinking: models/pipeline/relink.py checks them against the articles)."""
    data, ends = _read_corpus(blob, as_numpy=True)
    topics = _decode_topics(data["topics"])
    known = {t.id for t in topics}
    tags = {pid: _decode_tags(rows, known, None) for pid, rows in data["added"].items()}
    return tags, topics, ends


def _encode_model(model: CorpusModel) -> tuple[bytes, bytes]:
    """The model as (manifest, value): the manifest (its articles' fingerprints) is read to find a base."""
    manifest = zlib.compress(json.dumps(model.fingerprints, separators=(",", ":")).encode("utf-8"), 1)
    data = {
        "vocab": model.vocab, "spelled": model.spelled, "strings": model.strings, "spelling": model.spelling,
        "vocabularies": [[v.topic, v.terms, sorted(v.from_description), sorted(v.distinctive), list(v.described),
                          v.profile, v.seeds, v.foreign] for v in model.vocabularies],
        "discovered": [[t.id, t.label, t.names, t.terms, t.grown, t.grown_min] for t in model.discovered], "drift": model.drift,
    }
    return manifest, zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _decode_model(manifest: bytes, blob: bytes) -> CorpusModel:
    data = json.loads(zlib.decompress(blob))
    fingerprints = json.loads(zlib.decompress(manifest))
    strings = {str(k): tuple(v) for k, v in data["strings"].items()}
    if not (all(type(s) is str for v in strings.values() for s in v) and set(strings) == set(fingerprints)):
        raise ValueError("bad passage strings")
    vocab, spelled = tuple(data["vocab"]), tuple(data["spelled"])
    if len(vocab) != len(spelled) or not all(type(t) is str for t in vocab + spelled):
        raise ValueError("bad vocabulary")
    vocabularies = tuple(Vocabulary(str(t), tuple((str(a), float(w)) for a, w in terms), frozenset(map(str, d)),
                                    frozenset(map(str, own)), tuple(map(str, told)),
                                    tuple((str(a), float(w), int(n)) for a, w, n in profile), int(seeds),
                                    foreign is True)
                         for t, terms, d, own, told, profile, seeds, foreign in data["vocabularies"])
    discovered = tuple(DiscoveredTopic(str(i), str(label), tuple(map(str, names)),
                                       tuple((str(a), float(w)) for a, w in terms),
                                       tuple((str(a), float(w)) for a, w in grown), float(grown_min))
                       for i, label, names, terms, grown, grown_min in data["discovered"])
    spelling = {str(k): str(v) for k, v in data["spelling"].items()}
    drift = data["drift"]
    if type(drift) is not int or drift < 0:
        raise ValueError("bad drift")
    return CorpusModel(vocab, spelled, strings, vocabularies, discovered, spelling,
                       {str(k): str(v) for k, v in fingerprints.items()}, drift)


@dataclass(frozen=True)
class Repeats:
    """Repeated lines as stored (`Cache.put_repeats`): article id -> passage index -> articles carrying the line,
    the config they were found with, each article's `fingerprint`, and each line carried by two articles or
    more (`boilerplate.line_key`) -> those articles' ids."""

    found: dict[str, dict[int, int]]
    config: str
    prints: dict[str, str]
    lines: dict[str, list[str]]


def _decode_repeats(blob: bytes, sizes: dict[str, int] | None) -> Repeats:
    """A stored `Repeats`, checked; with `sizes` (article id -> passages), checked against those articles."""
    data = json.loads(zlib.decompress(blob))
    found = {str(aid): {int(i): int(n) for i, n in lines.items()} for aid, lines in data["found"].items()}
    if sizes is not None and not all(aid in sizes and all(0 <= i < sizes[aid] for i in lines)
                                     for aid, lines in found.items()):
        raise ValueError("repeated lines of passages the articles do not have")
    prints = {str(k): str(v) for k, v in data["prints"].items()}
    lines = {str(k): [str(x) for x in v] for k, v in data["lines"].items()}
    if not all(aid in prints for aid in found) and prints:
        raise ValueError("repeated lines of articles not recorded")
    return Repeats(found, str(data["config"]), prints, lines)


def _prints(blob: bytes | None, passages: int) -> tuple[int, ...] | None:
    """Stored passage prints (see `put_article`), or None when there are none or not one per passage."""
    if blob is None or len(blob) != passages * 8:
        return None
    prints = array("q")
    prints.frombytes(blob)
    return tuple(prints)


_ARTICLE = "a6"  # a stored article's first element: the row format (rows of another are not read)


def _encode_article(article: Article) -> bytes:
    """An article as one JSON list, its fields by position (no key repeated per passage and per tag: a warm run
    reads 5,000 articles, and parsing keys was a third of the time). Passages are their text, heading and tags;
    their offsets follow from the text, which is the passages joined by blank lines, and are stored only
    when an article's are otherwise (never so far). Id, path and passage ids are the loading run's, not stored."""
    passages, at, laid_out = [], 0, True
    for p in article.passages:
        laid_out = laid_out and p.start == at and p.end == at + len(p.text)
        at += len(p.text) + 2
        passages.append([p.text, p.heading, _tag_rows(p.topics)])
    laid_out = laid_out and article.text == "\n\n".join(p.text for p in article.passages)
    offsets = None if laid_out else [[q.start, q.end] for q in article.passages]
    removed = [[r.text, r.rule, r.line, r.kind, r.detail, r.role] for r in article.removed]
    row = [_ARTICLE, article.title, article.author, article.source, article.date, article.encoding,
           article.content_hash, article.notes, passages, removed, offsets,
           article.text if offsets is not None else None]  # (an article of no passages has offsets [])
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _maker(cls: type[T]) -> Callable[..., T]:
    """`cls(*values)` for a frozen slotted dataclass, its slots set directly instead of through __init__ (which
    sets each through object.__setattr__: twice the time, over 100,000 passages and tags in a warm run); values
    are given for every field, in order. A class with a __post_init__ is built through its __init__."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or not all(isinstance(getattr(cls, n, None), MemberDescriptorType) for n in names):
        return cls  # pragma: no cover - a class changed: the plain way
    setters = [getattr(cls, n).__set__ for n in names]
    new = object.__new__
    pairs = list(enumerate(setters))

    def make(*values: Any) -> T:
        obj = new(cls)
        for k, setter in pairs:
            setter(obj, values[k])
        return obj

    return make


_new_tag = _maker(TopicTag)
_new_passage = _maker(Passage)
_new_removed = _maker(Removed)
_new_article = _maker(Article)


def _tag_rows(tags: Iterable[TopicTag]) -> list[list[Any]]:
    """Tags as stored: each a list of its fields by position."""
    return [[t.topic, t.score, t.implicit, t.evidence, t.inferred_from, t.related] for t in tags]


def _tags(rows: Any, passages: int | None) -> tuple[TopicTag, ...]:
    """Stored tags (`_tag_rows`), checked; with `passages`, an implicit tag must cite one of that many."""
    if type(rows) is not list:
        raise ValueError("bad tags")
    out = []
    for topic, score, implicit, evidence, inferred, related in rows:
        if type(topic) is not str or type(score) not in (int, float) or type(implicit) is not bool:
            raise ValueError("bad topic tag")
        if inferred is not None and (type(inferred) is not int or inferred < 0
                                     or passages is not None and inferred >= passages):
            raise ValueError("a tag inferred from a passage the article does not have")
        out.append(_new_tag(topic, score, implicit, _strings(evidence), inferred, _strings(related)))
    return tuple(out)


def _strings(values: Any) -> tuple[str, ...]:
    if type(values) is not list:
        raise ValueError("not a list of strings")
    "".join(values)  # TypeError unless every one is a string (a tenth of the time of asking each its type)
    return tuple(values)


def _optional(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise ValueError("not a string")
    return value


def _decode_article(blob: bytes, article_id: str, path: str) -> Article:
    """A stored article (`_encode_article`), checked, at the current id and path (its passages' ids follow)."""
    row = json.loads(blob)
    if type(row) is not list or len(row) != 12 or row[0] != _ARTICLE:
        raise ValueError("not an article of this format")
    _, title, author, source, date, encoding, content_hash, notes, stored, removed, offsets, whole = row
    if type(stored) is not list or type(removed) is not list or type(encoding) is not str:
        raise ValueError("not an article")
    if type(content_hash) is not str or not content_hash:
        raise ValueError("no content hash")
    n = len(stored)
    if offsets is not None and (type(offsets) is not list or len(offsets) != n or type(whole) is not str):
        raise ValueError("bad offsets")
    passages = []
    at = 0
    for index, item in enumerate(stored):
        text, heading, tags = item
        if type(text) is not str or type(tags) is not list:
            raise ValueError("bad passage")
        if offsets is None:
            start, end = at, at + len(text)
            at = end + 2
        else:
            start, end = offsets[index]
            if whole[start:end] != text:
                raise ValueError("offsets do not match the text")
        passages.append(_new_passage(passage_id(article_id, index), article_id, index, text, start, end,
                                     _tags(tags, n), _optional(heading)))
    text = whole if offsets is not None else "\n\n".join(item[0] for item in stored)
    gone = tuple(_new_removed(_text(t), _text(rule), _int(line), _text(kind), _text(detail), _optional(role))
                 for t, rule, line, kind, detail, role in removed)
    return _new_article(article_id, path, _optional(title), _optional(author), _optional(source), _optional(date),
                        text, tuple(passages), gone, content_hash, encoding, _strings(notes))


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("not a string")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("not a whole number")
    return value
