"""Canonical samples → bytes of each output format, and a record of what the format could not hold.

Each writer keeps what its format can hold: the system prompt and earlier turns go into
``system``/``history`` (jsonl, alpaca, csv, xlsx), a ``system`` turn (openai, sharegpt) or the
first Qianfan object; record fields such as ``id`` or ``category`` (``meta["extra"]``) become
keys or columns; tool calls, results and schemas live in sharegpt and openai only. What a
format cannot hold is listed in ``changes`` (never dropped silently); tool data is refused by
``prepare`` unless the caller asked to flatten it.
"""
from __future__ import annotations

import csv
import io
import json

from tools.data.changes import Changes
from tools.data.fields import cell_text
from tools.data.samples import Message, Sample, parse_calls
from tools.data.toolflat import TOOL_FORMATS, prepare
from tools.errors import UserError

# format → file suffix of its output
SUFFIX = {"jsonl": ".jsonl", "qianfan": ".jsonl", "alpaca": ".json", "sharegpt": ".json",
          "openai": ".jsonl", "csv": ".csv", "xlsx": ".xlsx"}
EXCEL_CELL_LIMIT = 32_767  # characters in one Excel cell
# Message fields that are part of a layout's own structure, not user data to report.
STRUCTURE = {"call_ids", "tool_call_id", "instruction", "input"}

_quote = json.encoder.encode_basestring  # '"…"' with JSON escapes, non-ASCII kept (C-accelerated)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _check_messages(s: Sample, fmt: str, changes: Changes) -> None:
    """Report per-message data the target cannot hold (candidates, fields such as weight)."""
    for m in s.messages:
        if not m.extra:
            continue
        for key in m.extra:
            if key == "response" and fmt != "qianfan":
                changes.add("candidates", s.where)
            elif key == "content" and m.role == "tool_call" and fmt != "openai":
                changes.add("call_text", s.where)
            elif key not in STRUCTURE and key not in ("response", "content") and fmt not in TOOL_FORMATS:
                changes.add("message_fields", s.where, key)


def _extra(s: Sample, taken: set, changes: Changes) -> dict:
    """Record fields (id, category…) that do not clash with the layout's own keys."""
    extra = s.meta.get("extra")
    if not extra:
        return {}
    for key in extra.keys() & taken:
        changes.add("extra_fields", s.where, key)
    return {k: v for k, v in extra.items() if k not in taken}


def _history(s: Sample) -> list[list[str]]:
    return [[q, a] for q, a in s.turns[:-1]]


def _pair(s: Sample, q_key: str, a_key: str, changes: Changes, extra: dict | None = None) -> dict:
    rec = {q_key: s.question, **(extra or {}), a_key: s.answer}
    if s.system:
        rec["system"] = s.system
    history = _history(s)
    if history:
        rec["history"] = history
    rec.update(_extra(s, set(rec) | {"history", "system"}, changes))
    return rec


JSONL_KEYS = {"prompt", "response", "system", "history"}


def jsonl(samples: list[Sample], changes: Changes) -> bytes:
    lines = []
    keys, prefixes = None, []  # the extra columns of the last record, with their '"key": ' text
    for s in samples:
        msgs = s.messages
        if len(msgs) == 2 and msgs[0].extra is None and msgs[1].extra is None:
            # One question, one answer (the usual case): escape the strings with the json
            # module's C encoder and splice them, instead of building and dumping a dict per
            # record (200,000 records: ~0.4 s instead of ~1.3 s). Same bytes as json.dumps.
            head = f'{{"prompt": {_quote(msgs[0].content)}, "response": {_quote(msgs[1].content)}'
            extra = s.meta.get("extra")
            if not extra:
                lines.append(head + "}\n")
                continue
            if tuple(extra) != keys:  # a table's rows share their columns: build the key text once
                keys = tuple(extra)
                prefixes = [] if set(keys) & JSONL_KEYS else [f", {_quote(k)}: " for k in keys]
            if prefixes:
                try:
                    lines.append(head + "".join([p + _quote(v) for p, v in zip(prefixes, extra.values())]) + "}\n")
                    continue
                except TypeError:  # a number or a list (JSON input): json.dumps below
                    pass
        _check_messages(s, "jsonl", changes)
        lines.append(_dumps(_pair(s, "prompt", "response", changes)) + "\n")
    return "".join(lines).encode()


