"""How files attached to a chat message travel inside its text.

Both backends read plain text, so an upload is written into the user's message as
one line per file: ``[attached file: /abs/path/data.csv]``. The offline model and
the tools find the paths again with :func:`attached_files`.
"""
from __future__ import annotations

import re

_LINE = re.compile(r"^\[attached file: (.+)\]$", re.MULTILINE)


def with_attachments(text: str, files: list[str]) -> str:
    """The user's text followed by one ``[attached file: PATH]`` line per file."""
    lines = [f"[attached file: {f}]" for f in files]
    return "\n".join([text.rstrip(), *lines]) if lines else text


def attached_files(text: str) -> list[str]:
    return _LINE.findall(text or "")


def strip_attachments(text: str) -> str:
    """The user's own words, without the attachment lines."""
    return _LINE.sub("", text or "").strip()
