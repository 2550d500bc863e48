"""The quality rules: their names in both languages, what each does by default, and the
per-record checks (placeholders, garbled text, an answer that repeats the question, length).

Only what no person would keep is removed by default (``REMOVE``: exact duplicates, empty
answers, records the reader could not use); every other rule flags the record for review,
because the manual warns that automatic screening also catches good data ("不可避免出现错筛").
"""
from __future__ import annotations

import re

from tools.data.stats import PLACEHOLDER

RULES: dict[str, tuple[str, str]] = {
    "unreadable": ("unreadable record", "无法读取的记录"),
    "empty_answer": ("empty answer", "答案为空"),
    "exact_duplicate": ("exact duplicate", "完全重复"),
    "near_duplicate": ("near duplicate", "近似重复"),
    "conflict": ("same question, different answer", "同一问题答案不一致"),
    "placeholder": ("unfilled placeholder", "未填写的占位符"),
    "garbled": ("garbled text", "乱码"),
    "answer_is_question": ("answer repeats the question", "答案重复了问题"),
    "short_answer": ("very short answer", "答案过短"),
    "long_answer": ("very long answer", "答案过长"),
    "repetitive": ("repetitive answer", "答案大量重复"),
    "perplexity": ("perplexity outlier", "困惑度异常"),
    "reward_low": ("low reward-model score", "奖励模型打分偏低"),
    "judge_low": ("low LLM-judge score", "大模型评审打分偏低"),
}
"""rule → (English name, Chinese name)."""

REMOVE = frozenset({"unreadable", "empty_answer", "exact_duplicate"})
"""Rules whose records are removed by default; all others are flagged and kept until a person decides."""


def rule_names(rule: str) -> dict:
    en, zh = RULES.get(rule, (rule, rule))
    return {"en": en, "zh": zh}


def default_action(rule: str) -> str:
    return "removed" if rule in REMOVE else "flagged"


# Hard markers of broken text: U+FFFD, GBK's rendering of U+FFFD runs ("锟斤拷"), uninitialised
# memory shown by MSVC ("烫烫烫", "屯屯屯"), C0 controls and private-use characters.
_BROKEN = re.compile(r"\ufffd|锟斤拷|烫烫烫|屯屯屯|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|[\ue000-\uf8ff]")
# A candidate for UTF-8 read as Latin-1/CP1252: a lead-byte letter (À–ÿ) followed by characters
# that CP1252 maps from bytes 0x80–0xBF. "café”" matches too, so each run is then tested below.
_CP1252_HIGH = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE_RUN = re.compile(f"[\u00c0-\u00ff][\u0080-\u00bf{_CP1252_HIGH}]+")


def _as_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in CP1252, kept by Latin-1
    return bytes(out)


def garbled(text: str) -> str | None:
    """The first piece of broken text, or None.

    A Latin-1-looking run counts as mojibake only when its bytes really are UTF-8 ("Ã©" → b"\\xc3\\xa9"
    → "é", "è¿™" → "这"); "café”" gives b"caf\\xe9\\x94", which is not UTF-8, so accented text passes.
    """
    bad = _BROKEN.search(text)
    if bad:
        return bad.group(0)
    for m in _MOJIBAKE_RUN.finditer(text):
        raw = _as_bytes(m.group(0))
        if raw is None:
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return m.group(0)
    return None


def norm(text: str) -> str:
    """Spaces collapsed, lower case: what "the same text" means for exact duplicates."""
    return " ".join(text.split()).lower()


def record_flags(question: str, answer: str, text: str, min_answer_chars: int, max_answer_chars: int,
                 same: bool | None = None) -> list[tuple[str, str, str]]:
    """(rule, reason en, reason zh) for one record's own defects (duplicates are found elsewhere);
    ``same``: whether question and answer are equal after ``norm`` (computed when None)."""
    out = []
    if not answer.strip():
        return [("empty_answer", "the answer is empty", "答案为空")]
    holes = sorted(set(PLACEHOLDER.findall(text))) if "{{" in text else ()
    if holes:
        names = ", ".join(holes[:3])
        out.append(("placeholder", f"unfilled placeholder {names}: fill it in (augment fill) before training",
                    f"有未填写的占位符 {names}:训练前请先填写(augment fill)"))
    bad = garbled(text)
    if bad:
        out.append(("garbled", f"garbled text ({bad!r}): probably read with the wrong encoding",
                    f"乱码({bad!r}):可能是用错误的编码读取的"))
    if same if same is not None else norm(question) == norm(answer):
        out.append(("answer_is_question", "the answer repeats the question", "答案与问题完全相同"))
    n = len(answer.strip())
    if n < min_answer_chars:
        out.append(("short_answer", f"answer has {n} characters (< {min_answer_chars}): check it is complete",
                    f"答案只有 {n} 个字符(< {min_answer_chars}):请确认是否完整"))
    elif n > max_answer_chars:
        out.append(("long_answer", f"answer has {n} characters (> {max_answer_chars}): it may be cut in training",
                    f"答案有 {n} 个字符(> {max_answer_chars}):训练时可能被截断"))
    return out
