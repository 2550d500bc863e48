"""How long training takes on this machine: measured tokens/s, not a guess (issue 17).

The speed comes from the newest run of the person (their scope, ``tools.workspace.scoped``) that
logged one: the median of its training lines' ``tokens_per_s``, so one slow first step does not
skew it. With no run yet, a typical figure for the embedded model on a 2-core CPU is used and
the estimate says so. The time of a run is then

    optimizer steps × global batch × mean tokens per sample ÷ tokens per second

plus what a run does besides training (loading the model, the end-of-run evaluation), taken from
the same run when it recorded it.
"""
from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass

TYPICAL_CPU_TOKENS_PER_S = 150.0
"""Assumed when this person has no run yet: the embedded model's measured training speed on a quiet 2-core
CPU for short chat samples (made-up facts: 128 tokens/s English, 139 Chinese, 2026-12-02; longer samples
train a little faster). It was 500 until that measurement, which made a first estimate 62% short."""
TYPICAL_OVERHEAD_S = 100.0
"""Model loading plus the end-of-run report when no run recorded them (measured: 94 s and 104 s for the
default path's two runs, most of it the report)."""


@dataclass(frozen=True)
class Speed:
    tokens_per_s: float
    basis: str  # "last_run" (measured here) | "typical_cpu" (assumed)
    overhead_s: float  # loading and evaluation around the training itself
    run_id: str | None = None


@dataclass(frozen=True)
class Estimate:
    seconds: float
    training_s: float
    overhead_s: float
    tokens: float
    tokens_per_s: float
    basis: str
    run_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def measured_speed(limit: int = 5) -> Speed:
    """Training speed of the newest of this person's last ``limit`` runs that logged one."""
    from tools.train.runs import list_runs, read_metrics

    for info in list_runs()[:limit]:
        speeds = [m["tokens_per_s"] for m in read_metrics(info) if m.get("tokens_per_s")]
        if speeds:
            return Speed(float(statistics.median(speeds)), "last_run", _overhead(info), info.run_id)
    return Speed(TYPICAL_CPU_TOKENS_PER_S, "typical_cpu", TYPICAL_OVERHEAD_S)


def _overhead(info) -> float:
    """Seconds the run spent outside its training steps: its wall time minus the last logged
    ``elapsed_s`` (training only); the typical figure while the run is unfinished."""
    from datetime import datetime

    started, finished = info.raw.get("started_at"), info.raw.get("finished_at")
    trained = max((m.get("elapsed_s", 0.0) for m in [info.last or {}]), default=0.0)
    if not (started and finished and trained) or info.state != "succeeded":
        return TYPICAL_OVERHEAD_S
    wall = (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()
    return max(0.0, wall - trained)


def estimate(steps: int, global_batch: int, mean_tokens: float, speed: Speed | None = None) -> Estimate:
    """Seconds for ``steps`` optimizer steps of ``global_batch`` samples of ``mean_tokens`` tokens."""
    speed = speed or measured_speed()
    tokens = steps * global_batch * mean_tokens  # every sample of every step, its real (unpadded) tokens
    training = tokens / speed.tokens_per_s
    return Estimate(round(training + speed.overhead_s), round(training), round(speed.overhead_s), round(tokens),
                    round(speed.tokens_per_s, 1), speed.basis, speed.run_id)


def minutes(seconds: float, lang: str = "en") -> str:
    """"40 s" / "3.5 min" / "1.2 h" ("40 秒" / "3.5 分钟" / "1.2 小时")."""
    value, unit = (seconds, 0) if seconds < 90 else (seconds / 60, 1) if seconds < 5400 else (seconds / 3600, 2)
    number = f"{value:.0f}" if unit == 0 else f"{value:.1f}"
    return f"{number} {('s', 'min', 'h')[unit] if lang == 'en' else ('秒', '分钟', '小时')[unit]}"
