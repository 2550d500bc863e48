"""What the web server does before any handler runs: who may log in, and how often they may try.

- The ``--auth`` password never has to appear on the command line (where ``ps`` shows it): it can
  come from ``SFT_AUTH_PASSWORD`` (with ``--auth USER``) or from ``--auth-file`` (``user:password``
  lines).
- Login attempts are rate-limited per client address: after ``LOGIN_LIMIT`` failed attempts within
  ``LOGIN_WINDOW_S`` seconds, further attempts are refused with HTTP 429 and a sentence, until the
  window has passed.
- An event request far over the per-message limits (``ui.limits``) is refused at the door with HTTP
  413 and a sentence, before Gradio spends a few milliseconds on each of 10,000 attachments (about a
  minute of CPU) only for the handler to refuse it; requests nearer the limits reach the handler,
  which answers in the chat.
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections import defaultdict, deque
from pathlib import Path

from ui import limits

LOGIN_LIMIT = 5
LOGIN_WINDOW_S = 60.0
PASSWORD_ENV = "SFT_AUTH_PASSWORD"
TOO_MANY = ("Too many failed login attempts from this address; wait a minute and try again. "
            "登录失败次数过多,请一分钟后再试。")


def credentials(auth: str | None, auth_file: str | None = None) -> list[tuple[str, str]] | None:
    """(user, password) pairs from ``--auth user:password``, ``--auth user`` + $SFT_AUTH_PASSWORD,
    or ``--auth-file`` (one ``user:password`` per line, # comments allowed); None without any.
    A malformed value raises SystemExit with a sentence."""
    pairs: list[tuple[str, str]] = []
    if auth_file:
        try:
            lines = Path(auth_file).expanduser().read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise SystemExit(f"error: cannot read --auth-file {auth_file} ({exc.strerror or exc}).") from None
        for n, line in enumerate(lines, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                pairs.append(_pair(line.strip(), f"{auth_file} line {n}"))
    if auth:
        if ":" not in auth and os.environ.get(PASSWORD_ENV):
            auth = f"{auth}:{os.environ[PASSWORD_ENV]}"
        pairs.append(_pair(auth, "--auth"))
    return pairs or None


def _pair(text: str, where: str) -> tuple[str, str]:
    user, sep, password = text.partition(":")
    if not sep or not user or not password:
        raise SystemExit(f"error: {where} must look like user:password (or give --auth USER and set {PASSWORD_ENV}).")
    return user, password


class LoginLimiter:
    """ASGI middleware: counts failed POSTs to ``/login`` per client address and answers 429 once
    ``limit`` of them fall within ``window_s`` seconds. A successful login clears the count."""

    def __init__(self, app, limit: int = LOGIN_LIMIT, window_s: float = LOGIN_WINDOW_S):
        self.app, self.limit, self.window_s = app, limit, window_s
        self.failures: dict[str, deque] = defaultdict(deque)
        self.lock = threading.Lock()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "POST" or not scope.get("path", "").rstrip("/").endswith("/login"):
            return await self.app(scope, receive, send)
        address = (scope.get("client") or ("unknown",))[0]
        if self._blocked(address):
            return await _refuse(send)
        status = {}

        async def watch(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        with self.lock:
            if status.get("code") == 200:
                self.failures.pop(address, None)
            else:
                self.failures[address].append(time.monotonic())

    def _blocked(self, address: str) -> bool:
        with self.lock:
            recent = self.failures[address]
            while recent and time.monotonic() - recent[0] > self.window_s:
                recent.popleft()
            return len(recent) >= self.limit


def _too_many(n: int) -> str:
    return (f"Too many files in one message: {n:,}, and the limit is {limits.MAX_FILES}. "
            f"一次附加的文件太多:{n:,} 个,上限是 {limits.MAX_FILES} 个。")


def _too_big() -> str:
    mb = MAX_BODY_BYTES // 1024 // 1024
    return (f"The message is too long: the request is over {mb} MB, and a message may hold at most "
            f"{limits.MAX_MESSAGE_CHARS:,} characters; upload data as a file. "
            f"消息太长:请求超过 {mb} MB,一条消息最多 {limits.MAX_MESSAGE_CHARS:,} 个字符;数据请作为文件上传。")


async def _refuse(send) -> None:
    await _answer(send, 429, TOO_MANY, [(b"retry-after", b"60")])


async def _answer(send, status: int, sentence: str, headers: list | None = None) -> None:
    body = json.dumps({"detail": sentence, "error": sentence}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


EVENT_PATHS = ("/queue/join", "/call/", "/run/", "/api/")
DOOR_FACTOR = 10
"""The door refuses at ten times the per-message limits; the handler refuses above the limits."""
MAX_BODY_BYTES = 8 * 1024 * 1024
"""No event request needs more JSON than this: files travel by upload, not inside the event, and a
message at the limit is 20,000 × 6 bytes (a JSON-escaped CJK character) = 120 KB plus the history."""


def oversized(data) -> str | None:
    """The sentence refusing an event's input data, or None: a text or a list of attachments far
    over ``ui.limits``."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and len(item) > limits.MAX_MESSAGE_CHARS * DOOR_FACTOR:
            return (f"The message is too long: {len(item):,} characters, and the limit is {limits.MAX_MESSAGE_CHARS:,}. "
                    f"消息太长:{len(item):,} 个字符,上限是 {limits.MAX_MESSAGE_CHARS:,} 个字符。")
        if isinstance(item, list):
            if len(item) > limits.MAX_FILES * DOOR_FACTOR:
                return _too_many(len(item))
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return None


class RequestGuard:
    """ASGI middleware: reads an event request's JSON body and answers 413 with a sentence when it
    is far over the per-message limits (see ``oversized``) or bigger than ``MAX_BODY_BYTES``."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if scope.get("method") != "POST" or not any(p in path for p in EVENT_PATHS):
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if int(length or 0) > MAX_BODY_BYTES:  # refused before reading a byte of it
            return await _answer(send, 413, _too_big())
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > MAX_BODY_BYTES:
                return await _answer(send, 413, _too_big())
        paths = body.count(b'"path"')  # one per attachment: counted without parsing 10,000 of them
        if paths > limits.MAX_FILES * DOOR_FACTOR:
            return await _answer(send, 413, _too_many(paths))
        try:
            refused = oversized(json.loads(body or b"null"))
        except ValueError:
            refused = None  # not JSON: Gradio answers it as usual
        if refused:
            return await _answer(send, 413, refused)
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)
