"""File permissions that bind in tests, also when the suite runs as root (containers, CI images).

Root ignores permission bits, so a test that makes a folder read-only proves nothing as root. `as_user`
runs a function where the bits bind: in this process for an ordinary user; for root, in a forked child
that has dropped to the `nobody` user before calling it (modules are imported before the fork, so the
child needs no access to the interpreter's own folders). `user_folder` makes a folder that user owns,
outside the test's private tmp_path (which root keeps closed to others) and outside any user folder.
"""

from __future__ import annotations

import os
import pickle
import select
import shutil
import signal
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

NOBODY = 65534
T = TypeVar("T")


def is_root() -> bool:
    return os.geteuid() == 0


def chown_tree(path: Path) -> None:
    """Give `path` and everything in it to the user `as_user` runs as (nothing to do for an ordinary user)."""
    if not is_root():
        return
    for item in [path, *path.rglob("*")]:
        os.chown(item, NOBODY, NOBODY, follow_symlinks=False)


@contextmanager
def user_folder() -> Iterator[Path]:
    """A new folder `as_user`'s user owns and may write; permissions restored and removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="parallax-test-"))
    folder.chmod(0o755)
    chown_tree(folder)
    try:
        yield folder
    finally:
        for item in [folder, *folder.rglob("*")]:
            if item.is_dir() and not item.is_symlink():
                item.chmod(0o755)
            elif not item.is_symlink():
                item.chmod(0o644)
        shutil.rmtree(folder, ignore_errors=True)


def as_user(fn: Callable[..., T], *args: Any, timeout: float = 60.0) -> T:
    """`fn(*args)` run as a user file permissions apply to; its result (picklable) or its error re-raised."""
    if not is_root():
        return fn(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, run, send back the outcome, exit without running pytest's teardown
        code = 0
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                outcome: tuple[str, Any] = ("ok", fn(*args))
            except BaseException as exc:  # noqa: BLE001 - reported to the parent
                outcome = ("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
            data = pickle.dumps(outcome)
            while data:
                data = data[os.write(write_end, data):]
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    try:
        while True:
            ready, _, _ = select.select([read_end], [], [], timeout)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                raise AssertionError(f"{fn.__name__} did not finish within {timeout} s as an unprivileged user")
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    if not chunks:
        raise AssertionError(f"{fn.__name__} died as an unprivileged user without a result")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "error":
        raise AssertionError(f"{fn.__name__} failed as an unprivileged user: {value}")
    return value
