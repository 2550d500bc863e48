"""What the web server does before any handler runs: who may log in, and how often they may try.

- The ``--auth`` password never has to appear on the command line (where ``ps`` shows it): it can
  come from ``SFT_AUTH_PASSWORD`` (with ``--auth USER``) or from ``--auth-file`` (``user:password``
  lines).
- Login attempts are rate-limited per client address: after ``LOGIN_LIMIT`` failed attempts within
  ``LOGIN_WINDOW_S`` seconds, further attempts are refused with HTTP 429 and a sentence, until the
  window has passed.
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections import defaultdict, deque
from pathlib import Path

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


async def _refuse(send) -> None:
    body = json.dumps({"detail": TOO_MANY}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", b"application/json"), (b"retry-after", b"60")]})
    await send({"type": "http.response.body", "body": body})
