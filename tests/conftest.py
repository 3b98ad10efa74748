"""Shared fixtures. Every test runs with the user's own data, cache and config paths redirected to a
temporary folder, so a developer's bookmarks can never be touched by the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="session")
def seeds_corpus(config: Config):
    from models.loader import analyze

    return analyze([SEEDS], config)
