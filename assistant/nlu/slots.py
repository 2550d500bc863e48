"""Arguments in a request: target format, field names, counts, epochs, learning rate, LoRA rank…

Each finder reads the text with file names blanked out (see :func:`mask`), so that
"qa_2024.csv" gives no number and "faq.xlsx" no format.

>>> find_format("把 faq.xlsx 转换成 jsonl"), find_format("convert this to alpaca json")
('jsonl', 'alpaca')
>>> find_fields('问题在“question”列,答案在“answer”列')
{'question_field': 'question', 'answer_field': 'answer'}
>>> training_args("start training with 10 epochs and lr 1e-4, rank 16")
{'epochs': 10, 'learning_rate': 0.0001, 'lora_r': 16}
"""
from __future__ import annotations

import re

from assistant.nlu.numbers import Num, find_numbers

# (format, pattern). Specific names come before "json", so "alpaca json" is alpaca.
_FORMATS = [
    ("qianfan", r"千帆|qianfan|文心|ernie|百度"),
    ("alpaca", r"alpaca|羊驼"),
    ("sharegpt", r"share\s?gpt|多轮对话格式|conversations?\s*格式"),
    ("openai", r"openai|open\s+ai|chatml|\bmessages\b|gpt[- ]?(?:3\.5|4)?\s*(?:格式|format)|chat[- ]?completions?"),
    ("csv", r"\bcsv\b|(?<![a-z])csv|逗号分隔"),
    ("xlsx", r"excel|xlsx|\bxls\b|电子表格|表格|spreadsheet"),
    ("jsonl", r"jsonl|json\s*lines|ndjson|\bjson\b|(?<![a-z])json|训练格式|training format|标准格式|通用格式"),
]
# A format named right after these words is the target: "from csv to jsonl" → jsonl.
_TARGET_BEFORE = re.compile(r"(?:\bto|\binto|\bas|成|为|→|->|变成|导出|输出|保存|另存|export|save)\s*(?:an?\s+|the\s+)?$",
                            re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”'‘’「『`]([^\"“”'‘’「」『』`\n]{1,80}?)[\"“”'‘’」』`]")
_ROLES = [
    ("question_field", r"问题|提问|问句|输入|指令|question|prompt|instruction|query|input|\bq\b|问"),
    ("answer_field", r"答案|回答|回复|输出|应答|answer|response|output|completion|target|reply|\ba\b|答"),
    ("rationale_field", r"推理|思路|解析|理由|rationale|reasoning|explanation|思考"),
    ("sheet", r"sheet|工作表|表单|子表|页签|标签页"),
]
_FIELD_WORD = r"(?:字段|列|栏|键|column|field|key|col)"
_IS = r"(?:\s*(?:是|为|叫做?|用|=|:|：|is|are|named|called|as|in)\s*)"
_NAME = r"([A-Za-z_][\w-]{0,40})"


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (same length, so offsets still hold)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def find_format(text: str) -> str | None:
    """The target data format named in ``text`` (file names already masked), else None."""
    hits = []
    for name, pattern in _FORMATS:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if not any(h[1] <= m.start() < h[2] for h in hits):  # "alpaca json": one mention
                hits.append((name, m.start(), m.end()))
    if not hits:
        return None
    targets = [h for h in hits if _TARGET_BEFORE.search(text[: h[1]])]
    if targets:
        # "转换成alpaca json格式": the first format after the target word; its generic tail is the same mention
        return targets[0][0]
    return sorted(hits, key=lambda h: h[1])[-1][0]


def _role_of(context: str, last: bool) -> str | None:
    """The role named closest to a quote: ``last`` reads the end of ``context`` (words before
    the quote), else its start (words after)."""
    best = None
    for role, pattern in _ROLES:
        for m in re.finditer(pattern, context, re.IGNORECASE):
            distance = len(context) - m.end() if last else m.start()
            if best is None or distance < best[0]:
                best = (distance, role)
    return best[1] if best and best[0] <= 12 else None


