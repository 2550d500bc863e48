"""Training speed over a WHOLE epoch: our engine against a plain transformers Trainer, same samples, one run.

    .venv/bin/python bench/bench_train.py                    # 300 samples of alpaca_zh_demo, 2 rounds (AB, BA)
    .venv/bin/python bench/bench_train.py --quick            # 24 samples, 1 round: a smoke test, not a figure
    .venv/bin/python bench/bench_train.py --samples 200 --rounds 4 --max-len 512

Both arms train ONE epoch over the same tokenised samples (chat template, answer-only labels, the
first ``--samples`` of the file, cut at ``--max-len``): every sample once, so neither arm can pick its
best-filled batches. Each arm runs in its own subprocess (its own peak RSS); rounds alternate the
order (AB, BA, …) so a change in the shared machine's load hits both arms alike, and the ratio that
counts is the one over all rounds.

- baseline: ``transformers.Trainer`` with default ``TrainingArguments`` (batch 8, fp32, random order)
  and ``DataCollatorForSeq2Seq(padding="longest")`` with an attention mask; the same LoRA.
- ours: ``tools.train.train`` as a run uses it, at the advised settings (global batch from
  ``tools.train.hparams.suggest_global_batch``, ``max_batch_tokens`` from ``TrainConfig``): steps of similar-length samples
  cut into token-budget micro-batches, no attention mask, logits only at answer positions, bf16
  autocast where the CPU has bf16 matmuls (fp32 elsewhere).

Reported per arm: seconds for the epoch (``trainer.train()``, model loading excluded), real
(non-padding) tokens/s, MFU and peak RSS. MFU convention: 4 × N × real tokens ÷ epoch seconds, N = all
parameters of the model (139.4M for SmolLM2-135M with the r=16 adapter): forward 2N, and backward 2N for
the activations' gradients only, since LoRA's frozen weights get no weight gradient (the adapter's own
are under 3% of N); attention's L² term is left out, so it is a rough figure. The usual 6N convention
(full fine-tuning) is printed beside it: it counts weight gradients LoRA never computes and can pass
100%. Both are divided by the machine's peak measured in this run: the best of a few large fp32 (or
bf16, when ours trains in bf16) matmuls through torch with all its threads.
No packing is measured: samples are never packed (see tools/train/batching.py).
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


def encoded_rows(opts, base: str) -> list[dict]:
    from transformers import AutoTokenizer

    from tools.train.sftdata import encode_samples, read_samples

    samples = read_samples(opts.data)[: opts.samples]
    return encode_samples(AutoTokenizer.from_pretrained(base), samples, opts.max_len).rows


def run_baseline(base: str, rows: list[dict], out: str):
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
    args = TrainingArguments(output_dir=out, num_train_epochs=1, save_strategy="no", report_to="none", disable_tqdm=True, use_cpu=True)
    trainer = Counting(model=model, args=args, train_dataset=rows, data_collator=DataCollatorForSeq2Seq(tokenizer, padding="longest"))
    return trainer, lambda: trainer.real, "fp32"


def run_ours(base: str, rows: list[dict], out: str):
    import torch
    from transformers import AutoTokenizer

    from tools.train.engine import SFTTrainer
    from tools.train.hparams import suggest_global_batch
    from tools.train.sftdata import PadCollator
    from tools.train.train import bf16_supported, load_model, training_args
    from tools.train.trainconfig import TrainConfig

    config = TrainConfig(data_path="bench", base_model=base, epochs=1, per_device_batch_size=suggest_global_batch(len(rows)),
                         save_steps=10**6, validation_size=0)
    tokenizer = AutoTokenizer.from_pretrained(base)
    bf16 = bf16_supported(torch.device("cpu"))
    args = training_args(config, Path(out), len(rows), False, torch.device("cpu"), max(len(r["input_ids"]) for r in rows))
    trainer = SFTTrainer(model=load_model(config, bf16), args=args, train_dataset=rows, data_collator=PadCollator(tokenizer.pad_token_id),
                         processing_class=tokenizer, autocast=bf16, max_batch_tokens=config.max_batch_tokens)
    return trainer, lambda: trainer.real_tokens, "bf16 autocast" if bf16 else "fp32"


def arm(name: str, opts) -> dict:
    """Train one arm for one epoch in this process; return its figures."""
    import resource

    from tools.models.models import resolve_base_model

    base = resolve_base_model(None)
    rows = encoded_rows(opts, base)
    with tempfile.TemporaryDirectory() as out:
        trainer, counter, precision = (run_baseline if name == "baseline" else run_ours)(base, rows, out)
        started = time.perf_counter()
        trainer.train()
        seconds = time.perf_counter() - started
    params = sum(p.numel() for p in trainer.model.parameters())
    return {"arm": name, "precision": precision, "samples": len(rows), "steps": trainer.state.global_step,
            "real_tokens": counter(), "epoch_tokens": sum(len(r["input_ids"]) for r in rows), "params": params,
            "seconds": round(seconds, 1), "tokens_per_s": round(counter() / seconds, 2),
            "peak_rss_gb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)}


def measured_peak(dtype_name: str) -> float:
    """FLOP/s of the best of a few 2048³ matmuls (the machine's practical peak for this dtype)."""
    import torch

    dtype = torch.bfloat16 if dtype_name.startswith("bf16") else torch.float32
    a, b = torch.randn(2048, 2048, dtype=dtype), torch.randn(2048, 2048, dtype=dtype)
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t)
    return 2 * 2048**3 / best


