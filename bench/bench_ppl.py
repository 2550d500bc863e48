"""Perplexity scoring: batched (length-sorted, bf16 autocast) against one sample at a time, same run.

    .venv/bin/python bench/bench_ppl.py [--samples 48] [--batch-size 16] [--threads 2]

Scores the first ``--samples`` records of ../shared/datasets/alpaca_zh_demo.json under the
embedded SmolLM2-135M-Instruct, model loaded once; prints samples/s of each mode, the ratio,
and the largest relative difference between the two sets of perplexities.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=48)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--data", default=str(Path(os.environ.get("SFT_SHARED", ROOT.parent / "shared")) / "datasets" / "alpaca_zh_demo.json"))
    args = parser.parse_args()

    import torch

    from tools.data.formats import read_dataset
    from tools.models.models import load_model, load_tokenizer
    from tools.quality.perplexity import encode, perplexities

    torch.set_num_threads(args.threads)
    samples = read_dataset(args.data).samples[: args.samples]
    tokenizer, model = load_tokenizer(), load_model()
    model.eval()
    lengths = [len(ids) for ids, _ in encode(tokenizer, samples)]
    print(f"{len(samples)} samples from {Path(args.data).name}, {sum(lengths):,} tokens "
          f"(mean {sum(lengths) / len(lengths):.0f}, max {max(lengths)}), {args.threads} threads")
    perplexities(samples[:4], model=model, tokenizer=tokenizer, batch_size=4)  # warm-up (first-call allocations)

    timings, values = {}, {}
    for name, bs in (("one at a time", 1), (f"batched ({args.batch_size})", args.batch_size)):
        start = time.perf_counter()
        values[name] = perplexities(samples, model=model, tokenizer=tokenizer, batch_size=bs)
        timings[name] = time.perf_counter() - start
        print(f"{name:16} {timings[name]:7.2f} s  {len(samples) / timings[name]:7.2f} samples/s  "
              f"{sum(lengths) / timings[name]:8.0f} tokens/s")
    single, batched = values.values()
    worst = max(abs(a - b) / b for a, b in zip(batched, single))
    t_single, t_batched = timings.values()
    print(f"speed-up batched / one at a time: {t_single / t_batched:.2f}x; largest relative ppl difference {worst:.3%}")


if __name__ == "__main__":
    main()
