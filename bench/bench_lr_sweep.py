"""Which learning rate and how many epochs make the embedded model LEARN (not memorise): a sweep on
made-up facts, scored on phrasings the run never saw (issue 17).

    python bench/bench_lr_sweep.py                                  # en + zh, lr 3e-4 / 1e-3 / 2e-3, the manual's epochs
    python bench/bench_lr_sweep.py --langs zh --lrs 1e-3 --epochs 8 anchor
    python bench/bench_lr_sweep.py --default                        # the default path: no hyperparameters given

Every arm trains through the product path (``start_training`` → detached ``tools.train.train``) on 80
samples (20 invented facts × 4 phrasings, ``bench/facts.py``), without a validation split or the
end-of-run report (they cost time and change nothing learned); then base and tuned answer the 20
held-out phrasings greedily and a reply counts when it contains the invented answer. ``anchor``
is the manual's epoch rule for the data size (``tools.train.hparams.suggest_epochs``). ``--default``
runs ``start_training(data)`` exactly as a person would (its split and its report included) and
times it end to end. One JSON line per arm, then a Markdown table for docs/.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from facts import build, score  # noqa: E402


def answers(model, tokenizer, questions: list[str], new_tokens: int = 32) -> list[str]:
    """Greedy answers for all questions in one left-padded batch."""
    import torch

    tokenizer.padding_side = "left"
    prompts = [tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
               for q in questions]
    batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    with torch.no_grad():
        out = model.generate(**batch, max_new_tokens=new_tokens, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)


def held_score(adapter: str | None, held: list[dict], keys: list[str]) -> int:
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from tools.models.models import resolve_base_model

    base = str(resolve_base_model(None))
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    if adapter:
        model = PeftModel.from_pretrained(model, adapter)
    return score(answers(model, tokenizer, [row["messages"][0]["content"] for row in held]), keys)


def train_arm(data: Path, **settings) -> tuple[object, float]:
    from tools.train.runs import FINISHED, get_run, start_training

    started = time.perf_counter()
    run = start_training(str(data), **settings)
    while (info := get_run(run.run_dir)).state not in FINISHED:
        time.sleep(1)
    return info, time.perf_counter() - started


def write(folder: Path, lang: str) -> tuple[Path, list[dict], list[str]]:
    train, held, keys = build(lang)
    data = folder / f"facts_{lang}.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in train), encoding="utf-8")
    return data, held, keys


def sweep(folder: Path, langs: list[str], lrs: list[float], epochs: list[str]) -> list[dict]:
    from tools.train.hparams import suggest_epochs
    from tools.train.runs import read_metrics

    rows = []
    for lang in langs:
        data, held, keys = write(folder, lang)
        base = held_score(None, held, keys)
        for spec in epochs:
            n_epochs = suggest_epochs(80) if spec == "anchor" else float(spec)
            for lr in lrs:
                info, wall = train_arm(data, learning_rate=lr, epochs=n_epochs, validation_size=0, evaluate=False)
                losses = [m["loss"] for m in read_metrics(info) if "loss" in m]
                row = {"lang": lang, "samples": 80, "epochs": n_epochs, "epochs_rule": spec, "lr": lr, "state": info.state,
                       "steps": info.step, "final_train_loss": round(losses[-1], 4) if losses else None,
                       "held_out": held_score(str(info.adapter_dir), held, keys) if info.state == "succeeded" else None,
                       "base": base, "train_wall_s": round(wall, 1)}
                print(json.dumps(row), flush=True)
                rows.append(row)
    return rows


def machine_gflops() -> float:
    """fp32 matmul speed right now (a 2,048 × 576 × 1,536 product, the shape of an MLP layer): shared
    virtual machines vary by tens of percent from hour to hour, so each timing carries its context."""
    import torch

    a, w = torch.randn(2048, 576), torch.randn(576, 1536)
    started = time.perf_counter()
    for _ in range(20):
        a @ w
    return round(20 * 2 * 2048 * 576 * 1536 / (time.perf_counter() - started) / 1e9, 1)


def default_path(folder: Path, langs: list[str]) -> list[dict]:
    """The path a person takes: only the data file, the advice decides everything."""
    rows = []
    for lang in langs:
        data, held, keys = write(folder, lang)
        info, wall = train_arm(data)
        config = json.loads((info.run_dir / "config.json").read_text(encoding="utf-8"))
        report = json.loads((info.run_dir / "eval.json").read_text(encoding="utf-8")) if (info.run_dir / "eval.json").is_file() else {}
        row = {"lang": lang, "default": True, "epochs": config["epochs"], "lr": config["learning_rate"], "state": info.state,
               "steps": info.step, "held_out": held_score(str(info.adapter_dir), held, keys) if info.state == "succeeded" else None,
               "end_to_end_s": round(wall, 1), "report_s": report.get("seconds"),
               "adapter_ready_s": round(wall - (report.get("seconds") or 0), 1), "machine_gflops": machine_gflops()}
        print(json.dumps(row), flush=True)
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| lang | epochs | lr | steps | final train loss | held-out right (of 20) | base | train wall s |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['lang']} | {r['epochs']} ({r['epochs_rule']}) | {r['lr']:g} | {r['steps']} | {r['final_train_loss']} | "
              f"{r['held_out']} | {r['base']} | {r['train_wall_s']} |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", nargs="+", default=["en", "zh"])
    parser.add_argument("--lrs", nargs="+", type=float, default=[3e-4, 1e-3, 2e-3])
    parser.add_argument("--epochs", nargs="+", default=["anchor"], help="numbers, or 'anchor' for the manual's rule")
    parser.add_argument("--default", action="store_true", help="time the default path instead of sweeping")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-sweep-"))
    os.environ.setdefault("SFT_HOME", str(folder / "home"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.default:
        default_path(folder, args.langs)
        return
    print(table(sweep(folder, args.langs, args.lrs, args.epochs)))


if __name__ == "__main__":
    main()
