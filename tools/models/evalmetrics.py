"""Scores of a generated answer against a reference: exact match, character F1, ROUGE-L, LLM judge.

Chinese has no spaces between words, so ROUGE-L runs over characters for text with CJK characters
and over words otherwise; the F1 always counts characters (spaces and punctuation removed), which
is fair to both languages. Every score is in [0, 1].
"""
from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_PUNCT = set(string.punctuation) | set("，。！？；：、“”‘’（）《》【】—…·「」『』")


def normalize(text: str) -> str:
    """NFKC, lower case, punctuation dropped, runs of white space collapsed to one."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = "".join(" " if ch in _PUNCT else ch for ch in text)
    return " ".join(text.split())


def units(text: str) -> list[str]:
    """Characters for text with CJK characters (Chinese/Japanese/Korean), words otherwise."""
    text = normalize(text)
    if _CJK.search(text):
        return [ch for ch in text if not ch.isspace()]
    return text.split()


def exact_match(answer: str, reference: str) -> float:
    return 1.0 if normalize(answer) == normalize(reference) else 0.0


def char_f1(answer: str, reference: str) -> float:
    """F1 of the two answers' character multisets (white space excluded)."""
    a = Counter(ch for ch in normalize(answer) if not ch.isspace())
    r = Counter(ch for ch in normalize(reference) if not ch.isspace())
    common = sum((a & r).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(r.values())
    return 2 * precision * recall / (precision + recall)


def _lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (one row of the DP table at a time)."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(answer: str, reference: str) -> float:
    """ROUGE-L F1 = 2·P·R / (P + R), P = LCS / |answer|, R = LCS / |reference| in ``units``."""
    a, r = units(answer), units(reference)
    lcs = _lcs(a, r)
    if not lcs:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(r)
    return 2 * precision * recall / (precision + recall)


def scores(answers: list[str], references: list[str]) -> dict:
    """Mean exact match, character F1 and ROUGE-L over pairs (0–1, 4 decimals)."""
    n = max(1, len(answers))
    pairs = list(zip(answers, references))
    return {
        "exact_match": round(sum(exact_match(a, r) for a, r in pairs) / n, 4),
        "char_f1": round(sum(char_f1(a, r) for a, r in pairs) / n, 4),
        "rouge_l": round(sum(rouge_l(a, r) for a, r in pairs) / n, 4),
    }


JUDGE_PROMPT = (
    "You grade answers. Question:\n{q}\n\nReference answer:\n{r}\n\nCandidate answer:\n{a}\n\n"
    "How well does the candidate answer the question, compared with the reference? "
    "Reply with one integer from 1 (wrong or useless) to 10 (as good as the reference) and nothing else."
)


def judge(config, questions: list[str], references: list[str], answers: list[str]) -> float | None:
    """Mean LLM-judge grade rescaled to 0–1 ((grade − 1) ÷ 9), through an OpenAI-compatible endpoint;
    None when no grade could be read from any reply."""
    from tools.augment.llm_client import chat

    grades = []
    for q, r, a in zip(questions, references, answers):
        reply = chat(config, [{"role": "user", "content": JUDGE_PROMPT.format(q=q, r=r, a=a)}], max_tokens=8)
        found = re.search(r"\d+", reply)
        if found:
            grades.append(min(10, max(1, int(found.group()))))
    if not grades:
        return None
    return round(sum((g - 1) / 9 for g in grades) / len(grades), 4)
