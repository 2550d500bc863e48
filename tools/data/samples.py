"""The one canonical in-memory sample: a list of chat messages plus metadata.

Alpaca, ShareGPT, Qianfan, OpenAI, CSV and Excel exist only at the edges, in the
readers and writers of ``tools/formats``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["system", "user", "assistant", "tool_call", "tool"]
"""``tool_call``: the assistant calls functions; ``content`` is the JSON text of one call
``{"name", "arguments"}`` or a list of them (LLaMA-Factory's ``function_call`` value).
``tool``: what a function returned (LLaMA-Factory's ``observation``, OpenAI's ``tool`` role)."""

ASSISTANT_SIDE = ("assistant", "tool_call")


@dataclass
class Message:
    role: Role
    content: str
    extra: dict | None = None
    """Per-message fields a layout carries besides role and content (OpenAI ``weight``, ``name``,
    tool-call ids, a Qianfan response with several candidates, alpaca's instruction/input split)."""


@dataclass
class Sample:
    """One training example.

    ``messages`` alternate user/assistant turns, optionally led by one system
    message; the last message is the assistant's answer. ``where`` says where the
    record came from (``file.csv:12`` or ``book.xlsx[Sheet1]!row 7``) so every
    report can point back at it; ``meta`` keeps extra fields: ``rationale`` (CoT),
    ``tools`` (the function schemas offered, a list of dicts) and ``extra`` (record-level
    fields such as ``id`` or ``category``, written back where the target layout holds them).
    """

    messages: list[Message]
    where: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def system(self) -> str | None:
        return self.messages[0].content if self.messages and self.messages[0].role == "system" else None

    @property
    def turns(self) -> list[tuple[str, str]]:
        """(question, answer) pairs in order, without the system message (plain conversations;
        tool messages are not part of a pair)."""
        body = [m for m in self.messages if m.role in ("user", "assistant")]
        return [(body[i].content, body[i + 1].content) for i in range(0, len(body) - 1, 2)]

    @property
    def tools(self) -> list:
        """Function schemas offered to the model in this conversation ([] when none)."""
        return self.meta.get("tools") or []

    @property
    def uses_tools(self) -> bool:
        """True when the sample carries tool calls, tool results or tool schemas."""
        if self.meta.get("tools"):
            return True
        for m in self.messages:  # a plain loop: this runs once per sample on every write
            if m.role == "tool_call" or m.role == "tool":
                return True
        return False

    @property
    def question(self) -> str:
        """The last user message (the one the final answer replies to)."""
        return next((m.content for m in reversed(self.messages) if m.role == "user"), "")

    @property
    def answer(self) -> str:
        return self.messages[-1].content if self.messages and self.messages[-1].role in ASSISTANT_SIDE else ""

    def to_dicts(self) -> list[dict]:
        return [{"role": m.role, "content": m.content} for m in self.messages]

    def chat_messages(self, native_tools: bool = True) -> list[dict]:
        """Messages for ``tokenizer.apply_chat_template``: a call becomes an assistant turn with
        ``tool_calls`` (or, for a template that cannot render calls, the call as text between
        ``<tool_call>`` tags, as Hermes/Qwen templates write it); a result becomes a ``tool`` turn."""
        out = []
        for m in self.messages:
            if m.role != "tool_call":
                out.append({"role": m.role, "content": m.content})
            elif native_tools:
                calls = [{"type": "function", "function": c} for c in parse_calls(m.content)]
                out.append({"role": "assistant", "content": "", "tool_calls": calls})
            else:
                out.append({"role": "assistant", "content": f"<tool_call>\n{m.content}\n</tool_call>"})
        return out

    def chat_inputs(self, tokenizer) -> tuple[list[dict], list | None]:
        """(messages, tools) for ``tokenizer.apply_chat_template(messages, tools=tools)``.

        A template that renders ``tool_calls`` and ``tools`` itself gets them as they are; for one
        that does not (SmolLM2's), calls are written as ``<tool_call>`` text in the assistant turn
        and the schemas as a ``<tools>`` block in the system prompt, so the model still sees both."""
        template = str(getattr(tokenizer, "chat_template", "") or "")
        messages = self.chat_messages(native_tools="tool_calls" in template)
        if not self.tools:
            return messages, None
        if "tools" in template.replace("tool_calls", ""):
            return messages, [{"type": "function", "function": t} for t in self.tools]
        block = f"<tools>\n{json.dumps(self.tools, ensure_ascii=False)}\n</tools>"
        if messages and messages[0]["role"] == "system":
            messages[0] = {"role": "system", "content": f"{messages[0]['content']}\n\n{block}"}
        else:
            messages.insert(0, {"role": "system", "content": block})
        return messages, None

    @classmethod
    def from_pair(cls, question: str, answer: str, system: str | None = None, where: str = "", meta: dict | None = None) -> Sample:
        msgs = [Message("system", system)] if system else []
        msgs += [Message("user", question), Message("assistant", answer)]
        return cls(msgs, where=where, meta=dict(meta or {}))


def parse_calls(content: str) -> list[dict]:
    """The calls of a ``tool_call`` message: [{"name", "arguments": dict}] (arguments given as a
    JSON string are parsed; text that is not JSON stays a string)."""
    try:
        value = json.loads(content)
    except json.JSONDecodeError:
        return [{"name": "", "arguments": content}]
    calls = value if isinstance(value, list) else [value]
    out = []
    for call in calls:
        call = dict(call) if isinstance(call, dict) else {"name": "", "arguments": call}
        if isinstance(call.get("arguments"), str):
            try:
                call["arguments"] = json.loads(call["arguments"])
            except json.JSONDecodeError:
                pass
        out.append(call)
    return out
