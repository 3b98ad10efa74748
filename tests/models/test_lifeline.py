"""Worker processes never outlive parallax: killed with SIGKILL mid-analysis, it leaves no forkserver,
worker or resource-tracker process behind (they used to wait forever, holding each other's pipes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from models import lifeline
from tests.conftest import ROOT

PARENT = """
import sys
from models.config import load_config
from models.loader import _Pool

if __name__ == "__main__":
    with _Pool(load_config(), 2) as pool:
        assert pool.use(10**6, 10**6), "the pool did not start"
        futures = [pool.executor.submit(pow, 2, n) for n in range(4)]
        [f.result() for f in futures]
        print("running", flush=True)
        sys.stdin.read()  # until killed
"""


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        children: set[int] = set()
        for parent in frontier:
            try:
                with open(f"/proc/{parent}/task/{parent}/children", encoding="ascii") as f:
                    children |= {int(c) for c in f.read().split()}
            except OSError:
                pass
        frontier = children - found
        found |= children
    return found


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads the process tree from /proc (Linux)")
def test_a_killed_parent_leaves_no_worker_process_behind(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "running"
        helpers = _descendants(parent.pid)
        assert len(helpers) >= 3  # the forkserver, two workers (and the resource tracker)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and [p for p in helpers if lifeline.alive(p)]:
        time.sleep(0.2)
    left = [p for p in helpers if lifeline.alive(p)]
    for pid in left:  # never leave them for the next test
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"{len(left)} of {len(helpers)} helper processes outlived their killed parent"


def test_alive_tells_a_running_process_from_an_ended_one():
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    assert lifeline.alive(child.pid) and lifeline.alive(os.getpid())
    assert child.stdin is not None
    child.stdin.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and lifeline.alive(child.pid):  # a zombie until reaped: ended
        time.sleep(0.05)
    assert not lifeline.alive(child.pid)
    child.wait()
    assert not lifeline.alive(child.pid)
