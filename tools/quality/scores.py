"""Scores for every record (manual: "数据质量可以通过ppl、reward model、文本质量分类模型等方式进行初步评估"):

- ``text_quality`` — offline, no model, no network: length, repetition, language consistency and
  answer-to-question relevance, each in [0, 1], and their mean;
- ``reward_scores`` — any local Hugging Face sequence-classification reward model (one logit);
- ``judge_scores`` — an LLM judge through the configured OpenAI-compatible endpoint, with ``RUBRIC``.

Scores inform the review; only clear cases become flags. The model scores are slow, so they take a
``progress(done, total)`` callback and report their rate.
"""
from __future__ import annotations

import re
import time
import zlib
from collections.abc import Callable

import numpy as np

from tools.data.samples import Sample
from tools.errors import UserError

Progress = Callable[[int, int], None]
TEXT_COLUMNS = ("length", "repetition", "language", "relevance", "score")
_PUNCT = frozenset(" \t\r\n,.;:!?'\"()[]{}<>-_/\\|`~@#$%^&*+=，。；：！？、“”‘’（）【】《》…—·")
REPETITIVE_RATIO = 4.0
"""Bytes ÷ zlib-compressed bytes above which an answer is a loop. Natural text gives 0.9–2
(Chinese UTF-8 ~1, English ~1.3, long English ~2.5); Whisper treats > 2.4 as a repetition loop;
"好的好的…" ×20 gives 18. Flagged at 4.0, scored 1 up to 2.4 and 0.5 at 4.0."""


def _cjk_shares(texts: list[str]) -> np.ndarray:
    """Share of CJK among CJK + Latin letters per text (NaN when it has neither), in one numpy pass:
    the texts joined as code points, masks summed per text with ``np.add.reduceat``."""
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    out = np.full(len(texts), np.nan)
    if not lens.sum():
        return out
    c = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    cjk = ((c >= 0x3400) & (c <= 0x9FFF)) | ((c >= 0xF900) & (c <= 0xFAFF))
    latin = ((c | 0x20) >= 0x61) & ((c | 0x20) <= 0x7A)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    filled = lens > 0
    n_cjk = np.add.reduceat(cjk, starts[filled]).astype(float)
    n_lat = np.add.reduceat(latin, starts[filled]).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out[filled] = n_cjk / (n_cjk + n_lat)
    return out


def _repetition_relevance(question: str, answer: str) -> tuple[float, float]:
    """(repetition, relevance) of one record, sharing one set of the answer's units (CJK text:
    characters; ASCII text: words).

    Repetition: when fewer than half the answer's units are distinct (a cheap test), the
    compression ratio decides — 1 up to 2.4, 0.5 at ``REPETITIVE_RATIO``, 0 at 5.6.
    Relevance: share of the question's units found in the answer, floored at 0.5 (half reused → 1):
    a short factual answer (木星) shares nothing and is fine, so low overlap alone never condemns.
    """
    ascii_ = answer.isascii()
    units = answer.lower().split() if ascii_ else answer
    distinct = set(units)
    repetition = 1.0
    if len(units) >= 20 and len(distinct) < len(units) / 2:
        raw = answer.encode()
        ratio = len(raw) / len(zlib.compress(raw, 1))
        repetition = 1.0 if ratio <= 2.4 else max(0.0, 1 - (ratio - 2.4) / 3.2)
    if len(answer) < 20 or len(question) < 2:
        return repetition, 1.0
    q = set(question.lower().split()) if question.isascii() else set(question) - _PUNCT
    if ascii_ != question.isascii():
        distinct = set(answer.lower().split()) if question.isascii() else set(answer)
    if not q:
        return repetition, 1.0
    return repetition, 0.5 + 0.5 * min(1.0, 2 * len(q & distinct) / len(q))


def text_quality_table(questions: list[str], answers: list[str], max_chars: int = 8000) -> dict[str, list]:
    """Column → one value per record: length, repetition, language, relevance and their mean
    ("score"), each in [0, 1]."""
    n = np.fromiter((len(a.strip()) for a in answers), dtype=np.float64, count=len(answers))
    with np.errstate(divide="ignore"):
        length = np.where(n == 0, 0.0, np.where(n <= max_chars, np.minimum(1.0, n / 4), np.maximum(0.3, max_chars / n)))
    qs, as_ = _cjk_shares(questions), _cjk_shares(answers)
    # Both with letters and on different sides of 30% CJK: a language switch (translation is legitimate: 0.6).
    language = np.where(np.isnan(qs) | np.isnan(as_) | ((qs >= 0.3) == (as_ >= 0.3)), 1.0, 0.6)
    pairs = np.array([_repetition_relevance(q, a) for q, a in zip(questions, answers)], dtype=np.float64).reshape(-1, 2)
    repetition, relevance = pairs[:, 0], pairs[:, 1]
    score = (length + repetition + language + relevance) / 4
    return {k: np.round(v, 3).tolist() for k, v in zip(TEXT_COLUMNS, (length, repetition, language, relevance, score))}


