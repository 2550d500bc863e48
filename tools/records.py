"""One record of a known layout → one canonical ``Sample`` (or ``BadRecord`` saying why not).

Layouts: ``qianfan`` (a JSON array of ``{"prompt", "response": [["…"]]}``, one object per
turn), ``alpaca`` (instruction/input/output, optional system/history), ``sharegpt``
(``conversations`` of from/value), ``openai`` (``messages`` of role/content, content
may be a list of typed parts) and ``jsonl``/table rows (question/answer fields found by
``tools.fields``, optional system and ``history`` [[q, a], …]).
"""
from __future__ import annotations

import json

from tools.fields import FieldMap, cell_text
from tools.samples import Message, Sample

SHAREGPT_ROLES = {"human": "user", "user": "user", "gpt": "assistant", "assistant": "assistant",
                  "system": "system", "chatgpt": "assistant", "bot": "assistant"}


class BadRecord(ValueError):
    """Why one record cannot become a sample (the reader reports it as skipped)."""


def record_format(record: object) -> str:
    """Guess the layout from one record's shape."""
    if isinstance(record, list):
        return "qianfan"
    if isinstance(record, dict):
        if "messages" in record:
            return "openai"
        if "conversations" in record:
            return "sharegpt"
        if "instruction" in record and "output" in record:
            return "alpaca"
    return "jsonl"


def build(messages: list[Message], where: str, meta: dict | None = None) -> Sample:
    """Check the conversation shape: optional system first, then user/assistant turns, ending with the assistant."""
    body = messages[1:] if messages and messages[0].role == "system" else messages
    if not body:
        raise BadRecord("no question and answer")
    for i, m in enumerate(body):
        expected = "user" if i % 2 == 0 else "assistant"
        if m.role != expected:
            raise BadRecord(f"message {i + 1} is from '{m.role}' where '{expected}' was expected")
        if not m.content.strip():
            raise BadRecord(f"empty {'question' if expected == 'user' else 'answer'}" + (f" in turn {i // 2 + 1}" if len(body) > 2 else ""))
    if body[-1].role != "assistant":
        raise BadRecord("the last message is a question without an answer")
    if messages[0].role == "system" and not messages[0].content.strip():
        messages = messages[1:]  # an empty system prompt is no system prompt
    return Sample(messages, where=where, meta=meta or {})


def _text(content: object, what: str) -> str:
    """Plain text of a message content: a string, or a list of typed parts ({"type": "text", "text"|"value"})."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and part.get("type", "text") == "text":
                parts.append(cell_text(part.get("text", part.get("value", ""))))
            else:
                kind = part.get("type") if isinstance(part, dict) else type(part).__name__
                raise BadRecord(f"{what} has a non-text part ({kind}); only text is supported")
        return "".join(parts)
    if content is None:
        return ""
    if isinstance(content, (int, float)):
        return cell_text(content)
    raise BadRecord(f"{what} is a {type(content).__name__}, not text")


def _history(value: object) -> list[Message]:
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise BadRecord("the history field is not a JSON list of [question, answer] pairs") from None
    if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
        raise BadRecord("the history field is not a list of [question, answer] pairs")
    out = []
    for q, a in value:
        out += [Message("user", _text(q, "a history question")), Message("assistant", _text(a, "a history answer"))]
    return out


def _qianfan(record: list, where: str) -> Sample:
    messages: list[Message] = []
    for i, turn in enumerate(record):
        if not isinstance(turn, dict) or "prompt" not in turn or "response" not in turn:
            raise BadRecord(f"turn {i + 1} is not an object with 'prompt' and 'response'")
        if i == 0 and turn.get("system"):
            messages.append(Message("system", _text(turn["system"], "the system prompt")))
        response = turn["response"]
        # Qianfan writes [["answer"]]; several inner candidates are alternatives: keep the first.
        while isinstance(response, list) and len(response) >= 1 and isinstance(response[0], list):
            response = response[0]
        if isinstance(response, list):
            response = response[0] if response else ""
        messages += [Message("user", _text(turn["prompt"], "a prompt")), Message("assistant", _text(response, "a response"))]
    return build(messages, where)


def _openai(record: dict, where: str) -> Sample:
    raw = record.get("messages")
    if not isinstance(raw, list):
        raise BadRecord("'messages' is not a list")
    messages = []
    for m in raw:
        role = m.get("role") if isinstance(m, dict) else None
        if role not in ("system", "user", "assistant"):
            raise BadRecord(f"unsupported message role {role!r} (only system, user and assistant)")
        messages.append(Message(role, _text(m.get("content"), f"a {role} message")))
    return build(messages, where)


def _sharegpt(record: dict, where: str) -> Sample:
    raw = record.get("conversations")
    if not isinstance(raw, list):
        raise BadRecord("'conversations' is not a list")
    messages = [Message("system", _text(record["system"], "the system prompt"))] if record.get("system") else []
    for m in raw:
        role = SHAREGPT_ROLES.get(str(m.get("from", "")).lower()) if isinstance(m, dict) else None
        if role is None:
            raise BadRecord(f"unsupported speaker {m.get('from') if isinstance(m, dict) else m!r} (only human, gpt and system)")
        messages.append(Message(role, _text(m.get("value"), f"a {role} message")))
    return build(messages, where)


def _alpaca(record: dict, where: str) -> Sample:
    question = _text(record.get("instruction"), "the instruction")
    context = _text(record.get("input"), "the input")
    if context.strip():
        question = f"{question}\n{context}" if question.strip() else context  # LLaMA-Factory's join
    messages = [Message("system", _text(record["system"], "the system prompt"))] if record.get("system") else []
    messages += _history(record.get("history"))
    messages += [Message("user", question), Message("assistant", _text(record.get("output"), "the output"))]
    return build(messages, where)


def empty_reason(question: str, answer: str, fields: FieldMap) -> str:
    if not question and not answer:
        return f"empty question and answer ('{fields.question}', '{fields.answer}')"
    return f"empty question ('{fields.question}')" if not question else f"empty answer ('{fields.answer}')"


def table_sample(row: dict, fields: FieldMap, where: str) -> Sample:
    """A flat record (table row or JSON object) through the detected field map."""
    question = cell_text(row.get(fields.question)).strip()
    answer = cell_text(row.get(fields.answer)).strip()
    if fields.context:
        context = cell_text(row.get(fields.context)).strip()
        if context:
            question = f"{question}\n{context}" if question else context
    if not question or not answer:
        raise BadRecord(empty_reason(question, answer, fields))
    system = cell_text(row.get(fields.system)).strip() if fields.system else ""
    messages = [Message("system", system)] if system else []
    messages += _history(row.get("history"))
    messages += [Message("user", question), Message("assistant", answer)]
    meta = {}
    if fields.rationale and cell_text(row.get(fields.rationale)).strip():
        meta["rationale"] = cell_text(row.get(fields.rationale)).strip()
    return build(messages, where, meta)


def record_sample(record: object, fmt: str, fields: FieldMap, where: str) -> Sample:
    if fmt == "qianfan":
        if not isinstance(record, list):
            raise BadRecord("not a Qianfan record (expected a JSON array of prompt/response objects)")
        return _qianfan(record, where)
    if not isinstance(record, dict):
        raise BadRecord(f"a JSON {type(record).__name__} where an object was expected")
    if fmt == "openai":
        return _openai(record, where)
    if fmt == "sharegpt":
        return _sharegpt(record, where)
    if fmt == "alpaca":
        return _alpaca(record, where)
    return table_sample(record, fields, where)
