"""The one canonical in-memory sample: a list of chat messages plus metadata.

Alpaca, ShareGPT, Qianfan, OpenAI, CSV and Excel exist only at the edges, in the
readers and writers of ``tools/formats``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["system", "user", "assistant"]


@dataclass
class Message:
    role: Role
    content: str


@dataclass
class Sample:
    """One training example.

    ``messages`` alternate user/assistant turns, optionally led by one system
    message; the last message is the assistant's answer. ``where`` says where the
    record came from (``file.csv:12`` or ``book.xlsx[Sheet1]!row 7``) so every
    report can point back at it; ``meta`` keeps extra fields (e.g. a rationale
    column for CoT).
    """

    messages: list[Message]
    where: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def system(self) -> str | None:
        return self.messages[0].content if self.messages and self.messages[0].role == "system" else None

    @property
    def turns(self) -> list[tuple[str, str]]:
        """(question, answer) pairs in order, without the system message."""
        body = [m for m in self.messages if m.role != "system"]
        return [(body[i].content, body[i + 1].content) for i in range(0, len(body) - 1, 2)]

    @property
    def question(self) -> str:
        """The last user message (the one the final answer replies to)."""
        return next((m.content for m in reversed(self.messages) if m.role == "user"), "")

    @property
    def answer(self) -> str:
        return self.messages[-1].content if self.messages and self.messages[-1].role == "assistant" else ""

    def to_dicts(self) -> list[dict]:
        return [{"role": m.role, "content": m.content} for m in self.messages]

    @classmethod
    def from_pair(cls, question: str, answer: str, system: str | None = None, where: str = "", meta: dict | None = None) -> "Sample":
        msgs = [Message("system", system)] if system else []
        msgs += [Message("user", question), Message("assistant", answer)]
        return cls(msgs, where=where, meta=dict(meta or {}))
