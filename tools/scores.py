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
from typing import Callable

from tools.errors import UserError
from tools.samples import Sample

Progress = Callable[[int, int], None]
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_PUNCT = re.compile(r"[\W_]+")


def _cjk_share(text: str) -> float | None:
    cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    return cjk / (cjk + latin) if cjk + latin else None


def _repetition(answer: str) -> float:
    """Distinct character 3-grams over all 3-grams, stretched so that ≥ 0.6 distinct scores 1.
    A looping answer ("好的好的好的…") has few distinct 3-grams; normal text has 0.8–1."""
    t = _PUNCT.sub("", answer)
    if len(t) < 30:
        return 1.0
    grams = len(t) - 2
    return min(1.0, len({t[i:i + 3] for i in range(grams)}) / grams / 0.6)


def _relevance(question: str, answer: str) -> float:
    """Share of the question's character bigrams found in the answer, floored at 0.5: a short
    factual answer (木星) shares nothing and is fine, so low overlap alone never condemns."""
    q, a = _PUNCT.sub("", question.lower()), _PUNCT.sub("", answer.lower())
    if len(q) < 2 or len(a) < 20:
        return 1.0
    qb = {q[i:i + 2] for i in range(len(q) - 1)}
    hit = sum(1 for g in qb if g in a) / len(qb)
    return 0.5 + 0.5 * min(1.0, hit * 4)  # 25% of the question's bigrams reused → 1.0


def text_quality(question: str, answer: str, max_chars: int = 8000) -> dict:
    """{"length", "repetition", "language", "relevance", "score"} for one record, each in [0, 1]."""
    n = len(answer.strip())
    length = 0.0 if n == 0 else (min(1.0, n / 4) if n <= max_chars else max(0.3, max_chars / n))
    qs, as_ = _cjk_share(question), _cjk_share(answer)
    language = 1.0 if qs is None or as_ is None or (qs >= 0.3) == (as_ >= 0.3) else 0.6  # translation is legitimate
    parts = {"length": round(length, 3), "repetition": round(_repetition(answer), 3), "language": language,
             "relevance": round(_relevance(question, answer), 3)}
    parts["score"] = round(sum(parts.values()) / 4, 3)
    return parts


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
    from tools import llm_client

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
