"""One record of a known layout → one canonical ``Sample`` (or ``BadRecord`` saying why not).

Layouts: ``qianfan`` (a JSON array of ``{"prompt", "response": [["…"]]}``, one object per
turn), ``alpaca`` (instruction/input/output, optional system/history), ``sharegpt``
(``conversations`` of from/value), ``openai`` (``messages`` of role/content, content
may be a list of typed parts) and ``jsonl``/table rows (question/answer fields found by
``tools.data.fields``, optional system and ``history`` [[q, a], …]).
"""
from __future__ import annotations

import json

from tools.data.fields import FieldMap, cell_text
from tools.data.samples import Message, Sample

SHAREGPT_ROLES = {"human": "user", "user": "user", "gpt": "assistant", "assistant": "assistant",
                  "system": "system", "chatgpt": "assistant", "bot": "assistant",
                  "function_call": "tool_call", "observation": "tool", "tool": "tool", "function": "tool"}
# Record keys each layout reads itself; every other key is kept in ``sample.meta["extra"]``.
LAYOUT_FIELDS = {"openai": {"messages", "tools"}, "sharegpt": {"conversations", "system", "tools"},
                 "alpaca": {"instruction", "input", "output", "system", "history"}}
# After a message from X, which roles may come next (LLaMA-Factory's rule: human/observation on
# odd turns, gpt/function_call on even ones; OpenAI: several tool results may follow one call).
NEXT = {"start": ("user",), "user": ("assistant", "tool_call"), "assistant": ("user", "tool"),
        "tool_call": ("tool", "user"), "tool": ("tool", "assistant", "tool_call")}


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
    """Check the conversation shape: optional system first, then user turns answered by the
    assistant (directly, or through tool calls and their results), ending with the assistant."""
    body = messages[1:] if messages and messages[0].role == "system" else messages
    if not body:
        raise BadRecord("no question and answer")
    prev, turn = "start", 0
    for i, m in enumerate(body):
        if m.role not in NEXT[prev]:
            expected = "' or '".join(NEXT[prev])
            raise BadRecord(f"message {i + 1} is from '{m.role}' where '{expected}' was expected")
        turn += m.role == "user"
        if m.role in ("user", "assistant", "tool_call") and not m.content.strip():
            what = {"user": "question", "assistant": "answer", "tool_call": "function call"}[m.role]
            raise BadRecord(f"empty {what}" + (f" in turn {turn}" if len(body) > 2 else ""))
        prev = m.role
    if prev not in ("assistant", "tool_call"):
        raise BadRecord("the last message is a question without an answer" if prev == "user"
                        else "the last message is a tool result without an answer")
    if messages[0].role == "system" and not messages[0].content.strip():
        messages = messages[1:]  # an empty system prompt is no system prompt
    return Sample(messages, where=where, meta=meta or {})


def _extras(record: dict, known: set) -> dict:
    """meta holding the record's other fields (id, category…), kept for layouts that can write them."""
    extra = {k: v for k, v in record.items() if k not in known}
    return {"extra": extra} if extra else {}


def parse_tools(value: object) -> list:
    """Tool schemas from a sharegpt ``tools`` string/list or an OpenAI ``tools`` list → [function dicts]."""
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise BadRecord(f"the tools field is not valid JSON ({exc.msg} at column {exc.colno})") from None
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise BadRecord(f"the tools field is a {type(value).__name__}, not a list of function schemas")
    return [t["function"] if isinstance(t, dict) and t.get("type") == "function" and "function" in t else t
            for t in value]


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
        raw = response = turn["response"]
        # Qianfan writes [["answer"]]; more candidates ([["A","B"]] or [["A"],["B"]]) are alternatives:
        # the first is the answer, the whole response is kept for a Qianfan output (others report it).
        while isinstance(response, list) and len(response) >= 1 and isinstance(response[0], list):
            response = response[0]
        if isinstance(response, list):
            response = response[0] if response else ""
        answer = _text(response, "a response")
        extra = {"response": raw} if raw != [[answer]] and isinstance(raw, list) else None
        messages += [Message("user", _text(turn["prompt"], "a prompt")), Message("assistant", answer, extra)]
    return build(messages, where)


