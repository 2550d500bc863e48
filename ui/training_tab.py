"""The Training tab: runs read back from their run directories (so runs started from the
CLI, or before the app restarted, show too), progress, loss and learning-rate curves,
stop / resume, and a small form to start a run.

The page only reads the run directory; the run is its own process, so closing the
browser never affects it. A 1 s timer polls while the selected run is active and is
switched off otherwise (every open tab fires on each tick).
"""
from __future__ import annotations

import json

import gradio as gr
import pandas as pd

from tools.errors import UserError
from ui import session as sess
from ui.i18n import t

ACTIVE_STATES = {"queued", "running"}
POLL_SECONDS = 1.0
# Raw loss pale, its smoothed curve strong, validation loss apart.
LOSS_COLORS = {"loss": "#93c5fd", "smoothed": "#1d4ed8", "eval_loss": "#f97316"}


def smooth(values: list[float], weight: float = 0.8) -> list[float]:
    """Exponential moving average with bias correction (TensorBoard's smoothing): the
    first points are not dragged towards 0. weight 0.8 ≈ an average over the last ~5 logs."""
    out, avg = [], 0.0
    for i, v in enumerate(values, start=1):
        avg = weight * avg + (1 - weight) * v
        out.append(avg / (1 - weight**i))
    return out


