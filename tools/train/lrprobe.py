"""A learning-rate range test on a sample of the user's own data: ``python -m tools.train.lrprobe PROBE_DIR``.

A few dozen optimizer steps on the run's LoRA shape (``tools.train.train.load_model``) and chat-template
tokenisation (``tools.train.sftdata.encode_samples``), with the learning rate rising exponentially from
1e-5 to 1e-2; after every step the answer loss on a held-out slice (taken BEFORE the probe, never
trained on) is measured. Where that held-out loss falls fastest is where the learning rate is
useful; where it turns up, the rate is too high.

Runs as a detached process started by ``tools.train.probes`` (its own session and process group, like a
training run). SIGTERM asks it to stop after the current step: it writes what it measured so far
and the state "stopped". Files in PROBE_DIR: probe_config.json, state.json, probe.json (the curve,
rewritten atomically after each step, so a plot can follow it), trainer.lock, probe.log.

The curve's analysis lives in ``tools.train.probecurve``; torch is imported inside functions only.
"""
from __future__ import annotations

import json
import math
import random
import signal
import sys
import time
import traceback
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from tools.errors import UserError

LR_MIN, LR_MAX = 1e-5, 1e-2
DEFAULT_STEPS = 36
MAX_SAMPLES = 256
"""Samples drawn from the file at most (held-out slice included), so a big file stays quick."""
HELD_OUT = 16
PROBE_BATCH = 8
"""Samples per probe step: the advice's per-device batch. A real run with a larger global batch
tolerates a somewhat higher rate, so the probe's suggestion errs on the safe side."""
CONFIG, CURVE = "probe_config.json", "probe.json"

STOP_REQUESTED = False


