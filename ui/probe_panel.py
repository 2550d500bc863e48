"""The Training tab's learning-rate probe (``tools/train/probes.py``), beside the new-run form's advice.

For the chosen file: the probe's size and time estimate (shown before anything starts), a button
that starts it (the button is the person's go-ahead), a stop button, and the curve (training and
held-out loss against log10 of the learning rate) with the advice it implies. A timer follows the
probe while it runs; the probe is its own process, so closing the page never affects it.
Built once from ``ui/training_tab.py``.
"""
from __future__ import annotations

import math

import gradio as gr
import pandas as pd

from tools.errors import UserError
from ui import session as sess
from ui.i18n import STRINGS, t

STRINGS.update({k: v for k, v in {  # key: (中文, English), registered for the language switch
    "probe_title": ("学习率探测", "Learning-rate probe"),
    "probe_start": ("探测学习率", "Probe learning rate"),
    "probe_stop": ("停止探测", "Stop probe"),
    "probe_plot": ("损失与学习率", "Loss vs learning rate"),
    "probe_pick": ("先选择一个数据集。", "Choose a dataset first."),
}.items() if k not in STRINGS})
ACTIVE = ("queued", "running")


def _sentence(exc: UserError, lang: str) -> str:
    return (exc.zh or str(exc)) if lang != "English" else str(exc)


def estimate_text(dataset: str | None, lang: str = "English", session: dict | None = None, request: gr.Request = None) -> str:
    """What a probe of the chosen file would take, before it starts."""
    from tools.train.estimate import minutes
    from tools.train.probes import estimate

    if not dataset:
        return t("probe_pick", lang)
    try:
        with sess.scope(session, request):
            d = estimate(sess.workspace_file(dataset))
    except UserError as exc:
        return _sentence(exc, lang)
    if lang == "English":
        return (f"A probe trains {d['steps']} steps on {d['samples_used']} of {d['samples_in_file']} samples "
                f"({d['held_out_samples']} held out) with the learning rate rising from 1e-5 to 1e-2: about "
                f"{minutes(d['estimated_s'])} here.")
    return (f"探测会在 {d['samples_in_file']} 条样本中抽取 {d['samples_used']} 条(留出 {d['held_out_samples']} 条),"
            f"训练 {d['steps']} 步,学习率从 1e-5 升到 1e-2:在本机约需 {minutes(d['estimated_s'], 'zh')}。")


def curve_frame(result: dict | None, lang: str = "English") -> pd.DataFrame:
    """Long table for ``gr.LinePlot``: log10 of the learning rate, loss, series (train / held-out)."""
    from ui.i18n import SERIES, named

    train_name, held_name = named(SERIES, "train", lang), named(SERIES, "held-out", lang)
    rows = []
    for lr, train, held in zip(*((result or {}).get(k) or [] for k in ("lrs", "train_losses", "held_losses"))):
        rows.append({"log10_lr": round(math.log10(lr), 3), "loss": train, "series": train_name})
        if held is not None:
            rows.append({"log10_lr": round(math.log10(lr), 3), "loss": held, "series": held_name})
    return pd.DataFrame(rows, columns=["log10_lr", "loss", "series"])


def show(lang: str = "English", session: dict | None = None, request: gr.Request = None):
    """The session's newest probe: its words, its curve, the timer and the stop button."""
    from tools.train.probes import read_probe

    try:
        with sess.scope(session, request):
            info = read_probe()
    except UserError:
        return "", curve_frame(None), gr.Timer(active=False), gr.Button(interactive=False)
    result, active = info["result"] or {}, info["state"] in ACTIVE
    if info["state"] == "failed":
        words = (info.get("error_zh") or info["error"]) if lang != "English" else info["error"]
    elif active:
        words = f"{info['step']}/{info['total_steps']}…"
    else:
        words = result.get("en" if lang == "English" else "zh", "")
    return words or "", curve_frame(result, lang), gr.Timer(active=active), gr.Button(interactive=active)


def start(dataset: str | None, lang: str = "English", session: dict | None = None, request: gr.Request = None):
    from tools.train.probes import start_probe

    if not dataset:
        return t("probe_pick", lang), curve_frame(None), gr.Timer(active=False), gr.Button(interactive=False)
    try:
        with sess.scope(session, request):
            start_probe(sess.workspace_file(dataset))
    except UserError as exc:
        return _sentence(exc, lang), curve_frame(None), gr.Timer(active=False), gr.Button(interactive=False)
    return show(lang, session, request)


def stop(lang: str = "English", session: dict | None = None, request: gr.Request = None):
    from tools.train.probes import stop_probe

    try:
        with sess.scope(session, request):
            stop_probe()
    except UserError as exc:
        return _sentence(exc, lang), curve_frame(None), gr.Timer(active=False), gr.Button(interactive=False)
    return show(lang, session, request)


def build(dataset: gr.Dropdown, session: gr.State, lang: gr.State) -> list[tuple]:
    """The panel under the new-run form; it follows the dataset selector."""
    timer = gr.Timer(2.0, active=False)
    with gr.Accordion(t("probe_title"), open=False) as panel:
        words = gr.Markdown(elem_id="probe-words")
        with gr.Row():
            start_btn = gr.Button(t("probe_start"), size="sm", elem_id="probe-start")
            stop_btn = gr.Button(t("probe_stop"), variant="stop", size="sm", interactive=False, elem_id="probe-stop")
        plot = gr.LinePlot(x="log10_lr", y="loss", color="series", label=t("probe_plot"), elem_id="probe-plot",
                           x_title=t("axis_log10_lr"), y_title=t("axis_loss"), color_title=t("axis_series"))
    private = {"api_visibility": "private"}
    shown = [words, plot, timer, stop_btn]
    dataset.change(estimate_text, [dataset, lang, session], [words], **private)
    start_btn.click(start, [dataset, lang, session], shown, concurrency_limit=1, **private)
    stop_btn.click(stop, [lang, session], shown, **private)
    timer.tick(show, [lang, session], shown, **private)
    return [(panel, "label", "probe_title"), (start_btn, "value", "probe_start"), (stop_btn, "value", "probe_stop"),
            (plot, "label", "probe_plot"), (plot, "x_title", "axis_log10_lr"), (plot, "y_title", "axis_loss"),
            (plot, "color_title", "axis_series")]
