"""Turn an assistant turn (a stream of ``Step``s) into chat messages, as it happens.

Pure generators, no I/O beyond asking whether a path is a folder: given the steps, yield
the assistant's messages so far after each one. A tool call becomes a collapsible message
titled with what the tool does, in the UI language (its arguments inside, a spinner while
it runs); its result closes it with the duration and the one-line summary; produced files
follow as downloadable file messages (never a folder: Gradio cannot send one); a run
becomes a run card; an action that waits for the person's yes becomes a pending card;
tokens grow the answer message. A failure is a plain sentence in the answer, never an
error badge.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import gradio as gr

from assistant.steps import Step
from ui.i18n import STATES, TOOLS, named, t
from ui.session import public_copy


def tool_title(name: str, lang: str, ok: bool = True) -> str:
    title = named(TOOLS, name, lang)
    return title if ok else f"{title} · {t('tool_failed', lang)}"


def _args_block(args: dict) -> str:
    if not args:
        return ""
    return "```json\n" + json.dumps(args, ensure_ascii=False, indent=2) + "\n```"


def downloadable(files: Iterable[str]) -> list[str]:
    """The files a chat may offer for download: existing files only; a folder (a run
    directory) never is one."""
    return [f for f in files or [] if f and Path(f).is_file()]


def run_card(run: dict, lang: str) -> str:
    """A run as one line of Markdown: id, state in the UI language, step / total."""
    text = t("run_card", lang).format(run_id=run.get("run_id", "?"), state=named(STATES, run.get("state") or "", lang),
                                      step=run.get("step") or 0, total=run.get("total_steps") or "?")
    return f"**{text}**\n\n{t('run_card_hint', lang)}"


def pending_card(step: Step, lang: str) -> str:
    """The action that waits and how to confirm it; the plan itself (file, epochs, learning rate,
    batch, time) is the tool's sentence, shown once in the answer below, not repeated here."""
    return f"**{t('pending_title', lang)} · {named(TOOLS, step.name, lang)}** — {t('pending_hint', lang)}"


def _result(step: Step, calls: dict, messages: list, lang: str) -> None:
    msg = calls.pop(step.id, None)
    if msg is None:  # a result without its call: show it on its own
        msg = gr.ChatMessage(content="", metadata={})
        messages.append(msg)
    msg.metadata.update(title=tool_title(step.name, lang, step.ok), status="done", duration=round(step.duration, 2))
    msg.content = "\n\n".join(part for part in (msg.content, step.summary) if part)
    messages.extend(gr.ChatMessage(content={"path": public_copy(path)}) for path in downloadable(step.files))
    run = getattr(step, "run", None)
    if run and run.get("run_id"):
        messages.append(gr.ChatMessage(content=run_card(run, lang)))


def render_turn(steps: Iterable[Step], lang: str = "中文") -> Iterator[list[gr.ChatMessage]]:
    """Yield the list of assistant messages of this turn after every step.

    The same message objects are updated in place (a tool call's message is closed by
    its result; the answer grows token by token), and a fresh list is yielded so the
    caller can append it to the history it already shows.
    """
    messages: list[gr.ChatMessage] = []
    calls: dict[str, gr.ChatMessage] = {}
    answer: gr.ChatMessage | None = None
    for step in steps:
        if step.kind == "tool_call":
            msg = gr.ChatMessage(
                content=_args_block(step.args),
                metadata={"title": tool_title(step.name, lang), "status": "pending", "id": step.id or f"call-{len(calls)}"},
            )
            calls[step.id] = msg
            messages.append(msg)
        elif step.kind == "tool_result":
            _result(step, calls, messages, lang)
        elif step.kind == "pending":
            messages.append(gr.ChatMessage(content=pending_card(step, lang)))
        elif step.kind in ("token", "answer", "error"):
            if answer is None:
                answer = gr.ChatMessage(content="")
                messages.append(answer)
            if step.kind == "token":
                answer.content += step.text
            elif step.kind == "answer" or not answer.content:
                answer.content = step.text
            else:  # an error after part of an answer: the sentence follows it
                answer.content += "\n\n" + step.text
        yield list(messages)
    if calls:  # a call the turn never answered: no spinner left turning
        for msg in calls.values():
            msg.metadata["status"] = "done"
        yield list(messages)


T = TypeVar("T")


def throttled(frames: Iterable[T], every: float = 0.05) -> Iterator[T]:
    """Pass on at most one frame per ``every`` seconds, and always the last one.

    Each frame sent makes Gradio re-process and diff the whole history: a 56-token answer
    sent token by token cost ~1 s of server CPU per turn; at 20 frames/s it still reads as
    streaming.
    """
    last, pending = float("-inf"), None
    for frame in frames:
        now = time.monotonic()
        if now - last >= every:
            last, pending = now, None
            yield frame
        else:
            pending = frame
    if pending is not None:
        yield pending


def user_messages(text: str, files: list[str]) -> list[gr.ChatMessage]:
    """The user's side of a turn: one message per uploaded file, then the text."""
    shown = [gr.ChatMessage(role="user", content={"path": public_copy(path)}) for path in files]
    if text.strip():
        shown.append(gr.ChatMessage(role="user", content=text))
    return shown
