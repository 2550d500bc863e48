"""The Data tab: the session's current dataset a page at a time, its inspection summary,
and the quality report with the flagged records, to review before training."""
from __future__ import annotations

import math

import gradio as gr
import pandas as pd

from tools.errors import UserError
from ui import session as sess
from ui.i18n import t

PAGE_SIZE = 20
PREVIEW_COLUMNS = ["#", "where", "system", "question", "answer", "turns"]


def preview_page(path: str | None, page: int, lang: str = "English") -> tuple[pd.DataFrame, int, str]:
    """Rows ``page`` (1-based) of the dataset as a table, the page clamped to what exists,
    and a "page i of n · N records (k skipped)" line."""
    if not path:
        return pd.DataFrame(columns=PREVIEW_COLUMNS), 1, ""
    from tools.formats import read_dataset

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
    return pd.DataFrame(rows, columns=PREVIEW_COLUMNS), page, info


FINDING_COLUMNS = ["action", "where", "rule", "reason", "question", "answer"]


def findings_table(findings) -> pd.DataFrame:
    """Every removed or flagged record of a quality report, to review before training."""
    rows = [[f.action, f.where, f.rule, f.reason, f.question, f.answer] for f in findings]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _sentence(exc: UserError) -> gr.Error:
    return gr.Error(str(exc))


def show(path: str | None, page: int, lang: str = "English"):
    """Preview + inspection summary for the chosen file."""
    if not path:
        return pd.DataFrame(columns=PREVIEW_COLUMNS), 1, "", None
    from tools.formats import inspect_dataset

    try:
        path = sess.workspace_file(path)
        table, page, info = preview_page(path, page, lang)
        summary = inspect_dataset(path)
    except UserError as exc:
        raise _sentence(exc) from None
    return table, page, info, summary


def quality(path: str | None, ppl: bool, session: dict | None):
    """Run the quality check; the cleaned file joins this session's datasets."""
    if not path:
        raise gr.Error("Choose a dataset first.")
    from tools.quality import check_quality

    try:
        report = check_quality(sess.workspace_file(path), ppl=bool(ppl))
    except UserError as exc:
        raise _sentence(exc) from None
    session = sess.ensure(session)
    sess.remember(session, report.output)
    summary = {k: v for k, v in report.to_dict().items() if not k.endswith("_examples")}
    return summary, findings_table(report.findings), [report.output, report.report, report.report_csv], session


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
    info = gr.Markdown()
    table = gr.Dataframe(label=t("preview"), headers=PREVIEW_COLUMNS, interactive=False, wrap=True, elem_id="data-preview")
    summary = gr.JSON(label=t("inspection"))
    with gr.Row():
        ppl = gr.Checkbox(label=t("with_ppl"), value=False)
        run_quality = gr.Button(t("run_quality"), elem_id="data-quality")
    report = gr.JSON(label=t("quality"))
    flagged = gr.Dataframe(label=t("flagged"), headers=FINDING_COLUMNS, interactive=False, wrap=True, elem_id="data-flagged")
    outputs = gr.File(label=t("quality_files"), file_count="multiple", interactive=False)

    outs = [table, page, info, summary]
    for trigger in (tab.select, refresh.click):
        trigger(choices, [session, lang], [dataset, hint], api_visibility="private").then(
            show, [dataset, page, lang], outs, api_visibility="private")
    dataset.input(lambda p, lg: show(p, 1, lg), [dataset, lang], outs, api_visibility="private")
    page.submit(show, [dataset, page, lang], outs, api_visibility="private")
    prev.click(lambda p, n, lg: show(p, (n or 1) - 1, lg), [dataset, page, lang], outs, api_visibility="private")
    nxt.click(lambda p, n, lg: show(p, (n or 1) + 1, lg), [dataset, page, lang], outs, api_visibility="private")
    run_quality.click(quality, [dataset, ppl, session], [report, flagged, outputs, session], api_visibility="private")
    return [
        (dataset, "label", "dataset"), (refresh, "value", "refresh"), (prev, "value", "prev"), (nxt, "value", "next"),
        (page, "label", "page"), (table, "label", "preview"), (summary, "label", "inspection"),
        (run_quality, "value", "run_quality"), (report, "label", "quality"), (flagged, "label", "flagged"),
        (ppl, "label", "with_ppl"), (outputs, "label", "quality_files"),
    ]
