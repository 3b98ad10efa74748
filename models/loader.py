"""`analyze(paths, config) -> Corpus`: the whole pipeline in one readable place (the loader).

ingest (bytes to safe text; web pages through trafilatura) -> clean (body paragraphs + removed pieces) ->
meta (what the page states, then what its markup says) -> passages (offsets into the cleaned text) -> topics
(tags per passage) -> links (across articles).
Each file is analysed on its own, so a bad file becomes a Problem and the others carry on; an article the
cache already holds is loaded instead of analysed; the same article met twice is kept once, with a note.

`iter_articles` yields each article as soon as it is ready (the reader shows the first ones while the rest
load); `build_corpus` links them at the end; `analyze` is the two together.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from models.config import Config
from models.document import Article, Corpus, Passage, Problem, TopicInfo
from models.pipeline.article import analyze_source
from models.pipeline.ingest import (
    STDIN,
    STDIN_NAME,
    IngestError,
    discover,
    is_html,
    read_bytes,
    read_stream,
    slug,
    source_from_bytes,
)
from models.pipeline.links import find_links
from models.pipeline.topics import Tagger
from models.store.cache import Cache, article_key, links_key

NEAR_DUPLICATE_SHARE = 0.9  # an article whose passages are this share of another's (both ways) is the same article
NEAR_DUPLICATE_MIN_CHARS = 200  # ... when what they share is at least this long
COMMON_PASSAGE = 50  # a passage found in more articles than this (a standard disclaimer) says nothing about sameness

Progress = Callable[[int, int, str], None]
CacheArg = bool | Cache | None


def analyze(
    paths: Iterable[str | Path],
    config: Config,
    progress: Progress | None = None,
    *,
    cache: CacheArg = True,
    stdin: BinaryIO | None = None,
    workers: int = -1,
    jobs: int | None = None,
) -> Corpus:
    """Analyse every article file under `paths` (`-`: one article from `stdin`, default sys.stdin.buffer).

    Files that cannot be read become Problems. `cache`: True uses the cache in the user cache folder, False
    or None analyses everything afresh, a Cache is used as it is (and left open). `workers`: cores rapidfuzz
    may use for links (-1: all). `jobs`: processes that may analyse articles at once (see `iter_articles`).
    """
    with _opened(cache) as store:
        problems: list[Problem] = []
        articles: list[Article] = []
        for item in iter_articles(paths, config, cache=store, progress=progress, stdin=stdin, jobs=jobs):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                articles.append(item)
        return build_corpus(articles, config, problems, cache=store, workers=workers)


def iter_articles(
    paths: Iterable[str | Path],
    config: Config,
    *,
    cache: CacheArg = True,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
    jobs: int | None = None,
) -> Iterator[Article | Problem]:
    """Analyse the files under `paths`, yielding each Article or Problem as soon as it is done, in order (the
    problems of `paths` themselves, such as a missing file, come first).

    When a file turns out to hold an article already yielded (the same text, or nearly the same passages,
    e.g. a page saved both as .html and .txt), nothing new is yielded for it: the earlier Article is yielded
    again with the same id and a note "also at <path>", and replaces the first one. `build_corpus` does
    that replacing for a list that holds both.

    `jobs`: processes that may analyse articles at once (None: one per core; 1: all in this process). Worker
    processes are only started once a run has shown it has many articles to analyse (a warm cache or a
    small corpus never pays for them); results are still yielded in order, and are the same either way.
    """
    files, problems = discover(list(paths))
    yield from problems
    state = _Seen()
    with _opened(cache) as store, _Workers(config, jobs) as workers:
        pending: deque[_Pending] = deque()
        for n, file in enumerate(files, start=1):
            name = STDIN_NAME if str(file) == STDIN else str(file)
            if progress:
                progress(n, len(files), name)
            pending.append(_start(file, name, config, store, state, workers, stdin, left=len(files) - n))
            while pending and (pending[0].ready or len(pending) > workers.window):
                item = _finish(pending.popleft(), config, store, state, workers.tagger)
                if item is not None:
                    yield item
        while pending:
            item = _finish(pending.popleft(), config, store, state, workers.tagger)
            if item is not None:
                yield item


def build_corpus(
    articles: list[Article],
    config: Config,
    problems: list[Problem],
    *,
    cache: Cache | None = None,
    workers: int = -1,
) -> Corpus:
    """Link the analysed articles and wrap everything up as a Corpus.

    An article given twice under one id (see `iter_articles`) counts once, in its first place, as its last
    version. With a `cache`, links of a corpus analysed before are loaded instead of computed.
    """
    latest: dict[str, Article] = {}
    for article in articles:
        latest[article.id] = article
    articles = list(latest.values())
    links = None
    key = ""
    if cache is not None and cache.enabled:
        key = links_key(articles, config)
        links = cache.get_links(key, {p.id for a in articles for p in a.passages})
    if links is None:
        links = find_links(articles, config.topics, config.thresholds, workers=workers)
        if key:
            cache.put_links(key, links)  # type: ignore[union-attr]
            cache.flush()  # type: ignore[union-attr]
    return Corpus(tuple(articles), topic_infos(config), tuple(links), tuple(problems))


def topic_infos(config: Config) -> tuple[TopicInfo, ...]:
    """What the views need of each configured topic."""
    return tuple(TopicInfo(t.id, t.label, t.colour, t.description) for t in config.topics)


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... so that two files with the same name get different ids."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# --- one file -----------------------------------------------------------------------------------------------


@dataclass
class _Seen:
    """What a run has kept so far, to recognise the same article met again."""

    articles: list[Article] = field(default_factory=list)
    by_hash: dict[str, int] = field(default_factory=dict)  # content hash -> index in `articles`
    by_passage: dict[int, list[int]] = field(default_factory=dict)  # passage fingerprint -> articles
    sizes: list[int] = field(default_factory=list)  # distinct passage fingerprints of each kept article
    taken: set[str] = field(default_factory=set)  # article ids in use
    misses: int = 0  # files analysed so far (not found in the cache)


@dataclass
class _Pending:
    """One file on its way: analysed already (from the cache, or here), failed, or analysing in a worker."""

    name: str
    key: str = ""
    article: Article | None = None
    future: Future | None = None
    problem: str | None = None
    duplicate_of: int | None = None  # the same text as a kept article (found before analysing it)
    fresh: bool = False  # analysed in this run, so to be cached
    task: tuple | None = None  # (bytes, is-html, provisional id) while a worker has it, to redo here if it fails

    @property
    def ready(self) -> bool:
        return self.future is None or self.future.done()


def _start(
    file: Path, name: str, config: Config, store: Cache | None, seen: _Seen, workers: _Workers,
    stdin: BinaryIO | None, left: int,
) -> _Pending:
    """Read a file and get its analysis under way: from the cache, in a worker, or here and now."""
    try:
        data = read_stream(stdin if stdin is not None else sys.stdin.buffer) if str(file) == STDIN else read_bytes(file)
        html = is_html(name, data)
        provisional = slug(name)  # the final id is given in order, in _finish
        key = article_key(data, html) if store is not None else ""
        article = store.get_article(key, config, provisional, name) if store is not None else None
        if article is not None:
            return _Pending(name, key, article)
        seen.misses += 1
        if workers.use(seen.misses, left):
            future = workers.submit(name, data, html, provisional)
            return _Pending(name, key, future=future, fresh=True, task=(data, html, provisional))
        source = source_from_bytes(name, data, html=html)
        if source.content_hash in seen.by_hash:
            return _Pending(name, key, duplicate_of=seen.by_hash[source.content_hash])
        return _Pending(name, key, analyze_source(source, config, workers.tagger, provisional), fresh=True)
    except IngestError as exc:
        return _Pending(name, problem=str(exc))


def _finish(
    item: _Pending, config: Config, store: Cache | None, seen: _Seen, tagger: Tagger
) -> Article | Problem | None:
    """Take a file's analysis into the run, in order: cache it, give it its id, keep it or note it as a copy."""
    name = item.name
    if item.problem is not None:
        return Problem(name, item.problem)
    if item.duplicate_of is not None:
        return _noted(seen, item.duplicate_of, f"also at {name}")
    article = item.article
    if item.future is not None:
        try:
            article = item.future.result()
        except IngestError as exc:
            return Problem(name, str(exc))
        except WorkerFailed:
            assert item.task is not None
            data, html, provisional = item.task
            try:
                article = analyze_source(source_from_bytes(name, data, html=html), config, tagger, provisional)
            except IngestError as exc:
                return Problem(name, str(exc))
    assert article is not None
    if item.fresh and store is not None:
        store.put_article(item.key, config, article)
    if article.content_hash in seen.by_hash:
        return _noted(seen, seen.by_hash[article.content_hash], f"also at {name}")
    if not article.passages:
        return Problem(name, "no article text left after cleaning (every paragraph matched a furniture rule)")
    fingerprints = [_fingerprint(p.text) for p in article.passages]
    same = _near_duplicate(seen, article, fingerprints)
    if same is not None:
        return _noted(seen, same, f"also at {name} (the same article, nearly the same text)")
    article = rebase(article, unique_id(slug(name), seen.taken), name)
    index = len(seen.articles)
    seen.articles.append(article)
    seen.by_hash[article.content_hash] = index
    distinct = set(fingerprints)
    seen.sizes.append(len(distinct))
    for fp in distinct:
        seen.by_passage.setdefault(fp, []).append(index)
    return article


