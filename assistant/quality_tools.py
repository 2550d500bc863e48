"""Tools over a quality check's findings: apply a review rule ("把重复的删掉", "keep all short
answers") and fill template placeholders ({{name}}) with the person's values.

Dropping records is consequential (``assistant.consent``): the guard never runs
``apply_quality_rule`` from a model's call; it calls :func:`plan_rule`, which says how many
records the rule would drop, and the session keeps that plan until the person confirms. The
confirmation carries ``confirmed=True`` (an argument the model is never shown); without it the
tool only returns the plan, so nothing is deleted even where no guard stands in between.
Results carry counts and file names, never record text.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

from langchain_core.tools import InjectedToolArg, tool

from assistant.envelope import Refused, ToolResult, run_tool
from assistant.paths import resolve_input

RULE_WORDS = {"重复": "duplicates", "duplicate": "duplicates", "dupes": "duplicates", "冲突": "conflict",
              "占位符": "placeholder", "乱码": "garbled", "过短": "short_answer", "太短": "short_answer",
              "short": "short_answer", "过长": "long_answer", "太长": "long_answer", "long": "long_answer",
              "length": "short_answer", "长度": "short_answer", "近似重复": "near_duplicate", "完全重复": "exact_duplicate"}


def review_offer(data: dict) -> tuple[str, str]:
    """The sentences that follow a quality check's counts: where to review, what to say next."""
    en = (" Nothing is deleted beyond exact duplicates and empty answers; review the flagged records in the Data "
          "tab's review queue (or edit the decision column of the review CSV), or tell me a rule such as "
          "\"drop the duplicates\" or \"keep all short answers\".") if data.get("flagged") else ""
    zh = (" 除完全重复和空答案外不会删除任何记录;可在数据页的复核队列里逐条查看标记的记录(或编辑复核表 CSV 的 decision 列),"
          "也可以直接告诉我规则,比如“把重复的删掉”或“短答案都保留”。") if data.get("flagged") else ""
    holes = (data.get("by_rule") or {}).get("placeholder")
    if holes:
        en += f" {holes} records contain placeholders such as {{{{name}}}}: tell me the values to fill in (name=…, author=…)."
        zh += f" {holes} 条记录含有 {{{{name}}}} 这样的占位符:告诉我要填的值(name=…、author=…)即可填写。"
    return en, zh


def _report_for(path: str) -> dict:
    """The newest quality report for ``path`` (a report, review CSV, cleaned file or the checked dataset);
    a dataset never checked is checked now."""
    from tools.errors import UserError
    from tools.quality.quality import check_quality
    from tools.quality.review import load_report

    if not path:
        return load_report(_latest_report())
    source = resolve_input(path)
    try:
        return load_report(source)
    except UserError:
        return load_report(check_quality(source).report)


