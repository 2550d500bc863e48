"""A run's state.json: read it, update it, and rebuild it when it is missing or corrupt.

state.json is a convenience, not the truth: the trainer's lock (``tools.train.runlock``), metrics.jsonl,
checkpoints/ and adapter/ say what really happened. Every write keeps ``run_id``, ``created_at``
and ``owner`` (taken from the run folder and config.json when state.json lost them), so "the newest
run" and "this session's runs" stay right after a rewrite.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from tools.workspace import atomic_write_text


def read_state_checked(run_dir: Path) -> tuple[dict, str | None]:
    """(state, problem): problem is None, "missing" or "corrupt"."""
    path = Path(run_dir) / "state.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, "missing"
    except (OSError, ValueError):
        return {}, "corrupt"
    return (data, None) if isinstance(data, dict) else ({}, "corrupt")


def read_state(run_dir: Path) -> dict:
    return read_state_checked(run_dir)[0]


def identity(run_dir: Path) -> dict:
    """run_id, created_at and owner as the run folder and config.json record them."""
    run_dir = Path(run_dir)
    config = run_dir / "config.json"
    try:
        made = config.stat().st_mtime
        owner = (json.loads(config.read_text(encoding="utf-8")).get("extra") or {}).get("owner")
    except (OSError, ValueError, AttributeError):
        made, owner = run_dir.stat().st_mtime if run_dir.exists() else 0.0, None
    stamp = datetime.fromtimestamp(made, timezone.utc).isoformat(timespec="seconds")
    return {"run_id": run_dir.name, "created_at": stamp, **({"owner": owner} if owner else {})}


def update_state(run_dir: Path, **changes) -> dict:
    """Merge ``changes`` into state.json and write it atomically (readers never see half a file)."""
    state = read_state(run_dir)
    state.update(changes)
    for key, value in identity(run_dir).items():
        state.setdefault(key, value)
    atomic_write_text(Path(run_dir) / "state.json", json.dumps(state, ensure_ascii=False, indent=2) + "\n")
    return state


def checkpoint_steps(run_dir: Path) -> list[int]:
    names = (p.name.rsplit("-", 1)[1] for p in (Path(run_dir) / "checkpoints").glob("checkpoint-*"))
    return sorted(int(n) for n in names if n.isdigit())


def rebuild(run_dir: Path, problem: str, trained: bool, metrics: list[dict]) -> tuple[dict, str, str]:
    """A state rebuilt from the folder, and a sentence (en, zh) saying so. ``trained``: a live
    trainer holds the run. Without one the run counts as stopped, so it can still be resumed."""
    run_dir = Path(run_dir)
    steps = checkpoint_steps(run_dir)
    total = 0
    if steps:
        try:
            total = int(json.loads((run_dir / "checkpoints" / f"checkpoint-{steps[-1]}" / "trainer_state.json")
                                   .read_text(encoding="utf-8")).get("max_steps") or 0)
        except (OSError, ValueError):
            total = 0
    done = (run_dir / "adapter" / "adapter_config.json").is_file()
    name = "running" if trained else "succeeded" if done else "stopped"
    step = max([m.get("step", 0) for m in metrics] + steps + [0])
    state = {**identity(run_dir), "state": name, "step": step, "total_steps": total or (step if done else 0)}
    what = "unreadable" if problem == "corrupt" else "missing"
    en = (f"The state file of run {run_dir.name} was {what}; its state was rebuilt from the trainer lock, "
          "metrics and checkpoints.")
    zh = f"运行 {run_dir.name} 的状态文件{'无法读取' if problem == 'corrupt' else '不见了'};已根据训练锁、指标和检查点重建其状态。"
    return state, en, zh