def rebase(article: Article, article_id: str, path: str) -> Article:
    """`article` as found at `path` under `article_id`: passage ids follow the new id (an implicit tag
    cites its source passage by index, so tags need no change)."""
    if article.id == article_id and article.path == path:
        return article
    old = article.id
    if old == article_id:
        return replace(article, path=path)
    passages = tuple(replace(p, id=f"{article_id}:{p.index}", article_id=article_id) for p in article.passages)
    return replace(article, id=article_id, path=path, passages=passages)


class _Workers:
    """Worker processes for analysing articles, started only when a run turns out to need them.

    Each worker is a fresh `python -c` process that imports models.loader and nothing of the caller's (a
    multiprocessing "spawn" child would re-run the caller's main script). Tasks and results travel pickled over
    its stdin and stdout; a thread per worker reads the results into Futures. A worker that fails hands its
    files back to be analysed in this process; if workers cannot be started, everything is analysed here.
    """

    MIN_MISSES = 24  # articles analysed (not from the cache) before workers are considered
    MIN_LEFT = 200  # ...and files still to come: fewer do not pay for starting processes (~0.3 s each)
    PER_WORKER = 6  # files handed out ahead per worker, so none waits

    def __init__(self, config: Config, jobs: int | None) -> None:
        self.config = config
        self.jobs = jobs if jobs is not None else _cores()
        self.tagger = Tagger(config.topics, config.thresholds)
        self.workers: list[_Worker] = []
        self.failed = False

    @property
    def window(self) -> int:
        return self.jobs * self.PER_WORKER if self.workers else 0

    def use(self, misses: int, left: int) -> bool:
        if self.workers:
            return any(w.alive for w in self.workers)
        if self.jobs < 2 or self.failed or misses < self.MIN_MISSES or left < self.MIN_LEFT:
            return False
        try:
            self.workers = [_Worker(self.config) for _ in range(self.jobs)]
        except (OSError, ValueError, pickle.PicklingError):  # no processes here: analyse in this one
            self.close()
            self.failed = True
            return False
        return True

    def submit(self, name: str, data: bytes, html: bool, article_id: str) -> Future:
        live = [w for w in self.workers if w.alive]
        worker = min(live, key=lambda w: len(w.waiting))
        return worker.submit((name, data, html, article_id))

    def close(self) -> None:
        for worker in self.workers:
            worker.close()
        self.workers = []

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WorkerFailed(RuntimeError):
    """A worker process ended or broke its protocol; its files are analysed in this process instead."""


