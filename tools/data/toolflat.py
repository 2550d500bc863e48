"""Tool-calling samples for layouts that cannot hold them: refused, or flattened to text on request.

Only sharegpt and openai carry function calls, their results and the tool schemas. Writing
tool-calling samples anywhere else is a UserError with the count and the reason, unless the user
asked to flatten them; flattened records are listed in ``changes`` (they no longer teach real
tool use).
"""
from __future__ import annotations

import json

from tools.data.changes import Changes
from tools.data.samples import Message, Sample
from tools.errors import UserError

TOOL_FORMATS = ("sharegpt", "openai")


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def prepare(samples: list[Sample], fmt: str, flatten_tools: bool, changes: Changes) -> list[Sample]:
    """Refuse tool-calling samples for a layout that cannot hold them, or flatten them when asked."""
    if fmt in TOOL_FORMATS:
        return samples
    using = [s for s in samples if s.uses_tools]
    if not using:
        return samples
    if not flatten_tools:
        places = ", ".join(s.where for s in using[:3]) + (" …" if len(using) > 3 else "")
        raise UserError(
            f"{len(using)} of {len(samples)} records hold tool calls or tool schemas ({places}), which {fmt} cannot hold; "
            f"convert to sharegpt or openai to keep them, or flatten them to plain text (--flatten-tools).",
            zh=f"{len(samples)} 条记录中有 {len(using)} 条含工具调用或工具定义（{places}），{fmt} 格式无法保存；"
               f"请转为 sharegpt 或 openai 以保留它们，或将其展平为纯文本（--flatten-tools）。")
    for s in using:
        changes.add("flattened_tools", s.where)
    return [flatten(s) if s.uses_tools else s for s in samples]


def flatten(s: Sample) -> Sample:
    """Tool calls as assistant text, results as user text, schemas appended to the system prompt."""
    out: list[Message] = []
    for m in s.messages:
        if m.role == "tool_call":
            said = (m.extra or {}).get("content", "")
            out.append(Message("assistant", f"{said}\n<tool_call>\n{m.content}\n</tool_call>".lstrip("\n")))
        elif m.role == "tool":
            text = f"<tool_response>\n{m.content}\n</tool_response>"
            if out and out[-1].role == "user" and out[-1].content.startswith("<tool_response>"):
                out[-1] = Message("user", f"{out[-1].content}\n{text}")  # several results: one turn
            else:
                out.append(Message("user", text))
        else:
            out.append(m)
    if s.tools:
        schemas = f"<tools>\n{_dumps(s.tools)}\n</tools>"
        if out[0].role == "system":
            out[0] = Message("system", f"{out[0].content}\n\n{schemas}", out[0].extra)
        else:
            out.insert(0, Message("system", schemas))
    meta = {k: v for k, v in s.meta.items() if k != "tools"}
    return Sample(out, s.where, meta)
