"""The one shape every tool result has, parsed in one place, and failures turned into sentences.

On the wire (what the model reads, what a ToolMessage holds):
``{"ok": bool, "summary": {"en": str, "zh": str}, "data": {...}, "files": [abs paths], "run": {...} | null}``;
a consequential tool that waits for the user's confirmation carries ``data["pending"] =
{"tool", "args", "details"}``. Everybody else reads it through :meth:`ToolResult.parse`.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.summaries import scrub
from tools.errors import UserError


class Refused(UserError):
    """A UserError with both sentences; ``path`` names the file that could not be used (a refused
    or missing file), so the conversation forgets it without reading the sentence."""

    def __init__(self, en: str, zh: str, path: str | None = None):
        super().__init__(en, zh=zh)
        self.path = path


RUN_CARD_KEYS = ("run_id", "state", "step", "total_steps")
"""A run as the chat shows it: a card with its id and progress, never its folder."""


def run_card(run: dict | None) -> dict | None:
    return {k: run.get(k) for k in RUN_CARD_KEYS} if run and run.get("run_id") else None


@dataclass
class ToolResult:
    """One tool's answer. ``files`` are files the tool wrote (a directory is never one of them);
    ``run`` is a run card; ``pending`` is the action waiting for the user's confirmation."""

    ok: bool
    summary_en: str
    summary_zh: str
    data: dict = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    run: dict | None = None
    pending: dict | None = None

    def __post_init__(self):
        self.files = [str(f) for f in self.files or [] if f and not Path(str(f)).is_dir()]
        self.data = dict(self.data or {})
        self.pending = self.pending or self.data.get("pending") or None
        if self.pending:
            self.data["pending"] = self.pending

    def summary(self, lang: str) -> str:
        return (self.summary_zh if lang == "zh" else self.summary_en) or self.summary_en

    @property
    def unusable_path(self) -> str | None:
        """The file this failure was about (refused or missing), when it was one."""
        return None if self.ok else self.data.get("unusable_path")

    def to_json(self) -> str:
        body = {"ok": self.ok, "summary": {"en": self.summary_en, "zh": self.summary_zh}, "data": self.data,
                "files": self.files}
        if self.run:
            body["run"] = self.run
        return json.dumps(body, ensure_ascii=False, default=str)

    @classmethod
    def parse(cls, content) -> ToolResult:
        """A tool message's content; anything that is not our JSON becomes a failed result
        carrying the text (ToolNode's own messages, a stray string)."""
        text = content if isinstance(content, str) else _text(content)
        try:
            body = json.loads(text)
        except (ValueError, TypeError):
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("summary"), dict):
            return cls(False, str(text), str(text))
        summary = body["summary"]
        return cls(bool(body.get("ok")), str(summary.get("en") or ""), str(summary.get("zh") or summary.get("en") or ""),
                   body.get("data") if isinstance(body.get("data"), dict) else {}, list(body.get("files") or []),
                   body.get("run") if isinstance(body.get("run"), dict) else None)


def _text(content) -> str:
    if isinstance(content, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in content if isinstance(p, (str, dict)))
    return json.dumps(content, ensure_ascii=False, default=str) if isinstance(content, dict) else str(content)


def envelope(ok: bool, en: str, zh: str, data: dict | None = None, files: list | None = None) -> str:
    return ToolResult(ok, en, zh, data or {}, list(files or [])).to_json()


def error_envelope(exc: BaseException, tool_name: str = "") -> str:
    """Any failure as a sentence in both languages: a UserError's own words, otherwise its type
    and message (never a traceback)."""
    data = {"error": type(exc).__name__}
    if isinstance(exc, UserError):
        en = str(exc)
        zh = getattr(exc, "zh", None) or f"操作未完成:{en}"
        if getattr(exc, "path", None):
            data["unusable_path"] = exc.path
    else:
        en = f"{tool_name or 'The tool'} failed: {type(exc).__name__}: {exc}".strip()
        zh = f"{tool_name or '工具'} 执行失败:{type(exc).__name__}: {exc}"
    return ToolResult(False, en, zh, data).to_json()


Work = Callable[[], "tuple[str, str, dict, list] | tuple[str, str, dict, list, dict | None]"]


def run_tool(name: str, work: Work) -> str:
    """Run one tool body (returns en, zh, data, files and optionally a run card) and wrap it."""
    try:
        en, zh, data, files, *run = work()
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence, by contract
        return error_envelope(exc, name)
    return ToolResult(True, en, zh, scrub(data), list(files), run[0] if run else None).to_json()


def bad_arguments(error) -> str:
    """Arguments that do not fit a tool's schema (a word where a number belongs…) as the envelope."""
    problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in getattr(error, "errors", list)())
    return envelope(False, f"The tool's arguments are not valid ({problems or error}); correct them and try again.",
                    f"工具参数无效({problems or error});请改正后重试。", {"error": "ValidationError"})
