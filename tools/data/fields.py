"""Which column holds the question, the answer, the system prompt and a rationale.

Spreadsheets name their columns in Chinese or English (问题/答案, prompt/response,
instruction/output…). We match normalised names against explicit lists, most
specific first, so ``instruction`` wins over ``input`` and ``标准回复`` over ``回复``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tools.errors import UserError

QUESTION_NAMES = [
    "question", "prompt", "instruction", "query", "用户提问", "用户问题", "问题", "提问", "问句", "指令",
    "用戶提問", "用戶問題", "問題", "問句", "問",
    "问", "user", "human", "q", "input", "输入", "輸入",
]
ANSWER_NAMES = [
    "answer", "response", "output", "reply", "completion", "target", "标准回复", "标准答案", "参考答案",
    "標準回覆", "標準答案", "參考答案",
    "答案", "回答", "回复", "回覆", "应答", "應答", "答", "输出", "輸出", "assistant", "gpt", "a",
]
SYSTEM_NAMES = ["system", "system_prompt", "systemprompt", "系统", "系统提示", "系统提示词", "人设",
                "系統", "系統提示", "系統提示詞", "人設"]
RATIONALE_NAMES = [
    "rationale", "explanation", "analysis", "reasoning", "cot", "thought", "thinking",
    "解析", "分析", "解释", "推理", "推理过程", "思路", "解题思路", "解釋", "推理過程", "解題思路",
]
# Extra context appended to the question (alpaca's "input", a 背景 column).
CONTEXT_NAMES = ["input", "context", "背景", "上下文", "输入", "輸入"]


def normalise(name: object) -> str:
    """'  Question_Text ' → 'questiontext'; '问题（必填）' → '问题'."""
    text = re.sub(r"[（(【\[].*?[）)】\]]", "", str(name or ""))
    return re.sub(r"[\s_\-:：*]+", "", text).lower()


def _find(columns: list[str], names: list[str], taken: set[str]) -> str | None:
    norm = {c: normalise(c) for c in columns if c not in taken}
    for wanted in names:
        for col, n in norm.items():
            if n == wanted:
                return col
    # A Chinese name inside a longer header ("客户问题", "最终答案") still counts;
    # short English names ("q", "a") only match exactly.
    for wanted in names:
        if len(wanted) >= 2 and not wanted.isascii():
            for col, n in norm.items():
                if wanted in n:
                    return col
    return None


@dataclass
class FieldMap:
    """Column names chosen for each role (None when absent)."""

    question: str | None
    answer: str | None
    system: str | None = None
    rationale: str | None = None
    context: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @property
    def complete(self) -> bool:
        return self.question is not None and self.answer is not None


def detect_fields(columns: list[str], question_field: str | None = None, answer_field: str | None = None,
                  rationale_field: str | None = None) -> FieldMap:
    """Pick the question/answer/system/rationale/context columns; explicit names win and must exist."""
    columns = [str(c) for c in columns]
    for given, role in ((question_field, "question"), (answer_field, "answer"), (rationale_field, "rationale")):
        if given is not None and given not in columns:
            raise UserError(f"There is no {role} field named '{given}'; the fields are: {', '.join(columns) or '(none)'}.",
                            zh=f"没有名为 '{given}' 的{ {'question': '问题', 'answer': '答案', 'rationale': '解析'}[role] }字段；"
                               f"现有字段：{'、'.join(columns) or '（无）'}。")
    taken: set[str] = set()
    q = question_field or _find(columns, QUESTION_NAMES, {answer_field} if answer_field else set())
    taken.add(q) if q else None
    a = answer_field or _find(columns, ANSWER_NAMES, taken)
    taken.add(a) if a else None
    fields = FieldMap(q, a, rationale=rationale_field)
    taken.add(rationale_field) if rationale_field else None
    for role, names in (("system", SYSTEM_NAMES), ("rationale", RATIONALE_NAMES), ("context", CONTEXT_NAMES)):
        found = None if getattr(fields, role) else _find(columns, names, taken)
        if found:
            setattr(fields, role, found)
            taken.add(found)
    return fields


def require_fields(fields: FieldMap, columns: list[str], where: str) -> None:
    """One sentence naming what is missing and the flags that fix it."""
    if fields.complete:
        return
    missing = " and ".join(r for r in ("question", "answer") if getattr(fields, r) is None)
    missing_zh = "和".join(z for r, z in (("question", "问题"), ("answer", "答案")) if getattr(fields, r) is None)
    raise UserError(
        f"Could not tell which field of {where} holds the {missing} (fields: {', '.join(map(str, columns)) or 'none'}); "
        f"name them with --question-field and --answer-field (e.g. 问题/答案 or prompt/response are recognised).",
        zh=f"无法判断 {where} 中哪个字段是{missing_zh}（字段：{'、'.join(map(str, columns)) or '无'}）；"
           f"请用 --question-field 和 --answer-field 指定（可识别 问题/答案、prompt/response 等）。")


def cell_text(value: object) -> str:
    """A spreadsheet/JSON cell as text: 42.0 → '42', None → '', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN: an empty cell that went through pandas
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:-9] if text.endswith("T00:00:00") else text.replace("T", " ")
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)
