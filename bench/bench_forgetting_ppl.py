"""The forgetting figure of finished runs over the whole evaluation half of the general prompt set (100
prompts), not the 8 the end-of-run report answers: how much less likely each tuned model finds the base
model's own answers (perplexity rise, %). No generation beyond the cached references, so it is cheap.

    python bench/bench_forgetting_ppl.py RUN_DIR [RUN_DIR ...] [--skip-trained]

``--skip-trained`` leaves out every general prompt any of the given runs mixed into its training (the
mixing draw replayed from its config: seed and share over the whole set, as runs drew before the set was
split in two), so all runs are compared on the same untouched prompts.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def mixed_ids(run_dir: Path) -> set[str]:
    """The general prompts a run trained on, replaying its mixing draw (seed, share) over the whole set as
    it was drawn before the set was split (runs of this round's benchmarks)."""
    from tools.models.general import load_prompts

    config = json.loads((run_dir / "config.json").read_text())
    state = json.loads((run_dir / "state.json").read_text())
    wanted = state.get("general_wanted") or 0
    if not config.get("mix_general") or not wanted:
        return set()
    rng = random.Random(config.get("seed", 42))
    return {p["id"] for p in rng.sample(load_prompts(), min(wanted, len(load_prompts())))}


def main() -> None:
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from tools.data.samples import Sample
    from tools.models.evaluate import _loss
    from tools.models.general import evaluation_prompts, reference_answers
    from tools.models.models import resolve_base_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+")
    parser.add_argument("--skip-trained", action="store_true")
    args = parser.parse_args()
    runs = [Path(r) for r in args.runs]
    skip = set().union(*(mixed_ids(r) for r in runs)) if args.skip_trained else set()
    prompts = [p for p in evaluation_prompts() if p["id"] not in skip]
    base = str(resolve_base_model(None))
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    started = time.perf_counter()
    refs, generated = reference_answers(base, model, tokenizer, prompts)
    samples = [Sample.from_pair(p["prompt"], r or "…") for p, r in zip(prompts, refs)]
    base_side = _loss(model, tokenizer, samples)
    print(json.dumps({"prompts": len(prompts), "skipped_trained": sorted(skip), "references_generated_now": generated,
                      "base": base_side, "seconds": round(time.perf_counter() - started, 1)}), flush=True)
    for run in runs:
        t0 = time.perf_counter()
        tuned = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32), str(run / "adapter"))
        side = _loss(tuned, tokenizer, samples)
        config = json.loads((run / "config.json").read_text())
        print(json.dumps({"run": run.name, "epochs": config["epochs"], "mix_general": config.get("mix_general"),
                          "tuned": side, "forgetting_pct": round(100 * (side["perplexity"] / base_side["perplexity"] - 1), 2),
                          "seconds": round(time.perf_counter() - t0, 1)}), flush=True)


if __name__ == "__main__":
    main()