class _Worker:
    def __init__(self, config: Config) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from models.loader import _worker_main; _worker_main()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )
        self.waiting: deque[Future] = deque()
        self.lock = threading.Lock()
        self.alive = True
        _send(self.proc.stdin, config)
        self.reader = threading.Thread(target=self._read, name="parallax-worker-reader", daemon=True)
        self.reader.start()

    def submit(self, task: tuple) -> Future:
        future: Future = Future()
        with self.lock:
            if not self.alive:
                future.set_exception(WorkerFailed("worker ended"))
                return future
            self.waiting.append(future)
        try:
            _send(self.proc.stdin, task)
        except (OSError, ValueError):
            self._fail()
        return future

    def _read(self) -> None:
        try:
            while True:
                ok, payload = _receive(self.proc.stdout)
                with self.lock:
                    future = self.waiting.popleft()
                if ok:
                    future.set_result(payload)
                else:
                    future.set_exception(IngestError(payload))
        except Exception:  # noqa: BLE001 - end of stream, a broken pipe, a bad message: the worker is done
            self._fail()

    def _fail(self) -> None:
        with self.lock:
            self.alive = False
            waiting, self.waiting = list(self.waiting), deque()
        for future in waiting:
            if not future.done():
                future.set_exception(WorkerFailed("worker ended"))

    def close(self) -> None:
        self.alive = False
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(timeout=5)
        self._fail()


