"""A small OpenAI-compatible chat-completions server on 127.0.0.1, started inside tests.

It speaks just enough of the protocol for ``langchain_openai.ChatOpenAI``: ``POST
/v1/chat/completions`` with tool calls, as one JSON body or as server-sent events
(``stream: true``: a role chunk, content or tool-call deltas with index/id/function,
a finish chunk, then ``data: [DONE]``). What it answers is decided by a *policy*: a
function from the request body to a :class:`Reply`. Every request body is kept in
``server.requests`` so a test can check what the model was shown.

    with FakeOpenAI(script([call("explain", question="what is SFT"), text("done")])) as server:
        ChatOpenAI(base_url=server.base_url, api_key=server.api_key, model="fake")
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """What the fake model says: text, tool calls (``[(name, args)]``), or an HTTP error."""

    content: str = ""
    tool_calls: list[tuple[str, dict]] = field(default_factory=list)
    status: int = 200


def text(content: str) -> Reply:
    return Reply(content=content)


def call(name: str, **args) -> Reply:
    return Reply(tool_calls=[(name, args)])


def script(replies: list[Reply]) -> Callable[[dict], Reply]:
    """A policy that answers with ``replies`` in order (then an error, so a runaway loop shows)."""
    queue = list(replies)

    def policy(body: dict) -> Reply:
        return queue.pop(0) if queue else Reply(content="script exhausted", status=500)

    return policy


class FakeOpenAI:
    """Start with ``with FakeOpenAI(policy) as server:``; ``server.base_url`` ends in ``/v1``."""

    api_key = "sk-fake-test-key"

    def __init__(self, policy: Callable[[dict], Reply], model: str = "fake-model"):
        self.policy = policy
        self.model = model
        self.requests: list[dict] = []
        self._ids = itertools.count(1)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def completion(self, reply: Reply) -> dict:
        """The non-streaming response body."""
        message = {"role": "assistant", "content": reply.content or None}
        if reply.tool_calls:
            message["tool_calls"] = [_tool_call(self._next_id(), n, a) for n, a in reply.tool_calls]
        return {
            "id": f"chatcmpl-{self._next_id()}", "object": "chat.completion", "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "message": message, "finish_reason": _finish(reply)}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }

    def chunks(self, reply: Reply) -> list[dict]:
        """The streaming response: a role chunk, deltas in small pieces, a finish chunk."""
        deltas: list[dict] = [{"role": "assistant", "content": ""}]
        for i in range(0, len(reply.content), 4):  # 4 characters a token, so tokens really stream
            deltas.append({"content": reply.content[i:i + 4]})
        for index, (name, args) in enumerate(reply.tool_calls):
            arguments = json.dumps(args, ensure_ascii=False)
            head = _tool_call(self._next_id(), name, {})
            head["function"]["arguments"] = ""
            deltas.append({"tool_calls": [{"index": index, **head}]})
            for i in range(0, len(arguments), 8):
                deltas.append({"tool_calls": [{"index": index, "function": {"arguments": arguments[i:i + 8]}}]})
        chunk_id = f"chatcmpl-{self._next_id()}"
        out = [self._chunk(chunk_id, d, None) for d in deltas]
        out.append(self._chunk(chunk_id, {}, _finish(reply)))
        return out

    def _chunk(self, chunk_id: str, delta: dict, finish: str | None) -> dict:
        return {"id": chunk_id, "object": "chat.completion.chunk", "created": int(time.time()), "model": self.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    def _next_id(self) -> str:
        return str(next(self._ids))


def _tool_call(call_id: str, name: str, args: dict) -> dict:
    return {"id": f"call_{call_id}", "type": "function",
            "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)}}


def _finish(reply: Reply) -> str:
    return "tool_calls" if reply.tool_calls else "stop"


def _handler_for(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            if not self.path.rstrip("/").endswith("/chat/completions"):
                return self._json(404, {"error": {"message": f"no route {self.path}"}})
            if self.headers.get("Authorization") != f"Bearer {server.api_key}":
                return self._json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            server.requests.append(body)
            reply = server.policy(body)
            if reply.status != 200:
                return self._json(reply.status, {"error": {"message": reply.content, "type": "server_error"}})
            if body.get("stream"):
                return self._sse(server.chunks(reply))
            self._json(200, server.completion(reply))

        def _json(self, status: int, obj: dict) -> None:
            data = json.dumps(obj, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _sse(self, chunks: list[dict]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            for chunk in chunks:
                self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

    return Handler
