"""Files to Corpus, in one place: the per-article stage over every file, then the corpus stage, reported as
typed events (models/events.py) that the reader and the command line both consume.

    for event in load(paths, config):      # Progress, ArticleReady, ProblemFound, Notice ... Done
        ...
    corpus = analyze(paths, config)        # the same loop, when only the Corpus matters

Per article (cacheable, in this process or in worker processes): ingest (bytes to safe text; web pages
through trafilatura) -> clean -> meta -> passages -> topics (models/pipeline/article.py). Each file is
analysed on its own, so a bad file becomes a Problem and the others carry on; an article the cache already
holds is loaded instead of analysed; the same article met twice is kept once, with a note. Then the corpus
stage (`corpus_stage`: today links across articles) runs once over all of them.

Worker processes are the standard `concurrent.futures.ProcessPoolExecutor` (forkserver start, an initializer
that builds the tagger once per process), started only when a run shows it has many articles to analyse and
the machine has cores to spare (`_Pool.worth_it`). Results are yielded in file order either way, and are the
same; a worker that dies hands its files back to this process.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from models import lifeline
from models.config import Config
from models.document import Article, Corpus, Passage, Problem, TopicInfo, passage_id
from models.events import (
    ANALYSING,
    LINKING,
    READING,
    REPETITION,
    ArticleReady,
    Done,
    LoadEvent,
    Notice,
    ProblemFound,
    Progress,
)
from models.pipeline.boilerplate import drop_lines, line_key, repeated_lines
from models.pipeline.ingest import (
    STDIN,
    IngestError,
    Source,
    discover,
    is_html,
    read_bytes,
    read_stream,
    slug,
    source_from_bytes,
    source_name,
)
from models.pipeline.corpus import CorpusAnalysis, analyze_corpus, configured_infos
from models.pipeline.gcpause import gc_paused, settle as _settle, settling as _settling
from models.pipeline.model import fingerprint, forget_fingerprints
from models.store.cache import Cache, Repeats, article_key, links_key

if TYPE_CHECKING:  # imported where an article is analysed: a reader on the cache never needs them (start-up)
    from models.pipeline.topics import Tagger

NEAR_DUPLICATE_SHARE = 0.9  # an article whose passages are this share of another's (both ways) is the same article
NEAR_DUPLICATE_MIN_CHARS = 200  # ... when what they share is at least this long
COMMON_PASSAGE = 50  # a passage found in more articles than this (a standard disclaimer) says nothing about sameness

# The most text one article is analysed for. Analysis holds about 60 bytes of memory per character of text
# (tokens, shingles, passages, tags) and takes about 1 s of one core per MB on the development machine: 8 MB
# is ~0.5 GB and ~10 s. Beyond it an article is analysed up to a paragraph break before the limit and the
# rest is left out, which the article's notes and a problem line say (a file that large is rarely one
# article: splitting it into its articles is the better answer, and the message says so).
MAX_ARTICLE_CHARS = 8 * 1024 * 1024
TRUNCATED = "only the first"  # how the note about a bounded article starts

ProgressCallback = Callable[[int, int, str], None]  # the old progress callback: (file number, files, name)
CacheArg = bool | Cache | None


def load(
    paths: Iterable[str | Path],
    config: Config,
    *,
    cache: CacheArg = True,
    stdin: BinaryIO | None = None,
    jobs: int | None = None,
    workers: int = -1,
) -> Iterator[LoadEvent]:
    """Load every article file under `paths` (`-`: one article from `stdin`, default sys.stdin.buffer),
    yielding events as it goes and `Done(corpus)` last.

    `cache`: True uses the cache in the user cache folder, False or None analyses everything afresh, a Cache is
    used as it is (and left open). `jobs`: processes that may analyse articles at once (None: decided by
    `_Pool.worth_it`; 1: all in this process). `workers`: cores rapidfuzz may use for links (-1: all).

    An article found again (the same text, or nearly the same passages, e.g. a page saved both as .html and
    .txt) is not yielded as a new one: the earlier Article is yielded again, with the same id and a note
    "also at <path>", and replaces the first one.
    """
    with _opened(cache) as store, _settling():
        articles: dict[str, Article] = {}
        problems: list[Problem] = []
        told = 0
        for event in _per_article(paths, config, store, stdin, jobs):
            _settle()
            if isinstance(event, ArticleReady):
                articles[event.article.id] = event.article  # a copy found later replaces its first version
            elif isinstance(event, ProblemFound):
                problems.append(event.problem)
            yield event
            if store is not None and len(store.messages) > told:
                yield from (Notice(m, "cache") for m in store.messages[told:])
                told = len(store.messages)
        stage = corpus_stage(list(articles.values()), config, problems, cache=store, workers=workers)
        while True:
            try:
                progress = next(stage)
            except StopIteration as finished:
                corpus = finished.value
                break
            _settle()
            yield progress
        _settle()
        if store is not None and len(store.messages) > told:
            yield from (Notice(m, "cache") for m in store.messages[told:])
        yield Done(corpus)


def analyze(
    paths: Iterable[str | Path],
    config: Config,
    progress: ProgressCallback | None = None,
    *,
    cache: CacheArg = True,
    stdin: BinaryIO | None = None,
    workers: int = -1,
    jobs: int | None = None,
) -> Corpus:
    """`load`, when only the final Corpus matters. `progress(n, total, name)` is called as files are done."""
    for event in load(paths, config, cache=cache, stdin=stdin, jobs=jobs, workers=workers):
        if isinstance(event, Done):
            return event.corpus
        if (progress is not None and isinstance(event, Progress) and event.phase in (READING, ANALYSING)
                and event.done and not event.step):  # a file done
            progress(event.done, event.total, event.name)
    raise AssertionError("load() ended without Done")  # pragma: no cover - load always ends with Done


def iter_articles(
    paths: Iterable[str | Path],
    config: Config,
    *,
    cache: CacheArg = True,
    stdin: BinaryIO | None = None,
    jobs: int | None = None,
) -> Iterator[Article | Problem]:
    """Only the per-article stage, as each Article or Problem is ready (in file order); see `load`."""
    with _opened(cache) as store:
        for event in _per_article(paths, config, store, stdin, jobs):
            if isinstance(event, ArticleReady):
                yield event.article
            elif isinstance(event, ProblemFound):
                yield event.problem


def corpus_stage(
    articles: list[Article],
    config: Config,
    problems: list[Problem],
    *,
    cache: Cache | None = None,
    workers: int = -1,
) -> Generator[Progress, None, Corpus]:
    """The corpus stage's call site: everything that needs all the articles, after the per-article stage.

    A generator: it yields `Progress` for each phase it goes through (the reader and the command line name
    it), and returns the Corpus. The engine's corpus stage (models/pipeline/corpus.py: repetition across
    articles, corpus statistics, implicit references, discovered topics, links) plugs in here the same way:
    `corpus = yield from run_corpus_stage(...)`, yielding its own `Progress(phase, done, total)` between
    steps. An article given twice under one id (see `load`) counts once, in its first place, as its last
    version. With a `cache`, the links of a corpus analysed before are loaded instead of computed.
    """
    # The texts' fingerprints are remembered for this load only (model.fingerprint): forgotten however the
    # stage ends, also when it fails or the reader closes mid-load and the generator is closed.
    try:
        latest: dict[str, Article] = {}
        for article in articles:
            latest[article.id] = article
        yield Progress(REPETITION, 0, 1)
        articles = list(latest.values())
        # One key for the run's corpus, over its articles as they come to this stage: what the stage finds (the
        # repeated furniture, then tags and links) follows from them, the config and the engine.
        key = links_key(articles, config) if cache is not None and cache.enabled else ""
        store = cache if key else None
        articles = _without_repeats(articles, config, store, key)  # the cleaner's corpus part
        _settle()
        yield Progress(LINKING, 0, 1)
        analysis = None
        if store is not None:
            analysis = store.get_corpus(key, articles)
            if analysis is None:  # a corpus a few articles away from one analysed before: relink only those
                analysis = _relinked(store, articles, config, workers)
                if analysis is not None:
                    _settle()
                    store.put_corpus(key, analysis, articles, config)
        if analysis is None:
            analysis = analyze_corpus(articles, config, workers=workers)
            _settle()
            if store is not None:
                store.put_corpus(key, analysis, articles, config)
        if store is not None:
            store.flush()
        yield Progress(LINKING, 1, 1)
        return Corpus(analysis.articles, analysis.topics, analysis.links, tuple(problems))
    finally:
        forget_fingerprints()


def _without_repeats(articles: list[Article], config: Config, cache: Cache | None, key: str) -> list[Article]:
    """The articles without the furniture lines repeated across them (models/pipeline/boilerplate.py); what
    it found is kept in the cache under the corpus's `key`, so the same articles again (a warm run) skip
    finding it, and a corpus a few articles away finds it again only where those articles' lines are."""
    found = cache.get_repeats(key, articles) if cache is not None else None
    if found is None:
        lines = _carriers(articles) if cache is not None else {}  # only a cache keeps them
        near = cache.near_repeats(articles, config) if cache is not None else None
        found = _repeats_near(near, articles, lines, config) if near is not None else None
        if found is None:
            found = repeated_lines(articles, config.cleaning)
        if cache is not None:
            cache.put_repeats(key, found, articles, config,
                              {line: sorted(ids) for line, ids in lines.items() if len(ids) > 1})
    return drop_lines(articles, found)