def _call_text(calls: list) -> tuple[str, list]:
    """OpenAI ``tool_calls`` → (the canonical call JSON text, their ids)."""
    out, ids = [], []
    for c in calls:
        fn = c.get("function") if isinstance(c, dict) else None
        if not isinstance(fn, dict) or "name" not in fn:
            raise BadRecord("a tool call without a function name")
        args = fn.get("arguments", {})
        if isinstance(args, str):
            try:
                args = json.loads(args) if args.strip() else {}
            except json.JSONDecodeError:
                raise BadRecord(f"the arguments of tool call '{fn['name']}' are not valid JSON") from None
        out.append({"name": fn["name"], "arguments": args})
        ids.append(c.get("id"))
    return json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False), ids


def _openai_message(m: object) -> Message:
    role = m.get("role") if isinstance(m, dict) else None
    role = {"function_call": "tool_call", "observation": "tool", "function": "tool"}.get(role, role)
    if role not in ("system", "user", "assistant", "tool", "tool_call"):
        raise BadRecord(f"unsupported message role {role!r} (only system, user, assistant and tool)")
    extra = {k: v for k, v in m.items() if k not in ("role", "content", "tool_calls")}
    if role == "assistant" and m.get("tool_calls"):
        content, ids = _call_text(m["tool_calls"])
        text = _text(m.get("content"), "an assistant message")
        extra.update({"call_ids": ids} if any(ids) else {}, **({"content": text} if text else {}))
        return Message("tool_call", content, extra or None)
    return Message(role, _text(m.get("content"), f"a {role} message"), extra or None)


def _openai(record: dict, where: str) -> Sample:
    raw = record.get("messages")
    if not isinstance(raw, list):
        raise BadRecord("'messages' is not a list")
    meta = _extras(record, LAYOUT_FIELDS["openai"])
    tools = parse_tools(record.get("tools"))
    if tools:
        meta["tools"] = tools
    return build([_openai_message(m) for m in raw], where, meta)


def _sharegpt(record: dict, where: str) -> Sample:
    raw = record.get("conversations")
    if not isinstance(raw, list):
        raise BadRecord("'conversations' is not a list")
    messages = [Message("system", _text(record["system"], "the system prompt"))] if record.get("system") else []
    for m in raw:
        role = SHAREGPT_ROLES.get(str(m.get("from", "")).lower()) if isinstance(m, dict) else None
        if role is None:
            raise BadRecord(f"unsupported speaker {m.get('from') if isinstance(m, dict) else m!r} "
                            f"(only human, gpt, system, function_call and observation)")
        extra = {k: v for k, v in m.items() if k not in ("from", "value")}
        messages.append(Message(role, _text(m.get("value"), f"a {role} message"), extra or None))
    meta = _extras(record, LAYOUT_FIELDS["sharegpt"])
    tools = parse_tools(record.get("tools"))
    if tools:
        meta["tools"] = tools
    return build(messages, where, meta)


def _alpaca(record: dict, where: str) -> Sample:
    instruction = question = _text(record.get("instruction"), "the instruction")
    context = _text(record.get("input"), "the input")
    split = None
    if context.strip():
        question = f"{question}\n{context}" if question.strip() else context  # LLaMA-Factory's join
        split = {"instruction": instruction, "input": context}  # so an alpaca output splits it again
    messages = [Message("system", _text(record["system"], "the system prompt"))] if record.get("system") else []
    messages += _history(record.get("history"))
    messages += [Message("user", question, split), Message("assistant", _text(record.get("output"), "the output"))]
    return build(messages, where, _extras(record, LAYOUT_FIELDS["alpaca"]))


def empty_reason(question: str, answer: str, fields: FieldMap) -> str:
    if not question and not answer:
        return f"empty question and answer ('{fields.question}', '{fields.answer}')"
    return f"empty question ('{fields.question}')" if not question else f"empty answer ('{fields.answer}')"


def table_sample(row: dict, fields: FieldMap, where: str) -> Sample:
    """A flat record (table row or JSON object) through the detected field map; text is kept as
    written (edge whitespace included), only an all-blank cell counts as empty."""
    question = cell_text(row.get(fields.question))
    answer = cell_text(row.get(fields.answer))
    split = None
    if fields.context:
        context = cell_text(row.get(fields.context))
        if context.strip():
            split = {"instruction": question, "input": context}
            question = f"{question}\n{context}" if question.strip() else context
    if not question.strip() or not answer.strip():
        raise BadRecord(empty_reason(question.strip(), answer.strip(), fields))
    system = cell_text(row.get(fields.system)) if fields.system else ""
    messages = [Message("system", system)] if system.strip() else []
    messages += _history(row.get("history"))
    messages += [Message("user", question, split), Message("assistant", answer)]
    used = {fields.question, fields.answer, fields.system, fields.context, "history"}
    meta = _extras(row, used)
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
