"""Per-sample perplexity of the answer given the question, under the base model, batched.

The text is what training sees: the model's chat template over the whole conversation; only
the last answer's tokens are scored (the prompt is context, labels −100). Perplexity =
exp(mean negative log-likelihood of those tokens). Samples are sorted by length before
batching so each batch pads little, and scored under bf16 autocast where the CPU multiplies in bf16.
"""
from __future__ import annotations

import functools
import math
import statistics

from tools.data.samples import Sample

MAX_TOKENS = 1024
"""Longer samples are cut from the left (the prompt loses its start; the answer stays whole)."""


def encode(tokenizer, samples: list[Sample]) -> list[tuple[list[int], int]]:
    """(token ids, number of prompt tokens) per sample, via the chat template."""
    prompts = [tokenizer.apply_chat_template(s.to_dicts()[:-1], add_generation_prompt=True, tokenize=False) for s in samples]
    fulls = [tokenizer.apply_chat_template(s.to_dicts(), tokenize=False) for s in samples]
    p_ids = tokenizer(prompts, add_special_tokens=False)["input_ids"]
    f_ids = tokenizer(fulls, add_special_tokens=False)["input_ids"]
    out = []
    for p, f in zip(p_ids, f_ids):
        n_prompt = len(p) if f[: len(p)] == p else min(len(p), len(f) - 1)
        cut = max(0, len(f) - MAX_TOKENS)
        out.append((f[cut:], max(1, n_prompt - cut)))
    return out


@functools.lru_cache(maxsize=1)
def _fast_bf16() -> bool:
    import torch

    from tools.models.models import bf16_supported

    return bf16_supported(torch.device("cpu"))


def _batch_nll(model, batch: list[tuple[list[int], int]], pad_id: int) -> list[float]:
    import torch

    width = max(len(ids) for ids, _ in batch)
    input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    for row, (ids, n_prompt) in enumerate(batch):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        labels[row, n_prompt: len(ids)] = input_ids[row, n_prompt: len(ids)]
    # Right padding + causal attention: real tokens never attend to the padding after them,
    # so no attention mask is needed (and the fast causal path stays on, see FIELD-NOTES).
    # Only answer positions need logits: projecting every position onto the 49,152-word
    # vocabulary would cost a (batch × length × 49,152) float tensor — 2.4 GB for 16 × 779.
    targets = labels[:, 1:]
    keep = targets != -100
    # bf16 only where the CPU multiplies in bf16 (AVX512-BF16/AMX): elsewhere it is emulated, several times
    # slower than fp32 (the end-of-run report spent most of its 90–100 s here on an AVX2 machine)
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=_fast_bf16()):
        hidden = model.base_model(input_ids=input_ids).last_hidden_state[:, :-1]
        logits = model.get_output_embeddings()(hidden[keep]).float()
    nll = torch.nn.functional.cross_entropy(logits, targets[keep], reduction="none")
    rows = keep.nonzero()[:, 0]
    sums = torch.zeros(len(batch)).index_add_(0, rows, nll)
    return (sums / keep.sum(dim=1).clamp(min=1)).tolist()


def perplexities(samples: list[Sample], base_model: str | None = None, batch_size: int = 16,
                 model=None, tokenizer=None) -> list[float]:
    """Perplexity of each sample's final answer, in input order."""
    if not samples:
        return []
    if model is None or tokenizer is None:
        from tools.models.models import load_model, load_tokenizer

        tokenizer, model = load_tokenizer(base_model), load_model(base_model)
        model.eval()
    encoded = encode(tokenizer, samples)
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    result = [0.0] * len(samples)
    for start in range(0, len(order), max(1, batch_size)):
        chunk = order[start:start + batch_size]
        for i, nll in zip(chunk, _batch_nll(model, [encoded[i] for i in chunk], pad_id)):
            result[i] = math.exp(min(nll, 50.0))  # exp(50) ≈ 5e21: a cap, not a real perplexity
    return result


def flag_outliers(values: list[float], z: float = 3.5) -> tuple[dict, list[tuple[int, str]]]:
    """Robust outliers of log-perplexity: |log ppl − median| / (1.4826 · MAD) > z.

    Logs because perplexity is skewed (a few huge values); median/MAD because the outliers
    themselves would inflate a mean/std. High = surprising to the base model (noise, wrong
    language, broken text, or just hard); low = trivial or templated. Both go to review.
    """
    if len(values) < 5:
        return {"median": statistics.median(values) if values else None, "flagged": 0, "note": "too few samples for outliers"}, []
    logs = [math.log(max(v, 1e-9)) for v in values]
    med = statistics.median(logs)
    mad = statistics.median(abs(x - med) for x in logs) * 1.4826 or 1e-9
    high, low = math.exp(med + z * mad), math.exp(med - z * mad)
    flagged = []
    for i, (v, x) in enumerate(zip(values, logs)):
        if (x - med) / mad > z:
            flagged.append((i, f"perplexity {v:.1f} is unusually high (median {math.exp(med):.1f}, limit {high:.1f})"))
        elif (med - x) / mad > z:
            flagged.append((i, f"perplexity {v:.2f} is unusually low (median {math.exp(med):.1f}, limit {low:.2f})"))
    info = {"median": round(math.exp(med), 3), "high_limit": round(high, 3), "low_limit": round(low, 3),
            "min": round(min(values), 3), "max": round(max(values), 3), "flagged": len(flagged)}
    return info, flagged