def _response(m: Message) -> list:
    raw = (m.extra or {}).get("response")
    first = raw
    while isinstance(first, list) and first:
        first = first[0]
    return raw if raw is not None and first == m.content else [[m.content]]


def qianfan(samples: list[Sample], changes: Changes) -> bytes:
    lines = []
    for s in samples:
        _check_messages(s, "qianfan", changes)
        for key in (s.meta.get("extra") or {}):
            changes.add("extra_fields", s.where, key)
        answers = [m for m in s.messages if m.role == "assistant"]
        turns = [{"prompt": q, "response": _response(m)} for (q, _), m in zip(s.turns, answers)]
        if s.system:
            turns[0] = {"system": s.system, **turns[0]}
        lines.append(_dumps(turns))
    return ("\n".join(lines) + "\n").encode() if lines else b""


def alpaca(samples: list[Sample], changes: Changes) -> bytes:
    recs = []
    for s in samples:
        _check_messages(s, "alpaca", changes)
        user = next((m for m in reversed(s.messages) if m.role == "user"), None)
        split = (user.extra or {}) if user else {}
        if "input" in split and s.question in (f"{split.get('instruction', '')}\n{split['input']}", split["input"]):
            rec = _pair(s, "instruction", "output", changes, {"input": split["input"]})
            rec["instruction"] = split.get("instruction", "")
        else:
            rec = _pair(s, "instruction", "output", changes, {"input": ""})
        recs.append(rec)
    return json.dumps(recs, ensure_ascii=False, indent=2).encode()


SHAREGPT_FROM = {"user": "human", "assistant": "gpt", "tool_call": "function_call", "tool": "observation"}


def _kept(m: Message) -> dict:
    """Per-message fields written back as they were (weight, name…)."""
    return {k: v for k, v in (m.extra or {}).items() if k not in STRUCTURE and k not in ("response", "content")}


def _turns(s: Sample, changes: Changes) -> list[dict]:
    """ShareGPT turns; several tool results in a row (OpenAI) become one observation holding the
    JSON list of them, since LLaMA-Factory wants the turns to alternate (reported)."""
    conv: list[dict] = []
    results: list[str] = []
    for m in s.messages:
        if m.role == "system":
            continue
        if m.role == "tool" and conv and conv[-1]["from"] == "observation":
            results.append(m.content)
            conv[-1]["value"] = _dumps([_json_or_text(r) for r in results])
            changes.add("merged_results", s.where)
            continue
        results = [m.content] if m.role == "tool" else []
        conv.append({"from": SHAREGPT_FROM[m.role], "value": m.content, **_kept(m)})
    return conv