def _carriers(articles: list[Article]) -> dict[str, set[str]]:
    """Each short line (boilerplate.line_key) -> the ids of the articles carrying it."""
    carriers: dict[str, set[str]] = {}
    for article in articles:
        for passage in article.passages:
            line = line_key(passage.text)
            if line is not None:
                carriers.setdefault(line, set()).add(article.id)
    return carriers


def _repeats_near(near: Repeats, articles: list[Article], carriers: dict[str, set[str]],
                  config: Config) -> dict[str, dict[int, int]] | None:
    """`repeated_lines(articles)`, from what was found in a corpus a few articles away (`near`): found again
    only for the lines a changed, added or removed article carries (or carried), over the articles carrying
    those (at worst all of them); None when the stored lines do not fit these articles.

    Exact, not an estimate: whether a short line is furniture, and in how many articles, follows from the
    articles that carry it (their texts and ids) alone; a line no changed article carries, now or before,
    has the same carriers as before, so the same verdict in each."""
    prints = {a.id: fingerprint(a) for a in articles}
    changed = {aid for aid, fp in prints.items() if near.prints.get(aid) != fp}
    gone = set(near.prints) - set(prints)
    redone = changed | gone
    touched = {line for a in articles if a.id in changed for line in map(line_key, (p.text for p in a.passages))
               if line is not None}
    touched |= {line for line, ids in near.lines.items() if not redone.isdisjoint(ids)}
    again = set().union(*(carriers.get(line, ()) for line in touched)) if touched else set()
    fresh = repeated_lines([a for a in articles if a.id in again], config.cleaning)
    found: dict[str, dict[int, int]] = {}
    for article in articles:
        if article.id not in again:
            if article.id in near.found:
                kept = near.found[article.id]
                if not all(0 <= i < len(article.passages) for i in kept):
                    return None  # not what was stored: look at all again
                found[article.id] = kept
            continue
        before, now = near.found.get(article.id, {}), fresh.get(article.id, {})
        mine: dict[int, int] = {}
        for passage in article.passages:
            line = line_key(passage.text)
            if line is None:
                continue
            count = now.get(passage.index) if line in touched or article.id in changed else before.get(passage.index)
            if count is not None:
                mine[passage.index] = count
        if mine:
            found[article.id] = mine
    return found


