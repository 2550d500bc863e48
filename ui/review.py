"""The Data tab's review queue: the person decides about each flagged record of the latest quality
check — keep, drop or edit — one by one or by rule, then writes the cleaned file with an audit log.

Each record shows its question and answer (editable), its scores, the rules and reasons, and the
near-duplicate or conflicting partner side by side. Decisions live in the page's state until
"write the cleaned file": ``tools.quality.review.apply_decisions`` reads the checked file again (refusing
one that changed), applies them and logs who decided what, how and why.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import gradio as gr

from tools.errors import UserError
from tools.quality.qrules import RULES as RULE_NAMES
from ui import session as sess
from ui.i18n import RULES, STRINGS, named, t

STRINGS.update({k: v for k, v in {
    "review_title": ("复核队列", "Review queue"),
    "review_load": ("载入最新的质量检查", "Load the latest quality check"),
    "review_question": ("问题(可编辑)", "Question (editable)"),
    "review_answer": ("答案(可编辑)", "Answer (editable)"),
    "review_note": ("备注(为什么)", "Note (why)"),
    "review_keep": ("保留", "Keep"), "review_drop": ("删除", "Drop"), "review_prev": ("上一条", "Previous"),
    "review_next": ("下一条", "Next"), "review_rule": ("按规则", "By rule"), "review_decision": ("决定", "Decision"),
    "review_apply_rule": ("应用规则", "Apply the rule"),
    "review_finish": ("写出清洗后的文件", "Write the cleaned file"), "review_files": ("复核结果", "Review result"),
    "review_none": ("还没有质量检查:先点“质量检查”。", "No quality check yet: run the quality check first."),
    "review_empty": ("没有需要复核的记录。", "Nothing to review."),
    "review_pos": ("第 {pos}/{total} 条 · 记录 {record}({where})· 已决定 {decided} 条 · 当前:{decision}",
                   "{pos} of {total} · record {record} ({where}) · {decided} decided · now: {decision}"),
    "review_partner": ("对照记录", "Partner record"), "review_reasons": ("原因", "Reasons"),
    "review_scores": ("评分", "Scores"),
    "review_done": ("已写出:{read} 条中保留 {kept} 条,删除 {dropped} 条,编辑 {edited} 条。审计日志记录了每个决定。",
                    "Written: kept {kept} of {read}, dropped {dropped}, edited {edited}. The audit log records every decision."),
}.items() if k not in STRINGS})
for _rule, (_en, _zh) in RULE_NAMES.items():
    RULES.setdefault(_rule, (_zh, _en))

DECISIONS = {"keep": ("保留", "keep"), "drop": ("删除", "drop")}


@lru_cache(maxsize=4)
def _loaded(report_path: str, mtime: float) -> tuple[dict, dict]:
    """(report JSON, record → review row) of one check, cached while the file is unchanged."""
    from tools.quality.review import load_report

    report = load_report(report_path)
    with open(report["report_csv"], encoding="utf-8-sig", newline="") as fh:
        rows = {int(r["record"]): r for r in csv.DictReader(fh) if r["record"]}
    with open(report["scores_csv"], encoding="utf-8-sig", newline="") as fh:
        wanted = set(rows)
        for r in csv.DictReader(fh):
            if int(r["record"]) in wanted:
                rows[int(r["record"])]["scores"] = r
    return report, rows


def _rows(state: dict) -> tuple[dict, dict]:
    path = state["report"]
    return _loaded(path, Path(path).stat().st_mtime)


def latest_report() -> str | None:
    """The newest quality report in the current owner's outputs."""
    from tools import workspace

    found = sorted(workspace.outputs_dir().glob("*.report.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    return str(found[0]) if found else None


def start(report_path: str) -> dict:
    """A fresh review state for one report: every record with a finding, in record order."""
    state = {"report": report_path, "items": [], "pos": 0, "decisions": {}}
    state["items"] = sorted(_rows(state)[1])
    return state


def view(state: dict | None, lang: str) -> tuple:
    """(position line, question, answer, note, reasons, scores, partner) for the current record."""
    if not state or not state.get("items"):
        return t("review_none" if not state else "review_empty", lang), "", "", "", "", "", ""
    _, rows = _rows(state)
    record = state["items"][state["pos"]]
    row, decided = rows[record], state["decisions"].get(str(record), {})
    now = decided.get("decision") or row["decision"]
    pos = t("review_pos", lang).format(pos=state["pos"] + 1, total=len(state["items"]), record=record, where=row["where"],
                                       decided=len(state["decisions"]), decision=named(DECISIONS, now, lang))
    reasons = row["reasons_zh"] if lang != "English" else row["reasons"]
    rules = ", ".join(named(RULES, r, lang) for r in row["rules"].split("; "))
    reason_md = f"**{t('review_reasons', lang)}** ({rules}): {reasons}"
    scores = row.get("scores") or {}
    keys = ("text_quality", "length", "repetition", "language", "relevance", "ppl", "reward", "judge")
    score_md = f"**{t('review_scores', lang)}**: " + " · ".join(f"{k} {scores[k]}" for k in keys if scores.get(k))
    partner = ""
    if row.get("partner"):
        partner = (f"**{t('review_partner', lang)}** {row['partner']} ({row['partner_where']})\n\n"
                   f"Q: {row['partner_question']}\n\nA: {row['partner_answer']}")
    question = decided.get("question") or row["question"]
    answer = decided.get("answer") or row["answer"]
    return pos, question, answer, decided.get("note", ""), reason_md, score_md, partner


def decide(state: dict, decision: str, question: str, answer: str, note: str) -> dict:
    """Record the person's decision on the current record (an edit when the text changed), then move on."""
    if not state or not state.get("items"):
        return state
    _, rows = _rows(state)
    record = state["items"][state["pos"]]
    row = rows[record]
    entry = {"decision": decision, "how": "one by one", "note": note or ""}
    if question != row["question"]:
        entry["question"] = question
    if answer != row["answer"]:
        entry["answer"] = answer
    state = {**state, "decisions": {**state["decisions"], str(record): entry}}
    state["pos"] = min(state["pos"] + 1, len(state["items"]) - 1)
    return state


def move(state: dict, step: int) -> dict:
    if not state or not state.get("items"):
        return state
    return {**state, "pos": max(0, min(len(state["items"]) - 1, state["pos"] + step))}


def by_rule(state: dict, rule: str, decision: str) -> dict:
    """Decide every record the rule flagged ("drop all exact duplicates", "keep all flagged by length")."""
    from tools.quality.review import rule_decisions

    if not state or not rule:
        return state
    report, _ = _rows(state)
    decided = dict(state["decisions"])
    for record, d in rule_decisions(report, rule, decision).items():
        decided[str(record)] = {"decision": d.decision, "how": d.how, "note": ""}
    return {**state, "decisions": decided}


def finish(state: dict, who: str, lang: str) -> tuple[str, list[str]]:
    """Write the cleaned file and the audit log; (sentence, [cleaned file, audit log])."""
    from tools.quality.review import Decision, apply_decisions

    if not state or not state.get("items"):
        return t("review_none", lang), []
    report, _ = _rows(state)
    decisions = {int(k): Decision(v["decision"], v.get("how", ""), v.get("note", ""), v.get("question"), v.get("answer"))
                 for k, v in state["decisions"].items()}
    result = apply_decisions(report, decisions, by=who)
    return t("review_done", lang).format(**result.to_dict()), [result.output, result.audit]


def rule_choices(state: dict | None, lang: str) -> list[tuple[str, str]]:
    if not state or not state.get("items"):
        return []
    report, _ = _rows(state)
    counts: dict[str, int] = {}
    for f in report["findings"]:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    return [(f"{named(RULES, r, lang)} ({n})", r) for r, n in counts.items()]


def _sentence(exc: UserError, lang: str) -> str:
    return (getattr(exc, "zh", None) if lang != "English" else None) or str(exc)


def build(session: gr.State, lang: gr.State) -> list[tuple]:
    """The review queue's components and events; returns the relabel tuples for the language switch."""
    state = gr.State(None)
    private = {"api_visibility": "private"}
    with gr.Accordion(t("review_title"), open=False, elem_id="review") as box:
        load = gr.Button(t("review_load"), size="sm", elem_id="review-load")
        position = gr.Markdown(elem_id="review-position")
        with gr.Row():
            with gr.Column(scale=3):
                question = gr.Textbox(label=t("review_question"), lines=2, elem_id="review-question")
                answer = gr.Textbox(label=t("review_answer"), lines=4, elem_id="review-answer")
                note = gr.Textbox(label=t("review_note"), lines=1, elem_id="review-note")
            with gr.Column(scale=2):
                reasons = gr.Markdown(elem_id="review-reasons")
                scores = gr.Markdown(elem_id="review-scores")
                partner = gr.Markdown(elem_id="review-partner")
        with gr.Row():
            prev = gr.Button(t("review_prev"), size="sm")
            keep = gr.Button(t("review_keep"), variant="primary", elem_id="review-keep")
            drop = gr.Button(t("review_drop"), variant="stop", elem_id="review-drop")
            nxt = gr.Button(t("review_next"), size="sm")
        with gr.Row():
            rule = gr.Dropdown(label=t("review_rule"), choices=[], elem_id="review-rule")
            rule_decision = gr.Radio(label=t("review_decision"), choices=[("保留", "keep"), ("删除", "drop")], value="drop")
            apply_rule = gr.Button(t("review_apply_rule"), size="sm", elem_id="review-apply-rule")
        finish_btn = gr.Button(t("review_finish"), elem_id="review-finish")
        result = gr.Markdown(elem_id="review-result")
        files = gr.File(label=t("review_files"), file_count="multiple", interactive=False)
    shown = [position, question, answer, note, reasons, scores, partner]

    def on_load(sess_value, lg, request: gr.Request = None):
        with sess.scope(sess_value, request):
            path = latest_report()
            try:
                fresh = start(path) if path else None
            except (UserError, OSError) as exc:
                return (None, gr.Dropdown(choices=[]), _sentence(exc, lg) if isinstance(exc, UserError) else str(exc),
                        *[""] * 6)
        return (fresh, gr.Dropdown(choices=rule_choices(fresh, lg), value=None), *view(fresh, lg))

    def on_decide(decision):
        def handler(st, q, a, n, lg):
            st = decide(st, decision, q, a, n)
            return (st, *view(st, lg))
        return handler

    def on_rule(st, r, d, lg):
        try:
            st = by_rule(st, r, d)
        except UserError as exc:
            return (st, _sentence(exc, lg), *view(st, lg)[1:])
        return (st, *view(st, lg))

    def on_finish(st, sess_value, lg, request: gr.Request = None):
        sess_value = sess.ensure(sess_value)
        with sess.scope(sess_value, request):
            try:
                sentence, written = finish(st, f"web:{sess.owner_of(sess_value, request)}", lg)
            except UserError as exc:
                return _sentence(exc, lg), None, sess_value
        if written:
            sess.remember(sess_value, written[0])  # the cleaned file becomes this session's dataset
        # The workspace is never served: the page gets unguessable copies (ui.session.public_copy).
        return sentence, [sess.public_copy(p) for p in written] or None, sess_value

    load.click(on_load, [session, lang], [state, rule, *shown], **private)
    keep.click(on_decide("keep"), [state, question, answer, note, lang], [state, *shown], **private)
    drop.click(on_decide("drop"), [state, question, answer, note, lang], [state, *shown], **private)
    prev.click(lambda st, lg: (move(st, -1), *view(move(st, -1), lg)), [state, lang], [state, *shown], **private)
    nxt.click(lambda st, lg: (move(st, 1), *view(move(st, 1), lg)), [state, lang], [state, *shown], **private)
    apply_rule.click(on_rule, [state, rule, rule_decision, lang], [state, *shown], **private)
    finish_btn.click(on_finish, [state, session, lang], [result, files, session], **private)
    return [
        (box, "label", "review_title"), (load, "value", "review_load"), (question, "label", "review_question"),
        (answer, "label", "review_answer"), (note, "label", "review_note"), (prev, "value", "review_prev"),
        (keep, "value", "review_keep"), (drop, "value", "review_drop"), (nxt, "value", "review_next"),
        (rule, "label", "review_rule"), (rule_decision, "label", "review_decision"),
        (rule_decision, "choices", [("review_keep", "keep"), ("review_drop", "drop")]),
        (apply_rule, "value", "review_apply_rule"), (finish_btn, "value", "review_finish"), (files, "label", "review_files"),
    ]
