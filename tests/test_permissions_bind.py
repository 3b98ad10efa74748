"""Tests that make files read-only must test something also when the suite runs as root (CI images,
containers): root ignores permission bits, so such tests run their check through
tests/support/unprivileged.py's `as_user`, where the bits bind."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.unprivileged import as_user, chown_tree, user_folder

TESTS = Path(__file__).resolve().parent


def _try_create(path: Path) -> str:
    try:
        path.write_text("x", encoding="utf-8")
    except PermissionError:
        return "denied"
    return "written"


def test_as_user_is_bound_by_permission_bits():
    with user_folder() as folder:
        chown_tree(folder)
        assert as_user(_try_create, folder / "first.txt") == "written"
        folder.chmod(0o555)
        assert as_user(_try_create, folder / "second.txt") == "denied"


def test_every_test_that_changes_permissions_checks_them_as_a_bound_user():
    changes = re.compile(r"\bchmod\(|\bos\.chown\(|\bos\.umask\(")
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if "support" in path.relative_to(TESTS).parts or path == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        if changes.search(text) and "as_user(" not in text:
            found.append(str(path.relative_to(TESTS)))
    assert found == [], f"these change permissions but never check them through as_user: {found}"