def _relinked(cache: Cache, articles: list[Article], config: Config, workers: int) -> CorpusAnalysis | None:
    """The corpus stage's result from a stored corpus near this one, only the changed articles redone
    (models/pipeline/relink.py decides when the change is small enough); None when there is none."""
    base = cache.get_base(articles, config)
    if base is None:
        return None
    _settle()
    from models.pipeline.relink import relink

    return relink(base, articles, config, workers=workers)


def build_corpus(
    articles: list[Article],
    config: Config,
    problems: list[Problem],
    *,
    cache: Cache | None = None,
    workers: int = -1,
) -> Corpus:
    """`corpus_stage` run to its end, for callers that hold the articles already."""
    stage = corpus_stage(articles, config, problems, cache=cache, workers=workers)
    while True:
        try:
            next(stage)
        except StopIteration as finished:
            return finished.value


def topic_infos(config: Config) -> tuple[TopicInfo, ...]:
    """What the views need of each configured topic."""
    return configured_infos(config)


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... so that two files with the same name get different ids."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# --- the per-article stage ----------------------------------------------------------------------------------

STEPS_FROM_CHARS = 256 * 1024  # an article this large reports its steps (cleaning, tagging...) as it goes


def _per_article(
    paths: Iterable[str | Path], config: Config, store: Cache | None, stdin: BinaryIO | None, jobs: int | None
) -> Iterator[Progress | ArticleReady | ProblemFound]:
    """Every file through the per-article stage, in order: from the cache, in a worker, or here."""
    files, problems = discover(list(paths))
    for problem in problems:
        yield ProblemFound(problem)
    total = len(files)
    seen = _Seen()
    done = 0
    yield Progress(READING, 0, total)
    with _Pool(config, jobs) as pool:
        pending: deque[_Pending] = deque()
        for n, file in enumerate(files, start=1):
            name = source_name(file)  # valid UTF-8 even when the file's name is not
            item = _start(file, name, config, store, seen, pool, stdin, left=total - n)
            pending.append(item)
            if item.source is not None:  # analysed here and now, its steps named when it is large
                steps = _analysis(item.source, config, pool.tagger, item.provisional)
                large = len(item.source.text) >= STEPS_FROM_CHARS
                while True:
                    try:
                        with gc_paused():
                            step = next(steps)
                    except StopIteration as finished:
                        item.article, item.caveat = finished.value
                        break
                    if large:
                        yield Progress(ANALYSING, done, total, name, step=step)
                item.source = None
            while pending and (pending[0].ready or len(pending) > pool.window):
                done += 1
                yield from _finish(pending.popleft(), config, store, seen, pool, done, total)
        while pending:
            done += 1
            yield from _finish(pending.popleft(), config, store, seen, pool, done, total)


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
    """One file on its way: from the cache, failed, a copy, analysing in a worker, or to analyse here."""

    name: str
    key: str = ""
    provisional: str = ""  # its id until _finish gives the final one, in order
    article: Article | None = None
    caveat: str | None = None  # the article was analysed only in part: why
    future: Future | None = None
    source: Source | None = None  # to be analysed in this process
    problem: str | None = None
    duplicate_of: int | None = None  # the same text as a kept article (found before analysing it)
    fresh: bool = False  # analysed in this run, so to be cached
    cached: bool = False  # found in the cache
    prints: tuple[int, ...] | None = None  # its passages' `_fingerprint`s, when the cache kept them
    task: tuple[bytes, bool] | None = None  # (bytes, is-html) while a worker has it, to redo here if it dies

    @property
    def ready(self) -> bool:
        return self.future is None or self.future.done()


