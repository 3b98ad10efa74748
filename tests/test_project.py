"""The project's own configuration: what `uv run` does on every start, and what the wheel carries.

The full proof that the wheel works is in .ci/run (it builds the wheel, installs it as a tool outside the
checkout and runs `parallax analyze`); these are the quick checks that say which line broke it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from models import resources
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_uv_run_does_not_recompile_every_file_on_each_start():
    """`[tool.uv] compile-bytecode` made every `uv run` print "Bytecode compiled 2122 files" and spend
    ~130 ms; Python writes each module's .pyc on first import anyway."""
    assert not PYPROJECT.get("tool", {}).get("uv", {}).get("compile-bytecode", False)


def test_the_wheel_carries_config_and_seeds_where_the_code_reads_them():
    included = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included == {
        "config.yaml": f"models/{resources.PACKAGED}/config.yaml",
        "seeds": f"models/{resources.PACKAGED}/seeds",
    }


def test_in_a_checkout_the_files_at_the_top_are_used():
    assert resources.config_path() == ROOT / "config.yaml"
    assert resources.seeds_path() == ROOT / "seeds"


def test_an_installed_package_reads_its_own_copy(tmp_path, monkeypatch):
    package = tmp_path / "models"
    (package / resources.PACKAGED / "seeds").mkdir(parents=True)
    (package / resources.PACKAGED / "config.yaml").write_text("topics: []\n", encoding="utf-8")
    monkeypatch.setattr(resources.resources, "files", lambda name: package)
    assert resources.config_path() == package / resources.PACKAGED / "config.yaml"
    assert resources.seeds_path() == package / resources.PACKAGED / "seeds"


def test_a_missing_file_says_the_installation_is_broken(tmp_path, monkeypatch):
    monkeypatch.setattr(resources.resources, "files", lambda name: tmp_path / "models")
    monkeypatch.setattr(resources, "CHECKOUT", tmp_path / "nowhere")
    with pytest.raises(resources.MissingResource, match="config.yaml is missing from this installation"):
        resources.config_path()


def test_no_path_opens_the_bundled_seeds_wherever_the_command_runs(tmp_path, monkeypatch):
    from tui.cli_common import default_paths

    (tmp_path / "seeds").mkdir()  # someone else's seeds/ in the current folder is not ours
    monkeypatch.chdir(tmp_path)
    assert default_paths() == [str(ROOT / "seeds")]
    assert Path(default_paths()[0]).is_dir()