def text_quality(question: str, answer: str, max_chars: int = 8000) -> dict:
    """{"length", "repetition", "language", "relevance", "score"} for one record, each in [0, 1]."""
    return {k: v[0] for k, v in text_quality_table([question], [answer], max_chars).items()}


def _reward_text(tokenizer, s: Sample) -> str:
    if getattr(tokenizer, "chat_template", None):
        return tokenizer.apply_chat_template(s.to_dicts(), tokenize=False)
    return f"Question: {s.question}\nAnswer: {s.answer}"


def reward_scores(samples: list[Sample], model_dir: str, batch_size: int = 8, max_tokens: int = 1024,
                  progress: Progress | None = None) -> tuple[list[float], dict]:
    """One reward per sample (the model's single output logit) and {"model", "seconds", "per_s"}."""
    from pathlib import Path

    folder = Path(model_dir).expanduser()
    if not (folder / "config.json").is_file():
        raise UserError(f"{folder} is not a Hugging Face model folder (no config.json); name the reward model's folder.",
                        zh=f"{folder} 不是 Hugging Face 模型文件夹(没有 config.json);请给出奖励模型所在的文件夹。")
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder).eval()
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model.config.pad_token_id = tokenizer.pad_token_id
    start, out = time.perf_counter(), []
    for k in range(0, len(samples), batch_size):
        texts = [_reward_text(tokenizer, s) for s in samples[k:k + batch_size]]
        enc = tokenizer(texts, return_tensors="pt", padding=True, truncation=True, max_length=max_tokens)
        with torch.inference_mode():
            logits = model(**enc).logits
        out += logits[:, 0].float().tolist()
        if progress:
            progress(len(out), len(samples))
    return out, _rate(folder.name, len(out), start)


def _rate(name: str, n: int, start: float) -> dict:
    seconds = time.perf_counter() - start
    return {"model": name, "scored": n, "seconds": round(seconds, 2), "per_s": round(n / seconds, 2) if seconds else None}


RUBRIC = (
    "You grade one training example (a user question and the assistant's answer) for supervised fine-tuning. "
    "Score 1-5: 5 = correct, complete, relevant and well written; 4 = good with small flaws; 3 = usable but "
    "partly vague or incomplete; 2 = mostly wrong, off-topic or badly written; 1 = wrong, empty, garbled or "
    "harmful. Judge the answer against the question only. Reply with JSON only: {\"score\": <1-5>, \"reason\": \"<short>\"}."
)
_SCORE = re.compile(r"\"?score\"?\s*[:：=]\s*([1-5])|\b([1-5])\b")


def parse_judgement(text: str) -> tuple[int | None, str]:
    """(score 1–5 or None, reason) from the judge's reply, JSON or not."""
    import json

    try:
        data = json.loads(text[text.index("{"): text.rindex("}") + 1])
        score = int(data.get("score"))
        return (score if 1 <= score <= 5 else None), str(data.get("reason", ""))[:300]
    except (ValueError, TypeError, AttributeError):
        m = _SCORE.search(text)
        return (int(m.group(1) or m.group(2)) if m else None), text.strip()[:300]


def judge_scores(samples: list[Sample], config=None, rubric: str = RUBRIC,
                 progress: Progress | None = None) -> tuple[list[tuple[int | None, str]], dict]:
    """(score, reason) per sample from the configured endpoint, and the rate; one request per sample."""
    from tools.augment import llm_client

    config = config or llm_client.config_from_env()
    if config is None:
        raise UserError("No LLM judge is configured: set OPENAI_BASE_URL, OPENAI_API_KEY and SFT_LLM_MODEL.",
                        zh="没有配置大模型评审:请设置 OPENAI_BASE_URL、OPENAI_API_KEY 和 SFT_LLM_MODEL。")
    start, out = time.perf_counter(), []
    for s in samples:
        shown = "\n\n".join(f"[{m.role}]\n{m.content}" for m in s.messages)
        reply = llm_client.chat(config, [{"role": "system", "content": rubric}, {"role": "user", "content": shown}],
                                temperature=0.0, max_tokens=200)
        out.append(parse_judgement(reply))
        if progress:
            progress(len(out), len(samples))
    return out, {**_rate(config.model, len(out), start), "rubric": rubric}