def _start(
    file: Path, name: str, config: Config, store: Cache | None, seen: _Seen, pool: _Pool,
    stdin: BinaryIO | None, left: int,
) -> _Pending:
    """Read a file and get its analysis under way: from the cache, in a worker, or (source set) here."""
    try:
        data = read_stream(stdin if stdin is not None else sys.stdin.buffer) if str(file) == STDIN else read_bytes(file)
        html = is_html(name, data)
        provisional = slug(name)
        key = article_key(data, html) if store is not None else ""
        found = store.get_analysed(key, config, provisional, name) if store is not None else None
        if found is not None:
            article, prints = found
            caveat = _caveat_of(article) if len(data) > MAX_ARTICLE_CHARS else None
            return _Pending(name, key, provisional, article, caveat=caveat, cached=True, prints=prints)
        seen.misses += 1
        if pool.use(seen.misses, left):
            future = pool.submit(name, data, html, provisional)
            if future is not None:
                return _Pending(name, key, provisional, future=future, fresh=True, task=(data, html))
        source = source_from_bytes(name, data, html=html)
        if source.content_hash in seen.by_hash:
            return _Pending(name, key, duplicate_of=seen.by_hash[source.content_hash])
        return _Pending(name, key, provisional, source=source, fresh=True)
    except IngestError as exc:
        return _Pending(name, problem=str(exc))


