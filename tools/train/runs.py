"""Run directories: launch a training process, read its state and metrics, stop it, resume it, list runs.

A run is a detached process (``python -m tools.train.train RUN_DIR``, no shell, its own session and
process group) that owns ``RUN_DIR``:

    config.json     the TrainConfig it runs with (``extra.owner``: the session or user it belongs to)
    state.json      {"run_id", "state", "error", "pid", "pgid", "step", "total_steps", "owner", ...}, atomic
    trainer.lock    the live trainer's pid, process group and start time (``tools.train.runlock``)
    metrics.jsonl   one line per logged step (eval lines carry "eval_loss")
    train.log       the process's stdout and stderr
    checkpoints/    Trainer checkpoints (resume continues from the newest)
    adapter/        the finished peft adapter; merged/ with --merge

The app, the CLI and the agent only ever read these files, so any of them can go away and come
back. torch is never imported here. One trainer per run: starting and resuming refuse while a live
trainer holds the lock, and stop signals the process group the lock names, whatever state.json says
(a missing or corrupt state.json is rebuilt by ``tools.train.runstate``). Inside ``workspace.scoped(owner)``
a session sees only its own runs; unscoped (the CLI) sees every run.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from tools import workspace
from tools.errors import UserError
from tools.train import runlock
from tools.train.procs import children, process_alive, signal_group, wait_gone
from tools.train.runstate import checkpoint_steps, identity, read_state, read_state_checked, rebuild, update_state  # noqa: F401 - re-exported
from tools.workspace import runs_dir, unique_path

STATES = ("queued", "running", "succeeded", "failed", "stopped")
FINISHED = ("succeeded", "failed", "stopped")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def read_metrics(run: RunInfo | str | Path | None = None) -> list[dict]:
    """The metrics lines of a run (a half-written last line is skipped)."""
    run_dir = run.run_dir if isinstance(run, RunInfo) else get_run(run).run_dir
    return read_metrics_file(run_dir)


@dataclass
class RunInfo:
    """A run as the UI, CLI and agent see it: the state file plus where things are."""

    run_id: str
    run_dir: Path
    state: str
    step: int = 0
    total_steps: int = 0
    error: str | None = None
    last: dict = field(default_factory=dict)
    """The newest metrics line (loss, learning_rate, tokens_per_s, eta_s, …)."""
    raw: dict = field(default_factory=dict)
    owner: str | None = None
    queue_ahead: int | None = None
    """While queued behind another run: how many runs are ahead of this one."""
    notice: str | None = None
    """A sentence about the run's files (state.json rebuilt), English; ``notice_zh`` in Chinese."""
    notice_zh: str | None = None

    def label(self, lang: str = "en") -> str:
        """The state as a person reads it: "queued (1 ahead)" / "排队中(前面 1 个)"."""
        if self.state == "queued" and self.queue_ahead:
            return f"排队中(前面 {self.queue_ahead} 个)" if lang == "zh" else f"queued ({self.queue_ahead} ahead)"
        return self.state

    @property
    def adapter_dir(self) -> Path:
        return self.run_dir / "adapter"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["run_dir"] = str(self.run_dir)
        data["adapter_dir"] = str(self.adapter_dir) if (self.adapter_dir / "adapter_config.json").is_file() else None
        return data


def _info(run_dir: Path) -> RunInfo:
    state, problem = read_state_checked(run_dir)
    metrics = read_metrics_file(run_dir)
    holder = runlock.live_holder(run_dir)
    notice = notice_zh = None
    if problem or state.get("state") not in STATES:
        state, notice, notice_zh = rebuild(run_dir, problem or "corrupt", bool(holder), metrics)
    name, error = state["state"], state.get("error")
    if holder and name in FINISHED:
        name, error = "running", None  # a live trainer holds it, whatever state.json says
    elif name in ("queued", "running") and not holder and state.get("pid") and not process_alive(state["pid"]):
        # The process died without writing a last word (kill -9, reboot, out of memory).
        name = "failed"
        error = error or "The training process ended unexpectedly (killed?); resume it from its last checkpoint with --resume."
    return RunInfo(
        run_id=state.get("run_id", run_dir.name), run_dir=run_dir, state=name,
        step=int(state.get("step") or 0), total_steps=int(state.get("total_steps") or 0),
        error=error, last=metrics[-1] if metrics else {}, raw=state, owner=state.get("owner"),
        queue_ahead=state.get("queue_ahead") if name == "queued" else None, notice=notice, notice_zh=notice_zh,
    )


