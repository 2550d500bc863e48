"""The Assistant tab: a chat with file upload, tool steps shown as they run, a backend panel.

The chat event is public as ``api_name="assistant"``: it takes the multimodal message
``{"text", "files"}`` and the history, and streams the history back.
"""
from __future__ import annotations

import threading
from typing import Iterator

import gradio as gr

from assistant.steps import Step
from tools.errors import UserError
from ui import session as sess
from ui.i18n import t
from ui.render import render_turn, throttled, user_messages

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


def _steps(session: dict, text: str, files: list[str]) -> Iterator[Step]:
    """The agent's steps, remembering every file it produces in the session."""
    try:
        for step in assistant().stream(session["id"], text, files):
            for path in step.files:
                sess.remember(session, path)
            yield step
    except Exception as exc:  # the agent reports errors as steps; anything else still gets a sentence
        yield Step(kind="error", text=f"The assistant failed: {exc}")


def respond(message: dict | str | None, history: list | None, session: dict | None, lang: str):
    """Stream one turn: the user's message (and uploads), then tool steps and the answer."""
    session = sess.ensure(session)
    if isinstance(message, str):
        message = {"text": message, "files": []}
    message = message or {}
    text = message.get("text") or ""
    uploads = [f if isinstance(f, str) else f.get("path") for f in message.get("files") or []]
    files = [sess.import_upload(session, f) for f in uploads if f]
    history = list(history or []) + user_messages(text, files)
    yield history, session
    if not text.strip() and not files:
        return
    for turn in throttled(render_turn(_steps(session, text, files), lang)):
        yield history + turn, session


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


def build(session: gr.State, lang: gr.State) -> list[tuple]:
    """Lay out the tab and wire its events; returns ``(component, attribute, string key)``
    for everything the language switch relabels."""
    chatbot = gr.Chatbot(label=t("assistant_chat"), height=520, buttons=["copy"], elem_id="assistant-chat",
                         placeholder=t("assistant_welcome"))
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

    box.submit(respond, [box, chatbot, session, lang], [chatbot, session], api_name="assistant")
    # A second listener empties the box at once; both read the message as it was sent.
    box.submit(lambda: gr.MultimodalTextbox(value=None), None, box, api_visibility="private")
    clear.click(clear_conversation, [session], [chatbot], api_visibility="private")
    apply.click(apply_backend, [kind, base_url, api_key, model, session, lang], [session, note], api_visibility="private")
    return [
        (chatbot, "label", "assistant_chat"), (chatbot, "placeholder", "assistant_welcome"), (box, "placeholder", "assistant_input"), (clear, "value", "clear"),
        (settings, "label", "settings"), (kind, "label", "backend"), (kind, "choices", kinds), (apply, "value", "apply"),
        (base_url, "label", "base_url"), (api_key, "label", "api_key"), (model, "label", "model_name"),
    ]