def _finish(
    item: _Pending, config: Config, store: Cache | None, seen: _Seen, pool: _Pool, done: int, total: int
) -> Iterator[Progress | ArticleReady | ProblemFound]:
    """Take a file's analysis into the run, in order: cache it, give it its id, keep it or note it as a copy."""
    name = item.name
    yield Progress(READING if item.cached else ANALYSING, done, total, name)
    if item.problem is not None:
        yield ProblemFound(Problem(name, item.problem))
        return
    if item.duplicate_of is not None:
        yield ArticleReady(_noted(seen, item.duplicate_of, f"also at {name}"))
        return
    article, caveat = item.article, item.caveat
    if item.future is not None:
        try:
            article, caveat = item.future.result()
        except IngestError as exc:
            yield ProblemFound(Problem(name, str(exc)))
            return
        except BrokenProcessPool:  # the worker died (killed, out of memory): analyse its file here instead
            pool.broken = True
            assert item.task is not None
            data, html = item.task
            try:
                source = source_from_bytes(name, data, html=html)
            except IngestError as exc:
                yield ProblemFound(Problem(name, str(exc)))
                return
            with gc_paused():
                article, caveat = _drive(_analysis(source, config, pool.tagger, item.provisional))
    assert article is not None
    fingerprints = item.prints
    if fingerprints is None:
        fingerprints = tuple(_fingerprint(p.text) for p in article.passages)
    if item.fresh and store is not None:
        store.put_article(item.key, config, article, fingerprints)
    if caveat is not None:
        yield ProblemFound(Problem(name, caveat))
    if article.content_hash in seen.by_hash:
        yield ArticleReady(_noted(seen, seen.by_hash[article.content_hash], f"also at {name}"))
        return
    if not article.passages:
        yield ProblemFound(
            Problem(name, "no article text left after cleaning (every paragraph matched a furniture rule)"))
        return
    same = _near_duplicate(seen, article, fingerprints)
    if same is not None:
        yield ArticleReady(_noted(seen, same, f"also at {name} (the same article, nearly the same text)"))
        return
    article = rebase(article, unique_id(item.provisional or slug(name), seen.taken), name)
    index = len(seen.articles)
    seen.articles.append(article)
    seen.by_hash[article.content_hash] = index
    distinct = set(fingerprints)
    seen.sizes.append(len(distinct))
    for fp in distinct:
        seen.by_passage.setdefault(fp, []).append(index)
    yield ArticleReady(article)


def _analysis(
    source: Source, config: Config, tagger: Tagger, article_id: str
) -> Generator[str, None, tuple[Article, str | None]]:
    """One article through the per-article stage, its text bounded first (MAX_ARTICLE_CHARS); returns the
    Article and, when only part of it was analysed, the caveat to report."""
    source, caveat = _bounded(source)
    article = yield from article_steps(source, config, tagger, article_id)
    return article, caveat


