"""The general prompt set, the base model's own answers to it (cached), and mixing it into training.

Forgetting is measured against the base model itself (self-distillation): its greedy answers to
~200 everyday, writing, reasoning and translation prompts (zh + en, ``resources/general_prompts.jsonl``)
are the references. They are generated once per base model and cached beside the model cache, so no
download and no second generation. A tuned model that drifts from those answers, or finds them less
likely (higher perplexity), has lost some general ability. The same answers are the default general
data that ``--mix-general`` mixes into training (the manual's remedy for forgetting).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

from tools.data.samples import Sample
from tools.errors import UserError

PROMPTS_FILE = Path(__file__).parent / "resources" / "general_prompts.jsonl"
GENERAL_NEW_TOKENS = 64
"""Length cap of the cached reference answers (the report compares tuned answers with them cut to its own cap)."""


EVAL_PART = 100
"""The first 100 prompts measure forgetting; the other 100 are the pool ``--mix-general`` draws from,
so a run is never scored on a general prompt it was trained on."""


def load_prompts(n: int | None = None) -> list[dict]:
    """All ``{"id", "lang", "kind", "prompt"}`` rows (or the first ``n``); the file interleaves languages
    and kinds, so the first ``n`` cover all eight (language, kind) pairs once ``n`` ≥ 8."""
    rows = [json.loads(line) for line in PROMPTS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:n] if n else rows


def evaluation_prompts(n: int | None = None) -> list[dict]:
    """The prompts the forgetting figure is measured on (the first ``n`` of them, or all 100)."""
    rows = load_prompts()[:EVAL_PART]
    return rows[:n] if n else rows


def mixing_prompts() -> list[dict]:
    """The prompts ``--mix-general`` may train on: disjoint from :func:`evaluation_prompts`."""
    return load_prompts()[EVAL_PART:]


def base_context(model):
    """The base model's weights: the adapter switched off on a peft model, the model itself otherwise."""
    return model.disable_adapter() if hasattr(model, "disable_adapter") else contextlib.nullcontext()


def generate(model, tokenizer, conversations: list[list[dict]], max_new_tokens: int = 64, batch_size: int = 16,
             should_stop: Callable[[], bool] = lambda: False, adapter_names: list[str] | None = None) -> list[str]:
    """Greedy answers to each conversation (its last turn is the user's), in left-padded batches.
    ``adapter_names`` (peft models only) gives each conversation's adapter, ``"__base__"`` for the base
    model, so base and tuned answers come out of one batch."""
    import torch

    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    side, tokenizer.padding_side = tokenizer.padding_side, "left"
    answers: list[str] = []
    try:
        for start in range(0, len(prompts), batch_size):
            if should_stop():
                raise InterruptedError("stop requested")
            batch = tokenizer(prompts[start:start + batch_size], return_tensors="pt", padding=True, add_special_tokens=False)
            batch = {k: v.to(model.device) for k, v in batch.items()}
            if adapter_names:
                batch["adapter_names"] = adapter_names[start:start + batch_size]
            with torch.inference_mode():
                out = model.generate(**batch, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=pad_id,
                                     use_cache=True, temperature=None, top_p=None, top_k=None)
            answers += tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
    finally:
        tokenizer.padding_side = side
    return [a.strip() for a in answers]


def conversations(prompts: list[dict]) -> list[list[dict]]:
    """Each general prompt as a one-turn chat."""
    return [[{"role": "user", "content": p["prompt"]}] for p in prompts]


def cache_file(base_model: str) -> Path:
    """``$SFT_GENERAL_CACHE`` or ``<model cache>/general-answers``, one file per base model
    (its folder name plus a hash of its resolved path and the answer length cap)."""
    from tools.models.models import cache_root

    root = Path(os.environ.get("SFT_GENERAL_CACHE") or cache_root() / "general-answers")
    key = hashlib.sha1(f"{Path(base_model).resolve()}|{GENERAL_NEW_TOKENS}".encode()).hexdigest()[:12]
    return root / f"{Path(base_model).name}-{key}.jsonl"


def reference_answers(base_model: str, model, tokenizer, prompts: list[dict],
                      should_stop: Callable[[], bool] = lambda: False) -> tuple[list[str], int]:
    """The base model's own answers to ``prompts`` (cached; missing ones generated with the adapter off).
    Returns the answers and how many had to be generated now."""
    from tools.workspace import atomic_write_text

    path = cache_file(base_model)
    cached = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cached[(row["id"], row["prompt"])] = row["answer"]
    missing = [p for p in prompts if (p["id"], p["prompt"]) not in cached]
    if missing:
        with base_context(model):
            answers = generate(model, tokenizer, conversations(missing),
                               GENERAL_NEW_TOKENS, should_stop=should_stop)
        cached.update({(p["id"], p["prompt"]): a for p, a in zip(missing, answers)})
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, "".join(json.dumps({"id": i, "prompt": q, "answer": a}, ensure_ascii=False) + "\n"
                                        for (i, q), a in sorted(cached.items())))
    return [cached[(p["id"], p["prompt"])] for p in prompts], len(missing)


def mix_samples(config, model, tokenizer, n_task: int) -> tuple[list[Sample], dict]:
    """General samples to add to ``n_task`` task samples: ``config.mix_general`` × n_task of them
    (rounded, at least 1), from ``config.general_file`` or else the base model's own answers to the
    mixing half of the general prompts (at most 100; never the prompts the forgetting figure uses). The info dict says how many and from where, for state.json."""
    if not config.mix_general:
        return [], {}
    wanted = max(1, round(config.mix_general * n_task))
    rng = random.Random(config.seed)
    if config.general_file:
        from tools.train.sftdata import read_samples

        pool = [s for s in read_samples(config.general_file) if s.answer]
        if not pool:
            raise UserError(f"The general data file {config.general_file} has no sample with an answer.",
                            zh=f"通用数据文件 {config.general_file} 里没有带答案的样本。")
        chosen, source = rng.sample(pool, min(wanted, len(pool))), Path(config.general_file).name
    else:
        pool = mixing_prompts()
        prompts = rng.sample(pool, min(wanted, len(pool)))
        answers, _ = reference_answers(config.base_model, model, tokenizer, prompts)
        chosen = [Sample.from_pair(p["prompt"], a, where=f"general:{p['id']}") for p, a in zip(prompts, answers) if a]
        source = "base model's own answers to the general prompt set"
    info = {"general_mixed": len(chosen), "general_wanted": wanted, "general_source": source}
    return chosen, info


def parse_fraction(value) -> float:
    """"10%", "0.1", 10 or 0.1 → 0.1 (a number above 1 is read as a percentage); empty → 0."""
    text = str(value if value is not None else "").strip().rstrip("%").strip()
    if not text:
        return 0.0
    try:
        number = float(text)
    except ValueError:
        raise UserError(f"'{value}' is not a share of general data; write it like 10% or 0.1.",
                        zh=f"“{value}”不是有效的通用数据比例,请写成 10% 或 0.1。") from None
    return number / 100 if str(value).strip().endswith("%") or number > 1 else number