def find_fields(text: str) -> dict:
    """Field names the user spelled out: quoted (“question”, 'q', 「问题」) or after "字段是"."""
    out: dict = {}
    for m in _QUOTE.finditer(text):
        name = m.group(1).strip()
        if "{" in name or re.search(r"\.\w{2,5}$", name) or len(name) > 40:
            continue  # a template or a file name, not a field
        before = re.split(r"[,，;；。\n]|\band\b|和|、", text[: m.start()])[-1]
        after = re.split(r"[,，;；。\n]|\band\b|和|、", text[m.end():])[0]
        role = _role_of(before, last=True) or _role_of(after, last=False)
        if role and role not in out:
            out[role] = name
    for role, pattern in _ROLES[:3]:
        spelled = re.search(rf"(?:{pattern})\s*{_FIELD_WORD}?(?:名)?{_IS}{_NAME}", text, re.IGNORECASE)
        reversed_ = re.search(rf"{_NAME}\s*{_FIELD_WORD}{_IS}?(?:作为)?(?:{pattern})", text, re.IGNORECASE)
        for hit in (spelled, reversed_):
            if hit and role not in out and _is_field_name(hit.group(1)):
                out[role] = hit.group(1)
    sheet = re.search(r"\b(sheet\s?\d+)\b", text, re.IGNORECASE)
    if sheet and "sheet" not in out:
        out["sheet"] = sheet.group(1)
    return out


def _is_field_name(word: str) -> bool:
    stop = {"the", "a", "an", "in", "is", "my", "this", "that", "column", "field", "called", "named", "to", "and"}
    return word.lower() not in stop


def find_templates(text: str) -> list[str]:
    """Instruction templates the user quoted: "请回答:{question}"."""
    return [m.group(1) for m in re.finditer(r"[\"“「『`]([^\"“”」』`\n]*\{[^}]*\}[^\"“”」』`\n]*)[\"”」』`]", text)]


def find_method(text: str) -> str | None:
    if re.search(r"全量|全参|全部参数|full(?:[- ]?(?:parameter|param|model|weights?))?(?:[- ]?(?:fine[- ]?tun\w*|ft|sft|training|train))?\b", text, re.IGNORECASE):
        if re.search(r"\bfull\b|全量|全参|全部参数", text, re.IGNORECASE):
            return "full"
    if re.search(r"q?lora|peft|低秩|adapter", text, re.IGNORECASE):
        return "lora"
    return None


def wants_ppl(text: str) -> bool:
    return bool(re.search(r"\bppl\b|(?<![a-z])ppl|perplexity|困惑度", text, re.IGNORECASE))


