"""Learning-rate probes as detached processes: estimate, start, read, wait for and stop one.

A probe lives in ``<owner's folder>/probes/<date-time>-<dataset>/`` (not in runs/, so the run lists,
"the latest run" and the speed estimate never mistake it for training). It uses the run machinery:
``python -m tools.train.lrprobe DIR`` started without a shell in its own session and process group,
``tools.train.runlock`` naming its live process, ``tools.train.runstate`` for state.json, and a stop that sends
SIGTERM to the group (the probe finishes its step, writes what it has and says "stopped"), SIGKILL
after a grace period. torch is never imported here.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from tools import workspace
from tools.errors import UserError
from tools.train import runlock
from tools.train.lrprobe import CONFIG, CURVE, DEFAULT_STEPS, HELD_OUT, MAX_SAMPLES, PROBE_BATCH, ProbeSettings, pick_samples, usable_samples
from tools.train.procs import children, process_alive, signal_group, wait_gone
from tools.train.runstate import read_state, update_state

FINISHED = ("succeeded", "failed", "stopped")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
LOAD_SECONDS = 15.0
"""Loading the model and tokenising before the first step (order of the embedded model on a 2-core CPU)."""


def probes_dir() -> Path:
    path = workspace.owner_root() / "probes"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _dataset(path: str | Path) -> Path:
    data = workspace.confine(path) if workspace.current_owner() else Path(path).expanduser().resolve()
    if not data.is_file():
        raise UserError(f"The dataset {path} does not exist; give the path of a CSV, Excel, JSON or JSONL file.",
                        zh=f"数据集 {path} 不存在;请给出 CSV、Excel、JSON 或 JSONL 文件的路径。")
    return data


def estimate(path: str | Path, steps: int = DEFAULT_STEPS, tokens_per_s: float | None = None, base_model: str | None = None,
             mean_tokens: float | None = None) -> dict:
    """The probe's size and time before it starts. Time ≈ load + (steps + 1) × (batch + held-out ÷ 3)
    × mean tokens per sample ÷ tokens/s: a held-out pass is a forward only, about a third of a
    training step's work per token (forward + backward ≈ 3 forwards). The speed is the one the
    training estimate uses (``tools.train.estimate.measured_speed``: this person's last run, else typical)."""
    from tools.train.estimate import measured_speed
    from tools.train.hparams import dataset_token_lengths

    basis = "given"
    if tokens_per_s is None:
        speed = measured_speed()
        tokens_per_s, basis = speed.tokens_per_s, speed.basis
    data = _dataset(path)
    n = len(usable_samples(str(data)))
    train, held = pick_samples(n, MAX_SAMPLES, HELD_OUT, 42)
    if mean_tokens is None:  # the advice has it already (``Advice.token_lengths["mean"]``)
        lengths = dataset_token_lengths(str(data), base_model)
        mean_tokens = sum(lengths) / len(lengths)
    mean = mean_tokens
    per_step = (min(PROBE_BATCH, len(train)) + len(held) / 3) * mean  # training-equivalent tokens per step
    seconds = LOAD_SECONDS + (steps + 1) * per_step / max(tokens_per_s, 1e-9)  # + 1: the held-out loss before step 1
    return {"source": data.name, "samples_in_file": n, "samples_used": len(train) + len(held), "held_out_samples": len(held),
            "steps": steps, "mean_tokens": round(mean, 1), "tokens_per_step": round(per_step), "tokens_per_s": tokens_per_s,
            "speed_from": basis, "estimated_s": round(seconds)}


def start_probe(path: str | Path, steps: int = DEFAULT_STEPS, base_model: str | None = None, launch_now: bool = True) -> dict:
    """Write the probe's folder and start ``python -m tools.train.lrprobe DIR`` detached; returns ``read_probe``."""
    from tools.models.models import resolve_base_model
    from tools.train.runs import now

    data = _dataset(path)
    settings = ProbeSettings(data_path=str(data), base_model=resolve_base_model(base_model), steps=int(steps),
                             owner=workspace.current_owner())
    probe_dir = workspace.unique_path(probes_dir(), f"{datetime.now():%Y%m%d-%H%M%S}-{data.stem[:40]}", "")
    probe_dir.mkdir(parents=True)
    settings.save(probe_dir / CONFIG)
    update_state(probe_dir, run_id=probe_dir.name, kind="probe", state="queued", step=0, total_steps=settings.steps,
                 created_at=now(), **({"owner": settings.owner} if settings.owner else {}))
    if launch_now:
        _spawn(probe_dir)
    return read_probe(probe_dir)


def _spawn(probe_dir: Path) -> None:
    cmd = [sys.executable, "-m", "tools.train.lrprobe", str(probe_dir)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("HF_HUB_OFFLINE", "1")
    with open(probe_dir / "probe.log", "ab") as log:
        child = subprocess.Popen(cmd, cwd=str(probe_dir), env=env, stdin=subprocess.DEVNULL, stdout=log,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    children[child.pid] = child
    runlock.record(probe_dir, child.pid, child.pid)
    update_state(probe_dir, pid=child.pid, pgid=child.pid, command=cmd)


def find_probe(probe: str | Path | None = None) -> Path:
    """A probe folder by id or path (inside this owner's probes folder); None = the newest."""
    root = probes_dir()
    if probe is None or str(probe).strip() == "":
        found = sorted((d for d in root.iterdir() if (d / CONFIG).is_file()), key=lambda d: d.name, reverse=True)
        if not found:
            raise UserError("There is no learning-rate probe yet.", zh="还没有学习率探测。")
        return found[0]
    for candidate in (root / str(probe), Path(probe).expanduser()):
        if (candidate / CONFIG).is_file() and candidate.resolve().parent == root.resolve():
            return candidate.resolve()
    raise UserError(f"No learning-rate probe '{probe}'.", zh=f"没有名为 '{probe}' 的学习率探测。")


def read_probe(probe: str | Path | None = None) -> dict:
    """{"probe_id", "state", "step", "total_steps", "error", "error_zh", "result"}; the result (the
    curve so far and its advice) is None until the first step; a dead process reads as failed."""
    probe_dir = find_probe(probe)
    state = read_state(probe_dir)
    name, error, error_zh = state.get("state", "queued"), state.get("error"), state.get("error_zh")
    if name not in FINISHED and not runlock.live_holder(probe_dir) and state.get("pid") and not process_alive(state["pid"]):
        name = "failed"
        error = error or "The probe process ended unexpectedly (killed?); start the probe again."
        error_zh = error_zh or "探测进程意外结束(被终止?);请重新开始探测。"
    try:
        result = json.loads((probe_dir / CURVE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        result = None
    return {"probe_id": probe_dir.name, "probe_dir": str(probe_dir), "state": name, "step": int(state.get("step") or 0),
            "total_steps": int(state.get("total_steps") or 0), "error": error, "error_zh": error_zh, "result": result}


def stop_probe(probe: str | Path | None = None, grace_s: float = 30.0) -> dict:
    """SIGTERM the probe's process group (it stops after its step and writes what it measured),
    SIGKILL what is left after ``grace_s``, and leave state.json finished."""
    from tools.train.runs import now

    probe_dir = find_probe(probe)
    holder = runlock.live_holder(probe_dir)
    state = read_state(probe_dir)
    pid = (holder or {}).get("pid") or state.get("pid")
    pgid = (holder or {}).get("pgid") or state.get("pgid") or pid
    if pgid and (holder or process_alive(pid)):
        signal_group(pgid, signal.SIGTERM)
        if not wait_gone(pid, pgid, grace_s):
            signal_group(pgid, signal.SIGKILL)
            wait_gone(pid, pgid, 10.0)
    if read_state(probe_dir).get("state") not in FINISHED:
        update_state(probe_dir, state="stopped", finished_at=now(), error=None)
    return read_probe(probe_dir)


def wait_probe(probe: str | Path | None = None, timeout_s: float = 3600.0, every_s: float = 1.0, on_update=None) -> dict:
    """Poll until the probe ends (or ``timeout_s`` passes); ``on_update(info)`` hears each new step."""
    deadline, last = time.monotonic() + timeout_s, None
    while True:
        info = read_probe(probe)
        if on_update and (info["state"], info["step"]) != last:
            on_update(info)
            last = (info["state"], info["step"])
        if info["state"] in FINISHED or time.monotonic() > deadline:
            return info
        time.sleep(every_s)