def _json_or_text(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def sharegpt(samples: list[Sample], changes: Changes) -> bytes:
    recs = []
    for s in samples:
        _check_messages(s, "sharegpt", changes)
        conv = _turns(s, changes)
        rec = {"conversations": conv, **({"system": s.system} if s.system else {})}
        if s.tools:
            rec["tools"] = _dumps(s.tools)  # LLaMA-Factory reads tools as a JSON string
        rec.update(_extra(s, set(rec) | {"tools", "system"}, changes))
        recs.append(rec)
    return json.dumps(recs, ensure_ascii=False, indent=2).encode()


def _openai_messages(s: Sample) -> list[dict]:
    out, pending, n = [], [], 0
    for m in s.messages:
        extra = m.extra or {}
        if m.role == "tool_call":
            calls = parse_calls(m.content)
            ids = list(extra.get("call_ids") or [])
            ids = [ids[i] if i < len(ids) and ids[i] else f"call_{n + i}" for i in range(len(calls))]
            n += len(calls)
            pending = list(ids)
            tool_calls = [{"id": i, "type": "function", "function": {
                "name": c.get("name", ""), "arguments": c["arguments"] if isinstance(c.get("arguments"), str)
                else _dumps(c.get("arguments", {}))}} for i, c in zip(ids, calls)]
            out.append({"role": "assistant", "content": extra.get("content", ""), "tool_calls": tool_calls, **_kept(m)})
        elif m.role == "tool":
            call_id = extra.get("tool_call_id") or (pending.pop(0) if pending else None)
            out.append({"role": "tool", "content": m.content, **({"tool_call_id": call_id} if call_id else {}), **_kept(m)})
        else:
            out.append({"role": m.role, "content": m.content, **_kept(m)})
    return out


def openai(samples: list[Sample], changes: Changes) -> bytes:
    lines = []
    for s in samples:
        _check_messages(s, "openai", changes)
        rec = {"messages": _openai_messages(s)}
        if s.tools:
            rec["tools"] = [{"type": "function", "function": t} for t in s.tools]
        rec.update(_extra(s, {"messages", "tools"}, changes))
        lines.append(_dumps(rec) + "\n")
    return "".join(lines).encode()


def _rows(samples: list[Sample], changes: Changes, fmt: str) -> tuple[list[str], list[list[str]]]:
    has_system = any(s.system for s in samples)
    has_history = any(len(s.turns) > 1 for s in samples)
    header = ["prompt", "response"] + (["system"] if has_system else []) + (["history"] if has_history else [])
    own = set(header) | {"system", "history"}
    extra_cols = list(dict.fromkeys(k for s in samples for k in (s.meta.get("extra") or {})))
    extra_cols = [k for k in extra_cols if k not in own]
    rows = []
    for s in samples:
        _check_messages(s, fmt, changes)
        row = [s.question, s.answer]
        if has_system:
            row.append(s.system or "")
        if has_history:
            history = _history(s)
            row.append(_dumps(history) if history else "")
        extra = _extra(s, own, changes)
        rows.append(row + [cell_text(extra.get(k)) for k in extra_cols])
    return header + extra_cols, rows


def csv_bytes(samples: list[Sample], changes: Changes) -> bytes:
    header, rows = _rows(samples, changes, "csv")
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180; Excel reads it either way
    writer.writerow(header)
    writer.writerows(rows)
    # UTF-8 with BOM: without it, Excel on Windows opens Chinese text as mojibake.
    return buf.getvalue().encode("utf-8-sig")


def _too_long(samples: list[Sample], rows: list[list[str]]) -> None:
    """Excel cuts a cell at 32,767 characters: refuse rather than write a cut answer."""
    long = [(s.where, max(len(c) for c in row)) for s, row in zip(samples, rows) if max(map(len, row)) > EXCEL_CELL_LIMIT]
    if long:
        places = ", ".join(f"{w} ({n:,} characters)" for w, n in long[:3]) + (" …" if len(long) > 3 else "")
        raise UserError(
            f"{len(long)} records have a cell longer than Excel's limit of 32,767 characters ({places}); "
            f"Excel would cut them, so nothing was written: convert to csv or jsonl instead.",
            zh=f"{len(long)} 条记录有单元格超过 Excel 的 32,767 字符上限（{places}）；Excel 会截断它们，"
               f"因此没有写出文件：请改为转换成 csv 或 jsonl。")


def xlsx(samples: list[Sample], changes: Changes) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    header, rows = _rows(samples, changes, "xlsx")
    _too_long(samples, rows)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(header)
    for s, row in zip(samples, rows):
        cells = []
        for text in row:
            if ILLEGAL_CHARACTERS_RE.search(text):  # XML 1.0 cannot hold most control characters
                changes.add("illegal_xml", s.where)
                text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
            cell = WriteOnlyCell(sheet, text)
            cell.data_type = "s"  # an answer starting with "=" is text, not a formula
            cells.append(cell)
        sheet.append(cells)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


WRITERS = {"jsonl": jsonl, "qianfan": qianfan, "alpaca": alpaca, "sharegpt": sharegpt,
           "openai": openai, "csv": csv_bytes, "xlsx": xlsx}


def encode(samples: list[Sample], fmt: str, flatten_tools: bool = False, changes: Changes | None = None) -> bytes:
    """The bytes of ``samples`` as ``fmt``; what the format cannot hold goes into ``changes``."""
    changes = changes if changes is not None else Changes()
    return WRITERS[fmt](prepare(samples, fmt, flatten_tools, changes), changes)
