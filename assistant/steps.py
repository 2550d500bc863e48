"""What one assistant turn looks like to a renderer (the UI, the CLI): a stream of steps."""
from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from assistant.envelope import ToolResult

StepKind = Literal["tool_call", "tool_result", "pending", "token", "answer", "error"]


@dataclass
class Step:
    """One thing that happened in a turn, in order.

    - ``tool_call``: the agent calls ``name`` with ``args`` (``id`` pairs it with its result);
    - ``tool_result``: ``summary`` is a short sentence in the turn's language, ``ok`` False for a
      tool error, ``duration`` in seconds, ``files`` the files it wrote (absolute paths, never a
      directory), ``run`` a run card ``{"run_id", "state", "step", "total_steps"}`` when the tool
      started, stopped, resumed or reported a run, ``data`` the result's data (``data["source"]``
      names the file the tool read);
    - ``pending``: an action waits for the user's confirmation: ``name`` is the tool, ``args`` its
      arguments, ``summary`` the plan as a sentence, ``data`` its details (dataset, epochs,
      learning rate, batch, estimated time…). Confirm with ``Assistant.confirm``, drop with
      ``Assistant.cancel``;
    - ``token``: a piece of the answer as it streams (``text``);
    - ``answer``: the whole final answer (``text``), always last. ``ok`` is False when the turn
      itself failed (endpoint down…): ``text`` is then that failure as a sentence in the turn's
      language, shown like any answer;
    - ``error``: kept for renderers that build their own failure steps; the assistant never ends
      a turn with it.
    """

    kind: StepKind
    name: str = ""
    args: dict = field(default_factory=dict)
    id: str = ""
    summary: str = ""
    ok: bool = True
    duration: float = 0.0
    files: list[str] = field(default_factory=list)
    text: str = ""
    run: dict | None = None
    data: dict = field(default_factory=dict)


def result_step(name: str, call_id: str, result: ToolResult, lang: str, seconds: float) -> Step:
    """The ``tool_result`` step of one tool answer, in the turn's language."""
    return Step("tool_result", name=name, id=call_id, summary=result.summary(lang), ok=result.ok,
                duration=round(seconds, 3), files=list(result.files), run=result.run,
                data={k: v for k, v in result.data.items() if k != "pending"})


class StepTranslator:
    """Turns langgraph stream chunks (modes "updates" and "messages") into Steps; a tool result that
    carries a pending action is followed by a ``pending`` step."""

    def __init__(self, lang: str):
        self.lang = lang
        self.answer = ""
        self.pending_sentences = ("", "")
        self._started: dict[str, float] = {}

    def feed(self, mode: str, chunk) -> Iterator[Step]:
        if mode == "messages":
            message, meta = chunk
            piece = _text_of(message)
            if meta.get("langgraph_node") == "model" and piece and type(message).__name__ == "AIMessageChunk":
                yield Step("token", text=piece)
            return
        for update in (chunk or {}).values():
            for message in (update or {}).get("messages", []) if isinstance(update, dict) else []:
                yield from self._message(message)

    def _message(self, message) -> Iterator[Step]:
        kind = getattr(message, "type", "")
        if kind == "ai":
            for call in message.tool_calls:
                self._started[call["id"]] = time.monotonic()
                yield Step("tool_call", name=call["name"], args=dict(call["args"]), id=call["id"])
            if not message.tool_calls:
                self.answer = _text_of(message)
        elif kind == "tool":
            result = ToolResult.parse(message.content)
            started = self._started.pop(message.tool_call_id, time.monotonic())
            yield result_step(message.name or "", message.tool_call_id, result, self.lang, time.monotonic() - started)
            if result.pending:
                self.pending_sentences = (result.summary_en, result.summary_zh)
                yield Step("pending", name=str(result.pending.get("tool") or message.name or ""),
                           args=dict(result.pending.get("args") or {}), id=message.tool_call_id,
                           summary=result.summary(self.lang), data=dict(result.pending.get("details") or {}))


def _text_of(message) -> str:
    return str(getattr(message, "text", "") or "")  # a str subclass in langchain-core 1.x