def article_steps(source: Source, config: Config, tagger: Tagger,
                  article_id: str) -> Generator[str, None, Article]:
    """models.pipeline.article's steps, imported when the first article is analysed in this process: a run
    whose articles all come from the cache (a reader's start-up) never imports the per-article pipeline."""
    from models.pipeline.article import article_steps as steps

    return steps(source, config, tagger, article_id)


def _drive(steps: Generator[str, None, tuple[Article, str | None]]) -> tuple[Article, str | None]:
    while True:
        try:
            next(steps)
        except StopIteration as finished:
            return finished.value


def _bounded(source: Source) -> tuple[Source, str | None]:
    """`source` cut to MAX_ARTICLE_CHARS (at a paragraph break, else a line break or a space, before it) and
    the note saying so; `source` itself when it is within the limit."""
    text = source.text
    if len(text) <= MAX_ARTICLE_CHARS:
        return source, None
    cut = -1
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, 0, MAX_ARTICLE_CHARS)
        if cut >= MAX_ARTICLE_CHARS // 2:
            break
    if cut < MAX_ARTICLE_CHARS // 2:
        cut = MAX_ARTICLE_CHARS
    note = (
        f"{TRUNCATED} {_mb(cut)} of its {_mb(len(text))} of text were analysed: one article is analysed up to "
        f"{_mb(MAX_ARTICLE_CHARS)}, which takes about 0.5 GB of memory; split the file into its articles to "
        "read the rest"
    )
    return replace(source, text=text[:cut], notes=source.notes + (note,)), note


def _caveat_of(article: Article) -> str | None:
    """The note `_bounded` left on a cached article (so a warm run reports it as a cold one did)."""
    return next((note for note in article.notes if note.startswith(TRUNCATED)), None)


def _mb(chars: int) -> str:
    return f"{chars / (1024 * 1024):.1f} MB"


def rebase(article: Article, article_id: str, path: str) -> Article:
    """`article` as found at `path` under `article_id`: passage ids follow the new id (an implicit tag
    cites its source passage by index, so tags need no change)."""
    if article.id == article_id and article.path == path:
        return article
    old = article.id
    if old == article_id:
        return replace(article, path=path)
    passages = tuple(replace(p, id=passage_id(article_id, p.index), article_id=article_id) for p in article.passages)
    return replace(article, id=article_id, path=path, passages=passages)


# --- worker processes ---------------------------------------------------------------------------------------


