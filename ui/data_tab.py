"""The Data tab: the session's current dataset a page at a time, its inspection summary,
and the quality report with the flagged records, to review before training.

Summaries are tables and counts in the UI language, never raw JSON, and files are named by
their file name only (the server's folders are nobody's business on the page).
"""
from __future__ import annotations

import math
from pathlib import Path

import gradio as gr
import pandas as pd

from tools.errors import UserError
from ui import session as sess
from ui.i18n import ACTIONS, FINDING_HEADERS, PREVIEW_HEADERS, RULES, named, t

PAGE_SIZE = 20
PREVIEW_COLUMNS = PREVIEW_HEADERS["English"]
FINDING_COLUMNS = FINDING_HEADERS["English"]
STAT_KEYS = ("min", "mean", "p50", "p95", "max")


def preview_page(path: str | None, page: int, lang: str = "English") -> tuple[pd.DataFrame, int, str]:
    """Rows ``page`` (1-based) of the dataset as a table, the page clamped to what exists,
    and a "page i of n · N records (k skipped)" line."""
    if not path:
        return pd.DataFrame(columns=PREVIEW_HEADERS.get(lang, PREVIEW_COLUMNS)), 1, ""
    from tools.data.formats import read_dataset

    result = read_dataset(path)
    pages = max(1, math.ceil(len(result.samples) / PAGE_SIZE))
    page = min(max(1, int(page or 1)), pages)
    start = (page - 1) * PAGE_SIZE
    rows = [
        [start + i + 1, s.where, s.system or "", s.question, s.answer, len(s.turns)]
        for i, s in enumerate(result.samples[start:start + PAGE_SIZE])
    ]
    info = t("page_info", lang).format(page=page, pages=pages, count=len(result.samples), fmt=result.format,
                                       skipped=len(result.skipped))
    return pd.DataFrame(rows, columns=PREVIEW_HEADERS.get(lang, PREVIEW_COLUMNS)), page, info


def findings_table(findings, lang: str = "English") -> pd.DataFrame:
    """Every removed or flagged record of a quality report, to review before training; the
    action and rule in the UI language, the reason too when the tool gives it in Chinese."""
    rows = [[named(ACTIONS, f.action, lang), f.where, named(RULES, f.rule, lang), _reason(f, lang), f.question, f.answer]
            for f in findings]
    return pd.DataFrame(rows, columns=FINDING_HEADERS.get(lang, FINDING_COLUMNS))


def _reason(finding, lang: str) -> str:
    zh = getattr(finding, "reason_zh", None)
    return zh if zh and lang != "English" else finding.reason


def _problems(info: dict, lang: str) -> list[str]:
    """The inspection's problem sentences in the UI language (``problems_zh`` when the tool
    gives them, or problems given as ``{"en", "zh"}``)."""
    items = (info.get("problems_zh") if lang != "English" else None) or info.get("problems") or []
    key = "en" if lang == "English" else "zh"
    return [str(p.get(key) or p.get("en")) if isinstance(p, dict) else str(p) for p in items]


def summary_tables(info: dict, lang: str = "English") -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The inspection as a table of counts, a table of length statistics and a list of problems."""
    fields = info.get("fields") or {}
    counts = [("file", Path(str(info.get("path") or "")).name), ("format", info.get("format")),
              ("encoding", info.get("encoding")), ("count", info.get("count")), ("skipped", info.get("skipped_count")),
              ("question_field", fields.get("question")), ("answer_field", fields.get("answer")),
              ("multi_turn", info.get("multi_turn")), ("with_system", info.get("with_system")),
              ("with_rationale", info.get("with_rationale")), ("blank", info.get("blank"))]
    head = [t("col_metric", lang), t("col_value", lang)]
    overview = pd.DataFrame([(t(k, lang), "" if v is None else str(v)) for k, v in counts if v not in (None, "")],
                            columns=head)
    lengths = [("chars_question", (info.get("chars") or {}).get("question")),
               ("chars_answer", (info.get("chars") or {}).get("answer"))]
    lengths += [(f"tokens_{k}", (info.get("tokens") or {}).get(k)) for k in ("sample", "question", "answer")]
    stat_head = [t("col_field", lang), *(t(f"col_{k}", lang) for k in STAT_KEYS)]
    stats = pd.DataFrame([[t(k, lang), *(v.get(s) for s in STAT_KEYS)] for k, v in lengths if isinstance(v, dict)],
                         columns=stat_head)
    found = _problems(info, lang)
    listed = "\n".join(f"- {p}" for p in found) if found else t("no_problems", lang)
    return overview, stats, f"**{t('problems', lang)}**\n\n{listed}"


def quality_summary(report: dict, lang: str = "English") -> str:
    """The quality report's counts as a Markdown table, rules in the UI language, files by name."""
    rows = [(t("read", lang), report.get("read")), (t("kept", lang), report.get("kept")),
            (t("removed", lang), report.get("removed")), (t("flagged_count", lang), report.get("flagged"))]
    rows += [(f"{t('by_rule', lang)} · {named(RULES, rule, lang)}", n) for rule, n in (report.get("by_rule") or {}).items()]
    rows += [(t("cleaned_file", lang), Path(str(report.get("output") or "")).name),
             (t("report_file", lang), Path(str(report.get("report_csv") or "")).name)]
    lines = [f"| {t('col_metric', lang)} | {t('col_value', lang)} |", "|---|---|"]
    return "\n".join(lines + [f"| {k} | {v} |" for k, v in rows])