def _send(stream, obj: object) -> None:
    blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(blob).to_bytes(8, "little") + blob)
    stream.flush()


def _receive(stream) -> object:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("worker stream ended")
    size = int.from_bytes(head, "little")
    blob = stream.read(size)
    if len(blob) < size:
        raise EOFError("worker stream cut off")
    return pickle.loads(blob)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_main() -> None:
    """A worker process: the config, then (name, bytes, is-html, id) tasks in, (ok, Article or message) out."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the result stream
    try:
        config = _receive(stdin)
    except EOFError:
        return
    tagger = Tagger(config.topics, config.thresholds)  # type: ignore[attr-defined]
    while True:
        try:
            name, data, html, article_id = _receive(stdin)  # type: ignore[misc]
        except EOFError:
            return
        try:
            source = source_from_bytes(name, data, html=html)
            result: tuple[bool, object] = (True, analyze_source(source, config, tagger, article_id))  # type: ignore[arg-type]
        except IngestError as exc:
            result = (False, str(exc))
        _send(stdout, result)


def _noted(seen: _Seen, index: int, note: str) -> Article:
    """The kept article at `index`, with `note` added: yielded again to replace the earlier copy."""
    article = seen.articles[index]
    if note not in article.notes:
        article = replace(article, notes=article.notes + (note,))
        seen.articles[index] = article
    return article


_NON_WORD = re.compile(r"[\W_]+")


def _fingerprint(text: str) -> int:
    """A passage's text with case, punctuation and spacing folded away, hashed."""
    return hash(_NON_WORD.sub(" ", text.casefold()).strip())


def _near_duplicate(seen: _Seen, article: Article, fingerprints: list[int]) -> int | None:
    """The kept article this one is nearly the same as: most passages the same text, both ways."""
    counts: dict[int, int] = {}
    chars: dict[int, int] = {}
    first: dict[int, Passage] = {}
    for fp, passage in zip(fingerprints, article.passages):
        first.setdefault(fp, passage)
    for fp, passage in first.items():
        owners = seen.by_passage.get(fp, ())
        if len(owners) > COMMON_PASSAGE:
            continue
        for owner in owners:
            counts[owner] = counts.get(owner, 0) + 1
            chars[owner] = chars.get(owner, 0) + len(passage.text)
    mine = len(first)
    for owner, shared in sorted(counts.items(), key=lambda kv: -kv[1]):
        theirs = seen.sizes[owner]
        if shared >= NEAR_DUPLICATE_SHARE * max(mine, theirs) and chars[owner] >= min(
            NEAR_DUPLICATE_MIN_CHARS, len(article.text)
        ):
            return owner
    return None


def _opened(cache: CacheArg):
    """A context giving the Cache to use (or None); a cache opened here is closed here."""
    if cache is True:
        return Cache()
    if isinstance(cache, Cache):
        return nullcontext(cache)
    return nullcontext(None)
