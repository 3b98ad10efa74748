"""models/ is the pure core: importing all of it must not pull in Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import models
from tests.conftest import ROOT


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
