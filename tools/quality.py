"""Data quality (manual: 数据质量): find defects, write a cleaned file and a report a person reviews.

The manual warns that automatic filtering also removes good data ("不可避免出现错筛") and that
ppl-style scores are a first pass before human review. So only clear defects are *removed*
(exact and near duplicates, answer equal to the question, garbled text, unfilled
``{{placeholders}}``); judgement calls are *flagged* and kept (very short or very long answers,
perplexity outliers). Every removed or flagged record is listed with where and why — in
the report JSON and in a CSV that opens in Excel — including records the reader skipped.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tools.errors import UserError
from tools.formats import FORMATS, output_path, read_dataset, write_samples
from tools.minhash import near_duplicates
from tools.samples import Sample
from tools.stats import PLACEHOLDER
from tools.workspace import atomic_write_bytes, unique_path

_SPACE = re.compile(r"\s+")
# UTF-8 read as Latin-1/CP1252 ("Ã©", "â€™"), GBK's rendering of U+FFFD runs ("锟斤拷"), uninitialised
# memory shown by MSVC ("烫烫烫", "屯屯屯"), U+FFFD itself, C0 controls and private-use characters.
GARBLED = re.compile(
    r"\ufffd|锟斤拷|烫烫烫|屯屯屯|[ÃÂâåæçèéäïð][\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u20ac\u2122]"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|[\ue000-\uf8ff]"
)


@dataclass
class Finding:
    where: str
    rule: str
    reason: str
    action: str  # "removed" | "flagged"
    question: str = ""
    answer: str = ""

    def to_dict(self) -> dict:
        return {"where": self.where, "rule": self.rule, "reason": self.reason, "action": self.action,
                "question": self.question, "answer": self.answer}


@dataclass
class QualityReport:
    output: str
    report: str
    report_csv: str
    read: int
    kept: int
    findings: list[Finding] = field(default_factory=list)
    ppl: dict | None = None

    def to_dict(self) -> dict:
        removed = [f for f in self.findings if f.action == "removed"]
        flagged = [f for f in self.findings if f.action == "flagged"]
        return {"output": self.output, "report": self.report, "report_csv": self.report_csv, "read": self.read,
                "kept": self.kept, "removed": len(removed), "flagged": len(flagged),
                "by_rule": dict(Counter(f.rule for f in self.findings)),
                "removed_examples": [f.to_dict() for f in removed[:20]],
                "flagged_examples": [f.to_dict() for f in flagged[:20]], "ppl": self.ppl}

    def summary(self) -> str:
        d = self.to_dict()
        rules = ", ".join(f"{rule} {n}" for rule, n in d["by_rule"].items()) or "none"
        return (f"{d['kept']} of {d['read']} records kept, {d['removed']} removed, {d['flagged']} flagged for review "
                f"({rules}).\ncleaned data: {self.output}\nreview report: {self.report} and {self.report_csv}")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _defect(s: Sample) -> tuple[str, str] | None:
    """The first clear defect of one sample (rule, reason), or None."""
    text = "\n".join(m.content for m in s.messages)
    holes = sorted(set(PLACEHOLDER.findall(text)))
    if holes:
        return "placeholder", f"unfilled placeholder {', '.join(holes[:3])}: fill it in before training"
    bad = GARBLED.search(text)
    if bad:
        return "garbled", f"garbled text ({bad.group(0)!r}): probably read with the wrong encoding"
    if any(_norm(q) == _norm(a) for q, a in s.turns):
        return "answer_is_question", "the answer repeats the question"
    if not s.answer.strip():
        return "empty_answer", "empty answer"
    return None


def _exact_key(s: Sample) -> tuple:
    return tuple((m.role, _norm(m.content)) for m in s.messages)


def find_defects(samples: list[Sample], near_threshold: float = 0.8, min_answer_chars: int = 2,
                 max_answer_chars: int = 8000) -> list[tuple[int, str, str, str]]:
    """(index, rule, reason, action) for every sample with a problem; the first kept copy of a duplicate stays."""
    out, seen, removed = [], {}, set()
    for i, s in enumerate(samples):
        defect = _defect(s)
        if defect:
            out.append((i, *defect, "removed"))
            removed.add(i)
            continue
        key = _exact_key(s)
        if key in seen:
            out.append((i, "exact_duplicate", f"exact duplicate of {samples[seen[key]].where}", "removed"))
            removed.add(i)
        else:
            seen[key] = i
    texts = ["\n".join(m.content for m in s.messages) for s in samples]
    for i, first, sim in near_duplicates(texts, near_threshold, skip=removed):
        out.append((i, "near_duplicate", f"near duplicate of {samples[first].where} (similarity {sim:.2f})", "removed"))
        removed.add(i)
    for i, s in enumerate(samples):
        if i in removed:
            continue
        n = len(s.answer.strip())
        if n < min_answer_chars:
            out.append((i, "short_answer", f"answer has {n} characters (< {min_answer_chars}): check it is complete", "flagged"))
        elif n > max_answer_chars:
            out.append((i, "long_answer", f"answer has {n} characters (> {max_answer_chars}): it may be cut in training", "flagged"))
    return sorted(out)


def check_quality(path, ppl: bool = False, output=None, base_model: str | None = None, near_threshold: float = 0.8,
                  min_answer_chars: int = 2, max_answer_chars: int = 8000, ppl_batch_size: int = 16,
                  question_field: str | None = None, answer_field: str | None = None,
                  sheet: str | None = None) -> QualityReport:
    """Check a dataset; write the cleaned file (same layout) and the review report beside it.

    ``ppl=True`` also scores each sample's perplexity under the base model (batched) and
    flags outliers. Nothing is removed without being listed in the report.
    """
    if not 0 < near_threshold <= 1:
        raise UserError(f"The near-duplicate threshold must be between 0 and 1 (got {near_threshold}).")
    source = Path(path).expanduser()
    result = read_dataset(source, question_field, answer_field, sheet)
    samples = result.samples
    findings = [Finding(s.where, "unreadable", s.reason, "removed") for s in result.skipped]
    defects = find_defects(samples, near_threshold, min_answer_chars, max_answer_chars)
    ppl_info = None
    if ppl and samples:
        from tools.perplexity import flag_outliers, perplexities

        removed = {i for i, *_, action in defects if action == "removed"}
        scored = [i for i in range(len(samples)) if i not in removed]
        values = perplexities([samples[i] for i in scored], base_model, batch_size=ppl_batch_size)
        ppl_info, outliers = flag_outliers(values)
        for j, reason in outliers:
            defects.append((scored[j], "perplexity", reason, "flagged"))
        for i, v in zip(scored, values):
            samples[i].meta["ppl"] = round(v, 3)
    gone = {i for i, *_, action in defects if action == "removed"}
    for i, rule, reason, action in sorted(defects):
        s = samples[i]
        findings.append(Finding(s.where, rule, reason, action, s.question, s.answer))
    kept = [s for i, s in enumerate(samples) if i not in gone]
    fmt = {"tsv": "csv"}.get(result.format, result.format)
    out = output_path(source, fmt if fmt in FORMATS else "jsonl", output, tag=".clean")
    write_samples(kept, fmt if fmt in FORMATS else "jsonl", out)
    report = QualityReport(str(out), "", "", len(samples) + len(result.skipped), len(kept), findings, ppl_info)
    _write_reports(report, out)
    return report


def _write_reports(report: QualityReport, out: Path) -> None:
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    json_path = unique_path(out.parent, f"{stem}.report", ".json")
    csv_path = unique_path(out.parent, f"{stem}.report", ".csv")
    report.report, report.report_csv = str(json_path), str(csv_path)
    full = {**report.to_dict(), "findings": [f.to_dict() for f in report.findings]}
    atomic_write_bytes(json_path, json.dumps(full, ensure_ascii=False, indent=2).encode())
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["action", "rule", "where", "reason", "question", "answer"])
    for f in report.findings:
        writer.writerow([f.action, f.rule, f.where, f.reason, f.question, f.answer])
    atomic_write_bytes(csv_path, buf.getvalue().encode("utf-8-sig"))  # BOM: Excel shows Chinese right
