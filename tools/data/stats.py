"""Describe a read dataset: counts, length statistics in characters and tokens, problems.

Tokens are counted (on a seeded sample of at most ``TOKEN_SAMPLE`` records) with the base model's own tokenizer (``tokenizer.json`` through the
``tokenizers`` library: no torch, no transformers import, ~0.1 s to load), because
that is what the training sequence length is measured in. Chinese costs about 1.3
SmolLM2 tokens per character, English about 0.25 per character.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from tools.data.readers import ReadResult
from tools.errors import UserError

PLACEHOLDER = re.compile(r"\{\{\s*[\w.\-]+\s*\}\}")
LONG_TOKENS = 2048  # a sample longer than this will be cut at typical cutoff_len settings


def summary(values: list[int]) -> dict:
    """min / mean / median / p95 / max / total of a list of lengths."""
    if not values:
        return {"min": 0, "mean": 0, "p50": 0, "p95": 0, "max": 0, "total": 0}
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731 - nearest-rank percentile
    return {"min": ordered[0], "mean": round(sum(ordered) / len(ordered), 1), "p50": pick(0.5),
            "p95": pick(0.95), "max": ordered[-1], "total": sum(ordered)}


def tokenizer_for(base_model: str | None = None):
    """A fast ``tokenizers.Tokenizer`` for the base model (the embedded one when None)."""
    from tools.models.models import resolve_base_model

    return _tokenizer_in(str(resolve_base_model(base_model)), base_model)


@lru_cache(maxsize=2)
def _tokenizer_in(folder: str, base_model: str | None):
    """Loaded once per model folder (loading tokenizer.json takes a second or more on a busy machine)."""
    file = Path(folder) / "tokenizer.json"
    if file.is_file():
        from tokenizers import Tokenizer

        return Tokenizer.from_file(str(file))
    from tools.models.models import load_tokenizer

    return load_tokenizer(base_model).backend_tokenizer  # slow tokenizers have none: let it raise


def token_lengths(texts: list[str], base_model: str | None = None, chunk: int = 1000) -> list[int]:
    """Token count of each text, ``chunk`` texts per call (the Encoding objects of one call are
    freed before the next, so memory stays flat on big files)."""
    tok = tokenizer_for(base_model)
    out: list[int] = []
    for start in range(0, len(texts), chunk):
        out += [len(e.ids) for e in tok.encode_batch(texts[start:start + chunk], add_special_tokens=False)]
    return out


def problems(result: ReadResult) -> list[tuple[str, str]]:
    """Sentences a person can act on, most serious first, as (English, Chinese)."""
    out, samples = [], result.samples
    if result.skipped:
        first = result.skipped[0]
        out.append((f"{len(result.skipped)} records cannot be used (first: {first.where}: {first.reason}).",
                    f"{len(result.skipped)} 条记录无法使用(第一条:{first.where}:{first.reason})。"))
    pairs = Counter(hash((s.question, s.answer)) for s in samples)
    dupes = sum(n - 1 for n in pairs.values() if n > 1)
    if dupes:
        out.append((f"{dupes} exact duplicate question/answer pairs; `quality` removes them.",
                    f"{dupes} 条问答完全重复;质量检查(quality)会删除它们。"))
    holes = sum(1 for s in samples if any(PLACEHOLDER.search(m.content) for m in s.messages))
    if holes:
        out.append((f"{holes} samples still contain template placeholders such as {{{{name}}}}; fill them in before "
                    f"training (augment fill name=… author=…).",
                    f"{holes} 条样本还含有 {{{{name}}}} 这样的模板占位符;训练前请先填写(augment fill name=… author=…)。"))
    same = sum(1 for s in samples if s.question.strip() == s.answer.strip())
    if same:
        out.append((f"{same} samples answer with the question itself.", f"{same} 条样本的答案就是问题本身。"))
    if 0 < len(samples) < 100:
        out.append((f"Only {len(samples)} samples: expect to need many epochs (the manual suggests ~15 for 100 samples).",
                    f"只有 {len(samples)} 条样本:需要较多轮次(手册建议 100 条左右约 15 轮)。"))
    if result.blank:
        out.append((f"{result.blank} blank rows/lines were ignored.", f"忽略了 {result.blank} 个空行。"))
    if result.fields.get("title_rows"):
        header = result.fields["header"]
        out.append((f"{result.fields['title_rows']} title rows above the header (at {header}) were ignored.",
                    f"表头({header})上方的 {result.fields['title_rows']} 行标题被忽略。"))
    return out


TOKEN_SAMPLE = 10_000
"""Token lengths are measured on at most this many records (a seeded random sample): the p95 of
10,000 draws is within about ±1% of the whole file's, and tokenising 500,000 records would take minutes."""


def _token_stats(samples, base_model: str | None) -> dict:
    if len(samples) > TOKEN_SAMPLE:
        import random

        samples = [samples[i] for i in sorted(random.Random(0).sample(range(len(samples)), TOKEN_SAMPLE))]
    # Each message is tokenised once. A sample's length is the sum over its messages plus one token
    # per line break between them (the text training sees, minus the chat template's own tokens).
    texts = [m.content for s in samples for m in s.messages]
    counts = iter(token_lengths(texts, base_model))
    whole, question, answer = [], [], []
    for s in samples:
        lengths = [next(counts) for _ in s.messages]
        whole.append(sum(lengths) + len(lengths) - 1)
        last_user = max((i for i, m in enumerate(s.messages) if m.role == "user"), default=None)
        question.append(lengths[last_user] if last_user is not None else 0)
        answer.append(lengths[-1] if s.messages and s.messages[-1].role == "assistant" else 0)
    return {"sample": summary(whole), "question": summary(question), "answer": summary(answer),
            "long": sum(1 for n in whole if n > LONG_TOKENS), "measured": len(samples)}


def describe(result: ReadResult, tokens: bool = True, base_model: str | None = None) -> dict:
    samples = result.samples
    q_chars = [len(s.question) for s in samples]
    a_chars = [len(s.answer) for s in samples]
    info = {
        "path": result.path, "format": result.format, "encoding": result.encoding, "count": len(samples),
        "skipped_count": len(result.skipped), "skipped": [s.to_dict() for s in result.skipped[:50]],
        "fields": result.fields, "multi_turn": sum(1 for s in samples if len(s.turns) > 1),
        "with_system": sum(1 for s in samples if s.system), "blank": result.blank,
        "with_rationale": sum(1 for s in samples if s.meta.get("rationale")),
        "chars": {"question": summary(q_chars), "answer": summary(a_chars)},
    }
    found = problems(result)
    if tokens and samples:
        try:
            info["tokens"] = _token_stats(samples, base_model)
        except UserError as exc:  # no tokenizer (model not installed): the rest still helps
            found.append((f"Token counts unavailable: {exc}", f"无法统计 token 数:{getattr(exc, 'zh', None) or exc}"))
        else:
            long, measured = info["tokens"].pop("long"), info["tokens"].pop("measured")
            info["tokens_sampled"] = measured if measured < len(samples) else None
            if long:
                share = f" (in a sample of {measured})" if measured < len(samples) else ""
                share_zh = f"(抽样 {measured} 条中)" if measured < len(samples) else ""
                found.append((f"{long} samples{share} are longer than {LONG_TOKENS} tokens and would be truncated in training.",
                              f"{share_zh}{long} 条样本超过 {LONG_TOKENS} 个 token,训练时会被截断。"))
    info["problems"] = [en for en, _ in found]
    info["problems_zh"] = [zh for _, zh in found]
    return info
