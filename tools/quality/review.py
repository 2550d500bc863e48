"""A person's review of a quality check, applied: keep, drop or edit records, one by one or by rule,
then write the cleaned file and an audit log of who decided what and why.

The decisions come from the review CSV the person edited (``apply_review``: the CLI's
``quality --apply REPORT``), from the Data tab's review queue, or from a rule ("drop all exact
duplicates": ``rule_decisions``). The source is read again and must be the file that was checked
(same SHA-256): decisions by record number would otherwise hit the wrong records.
"""
from __future__ import annotations

import csv
import getpass
import io
import json
import time
from dataclasses import dataclass, replace
from pathlib import Path

from tools.data.formats import output_path, read_dataset, write_samples
from tools.data.samples import Sample
from tools.errors import UserError
from tools.quality.qreport import sha256
from tools.quality.qrules import RULES
from tools.workspace import atomic_write_bytes

KEEP = {"keep", "k", "yes", "y", "1", "保留", "留", "是", "true", "edit", "编辑"}
DROP = {"drop", "d", "no", "n", "0", "删除", "删", "否", "false", "remove", "delete"}
RULE_ALIASES = {"duplicates": ("exact_duplicate", "near_duplicate"), "重复": ("exact_duplicate", "near_duplicate"),
                "all": tuple(RULES), "全部": tuple(RULES)}


@dataclass
class Decision:
    decision: str  # "keep" | "drop"
    how: str = ""
    """how it was decided: "review file", "one by one", "rule: drop all exact_duplicate"…"""
    note: str = ""
    question: str | None = None
    answer: str | None = None
    """edited text, or None when unchanged"""


@dataclass
class ApplyResult:
    output: str
    audit: str
    read: int
    kept: int
    dropped: int
    edited: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def load_report(path: str | Path) -> dict:
    """The report JSON of a check, given it, its review CSV, or the cleaned file it wrote."""
    p = Path(path).expanduser()
    candidates = [p] if p.name.endswith(".report.json") else [p.with_name(p.name[: -len(".csv")] + ".json")] \
        if p.name.endswith(".report.csv") else sorted(p.parent.glob(f"{p.stem}*.report.json"),
                                                      key=lambda c: c.stat().st_mtime, reverse=True)
    for c in candidates:
        if c.is_file():
            data = json.loads(c.read_text(encoding="utf-8"))
            data["report"] = str(c)
            return data
    raise UserError(f"No quality report found for {p.name}: run the quality check first (its .report.json sits beside "
                    f"the cleaned file).", zh=f"找不到 {p.name} 的质量报告:请先运行质量检查(.report.json 在清洗后文件旁边)。")


def default_decisions(report: dict) -> dict[int, Decision]:
    """Record number (1-based) → what the check proposed: drop the removed, keep the flagged."""
    out: dict[int, Decision] = {}
    for f in report["findings"]:
        if f["record"] > 0 and (f["action"] == "removed" or f["record"] not in out):
            out[f["record"]] = Decision("drop" if f["action"] == "removed" else "keep", "quality check default")
    return out


def rule_decisions(report: dict, rule: str, decision: str) -> dict[int, Decision]:
    """The decisions one rule makes: every record with a finding of ``rule`` (or an alias) gets ``decision``."""
    rules = RULE_ALIASES.get(rule, (rule,))
    if not set(rules) & set(RULES):
        raise UserError(f"Unknown rule '{rule}'; rules: {', '.join(RULES)} (or 'duplicates').",
                        zh=f"不认识的规则 '{rule}';可用规则:{', '.join(RULES)}(或 '重复')。")
    word = _decision(decision, "the rule")
    how = f"rule: {word} all {rule}"
    return {f["record"]: Decision(word, how) for f in report["findings"] if f["rule"] in rules and f["record"] > 0}


def _decision(value: str, where: str) -> str:
    v = str(value or "").strip().lower()
    if v in KEEP:
        return "keep"
    if v in DROP:
        return "drop"
    raise UserError(f"{where}: decision '{value}' is neither keep nor drop.",
                    zh=f"{where}:决定 '{value}' 既不是 keep(保留)也不是 drop(删除)。")


