"""Turn an assistant turn (a stream of ``Step``s) into chat messages, as it happens.

Pure generators, no I/O: given the steps, yield the assistant's messages so far after
each one. A tool call becomes a collapsible message titled with the tool's name (its
arguments inside, a spinner while it runs); its result closes it with the duration and
the one-line summary; produced files follow as downloadable file messages; tokens grow
the answer message.
"""
from __future__ import annotations

import json
import time
from typing import Iterable, Iterator, TypeVar

import gradio as gr

from assistant.steps import Step
from ui.i18n import t


def tool_title(name: str, lang: str, ok: bool = True) -> str:
    title = f"{t('tool', lang)} · {name}"
    return title if ok else f"{title} · {t('tool_failed', lang)}"


def _args_block(args: dict) -> str:
    if not args:
        return ""
    return "```json\n" + json.dumps(args, ensure_ascii=False, indent=2) + "\n```"


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
            msg = calls.pop(step.id, None)
            if msg is None:  # a result without its call: show it on its own
                msg = gr.ChatMessage(content="", metadata={})
                messages.append(msg)
            msg.metadata.update(title=tool_title(step.name, lang, step.ok), status="done", duration=round(step.duration, 2))
            msg.content = "\n\n".join(part for part in (msg.content, step.summary) if part)
            messages.extend(gr.ChatMessage(content={"path": path}) for path in step.files)
        elif step.kind == "token":
            if answer is None:
                answer = gr.ChatMessage(content="")
                messages.append(answer)
            answer.content += step.text
        elif step.kind == "answer":
            if answer is None:
                answer = gr.ChatMessage(content="")
                messages.append(answer)
            answer.content = step.text
        elif step.kind == "error":
            messages.append(gr.ChatMessage(content=f"**{step.text}**"))
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
    shown = [gr.ChatMessage(role="user", content={"path": path}) for path in files]
    if text.strip():
        shown.append(gr.ChatMessage(role="user", content=text))
    return shown
