"""The files a quality check writes beside the cleaned data.

- ``<stem>.report.json`` — everything: counts, every finding, the source file and its SHA-256 (so a
  review applied later refuses a source that changed), how it was read, the model rates;
- ``<stem>.report.csv`` — the review file: one row per removed or flagged record, a ``decision``
  column (drop for removed, keep for flagged) the person edits in Excel, rules and reasons in English
  and Chinese, the near-duplicate/conflict partner side by side, and a ``note`` column for why;
- ``<stem>.scores.csv`` — the score table: one row per record read.
CSV files carry a UTF-8 BOM so Excel shows Chinese correctly.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from tools.workspace import atomic_write_bytes

REVIEW_COLUMNS = ["decision", "record", "where", "action", "rules", "reasons", "reasons_zh", "partner",
                  "partner_where", "partner_question", "partner_answer", "question", "answer", "note"]
SCORE_COLUMNS = ["record", "where", "decision", "rules", "group", "length", "repetition", "language", "relevance",
                 "text_quality", "ppl", "reward", "judge", "judge_reason"]


def sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _free_stem(folder: Path, stem: str) -> str:
    """``stem`` (or stem-2, stem-3…) such that none of the three report files exists yet."""
    candidate, n = stem, 2
    while any((folder / f"{candidate}{tail}").exists() for tail in (".report.json", ".report.csv", ".scores.csv")):
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def _csv_bytes(header: list[str], rows) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def review_rows(findings, samples) -> list[list]:
    """One review row per record (its findings joined), in record order; unreadable records first."""
    by_record: dict[object, list] = {}
    for f in findings:
        by_record.setdefault(f.index if f.index >= 0 else f.where, []).append(f)
    rows = []
    for fs in by_record.values():
        f = fs[0]
        action = "removed" if any(x.action == "removed" for x in fs) else "flagged"
        partner = next((x.partner for x in fs if x.partner >= 0), -1)
        p = samples[partner] if partner >= 0 else None
        rows.append(["drop" if action == "removed" else "keep", f.index + 1 if f.index >= 0 else "", f.where, action,
                     "; ".join(x.rule for x in fs), "; ".join(x.reason for x in fs),
                     "; ".join(x.reason_zh or x.reason for x in fs), partner + 1 if p else "", p.where if p else "",
                     p.question if p else "", p.answer if p else "", f.question, f.answer, ""])
    return rows


def score_rows(samples, table: dict[str, list], findings, groups: dict[int, int]):
    rules: dict[int, list[str]] = {}
    removed = set()
    for f in findings:
        if f.index >= 0:
            rules.setdefault(f.index, []).append(f.rule)
            if f.action == "removed":
                removed.add(f.index)
    blank = [""] * len(samples)
    columns = [table.get(k, blank) for k in ("length", "repetition", "language", "relevance", "score", "ppl", "reward",
                                             "judge", "judge_reason")]
    for i, (s, *values) in enumerate(zip(samples, *columns)):
        yield [i + 1, s.where, "drop" if i in removed else "keep", "; ".join(rules.get(i, ())),
               groups[i] + 1 if i in groups else "", *values]


def write_reports(report, samples, table: dict[str, list], fmt: str, source_format: str, options: dict | None = None) -> None:
    """Write the three files; sets ``report.report``, ``report.report_csv`` and ``report.scores_csv``."""
    out = Path(report.output)
    stem = _free_stem(out.parent, out.name[: -len(out.suffix)] if out.suffix else out.name)
    json_path, csv_path = out.parent / f"{stem}.report.json", out.parent / f"{stem}.report.csv"
    scores_path = out.parent / f"{stem}.scores.csv"
    report.report, report.report_csv, report.scores_csv = str(json_path), str(csv_path), str(scores_path)
    atomic_write_bytes(csv_path, _csv_bytes(REVIEW_COLUMNS, review_rows(report.findings, samples)))
    atomic_write_bytes(scores_path, _csv_bytes(SCORE_COLUMNS, score_rows(samples, table, report.findings, report.groups)))
    full = {**report.to_dict(), "source_sha256": sha256(report.source), "format": fmt,
            "source_format": source_format, "samples": len(samples), "options": options or {},
            "findings": [f.to_dict() for f in report.findings]}
    atomic_write_bytes(json_path, json.dumps(full, ensure_ascii=False, indent=1).encode())
