"""The benchmarks' stage tables name functions that exist (a function moved or renamed must not leave a stage
timing nothing, or fail only when someone runs the benchmark: bench_corpus --stages did once)."""

from __future__ import annotations

import importlib

import pytest

from benchmarks import bench_changed, bench_corpus


def _exists(module_name: str, attribute: str) -> bool:
    owner = importlib.import_module(module_name)
    for part in attribute.split("."):
        if not hasattr(owner, part):
            return False
        owner = getattr(owner, part)
    return callable(owner)


@pytest.mark.parametrize("stage", bench_corpus.STAGES, ids=lambda s: s[0])
def test_every_stage_of_bench_corpus_names_a_function(stage):
    _, module_name, attribute = stage
    assert _exists(module_name, attribute), f"{module_name}.{attribute} is gone: update benchmarks/bench_corpus.py"


def test_every_stage_of_bench_changed_names_a_function_here():
    """bench_changed may also name a function of an older checkout it is compared with; every stage must still
    name one of this checkout's."""
    stages: dict[str, bool] = {}
    for name, module_name, attribute in bench_changed.STAGES:
        stages[name] = stages.get(name, False) or _exists(module_name, attribute)
    assert [name for name, found in stages.items() if not found] == []
