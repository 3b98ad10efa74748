"""Where parallax keeps the user's things: platformdirs paths, each overridable by an environment variable.

Tests point every one of these at a temporary folder (tests/conftest.py), so the suite can never touch a
person's real bookmarks, cache or config.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "parallax"


def _pick(env: str, default: Path, override: str | Path | None) -> Path:
    if override:
        return Path(override).expanduser()
    value = os.environ.get(env)
    return Path(value).expanduser() if value else default


def data_dir(override: str | Path | None = None) -> Path:
    """Bookmarks and other things the user made: `--data-dir`, else $PARALLAX_DATA_DIR, else platformdirs."""
    return _pick("PARALLAX_DATA_DIR", platformdirs.user_data_path(APP), override)


def cache_dir(override: str | Path | None = None) -> Path:
    """Re-creatable analysis results: $PARALLAX_CACHE_DIR, else platformdirs' user cache path."""
    return _pick("PARALLAX_CACHE_DIR", platformdirs.user_cache_path(APP), override)


def config_dir(override: str | Path | None = None) -> Path:
    """The user's own config.yaml lives here: $PARALLAX_CONFIG_DIR, else platformdirs' user config path."""
    return _pick("PARALLAX_CONFIG_DIR", platformdirs.user_config_path(APP), override)
