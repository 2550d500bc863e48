"""Data quality (manual: 数据质量): score every record, flag what a person should look at, remove
only what nobody would keep, and write a review file a person edits.

The manual: "数据质量可以通过ppl、reward model、文本质量分类模型等方式进行初步评估。经过人工进行后续筛选。"
and it warns that automatic screening also catches good data ("不可避免出现错筛"). So:
- removed by default: exact duplicates, empty answers, records the reader could not use (``qrules.REMOVE``);
- flagged for review (kept until a person drops them): near duplicates and conflicts (``dupes``),
  placeholders, garbled text, an answer that repeats the question, very short/long or repetitive
  answers, perplexity / reward-model / LLM-judge outliers;
- a score table for every record (``scores``), and a review CSV with a keep/drop column that
  ``tools.quality.review.apply_review`` turns into the cleaned file with an audit log.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tools.data.formats import FORMATS, output_path, read_dataset, write_samples
from tools.errors import UserError
from tools.quality.dupes import find_duplicates
from tools.quality.qrules import default_action, norm, record_flags, rule_names
from tools.quality.scores import Progress, text_quality_table


@dataclass
class Finding:
    where: str
    rule: str
    reason: str
    action: str  # "removed" | "flagged"
    question: str = ""
    answer: str = ""
    reason_zh: str = ""
    index: int = -1
    """0-based position among the samples read (-1: a record the reader skipped)."""
    partner: int = -1
    """The other record of a duplicate/conflict pair, or -1."""

    def to_dict(self) -> dict:
        return {"where": self.where, "rule": self.rule, "rule_name": rule_names(self.rule), "reason": self.reason,
                "reason_zh": self.reason_zh or self.reason, "action": self.action, "record": self.index + 1,
                "partner": self.partner + 1 if self.partner >= 0 else None,
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
    scores_csv: str = ""
    source: str = ""
    groups: dict[int, int] = field(default_factory=dict)
    models: dict = field(default_factory=dict)
    """Rates of the model scores that ran: {"reward": {...}, "judge": {...}}."""

    def to_dict(self) -> dict:
        removed = [f for f in self.findings if f.action == "removed"]
        flagged = [f for f in self.findings if f.action == "flagged"]
        by_rule = dict(Counter(f.rule for f in self.findings))
        return {"output": self.output, "report": self.report, "report_csv": self.report_csv,
                "scores_csv": self.scores_csv, "source": self.source, "read": self.read, "kept": self.kept,
                "removed": len({f.index if f.index >= 0 else f.where for f in removed}),
                "flagged": len({f.index for f in flagged} - {f.index for f in removed}),
                "by_rule": by_rule, "rule_names": {r: rule_names(r) for r in by_rule},
                "grouped": len(self.groups), "groups": len(set(self.groups.values())),
                "removed_examples": [f.to_dict() for f in removed[:20]],
                "flagged_examples": [f.to_dict() for f in flagged[:20]], "ppl": self.ppl, "models": self.models}

    def summary(self, lang: str = "en") -> str:
        d = self.to_dict()
        if lang == "zh":
            rules = "、".join(f"{d['rule_names'][r]['zh']} {n}" for r, n in d["by_rule"].items()) or "无"
            return (f"{d['read']} 条中保留 {d['kept']} 条,删除 {d['removed']} 条,标记待复核 {d['flagged']} 条({rules});"
                    f"{d['grouped']} 条属于 {d['groups']} 组同答案变体(保留)。\n清洗后的数据:{self.output}\n"
                    f"复核表(可编辑 decision 列):{self.report_csv}\n评分表:{self.scores_csv}")
        rules = ", ".join(f"{r} {n}" for r, n in d["by_rule"].items()) or "none"
        return (f"{d['kept']} of {d['read']} records kept, {d['removed']} removed, {d['flagged']} flagged for review "
                f"({rules}); {d['grouped']} records form {d['groups']} groups of variants with one answer (kept).\n"
                f"cleaned data: {self.output}\nreview file (edit its decision column, then quality --apply): "
                f"{self.report_csv}\nscore table: {self.scores_csv}\nfull report: {self.report}")


def _prompt(s) -> str:
    return "\n".join(m.content for m in s.messages[:-1])


def _skipped_finding(sk) -> Finding:
    rule = "empty_answer" if "empty answer" in sk.reason else "unreadable"
    return Finding(sk.where, rule, sk.reason, "removed", reason_zh=f"无法使用的记录:{sk.reason}")


def find_defects(samples, near_threshold: float = 0.8, min_answer_chars: int = 2, max_answer_chars: int = 8000,
                 scores: dict | None = None) -> tuple[list[Finding], dict[int, int]]:
    """Findings for every sample with a problem (one per record and rule) and the variant groups.

    ``scores``, when given a dict, receives the offline text-quality columns (one value per record).
    """
    questions, answers = [s.question for s in samples], [s.answer for s in samples]
    table = text_quality_table(questions, answers, max_answer_chars)
    if scores is not None:
        scores.update(table)
    out = []
    prompts = [q if len(s.messages) == 2 else _prompt(s) for q, s in zip(questions, samples)]
    n_prompts, n_answers = [norm(p) for p in prompts], [norm(a) for a in answers]
    for i, s in enumerate(samples):
        q, a = questions[i], answers[i]
        text = q + "\n" + a if len(s.messages) == 2 else "\n".join(m.content for m in s.messages)
        same = n_prompts[i] == n_answers[i] if len(s.messages) == 2 else None
        for rule, en, zh in record_flags(q, a, text, min_answer_chars, max_answer_chars, same):
            out.append(Finding(s.where, rule, en, default_action(rule), q, a, zh, i))
        if table["repetition"][i] < 0.5:
            r = table["repetition"][i]
            out.append(Finding(s.where, "repetitive", f"the answer repeats itself (repetition score {r})", "flagged",
                               q, a, f"答案大量重复(重复度得分 {r})", i))
    gone = frozenset(f.index for f in out if f.action == "removed")
    dup = find_duplicates(prompts, answers, [s.where for s in samples], near_threshold, gone, (n_prompts, n_answers))
    for p in dup.findings:
        s = samples[p.index]
        out.append(Finding(s.where, p.rule, p.reason_en, default_action(p.rule), questions[p.index], answers[p.index],
                           p.reason_zh, p.index, p.partner))
    out.sort(key=lambda f: f.index)
    return out, dup.group


def check_quality(path, ppl: bool = False, output=None, base_model: str | None = None, near_threshold: float = 0.8,
                  min_answer_chars: int = 2, max_answer_chars: int = 8000, ppl_batch_size: int = 16,
                  question_field: str | None = None, answer_field: str | None = None, sheet: str | None = None,
                  reward_model: str | None = None, judge: bool = False,
                  progress: Progress | None = None) -> QualityReport:
    """Check a dataset; write the cleaned file (same layout), the review CSV, the score table and the
    report JSON beside it. The input is never changed; nothing is removed without being listed.

    ``ppl`` scores perplexity under the base model, ``reward_model`` (a local folder) a reward,
    ``judge`` asks the configured OpenAI-compatible model with ``scores.RUBRIC``; each flags its outliers.
    """
    if not 0 < near_threshold <= 1:
        raise UserError(f"The near-duplicate threshold must be between 0 and 1 (got {near_threshold}).",
                        zh=f"近似重复阈值必须在 0 到 1 之间(现在是 {near_threshold})。")
    source = Path(path).expanduser()
    result = read_dataset(source, question_field, answer_field, sheet)
    samples, table = result.samples, {}
    findings, groups = find_defects(samples, near_threshold, min_answer_chars, max_answer_chars, table)
    gone = {f.index for f in findings if f.action == "removed"}
    from tools.quality import qmodels

    models, ppl_info = qmodels.score_models(samples, gone, table, findings, ppl=ppl, base_model=base_model,
                                            ppl_batch_size=ppl_batch_size, reward_model=reward_model, judge=judge,
                                            progress=progress)
    findings = [_skipped_finding(sk) for sk in result.skipped] + sorted(findings, key=lambda f: f.index)
    kept = [s for i, s in enumerate(samples) if i not in gone]
    fmt = {"tsv": "csv"}.get(result.format, result.format)
    fmt = fmt if fmt in FORMATS else "jsonl"
    out = output_path(source, fmt, output, tag=".clean")
    write_samples(kept, fmt, out)
    report = QualityReport(str(out), "", "", len(samples) + len(result.skipped), len(kept), findings, ppl_info,
                           source=str(source), groups=groups, models=models)
    from tools.quality.qreport import write_reports

    write_reports(report, samples, table, fmt, result.format,
                  {"question_field": question_field, "answer_field": answer_field, "sheet": sheet})
    return report
