"""The offline chat model: a langchain ``BaseChatModel`` that turns Chinese and English requests
into tool calls (``assistant/nlu``: the speech act, then a small learned intent model shipped in the
package for the tool, rules for the arguments), and tool results into answers. No network,
deterministic; one routing step takes a few milliseconds (``scripts/eval_offline.py``).

    model = OfflineChatModel().bind_tools(tools)        # what create_agent does
    plan("我有1000条数据,epoch设置多少?")                # [{"name": "suggest_hyperparameters", "args": {"n_samples": 1000}}]
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from assistant.attachments import with_attachments
from assistant.nlu import replies
from assistant.nlu.planner import Decision, Turn, decide

_log = logging.getLogger(__name__)

_ROLES = {"human": "user", "user": "user", "ai": "assistant", "assistant": "assistant", "tool": "tool"}
# Pieces the answer streams in: a few CJK characters, or one word with its trailing space.
_CJK = "\u3400-\u9fff\uff00-\uffef\u3000-\u303f"
_PIECE = re.compile(rf"[{_CJK}]{{1,3}}\s*|[^\s{_CJK}]+\s*|\s+")


def _text(content: Any) -> str:
    """Message content as plain text (content may be a list of typed parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in content if isinstance(p, (str, dict)))
    return str(content or "")


def to_turns(messages: Iterable[BaseMessage | dict]) -> list[Turn]:
    """Langchain messages (or ``{"role", "content", ...}`` dicts) as planner turns."""
    turns: list[Turn] = []
    call_names: dict[str, str] = {}
    for msg in messages:
        if isinstance(msg, dict):
            role = _ROLES.get(str(msg.get("role", "")), "")
            calls, name, tool_call_id = msg.get("tool_calls") or [], msg.get("name") or "", msg.get("tool_call_id")
            content = msg.get("content", "")
        else:
            role = _ROLES.get(msg.type, "")
            calls = getattr(msg, "tool_calls", None) or []
            name, tool_call_id, content = getattr(msg, "name", None) or "", getattr(msg, "tool_call_id", None), msg.content
        if not role:
            continue  # system prompts and the like say nothing about the request
        calls = [{"name": c.get("name") or c.get("function", {}).get("name", ""), "args": c.get("args") or {},
                  "id": c.get("id", "")} for c in calls]
        for c in calls:
            call_names[c["id"]] = c["name"]
        if role == "tool" and not name:
            name = call_names.get(tool_call_id or "", "")
        turns.append(Turn(role=role, text=_text(content), calls=calls, name=name))
    return turns


def plan(text: str, files: Sequence[str] = (), history: Iterable[BaseMessage | dict] = ()) -> list[dict]:
    """The tool calls the first model call would emit for ``text`` (with ``files`` attached):
    ``[{"name", "args"}]``, empty when the model would answer in words instead."""
    turns = to_turns(history) + [Turn("user", with_attachments(text, list(files)))]
    decision = decide(turns)
    return [{"name": c["name"], "args": c["args"]} for c in decision.calls] if decision.kind == "tools" else []


class OfflineChatModel(BaseChatModel):
    """Requests → tool calls (a start or stop is only proposed: the tool guard asks the user), tool
    results → answers in the user's language."""

    tool_names: list[str] | None = None
    """Tools bound with :meth:`bind_tools`; None means any of the contract's tools."""

    @property
    def _llm_type(self) -> str:
        return "sft-assistant-offline"

    def bind_tools(self, tools: Sequence[Any], *, tool_choice: Any = None, **kwargs: Any) -> OfflineChatModel:
        names = [t if isinstance(t, str) else getattr(t, "name", None) or (t.get("name") if isinstance(t, dict) else None)
                 or getattr(t, "__name__", "") for t in tools]
        return self.model_copy(update={"tool_names": [n for n in names if n]})

    def _decide(self, messages: list[BaseMessage]) -> tuple[Decision, str]:
        turns = to_turns(messages)
        users = [t for t in turns if t.role == "user"]
        lang = replies.language(users[-1].text if users else "")
        try:
            decision = decide(turns)
        except Exception:  # a reader's bug must not end the person's turn in a traceback: they are asked to say it again
            _log.exception("the offline planner failed on a message; answered with the rephrase request")
            return Decision("unknown", reply=replies.unknown(lang)), lang
        if decision.kind == "tools" and self.tool_names is not None:
            if any(c["name"] not in self.tool_names for c in decision.calls):
                decision = Decision("unknown", reply=replies.unknown(lang))
        return decision, lang

    def _message(self, messages: list[BaseMessage]) -> AIMessage:
        decision, _ = self._decide(messages)
        if decision.kind == "tools":
            calls = [{"name": c["name"], "args": c["args"], "id": f"call_{len(messages)}_{i}_{c['name']}", "type": "tool_call"}
                     for i, c in enumerate(decision.calls)]
            return AIMessage(content="", tool_calls=calls, response_metadata={"model_name": self._llm_type})
        return AIMessage(content=decision.reply, response_metadata={"model_name": self._llm_type, "offline_kind": decision.kind})

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager=None, **kwargs: Any) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=self._message(messages))])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager=None,
                **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        """Tool calls come as one chunk; a written answer comes word by word (a few CJK characters at a time)."""
        message = self._message(messages)
        if message.tool_calls:
            chunks = [{"name": c["name"], "args": json.dumps(c["args"], ensure_ascii=False), "id": c["id"], "index": i}
                      for i, c in enumerate(message.tool_calls)]
            yield ChatGenerationChunk(message=AIMessageChunk(content="", tool_call_chunks=chunks,
                                                             response_metadata=message.response_metadata))
            return
        for piece in _PIECE.findall(message.text):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
        yield ChatGenerationChunk(message=AIMessageChunk(content="", response_metadata=message.response_metadata,
                                                         chunk_position="last"))


__all__ = ["OfflineChatModel", "plan", "to_turns", "ToolMessage"]
