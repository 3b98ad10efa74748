"""The loader: one loop from files to Corpus, reported as typed events; worker processes that give the same
results as one process; the work per article bounded and said so."""

from __future__ import annotations

from dataclasses import replace

import os
import shutil
from concurrent.futures import ProcessPoolExecutor

import pytest

from models import loader as loader_module
from models.document import Corpus
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
from models.loader import analyze, load
from models.serialize import corpus_to_dict
from models.store.cache import Cache
from tests.conftest import SEEDS

ONE = SEEDS / "004_c17863d213641cf5.txt"


def final(events: list[LoadEvent]) -> Corpus:
    """The corpus of the Done event that ends `events`."""
    last = events[-1]
    assert isinstance(last, Done)
    return last.corpus


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "a")
    shutil.copytree(SEEDS, tmp_path / "b")  # the same articles again: noted, not kept twice
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "a" / "binary.txt").write_bytes(bytes(range(256)) * 20)
    return tmp_path


@pytest.fixture
def eager_workers(monkeypatch):
    monkeypatch.setattr(loader_module._Pool, "MIN_MISSES", 1)
    monkeypatch.setattr(loader_module._Pool, "MIN_LEFT", 1)


# --- events ---------------------------------------------------------------------------------------------------


def test_events_come_in_order_partial_results_first_done_last(config, folder):
    missing = folder / "missing.txt"
    events = list(load([missing, folder], config, cache=False))
    assert isinstance(events[0], ProblemFound) and events[0].problem.path == str(missing)
    assert events[1] == Progress(READING, 0, 12)
    assert isinstance(events[-1], Done) and sum(isinstance(e, Done) for e in events) == 1
    linking = [i for i, e in enumerate(events) if isinstance(e, Progress) and e.phase == LINKING]
    ready = [i for i, e in enumerate(events) if isinstance(e, ArticleReady)]
    assert linking and ready and max(ready) < min(linking), "the corpus stage runs after every article"
    phases = [e.phase for e in events[max(ready):] if isinstance(e, Progress)]
    assert phases == [REPETITION, LINKING, LINKING], "each corpus phase is named before it runs"
    first_linking = events[linking[0]]
    assert isinstance(first_linking, Progress) and first_linking.label == "Discovering topics and linking passages"
    files = [e for e in events if isinstance(e, Progress) and e.phase in (READING, ANALYSING)][1:]
    assert [e.done for e in files] == list(range(1, 13)) and all(e.total == 12 for e in files)
    # each file's progress comes before what it gave
    first: dict[str, int] = {}
    for i, event in enumerate(events):
        if isinstance(event, ArticleReady):
            first.setdefault(event.article.id, i)
    for i in first.values():
        previous, got = events[i - 1], events[i]
        assert isinstance(previous, Progress) and isinstance(got, ArticleReady)
        assert previous.name == got.article.path


def test_a_copy_is_yielded_again_under_its_first_id_and_done_has_the_last_version(config, folder):
    events = list(load([folder], config, cache=False))
    ready = [e.article for e in events if isinstance(e, ArticleReady)]
    corpus = final(events)
    assert len(ready) == 10 and len({a.id for a in ready}) == 5
    assert [a.id for a in corpus.articles] == [a.id for a in ready[:5]]
    last = {a.id: a for a in ready}
    # the final corpus is what each article was when ready, its tags revised by the corpus stage (discovered
    # topics, configured topics in context: models.pipeline.context)
    def per_article(article):
        return replace(article, passages=tuple(replace(p, topics=()) for p in article.passages))

    assert all(per_article(a) == per_article(last[a.id]) for a in corpus.articles)
    assert all(any(n.startswith("also at") for n in a.notes) for a in corpus.articles)


def test_problems_name_their_files_and_the_corpus_keeps_them(config, folder):
    events = list(load([folder], config, cache=False))
    problems = [e.problem for e in events if isinstance(e, ProblemFound)]
    assert sorted(os.path.basename(p.path) for p in problems) == ["binary.txt", "empty.txt"]
    assert final(events).problems == tuple(problems)


