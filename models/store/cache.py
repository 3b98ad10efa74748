"""A cache of analysed articles, so re-opening a corpus re-analyses only what changed.

One SQLite file, `analysis.sqlite3` under the user cache folder (models.paths.cache_dir(); tests redirect it
with $PARALLAX_CACHE_DIR). An article is stored under the hash of the file's bytes, the config's digest and the
engine version, as its JSON (models/serialize.py's format, zlib-compressed). What depends on where the file is
(its path, its id, its passages' ids) is rebuilt from the current run when an article is loaded, so the same
text at another path gets that path. Links depend on the whole corpus; they are stored once per corpus (its
ordered article ids and content hashes), so re-opening an unchanged corpus skips them too, and any change
recomputes them.

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
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from models.config import Config
from models.document import Article, Link, TopicInfo
from models.pipeline.corpus import CorpusAnalysis
from models.pipeline.gcpause import gc_paused
from models.serialize import tag_from_dict, tag_to_dict, article_from_dict, article_to_dict
from models.store import sqlite as sqlite_db

SCHEMA_VERSION = "2"  # the tables' layout and the stored formats


def _engine_version() -> str:
    """A digest of the analysis code itself, so a cache written by other code (an upgrade, or a developer's
    edit) is never trusted: any change to how articles are analysed changes the version."""
    models = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    names = [f"{name}.py" for name in ("config", "document", "loader", "serialize", "text")]
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
PRUNE_AFTER_DAYS = 90  # an article not read for this long is dropped from the cache
TOUCH_AFTER_SECONDS = 86400  # how stale a row's last-used time may get before a read refreshes it

log = logging.getLogger("parallax.cache")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT NOT NULL, config TEXT NOT NULL, engine TEXT NOT NULL, value BLOB NOT NULL, used INTEGER NOT NULL,
    PRIMARY KEY (key, config, engine)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS links (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID;
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
                db.execute("DELETE FROM links")
                db.execute("DELETE FROM meta")
                db.executemany("INSERT INTO meta (name, value) VALUES (?, ?)", want.items())
                db.execute("INSERT INTO meta (name, value) VALUES ('pruned', ?)", (str(int(time.time())),))
            elif int(found.get("pruned", "0") or 0) < time.time() - TOUCH_AFTER_SECONDS:
                cutoff = int(time.time()) - PRUNE_AFTER_DAYS * 86400
                db.execute("DELETE FROM articles WHERE used < ?", (cutoff,))
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
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute(
                    "SELECT value, used FROM articles WHERE key = ? AND config = ? AND engine = ?",
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
            return article

    def put_article(self, key: str, config: Config, article: Article) -> None:
        data = zlib.compress(json.dumps(article_to_dict(article), ensure_ascii=False).encode("utf-8"), 1)
        self._write(
            "INSERT OR REPLACE INTO articles (key, config, engine, value, used) VALUES (?, ?, ?, ?, ?)",
            (key, config.digest, ENGINE_VERSION, data, int(time.time())),
        )

    def _delete(self, key: str, config: Config) -> None:
        self._write("DELETE FROM articles WHERE key = ? AND config = ? AND engine = ?",
                    (key, config.digest, ENGINE_VERSION))

    # -- links -------------------------------------------------------------------------------------------

    def get_corpus(self, key: str, articles: list[Article]) -> CorpusAnalysis | None:
        """The corpus stage's result stored for `key` (see `links_key`), applied to `articles`: the tags it
        added, its topics and its links; None if absent or not valid for these articles."""
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute("SELECT value FROM links WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                self._failed(exc)
                return None
            if row is None:
                return None
            try:
                with gc_paused():
                    return _decode_corpus(row[0], articles)
            except Exception:  # noqa: BLE001 - anything wrong with the row means: do not trust it
                self._write("DELETE FROM links WHERE key = ?", (key,))
                return None

    def put_corpus(self, key: str, analysis: CorpusAnalysis, before: list[Article]) -> None:
        """Store what the corpus stage added to `before` (its tags, topics and links) under `key`."""
        data = _encode_corpus(analysis, before)
        self._write("INSERT OR REPLACE INTO links (key, value, used) VALUES (?, ?, ?)", (key, data, int(time.time())))
        self._write(
            "DELETE FROM links WHERE key NOT IN (SELECT key FROM links ORDER BY used DESC LIMIT ?)", (KEEP_LINK_SETS,)
        )

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


def _encode_links(links: list[Link]) -> bytes:
    """Links as columns (one JSON list per field): far fewer objects to parse than a list per link."""
    topics = sorted({link.topic for link in links if link.topic is not None})
    number: dict[str | None, int] = {t: n for n, t in enumerate(topics)}
    number[None] = -1  # a link by content alone
    data = {
        "topics": topics,
        "source": [link.source for link in links],
        "target": [link.target for link in links],
        "topic": [number[link.topic] for link in links],
        "score": [link.score for link in links],
        "reason": [link.reason for link in links],
        "shared": [_SEP.join(link.shared_terms) for link in links],
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _decode_links(blob: bytes, passage_ids: set[str]) -> list[Link]:
    data = json.loads(zlib.decompress(blob))
    topics = data["topics"]
    columns = [data[k] for k in ("source", "target", "topic", "score", "reason", "shared")]
    if len({len(c) for c in columns}) != 1:
        raise ValueError("columns of different lengths")
    source, target, topic, score, reason, shared = columns
    if not (all(type(t) is str for t in topics) and all(type(r) is str for r in reason)
            and all(type(k) is int and -1 <= k < len(topics) for k in topic)
            and all(type(h) is str for h in shared) and all(type(c) in (int, float) for c in score)):
        raise ValueError("malformed link")
    if not (passage_ids.issuperset(source) and passage_ids.issuperset(target)):
        raise ValueError("links to passages that are not in the corpus")
    return [
        Link(s, t, topics[k] if k >= 0 else None, float(c), r, tuple(h.split(_SEP)) if h else ())
        for s, t, k, c, r, h in zip(source, target, topic, score, reason, shared)
    ]


def _encode_corpus(analysis: CorpusAnalysis, before: list[Article]) -> bytes:
    """The corpus stage's additions: per passage the tags it added, the topics, and the links as columns."""
    added: dict[str, list[dict[str, Any]]] = {}
    for old, new in zip(before, analysis.articles):
        for p, q in zip(old.passages, new.passages):
            if len(q.topics) > len(p.topics):
                added[q.id] = [tag_to_dict(t) for t in q.topics[len(p.topics):]]
    topics = [{"id": t.id, "label": t.label, "colour": t.colour, "description": t.description,
               "discovered": t.discovered} for t in analysis.topics]
    links = json.loads(zlib.decompress(_encode_links(list(analysis.links))))
    blob = {"topics": topics, "added": added, "links": links}
    return zlib.compress(json.dumps(blob, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _decode_corpus(blob: bytes, articles: list[Article]) -> CorpusAnalysis:
    data = json.loads(zlib.decompress(blob))
    topics = tuple(TopicInfo(t["id"], t["label"], t["colour"], t["description"], bool(t["discovered"]))
                   for t in data["topics"])
    added = data["added"]
    known = {t.id for t in topics}
    out = []
    for article in articles:
        passages = []
        for p in article.passages:
            extra = tuple(tag_from_dict(t) for t in added.get(p.id, ()))
            if any(t.topic not in known for t in extra):
                raise ValueError("a tag of an unknown topic")
            passages.append(replace(p, topics=p.topics + extra) if extra else p)
        out.append(replace(article, passages=tuple(passages)))
    ids = {p.id for a in articles for p in a.passages}
    if not set(added) <= ids:
        raise ValueError("tags for passages that are not in the corpus")
    links = _decode_links(zlib.compress(json.dumps(data["links"]).encode("utf-8"), 1), ids)
    return CorpusAnalysis(tuple(out), topics, tuple(links))


def _decode_article(blob: bytes, article_id: str, path: str) -> Article:
    """A stored article, checked and moved to the current id and path (passage ids and references follow)."""
    data = json.loads(zlib.decompress(blob))
    if not isinstance(data, dict) or not isinstance(data.get("passages"), list):
        raise ValueError("not an article")
    if not isinstance(data["id"], str):
        raise ValueError("bad id")
    data["id"], data["path"] = article_id, path
    for n, passage in enumerate(data["passages"]):
        if passage["index"] != n:
            raise ValueError("passages out of order")
        passage["id"] = f"{article_id}:{n}"
    article = article_from_dict(data)
    for p in article.passages:
        if article.text[p.start : p.end] != p.text:
            raise ValueError("offsets do not match the text")
        if not all(isinstance(t.topic, str) and isinstance(t.score, (int, float)) for t in p.topics):
            raise ValueError("bad topic tag")
        if not all(all(isinstance(e, str) for e in (*t.evidence, *t.related)) for t in p.topics):
            raise ValueError("bad evidence")
        if any(t.inferred_from is not None and t.inferred_from >= len(article.passages) for t in p.topics):
            raise ValueError("a tag inferred from a passage the article does not have")
    if not isinstance(article.content_hash, str) or not article.content_hash:
        raise ValueError("no content hash")
    return article