def _int(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# What the words around a number say it counts. Left patterns end right before the number,
# right patterns start right after it.
_UNITS = {
    "epochs": (r"(?:epochs?|轮数|轮次|训练轮数|num_train_epochs|epoch数)\s*(?:数)?(?:设为|设置为|设置成|设成|改成|改为|调到|调成|用|为|是|=|:|：|to|of|at|set to)?\s*$",
               r"^\s*(?:个|次)?\s*(?:epochs?\b|epoch|轮|遍|回合|eps?\b)"),
    "learning_rate": (r"(?:\blr|learning[ _-]?rate|学习率)\s*(?:设为|设置为|设置成|设成|改成|改为|调到|调成|用|为|是|=|:|：|to|of|at|set to)?\s*(?:大概|约)?\s*$",
                      r"^(?!)"),
    "lora_r": (r"(?:lora[ _-]?r|lora[ _-]?rank|\brank|秩|\br)\s*(?:设为|设置为|设成|改成|调到|用|为|是|=|:|：|to|of)?\s*$",
               r"^\s*(?:的)?\s*(?:rank|秩)"),
    "max_steps": (r"(?:max[ _-]?steps?|最大步数|步数|最多跑|最多训练)\s*(?:设为|设置为|设成|改成|为|是|=|:|：|to|of)?\s*$",
                  r"^\s*(?:个)?\s*(?:steps?\b|步)"),
    "k": (r"(?:\bk|top[- ]?k|每条(?:加|配|放)?|each with|per sample)\s*(?:=|:|：|为|是|of)?\s*$",
          r"^\s*(?:-|个|条)?\s*(?:shots?\b|示例|例子|范例|样例|examples? (?:each|per)|demonstrations?|demos?)"),
    "n_samples": (r"(?:数据量|样本量|样本数|数据有|条数|数据集有|共有|总共|一共|n_samples|dataset (?:of|with|has)|data size (?:is|of)?|samples?\s*[:=]|size of)\s*(?:是|为|有|=|:|：)?\s*(?:大概|约|大约|about|around|~)?\s*$",
                  r"^\s*(?:多)?\s*(?:条|个样本|个数据|份|组|对|行|个问答|个例子|个示例|(?:\+\s*)?(?:training |labeled |labelled |qa |q&a |sft )?(?:samples?|examples?|rows?|records?|pairs?|entries|entry|lines|items|questions|instances|conversations|datapoints|data points)\b)"),
}


def label_numbers(text: str) -> list[tuple[Num, str | None]]:
    """Each number in ``text`` with what it counts ("epochs", "n_samples", …) or None."""
    labelled = []
    for num in find_numbers(text):
        left, right = text[max(0, num.start - 30): num.start], text[num.end: num.end + 40]
        # the word after a number ("10000 samples") says more than the word before it
        label = next((name for name, (_, pat) in _UNITS.items() if _unit_after(pat, right)), None)
        if label is None:
            label = next((name for name, (pat, _) in _UNITS.items() if re.search(pat, left, re.IGNORECASE)), None)
        labelled.append((num, label))
    return labelled


def _unit_after(pattern: str, right: str) -> bool:
    """The unit right after a number, unless that word labels the next one ("0.0001 epochs=5")."""
    m = re.search(pattern, right, re.IGNORECASE)
    return bool(m) and not re.match(r"\s*(?:[=:：]|设为|设置为|为|是|is\b|to\b)\s*[\d.一二两三四五六七八九十]",
                                     right[m.end():], re.IGNORECASE)


def training_args(text: str) -> dict:
    """epochs, learning_rate, lora_r and max_steps spelled in ``text``."""
    out: dict = {}
    for num, label in label_numbers(text):
        if label in ("epochs", "lora_r", "max_steps") and label not in out and num.value > 0:
            out[label] = _int(num.value) if label != "epochs" else _int(num.value)
        elif label == "learning_rate" and "learning_rate" not in out and 0 < num.value < 1:
            out["learning_rate"] = num.value
        elif label is None and "learning_rate" not in out and 0 < num.value < 0.01:
            out["learning_rate"] = num.value  # 1e-4, 2e-5 need no label
    return out


def count_args(text: str, few_shot: bool = False) -> dict:
    """n_samples (and k for few-shot: "3-shot", "k=3", "3个示例") spelled in ``text``."""
    out: dict = {}
    for num, label in label_numbers(text):
        if not num.is_int or num.value <= 0:
            continue
        if label == "k" and few_shot and "k" not in out:
            out["k"] = int(num.value)
        elif label == "k" and not few_shot and "n_samples" not in out and num.value >= 10:
            out["n_samples"] = int(num.value)
        elif label == "n_samples" and "n_samples" not in out:
            # "加入3条few-shot示例": a small count of examples in a few-shot request is k
            if few_shot and num.value <= 10 and "k" not in out:
                out["k"] = int(num.value)
            else:
                out["n_samples"] = int(num.value)
    return out


def lone_count(text: str) -> int | None:
    """A bare integer ≥ 10 nobody labelled ("I have 800, what lr?"), read as a sample count."""
    for num, label in label_numbers(text):
        if label is None and num.is_int and num.value >= 10 and num.text.strip()[-1:] not in "一":
            return int(num.value)
    return None


def find_base_model(text: str) -> str | None:
    m = re.search(r"(?:base[ _-]?model|基座模型?|基础模型|底座模型?|预训练模型|模型用|model)\s*(?:用|是|为|=|:|：)?\s*([A-Za-z][\w.-]*(?:/[\w.-]+)?)",
                  text, re.IGNORECASE)
    if m and m.group(1).lower() not in {"is", "to", "the", "a", "with", "for", "and", "on", "of"}:
        return m.group(1)
    hub = re.search(r"(?<![\w./])([A-Za-z][\w-]*/[A-Za-z][\w.-]*)", text)
    return hub.group(1) if hub and not re.search(r"jsonl|csv|json|/?全量|lora", hub.group(1), re.IGNORECASE) else None


def find_run_id(text: str) -> str | None:
    m = re.search(r"(?:\brun|任务|运行|run_id|id)\s*(?:id)?\s*[:=#：]?\s*([A-Za-z0-9][\w.-]*)", text, re.IGNORECASE)
    if m and re.search(r"\d", m.group(1)) and (len(m.group(1)) >= 6 or "-" in m.group(1)):
        return m.group(1)
    return None
