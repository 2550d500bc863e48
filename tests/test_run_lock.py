"""One trainer per run, a queue for runs, and a state.json that can be lost (issue 16).

Real detached trainers on the 2-layer ``tiny_model``, as in test_runs.py.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from test_runs import data, group_gone, no_orphans, wait_for  # noqa: F401 - fixtures

from tools.errors import UserError
from tools.train import runlock
from tools.train.runs import get_run, resume_run, start_training, stop_run

ROOT = Path(__file__).resolve().parents[1]


def start(data, tiny_model, **kwargs):
    """A tiny run; no evaluation after training when the config has that step (it is not what we test)."""
    from dataclasses import fields

    from tools.train.trainconfig import TrainConfig

    quiet = {"evaluate": False} if "evaluate" in {f.name for f in fields(TrainConfig)} else {}
    return start_training(str(data), base_model=str(tiny_model), **quiet, **kwargs)


def trainers_of(run_dir: Path) -> list[int]:
    """Live (non-zombie) processes running ``tools.train.train`` on ``run_dir``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"tools.train.train" in cmd and str(run_dir).encode() in cmd and runlock.proc_start_time(int(proc.name)):
            found.append(int(proc.name))
    return found


def killed_run(data, tiny_model):
    run = start(data, tiny_model, max_steps=2_000, save_steps=2)
    wait_for(lambda: get_run(run.run_dir).step >= 3)
    os.killpg(run.raw["pgid"], signal.SIGKILL)
    wait_for(lambda: group_gone(run.raw["pgid"]), timeout=20)
    return get_run(run.run_dir)


def test_two_concurrent_resumes_of_a_killed_run_leave_exactly_one_trainer(data, tiny_model):
    dead = killed_run(data, tiny_model)
    assert dead.state == "failed"
    barrier, outcomes = threading.Barrier(2), []

    def resume():
        barrier.wait()
        try:
            outcomes.append(resume_run(dead.run_id).raw["pid"])
        except UserError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=resume) for _ in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    started = [o for o in outcomes if isinstance(o, int)]
    assert len(started) == 1, outcomes
    assert any("already has a trainer" in str(o) for o in outcomes), outcomes
    wait_for(lambda: get_run(dead.run_dir).raw.get("resumed_from"))
    assert trainers_of(dead.run_dir) == started
    # A trainer started by hand on the same run finds the lock taken and touches nothing.
    by_hand = subprocess.run([sys.executable, "-m", "tools.train.train", str(dead.run_dir), "--resume", "--now"], cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    assert by_hand.returncode == 1 and "Another trainer" in by_hand.stderr
    assert trainers_of(dead.run_dir) == started and get_run(dead.run_dir).state == "running"
    stop_run(dead.run_id, grace_s=60)
    assert trainers_of(dead.run_dir) == []


def test_a_probe_beside_another_probe_does_not_see_a_trainer(tmp_path):
    """A status poll and a resume probe the trainer's flock at the same moment (the CI flake of a
    resume refused as 'still running' for a killed run): probes share the lock, only a trainer's
    exclusive hold counts."""
    import fcntl

    flock = tmp_path / ".trainer.flock"
    flock.touch()
    with open(flock, "a+b") as other_probe:
        fcntl.flock(other_probe, fcntl.LOCK_SH | fcntl.LOCK_NB)
        assert runlock.live_holder(tmp_path) is None
    with open(flock, "a+b") as trainer:
        fcntl.flock(trainer, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert runlock.live_holder(tmp_path) == {"pid": None, "pgid": None}
    assert runlock.live_holder(tmp_path) is None


def test_stop_after_state_json_is_deleted_stops_the_trainer(data, tiny_model):
    run = start(data, tiny_model, max_steps=100_000)
    wait_for(lambda: get_run(run.run_dir).step >= 2)
    (run.run_dir / "state.json").unlink()
    seen = get_run(run.run_id)
    assert seen.state == "running" and seen.notice and "rebuilt" in seen.notice
    stopped = stop_run(run.run_id, grace_s=60)
    assert stopped.state == "stopped"
    assert group_gone(run.raw["pgid"]) and trainers_of(run.run_dir) == []
    state = json.loads((run.run_dir / "state.json").read_text())
    assert state["run_id"] == run.run_id and state["created_at"], "every write keeps run_id and created_at"


def test_a_corrupt_state_json_is_a_sentence_and_the_run_stays_resumable(data, tiny_model):
    run = start(data, tiny_model, max_steps=100_000, save_steps=2)
    wait_for(lambda: get_run(run.run_dir).step >= 3)
    stop_run(run, grace_s=60)
    (run.run_dir / "state.json").write_text("{not json")
    info = get_run(run.run_id)
    assert info.state == "stopped" and "unreadable" in info.notice and "无法读取" in info.notice_zh
    assert info.step >= 2 and info.raw["created_at"]
    resumed = resume_run(run.run_id)
    assert resumed.state in ("queued", "running")
    wait_for(lambda: get_run(run.run_dir).raw.get("resumed_from"))
    assert stop_run(run.run_id, grace_s=60).state == "stopped"


def test_a_second_run_waits_in_the_queue_unless_started_anyway(data, tiny_model):
    first = start(data, tiny_model, max_steps=100_000)
    wait_for(lambda: get_run(first.run_dir).state == "running" and get_run(first.run_dir).step >= 1)
    second = start(data, tiny_model, max_steps=2)
    queued = wait_for(lambda: (lambda r: r if r.queue_ahead == 1 else None)(get_run(second.run_dir)))
    assert queued.state == "queued" and queued.label() == "queued (1 ahead)" and "前面 1 个" in queued.label("zh")
    anyway = start(data, tiny_model, max_steps=100_000, run_now=True)
    wait_for(lambda: get_run(anyway.run_dir).step >= 1)  # trains while the first still holds the slot
    assert get_run(second.run_dir).state == "queued" and get_run(second.run_dir).step == 0
    stop_run(anyway, grace_s=60)
    stop_run(first, grace_s=60)
    done = wait_for(lambda: (lambda r: r if r.state in ("succeeded", "failed") else None)(get_run(second.run_dir)), timeout=600)
    assert done.state == "succeeded" and done.step == 2


def test_stopping_a_queued_run_ends_it_before_it_loads(data, tiny_model):
    first = start(data, tiny_model, max_steps=100_000)
    wait_for(lambda: get_run(first.run_dir).state == "running")
    second = start(data, tiny_model, max_steps=2)
    wait_for(lambda: get_run(second.run_dir).queue_ahead == 1)
    stopped = stop_run(second, grace_s=30)
    assert stopped.state == "stopped" and stopped.step == 0 and not (second.run_dir / "checkpoints").exists()
    assert get_run(first.run_dir).state == "running"
    stop_run(first, grace_s=60)


def test_a_stop_that_does_not_wait_returns_at_once_and_the_run_still_ends_stopped(data, tiny_model):
    """The chat's stop: the signal is sent and the answer comes back; the run ends on its own."""
    run = start(data, tiny_model, max_steps=100_000)
    wait_for(lambda: get_run(run.run_dir).step >= 1)
    asked = stop_run(run.run_id, grace_s=60, wait=False)
    assert asked.raw.get("stop_requested_at"), "the state says a stop was asked for"
    wait_for(lambda: get_run(run.run_id).state == "stopped", timeout=300)
    wait_for(lambda: group_gone(run.raw["pgid"]), timeout=120)  # it writes "stopped", then exits
    assert trainers_of(run.run_dir) == []
