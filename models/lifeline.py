"""A worker process that ends when the process it works for is gone.

`concurrent.futures` workers started by the forkserver outlive a parent killed with SIGKILL (or dying of an
out-of-memory kill): each waits forever on its task queue, whose write end it holds itself, and each holds
the forkserver's "alive" pipe open, so the forkserver and the resource tracker wait forever too (measured:
four processes per run, still there ten minutes later). `watch(pid)`, called in a worker's initializer,
starts a daemon thread that exits the worker as soon as process `pid` has ended; with the workers gone the
forkserver and the tracker see their pipes close and end too.

On Linux the thread waits on a pidfd (no polling, no confusion with a later process given the same pid);
elsewhere it checks every `POLL_SECONDS`.
"""

from __future__ import annotations

import os
import select
import threading
import time

POLL_SECONDS = 1.0


def watch(pid: int) -> threading.Thread:
    """Exit this process (status 0, no clean-up: its parent is gone) once process `pid` has ended."""
    fd: int | None
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # not Linux, an old kernel, or already gone (then the poll sees it)
        fd = None
    thread = threading.Thread(target=_wait_then_exit, args=(pid, fd), name="parallax-lifeline", daemon=True)
    thread.start()
    return thread


def _wait_then_exit(pid: int, fd: int | None) -> None:
    if fd is not None:
        select.select([fd], [], [])  # readable once the process has ended
    else:
        while alive(pid):
            time.sleep(POLL_SECONDS)
    os._exit(0)


def alive(pid: int) -> bool:
    """Whether process `pid` exists and has not ended (a zombie, ended but not yet reaped, counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:  # no /proc (not Linux): os.kill said it exists
        return True
