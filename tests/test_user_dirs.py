"""The test suite never writes into the developer's own folders: checked by running fixtures that analyse
(with the cache on) in a child pytest whose HOME is an empty folder, with no redirecting variables set."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

REDIRECTS = ("PARALLAX_DATA_DIR", "PARALLAX_CACHE_DIR", "PARALLAX_CONFIG_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME",
             "XDG_CONFIG_HOME")


def test_wider_scoped_fixtures_see_redirected_folders(seeds_corpus):
    """What the child run below runs: the session fixture analyses the seeds with the cache on."""
    from models.paths import cache_dir

    assert len(seeds_corpus.articles) == 5
    assert str(cache_dir()).startswith(os.environ["PARALLAX_CACHE_DIR"])


def test_the_suite_leaves_a_fresh_home_empty(tmp_path):
    home = tmp_path / "fresh-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in REDIRECTS}
    env.update(HOME=str(home), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_user_dirs.py::test_wider_scoped_fixtures_see_redirected_folders"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert written == [], f"the test suite wrote into HOME: {written}"