def read_metrics_file(run_dir: Path) -> list[dict]:
    path = Path(run_dir) / "metrics.jsonl"
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return rows


def list_runs(root: Path | None = None) -> list[RunInfo]:
    """Every run under ``root`` (default the workspace's runs folder), newest first; inside a
    ``workspace.scoped(owner)`` block only that owner's runs."""
    root = Path(root) if root else runs_dir()
    dirs = [d for d in root.iterdir() if (d / "config.json").is_file()] if root.is_dir() else []
    owner = workspace.current_owner()
    if owner:
        dirs = [d for d in dirs if _owner(d) == owner]
    made = {d: (read_state(d).get("created_at") or identity(d)["created_at"], d.stat().st_mtime) for d in dirs}
    dirs.sort(key=made.__getitem__, reverse=True)
    return [_info(d) for d in dirs]


def _owner(run_dir: Path) -> str | None:
    return read_state(run_dir).get("owner") or identity(run_dir).get("owner")


def get_run(run: RunInfo | str | Path | None = None) -> RunInfo:
    """A run by id (under the runs folder) or directory; None = the newest run. Inside a scope,
    another owner's run is answered exactly like a run that does not exist."""
    if isinstance(run, RunInfo):
        run = run.run_dir
    if run is None or str(run).strip() == "":
        runs = list_runs()
        if not runs:
            raise UserError("There are no training runs yet; start one with `sft-assistant train DATASET`.",
                            zh="还没有训练运行;请先开始一次训练。")
        return runs[0]
    owner = workspace.current_owner()
    path = Path(run).expanduser()
    for candidate in (path, runs_dir() / str(run)):
        if not (candidate / "config.json").is_file():
            continue
        candidate = candidate.resolve()
        if owner and (candidate.parent != runs_dir().resolve() or _owner(candidate) != owner):
            break
        return _info(candidate)
    short = _by_short_name(str(run).strip()) if not path.is_absolute() and "/" not in str(run) else None
    if short is not None:
        return short
    raise UserError(f"No training run '{run}': `sft-assistant runs` lists the runs there are.",
                    zh=f"没有名为 '{run}' 的训练运行。")


def _by_short_name(name: str) -> RunInfo | None:
    """The one run (of this owner) a shortened id names: its start ("20261203-041500" for
    "20261203-041500-客服问答"), its end ("客服lora-v2", "lora-v2"), or its whole id with words glued after it
    ("20261203-041500-客服问答停掉"). None when no run or several runs fit: a guess is never taken."""
    if len(name) < 4:
        return None
    runs = list_runs()
    for fits in (lambda r: r.startswith(name), lambda r: r.endswith(name),
                 lambda r: name.startswith(r) and len(r) >= 8):
        found = [info for info in runs if fits(info.run_id)]
        if len(found) == 1:
            return found[0]
    return None


def launch(run_dir: Path, resume: bool = False, run_now: bool = False) -> RunInfo:
    """Start the run's trainer, unless a live one holds it already (then a UserError): the check and
    the start happen under the run's launch lock, so two launches at once start one trainer."""
    run_dir = Path(run_dir)
    with runlock.launching(run_dir):
        runlock.refuse_if_trained(run_dir, run_dir.name)
        return _spawn(run_dir, resume, run_now)