def test_the_cache_speaks_through_a_notice(config, tmp_path):
    broken = tmp_path / "cache.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    with Cache(broken) as store:
        events = list(load([ONE], config, cache=store))
    notices = [e.message for e in events if isinstance(e, Notice)]
    assert notices and "moved aside" in notices[0]
    assert events.index(next(e for e in events if isinstance(e, Notice))) < len(events) - 1


def test_analyze_is_load_run_to_its_end(config, folder):
    done = final(list(load([folder], config, cache=False)))
    assert corpus_to_dict(analyze([folder], config, cache=False)) == corpus_to_dict(done)


def test_a_large_article_names_its_steps(config, monkeypatch):
    monkeypatch.setattr(loader_module, "STEPS_FROM_CHARS", 1000)
    steps = [e.step for e in load([ONE], config, cache=False) if isinstance(e, Progress) and e.step]
    assert steps == ["cleaning", "tagging topics"]


# --- the work per article is bounded --------------------------------------------------------------------------


def test_an_article_beyond_the_limit_is_analysed_in_part_and_says_so(config, tmp_path, monkeypatch):
    monkeypatch.setattr(loader_module, "MAX_ARTICLE_CHARS", 3000)
    text = ONE.read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(text * 3, encoding="utf-8")
    for run in ("cold", "warm"):
        events = list(load([big], config))
        [problem] = [e.problem for e in events if isinstance(e, ProblemFound)]
        assert problem.path == str(big) and problem.message.startswith("only the first"), run
        assert "split the file" in problem.message
        [article] = final(events).articles
        assert len(article.text) <= 3000 and problem.message in article.notes
        assert article.passages and text.split("\n\n")[-1] not in article.text


def test_an_article_within_the_limit_is_whole(config):
    events = list(load([ONE], config, cache=False))
    assert not [e for e in events if isinstance(e, ProblemFound)]


# --- worker processes -----------------------------------------------------------------------------------------


def test_workers_give_the_same_corpus_as_one_process(config, folder, eager_workers):
    serial = analyze([folder], config, cache=False, jobs=1)
    parallel = analyze([folder], config, cache=False, jobs=2)
    assert corpus_to_dict(parallel) == corpus_to_dict(serial)
    assert len(parallel.articles) == 5 and len(parallel.problems) == 2


def test_workers_are_the_standard_pool_and_their_results_are_cached(config, folder, eager_workers, monkeypatch):
    started = []
    real_init = ProcessPoolExecutor.__init__

    def spy(self, *args, **kwargs):
        started.append(kwargs["mp_context"].get_start_method())
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", spy)
    analyze([folder], config, jobs=2)
    assert started == ["forkserver"]
    calls: list[str] = []
    real = loader_module.article_steps

    def counting(source, *args, **kwargs):
        calls.append(source.path)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(loader_module, "article_steps", counting)
    analyze([folder], config, jobs=2)
    assert calls == [], "a warm run analyses nothing"


def test_workers_that_cannot_start_mean_one_process(config, folder, eager_workers, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(loader_module, "ProcessPoolExecutor", refuse)
    corpus = analyze([folder], config, cache=False, jobs=2)
    assert corpus_to_dict(corpus) == corpus_to_dict(analyze([folder], config, cache=False, jobs=1))


def test_a_pool_that_refuses_work_means_one_process(config, folder, eager_workers, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise RuntimeError("cannot schedule new futures after shutdown")

    monkeypatch.setattr(ProcessPoolExecutor, "submit", refuse)
    corpus = analyze([folder], config, cache=False, jobs=2)
    assert len(corpus.articles) == 5 and len(corpus.problems) == 2


def crash_on_the_third(name: str, data: bytes, html: bool, article_id: str):
    """A worker task that kills its process on one file (as the out-of-memory killer would)."""
    if name.endswith("002_ff4d2832215704ef.txt") and "/a/" in name:
        os._exit(9)
    return loader_module._analyse_in_worker(name, data, html, article_id)


def test_a_worker_that_dies_loses_no_file(config, folder, eager_workers, monkeypatch):
    assert (folder / "a" / "002_ff4d2832215704ef.txt").is_file()
    monkeypatch.setattr(loader_module._Pool, "task", staticmethod(crash_on_the_third))
    corpus = analyze([folder], config, cache=False, jobs=2)
    assert corpus_to_dict(corpus) == corpus_to_dict(analyze([folder], config, cache=False, jobs=1))
