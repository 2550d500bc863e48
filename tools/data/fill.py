"""Fill template placeholders (``{{name}}``, ``{{author}}``) with the user's values.

Files such as LLaMA-Factory's ``identity.json`` exist to be filled in: the quality check flags
their placeholders (it never deletes them) and offers this. The result is a NEW file; the input
is never changed. A placeholder without a value stays as it is and is reported.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from tools.data.formats import FORMATS, output_path, read_dataset, write_samples
from tools.data.samples import Sample
from tools.errors import UserError

NAME = re.compile(r"\{\{\s*([\w.\-]+)\s*\}\}")


@dataclass
class FillResult:
    output: str
    records: int
    changed: int
    filled: dict[str, int] = field(default_factory=dict)
    """placeholder → occurrences replaced"""
    missing: dict[str, int] = field(default_factory=dict)
    """placeholder without a value → occurrences left"""

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    def summary(self, lang: str = "en") -> str:
        filled = ", ".join(f"{{{{{k}}}}} ×{n}" for k, n in self.filled.items()) or ("无" if lang == "zh" else "none")
        missing = ", ".join(f"{{{{{k}}}}}" for k in self.missing)
        if lang == "zh":
            return (f"已填写 {filled},{self.records} 条中改动了 {self.changed} 条;写入 {self.output}。"
                    + (f"还缺这些值:{missing}。" if missing else ""))
        return (f"filled {filled} in {self.changed} of {self.records} records; written to {self.output}."
                + (f" Still without a value: {missing}." if missing else ""))


def find_placeholders(samples: list[Sample]) -> dict[str, int]:
    """placeholder name → occurrences, most frequent first."""
    counts = Counter(name for s in samples for m in s.messages for name in NAME.findall(m.content))
    return dict(counts.most_common())


def parse_values(pairs: list[str]) -> dict[str, str]:
    """``["name=小助手", "author=张三"]`` → {"name": "小助手", "author": "张三"}."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(f"'{pair}' is not name=value (e.g. name=Helper author=ACME).",
                            zh=f"'{pair}' 不是 名称=值 的形式(例如 name=小助手 author=张三)。")
        out[key.strip().strip("{} ")] = value
    return out


def fill_placeholders(path, values: dict[str, str], output=None, **fields) -> FillResult:
    """Replace ``{{key}}`` by ``values[key]`` in every message; write a new file in the input's layout."""
    values = {str(k).strip().strip("{} "): str(v) for k, v in (values or {}).items()}
    if not values:
        raise UserError("Give the values to fill in, e.g. name=Helper author=ACME.",
                        zh="请给出要填写的值,例如 name=小助手 author=张三。")
    source = Path(path).expanduser()
    result = read_dataset(source, **fields)
    found = find_placeholders(result.samples)
    if not found:
        raise UserError(f"{source.name} has no {{{{placeholders}}}} to fill.", zh=f"{source.name} 里没有需要填写的 {{{{占位符}}}}。")
    filled: Counter = Counter()

    def swap(m: re.Match) -> str:
        if m.group(1) in values:
            filled[m.group(1)] += 1
            return values[m.group(1)]
        return m.group(0)

    changed = 0
    for s in result.samples:
        new = [replace(m, content=NAME.sub(swap, m.content)) if NAME.search(m.content) else m
               for m in s.messages]
        changed += any(a is not b for a, b in zip(new, s.messages))
        s.messages = new
    fmt = {"tsv": "csv"}.get(result.format, result.format)
    fmt = fmt if fmt in FORMATS else "jsonl"
    out = output_path(source, fmt, output, tag=".filled")
    write_samples(result.samples, fmt, out)
    missing = {k: n - filled.get(k, 0) for k, n in found.items() if k not in values}
    return FillResult(str(out), len(result.samples), changed, dict(filled), missing)
