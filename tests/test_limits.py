"""Bounded requests: a huge message or a message with thousands of files is refused before any
work starts, with a sentence naming the limit; the same file attached twice is one copy (issue 16).

Times are printed, not asserted (a loaded 2-core CI box must not flake); the refusal itself is.
"""
from __future__ import annotations

import json
import time

import httpx
from test_app import served  # noqa: F401 - fixture

from ui import limits


def call(url: str, message: dict) -> tuple[list | str, float]:
    """The /assistant event through the raw HTTP API (no client-side uploads): its last output
    (or the sentence of a request refused at the door) and the seconds from sending to the end."""
    body = json.dumps({"data": [message, []]}).encode()  # encoded first: the time is the server's answer
    start = time.perf_counter()
    with httpx.Client(timeout=120) as http:
        sent = http.post(f"{url}gradio_api/call/assistant", content=body, headers={"content-type": "application/json"})
        if sent.status_code == 413:
            return sent.json()["detail"], time.perf_counter() - start
        event = sent.raise_for_status().json()
        last = None
        with http.stream("GET", f"{url}gradio_api/call/assistant/{event['event_id']}") as stream:
            for line in stream.iter_lines():
                if line.startswith("data:") and line[5:].strip() not in ("", "null"):
                    last = json.loads(line[5:])
    return last[0], time.perf_counter() - start


def upload(url: str, name: str, data: bytes) -> str:
    return httpx.post(f"{url}gradio_api/upload", files={"files": (name, data)}, timeout=60).raise_for_status().json()[0]


def said(history: list) -> str:
    return json.dumps(history, ensure_ascii=False)


def test_a_long_message_is_refused_in_the_chat_naming_the_limit(served):
    history, seconds = call(served, {"text": "x" * (limits.MAX_MESSAGE_CHARS + 1), "files": []})
    print(f"\n{limits.MAX_MESSAGE_CHARS + 1:,}-character message refused in {seconds:.2f} s")
    assert isinstance(history, list) and ("too long" in said(history) or "消息太长" in said(history))
    assert f"{limits.MAX_MESSAGE_CHARS:,}" in said(history)


def test_a_10_mb_message_is_refused_naming_the_limit(served):
    history, seconds = call(served, {"text": "数据 " * (5 * 1024 * 1024 // 2), "files": []})
    print(f"\n10 MB message refused in {seconds:.2f} s")
    assert isinstance(history, str), "refused at the door, before Gradio reads the message"
    assert "too long" in said(history) or "消息太长" in said(history)
    assert f"{limits.MAX_MESSAGE_CHARS:,}" in said(history)
    assert isinstance(history, str) or not any((m.get("metadata") or {}).get("title") for m in history), "no tool ran"


def test_a_10000_file_message_is_refused_and_copies_nothing(served, workspace):
    path = upload(served, "same.csv", b"question,answer\nq,a\n")
    attached = [{"path": path, "orig_name": "same.csv", "meta": {"_type": "gradio.FileData"}}] * 10_000
    history, seconds = call(served, {"text": "inspect these", "files": attached})
    print(f"\n10,000-file message refused in {seconds:.2f} s")
    assert isinstance(history, str), "refused at the door, before Gradio looks at 10,000 attachments"
    assert "Too many files" in said(history) or "文件太多" in said(history)
    assert str(limits.MAX_FILES) in said(history)
    assert not list(workspace.rglob("same*.csv")), "nothing was copied"


def test_the_same_file_attached_twice_makes_one_copy(served, workspace):
    path = upload(served, "twice.csv", b"question,answer\nq1,a1\nq2,a2\n")
    attached = [{"path": path, "orig_name": "twice.csv", "meta": {"_type": "gradio.FileData"}}] * 3
    history, _ = call(served, {"text": "how many records?", "files": attached})
    copies = list(workspace.rglob("twice*.csv"))
    assert len(copies) == 1, copies
    assert "2" in said(history[-1:])


def test_limits_name_the_number_in_both_languages():
    assert "20,000" in limits.refusal("x" * 20_001, []) and "20,000" in limits.refusal("x" * 20_001, [], "中文")
    assert limits.refusal("x" * 20_000, ["a"] * 20) is None
    assert "21" in limits.refusal("hi", ["a"] * 21)


class SlowAssistant:
    """Stands in for the agent: a long turn that counts the steps it got to produce."""

    def __init__(self):
        self.produced = 0

    def stream(self, session_id, text, files=(), tokens=True, owner=None):
        from assistant.steps import Step

        for _ in range(600):
            time.sleep(0.1)
            self.produced += 1
            yield Step("token", text=".")
        yield Step("answer", text="done")

    def reset(self, session_id):
        pass


def test_work_for_a_client_that_went_away_stops(served, monkeypatch):
    from ui import assistant_tab

    slow = SlowAssistant()
    monkeypatch.setattr(assistant_tab, "_assistant", slow)
    with httpx.Client(timeout=60) as http:
        event = http.post(f"{served}gradio_api/call/assistant", json={"data": [{"text": "hello", "files": []}, []]}).json()
        with http.stream("GET", f"{served}gradio_api/call/assistant/{event['event_id']}") as stream:
            seen = 0
            for line in stream.iter_lines():
                seen += line.startswith("data:")
                if seen >= 5:
                    break  # the client goes away mid-turn
    time.sleep(3)  # Gradio notices on its next message to the stream
    after_leaving = slow.produced
    time.sleep(3)
    print(f"\nsteps produced: {after_leaving} when checked, {slow.produced} three seconds later (of 600)")
    assert slow.produced <= after_leaving + 2 and slow.produced < 600, "the turn went on without its client"
