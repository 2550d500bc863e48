"""Bounds on one web request, so that no single client can starve the server.

A message is refused before any work starts when its text, its number of attached files or
the total size of its attachments is over a limit; the sentence names the limit. The limits
are generous for a person (a long question, a handful of datasets) and far below what hurt
the server: a 1 MB message cost 37 s of CPU and 10,000 attachments about 18 minutes.
"""
from __future__ import annotations

import os

MAX_MESSAGE_CHARS = 20_000
"""Characters in one message (about ten pages of text)."""
MAX_FILES = 20
"""Files attached to one message."""
MAX_REQUEST_BYTES = 200 * 1024 * 1024
"""Total bytes of the files attached to one message (the same as the per-file upload cap)."""


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def refusal(text: str, files: list[str], lang: str = "English") -> str | None:
    """The sentence refusing this message (in the UI language, "中文" or "English"), or None."""
    zh = lang in ("中文", "zh")
    if len(text or "") > MAX_MESSAGE_CHARS:
        return (f"消息太长:{len(text):,} 个字符,上限是 {MAX_MESSAGE_CHARS:,} 个字符;请缩短后再发,或把数据作为文件上传。" if zh else
                f"The message is too long: {len(text):,} characters, and the limit is {MAX_MESSAGE_CHARS:,}; "
                "shorten it, or upload the data as a file.")
    if len(files) > MAX_FILES:
        return (f"一次附加的文件太多:{len(files):,} 个,上限是 {MAX_FILES} 个;请分几次上传。" if zh else
                f"Too many files in one message: {len(files):,}, and the limit is {MAX_FILES}; attach them in several messages.")
    total = sum(_size(f) for f in set(files))
    if total > MAX_REQUEST_BYTES:
        return (f"附件总大小 {_mb(total)} 超过了每条消息 {_mb(MAX_REQUEST_BYTES)} 的上限;请分几次上传。" if zh else
                f"The attached files total {_mb(total)}, over the limit of {_mb(MAX_REQUEST_BYTES)} per message; "
                "attach them in several messages.")
    return None


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
