"""Issue 13's closing-note figures: does the report tell a tuned model from its base, does the forgetting
figure grow with epochs, and does ``--mix-general`` shrink it? Also GGUF sizes and the logits gap.

Trains on the made-up facts of tests/test_learning.py (80 samples; the 20 unseen phrasings are the
held-out file), once per arm, through the product path (start_training → tools.train.train → eval.json):

    python bench/bench_forgetting.py                      # arms e3, e30, e30mix (3 / 30 / 30 epochs + 10% mix)
    python bench/bench_forgetting.py --arms e3:3:0 --gguf  # one arm, then GGUF f16 / Q8_0 of it

Prints one JSON line per arm (task scores base → tuned, forgetting %, train and eval seconds) and, with
--gguf, file sizes and the max |logit| gap against the merged model. Slow: minutes per arm on 2 cores.
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
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def write_sets(folder: Path) -> tuple[Path, Path]:
    from test_learning import FACTS, KINDS, build_sets

    train, held = build_sets()
    answers = {kind: sentence for kind, _, sentence in KINDS}
    rows = []
    for (question, key), (kind, subject, _) in zip(held, FACTS):
        sentence = answers[kind].format(s=subject, a=key)
        rows.append({"messages": [{"role": "user", "content": question[0].upper() + question[1:]},
                                  {"role": "assistant", "content": sentence[0].upper() + sentence[1:]}]})
    data, held_file = folder / "facts.jsonl", folder / "held.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in train), encoding="utf-8")
    held_file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return data, held_file


def run_arm(data: Path, held: Path, epochs: float, mix: float) -> dict:
    from tools.train.runs import FINISHED, get_run, start_training

    started = time.perf_counter()
    run = start_training(str(data), epochs=epochs, learning_rate=1e-3, lora_r=16, validation_file=str(held), mix_general=mix)
    while (info := get_run(run.run_dir)).state not in FINISHED:
        time.sleep(2)
    report = json.loads((info.run_dir / "eval.json").read_text()) if (info.run_dir / "eval.json").is_file() else {}
    task, general = report.get("task", {}), report.get("general", {})
    pick = lambda side: {k: side.get(k) for k in ("loss", "exact_match", "char_f1", "rouge_l")}  # noqa: E731
    return {"state": info.state, "steps": info.step, "general_mixed": info.raw.get("general_mixed"),
            "task_base": pick(task.get("base", {})), "task_tuned": pick(task.get("tuned", {})),
            "forgetting_pct": general.get("forgetting_pct"), "general_rouge_l": general.get("tuned", {}).get("rouge_l"),
            "wall_s": round(time.perf_counter() - started, 1), "train_and_eval_s": info.raw.get("train_seconds"),
            "eval_s": report.get("seconds"), "run_id": info.run_id}


def gguf_figures(run_id: str) -> dict:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from tools.models.export import export_run

    merged = Path(export_run(run_id, to="merged")["files"][0])
    model = AutoModelForCausalLM.from_pretrained(str(merged), dtype=torch.float32)
    ids = AutoTokenizer.from_pretrained(str(merged)).apply_chat_template(
        [{"role": "user", "content": "What is the capital of Zorvania?"}], add_generation_prompt=True,
        return_tensors="pt", return_dict=True)["input_ids"]
    out = {}
    for quant in ("f16", "q8_0"):
        path = Path(export_run(run_id, to="gguf", quant=quant)["files"][0])
        loaded = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name, dtype=torch.float32)
        with torch.no_grad():
            a, b = model(ids).logits, loaded(ids).logits
        out[quant] = {"mib": round(path.stat().st_size / 2**20, 1), "max_logit_gap": round((a - b).abs().max().item(), 4),
                      "top1_agree": round((a.argmax(-1) == b.argmax(-1)).float().mean().item(), 3)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arms", nargs="+", default=["e3:3:0", "e30:30:0", "e30mix:30:0.1"], help="name:epochs:mix")
    parser.add_argument("--gguf", action="store_true", help="also export the first arm's model to GGUF f16 / Q8_0")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-forgetting-"))
    os.environ.setdefault("SFT_HOME", str(folder / "home"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    data, held = write_sets(folder)
    first = None
    for arm in args.arms:
        name, epochs, mix = arm.split(":")
        result = run_arm(data, held, float(epochs), float(mix))
        first = first or result["run_id"]
        print(json.dumps({"arm": name, **result}), flush=True)
    if args.gguf and first:
        print(json.dumps({"gguf": gguf_figures(first)}), flush=True)


if __name__ == "__main__":
    main()
