"""The Assistant tab: a chat with file upload, tool steps shown as they run, a backend panel.

The chat event is public as ``api_name="assistant"``: it takes the multimodal message
``{"text", "files"}`` and the history, and streams the history back.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator

import gradio as gr

from assistant.steps import Step
from tools.errors import UserError
from ui import limits
from ui import session as sess
from ui.i18n import agent_lang, t
from ui.render import downloadable, render_turn, throttled, user_messages

UPLOAD_TYPES = [".csv", ".tsv", ".xlsx", ".xls", ".json", ".jsonl", ".txt"]

_assistant = None
_assistant_lock = threading.Lock()


def assistant():
    """The one Assistant: it keeps a separate memory and backend per session id."""
    global _assistant
    with _assistant_lock:
        if _assistant is None:
            from assistant.agent import Assistant

            _assistant = Assistant()
        return _assistant


def forget(session: dict | None) -> None:
    """Gradio deletes a session's state when its tab closes: drop its agent memory too."""
    if session and session.get("id") and _assistant is not None:
        _assistant.reset(session["id"])


def clear_conversation(session: dict | None) -> list:
    """Start over: an empty chat and an agent that has forgotten the conversation (files stay)."""
    forget(session)
    return []


def _stream_kwargs(owner: str) -> dict:
    """``owner=`` when the installed Assistant takes it (the run-ownership contract)."""
    import inspect

    return {"owner": owner} if "owner" in inspect.signature(assistant().stream).parameters else {}


def _run_of(step: Step) -> dict | None:
    """The run card a result carries; a run folder in ``files`` (older tool results) reads as one."""
    run = getattr(step, "run", None)
    if run or step.kind != "tool_result":
        return run
    import json
    from pathlib import Path

    for path in step.files:
        state = Path(path) / "state.json"
        if state.is_file():
            raw = json.loads(state.read_text(encoding="utf-8"))
            return {k: raw.get(k) for k in ("run_id", "state", "step", "total_steps")}
    return None


def _remembered(session: dict, steps: Iterator[Step]) -> Iterator[Step]:
    """Pass the steps on, remembering in the session every file it produced and its newest run."""
    for step in steps:
        for path in downloadable(step.files):
            sess.remember(session, path)
        run = _run_of(step)
        if run and run.get("run_id"):
            step.run = run
            session["run"] = run["run_id"]
        yield step


def _guarded(make_steps, lang: str) -> Iterator[Step]:
    """The steps ``make_steps()`` gives; anything that still goes wrong becomes a sentence,
    never an error badge."""
    try:
        yield from make_steps()
    except Exception as exc:  # noqa: BLE001 - the agent reports errors as steps; anything else still gets a sentence
        zh = getattr(exc, "zh", None)
        yield Step(kind="error", text=t("turn_failed", lang).format(error=zh if zh and lang == "中文" else exc))


def _steps(session: dict, text: str, files: list[str], lang: str = "中文", request=None) -> Iterator[Step]:
    """The agent's steps for one message, acting for this session's owner. The owner travels
    as an argument: Gradio runs each step of a generator in a fresh copy of the context, so a
    ``workspace.scoped`` opened here would not hold across steps."""
    owner = sess.owner_of(session, request)
    yield from _guarded(lambda: _remembered(session, assistant().stream(session["id"], text, files, **_stream_kwargs(owner))), lang)


def respond(message: dict | str | None, history: list | None, session: dict | None, lang: str, request: gr.Request = None):
    """Stream one turn: the user's message (and uploads), then tool steps and the answer."""
    session = sess.ensure(session)
    if isinstance(message, str):
        message = {"text": message, "files": []}
    message = message or {}
    text = message.get("text") or ""
    uploads = [f if isinstance(f, str) else f.get("path") for f in message.get("files") or []]
    history = list(history or [])
    refused = limits.refusal(text, uploads, lang)  # before any work: no client can starve the server
    if refused:
        yield history + [gr.ChatMessage(content=refused)], session
        return
    try:
        with sess.scope(session, request):
            # The same file attached twice is one file (and one copy in the workspace).
            files = list(dict.fromkeys(sess.import_upload(session, f) for f in dict.fromkeys(uploads) if f))
    except Exception as exc:  # noqa: BLE001 - a refused upload is a sentence in the chat
        yield history + [gr.ChatMessage(content=t("turn_failed", lang).format(error=exc))], session
        return
    history += user_messages(text, files)
    yield history, session
    if not text.strip() and not files:
        return
    for turn in throttled(render_turn(_steps(session, text, files, lang, request), lang)):
        yield history + turn, session


def _pending(session: dict | None):
    """The action this session is asked to confirm, if any (None before the contract lands)."""
    if not session or not hasattr(assistant(), "pending"):
        return None
    return assistant().pending(session["id"])


def controls(session: dict | None):
    """Confirm / Cancel show only while an action waits; the run button once a run exists."""
    waiting = _pending(session) is not None
    has_run = bool((session or {}).get("run"))
    return gr.update(visible=waiting), gr.update(visible=waiting), gr.update(visible=has_run)


