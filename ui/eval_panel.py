"""The Training tab's evaluation report and downloads (``tools/models/evaluate.py``, ``tools/models/export.py``).

For the selected run: the verdict ("it learned" / "too short to learn anything"), base versus tuned
on held-out prompts and on the general set (the forgetting figure), a few side-by-side answers, a
button to evaluate now, and exports (merged folder as a zip, GGUF f16 / Q8_0, Ollama) offered as
downloads. Built once from ``ui/training_tab.py``.
"""
from __future__ import annotations

import html
import shutil
from pathlib import Path

import gradio as gr

from tools.errors import UserError
from ui import session as sess
from ui.i18n import STRINGS, t

STRINGS.update({k: v for k, v in {  # key: (中文, English), registered for the language switch
    "eval_title": ("效果评估与导出", "Evaluation and export"),
    "eval_now": ("立即评估", "Evaluate now"),
    "eval_export": ("导出", "Export"),
    "eval_downloads": ("下载", "Downloads"),
    "eval_none": ("选择一个已完成的运行查看评估报告。", "Pick a finished run to see its evaluation report."),
    "eval_q": ("问题", "Question"), "eval_ref": ("参考答案", "Reference"),
    "eval_base": ("基座模型", "Base"), "eval_tuned": ("微调后", "Tuned"),
}.items() if k not in STRINGS})
EXPORTS = {"GGUF f16": ("gguf", "f16"), "GGUF Q8_0": ("gguf", "q8_0"), "Ollama (Q8_0 + Modelfile)": ("ollama", None),
           "Merged HF folder (zip)": ("merged", None)}


def report_markdown(run_id: str | None, lang: str = "English") -> str:
    """The verdict, the summary lines and up to three side-by-side examples, as Markdown."""
    from tools.models.evaluate import load_report, summary, verdict
    from tools.train.runs import get_run

    if not run_id:
        return t("eval_none", lang)
    try:
        run_dir = get_run(run_id).run_dir
    except UserError as exc:
        return str(exc)
    zh = lang != "English"
    v = verdict(run_dir)
    lines = [f"**{v['reason_zh'] if zh else v['reason_en']}**"]
    report = load_report(run_dir)
    if report and "task" in report:
        lines += [f"- {line}" for line in summary(report, "zh" if zh else "en")]
        head = [t(f"eval_{k}", lang) for k in ("q", "ref", "base", "tuned")]
        rows = [[r["question"], r["reference"], r["base"], r["tuned"]] for r in report.get("examples", [])[:3]]
        if rows:
            cell = lambda s: html.escape(str(s)).replace("|", "\\|").replace("\n", " ")[:200]  # noqa: E731
            lines += ["", "| " + " | ".join(head) + " |", "|---|---|---|---|"]
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def show(run_id: str | None, lang: str, session: dict | None, request: gr.Request = None) -> str:
    with sess.scope(session, request):
        return report_markdown(run_id, lang)


def evaluate_now(run_id: str | None, lang: str, session: dict | None, request: gr.Request = None) -> str:
    from tools.models.evaluate import evaluate_run

    with sess.scope(session, request):
        if run_id:
            try:
                evaluate_run(run_id)
            except UserError as exc:
                raise gr.Error((getattr(exc, "zh", None) if lang != "English" else None) or str(exc)) from None
        return report_markdown(run_id, lang)


def export(run_id: str | None, choice: str, lang: str, session: dict | None, request: gr.Request = None) -> list[str]:
    """Export the selected run and hand the files out through unguessable links (``public_copy``)."""
    from tools.models.export import export_run

    if not run_id:
        raise gr.Error(t("eval_none", lang))
    to, quant = EXPORTS.get(choice, ("gguf", "f16"))
    with sess.scope(session, request):
        try:
            result = export_run(run_id, to=to, quant=quant)
        except UserError as exc:
            raise gr.Error((getattr(exc, "zh", None) if lang != "English" else None) or str(exc)) from None
    files = [Path(f) for f in result["files"]]
    if to == "merged":  # a folder: hand it out as one zip beside it
        files = [Path(shutil.make_archive(str(files[0]), "zip", root_dir=files[0]))]
    return [sess.public_copy(str(f)) for f in files]


def build(runs: gr.Dropdown, session: gr.State, lang: gr.State) -> list[tuple]:
    """The panel under the run's curves; it follows the run selector."""
    with gr.Accordion(t("eval_title"), open=True) as panel:
        report = gr.Markdown(elem_id="eval-report")
        with gr.Row():
            evaluate_btn = gr.Button(t("eval_now"), size="sm", elem_id="eval-now")
            choice = gr.Dropdown(list(EXPORTS), value="GGUF Q8_0", label=t("eval_export"), scale=2, elem_id="export-choice")
            export_btn = gr.Button(t("eval_export"), size="sm", elem_id="export-run")
        downloads = gr.File(label=t("eval_downloads"), file_count="multiple", interactive=False, elem_id="export-files")
    private = {"api_visibility": "private"}
    runs.change(show, [runs, lang, session], [report], **private)
    evaluate_btn.click(evaluate_now, [runs, lang, session], [report], concurrency_limit=1, **private)
    export_btn.click(export, [runs, choice, lang, session], [downloads], concurrency_limit=1, **private)
    return [(panel, "label", "eval_title"), (evaluate_btn, "value", "eval_now"), (export_btn, "value", "eval_export"),
            (choice, "label", "eval_export"), (downloads, "label", "eval_downloads")]


def score_line(run_dir, lang: str = "English") -> str:
    """One line for beside the chat: the run's held-out verdict and score (``tools.models.evaluate.verdict``);
    empty when the run has no report."""
    from tools.models.evaluate import verdict

    v = verdict(run_dir)
    if v["learned"] is None:
        return ""
    return v["reason_en"] if lang == "English" else v["reason_zh"]
