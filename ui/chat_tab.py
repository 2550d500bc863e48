"""The Chat tab: talk to a finished run's model (or any adapter folder), tokens streaming,
optionally side by side with the base model. Public as ``api_name="chat"``.

When the chosen run trained too little to have learned anything (under one epoch, or a
loss that barely moved from its first value), the tab says so above the chat, so a
nonsense reply is not mistaken for what fine-tuning gives.
"""
from __future__ import annotations

import gradio as gr

from tools.errors import UserError
from ui import limits
from ui import session as sess
from ui.i18n import STATES, named, t

FLAT_LOSS = 0.9
"""A last loss above 90% of the first one counts as "still near its start" (a 10% drop is
about the least a run that learned its data shows on the embedded model)."""


def newest_checkpoint(run_dir) -> str | None:
    """A stopped run has no final adapter, but its newest checkpoint is one (Trainer saves the
    LoRA weights in each ``checkpoints/checkpoint-N``)."""
    from pathlib import Path

    found = [(int(p.name.rsplit("-", 1)[1]), p) for p in (Path(run_dir) / "checkpoints").glob("checkpoint-*")
             if p.name.rsplit("-", 1)[1].isdigit() and (p / "adapter_config.json").is_file()]
    return str(max(found)[1]) if found else None


def chat_source(run_id: str | None) -> str | None:
    """What ``target_for`` should load for a run: the run (its adapter), else its newest checkpoint."""
    from tools.train.runs import get_run

    if not run_id:
        return None
    try:
        run = get_run(run_id)
    except UserError:
        return run_id
    return run_id if run.to_dict().get("adapter_dir") else newest_checkpoint(run.run_dir) or run_id


def finished_runs(lang: str = "English") -> list[tuple[str, str]]:
    """Runs that produced an adapter: succeeded ones, and stopped ones that saved a checkpoint."""
    from tools.train.runs import list_runs

    choices = []
    for run in list_runs():
        d = run.to_dict()
        if d.get("adapter_dir") or (d.get("state") in ("stopped", "failed") and newest_checkpoint(run.run_dir)):
            choices.append((f"{d['run_id']} · {named(STATES, d.get('state') or '', lang)}", d["run_id"]))
    return choices


def refresh_runs(current: str | None, lang: str = "English", session: dict | None = None, request: gr.Request = None):
    """This session's finished runs, keeping the current choice if it is still there (else the newest)."""
    with sess.scope(session, request):
        choices = finished_runs(lang)
    ids = [value for _, value in choices]
    value = current if current in ids else (ids[0] if ids else None)
    return gr.Dropdown(choices=choices, value=value), learned_notice(value, lang, session, request)


def learned_notice(run_id: str | None, lang: str = "English", session: dict | None = None, request=None) -> str:
    """A plain sentence when the run was too short to have learned: under one epoch, or its
    last loss still within 10% of its first (see FLAT_LOSS); else nothing."""
    from tools.train.runs import get_run, read_metrics

    if not run_id:
        return ""
    try:
        with sess.scope(session, request):
            run = get_run(run_id)
            metrics = [m for m in read_metrics(run) if m.get("loss") is not None]
    except UserError:
        return ""
    if not metrics:
        return ""
    epochs, first, last = float(metrics[-1].get("epoch") or 0), float(metrics[0]["loss"]), float(metrics[-1]["loss"])
    if epochs < 1:
        return t("too_short", lang).format(run_id=run_id, epochs=f"{epochs:.2g}", steps=metrics[-1].get("step"))
    if len(metrics) > 1 and last > FLAT_LOSS * first:
        return t("flat_loss", lang).format(run_id=run_id, first=f"{first:.3g}", last=f"{last:.3g}")
    from ui.eval_panel import score_line  # H6: the held-out score and verdict (eval.json), when there is one

    return score_line(run.run_dir, lang)


def _history_dicts(history: list) -> list[dict]:
    """Chatbot history (typed content parts) → plain ``{"role", "content"}`` text messages."""
    out = []
    for m in history or []:
        role, content = (m["role"], m["content"]) if isinstance(m, dict) else (m.role, m.content)
        if isinstance(content, list):
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        if isinstance(content, str) and role in ("user", "assistant"):
            out.append({"role": role, "content": content})
    return out