def read_review_csv(path: str | Path, report: dict, samples: list[Sample]) -> dict[int, Decision]:
    """Decisions from the review CSV the person edited: its decision column, edited question/answer, note."""
    p = Path(path)
    text = p.read_bytes().decode("utf-8-sig")
    out = {}
    for line, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        if not str(row.get("record") or "").strip():
            continue  # unreadable records: there is nothing to keep
        try:
            n = int(row["record"])
        except ValueError:
            raise UserError(f"{p.name}:{line}: record '{row['record']}' is not a number.",
                            zh=f"{p.name} 第 {line} 行:record '{row['record']}' 不是数字。") from None
        if not 1 <= n <= len(samples):
            raise UserError(f"{p.name}:{line}: record {n} does not exist ({len(samples)} records).",
                            zh=f"{p.name} 第 {line} 行:没有第 {n} 条记录(共 {len(samples)} 条)。")
        s = samples[n - 1]
        q, a = row.get("question"), row.get("answer")
        out[n] = Decision(_decision(row.get("decision"), f"{p.name}:{line}"), "review file", row.get("note") or "",
                          q if q is not None and q != s.question else None, a if a is not None and a != s.answer else None)
    return out


def _edited(s: Sample, d: Decision) -> Sample:
    messages = list(s.messages)
    if d.answer is not None:
        messages[-1] = replace(messages[-1], content=d.answer)
    if d.question is not None:
        k = max(i for i, m in enumerate(messages) if m.role == "user")
        messages[k] = replace(messages[k], content=d.question)
    return Sample(messages, where=s.where, meta=dict(s.meta))


def read_source(report: dict) -> list[Sample]:
    """The checked file's samples, refusing a source that changed since the check."""
    source = Path(report["source"])
    if not source.is_file():
        raise UserError(f"The checked file {source} is gone; run the quality check again.",
                        zh=f"被检查的文件 {source} 已不存在;请重新运行质量检查。")
    if sha256(source) != report.get("source_sha256"):
        raise UserError(f"{source.name} changed since the quality check; run the check again before applying a review.",
                        zh=f"{source.name} 在质量检查之后被修改过;请重新检查后再应用复核结果。")
    return read_dataset(source, **(report.get("options") or {})).samples


def apply_decisions(report: dict, decisions: dict[int, Decision], by: str | None = None, output=None,
                    samples: list[Sample] | None = None) -> ApplyResult:
    """Write the cleaned file (the source minus dropped records, edits applied) and the audit log.
    Records without a decision get the check's default (drop removed, keep the rest)."""
    samples = samples if samples is not None else read_source(report)
    final = {**default_decisions(report), **decisions}
    kept, log, who, stamp = [], [], by or getpass.getuser(), time.strftime("%Y-%m-%dT%H:%M:%S%z")
    reasons = _reasons(report)
    for n, s in enumerate(samples, start=1):
        d = final.get(n)
        if d is None:
            kept.append(s)
            continue
        edited = d.question is not None or d.answer is not None
        if d.decision == "keep":
            kept.append(_edited(s, d) if edited else s)
        log.append({"time": stamp, "by": who, "record": n, "where": s.where, "decision": d.decision,
                    "edited": edited, "how": d.how, "note": d.note, "rules": reasons.get(n, ("", ""))[0],
                    "reasons": reasons.get(n, ("", ""))[1]})
    fmt = report.get("format", "jsonl")
    out = output_path(Path(report["source"]), fmt, output, tag=".reviewed")
    write_samples(kept, fmt, out)
    audit = out.with_name(out.name + ".audit.csv")
    _write_audit(audit, log)
    return ApplyResult(str(out), str(audit), len(samples), len(kept), len(samples) - len(kept),
                       sum(1 for e in log if e["edited"] and e["decision"] == "keep"))


def _reasons(report: dict) -> dict[int, tuple[str, str]]:
    out: dict[int, list] = {}
    for f in report["findings"]:
        if f["record"] > 0:
            out.setdefault(f["record"], []).append(f)
    return {n: ("; ".join(f["rule"] for f in fs), "; ".join(f["reason"] for f in fs)) for n, fs in out.items()}


def _write_audit(path: Path, log: list[dict]) -> None:
    buf = io.StringIO(newline="")
    cols = ["time", "by", "record", "where", "decision", "edited", "how", "note", "rules", "reasons"]
    writer = csv.DictWriter(buf, cols, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(log)
    atomic_write_bytes(path, buf.getvalue().encode("utf-8-sig"))


def apply_review(path: str | Path, by: str | None = None, output=None) -> ApplyResult:
    """``quality --apply REPORT``: apply the edited review CSV (or a report JSON: the defaults)."""
    report = load_report(path)
    samples = read_source(report)
    p = Path(path)
    decisions = read_review_csv(p, report, samples) if p.suffix.lower() == ".csv" else {}
    return apply_decisions(report, decisions, by, output, samples)
