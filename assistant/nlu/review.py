"""After a quality check: a review rule ("把重复的删掉", "keep all flagged by length") and placeholder
values ("name=小助手 author=张三") are requests for ``apply_quality_rule`` and ``fill_placeholders``.

    >>> rule_command("把重复的删掉"), rule_command("keep all flagged by length")
    (('duplicates', 'drop'), ('short_answer', 'keep'))
    >>> rule_command("去重"), placeholder_values("name=小助手, author=张三")
    (None, {'name': '小助手', 'author': '张三'})

Dropping records is consequential: the tool guard turns a drop into a plan the person confirms.
"""
from __future__ import annotations

import re

_DROP = re.compile(r"删掉|删除|删了|删去|去掉|去除|丢掉|扔掉|剔除|移除|清掉|不要了?|\bdrop|\bremove|\bdelete|\bdiscard|"
                   r"get rid of|throw (?:away|out)|\btoss|\bkill", re.I)
_KEEP = re.compile(r"保留|留着|留下|都要|不删|别删|\bkeep|\bretain|leave (?:them|those|these|the \w+) in", re.I)
# Most specific first: "完全重复" before "重复".
_RULES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), rule) for p, rule in (
    (r"完全重复|一模一样|exact(?:ly)?[- ](?:the same|duplicat\w*|dupes?)", "exact_duplicate"),
    (r"近似重复|近重复|相似|几乎重复|near[- ]?(?:duplicat\w*|dupes?)|similar", "near_duplicate"),
    (r"重复|duplicat\w*|\bdupes?\b|\bdups?\b", "duplicates"),
    (r"冲突|矛盾|conflict\w*|contradict\w*", "conflict"),
    (r"占位|placeholders?", "placeholder"),
    (r"乱码|garbled|gibberish|mojibake", "garbled"),
    (r"答非所问|反问|answers? (?:that )?(?:is|are) (?:a )?questions?", "answer_is_question"),
    (r"太短|过短|短答案|短的|short", "short_answer"),
    (r"太长|过长|长答案|长的|\blong", "long_answer"),
    (r"长度|length", "short_answer"),
    (r"啰嗦|复读|repetitive|repeats? itself", "repetitive"),
    (r"困惑度|\bppl\b|perplexity", "perplexity"),
    (r"所有(?:被)?标记|全部(?:被)?标记|all (?:the )?flagged|everything flagged", "all"),
)]
# "name=小助手", "author: ACME", "name 是 小助手": a value the person gives for a placeholder.
_PAIR = re.compile(r"(?<![\w{])([A-Za-z_][A-Za-z0-9_]{0,30})\s*(?:=|＝|:|：|是|为|\bis\b)\s*"
                   r"(\"[^\"]+\"|'[^']+'|“[^”]+”|「[^」]+」|[^\s,，;；、。]+)")
_FILL = re.compile(r"填|\bfill|替换|换成|\breplace|\bsubstitut\w*|\bput\b.{0,20}\binto\b", re.I)
_HOLE = re.compile(r"占位|placeholders?|\{\{", re.I)
# "有没有…占位符没替换的", "any unfilled placeholders?": a look for them, not a fill.
_LOOK = re.compile(r"有没有|有无|是否|[没未](?:有)?(?:填|替换)|\bany\b|\bare there\b|\bunfilled\b|\bleft\b", re.I)
# Arguments of other tools written the same way are never placeholder values.
_NOT_PLACEHOLDERS = {"lr", "learning_rate", "epochs", "epoch", "k", "n", "batch", "batch_size", "bs", "rank", "r", "alpha",
                     "dropout", "max_steps", "steps", "seed", "fraction", "to", "format", "path", "file", "question_field",
                     "answer_field", "sheet", "base_model", "model", "max_len", "max_length", "warmup", "mix_general"}


def rule_command(text: str) -> tuple[str, str] | None:
    """(rule, "drop" | "keep") when ``text`` tells what to do with flagged records, else None."""
    keep = _KEEP.search(text)
    drop = _DROP.search(text)
    if not (keep or drop):
        return None
    rule = next((name for pattern, name in _RULES if pattern.search(text)), None)
    if rule is None:
        return None
    return rule, "keep" if keep and not (drop and drop.start() < keep.start()) else "drop"


def placeholder_values(text: str) -> dict[str, str]:
    """Placeholder name → value pairs written in ``text`` (quotes removed), other tools' options excluded."""
    pairs = {}
    for key, value in _PAIR.findall(text):
        if key.lower() in _NOT_PLACEHOLDERS:
            continue
        pairs[key] = value.strip("\"'“”「」")
    return pairs


def asks_fill(text: str, placeholders_seen: bool) -> bool:
    """A request to fill placeholders: a fill verb with placeholders or values named ("填一下占位符",
    "fill in name=…"), or values given after a check that found some. "有没有占位符" is a check."""
    values = bool(placeholder_values(text))
    if values:
        return bool(_FILL.search(text) or placeholders_seen)
    return bool(_FILL.search(text) and _HOLE.search(text) and not _LOOK.search(text))