def chat(message: str, tuned: list, base: list, run_id: str | None, adapter_dir: str,
         side_by_side: bool, max_new_tokens: int, temperature: float, session: dict | None = None,
         request: gr.Request = None):
    """Stream the tuned model's reply (side by side: and the base model's, both at once) into their chatbots."""
    from tools.models.adapters import target_for
    from tools.models.chat import GenerationSettings, stream_pair, stream_reply

    if not (message or "").strip():
        yield tuned, base
        return
    refused = limits.refusal(message, [])
    if refused:  # before any work: a huge prompt would hold the one model for minutes
        raise gr.Error(refused)
    try:
        settings = GenerationSettings(max_new_tokens=int(max_new_tokens), temperature=float(temperature))
        with sess.scope(session, request):  # this owner's runs and folders only (tools.models.chat confines)
            target = target_for((adapter_dir or "").strip() or chat_source(run_id))
    except UserError as exc:
        raise gr.Error(str(exc)) from None
    tuned = list(tuned or []) + [{"role": "user", "content": message}]
    reply = {"role": "assistant", "content": ""}
    if side_by_side:  # one batched generate streams both replies (tools.models.chat.stream_pair)
        base = list(base or []) + [{"role": "user", "content": message}]
        base_reply = {"role": "assistant", "content": ""}
        for text, base_text in stream_pair(_history_dicts(tuned), _history_dicts(base), target, settings):
            reply["content"], base_reply["content"] = text, base_text
            yield tuned + [reply], base + [base_reply]
        return
    for text in stream_reply(_history_dicts(tuned), target, settings):
        reply["content"] = text
        yield tuned + [reply], base
    yield tuned + [reply], base


def build(lang: gr.State, tab: gr.Tab, session: gr.State | None = None) -> list[tuple]:
    with gr.Row():
        run = gr.Dropdown(label=t("pick_run"), choices=[], scale=3, elem_id="chat-run")
        adapter_dir = gr.Textbox(label=t("adapter_dir"), scale=3)
        refresh = gr.Button(t("refresh"), size="sm", scale=1)
    notice = gr.Markdown(elem_id="chat-notice")
    with gr.Row():
        side = gr.Checkbox(label=t("side_by_side"), value=False)
        max_new = gr.Slider(1, 1024, value=128, step=1, label=t("max_new_tokens"))
        temperature = gr.Slider(0.0, 2.0, value=0.0, step=0.05, label=t("temperature"))
    with gr.Row():
        tuned = gr.Chatbot(label=t("tuned"), height=420, elem_id="chat-tuned")
        base = gr.Chatbot(label=t("base"), height=420, visible=False, elem_id="chat-base")
    with gr.Row():
        message = gr.Textbox(label=t("message"), scale=5, elem_id="chat-message")
        send = gr.Button(t("send"), variant="primary", scale=1, elem_id="chat-send")

    scope = [lang] + ([session] if session is not None else [])
    for trigger in (tab.select, refresh.click):
        trigger(refresh_runs, [run, *scope], [run, notice], api_visibility="private")
    run.input(learned_notice, [run, *scope], [notice], api_visibility="private")
    side.change(lambda on: gr.Chatbot(visible=on), [side], [base], api_visibility="private")
    inputs = [message, tuned, base, run, adapter_dir, side, max_new, temperature] + ([session] if session is not None else [])
    # A new model starts a new conversation.
    gr.on([run.input, adapter_dir.submit], lambda: ([], []), None, [tuned, base], api_visibility="private")
    # One reply at a time: replies share the one loaded model (see tools/models/chat.py), and the
    # queue shows waiting users their place instead of a silent wait on a lock.
    gr.on([send.click, message.submit], chat, inputs, [tuned, base], api_name="chat", concurrency_limit=1).then(
        lambda: "", None, [message], api_visibility="private")
    return [
        (run, "label", "pick_run"), (adapter_dir, "label", "adapter_dir"), (refresh, "value", "refresh"),
        (side, "label", "side_by_side"), (max_new, "label", "max_new_tokens"), (temperature, "label", "temperature"),
        (tuned, "label", "tuned"), (base, "label", "base"), (message, "label", "message"), (send, "value", "send"),
    ]