def curves(metrics: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Loss (raw, smoothed, eval) and learning rate as long tables for ``gr.LinePlot``."""
    train = [m for m in metrics if m.get("loss") is not None]
    steps = [m["step"] for m in train]
    losses = [float(m["loss"]) for m in train]
    rows = [(s, v, "loss") for s, v in zip(steps, losses)]
    rows += [(s, v, "smoothed") for s, v in zip(steps, smooth(losses))]
    rows += [(m["step"], float(m["eval_loss"]), "eval_loss") for m in metrics if m.get("eval_loss") is not None]
    loss = pd.DataFrame(rows, columns=["step", "value", "series"])
    lr = pd.DataFrame([(m["step"], float(m["learning_rate"])) for m in train if m.get("learning_rate") is not None],
                      columns=["step", "learning_rate"])
    return loss, lr


def _duration(seconds) -> str:
    if seconds is None:
        return "–"
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def progress_html(info: dict, metrics: list[dict], lang: str = "English") -> str:
    """A progress bar with step/total, elapsed, ETA and tokens/s, from state.json and the last log line."""
    step, total = int(info.get("step") or 0), int(info.get("total_steps") or 0)
    last = next((m for m in reversed(metrics) if m.get("loss") is not None), metrics[-1] if metrics else {})
    pct = 100.0 * step / total if total else 0.0
    eta = last.get("eta_s") if info.get("state") in ACTIVE_STATES else 0
    tps = last.get("tokens_per_s")
    parts = [f"<b>{info.get('state', '?')}</b>", f"{t('step', lang)} {step} / {total or '?'}",
             f"{t('elapsed', lang)} {_duration(last.get('elapsed_s'))}", f"{t('eta', lang)} {_duration(eta)}",
             f"{tps:.0f} tokens/s" if isinstance(tps, (int, float)) else "tokens/s –"]
    error = f"<div style='color:#b91c1c'>{info['error']}</div>" if info.get("error") else ""
    return (f"<div id='run-progress'><progress value='{pct:.1f}' max='100' style='width:100%'></progress>"
            f"<div>{' · '.join(parts)}</div>{error}</div>")


def run_choices() -> list[tuple[str, str]]:
    from tools.runs import list_runs

    choices = []
    for run in list_runs():
        d = run.to_dict()
        choices.append((f"{d['run_id']} · {d.get('state')} · {d.get('step') or 0}/{d.get('total_steps') or '?'}", d["run_id"]))
    return choices


def show_run(run_id: str | None, lang: str = "English"):
    """Everything the tab shows for one run, and whether to keep polling."""
    empty = pd.DataFrame(columns=["step", "value", "series"]), pd.DataFrame(columns=["step", "learning_rate"])
    if not run_id:
        return "", *empty, None, gr.Timer(active=False)
    from tools.runs import get_run, read_metrics

    try:
        run = get_run(run_id)
    except UserError as exc:
        raise gr.Error(str(exc)) from None
    info, metrics = run.to_dict(), read_metrics(run)
    loss, lr = curves(metrics)
    config_path = run.run_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else None
    return progress_html(info, metrics, lang), loss, lr, config, gr.Timer(active=info.get("state") in ACTIVE_STATES)


def poll(run_id: str | None, lang: str = "English"):
    """A timer tick: the selected run, and the run list's states and step counts."""
    return gr.Dropdown(choices=run_choices(), value=run_id), *show_run(run_id, lang)


def _act(action, run_id: str | None) -> None:
    """Apply ``action`` (stop_run or resume_run) to the selected run; its refusal becomes a notice."""
    from tools.runs import get_run

    if run_id:
        try:
            action(get_run(run_id))
        except UserError as exc:
            raise gr.Error(str(exc)) from None


def stop(run_id: str | None, lang: str = "English"):
    from tools.runs import stop_run

    _act(stop_run, run_id)
    return show_run(run_id, lang)


def resume(run_id: str | None, lang: str = "English"):
    from tools.runs import resume_run

    _act(resume_run, run_id)
    return poll(run_id, lang)


def start(dataset: str | None, base_model: str, epochs, learning_rate, max_steps, lang: str = "English"):
    """Start a run from the form; the new run becomes the selected one."""
    from tools.runs import start_training

    if not dataset:
        raise gr.Error("Choose a dataset first (upload one in the Assistant tab).")
    try:
        run = start_training(sess.workspace_file(dataset), base_model=base_model.strip() or None, epochs=epochs or None,
                             learning_rate=learning_rate or None, max_steps=int(max_steps) if max_steps else None)
    except UserError as exc:
        raise gr.Error(str(exc)) from None
    run_id = run.to_dict()["run_id"]
    return gr.Dropdown(choices=run_choices(), value=run_id), *show_run(run_id, lang)


def refresh(run_id: str | None, session: dict | None):
    choices = run_choices()
    ids = [value for _, value in choices]
    selected = run_id if run_id in ids else (ids[0] if ids else None)
    files = sess.file_choices(session)
    return gr.Dropdown(choices=choices, value=selected), gr.Dropdown(choices=files, value=files[0][1] if files else None)


def build(session: gr.State, lang: gr.State, tab: gr.Tab) -> list[tuple]:
    timer = gr.Timer(POLL_SECONDS, active=False)
    with gr.Row():
        runs = gr.Dropdown(label=t("runs"), choices=[], scale=4, elem_id="run-select")
        refresh_btn = gr.Button(t("refresh"), size="sm", scale=1)
    progress = gr.HTML(label=t("progress"))
    with gr.Row():
        loss = gr.LinePlot(x="step", y="value", color="series", label=t("loss"), elem_id="loss-plot",
                           color_map=LOSS_COLORS)
        lr = gr.LinePlot(x="step", y="learning_rate", label=t("lr"))
    with gr.Row():
        stop_btn = gr.Button(t("stop"), variant="stop", size="sm")
        resume_btn = gr.Button(t("resume"), size="sm")
    config = gr.JSON(label=t("config"))
    with gr.Accordion(t("new_run"), open=True) as new_run:
        dataset = gr.Dropdown(label=t("dataset"), choices=[], elem_id="train-dataset")
        base_model = gr.Textbox(label=t("base_model"))
        with gr.Row():
            epochs = gr.Number(label=t("epochs"), value=None, minimum=0)
            learning_rate = gr.Number(label=t("learning_rate"), value=None, minimum=0)
            max_steps = gr.Number(label=t("max_steps"), value=0, precision=0, minimum=0, elem_id="train-max-steps")
        start_btn = gr.Button(t("start"), variant="primary", elem_id="train-start")

    shown = [progress, loss, lr, config, timer]
    for trigger in (tab.select, refresh_btn.click):
        trigger(refresh, [runs, session], [runs, dataset], api_visibility="private").then(
            show_run, [runs, lang], shown, api_visibility="private")
    runs.input(show_run, [runs, lang], shown, api_visibility="private")
    timer.tick(poll, [runs, lang], [runs, *shown], api_visibility="private")
    stop_btn.click(stop, [runs, lang], shown, api_visibility="private")
    resume_btn.click(resume, [runs, lang], [runs, *shown], api_visibility="private")
    start_btn.click(start, [dataset, base_model, epochs, learning_rate, max_steps, lang], [runs, *shown], api_visibility="private")
    return [
        (runs, "label", "runs"), (refresh_btn, "value", "refresh"), (loss, "label", "loss"), (lr, "label", "lr"),
        (stop_btn, "value", "stop"), (resume_btn, "value", "resume"), (config, "label", "config"),
        (new_run, "label", "new_run"), (dataset, "label", "dataset"), (base_model, "label", "base_model"),
        (epochs, "label", "epochs"), (learning_rate, "label", "learning_rate"), (max_steps, "label", "max_steps"),
        (start_btn, "value", "start"),
    ]
