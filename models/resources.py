"""The files parallax ships with: the default `config.yaml` and the `seeds/` articles.

In a checkout they sit at the top of the repository, where a person edits them. A wheel carries them as
package data inside `models/bundled/` (pyproject.toml's force-include copies them there), so an installed
tool (`uv tool install`, pipx) finds them through importlib.resources without the checkout. Both are read
from here, so the two places can never disagree about which one wins: the packaged copy when it is there,
else the checkout's.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGED = "bundled"  # the folder inside the `models` package that a wheel puts the files in
CHECKOUT = Path(__file__).resolve().parent.parent  # the repository top, when running from a checkout


class MissingResource(FileNotFoundError):
    """A file that should ship with parallax is in neither place: a broken installation."""


def _find(name: str) -> Path:
    packaged = resources.files("models").joinpath(PACKAGED, name)
    if packaged.is_file() or packaged.is_dir():
        # A wheel is unpacked on disk by pip, uv and pipx, so this is a real path; a zipped install is not
        # supported (the seeds are read as a folder).
        if isinstance(packaged, Path):
            return packaged
        raise MissingResource(f"the bundled {name} is inside an archive ({packaged}); install parallax unpacked")
    here = CHECKOUT / name
    if here.exists():
        return here
    raise MissingResource(f"the bundled {name} is missing from this installation (looked in {packaged} and {here})")


def config_path() -> Path:
    """The default config.yaml."""
    return _find("config.yaml")


def seeds_path() -> Path:
    """The folder of sample articles opened when no paths are given."""
    return _find("seeds")
