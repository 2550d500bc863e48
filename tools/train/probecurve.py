"""What a learning-rate probe's curve says: where the held-out loss falls fastest, the rate it
suggests, and that advice in words (en/zh) beside the default advice (``tools.train.hparams.suggest``).

The rule (the "steepest point" of an LR range test): smooth the held-out loss over the step and its
neighbours, take its slope against log10(learning rate), and suggest the rate where it falls
fastest, looking only at rates below the smoothed minimum. Why not the other convention, one tenth
of the rate at the minimum: a probe of a few dozen steps on a fresh LoRA adapter (its B matrix
starts at zero) reaches its minimum at the very end of the useful range, and a tenth of it lands
where the adapter has barely begun to move; the steepest point is where learning is fastest and
still stable. Both rates are reported (``lr_at_min`` as well), so a person can see the margin.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

MIN_DROP = 0.01
"""A held-out loss whose best point is not 1% below where it started gives no signal: keep the default.
(The held-out slice is fixed, so the curve carries no sampling noise of its own; 1% of a loss of 2
is 0.02.)"""


@dataclass
class ProbeResult:
    """A probe's curve and the advice it implies (``to_dict()`` is what probe.json and ``--json`` hold)."""

    lrs: list[float]
    train_losses: list[float]
    held_losses: list[float | None]
    baseline_loss: float | None
    steep_range: list[float] | None
    """[low, high]: the rates around the steepest point where the smoothed loss falls at least half as fast."""
    steepest_lr: float | None
    lr_at_min: float | None
    suggested_lr: float | None
    """The steepest point (see the module docstring); None when the loss gave no signal."""
    rule: str
    default_lr: float
    seconds: float
    steps_done: int
    steps_planned: int
    samples_in_file: int
    samples_used: int
    train_samples: int
    held_out_samples: int
    stopped: bool = False
    diverged: bool = False
    tokens: int = 0
    loop_seconds: float = 0.0
    train_indices: list[int] = field(default_factory=list)
    held_indices: list[int] = field(default_factory=list)
    lora: dict = field(default_factory=dict)
    en: str = ""
    zh: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def smoothed(values: list[float]) -> list[float]:
    """Mean of each point and its neighbours (3 wide; 2 at the ends).

    >>> smoothed([3.0, 0.0, 3.0, 0.0])
    [1.5, 2.0, 1.0, 1.5]
    """
    out = []
    for i in range(len(values)):
        window = values[max(0, i - 1): i + 2]
        out.append(sum(window) / len(window))
    return out


def steepest(lrs: list[float], losses: list[float], baseline: float | None = None) -> tuple[int, int, int, int] | None:
    """(steepest index, range low, range high, index of the minimum) on the smoothed curve, or None
    when there is too little to tell (fewer than 3 points, or the best loss is not ``MIN_DROP``
    below ``baseline``, the loss before the first step; default the first point)."""
    if len(losses) < 3:
        return None
    smooth = smoothed(losses)
    low = min(range(len(smooth)), key=smooth.__getitem__)
    if min(losses) > (1 - MIN_DROP) * (baseline or losses[0]) or low == 0:
        return None
    logs = [math.log10(lr) for lr in lrs]
    # slope at i: (loss[i+1] - loss[i-1]) / (log lr[i+1] - log lr[i-1]), one-sided at the ends
    slopes = [(smooth[min(i + 1, low)] - smooth[max(i - 1, 0)]) / (logs[min(i + 1, low)] - logs[max(i - 1, 0)] or 1.0)
              for i in range(low + 1)]
    best = min(range(len(slopes)), key=slopes.__getitem__)
    if slopes[best] >= 0:
        return None
    lo = hi = best
    while lo > 0 and slopes[lo - 1] <= slopes[best] / 2:
        lo -= 1
    while hi < low and slopes[hi + 1] <= slopes[best] / 2:
        hi += 1
    return best, lo, hi, low