def _sentence(exc: UserError, lang: str) -> str:
    zh = getattr(exc, "zh", None)
    return zh if zh and lang != "English" else str(exc)


def _blank(lang: str):
    empty = pd.DataFrame(columns=[t("col_metric", lang), t("col_value", lang)])
    return pd.DataFrame(columns=PREVIEW_HEADERS.get(lang, PREVIEW_COLUMNS)), 1, "", empty, empty, ""


def show(path: str | None, page: int, lang: str = "English", session: dict | None = None, request: gr.Request = None):
    """Preview + inspection summary for the chosen file; a file that cannot be read is a sentence."""
    if not path:
        return _blank(lang)
    from tools.data.formats import inspect_dataset

    try:
        with sess.scope(session, request):
            path = sess.workspace_file(path)
            table, page, info = preview_page(path, page, lang)
            overview, stats, problems = summary_tables(inspect_dataset(path), lang)
    except UserError as exc:
        table, page, _, overview, stats, _ = _blank(lang)
        return table, page, _sentence(exc, lang), overview, stats, ""
    return table, page, info, overview, stats, problems


def quality(path: str | None, ppl: bool, session: dict | None, lang: str = "English", request: gr.Request = None):
    """Run the quality check; the cleaned file joins this session's datasets."""
    session = sess.ensure(session)
    empty = pd.DataFrame(columns=FINDING_HEADERS.get(lang, FINDING_COLUMNS))
    if not path:
        return t("choose_dataset", lang), empty, None, session
    from tools.quality.quality import check_quality

    try:
        with sess.scope(session, request):
            report = check_quality(sess.workspace_file(path), ppl=bool(ppl))
    except UserError as exc:
        return _sentence(exc, lang), empty, None, session
    sess.remember(session, report.output)
    files = [sess.public_copy(f) for f in (report.output, report.report, report.report_csv) if f]
    return quality_summary(report.to_dict(), lang), findings_table(report.findings, lang), files, session


def choices(session: dict | None, lang: str):
    files = sess.data_files(session)
    current = (session or {}).get("dataset")
    value = current if current in files else (files[0] if files else None)
    return gr.Dropdown(choices=sess.file_choices(session), value=value), ("" if files else t("no_dataset", lang))


def build(session: gr.State, lang: gr.State, tab: gr.Tab) -> list[tuple]:
    with gr.Row():
        dataset = gr.Dropdown(label=t("dataset"), choices=[], scale=4, elem_id="data-file")
        refresh = gr.Button(t("refresh"), size="sm", scale=1)
    hint = gr.Markdown()
    with gr.Row():
        prev = gr.Button(t("prev"), size="sm")
        page = gr.Number(value=1, precision=0, label=t("page"), minimum=1)
        nxt = gr.Button(t("next"), size="sm")
    info = gr.Markdown(elem_id="data-info")
    table = gr.Dataframe(label=t("preview"), headers=PREVIEW_COLUMNS, interactive=False, wrap=True, elem_id="data-preview")
    with gr.Row():
        overview = gr.Dataframe(label=t("inspection"), interactive=False, wrap=True, elem_id="data-summary")
        stats = gr.Dataframe(label=t("inspection"), interactive=False, wrap=True, elem_id="data-stats")
    problems = gr.Markdown(elem_id="data-problems")
    with gr.Row():
        ppl = gr.Checkbox(label=t("with_ppl"), value=False)
        run_quality = gr.Button(t("run_quality"), elem_id="data-quality")
    report = gr.Markdown(label=t("quality"), elem_id="data-quality-report")
    flagged = gr.Dataframe(label=t("flagged"), headers=FINDING_COLUMNS, interactive=False, wrap=True, elem_id="data-flagged")
    outputs = gr.File(label=t("quality_files"), file_count="multiple", interactive=False)
    # --- H5's review queue: `ui/review.py: build(session, lang)` is called once here; its relabel
    # tuples join the list returned below. ---
    from ui import review

    review_labels: list[tuple] = review.build(session, lang)

    outs = [table, page, info, overview, stats, problems]
    private = {"api_visibility": "private"}
    for trigger in (tab.select, refresh.click):
        trigger(choices, [session, lang], [dataset, hint], **private).then(
            show, [dataset, page, lang, session], outs, **private)
    dataset.input(lambda p, lg, s: show(p, 1, lg, s), [dataset, lang, session], outs, **private)
    page.submit(show, [dataset, page, lang, session], outs, **private)
    prev.click(lambda p, n, lg, s: show(p, (n or 1) - 1, lg, s), [dataset, page, lang, session], outs, **private)
    nxt.click(lambda p, n, lg, s: show(p, (n or 1) + 1, lg, s), [dataset, page, lang, session], outs, **private)
    run_quality.click(quality, [dataset, ppl, session, lang], [report, flagged, outputs, session], **private)
    return [
        (dataset, "label", "dataset"), (refresh, "value", "refresh"), (prev, "value", "prev"), (nxt, "value", "next"),
        (page, "label", "page"), (table, "label", "preview"), (overview, "label", "inspection"),
        (stats, "label", "inspection"), (run_quality, "value", "run_quality"), (flagged, "label", "flagged"),
        (ppl, "label", "with_ppl"), (outputs, "label", "quality_files"), (report, "label", "quality"), *review_labels,
    ]
