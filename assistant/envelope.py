"""The one shape every tool result has, and failures turned into sentences.

``{"ok": bool, "summary": {"en": str, "zh": str}, "data": {...}, "files": [abs paths]}``: the model
reads all of it, the UI shows ``summary`` in the user's language and offers ``files``.
"""
from __future__ import annotations

import json
from typing import Callable

from assistant.summaries import scrub
from tools.errors import UserError


class Refused(UserError):
    """A UserError that also carries its Chinese sentence."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.zh = zh


def envelope(ok: bool, en: str, zh: str, data: dict | None = None, files: list | None = None) -> str:
    return json.dumps({"ok": ok, "summary": {"en": en, "zh": zh}, "data": data or {},
                       "files": [str(f) for f in files or []]}, ensure_ascii=False, default=str)


def error_envelope(exc: BaseException, tool_name: str = "") -> str:
    """Any failure as a sentence: a UserError's own words, otherwise its type and message
    (never a traceback)."""
    if isinstance(exc, UserError):
        en = str(exc)
        zh = getattr(exc, "zh", None) or en  # tools/ speak English; a Chinese reply wraps the sentence
    else:
        en = f"{tool_name or 'The tool'} failed: {type(exc).__name__}: {exc}".strip()
        zh = f"{tool_name or '工具'} 执行失败:{type(exc).__name__}: {exc}"
    return envelope(False, en, zh, {"error": type(exc).__name__})


def run_tool(name: str, work: Callable[[], tuple[str, str, dict, list]]) -> str:
    """Run one tool body (returns en, zh, data, files) and wrap it in the JSON envelope."""
    try:
        en, zh, data, files = work()
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence, by contract
        return error_envelope(exc, name)
    return envelope(True, en, zh, scrub(data), files)


def bad_arguments(error) -> str:
    """Arguments that do not fit a tool's schema (a word where a number belongs…) as the envelope."""
    problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in getattr(error, "errors", list)())
    return envelope(False, f"The tool's arguments are not valid ({problems or error}); correct them and try again.",
                    f"工具参数无效({problems or error});请改正后重试。", {"error": "ValidationError"})
