"""models/ is the pure core: importing all of it must not pull in Textual or Rich, and inside it the pipeline
depends on nothing downstream of it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import models
from tests.conftest import ROOT
from tests.support.imports import import_graph, reached


def test_models_never_import_textual_or_rich():
    names = sorted(m.name for m in pkgutil.walk_packages(models.__path__, "models."))
    assert len(names) >= 30
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "", f"models imported: {done.stdout.strip()}"


def test_loading_from_the_cache_does_not_import_numpy():
    """numpy is for computing links and topics: the loader and the cache, which a reader whose corpus comes
    from the cache uses, must not pull it in (75 ms of start-up)."""
    code = (
        "import sys\n"
        "import models.loader, models.store.cache, models.pipeline.corpus, models.serialize\n"
        "print('numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


# Downstream of the pipeline: what reads or keeps its results. The pipeline turns files into analysed articles
# and links; the stores (analysis cache, bookmarks), the insight on top (coverage, voices, perspectives), the
# exports and the reader depend on it, never the other way round (issue 13's layering rule).
_DOWNSTREAM_OF_PIPELINE = ("models.store", "models.insight", "models.export", "models.loader", "tui")


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_pipeline_imports_neither_the_stores_nor_insight():
    """Counting imports inside functions and imports through other modules (models/pipeline -> models/x ->
    models/store is as much a dependency as a direct one)."""
    graph = import_graph()
    pipeline = sorted(n for n in graph if _within(n, ("models.pipeline",)))
    assert len(pipeline) >= 20 and "models.pipeline.links" in reached(graph, "models.pipeline.corpus")
    bad = {
        name: " -> ".join(chain)
        for name in pipeline
        for target, chain in reached(graph, name).items()
        if _within(target, _DOWNSTREAM_OF_PIPELINE)
    }
    assert not bad, f"the pipeline imports what is downstream of it: {bad}"


def test_models_never_import_the_reader():
    graph = import_graph()
    bad = {name: sorted(t for t in targets if _within(t, ("tui",)))
           for name, targets in graph.items() if _within(name, ("models",))}
    assert not {k: v for k, v in bad.items() if v}
