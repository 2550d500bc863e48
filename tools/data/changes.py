"""What reading or writing altered or dropped, in sentences a person reads (English and Chinese).

Nothing changes silently: a reader or writer that normalises, cuts or drops anything calls
``changes.add(kind, where)``; the convert/augment/quality result shows one line per kind with the
count and the first places, e.g. "2 records: CRLF inside cells became LF (qa.csv:3, qa.csv:9)".
"""
from __future__ import annotations

from dataclasses import dataclass, field

# kind → (English, Chinese); {n} = how many records, {what} = a detail (field names…)
SENTENCES: dict[str, tuple[str, str]] = {
    "crlf": ("{n} records: line breaks inside cells written as CRLF (\\r\\n) or CR were normalised to \\n",
             "{n} 条记录：单元格内的 CRLF（\\r\\n）或 CR 换行已统一为 \\n"),
    "candidates": ("{n} records: extra Qianfan answer candidates were dropped (only the first is kept in this layout)",
                   "{n} 条记录：千帆的多个候选答案只保留了第一个（此格式无法保存其余候选）"),
    "extra_fields": ("{n} records: fields this layout cannot hold were dropped ({what})",
                     "{n} 条记录：此格式无法保存的字段已丢弃（{what}）"),
    "message_fields": ("{n} records: per-message fields this layout cannot hold were dropped ({what})",
                       "{n} 条记录：此格式无法保存的逐条消息字段已丢弃（{what}）"),
    "flattened_tools": ("{n} records with tool calls were flattened to plain text (calls as assistant text, "
                        "results as user text, tool schemas appended to the system prompt): they no longer teach real tool use",
                        "{n} 条含工具调用的记录已展平为纯文本（调用写成助手文字，结果写成用户文字，工具定义并入系统提示）："
                        "它们不再能教会模型真正调用工具"),
    "call_text": ("{n} records: assistant text written alongside a tool call was dropped (sharegpt keeps only the call)",
                  "{n} 条记录：与工具调用同一轮的助手文字已丢弃（sharegpt 只能保存调用）"),
    "merged_results": ("{n} records: several tool results in a row were merged into one observation (a JSON list), "
                       "as LLaMA-Factory's sharegpt needs alternating turns",
                       "{n} 条记录：连续的多个工具结果已合并为一个 observation（JSON 列表），因为 LLaMA-Factory 的 sharegpt 要求轮次交替"),
    "garbled": ("{n} records hold text that looks garbled (mojibake such as 'Ã©', '�' or rare characters from a wrong "
                "decoding) in the file itself; it was not changed: fix the source file",
                "{n} 条记录的文字看起来是乱码（如 'Ã©'、'�' 或因解码错误产生的生僻字），问题出在文件本身；未做改动：请修正源文件"),
    "illegal_xml": ("{n} records: control characters Excel cannot store were replaced with \ufffd",
                    "{n} 条记录：Excel 无法保存的控制字符已替换为 \ufffd"),
    "split_input": ("{n} records: the instruction and its input were joined into one question (this layout has one question field)",
                    "{n} 条记录：指令与输入合并成了一个问题（此格式只有一个问题字段）"),
}


@dataclass
class Change:
    kind: str
    where: list[str] = field(default_factory=list)
    what: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.where)

    def sentence(self, lang: str = "en") -> str:
        en, zh = SENTENCES[self.kind]
        text = (zh if lang == "zh" else en).format(n=self.count, what=", ".join(sorted(self.what)))
        places = ", ".join(self.where[:3]) + (" …" if self.count > 3 else "")
        return f"{text} ({places})" if places else text

    def to_dict(self) -> dict:
        return {"kind": self.kind, "count": self.count, "where": self.where[:20],
                "en": self.sentence("en"), "zh": self.sentence("zh")}


class Changes:
    """An ordered collection of changes, one ``Change`` per kind."""

    def __init__(self) -> None:
        self.by_kind: dict[str, Change] = {}

    def add(self, kind: str, where: str, what: str | None = None) -> None:
        change = self.by_kind.setdefault(kind, Change(kind))
        if not change.where or change.where[-1] != where:  # one record counts once per kind
            change.where.append(where)
        if what:
            change.what.add(what)

    def extend(self, other: Changes) -> None:
        for change in other.by_kind.values():
            for where in change.where:
                self.add(change.kind, where)
            self.by_kind[change.kind].what |= change.what

    def __bool__(self) -> bool:
        return bool(self.by_kind)

    def __iter__(self):
        return iter(self.by_kind.values())

    def to_list(self) -> list[dict]:
        return [c.to_dict() for c in self.by_kind.values()]

    def sentences(self, lang: str = "en") -> list[str]:
        return [c.sentence(lang) for c in self.by_kind.values()]
