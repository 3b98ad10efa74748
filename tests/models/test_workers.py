"""Worker processes analyse articles in parallel when a run has many: same results, same order, and a
worker that fails only means its files are analysed in the main process."""

from __future__ import annotations

import shutil
from concurrent.futures import Future

import pytest

from models import loader as loader_module
from models.loader import analyze
from models.serialize import corpus_to_dict
from tests.conftest import SEEDS


@pytest.fixture
def eager_workers(monkeypatch):
    monkeypatch.setattr(loader_module._Workers, "MIN_MISSES", 1)
    monkeypatch.setattr(loader_module._Workers, "MIN_LEFT", 1)


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "a")
    shutil.copytree(SEEDS, tmp_path / "b")  # the same articles again: noted, not kept twice
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "a" / "binary.txt").write_bytes(bytes(range(256)) * 20)
    return tmp_path


def test_workers_give_the_same_corpus_as_one_process(config, folder, eager_workers):
    serial = analyze([folder], config, cache=False, jobs=1)
    parallel = analyze([folder], config, cache=False, jobs=2)
    assert corpus_to_dict(parallel) == corpus_to_dict(serial)
    assert len(parallel.articles) == 5 and len(parallel.problems) == 2
    assert all(any(n.startswith("also at") for n in a.notes) for a in parallel.articles)


def test_worker_results_are_cached(config, folder, eager_workers):
    analyze([folder], config, jobs=2)
    calls = []
    real = loader_module.analyze_source
    loader_module.analyze_source = lambda *a, **k: calls.append(1) or real(*a, **k)
    try:
        analyze([folder], config, jobs=2)
    finally:
        loader_module.analyze_source = real
    assert calls == []


def test_a_failed_worker_hands_its_files_back(config, folder, eager_workers, monkeypatch):
    def broken(self, task):
        future = Future()
        future.set_exception(loader_module.WorkerFailed("worker ended"))
        return future

    monkeypatch.setattr(loader_module._Worker, "submit", broken)
    corpus = analyze([folder], config, cache=False, jobs=2)
    assert corpus_to_dict(corpus) == corpus_to_dict(analyze([folder], config, cache=False, jobs=1))


def test_workers_that_cannot_start_mean_one_process(config, folder, eager_workers, monkeypatch):
    def refuse(self, config):
        raise OSError("no processes here")

    monkeypatch.setattr(loader_module._Worker, "__init__", refuse)
    monkeypatch.setattr(loader_module._Worker, "close", lambda self: None)
    corpus = analyze([folder], config, cache=False, jobs=2)
    assert len(corpus.articles) == 5
