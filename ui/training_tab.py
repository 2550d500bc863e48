"""The Training tab: runs read back from their run directories (so runs started from the
CLI, or before the app restarted, show too), progress, loss and learning-rate curves,
stop / resume, and a small form to start a run.

The page only reads the run directory; the run is its own process, so closing the
browser never affects it. A 1 s timer polls while the selected run is active and is
switched off otherwise (every open tab fires on each tick).
"""
from __future__ import annotations

import html
import json

import gradio as gr
import pandas as pd

from tools.errors import UserError
from ui import session as sess
from ui.i18n import SERIES, STATES, named, t

ACTIVE_STATES = {"queued", "running"}
RESUMABLE = {"stopped", "failed"}
POLL_SECONDS = 1.0
# Raw loss pale, its smoothed curve strong, validation loss apart.
_COLORS = {"loss": "#93c5fd", "smoothed": "#1d4ed8", "eval_loss": "#f97316"}
# One colour per series, under its name in either language (the legend follows the UI language).
LOSS_COLORS = {name: color for key, color in _COLORS.items() for name in SERIES[key]}


def smooth(values: list[float], weight: float = 0.8) -> list[float]:
    """Exponential moving average with bias correction (TensorBoard's smoothing): the
    first points are not dragged towards 0. weight 0.8 ≈ an average over the last ~5 logs."""
    out, avg = [], 0.0
    for i, v in enumerate(values, start=1):
        avg = weight * avg + (1 - weight) * v
        out.append(avg / (1 - weight**i))
    return out


