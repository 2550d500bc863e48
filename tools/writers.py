"""Canonical samples → bytes of each output format.

Each writer keeps what its format can hold: the system prompt and earlier turns go
into ``system``/``history`` (jsonl, alpaca, csv, xlsx), a ``system`` turn (openai,
sharegpt) or the first Qianfan object, so A→B→A loses nothing B can carry.
"""
from __future__ import annotations

import csv
import io
import json

from tools.samples import Sample

# format → file suffix of its output
SUFFIX = {"jsonl": ".jsonl", "qianfan": ".jsonl", "alpaca": ".json", "sharegpt": ".json",
          "openai": ".jsonl", "csv": ".csv", "xlsx": ".xlsx"}


_quote = json.encoder.encode_basestring  # '"…"' with JSON escapes, non-ASCII kept (C-accelerated)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _history(s: Sample) -> list[list[str]]:
    return [[q, a] for q, a in s.turns[:-1]]


def _pair(s: Sample, q_key: str, a_key: str, extra: dict | None = None) -> dict:
    rec = {q_key: s.question, **(extra or {}), a_key: s.answer}
    if s.system:
        rec["system"] = s.system
    history = _history(s)
    if history:
        rec["history"] = history
    return rec


def jsonl(samples: list[Sample]) -> bytes:
    lines = []
    for s in samples:
        if len(s.messages) == 2:
            # One question, one answer (the usual case): escape the two strings with the json
            # module's C encoder and splice them, instead of building and dumping a dict per
            # record (200,000 records: ~0.4 s instead of ~1.3 s). Same bytes as json.dumps.
            lines.append(f'{{"prompt": {_quote(s.messages[0].content)}, "response": {_quote(s.messages[1].content)}}}\n')
        else:
            lines.append(_dumps(_pair(s, "prompt", "response")) + "\n")
    return "".join(lines).encode()


def qianfan(samples: list[Sample]) -> bytes:
    lines = []
    for s in samples:
        turns = [{"prompt": q, "response": [[a]]} for q, a in s.turns]
        if s.system:
            turns[0] = {"system": s.system, **turns[0]}
        lines.append(_dumps(turns))
    return ("\n".join(lines) + "\n").encode() if lines else b""


def alpaca(samples: list[Sample]) -> bytes:
    recs = [_pair(s, "instruction", "output", {"input": ""}) for s in samples]
    return json.dumps(recs, ensure_ascii=False, indent=2).encode()


def sharegpt(samples: list[Sample]) -> bytes:
    recs = []
    for s in samples:
        conv = [{"from": "human" if m.role == "user" else "gpt", "value": m.content} for m in s.messages if m.role != "system"]
        recs.append({"conversations": conv, **({"system": s.system} if s.system else {})})
    return json.dumps(recs, ensure_ascii=False, indent=2).encode()


def openai(samples: list[Sample]) -> bytes:
    return "".join(_dumps({"messages": s.to_dicts()}) + "\n" for s in samples).encode()


def _rows(samples: list[Sample]) -> tuple[list[str], list[list[str]]]:
    has_system = any(s.system for s in samples)
    has_history = any(len(s.turns) > 1 for s in samples)
    header = ["prompt", "response"] + (["system"] if has_system else []) + (["history"] if has_history else [])
    rows = []
    for s in samples:
        row = [s.question, s.answer]
        if has_system:
            row.append(s.system or "")
        if has_history:
            history = _history(s)
            row.append(_dumps(history) if history else "")
        rows.append(row)
    return header, rows


def csv_bytes(samples: list[Sample]) -> bytes:
    header, rows = _rows(samples)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180; Excel reads it either way
    writer.writerow(header)
    writer.writerows(rows)
    # UTF-8 with BOM: without it, Excel on Windows opens Chinese text as mojibake.
    return buf.getvalue().encode("utf-8-sig")


def _text_cell(sheet, text: str):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # XML 1.0 cannot hold control characters other than tab/newline; Excel would refuse the file.
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
    cell.data_type = "s"  # an answer starting with "=" is text, not a formula
    return cell


def xlsx(samples: list[Sample]) -> bytes:
    from openpyxl import Workbook

    header, rows = _rows(samples)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(header)
    for row in rows:
        sheet.append([_text_cell(sheet, c) for c in row])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


WRITERS = {"jsonl": jsonl, "qianfan": qianfan, "alpaca": alpaca, "sharegpt": sharegpt,
           "openai": openai, "csv": csv_bytes, "xlsx": xlsx}
