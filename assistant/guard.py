"""The middleware between the model's tool calls and the tools.

- Every tool runs for the conversation's owner: ``workspace.scoped(owner)``, the owner coming
  from the langgraph runtime context (:class:`TurnContext`), so one session never reads another's
  files or acts on another's runs.
- A consequential tool (start, stop, resume training; anything that deletes) never runs from a
  model's call, whatever the words around it: the guard asks its planner what it would do and
  returns that plan as a pending action (``ToolResult.pending``). The session keeps it until the
  person confirms (``assistant.consent``). So a question, a hypothetical or an instruction
  hidden in a dataset can at most leave a plan waiting.
- A tool that raises, an unknown tool name or arguments that do not fit come back as the error
  envelope (``"ok": false`` and a sentence in both languages), so a turn never crashes.
- A tool that needs a dataset but got no ``path`` works on the conversation's newest file (the
  newest output of a tool, or the newest attachment), so "convert it" and "train it" after an
  upload refer to that upload, whichever model is driving.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from langchain.agents.middleware import AgentMiddleware
from langchain_core.messages import ToolMessage

from assistant import consent
from assistant.attachments import attached_files
from assistant.envelope import ToolResult, envelope, error_envelope
from assistant.nlu import replies
from assistant.paths import NEEDS_PATH
from tools import workspace


@dataclass
class TurnContext:
    """What every tool call of a turn needs to know besides its arguments (langgraph runtime context)."""

    owner: str | None = None


class ToolGuard(AgentMiddleware):
    def wrap_tool_call(self, request, handler):
        from assistant.toolset import TOOL_NAMES

        call = request.tool_call
        name = call["name"]
        if request.tool is None:
            return _reply(call, envelope(
                False, f"There is no tool named '{name}'; the tools are: {', '.join(TOOL_NAMES)}.",
                f"没有名为 '{name}' 的工具;可用的工具有:{'、'.join(TOOL_NAMES)}。"))
        with workspace.scoped(owner_of(request)):
            request = with_default_path(request)
            if name in NEEDS_PATH and not (request.tool_call.get("args") or {}).get("path"):
                return _reply(call, envelope(False, *replies.needs_file(name), {"needs_file": True}))
            if consent.is_consequential(request.tool):
                return _reply(call, plan(request.tool, dict(request.tool_call.get("args") or {})))
            try:
                result = handler(request)
            except Exception as exc:  # noqa: BLE001 - by contract a tool error is a sentence
                return _reply(call, error_envelope(exc, name))
        if isinstance(result, ToolMessage) and not str(result.content).lstrip().startswith("{"):
            # ToolNode's own messages (bad arguments) are plain text: put them in the envelope.
            en = f"The arguments for {name} were not valid: {str(result.content)[:300]}"
            return _reply(call, envelope(False, en, f"{name} 的参数无效:{str(result.content)[:300]}"))
        return result


def owner_of(request) -> str | None:
    """The owner in the turn's runtime context (None: unscoped, as on the CLI)."""
    context = getattr(getattr(request, "runtime", None), "context", None)
    return getattr(context, "owner", None) if context is not None else None


def plan(tool, args: dict) -> str:
    """A consequential tool's plan instead of its action (run inside the owner's scope)."""
    planner = (getattr(tool, "metadata", None) or {}).get("plan")
    try:
        if planner is None:
            return ToolResult(True, f"Ready to run {tool.name}. Confirm to go ahead.", f"准备执行 {tool.name},确认后执行。",
                              {}, [], None, {"tool": tool.name, "args": args, "details": {}}).to_json()
        return planner(args).to_json()
    except Exception as exc:  # noqa: BLE001 - a plan that cannot be made is a sentence, and nothing waits
        return error_envelope(exc, tool.name)


def with_default_path(request):
    """The request with ``path`` made concrete from the conversation: left out → the newest file;
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
            result = ToolResult.parse(_text(message))
            if result.ok:
                output = str(result.data.get("output") or "")  # a tool's main output is its newest file
                found.extend(reversed([f for f in result.files if f != output] + ([output] if output else [])))
        elif kind == "human":
            found.extend(reversed(attached_files(_text(message))))
    return [f for f in dict.fromkeys(found) if not Path(f).is_dir()]


def latest_file(messages: list) -> str | None:
    """The newest file in the conversation: a tool's output or an attachment."""
    files = conversation_files(messages)
    return files[0] if files else None


def _reply(call: dict, content: str) -> ToolMessage:
    ok = ToolResult.parse(content).ok
    return ToolMessage(content=content, tool_call_id=call["id"], name=call["name"], status="success" if ok else "error")


def _messages(state) -> list:
    return state.get("messages", []) if isinstance(state, dict) else getattr(state, "messages", [])


def _text(message) -> str:
    return str(getattr(message, "text", "") or "")  # a str subclass in langchain-core 1.x