def _spawn(run_dir: Path, resume: bool, run_now: bool) -> RunInfo:
    """Start ``python -m tools.train.train RUN_DIR`` detached: no shell, its own session (so its own
    process group, which stop_run signals as a whole), output appended to train.log. The trainer
    waits in the queue for the machine's training slot unless ``run_now``."""
    from tools.train.trainconfig import TrainConfig

    config = TrainConfig.load(run_dir / "config.json")
    cmd = [sys.executable, "-m", "tools.train.train", str(run_dir)] + (["--resume"] if resume else []) + (["--now"] if run_now else [])
    if config.nproc_per_node > 1:
        # torchrun starts one process per GPU and sets RANK/WORLD_SIZE; Trainer takes it from there.
        cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", str(config.nproc_per_node), "-m"] + cmd[2:]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("HF_HUB_OFFLINE", "1")
    with open(run_dir / "train.log", "ab") as log:
        child = subprocess.Popen(
            cmd, cwd=str(run_dir), env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    children[child.pid] = child
    runlock.record(run_dir, child.pid, child.pid)  # before the launch lock goes: a second launcher sees it
    update_state(run_dir, pid=child.pid, pgid=child.pid, command=cmd)
    return _info(run_dir)


def new_run_dir(path: str | Path, output: str | Path | None) -> Path:
    """``output`` if given (it must not hold a run already), else runs/<date-time>-<dataset name>."""
    if output:
        target = workspace.confine(output) if workspace.current_owner() else Path(output).expanduser().resolve()
        if target.exists() and any(target.iterdir()):
            raise UserError(f"The output folder {target} is not empty; name a new folder so nothing is overwritten.")
        target.mkdir(parents=True, exist_ok=True)
        return target
    stem = f"{datetime.now():%Y%m%d-%H%M%S}-{Path(path).stem[:40]}"
    target = unique_path(runs_dir(), stem, "")
    target.mkdir(parents=True)
    return target


def stop_run(run: RunInfo | str | Path | None = None, grace_s: float = 30.0, wait: bool = True) -> RunInfo:
    """SIGTERM the run's process group (it checkpoints and exits at the end of its step), SIGKILL
    what is left after ``grace_s``, and leave state.json in a finished state. The group is the one
    the live trainer's lock names, whatever state.json says.

    ``stop_requested_at`` is written to the state before the signal (so a SIGTERM the trainer gets without it came from
    elsewhere: torchrun tearing down the other ranks of a run whose rank failed). ``wait=False`` (the chat) returns once
    the signal is sent: a step on a loaded CPU can take minutes, and a person should not stare at a spinner. A
    background thread then does the waiting, the SIGKILL and the final state."""
    info = get_run(run)
    holder = runlock.live_holder(info.run_dir)
    if info.state in FINISHED and not holder:
        return info
    pid = (holder or {}).get("pid") or info.raw.get("pid")
    pgid = (holder or {}).get("pgid") or info.raw.get("pgid") or pid
    if pgid and (holder or process_alive(pid)):
        update_state(info.run_dir, stop_requested_at=now())  # before the signal: the trainer tells our stop from torchrun's
        signal_group(pgid, signal.SIGTERM)
        if not wait:
            threading.Thread(target=_finish_stop, args=(info, pid, pgid, grace_s), daemon=True,
                             name=f"stop-{info.run_id}").start()
            return _info(info.run_dir)
    _finish_stop(info, pid, pgid, grace_s)
    return _info(info.run_dir)


def _finish_stop(info: RunInfo, pid, pgid, grace_s: float) -> None:
    """Wait for the signalled group to end (SIGKILL after the grace period), then record "stopped"."""
    if pgid and not wait_gone(pid, pgid, _grace(info, grace_s)):
        signal_group(pgid, signal.SIGKILL)
        wait_gone(pid, pgid, 10.0)
    if read_state(info.run_dir).get("state") not in FINISHED:
        update_state(info.run_dir, state="stopped", finished_at=now(), error=None)


def _grace(info: RunInfo, grace_s: float) -> float:
    """The process stops after its current optimizer step (all its accumulation micro-batches), any
    evaluation under way, and a checkpoint: allow twice the measured seconds per step plus the last
    evaluation's time plus 15 s, and at least ``grace_s``."""
    last = info.last
    per_step = last.get("elapsed_s", 0.0) / max(1, last.get("step", 1) - (info.raw.get("resumed_step") or 0))
    evals = [m["eval_runtime"] for m in read_metrics_file(info.run_dir) if "eval_runtime" in m]
    return max(grace_s, 2 * per_step + (evals[-1] if evals else 0.0) + 15)  # a SIGTERM during an evaluation waits for it


def resume_run(run: RunInfo | str | Path | None = None, run_now: bool = False) -> RunInfo:
    """Start a stopped or killed run again from its newest checkpoint (same step count and schedule).
    Refused while a live trainer holds the run: two resumes at once start one trainer."""
    info = get_run(run)
    with runlock.launching(info.run_dir):
        runlock.refuse_if_trained(info.run_dir, info.run_id)
        info = _info(info.run_dir)
        if info.state == "running" or (info.state == "queued" and info.raw.get("pid") and process_alive(info.raw["pid"])):
            raise UserError(f"Run {info.run_id} is still {info.state}; stop it first or let it finish.",
                            zh=f"运行 {info.run_id} 仍在进行;请先停止它,或等它结束。")
        if info.state == "succeeded":
            raise UserError(f"Run {info.run_id} already finished; start a new run to train further.",
                            zh=f"运行 {info.run_id} 已经完成;要继续训练请开始新的运行。")
        # The step count goes back to the newest checkpoint: the steps after it are trained again.
        update_state(info.run_dir, state="queued", error=None, finished_at=None, resumed_at=now(),
                     step=max(checkpoint_steps(info.run_dir), default=0), resumed_from=None, resumed_step=None)
        return _spawn(info.run_dir, True, run_now)


def start_training(path: str, base_model: str | None = None, epochs: float | None = None,
                   learning_rate: float | None = None, lora_r: int | None = None, max_steps: int | None = None,
                   output: str | None = None, launch_now: bool = True, run_now: bool = False, **more) -> RunInfo:
    """Check everything, write the run directory, and start the training process (unless ``launch_now``
    is False: then ``python -m tools.train.train RUN_DIR`` or ``torchrun … -m tools.train.train RUN_DIR`` starts it).

    Unset settings come from ``tools.train.hparams.suggest`` for the dataset's size. ``more`` takes any other
    ``TrainConfig`` field (``merge=True``, ``lora_targets="attention"``, ``nproc_per_node=2``, …).
    Bad input raises ``UserError`` before any process starts. The run belongs to the current
    ``workspace`` owner; it waits for a running one to end unless ``run_now`` (start anyway).
    """
    from tools.data.formats import read_dataset
    from tools.models.models import resolve_base_model
    from tools.train.hparams import suggest
    from tools.train.trainconfig import TrainConfig

    data = workspace.confine(path) if workspace.current_owner() else Path(path).expanduser()
    if not data.is_file():
        raise UserError(f"The dataset {path} does not exist; give the path of a CSV, Excel, JSON or JSONL file.")
    result = read_dataset(str(data))
    samples = [s for s in result.samples if s.answer.strip()]
    if not samples:
        reasons = sorted({k.reason for k in result.skipped})
        if result.skipped and all("answer" in r for r in reasons):
            raise UserError(f"None of the {len(result.skipped)} records in {path} has an answer; training needs a non-empty answer in each record.")
        why = f" ({result.skipped[0].where}: {result.skipped[0].reason})" if result.skipped else ""
        raise UserError(f"{path} holds no usable samples{why}; check its question and answer fields with `sft-assistant inspect {path}`.")
    answered = len(samples)
    base = resolve_base_model(base_model)
    advice = suggest(n_samples=answered, method=more.get("method", "lora"), num_devices=int(more.get("nproc_per_node", 1)),
                     base_model=base)
    settings = {
        "epochs": advice.epochs, "learning_rate": advice.learning_rate, "per_device_batch_size": advice.per_device_batch_size,
        "gradient_accumulation_steps": advice.gradient_accumulation_steps,
    }
    given = {"epochs": epochs, "learning_rate": learning_rate, "lora_r": lora_r, "max_steps": max_steps}
    settings.update({k: v for k, v in given.items() if v is not None})
    if lora_r is not None and "lora_alpha" not in more:
        settings["lora_alpha"] = 2 * lora_r  # keep the scale alpha / r = 2 whatever the rank
    settings.update(more)
    settings.setdefault("extra", {})["advice"] = advice.reasons
    settings["extra"]["advice_zh"] = advice.reasons_zh
    owner = workspace.current_owner()
    if owner:
        settings["extra"]["owner"] = owner
    try:
        config = TrainConfig(data_path=str(data.resolve()), base_model=base, **settings)
    except TypeError as exc:
        raise UserError(f"Unknown training setting: {exc}.") from None
    run_dir = new_run_dir(data, output)
    config.save(run_dir / "config.json")
    update_state(run_dir, run_id=run_dir.name, state="queued", error=None, created_at=now(), step=0, total_steps=0,
                 **({"owner": owner} if owner else {}))
    return launch(run_dir, run_now=run_now) if launch_now else _info(run_dir)
