"""The training process: ``python -m tools.train.train RUN_DIR [--resume]`` — the only trainer code.

Runs as a detached process started by ``tools.train.runs`` (or under ``torchrun`` / ``accelerate launch``
for several GPUs or machines: ``transformers.Trainer`` picks up RANK/WORLD_SIZE and wraps the model
in DDP). It reads RUN_DIR/config.json and writes state.json, metrics.jsonl, checkpoints/ and
adapter/. SIGTERM asks it to stop at the end of the current step: it checkpoints, writes
"stopped" and exits, so ``--resume`` continues with the same step count and LR schedule.

Speed on a CPU (see bench/bench_train.py): bf16 weights, fp32 LoRA parameters, matmuls under
``torch.autocast(bfloat16)``, no attention mask (right padding + labels -100), steps of samples of
similar length and forward passes filled up to a token budget (``tools.train.batching``).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

import torch
from transformers import TrainerCallback, TrainingArguments

from tools.errors import UserError
from tools.models.evaluate import split_samples
from tools.models.models import bf16_supported
from tools.train import runlock
from tools.train.engine import SFTTrainer
from tools.train.hparams import MAX_SEQ_CAP
from tools.train.runs import now, read_metrics_file, read_state, update_state
from tools.train.sftdata import PadCollator, encode_samples
from tools.train.trainconfig import ATTENTION_MODULES, TrainConfig
from tools.workspace import atomic_write_text

STOP_REQUESTED = False


def _request_stop(signum, frame) -> None:
    global STOP_REQUESTED
    STOP_REQUESTED = True


class RunCallback(TrainerCallback):
    """Writes state.json and metrics.jsonl (main process only) and turns SIGTERM into a clean stop."""

    def __init__(self, run_dir: Path, trainer: SFTTrainer, world_size: int):
        self.run_dir, self.trainer, self.world = run_dir, trainer, world_size
        self.t0 = self.t_last = time.perf_counter()
        self.tokens_last = 0
        self.first_step = 0

    def on_train_begin(self, args, state, control, **kwargs):
        self.first_step = state.global_step
        self.t0 = self.t_last = time.perf_counter()
        if state.is_world_process_zero:
            update_state(self.run_dir, state="running", step=state.global_step, total_steps=state.max_steps)

    def on_step_end(self, args, state, control, **kwargs):
        if _stop_everywhere():
            control.should_save = True  # a checkpoint at this very step, for --resume
            control.should_training_stop = True
        if state.is_world_process_zero:
            update_state(self.run_dir, step=state.global_step, total_steps=state.max_steps)

    def on_log(self, args, state, control, logs=None, **kwargs):
        if not state.is_world_process_zero or not logs or "train_runtime" in logs:
            return
        t = time.perf_counter()
        # Each process counts its own batches; the others see batches of the same kind (× world size).
        tokens = (self.trainer.real_tokens - self.tokens_last) * self.world
        done = state.global_step - self.first_step
        per_step = (t - self.t0) / done if done else 0.0
        row = {
            "step": state.global_step, "epoch": round(state.epoch or 0.0, 4),
            **{k: round(v, 6) if isinstance(v, float) else v for k, v in logs.items()},
            "elapsed_s": round(t - self.t0, 2),
        }
        if "eval_loss" in logs:
            self.t_last += logs.get("eval_runtime", 0.0)  # evaluation time is not training speed
        else:
            row["tokens_per_s"] = round(tokens / max(t - self.t_last, 1e-9), 1)
            row["eta_s"] = round(per_step * (state.max_steps - state.global_step), 1)
            self.t_last, self.tokens_last = t, self.trainer.real_tokens
        with open(self.run_dir / "metrics.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(row) + "\n")


def _stop_everywhere() -> bool:
    """Every process must stop at the same step, or DDP waits forever on the one that went on."""
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        flag = torch.tensor([1.0 if STOP_REQUESTED else 0.0])
        if torch.distributed.get_backend() == "nccl":
            flag = flag.cuda()
        torch.distributed.all_reduce(flag, op=torch.distributed.ReduceOp.MAX)
        return bool(flag.item())
    return STOP_REQUESTED


def load_data(config: TrainConfig, tokenizer, split=None) -> tuple[list[dict], list[dict], dict]:
    """Encoded train and validation rows plus counts for state.json; ``split`` = (train, held-out)
    samples from ``tools.models.evaluate.split_samples`` (the hold-out is taken before encoding)."""
    train_samples, val_samples = split or split_samples(config)
    encoded = encode_samples(tokenizer, train_samples, config.max_seq_length or MAX_SEQ_CAP)
    held = encode_samples(tokenizer, val_samples, config.max_seq_length or MAX_SEQ_CAP)
    if not encoded.rows:
        raise UserError(f"{config.data_path} has no sample with an answer to learn from; each record needs a non-empty answer.")
    train, val = encoded.rows, held.rows
    info = {
        "samples": len(train_samples) + (0 if config.validation_file else len(val_samples)),
        "train_samples": len(train), "validation_samples": len(val),
        "truncated": encoded.truncated + held.truncated, "dropped": len(encoded.dropped) + len(held.dropped),
        "train_tokens_per_epoch": sum(len(r["input_ids"]) for r in train),
    }
    return train, val, info


def load_model(config: TrainConfig, bf16: bool):
    """bf16 frozen weights for LoRA (peft keeps the adapters in fp32); fp32 weights for full fine-tuning,
    whose optimizer needs fp32 master weights (autocast still runs its matmuls in bf16)."""
    from transformers import AutoModelForCausalLM

    dtype = torch.bfloat16 if bf16 and config.method == "lora" else torch.float32
    model = AutoModelForCausalLM.from_pretrained(config.base_model, dtype=dtype)
    model.config.use_cache = False  # the KV cache is for generation; training only wastes memory on it
    if config.method == "full":
        return model
    from peft import LoraConfig, get_peft_model

    targets = "all-linear" if config.lora_targets == "all-linear" else ATTENTION_MODULES
    lora = LoraConfig(r=config.lora_r, lora_alpha=config.lora_alpha, lora_dropout=config.lora_dropout,
                      target_modules=targets, task_type="CAUSAL_LM")
    model = get_peft_model(model, lora)
    if bf16:
        # peft casts each LoRA input up to the adapters' fp32, keeping an fp32 copy of every linear
        # layer's input for the backward pass (~1.4 MB per token for SmolLM2: 8 × 512 tokens took 7 GB).
        # Under autocast the matmul runs in bf16 anyway, so the cast only costs memory and copies.
        from peft.tuners.tuners_utils import BaseTunerLayer

        for module in model.modules():
            if isinstance(module, BaseTunerLayer):
                module.cast_input_dtype_enabled = False
    return model


def plan_steps(config: TrainConfig, n_train: int, world: int) -> int:
    """Optimizer steps of the whole run: ⌈⌈n ÷ (batch × processes)⌉ ÷ accumulation⌉ per epoch × epochs."""
    if config.max_steps > 0:
        return config.max_steps
    batches = math.ceil(n_train / (config.per_device_batch_size * world))
    return max(1, math.ceil(config.epochs * math.ceil(batches / config.gradient_accumulation_steps)))


def fit_batch(config: TrainConfig, longest: int) -> tuple[int, int]:
    """(per-device batch, accumulation) that keep batch × longest ≤ max_batch_tokens and the global batch.

    >>> fit_batch(TrainConfig("d", "m", per_device_batch_size=8, max_batch_tokens=2048), longest=700)
    (2, 4)
    """
    batch = config.per_device_batch_size
    if batch * longest <= config.max_batch_tokens:
        return batch, config.gradient_accumulation_steps
    fitted = max(1, config.max_batch_tokens // longest)
    return fitted, math.ceil(batch * config.gradient_accumulation_steps / fitted)


def uses_token_budget(config: TrainConfig) -> bool:
    """Token-budget micro-batches run their backward passes inside one Trainer step; DeepSpeed steps its
    optimizer in every backward, so under DeepSpeed the batch follows the longest sample instead."""
    return not config.deepspeed


EVALUATIONS = 4
"""Validation-loss points per run during training (the loss curve's held-out line)."""


def training_args(config: TrainConfig, run_dir: Path, n_train: int, has_eval: bool, device: torch.device,
                  longest: int = 0) -> TrainingArguments:
    world = int(os.environ.get("WORLD_SIZE", "1"))
    eval_batch, accumulation = fit_batch(config, longest)
    if uses_token_budget(config):
        # One Trainer batch = one optimizer step's samples on this process (e.g. 8 × 4 = 32); SFTTrainer
        # cuts it into micro-batches of ≤ max_batch_tokens padded tokens, so the global batch is exact.
        config = dataclasses.replace(config, per_device_batch_size=config.per_device_batch_size * config.gradient_accumulation_steps,
                                     gradient_accumulation_steps=1)
    else:
        config = dataclasses.replace(config, per_device_batch_size=eval_batch, gradient_accumulation_steps=accumulation)
    total = plan_steps(config, n_train, world)
    save_steps = config.save_steps or max(1, min(50, math.ceil(total / 10)))  # ~10 checkpoints, ≤ 50 steps apart
    # the validation loss a few times a run (e.g. 45 steps: at 12, 24 and 36), never more often than checkpoints:
    # each evaluation of a small run costs about half a training step, and the end-of-run report scores the held-out split anyway
    eval_steps = max(save_steps, math.ceil(total / EVALUATIONS))
    return TrainingArguments(
        output_dir=str(run_dir / "checkpoints"),
        num_train_epochs=config.epochs, max_steps=config.max_steps,
        per_device_train_batch_size=config.per_device_batch_size, per_device_eval_batch_size=eval_batch,
        gradient_accumulation_steps=config.gradient_accumulation_steps,
        learning_rate=config.learning_rate, lr_scheduler_type="cosine", warmup_steps=config.warmup_ratio,
        weight_decay=config.weight_decay, seed=config.seed,
        logging_steps=config.logging_steps, save_strategy="steps", save_steps=save_steps, save_total_limit=2,
        eval_strategy="steps" if has_eval else "no", eval_steps=eval_steps if has_eval else None,
        train_sampling_strategy="group_by_length", remove_unused_columns=False,  # eval batches; training: SFTTrainer's sampler
        use_cpu=device.type == "cpu", ddp_backend="gloo" if device.type == "cpu" and world > 1 else None,
        deepspeed=config.deepspeed, fsdp=config.fsdp or None,
        report_to="none", disable_tqdm=True, dataloader_num_workers=0, prediction_loss_only=True,
    )


def trim_metrics(run_dir: Path, step: int) -> None:
    """On resume, drop metrics logged after the checkpoint: those steps are trained again."""
    rows = [r for r in read_metrics_file(run_dir) if r.get("step", 0) <= step]
    atomic_write_text(run_dir / "metrics.jsonl", "".join(json.dumps(r) + "\n" for r in rows))


def train(run_dir: Path, resume: bool) -> dict:
    """Train (or go on training) the run in ``run_dir``; return facts for state.json."""
    from transformers import AutoTokenizer
    from transformers.trainer_utils import get_last_checkpoint

    config = TrainConfig.load(run_dir / "config.json")
    tokenizer = AutoTokenizer.from_pretrained(config.base_model)
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    split = split_samples(config)
    train_rows, val_rows, info = load_data(config, tokenizer, split)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    bf16 = bf16_supported(device)
    model = load_model(config, bf16)
    train_rows, info = mix_general(config, model, tokenizer, train_rows, info)
    longest = max(len(r["input_ids"]) for r in train_rows + val_rows)
    args = training_args(config, run_dir, len(train_rows), bool(val_rows), device, longest)
    trainer = SFTTrainer(
        model=model, args=args, train_dataset=train_rows, eval_dataset=val_rows or None,
        data_collator=PadCollator(pad_id), processing_class=tokenizer, autocast=bf16,
        max_batch_tokens=config.max_batch_tokens if uses_token_budget(config) else None,
    )
    trainer.add_callback(RunCallback(run_dir, trainer, args.world_size))
    checkpoint = get_last_checkpoint(args.output_dir) if resume and Path(args.output_dir).is_dir() else None
    resumed_step = int(Path(checkpoint).name.split("-")[-1]) if checkpoint else 0
    if checkpoint and trainer.is_world_process_zero():
        trim_metrics(run_dir, resumed_step)
    if trainer.is_world_process_zero():
        update_state(run_dir, resumed_from=checkpoint, resumed_step=resumed_step, per_device_batch_size=args.per_device_train_batch_size,
                     gradient_accumulation_steps=args.gradient_accumulation_steps, max_batch_tokens=trainer.max_batch_tokens, world_size=args.world_size, precision="bf16 autocast" if bf16 else "fp32", device=device.type, **info)
    started = time.perf_counter()
    if STOP_REQUESTED:  # stopped while loading: nothing trained, nothing to save
        return {"peak_rss_mb": peak_rss_mb()}
    trainer.train(resume_from_checkpoint=checkpoint)
    if not STOP_REQUESTED:
        trainer.save_model(str(run_dir / "adapter"))
        if trainer.is_world_process_zero():
            tokenizer.save_pretrained(str(run_dir / "adapter"))
            if config.evaluate and config.method == "lora":  # before merging, which folds the adapter away
                from tools.models.evaluate import after_training

                update_state(run_dir, phase="evaluating")
                after_training(run_dir, config, trainer.model, tokenizer, split[1], split[0], lambda: STOP_REQUESTED)
                update_state(run_dir, phase=None)
            if config.merge and config.method == "lora":
                merged = trainer.model.merge_and_unload()
                merged.save_pretrained(str(run_dir / "merged"))
                tokenizer.save_pretrained(str(run_dir / "merged"))
    return {"train_seconds": round(time.perf_counter() - started, 1), "peak_rss_mb": peak_rss_mb(),
            "real_tokens_seen": trainer.real_tokens * args.world_size}


def mix_general(config: TrainConfig, model, tokenizer, train_rows: list[dict], info: dict) -> tuple[list[dict], dict]:
    """Add ``config.mix_general`` × the task samples of general data (``tools.models.general``) to the training rows."""
    if not config.mix_general:
        return train_rows, info
    from tools.models.general import mix_samples

    general, mixed = mix_samples(config, model, tokenizer, len(train_rows))
    rows = encode_samples(tokenizer, general, config.max_seq_length or MAX_SEQ_CAP).rows
    return train_rows + rows, {**info, **mixed, "train_samples": len(train_rows) + len(rows)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _prepare_base(run_dir: Path) -> None:
    """The embedded model folder may have been deleted since the run was set up: prepare it again
    (single-flight, so a run and the app never convert it twice at once)."""
    from tools.models.models import embedded_dir, is_prepared, prepare_embedded

    base = Path(TrainConfig.load(run_dir / "config.json").base_model)
    if base == embedded_dir() and not is_prepared(base):
        prepare_embedded()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.train.train", description="Run (or resume) the training run in RUN_DIR.")
    parser.add_argument("run_dir")
    parser.add_argument("--resume", action="store_true", help="continue from the newest checkpoint")
    parser.add_argument("--now", action="store_true", help="start at once, even while another run trains (no queue)")
    args = parser.parse_args(argv)
    run_dir = Path(args.run_dir).resolve()
    signal.signal(signal.SIGTERM, _request_stop)
    main_process = int(os.environ.get("RANK", "0")) == 0

    def record(**changes) -> None:
        if main_process:
            update_state(run_dir, **changes)

    if main_process:
        try:
            runlock.hold_trainer(run_dir)  # one trainer per run, for this process's whole life
        except UserError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1  # the run belongs to another live trainer: touch nothing
    launched = {} if read_state(run_dir).get("pid") else {"pid": os.getpid()}  # started by hand (torchrun on a cluster)
    if main_process and not args.now:
        record(worker_pid=os.getpid(), pgid=os.getpgid(0), **launched)
        if not runlock.wait_for_slot(lambda ahead: record(state="queued", queue_ahead=ahead), lambda: STOP_REQUESTED):
            record(state="stopped", queue_ahead=None, error=None, finished_at=now())  # stopped while queued
            return 0
    record(state="running", queue_ahead=None, worker_pid=os.getpid(), pgid=os.getpgid(0), error=None, started_at=now(),
           stop_requested_at=None, **launched)
    try:
        _prepare_base(run_dir)
        facts = train(run_dir, args.resume)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        record(state="failed", error=str(exc), finished_at=now())
        return 1
    except Exception as exc:  # anything else: the sentence in state.json, the traceback in train.log
        traceback.print_exc()
        record(state="failed", finished_at=now(), error=f"Training failed ({type(exc).__name__}: {exc}); see {run_dir / 'train.log'}.")
        return 1
    finally:
        _leave_process_group()
    if STOP_REQUESTED and torn_down(run_dir):
        record(state="failed", finished_at=now(), error=TORN_DOWN.format(log=run_dir / "train.log"), **facts)
        return 1
    record(state="stopped" if STOP_REQUESTED else "succeeded", finished_at=now(), **facts)
    return 0


TORN_DOWN = "Another process of this run failed, and torchrun stopped this one; see {log}."


def torn_down(run_dir: Path) -> bool:
    """Whether the SIGTERM this process got came from torchrun tearing down a run one of whose processes failed (under
    torchrun, with no stop asked for: :func:`tools.train.runs.stop_run` writes ``stop_requested_at`` before it signals)."""
    return int(os.environ.get("WORLD_SIZE", "1")) > 1 and not read_state(run_dir).get("stop_requested_at")


def _leave_process_group() -> None:
    """Under torchrun, each rank leaves the process group before it exits. Rank 1 is done once the adapter is saved (the
    last collective step) while rank 0 still evaluates and merges; exiting with its gloo group live, it aborted at
    interpreter exit ("terminate called without an active exception") and torchrun then stopped rank 0 mid-save."""
    if "torch" not in sys.modules:
        return
    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


if __name__ == "__main__":
    sys.exit(main())
