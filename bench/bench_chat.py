"""Chat speed: new tokens/s for the base model alone, the tuned model alone and both side by side.

    .venv/bin/python bench/bench_chat.py                       # embedded model + a random r=16 all-linear adapter
    .venv/bin/python bench/bench_chat.py --adapter RUN_OR_DIR --tokens 128 --rounds 3

Everything goes through ``tools.models.chat`` as the Chat tab calls it: ``stream_reply`` (one reply) and
``stream_pair`` (side by side: both replies in one batched ``generate``, the base row through peft's
``"__base__"`` adapter name), greedy, KV cache on. Modes are interleaved in each round so a change in
the shared machine's load hits them alike. The adapter defaults to a random LoRA of the shape training
makes (r=16, alpha=32, every linear layer), so the tuned model pays the real unmerged-LoRA cost.

Printed: per mode, new tokens (counted from ``generate``'s output, up to and including the end-of-turn
token), seconds, new tokens/s and seconds per decoding step; then the cost of side by side against one
model alone (seconds per step, side by side ÷ tuned alone; the aim is ≤ 1.3×) and against the old way
(tuned then base, one after the other: the sum of the two alone).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PROMPT = [{"role": "user", "content": "Write a long, detailed story about a lighthouse keeper and a storm."}]


def random_adapter(base: str, folder: Path) -> str:
    """A LoRA adapter like training's defaults with small random weights (near the base model's replies)."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(0)
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(base), LoraConfig(r=16, lora_alpha=32, target_modules="all-linear"))
    for name, p in model.named_parameters():
        if "lora_B" in name:
            torch.nn.init.normal_(p, std=1e-3)
    model.save_pretrained(str(folder / "adapter"))
    return str(folder / "adapter")


class Counter:
    """Wraps the loaded model's ``generate`` to count the new tokens of each row and the decoding steps."""

    def __init__(self, model, eos: int):
        self.generate, self.eos, self.tokens, self.steps = model.generate, eos, 0, 0
        model.generate = self

    def __call__(self, **kwargs):
        out = self.generate(**kwargs)
        new = out[:, kwargs["input_ids"].shape[1]:]
        self.steps += new.shape[1]
        for row in new.tolist():
            self.tokens += row.index(self.eos) + 1 if self.eos in row else len(row)
        return out


def timed(run, counter: Counter) -> dict:
    counter.tokens = counter.steps = 0
    started = time.perf_counter()
    for _ in run():
        pass
    seconds = time.perf_counter() - started
    return {"tokens": counter.tokens, "steps": counter.steps, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--adapter", help="a run id, run directory or adapter folder (default: a random adapter)")
    parser.add_argument("--tokens", type=int, default=64, help="max new tokens per reply")
    parser.add_argument("--rounds", type=int, default=2)
    opts = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from tools.models import chat
    from tools.models.adapters import target_for
    from tools.models.models import resolve_base_model

    with tempfile.TemporaryDirectory() as tmp:
        target = target_for(opts.adapter or random_adapter(resolve_base_model(None), Path(tmp)))
        settings = chat.GenerationSettings(max_new_tokens=opts.tokens)
        list(chat.stream_reply(PROMPT, target, chat.GenerationSettings(max_new_tokens=4)))  # load + warm up, untimed
        counter = Counter(chat._LOADED.model, chat._LOADED.tokenizer.eos_token_id)
        modes = {
            "base alone": lambda: chat.stream_reply(PROMPT, target, settings, use_adapter=False),
            "tuned alone": lambda: chat.stream_reply(PROMPT, target, settings),
            "side by side": lambda: chat.stream_pair(PROMPT, PROMPT, target, settings),
        }
        totals = {name: {"tokens": 0, "steps": 0, "seconds": 0.0} for name in modes}
        for _ in range(opts.rounds):
            for name, run in modes.items():
                for key, value in timed(run, counter).items():
                    totals[name][key] += value
    dtype = str(next(chat._LOADED.model.parameters()).dtype).replace("torch.", "")
    print(f"{Path(target.base_model).name} ({dtype}) + {'given' if opts.adapter else 'random r=16 all-linear'} adapter, "
          f"{opts.tokens} new tokens max, {opts.rounds} round(s), {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    per_step = {}
    for name, t in totals.items():
        per_step[name] = t["seconds"] / max(1, t["steps"])
        print(f"{name:13s} {t['tokens']:5d} new tokens in {t['seconds']:7.1f} s   {t['tokens'] / t['seconds']:6.1f} new tokens/s   "
              f"{per_step[name] * 1000:6.1f} ms per step")
    print(f"side by side / tuned alone: {per_step['side by side'] / per_step['tuned alone']:.2f}x time per step "
          f"(one after the other, as before: {(per_step['tuned alone'] + per_step['base alone']) / per_step['tuned alone']:.2f}x)")


if __name__ == "__main__":
    main()
