"""The processes behind runs: is one alive, signal its process group, wait until it is gone.

torch is never imported here; ``tools.train.runs`` re-exports ``process_alive`` for its callers.
"""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

children: dict[int, subprocess.Popen] = {}  # processes this Python started: poll() reaps them


def process_alive(pid: int | None) -> bool:
    """True while ``pid`` runs (a zombie child counts as gone)."""
    if not pid:
        return False
    child = children.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # field 3 of /proc/PID/stat is the state; Z = exited, waiting to be reaped
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def wait_gone(pid: int | None, pgid: int, timeout: float) -> bool:
    """Wait until the leader has exited and no process is left in the group."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not process_alive(pid) and not group_alive(pgid):
            return True
        time.sleep(0.1)
    return False


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
