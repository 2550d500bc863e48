"""One trainer per run, and one run at a time on this machine unless the user starts it anyway.

Per run, in RUN_DIR:

    trainer.lock    {"pid", "pgid", "start_time"}: who trains this run (start_time is field 22 of
                    /proc/PID/stat, so a recycled pid never passes for the trainer)
    .trainer.flock  the trainer holds an exclusive flock on it for its whole life; the kernel drops
                    it when the process dies, kill -9 included
    .launch.flock   held while a launcher checks for a live trainer and starts one, so two resumes
                    sent at the same moment start exactly one trainer

Per workspace, in the runs folder: ``.slot.flock`` is held by the one trainer that may train, and
``.queue/`` holds one ticket per trainer waiting for it (oldest first). The queued trainer process
waits itself, before loading the model, so no daemon is needed.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from tools.errors import UserError
from tools.workspace import atomic_write_text, runs_dir

LOCK = "trainer.lock"
_held: list = []  # open files whose flocks this process keeps until it exits


def proc_start_time(pid: int | None) -> int | None:
    """When ``pid`` started (clock ticks after boot), or None when it is gone or a zombie."""
    if not pid:
        return None
    try:
        fields = Path(f"/proc/{int(pid)}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError, ValueError):
        return None
    # fields[0] is field 3 (state; Z = exited, waiting to be reaped) and fields[19] is field 22 (starttime).
    return None if fields[0] == "Z" else int(fields[19])


def read_lock(run_dir: Path) -> dict:
    try:
        data = json.loads((Path(run_dir) / LOCK).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def live_holder(run_dir: Path) -> dict | None:
    """The lock's {pid, pgid, start_time} while that very process runs, else None. A trainer that
    holds the flock but has not written its lock yet counts too (its pid is then unknown)."""
    lock = read_lock(run_dir)
    if lock.get("pid") and lock.get("start_time") is not None and proc_start_time(lock["pid"]) == lock["start_time"]:
        return lock
    return {"pid": None, "pgid": None} if _flock_busy(Path(run_dir) / ".trainer.flock") else None


def _flock_busy(path: Path) -> bool:
    """Whether a holder keeps its exclusive flock on ``path``. The probe takes a shared lock, so two
    probes at the same moment (a status poll beside a resume) never see each other as the holder."""
    if not path.exists():
        return False
    with open(path, "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
        return False


def record(run_dir: Path, pid: int, pgid: int) -> dict:
    """Name ``pid`` (process group ``pgid``) as the run's trainer."""
    lock = {"pid": pid, "pgid": pgid, "start_time": proc_start_time(pid)}
    atomic_write_text(Path(run_dir) / LOCK, json.dumps(lock) + "\n")
    return lock


@contextlib.contextmanager
def launching(run_dir: Path) -> Iterator[None]:
    """Exclusive while a launcher checks for a live trainer and starts one."""
    with open(Path(run_dir) / ".launch.flock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def refuse_if_trained(run_dir: Path, run_id: str) -> None:
    """A UserError while a live trainer holds the run."""
    holder = live_holder(run_dir)
    if holder:
        who = f" (process {holder['pid']})" if holder.get("pid") else ""
        raise UserError(f"Run {run_id} already has a trainer{who}; stop it first or let it finish.",
                        zh=f"运行 {run_id} 已有训练进程{who};请先停止它,或等它结束。")


def hold_trainer(run_dir: Path, wait_s: float = 5.0) -> None:
    """Called by the trainer process: take the run's flock for life and record itself, or raise a
    UserError when another live trainer has it. (A launcher's probe holds it for an instant: retry.)"""
    fh = open(Path(run_dir) / ".trainer.flock", "a+b")
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                fh.close()
                raise UserError(f"Another trainer is already running {Path(run_dir).name}; this one does nothing.",
                                zh=f"{Path(run_dir).name} 已有另一个训练进程在运行;本进程不做任何事。") from None
            time.sleep(0.1)
    _held.append(fh)
    record(run_dir, os.getpid(), os.getpgid(0))


def wait_for_slot(report: Callable[[int], None], stop: Callable[[], bool], every_s: float = 1.0) -> bool:
    """Called by the trainer process before it loads the model: wait (oldest ticket first) until no
    other trainer holds this workspace's training slot, then hold it for life. ``report(n)`` hears
    how many runs are ahead whenever that changes; returns False when ``stop()`` asks to give up."""
    queue = runs_dir() / ".queue"
    queue.mkdir(parents=True, exist_ok=True)
    ticket = queue / f"{time.time_ns():020d}-{os.getpid()}.json"
    atomic_write_text(ticket, json.dumps({"pid": os.getpid(), "start_time": proc_start_time(os.getpid())}))
    slot, last = open(runs_dir() / ".slot.flock", "a+b"), None
    try:
        while not stop():
            ahead = _tickets_ahead(queue, ticket)
            if ahead == 0 and _try_lock(slot):
                _held.append(slot)
                return True
            ahead += 1 if ahead == 0 or _flock_busy(runs_dir() / ".slot.flock") else 0
            if ahead != last:
                report(ahead)
                last = ahead
            time.sleep(every_s)
        slot.close()
        return False
    finally:
        ticket.unlink(missing_ok=True)


def _try_lock(fh) -> bool:
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _tickets_ahead(queue: Path, mine: Path) -> int:
    """Live waiters that queued before ``mine`` (tickets of dead processes are removed)."""
    ahead = 0
    for ticket in sorted(queue.glob("*.json")):
        if ticket.name >= mine.name:
            break
        try:
            data = json.loads(ticket.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        alive = data.get("start_time") is not None and proc_start_time(data.get("pid")) == data["start_time"]
        if alive:
            ahead += 1
        else:
            ticket.unlink(missing_ok=True)
    return ahead
