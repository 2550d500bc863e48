"""Training speed: our engine against a plain transformers Trainer, same model, same data, one run.

    .venv/bin/python bench/bench_train.py                      # 2 rounds × 8 timed steps per arm, batch 8
    .venv/bin/python bench/bench_train.py --steps 12 --batch 8 --data ../shared/datasets/alpaca_zh_demo.json

Arms (each in its own subprocess, so each gets its own peak-memory figure):
- baseline: ``transformers.Trainer`` with default ``TrainingArguments`` (fp32) except batch size and
  step count; ``DataCollatorForSeq2Seq(padding="longest")`` (pads each random batch to its longest
  sample, with an attention mask); the same LoRA (r=16, alpha=32, all linear layers).
- ours: ``tools.train`` as a run uses it (bf16 weights + fp32 LoRA under autocast, no attention mask,
  length-grouped batches, logits only at answer positions).

Both see the same tokenised samples (chat template, answer-only labels). We report REAL tokens/s
(padding excluded) over the steps after the warm-up, the ratio, MFU and peak memory.
MFU counts 6 × N × tokens FLOPs (N = all 134.5M parameters; forward 2N + backward 4N per token, the
usual convention: with frozen base weights LoRA's backward really skips the weight gradients, ~4N,
and attention's L² term is left out, so this is a rough figure) against a bf16 peak of ~1.5 TFLOP/s
(AMX matmul measured on this CPU).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "alpaca_zh_demo.json"
PEAK_FLOPS = 1.5e12


def timing_callback(counter, warmup: int):
    """Marks time and real tokens after the warm-up steps and at the last step."""
    from transformers import TrainerCallback

    class Timer(TrainerCallback):
        marks: dict = {}

        def on_step_end(self, args, state, control, **kwargs):
            if state.global_step == warmup:
                self.marks["start"] = (time.perf_counter(), counter())
            self.marks["end"] = (time.perf_counter(), counter())

    return Timer()


def encoded_rows(data: Path, base: str, max_len: int) -> list[dict]:
    from transformers import AutoTokenizer

    from tools.sftdata import encode_samples, read_samples

    return encode_samples(AutoTokenizer.from_pretrained(base), read_samples(str(data)), max_len).rows


def run_baseline(base: str, rows: list[dict], batch: int, steps: int, warmup: int, out: str):
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForSeq2Seq, Trainer, TrainingArguments

    class Counting(Trainer):
        real = 0

        def compute_loss(self, model, inputs, **kwargs):
            self.real += int(inputs["attention_mask"].sum())
            return super().compute_loss(model, inputs, **kwargs)

    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, lora_dropout=0.0, target_modules="all-linear", task_type="CAUSAL_LM"))
    rows = [{**r, "attention_mask": [1] * len(r["input_ids"])} for r in rows]
    args = TrainingArguments(output_dir=out, per_device_train_batch_size=batch, max_steps=steps, report_to="none")
    trainer = Counting(model=model, args=args, train_dataset=rows, data_collator=DataCollatorForSeq2Seq(tokenizer, padding="longest"))
    timer = timing_callback(lambda: trainer.real, warmup)
    trainer.add_callback(timer)
    trainer.train()
    return timer.marks


def run_ours(base: str, data: Path, rows: list[dict], batch: int, steps: int, warmup: int, out: str, max_len: int):
    import torch

    from tools.sftdata import PadCollator
    from tools.train import SFTTrainer, bf16_supported, load_model, training_args
    from tools.trainconfig import TrainConfig
    from transformers import AutoTokenizer

    config = TrainConfig(data_path=str(data), base_model=base, per_device_batch_size=batch, max_steps=steps, max_seq_length=max_len,
                         save_steps=10**6, validation_size=0, lora_r=16, lora_alpha=32, lora_targets="all-linear")
    tokenizer = AutoTokenizer.from_pretrained(base)
    bf16 = bf16_supported(torch.device("cpu"))
    longest = max(len(r["input_ids"]) for r in rows)
    args = training_args(config, Path(out), len(rows), False, torch.device("cpu"), longest)
    print(f"ours: per-device batch {args.per_device_train_batch_size} × accumulation {args.gradient_accumulation_steps}", file=sys.stderr)
    trainer = SFTTrainer(model=load_model(config, bf16), args=args, train_dataset=rows,
                         data_collator=PadCollator(tokenizer.pad_token_id), processing_class=tokenizer, autocast=bf16)
    timer = timing_callback(lambda: trainer.real_tokens, warmup)
    trainer.add_callback(timer)
    trainer.train()
    return timer.marks


def arm(name: str, opts) -> dict:
    """Run one arm in this process; return real tokens/s and peak memory."""
    import resource

    from tools.models import resolve_base_model

    base = resolve_base_model(None)
    rows = encoded_rows(Path(opts.data), base, opts.max_len)
    with tempfile.TemporaryDirectory() as out:
        if name == "baseline":
            marks = run_baseline(base, rows, opts.batch, opts.steps + opts.warmup, opts.warmup, out)
        else:
            marks = run_ours(base, Path(opts.data), rows, opts.batch, opts.steps + opts.warmup, opts.warmup, out, opts.max_len)
    (t0, n0), (t1, n1) = marks["start"], marks["end"]
    return {"arm": name, "real_tokens": n1 - n0, "seconds": round(t1 - t0, 2), "tokens_per_s": round((n1 - n0) / (t1 - t0), 1),
            "peak_rss_gb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--steps", type=int, default=8, help="timed optimizer steps per arm")
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps first")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--max-len", type=int, default=512, help="truncate samples to this many tokens (both arms)")
    parser.add_argument("--rounds", type=int, default=2, help="baseline/ours pairs, alternating their order")
    parser.add_argument("--arm", choices=["baseline", "ours"], help="(internal) run one arm and print JSON")
    opts = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if opts.arm:
        print("RESULT " + json.dumps(arm(opts.arm, opts)))
        return
    rounds = []
    for i in range(opts.rounds):
        # Alternate the order (AB, BA, …) so a change in the shared CPU's load hits both arms alike.
        order = ("baseline", "ours") if i % 2 == 0 else ("ours", "baseline")
        results = {name: run_arm(name, opts) for name in order}
        rounds.append(results)
        report(results, opts, f"round {i + 1}/{opts.rounds}")
    if len(rounds) > 1:
        total = {name: sum(r[name]["real_tokens"] for r in rounds) / sum(r[name]["seconds"] for r in rounds) for name in ("baseline", "ours")}
        print(f"\nall rounds: baseline {total['baseline']:.1f}, ours {total['ours']:.1f} real tokens/s, ratio {total['ours'] / total['baseline']:.2f}x")


def run_arm(name: str, opts) -> dict:
    cmd = [sys.executable, __file__, "--arm", name, "--data", opts.data, "--steps", str(opts.steps),
           "--warmup", str(opts.warmup), "--batch", str(opts.batch), "--max-len", str(opts.max_len)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        sys.exit(f"{name} arm failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    result = json.loads(line[7:])
    print(json.dumps(result), flush=True)
    return result


def report(results: dict, opts, title: str) -> None:
    n_params = 134_515_008  # SmolLM2-135M-Instruct, tied embeddings counted once
    print(f"\n{title}: data {Path(opts.data).name}, batch {opts.batch} (ours keeps batch × longest ≤ 2,048 tokens), max length {opts.max_len}, {opts.steps} timed steps after {opts.warmup} warm-up, load {os.getloadavg()[0]:.1f}")
    for name, r in results.items():
        mfu = 6 * n_params * r["tokens_per_s"] / PEAK_FLOPS
        print(f"{name:9s} {r['tokens_per_s']:8.1f} real tokens/s   MFU {mfu:6.1%}   peak RSS {r['peak_rss_gb']:.2f} GB   ({r['real_tokens']} tokens in {r['seconds']} s)")
    print(f"ratio ours / baseline: {results['ours']['tokens_per_s'] / results['baseline']['tokens_per_s']:.2f}x", flush=True)


if __name__ == "__main__":
    main()