class _Pool:
    """Worker processes for the per-article stage, started only when they pay.

    A `ProcessPoolExecutor` over the forkserver start method (a clean server process with the analysis
    modules imported once, each worker forked from it: no state of the caller's, no fork of a process
    holding threads); its initializer builds the config's tagger once per worker. As with any
    multiprocessing start method but fork, each worker imports the caller's main module: a script that
    loads a large corpus must keep its work under `if __name__ == "__main__":` (parallax's own entry
    points, the benchmarks and pytest do). A
    pool that cannot start (no semaphores, no processes allowed) or whose worker dies (killed, out of memory)
    leaves the rest of the run to this process; a dead worker's files are analysed here again.
    """

    MIN_MISSES = 24  # articles analysed (not from the cache) before workers are considered
    MIN_LEFT = 200  # ...and files still to come: fewer do not pay for starting the processes
    PER_WORKER = 6  # files handed out ahead per worker, so none waits
    task: Callable[..., tuple[Article, str | None]]  # what a worker runs: _analyse_in_worker (a test swaps it)

    def __init__(self, config: Config, jobs: int | None) -> None:
        self.config = config
        self.chosen = jobs is not None  # the caller named the number of processes: no second-guessing
        self.jobs = jobs if jobs is not None else _cores()
        self._tagger: Tagger | None = None
        self.executor: ProcessPoolExecutor | None = None
        self.broken = False

    @property
    def tagger(self) -> Tagger:
        """The config's tagger, built when the first article is analysed here (none from the cache needs it)."""
        if self._tagger is None:
            from models.pipeline.topics import Tagger

            self._tagger = Tagger(self.config.topics, self.config.thresholds)
        return self._tagger

    @property
    def window(self) -> int:
        return self.jobs * self.PER_WORKER if self.executor is not None and not self.broken else 0

    def worth_it(self, misses: int, left: int) -> bool:
        """Workers pay when there are many articles left to analyse and a core idle to run them on.

        Measured on the 2-core development machine (1,000 generated articles, cold, no cache; paired runs):
        pinned to one core, two workers cost the same as one process (0.96x wall), so their overhead is
        small; with the machine loaded to 7 on 2 cores they finished in 0.88x the wall time, but only by
        taking a larger share of cores others were using. So they start only when the load average leaves a
        core idle, and never inside a worker (daemonic) process.
        """
        if self.jobs < 2 or misses < self.MIN_MISSES or left < self.MIN_LEFT:
            return False
        if multiprocessing.current_process().daemon:  # a daemonic process may not have children
            return False
        return self.chosen or _idle_cores() >= 1.0

    def use(self, misses: int, left: int) -> bool:
        if self.broken:
            return False
        if self.executor is not None:
            return True
        if not self.worth_it(misses, left):
            return False
        try:
            self.executor = ProcessPoolExecutor(
                self.jobs, mp_context=_context(), initializer=_init_worker,
                initargs=(self.config, os.getpid()),
            )
        except (OSError, ValueError, ImportError, NotImplementedError):  # no processes here: analyse in this one
            self.broken = True
            return False
        return True

    def submit(self, name: str, data: bytes, html: bool, article_id: str) -> Future | None:
        """The file under way in a worker; None when the pool cannot take it (then it is analysed here)."""
        assert self.executor is not None
        try:
            return self.executor.submit(self.task, name, data, html, article_id)
        except (OSError, RuntimeError):  # processes that cannot start, or a pool already broken
            self.broken = True
            return None

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["models.loader"])
        return context
    return multiprocessing.get_context("spawn")  # Windows


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _idle_cores() -> float:
    """Cores not busy with other work (the load average, less this process)."""
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on Unix: assume the cores are there
        return float(_cores())
    return _cores() - max(busy - 1.0, 0.0)


_worker: tuple[Config, Tagger] | None = None  # in a worker process: the config and its tagger


def _init_worker(config: Config, parent: int) -> None:
    global _worker
    lifeline.watch(parent)  # a worker ends with the process it works for, even one killed with SIGKILL
    from models.pipeline.topics import Tagger

    _worker = (config, Tagger(config.topics, config.thresholds))


def _analyse_in_worker(name: str, data: bytes, html: bool, article_id: str) -> tuple[Article, str | None]:
    """A worker's task: one file's bytes to its Article (IngestError travels back as itself)."""
    assert _worker is not None, "worker not initialised"
    config, tagger = _worker
    source = source_from_bytes(name, data, html=html)
    with gc_paused():
        return _drive(_analysis(source, config, tagger, article_id))


_Pool.task = staticmethod(_analyse_in_worker)


def _noted(seen: _Seen, index: int, note: str) -> Article:
    """The kept article at `index`, with `note` added: yielded again to replace the earlier copy."""
    article = seen.articles[index]
    if note not in article.notes:
        article = replace(article, notes=article.notes + (note,))
        seen.articles[index] = article
    return article


_NON_WORD = re.compile(r"[\W_]+")


def _fingerprint(text: str) -> int:
    """A passage's text with case, punctuation and spacing folded away, hashed: a number that is the same in
    every process (the cache keeps it beside the article, so a warm run does not fold every passage again)."""
    folded = _NON_WORD.sub(" ", text.casefold()).strip()
    return int.from_bytes(blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little",
                          signed=True)


def _near_duplicate(seen: _Seen, article: Article, fingerprints: tuple[int, ...]) -> int | None:
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