def analyse(curve: dict, settings) -> dict:
    """The curve of ``tools.train.lrprobe.probe`` (so far) → ``ProbeResult.to_dict()``."""
    from tools.train.hparams import suggest

    points = [(lr, h) for lr, h in zip(curve["lrs"], curve["held_losses"]) if h is not None]
    lrs, losses = [p[0] for p in points], [p[1] for p in points]
    found = steepest(lrs, losses, curve["baseline_loss"])
    default = suggest(n_samples=max(1, curve["samples_in_file"]), base_model=getattr(settings, "base_model", None)).learning_rate
    result = ProbeResult(
        lrs=[float(f"{lr:.4g}") for lr in curve["lrs"]], train_losses=curve["train_losses"], held_losses=curve["held_losses"],
        baseline_loss=curve["baseline_loss"], steep_range=[lrs[found[1]], lrs[found[2]]] if found else None,
        steepest_lr=lrs[found[0]] if found else None, lr_at_min=lrs[found[3]] if found else None,
        suggested_lr=float(f"{lrs[found[0]]:.2g}") if found else None, rule="steepest", default_lr=default,
        seconds=curve.get("seconds", 0.0), steps_done=len(curve["lrs"]), steps_planned=curve["steps_planned"],
        **{k: curve[k] for k in ("samples_in_file", "samples_used", "train_samples", "held_out_samples", "stopped",
                                 "diverged", "tokens", "loop_seconds", "train_indices", "held_indices", "lora")},
    )
    result.en, result.zh = sentences(result)
    return result.to_dict()


def sentences(r: ProbeResult) -> tuple[str, str]:
    """The advice in words, beside the default (en, zh)."""
    used = (f"Probed {r.steps_done} of {r.steps_planned} steps on {r.samples_used} of {r.samples_in_file} samples "
            f"({r.held_out_samples} held out, never trained on) in {r.seconds:.0f} s.")
    used_zh = (f"在 {r.samples_in_file} 条样本中抽取 {r.samples_used} 条(其中 {r.held_out_samples} 条留出、不参与训练),"
               f"探测了 {r.steps_done}/{r.steps_planned} 步,用时 {r.seconds:.0f} 秒。")
    if r.stopped:
        used, used_zh = used + " It was stopped early.", used_zh + "探测被提前停止。"
    if r.suggested_lr is None:
        return (f"{used} The held-out loss did not fall clearly, so the probe gives no reason to change the default "
                f"learning rate {r.default_lr:g}.",
                f"{used_zh}留出集上的损失没有明显下降,探测结果不足以改动默认学习率 {r.default_lr:g}。")
    lo, hi = r.steep_range
    where = "inside" if lo <= r.default_lr <= hi else "below" if r.default_lr < lo else "above"
    where_zh = {"inside": "落在这个区间内", "below": "低于这个区间", "above": "高于这个区间"}[where]
    en = (f"{used} The held-out loss fell fastest between {lo:.2g} and {hi:.2g} (steepest at {r.steepest_lr:.2g}; "
          f"lowest at {r.lr_at_min:.2g}). Suggested learning rate: {r.suggested_lr:g}. The default advice, "
          f"{r.default_lr:g}, is {where} that range.")
    zh = (f"{used_zh}留出集损失在学习率 {lo:.2g} 到 {hi:.2g} 之间下降最快(最陡处 {r.steepest_lr:.2g},最低处 "
          f"{r.lr_at_min:.2g})。建议学习率:{r.suggested_lr:g}。默认建议 {r.default_lr:g} {where_zh}。")
    if where != "inside":
        en += f" To follow the probe, train with learning rate {r.suggested_lr:g}."
        zh += f"如果采用探测结果,训练时把学习率设为 {r.suggested_lr:g}。"
    if r.diverged:
        en += f" Above {r.lrs[-1]:.2g} the loss blew up: stay well below it."
        zh += f"学习率超过 {r.lrs[-1]:.2g} 时损失发散:请远低于这个值。"
    return en, zh
