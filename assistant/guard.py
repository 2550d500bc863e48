"""The middleware between the model's tool calls and the tools.

- A tool that raises, an unknown tool name or arguments that do not fit come back as
  the JSON error envelope (``"ok": false`` and a sentence), so a turn never crashes.
- A tool that needs a dataset but got no ``path`` works on the conversation's latest file
  (the newest output of a tool, or the newest attachment), so "convert it" and "train it
  for 3 epochs" after an upload refer to that upload, whichever model is driving.
- ``start_training`` and ``stop_training`` run only when the user's latest message asks
  for them (or confirms a question the assistant just asked). Whatever a model is made
  to believe by text inside a dataset, it cannot start or stop a run on its own; the
  tool answers that it needs the user's confirmation instead.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from langchain.agents.middleware import AgentMiddleware
from langchain_core.messages import ToolMessage

from assistant.attachments import attached_files, strip_attachments
from assistant.nlu import intents

_ASKED = re.compile(r"[?？吗]|confirm|shall i|should i|do you want|确认|要不要|是否", re.I)
# The offline model's own vocabulary (assistant.nlu.intents), so the guard lets through exactly
# what the model acts on: "叫停", "放弃", "quit", "end the run" stop; "冲" confirms; "准备训练" asks.
GUARDED = {"start_training": (intents.asks_to_start, intents.confirms_start),
           "stop_training": (intents.asks_to_stop, intents.says_yes)}
NEEDS_PATH = {"inspect_dataset", "convert_dataset", "add_few_shot", "add_cot", "augment_instructions", "check_quality",
              "start_training"}


class ToolGuard(AgentMiddleware):
    def wrap_tool_call(self, request, handler):
        from assistant.toolset import TOOL_NAMES, envelope, error_envelope

        call = request.tool_call
        name = call["name"]
        if request.tool is None:
            return _reply(call, envelope(
                False, f"There is no tool named '{name}'; the tools are: {', '.join(TOOL_NAMES)}.",
                f"没有名为 '{name}' 的工具;可用的工具有:{'、'.join(TOOL_NAMES)}。"))
        if name in GUARDED and not user_asked(request.state, GUARDED[name]):
            action_en, action_zh = ("start training", "开始训练") if name == "start_training" else ("stop the run", "停止训练")
            return _reply(call, envelope(
                False, f"Not done: the user has not asked to {action_en}. Ask them to confirm first.",
                f"未执行:用户没有要求{action_zh}。请先向用户确认。", {"needs_confirmation": True}))
        request = with_default_path(request)
        if name in NEEDS_PATH and not (request.tool_call.get("args") or {}).get("path"):
            return _reply(call, envelope(
                False, "No dataset yet in this conversation: attach a file (or name one) and ask again.",
                "这次对话里还没有数据集:请上传文件(或写出文件名)后再说一次。", {"needs_file": True}))
        try:
            result = handler(request)
        except Exception as exc:  # noqa: BLE001 - by contract a tool error is a sentence
            return _reply(call, error_envelope(exc, name))
        if isinstance(result, ToolMessage) and not str(result.content).lstrip().startswith("{"):
            # ToolNode's own messages (bad arguments) are plain text: put them in the envelope.
            en = f"The arguments for {name} were not valid: {str(result.content)[:300]}"
            return _reply(call, envelope(False, en, f"{name} 的参数无效:{str(result.content)[:300]}"))
        return result


def with_default_path(request):
    """The request with ``path`` made concrete from the conversation: left out → the latest file;
    a bare name ("qa.csv") → the file of that name attached or produced in this conversation
    (the web app keeps each session's uploads in a folder of its own)."""
    call = request.tool_call
    args = dict(call.get("args") or {})
    known = conversation_files(_messages(request.state))
    path = str(args.get("path") or "").strip()
    if path and "/" not in path and "\\" not in path:
        match = next((f for f in known if f.rsplit("/", 1)[-1] == path), None)
        if match is None:
            return request
        args["path"] = match
    elif not path:
        wanted = call["name"] in NEEDS_PATH or (call["name"] == "suggest_hyperparameters" and not args.get("n_samples"))
        if not wanted or not known:
            return request
        args["path"] = known[0]
    else:
        return request
    return request.override(tool_call={**call, "args": args})


def conversation_files(messages: list) -> list[str]:
    """Files of this conversation, newest first: tools' outputs and the user's attachments
    (within one tool result or message, the last file listed counts as the newest)."""
    found: list[str] = []
    for message in reversed(messages):
        kind = getattr(message, "type", "")
        if kind == "tool":
            try:
                result = json.loads(_text(message))
            except ValueError:
                continue
            if isinstance(result, dict) and result.get("ok"):
                found.extend(reversed([str(f) for f in result.get("files") or []]))
        elif kind == "human":
            found.extend(reversed(attached_files(_text(message))))
    # Run and adapter folders are outputs too, but no tool takes them as its ``path``.
    return [f for f in dict.fromkeys(found) if not Path(f).is_dir()]


def latest_file(messages: list) -> str | None:
    """The newest file in the conversation: a tool's output or an attachment."""
    files = conversation_files(messages)
    return files[0] if files else None


def _reply(call: dict, content: str) -> ToolMessage:
    return ToolMessage(content=content, tool_call_id=call["id"], name=call["name"], status="error")


def _messages(state) -> list:
    return state.get("messages", []) if isinstance(state, dict) else getattr(state, "messages", [])


def user_asked(state, wanted: tuple) -> bool:
    """Whether the latest user message asks for the action (``wanted[0]`` of its text), or answers
    yes to the question the assistant just asked (``wanted[1]``)."""
    asks, confirms = wanted
    messages = _messages(state)
    for i in range(len(messages) - 1, -1, -1):
        if getattr(messages[i], "type", "") != "human":
            continue
        said = strip_attachments(_text(messages[i]))
        if asks(said):
            return True
        before = next((m for m in reversed(messages[:i]) if getattr(m, "type", "") == "ai"), None)
        return bool(before is not None and _ASKED.search(_text(before)) and confirms(said))
    return False


def _text(message) -> str:
    return str(getattr(message, "text", "") or "")  # a str subclass in langchain-core 1.x
