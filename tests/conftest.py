"""Shared fixtures. Every test runs with the user's own data, cache and config paths (and HOME) redirected to
a temporary folder, so a developer's bookmarks and cache can never be touched by the test suite.

The redirect happens twice: once for the whole session, before any session- or module-scoped fixture runs
(pytest builds wider-scoped fixtures first, so a session fixture that analyses the seeds would otherwise
write the real cache), and again per test, so each test starts with empty folders of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

USER_DIR_VARIABLES = {
    "PARALLAX_DATA_DIR": "data",
    "PARALLAX_CACHE_DIR": "cache",
    "PARALLAX_CONFIG_DIR": "config",
    "XDG_DATA_HOME": "xdg-data",
    "XDG_CACHE_HOME": "xdg-cache",
    "XDG_CONFIG_HOME": "xdg-config",
    "HOME": "home",
}


def redirect_user_dirs(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every folder parallax (or platformdirs) could write the user's things to under `home`."""
    for variable, name in USER_DIR_VARIABLES.items():
        monkeypatch.setenv(variable, str(home / name))
    return home


@pytest.fixture(scope="session", autouse=True)
def _private_user_dirs_for_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Session-wide: in place before any wider-scoped fixture (seeds_corpus, module fixtures) is built."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield redirect_user_dirs(tmp_path_factory.mktemp("session-user"), monkeypatch)


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    return redirect_user_dirs(tmp_path_factory.mktemp("user"), monkeypatch)


@pytest.fixture(scope="session")
def config(_private_user_dirs_for_the_session: Path) -> Config:
    return load_config()


@pytest.fixture(scope="session")
def seeds_corpus(_private_user_dirs_for_the_session: Path, config: Config):
    from models.loader import analyze

    return analyze([SEEDS], config)
