"""Runs and files belong to the session that made them: through the assistant, session B can
neither see, stop nor resume session A's run, nor read A's upload (the owner travels in the
langgraph runtime context; every tool runs inside ``workspace.scoped(owner)``)."""
from __future__ import annotations

import pytest
from fake_openai import FakeOpenAI, call, script, text

from assistant.agent import Assistant
from assistant.backends import BackendSettings
from tools import workspace as ws
from tools.train import runs


@pytest.fixture
def no_process(monkeypatch):
    monkeypatch.setattr(runs, "launch", lambda run_dir, *a, **k: runs._info(run_dir))


def started_in_a(assistant: Assistant, data) -> str:
    assistant.run("A", "start training on it", [str(data)], owner="A")
    (step,) = [s for s in assistant.confirm("A", owner="A") if s.kind == "tool_result"]
    assert step.ok, step.summary
    return step.run["run_id"]


def test_session_b_neither_sees_nor_stops_session_as_run(shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    assistant = Assistant(BackendSettings())
    run_a = started_in_a(assistant, data)
    with ws.scoped("A"):
        assert runs.get_run(None).run_id == run_a  # it is A's run
    status_b = assistant.run("B", "how is training going?", owner="B")
    assert run_a not in status_b["answer"]
    stop_b = assistant.run("B", "stop training", owner="B")
    assert stop_b["pending"] is None and run_a not in stop_b["answer"]
    assert assistant.run("B", "yes", owner="B")["tool_calls"] == []  # nothing of B's waits
    assert runs.get_run(run_a).state == "queued"
    status_a = assistant.run("A", "how is training going?", owner="A")
    assert run_a in status_a["answer"]


def test_a_run_id_from_another_session_is_not_found(shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    run_a = started_in_a(Assistant(BackendSettings()), data)
    policy = script([call("stop_training", run_id=run_a), text("no"), call("resume_training", run_id=run_a), text("no"),
                     call("training_status", run_id=run_a), text("no"), call("inspect_dataset", path="qa_pair.csv"),
                     text("no")])
    with FakeOpenAI(policy) as server:
        b = Assistant(BackendSettings(kind="openai", base_url=server.base_url, api_key=server.api_key, model="m"))
        results = [b.run("B", said, owner="B") for said in ("stop " + run_a, "resume " + run_a, "status", "inspect qa_pair.csv")]
    for result in results:
        failed = next(s for s in result["steps"] if s.kind == "tool_result")
        assert not failed.ok and b.pending("B") is None, failed.summary
    assert runs.get_run(run_a).state == "queued"  # untouched


def test_confirm_acts_for_the_owner_the_plan_was_made_for(shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    assistant = Assistant(BackendSettings())
    assistant.run("A", "start training on it", [str(data)], owner="A")
    (step,) = [s for s in assistant.confirm("A") if s.kind == "tool_result"]  # the button passes no owner
    with ws.scoped("A"):
        assert runs.get_run(None).run_id == step.run["run_id"]
    with ws.scoped("B"):
        assert runs.list_runs() == []