def curves(metrics: list[dict], lang: str = "English") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Loss (raw, smoothed, eval) and learning rate as long tables for ``gr.LinePlot``; the series are
    named in ``lang``."""
    train = [m for m in metrics if m.get("loss") is not None]
    steps = [m["step"] for m in train]
    losses = [float(m["loss"]) for m in train]
    raw, smoothed, held = (named(SERIES, key, lang) for key in ("loss", "smoothed", "eval_loss"))
    rows = [(s, v, raw) for s, v in zip(steps, losses)]
    rows += [(s, v, smoothed) for s, v in zip(steps, smooth(losses))]
    rows += [(m["step"], float(m["eval_loss"]), held) for m in metrics if m.get("eval_loss") is not None]
    loss = pd.DataFrame(rows, columns=["step", "value", "series"])
    lr = pd.DataFrame([(m["step"], float(m["learning_rate"])) for m in train if m.get("learning_rate") is not None],
                      columns=["step", "learning_rate"])
    return loss, lr


def shown_config(config: dict | None, lang: str) -> dict | None:
    """The run's config as shown: the advice's reasons in the UI language only (a run records both)."""
    if not config or not isinstance(config.get("extra"), dict):
        return config
    extra = dict(config["extra"])
    zh = extra.pop("advice_zh", None)
    if lang != "English":
        extra["advice"] = zh or []  # an older run recorded English reasons only: show none rather than English
    return {**config, "extra": extra}


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
    speed = f"{tps:.0f} {t('tokens_per_s', lang)}" if isinstance(tps, (int, float)) else f"{t('tokens_per_s', lang)} –"
    parts = [f"<b>{named(STATES, info.get('state') or '?', lang)}</b>", f"{t('step', lang)} {step} / {total or '?'}",
             f"{t('elapsed', lang)} {_duration(last.get('elapsed_s'))}", f"{t('eta', lang)} {_duration(eta)}", speed]
    error = f"<div style='color:#b91c1c'>{html.escape(str(info['error']))}</div>" if info.get("error") else ""
    return (f"<div id='run-progress'><progress value='{pct:.1f}' max='100' style='width:100%'></progress>"
            f"<div>{' · '.join(parts)}</div>{error}</div>")


def run_choices(lang: str = "English") -> list[tuple[str, str]]:
    """(label, run id) of the runs this scope sees: id · state in the UI language · step/total."""
    from tools.train.runs import list_runs

    choices = []
    for run in list_runs():
        d = run.to_dict()
        label = f"{d['run_id']} · {named(STATES, d.get('state') or '', lang)} · {d.get('step') or 0}/{d.get('total_steps') or '?'}"
        choices.append((label, d["run_id"]))
    return choices


def buttons(state: str | None):
    """Stop only while a run can be stopped; Resume only for a stopped or failed run."""
    return gr.Button(interactive=state in ACTIVE_STATES), gr.Button(interactive=state in RESUMABLE)


def _empty():
    return pd.DataFrame(columns=["step", "value", "series"]), pd.DataFrame(columns=["step", "learning_rate"])


def show_run(run_id: str | None, lang: str = "English", session: dict | None = None, request: gr.Request = None):
    """Everything the tab shows for one run, whether to keep polling and which buttons act.
    A run this session cannot see (another session's) shows as nothing selected."""
    from tools.train.runs import get_run, read_metrics

    run = None
    if run_id:
        try:
            with sess.scope(session, request):
                run = get_run(run_id)
        except UserError:
            run = None
    if run is None:
        return "", *_empty(), None, gr.Timer(active=False), *buttons(None)
    info, metrics = run.to_dict(), read_metrics(run)
    loss, lr = curves(metrics, lang)
    config_path = run.run_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else None
    config = shown_config(config, lang)
    state = info.get("state")
    return (progress_html(info, metrics, lang), loss, lr, config, gr.Timer(active=state in ACTIVE_STATES),
            *buttons(state))


def _runs(session: dict | None, request=None, lang: str = "English") -> list[tuple[str, str]]:
    with sess.scope(session, request):
        return run_choices(lang)


def poll(run_id: str | None, lang: str = "English", session: dict | None = None, request: gr.Request = None):
    """A timer tick: the selected run, and the run list's states and step counts."""
    return gr.Dropdown(choices=_runs(session, request, lang), value=run_id), *show_run(run_id, lang, session, request)


def _act(name: str, run_id: str | None, lang: str, session: dict | None, request=None) -> str:
    """Stop or resume the selected run; a run in the wrong state gets a sentence, not an error."""
    from tools.train import runs

    if not run_id:
        return ""
    try:
        with sess.scope(session, request):
            info = runs.get_run(run_id)
            allowed = ACTIVE_STATES if name == "stop" else RESUMABLE
            if info.state not in allowed:
                state = named(STATES, info.state, lang)
                return t("cannot_stop" if name == "stop" else "cannot_resume", lang).format(run_id=run_id, state=state)
            (runs.stop_run if name == "stop" else runs.resume_run)(info)
    except UserError as exc:
        return _sentence(exc, lang)
    return t("stopped_run" if name == "stop" else "resumed_run", lang).format(run_id=run_id)


def _sentence(exc: UserError, lang: str) -> str:
    zh = getattr(exc, "zh", None)
    return zh if zh and lang != "English" else str(exc)


def stop(run_id: str | None, lang: str = "English", session: dict | None = None, request: gr.Request = None):
    note = _act("stop", run_id, lang, session, request)
    return note, *poll(run_id, lang, session, request)


def resume(run_id: str | None, lang: str = "English", session: dict | None = None, request: gr.Request = None):
    note = _act("resume", run_id, lang, session, request)
    return note, *poll(run_id, lang, session, request)


def _number(value):
    """An empty box (None, or a stray 0) means "use the suggested value"."""
    return value if value not in (None, 0, "") else None


# The form's element ids (the browser tests find the boxes by them).
_FORM_IDS = {"epochs": "train-epochs", "learning_rate": "train-lr", "max_steps": "train-max-steps", "mix_general": "train-mix"}


def form_fields() -> list:
    """The form's number boxes, one per ``tools.train.trainconfig.FORM_OPTIONS`` field, typed by the field (an int
    takes no decimals); empty means "as advised". The general-data share is asked in percent (0–100)."""
    from tools.train.trainconfig import FORM_OPTIONS, option_kind

    return [gr.Number(label=t(name), value=None, minimum=0, maximum=100 if name == "mix_general" else None,
                      precision=0 if option_kind(name) == "int" else None, elem_id=_FORM_IDS[name])
            for name in FORM_OPTIONS]


def start(dataset: str | None, base_model: str, epochs, learning_rate, max_steps, mix_percent=None, lang: str = "English",
          session: dict | None = None, request: gr.Request = None):
    """Start a run from the form; the new run becomes the selected one. Problems are a sentence.
    ``mix_percent``: general data mixed in, in percent of the task samples (the manual's remedy for forgetting)."""
    from tools.train.runs import start_training

    if not dataset:
        return t("choose_dataset", lang), *poll(None, lang, session, request)
    try:
        with sess.scope(session, request):
            steps, mix = _number(max_steps), _number(mix_percent)
            run = start_training(sess.workspace_file(dataset), base_model=(base_model or "").strip() or None,
                                 epochs=_number(epochs), learning_rate=_number(learning_rate),
                                 max_steps=int(steps) if steps else None, **({"mix_general": mix / 100} if mix else {}))
    except UserError as exc:
        return _sentence(exc, lang), *poll(None, lang, session, request)
    run_id = run.to_dict()["run_id"]
    session = sess.ensure(session)
    session["run"] = run_id
    return "", *poll(run_id, lang, session, request)


_READABLE: dict[tuple[str, float], int | None] = {}


def sample_count(path: str) -> int | None:
    """How many usable samples a file holds, or None when it cannot be read (cached per version)."""
    from pathlib import Path

    from tools.data.formats import read_dataset

    try:
        key = (path, Path(path).stat().st_mtime)
    except OSError:
        return None
    if key not in _READABLE:
        try:
            _READABLE[key] = len(read_dataset(path).samples) or None
        except (UserError, OSError, ValueError):
            _READABLE[key] = None
    return _READABLE[key]


def dataset_choices(session: dict | None, lang: str = "English"):
    """The session's files that can be trained on, and a note naming the ones that cannot."""
    good, bad = [], []
    for name, path in sess.file_choices(session):
        (good if sample_count(path) else bad).append((name, path))
    note = t("unreadable_note", lang).format(names=", ".join(f"{n} ({t('unreadable', lang)})" for n, _ in bad)) if bad else ""
    return good, note


def placeholders(dataset: str | None, lang: str = "English"):
    """The suggested epochs and learning rate for the chosen file, shown in the empty boxes."""
    from tools.train.hparams import suggest

    n = sample_count(dataset) if dataset else None
    if not n:
        return gr.Number(placeholder=None), gr.Number(placeholder=None)
    advice = suggest(n_samples=n)
    return gr.Number(placeholder=f"{round(advice.epochs)}"), gr.Number(placeholder=f"{advice.learning_rate:g}")


def refresh(run_id: str | None, session: dict | None, lang: str = "English", request: gr.Request = None):
    choices = _runs(session, request, lang)
    ids = [value for _, value in choices]
    selected = run_id if run_id in ids else (ids[0] if ids else None)
    files, note = dataset_choices(session, lang)
    current = (session or {}).get("dataset")
    value = current if current in [p for _, p in files] else (files[0][1] if files else None)
    return gr.Dropdown(choices=choices, value=selected), gr.Dropdown(choices=files, value=value), note


def open_from_chat(session: dict | None, lang: str = "English", request: gr.Request = None):
    """The chat's run card: select the session's newest run."""
    run_id = (session or {}).get("run")
    return poll(run_id, lang, session, request)


def build(session: gr.State, lang: gr.State, tab: gr.Tab, opener: gr.Button | None = None) -> list[tuple]:
    timer = gr.Timer(POLL_SECONDS, active=False)
    with gr.Row():
        runs = gr.Dropdown(label=t("runs"), choices=[], scale=4, elem_id="run-select")
        refresh_btn = gr.Button(t("refresh"), size="sm", scale=1)
    progress = gr.HTML(label=t("progress"))
    with gr.Row():
        loss = gr.LinePlot(x="step", y="value", color="series", label=t("loss"), elem_id="loss-plot", color_map=LOSS_COLORS,
                           x_title=t("axis_step"), y_title=t("axis_loss"), color_title=t("axis_series"))
        lr = gr.LinePlot(x="step", y="learning_rate", label=t("lr"), x_title=t("axis_step"), y_title=t("axis_lr"))
    with gr.Row():
        stop_btn = gr.Button(t("stop"), variant="stop", size="sm", interactive=False, elem_id="run-stop")
        resume_btn = gr.Button(t("resume"), size="sm", interactive=False, elem_id="run-resume")
    notice = gr.Markdown(elem_id="run-notice")
    config = gr.JSON(label=t("config"))
    # --- H6's evaluation report: `ui/eval_panel.py: build(...)` is called once here. ---
    from ui import eval_panel

    eval_labels = eval_panel.build(runs, session, lang)
    with gr.Accordion(t("new_run"), open=True) as new_run:
        dataset = gr.Dropdown(label=t("dataset"), choices=[], elem_id="train-dataset")
        unreadable = gr.Markdown(elem_id="train-unreadable")
        base_model = gr.Textbox(label=t("base_model"))
        with gr.Row():
            epochs, learning_rate, max_steps, mix = form_fields()
        start_btn = gr.Button(t("start"), variant="primary", elem_id="train-start")
    from ui import probe_panel  # the learning-rate probe for the chosen file (issue 17)

    probe_labels = probe_panel.build(dataset, session, lang)

    shown = [progress, loss, lr, config, timer, stop_btn, resume_btn]
    private = {"api_visibility": "private"}
    for trigger in (tab.select, refresh_btn.click):
        trigger(refresh, [runs, session, lang], [runs, dataset, unreadable], **private).then(
            show_run, [runs, lang, session], shown, **private).then(
            placeholders, [dataset, lang], [epochs, learning_rate], **private)
    dataset.change(placeholders, [dataset, lang], [epochs, learning_rate], **private)
    runs.input(show_run, [runs, lang, session], shown, **private)
    timer.tick(poll, [runs, lang, session], [runs, *shown], **private)
    stop_btn.click(stop, [runs, lang, session], [notice, runs, *shown], **private)
    resume_btn.click(resume, [runs, lang, session], [notice, runs, *shown], **private)
    start_btn.click(start, [dataset, base_model, epochs, learning_rate, max_steps, mix, lang, session],
                    [notice, runs, *shown], **private)
    if opener is not None:
        opener.click(open_from_chat, [session, lang], [runs, *shown], **private)
    return [
        (runs, "label", "runs"), (refresh_btn, "value", "refresh"), (progress, "label", "progress"), (loss, "label", "loss"), (lr, "label", "lr"),
        (loss, "x_title", "axis_step"), (loss, "y_title", "axis_loss"), (loss, "color_title", "axis_series"),
        (lr, "x_title", "axis_step"), (lr, "y_title", "axis_lr"),
        (stop_btn, "value", "stop"), (resume_btn, "value", "resume"), (config, "label", "config"),
        (new_run, "label", "new_run"), (dataset, "label", "dataset"), (base_model, "label", "base_model"),
        (epochs, "label", "epochs"), (learning_rate, "label", "learning_rate"), (max_steps, "label", "max_steps"),
        (mix, "label", "mix_general"), (start_btn, "value", "start"), *eval_labels, *probe_labels,
    ]
