"""Shared helper for the offline router's tests: the one tool call a request plans."""
from __future__ import annotations

from assistant.offline import plan


def one_call(text: str, files=()) -> tuple[str, dict]:
    """(tool, args) of the single call ``text`` plans (with ``files`` attached); fails on none or several."""
    calls = plan(text, list(files))
    assert len(calls) == 1, calls
    return calls[0]["name"], calls[0]["args"]