def confirm(history: list | None, session: dict | None, lang: str, request: gr.Request = None):
    """The Confirm button: run the pending action and stream its steps into the chat."""
    session = sess.ensure(session)
    history = list(history or [])
    if _pending(session) is None:
        yield history + [gr.ChatMessage(content=t("nothing_pending", lang))], session
        return
    owner = sess.owner_of(session, request)

    steps = _guarded(lambda: _remembered(session, assistant().confirm(session["id"], lang=agent_lang(lang), owner=owner)), lang)
    for turn in throttled(render_turn(steps, lang)):
        yield history + turn, session


def cancel(history: list | None, session: dict | None, lang: str):
    """The Cancel button: drop the pending action; nothing runs."""
    session = sess.ensure(session)
    if _pending(session) is not None:
        assistant().cancel(session["id"])
        note = t("cancelled", lang)
    else:
        note = t("nothing_pending", lang)
    return list(history or []) + [gr.ChatMessage(content=note)], session


def apply_backend(kind: str, base_url: str, api_key: str, model: str, session: dict | None, lang: str):
    """Switch this session's backend; other sessions keep theirs."""
    session = sess.ensure(session)
    if kind == "openai":
        if not base_url.strip() or not model.strip():
            raise gr.Error(t("backend_missing", lang))
        backend = {"kind": "openai", "base_url": base_url.strip(), "api_key": api_key.strip(), "model": model.strip()}
        note = t("backend_set_openai", lang).format(url=backend["base_url"], model=backend["model"])
    else:
        backend, note = {"kind": "offline"}, t("backend_set_offline", lang)
    try:
        assistant().configure(session["id"], backend)
    except UserError as exc:
        raise gr.Error(str(exc)) from None
    session["backend"] = {**backend, "api_key": "***" if backend.get("api_key") else ""}
    return session, note


def build(session: gr.State, lang: gr.State) -> tuple[list[tuple], gr.Button]:
    """Lay out the tab and wire its events; returns ``(component, attribute, string key)``
    for everything the language switch relabels, and the button that opens the session's
    newest run in the Training tab (app.py wires it to that tab)."""
    chatbot = gr.Chatbot(label=t("assistant_chat"), height=520, buttons=["copy"], elem_id="assistant-chat",
                         placeholder=t("assistant_welcome"))
    with gr.Row():
        yes = gr.Button(t("confirm"), variant="primary", visible=False, elem_id="assistant-confirm")
        no = gr.Button(t("cancel"), visible=False, elem_id="assistant-cancel")
        open_run = gr.Button(t("open_run"), size="sm", visible=False, elem_id="assistant-open-run")
    box = gr.MultimodalTextbox(
        placeholder=t("assistant_input"), show_label=False, file_types=UPLOAD_TYPES,
        file_count="multiple", sources=["upload"], elem_id="assistant-input",
    )
    clear = gr.Button(t("clear"), size="sm")
    with gr.Accordion(t("settings"), open=False, elem_id="backend-settings") as settings:
        kinds = [("backend_offline", "offline"), ("backend_openai", "openai")]
        kind = gr.Radio([(t(k), v) for k, v in kinds], value="offline", label=t("backend"))
        with gr.Row():
            base_url = gr.Textbox(label=t("base_url"), placeholder="https://api.openai.com/v1")
            api_key = gr.Textbox(label=t("api_key"), type="password")
            model = gr.Textbox(label=t("model_name"), placeholder="gpt-4o-mini")
        apply = gr.Button(t("apply"), size="sm")
        note = gr.Markdown()

    buttons = [yes, no, open_run]
    box.submit(respond, [box, chatbot, session, lang], [chatbot, session], api_name="assistant").then(
        controls, [session], buttons, api_visibility="private")
    # A second listener empties the box at once; both read the message as it was sent.
    box.submit(lambda: gr.MultimodalTextbox(value=None), None, box, api_visibility="private")
    # Hide the buttons at once (no double click), then act and show what is left to confirm.
    for button, handler in ((yes, confirm), (no, cancel)):
        button.click(lambda: (gr.update(visible=False), gr.update(visible=False)), None, [yes, no],
                     api_visibility="private").then(
            handler, [chatbot, session, lang], [chatbot, session], api_visibility="private").then(
            controls, [session], buttons, api_visibility="private")
    clear.click(clear_conversation, [session], [chatbot], api_visibility="private")
    apply.click(apply_backend, [kind, base_url, api_key, model, session, lang], [session, note], api_visibility="private")
    return [
        (chatbot, "label", "assistant_chat"), (chatbot, "placeholder", "assistant_welcome"), (box, "placeholder", "assistant_input"), (clear, "value", "clear"),
        (settings, "label", "settings"), (kind, "label", "backend"), (kind, "choices", kinds), (apply, "value", "apply"),
        (base_url, "label", "base_url"), (api_key, "label", "api_key"), (model, "label", "model_name"),
        (yes, "value", "confirm"), (no, "value", "cancel"), (open_run, "value", "open_run"),
    ], open_run