def _latest_report() -> Path:
    from tools import workspace

    found = sorted(workspace.outputs_dir().glob("*.report.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    if not found:
        raise Refused("No quality check yet: attach a dataset and ask me to check its quality first.",
                      "还没有做过质量检查:请先上传数据集并让我检查质量。")
    return found[0]


def _rule_name(rule: str) -> str:
    key = str(rule or "").strip().lower()
    return RULE_WORDS.get(key, key)


def plan_rule(args: dict) -> ToolResult:
    """What ``apply_quality_rule`` would do: a keep rule is applied at once (nothing is deleted);
    a drop rule becomes a plan the person confirms."""
    from tools.quality.review import rule_decisions

    report = _report_for(args.get("path"))
    rule, decision = _rule_name(args.get("rule")), str(args.get("decision") or "drop")
    decisions = rule_decisions(report, rule, decision)
    if not decisions or next(iter(decisions.values())).decision == "keep":
        return ToolResult.parse(_apply(report, rule, decisions))
    rules = Counter(f["rule"] for f in report["findings"] if f["record"] in decisions and (
        f["rule"] == rule or rule in ("duplicates", "all")))
    name = Path(report["source"]).name
    details = {"source": name, "rule": rule, "decision": "drop", "records": len(decisions), "by_rule": dict(rules),
               "read": report["read"], "report": report["report"]}
    en = (f"Ready to drop {len(decisions)} records of {name} by the rule '{_rule_label(rule, 'en')}' ({_listing(rules)}); "
          f"the rest is kept and every decision goes to an audit log. Confirm to write the cleaned file.")
    zh = (f"准备按规则“{_rule_label(rule, 'zh')}”从 {name} 删除 {len(decisions)} 条记录({_listing(rules, 'zh')});"
          f"其余保留,每个决定都记入审计日志。确认后写出清洗后的文件。")
    pending = {"tool": "apply_quality_rule", "args": {**args, "path": report["report"], "rule": rule,
                                                      "decision": "drop", "confirmed": True}, "details": details}
    return ToolResult(True, en, zh, details, [], None, pending)


_GROUP_NAMES = {"duplicates": ("duplicates (exact and near)", "重复(完全重复与近似重复)"), "all": ("everything flagged", "所有标记")}


def _rule_label(rule: str, lang: str) -> str:
    """A rule's name in the person's language ("exact duplicate" / "完全重复")."""
    from tools.quality.qrules import rule_names

    if rule in _GROUP_NAMES:
        return _GROUP_NAMES[rule][0 if lang == "en" else 1]
    return rule_names(rule)[lang]


def _listing(counts: Counter, lang: str = "en") -> str:
    sep = ", " if lang == "en" else "、"
    return sep.join(f"{_rule_label(r, lang)} {n}" for r, n in counts.most_common()) or "-"


def _apply(report: dict, rule: str, decisions: dict) -> str:
    from tools.quality.review import apply_decisions

    def work():
        result = apply_decisions(report, decisions, by="assistant (confirmed by the user)").to_dict()
        name = Path(report["source"]).name
        data = {**result, "rule": rule, "source": name}
        out, audit = Path(result["output"]).name, Path(result["audit"]).name
        en = (f"{name}: applied the rule '{_rule_label(rule, 'en')}' to {len(decisions)} records; kept {result['kept']} of "
              f"{result['read']}, dropped {result['dropped']}. Cleaned data: {out}; audit log: {audit}.")
        zh = (f"{name}:按规则“{_rule_label(rule, 'zh')}”处理了 {len(decisions)} 条记录;{result['read']} 条中保留 {result['kept']} 条,"
              f"删除 {result['dropped']} 条。清洗后的数据:{out};审计日志:{audit}。")
        return en, zh, data, [result["audit"], result["output"]]

    return run_tool("apply_quality_rule", work)


@tool(parse_docstring=True)
def apply_quality_rule(rule: str, decision: str = "drop", path: str | None = None,
                       confirmed: Annotated[bool, InjectedToolArg] = False) -> str:
    """Apply one review rule to a quality check's flagged records and write the cleaned file with an audit log: e.g. "drop the duplicates" (rule=duplicates, decision=drop), "keep all short answers" (rule=short_answer, decision=keep). Rules: duplicates, exact_duplicate, near_duplicate, conflict, placeholder, garbled, answer_is_question, short_answer, long_answer, repetitive, perplexity. Dropping records needs the user's confirmation. Runs the quality check first when the file was never checked.

    Args:
        rule: which flagged records: a rule name, or duplicates for exact and near duplicates.
        decision: drop or keep.
        path: the checked dataset, its cleaned file or its quality report; leave it out for the latest check.
    """
    args = {"path": path, "rule": rule, "decision": decision}
    if not confirmed:
        try:
            return plan_rule(args).to_json()
        except Exception as exc:  # noqa: BLE001 - a plan that cannot be made is a sentence
            from assistant.envelope import error_envelope

            return error_envelope(exc, "apply_quality_rule")
    from tools.quality.review import rule_decisions

    def decided():
        report = _report_for(path)
        return report, rule_decisions(report, _rule_name(rule), decision)

    try:
        report, decisions = decided()
    except Exception as exc:  # noqa: BLE001
        from assistant.envelope import error_envelope

        return error_envelope(exc, "apply_quality_rule")
    return _apply(report, _rule_name(rule), decisions)


@tool(parse_docstring=True)
def fill_placeholders(path: str, values: dict[str, str] | None = None) -> str:
    """Fill template placeholders such as {{name}} and {{author}} (LLaMA-Factory's identity.json) with the user's values and write a NEW file; the input is never changed. Without values it lists the placeholders so you can ask the user for them.

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        values: placeholder name → the text to put in, e.g. {"name": "小助手", "author": "ACME"}; only values the user gave.
    """
    from tools.data.fill import fill_placeholders as fill
    from tools.data.fill import find_placeholders
    from tools.data.formats import read_dataset

    def work():
        source = resolve_input(path)
        if not values:
            found = find_placeholders(read_dataset(source).samples)
            if not found:
                raise Refused(f"{source.name} has no {{{{placeholders}}}} to fill.", f"{source.name} 里没有需要填写的占位符。")
            names = ", ".join(f"{{{{{k}}}}} ({n})" for k, n in found.items())
            return (f"{source.name} has placeholders {names}. What should they say? e.g. name=… author=…",
                    f"{source.name} 里有占位符 {names}。请告诉我它们要填什么,例如 name=… author=…",
                    {"source": source.name, "placeholders": found, "needs_values": list(found)}, [])
        result = fill(source, values).to_dict()
        return (f"{source.name}: " + _fill_sentence(result, "en"), f"{source.name}:" + _fill_sentence(result, "zh"),
                {**result, "source": source.name}, [result["output"]])

    return run_tool("fill_placeholders", work)


def _fill_sentence(result: dict, lang: str) -> str:
    from tools.data.fill import FillResult

    return FillResult(**{**result, "output": Path(result["output"]).name}).summary(lang)  # the chat names files


apply_quality_rule.metadata = {"consequential": True, "plan": plan_rule}