def run_arm(name: str, opts) -> dict:
    cmd = [sys.executable, __file__, "--arm", name, "--data", opts.data, "--samples", str(opts.samples), "--max-len", str(opts.max_len)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
    line = next((out for out in proc.stdout.splitlines() if out.startswith("RESULT ")), None)
    if line is None:
        sys.exit(f"{name} arm failed (exit status {proc.returncode}; -9 is a kill, e.g. out of memory):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    result = json.loads(line[7:])
    print(json.dumps(result), flush=True)
    return result


def report(rounds: list[dict], peak: float, opts) -> None:
    print(f"\nwhole epoch of {rounds[0]['ours']['samples']} samples of {Path(opts.data).name} (max length {opts.max_len}), "
          f"{len(rounds)} round(s) AB/BA, measured peak {peak / 1e9:.1f} GFLOP/s ({os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f})")
    totals = {}
    for name in ("baseline", "ours"):
        tokens = sum(r[name]["real_tokens"] for r in rounds)
        seconds = sum(r[name]["seconds"] for r in rounds)
        first = rounds[0][name]
        totals[name] = tokens / seconds
        mfu, mfu6 = 4 * first["params"] * totals[name] / peak, 6 * first["params"] * totals[name] / peak
        print(f"{name:9s} {first['precision']:14s} epoch {seconds / len(rounds):8.1f} s   {totals[name]:8.1f} real tokens/s   "
              f"MFU {mfu:6.1%} (6N: {mfu6:.1%})   peak RSS {max(r[name]['peak_rss_gb'] for r in rounds):.2f} GB   ({first['steps']} steps)")
    per_round = ", ".join(f"{r['ours']['tokens_per_s'] / r['baseline']['tokens_per_s']:.2f}x" for r in rounds)
    print(f"ratio ours / baseline over all rounds: {totals['ours'] / totals['baseline']:.2f}x   (per round: {per_round})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--samples", type=int, default=300, help="the first N samples of the file make the epoch")
    parser.add_argument("--max-len", type=int, default=512, help="truncate samples to this many tokens (both arms)")
    parser.add_argument("--rounds", type=int, default=2, help="baseline/ours pairs, alternating their order")
    parser.add_argument("--quick", action="store_true", help="24 samples, 1 round: checks the bench runs (no figure to quote)")
    parser.add_argument("--arm", choices=["baseline", "ours"], help="(internal) run one arm and print JSON")
    opts = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if opts.quick:
        opts.samples, opts.rounds = min(opts.samples, 24), 1
    if opts.arm:
        print("RESULT " + json.dumps(arm(opts.arm, opts)))
        return
    rounds = []
    for i in range(opts.rounds):
        order = ("baseline", "ours") if i % 2 == 0 else ("ours", "baseline")
        rounds.append({name: run_arm(name, opts) for name in order})
    report(rounds, measured_peak(rounds[0]["ours"]["precision"]), opts)


if __name__ == "__main__":
    main()