@dataclass
class ProbeSettings:
    """What one probe runs with (saved as probe_config.json, so the process needs nothing else)."""

    data_path: str
    base_model: str
    steps: int = DEFAULT_STEPS
    lr_min: float = LR_MIN
    lr_max: float = LR_MAX
    max_samples: int = MAX_SAMPLES
    held_out: int = HELD_OUT
    batch_size: int = PROBE_BATCH
    seed: int = 42
    owner: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.steps, int) or not 3 <= self.steps <= 200:
            raise UserError(f"A probe takes between 3 and 200 steps (you gave {self.steps}); about 36 is usual.",
                            zh=f"学习率探测的步数应在 3 到 200 之间(你给的是 {self.steps});通常约 36 步。")
        if not 0 < self.lr_min < self.lr_max <= 1e-2:
            raise UserError("The probe's learning rates must rise from above 0 to at most 0.01.",
                            zh="探测的学习率必须从大于 0 升到不超过 0.01。")

    def save(self, path: Path) -> Path:
        from tools.workspace import atomic_write_text

        return atomic_write_text(path, json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n")

    @classmethod
    def load(cls, path: Path) -> ProbeSettings:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def schedule(steps: int, lr_min: float = LR_MIN, lr_max: float = LR_MAX) -> list[float]:
    """Exponentially rising rates, lr_min at the first step and lr_max at the last.

    >>> [f"{lr:.0e}" for lr in schedule(4, 1e-5, 1e-2)]   # × 10 per step: (1e-2 / 1e-5) ** (1 / 3)
    ['1e-05', '1e-04', '1e-03', '1e-02']
    """
    ratio = lr_max / lr_min
    return [lr_min * ratio ** (i / (steps - 1)) for i in range(steps)]


def pick_samples(n: int, max_samples: int, held_out: int, seed: int) -> tuple[list[int], list[int]]:
    """(train indices, held-out indices) into the file's usable samples: a seeded sample of at most
    ``max_samples``; the held-out slice is taken first and is disjoint from the training indices.

    >>> train, held = pick_samples(1000, 256, 16, 0)
    >>> len(train), len(held), set(train) & set(held)
    (240, 16, set())
    """
    if n < 2:
        raise UserError("A learning-rate probe needs at least 2 samples with an answer (one to train on, one to measure).",
                        zh="学习率探测至少需要 2 条带答案的样本(一条用来训练,一条用来测量)。")
    order = list(range(n))
    random.Random(seed).shuffle(order)
    chosen = order[:max_samples]
    held = min(held_out, max(1, len(chosen) // 4))  # small files keep three quarters to train on
    return sorted(chosen[held:]), sorted(chosen[:held])


def usable_samples(path: str) -> list:
    """The file's samples that have an answer (the only ones training learns from)."""
    from tools.train.sftdata import read_samples

    return [s for s in read_samples(path) if s.answer.strip()]


def _request_stop(signum, frame) -> None:
    global STOP_REQUESTED
    STOP_REQUESTED = True


def _batch_loss(model, rows: list[dict], pad_id: int, autocast: bool, backward: bool) -> float:
    """Mean answer loss over ``rows`` (per labelled token), in token-budget micro-batches, with the
    trainer's own loss (``tools.train.engine.answer_loss``); ``backward`` also accumulates the gradient."""
    import torch

    from tools.train.batching import split_by_tokens
    from tools.train.engine import answer_loss
    from tools.train.sftdata import IGNORE, PadCollator

    collate = PadCollator(pad_id)
    labelled = sum(sum(1 for t in r["labels"][1:] if t != IGNORE) for r in rows)  # what answer_loss counts
    total = 0.0
    for chunk in split_by_tokens([len(r["input_ids"]) for r in rows], 2048):
        batch = collate([rows[i] for i in chunk])
        labels = batch["labels"]
        keep = torch.zeros_like(labels, dtype=torch.bool)
        keep[:, :-1] = labels[:, 1:] != IGNORE  # position i predicts token i + 1
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast):
            out = model(input_ids=batch["input_ids"], logits_to_keep=keep)
        loss = answer_loss(out, labels, num_items_in_batch=labelled)  # sum ÷ labelled tokens of all rows
        if backward:
            loss.backward()
        total += float(loss.detach())
    return total


def prepare(settings: ProbeSettings):
    """Tokenizer, LoRA model, encoded train and held-out rows, and the facts the result reports."""
    import torch

    from tools.models.models import bf16_supported, load_tokenizer
    from tools.train.hparams import MAX_SEQ_CAP
    from tools.train.sftdata import encode_samples
    from tools.train.train import load_model
    from tools.train.trainconfig import TrainConfig

    samples = usable_samples(settings.data_path)
    train_idx, held_idx = pick_samples(len(samples), settings.max_samples, settings.held_out, settings.seed)
    tokenizer = load_tokenizer(settings.base_model)
    train_rows = encode_samples(tokenizer, [samples[i] for i in train_idx], MAX_SEQ_CAP).rows
    held_rows = encode_samples(tokenizer, [samples[i] for i in held_idx], MAX_SEQ_CAP).rows
    if not train_rows or not held_rows:
        raise UserError(f"{Path(settings.data_path).name} has too few samples whose answer survives tokenisation to probe.",
                        zh=f"{Path(settings.data_path).name} 里分词后仍有答案的样本太少,无法探测。")
    bf16 = bf16_supported(torch.device("cpu"))
    torch.manual_seed(settings.seed)
    config = TrainConfig(data_path=settings.data_path, base_model=settings.base_model)  # the run's LoRA shape
    model = load_model(config, bf16)
    facts = {"samples_in_file": len(samples), "samples_used": len(train_idx) + len(held_idx),
             "train_samples": len(train_rows), "held_out_samples": len(held_rows),
             "train_indices": train_idx, "held_indices": held_idx,
             "lora": {"r": config.lora_r, "alpha": config.lora_alpha, "targets": config.lora_targets}}
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    return model, pad_id, bf16, train_rows, held_rows, facts


def probe(settings: ProbeSettings, on_point=None, should_stop=lambda: False) -> dict:
    """Run the range test; ``on_point(curve)`` hears the curve after every step. Returns the raw
    curve (``tools.train.probecurve.analyse`` turns it into advice)."""
    import torch

    started = time.perf_counter()
    model, pad_id, bf16, train_rows, held_rows, facts = prepare(settings)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=settings.lr_min, weight_decay=0.0)
    rng = random.Random(settings.seed)
    order: list[int] = []
    curve = {**facts, "steps_planned": settings.steps, "lrs": [], "train_losses": [], "held_losses": [],
             "baseline_loss": None, "tokens": 0, "loop_seconds": 0.0, "stopped": False, "diverged": False}
    with torch.no_grad():
        model.eval()
        curve["baseline_loss"] = _batch_loss(model, held_rows, pad_id, bf16, backward=False)
    loop_t0 = time.perf_counter()
    for lr in schedule(settings.steps, settings.lr_min, settings.lr_max):
        if should_stop():
            curve["stopped"] = True
            break
        if len(order) < settings.batch_size:  # a fresh pass over the training rows, reshuffled
            order += rng.sample(range(len(train_rows)), len(train_rows))
        batch, order = [train_rows[i] for i in order[:settings.batch_size]], order[settings.batch_size:]
        model.train()
        for group in optimizer.param_groups:
            group["lr"] = lr
        optimizer.zero_grad(set_to_none=True)
        train_loss = _batch_loss(model, batch, pad_id, bf16, backward=True)
        optimizer.step()
        model.eval()
        with torch.no_grad():
            held = _batch_loss(model, held_rows, pad_id, bf16, backward=False)
        curve["lrs"].append(lr)
        curve["train_losses"].append(round(train_loss, 5))
        curve["held_losses"].append(round(held, 5) if math.isfinite(held) else None)
        curve["tokens"] += sum(len(r["input_ids"]) for r in batch)
        curve["loop_seconds"] = round(time.perf_counter() - loop_t0, 2)
        curve["seconds"] = round(time.perf_counter() - started, 2)
        if on_point:
            on_point(curve)
        if not math.isfinite(held) or held > 4 * min(curve["baseline_loss"], *[h for h in curve["held_losses"] if h is not None]):
            curve["diverged"] = True  # the loss blew up: higher rates tell nothing more
            break
    curve["seconds"] = round(time.perf_counter() - started, 2)
    return curve


def main(argv: list[str] | None = None) -> int:
    """The detached probe process: hold the folder's lock, probe, write probe.json and state.json."""
    from tools.train import runlock
    from tools.train.probecurve import analyse
    from tools.train.runstate import update_state
    from tools.workspace import atomic_write_text, scoped

    probe_dir = Path((argv or sys.argv[1:])[0]).resolve()
    signal.signal(signal.SIGTERM, _request_stop)
    try:
        runlock.hold_trainer(probe_dir)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    settings = ProbeSettings.load(probe_dir / CONFIG)
    update_state(probe_dir, state="running", started_at=_now(), error=None)

    def write(curve: dict) -> None:
        atomic_write_text(probe_dir / CURVE, json.dumps(analyse(curve, settings), ensure_ascii=False, indent=1) + "\n")
        update_state(probe_dir, step=len(curve["lrs"]), total_steps=settings.steps)

    try:
        with scoped(settings.owner):
            curve = probe(settings, on_point=write, should_stop=lambda: STOP_REQUESTED)
            write(curve)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        update_state(probe_dir, state="failed", error=str(exc), error_zh=exc.zh, finished_at=_now())
        return 1
    except Exception as exc:  # the sentence in state.json, the traceback in probe.log
        traceback.print_exc()
        update_state(probe_dir, state="failed", finished_at=_now(),
                     error=f"The probe failed ({type(exc).__name__}: {exc}); see {probe_dir / 'probe.log'}.")
        return 1
    update_state(probe_dir, state="stopped" if curve["stopped"] else "succeeded", finished_at=_now())
    return 0


def _now() -> str:
    from tools.train.runs import now

    return now()


if __name__ == "__main__":
    sys.exit(main())
