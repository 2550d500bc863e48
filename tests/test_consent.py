"""Consent as state: a plan waits in the session until the person confirms (the button API, a
plain yes in text, ``ask --yes``); a question or a hypothetical never acts, whichever model drives."""
from __future__ import annotations

import json

import pytest
from fake_openai import FakeOpenAI, call, text

from assistant import consent
from assistant.agent import Assistant
from assistant.backends import BackendSettings
from cli import main
from tools.train import runs

QUESTIONS = ["what happens if I train for too many epochs?", "训练的时候中途停掉会怎样", "hmm maybe I should stop it?",
             "should I stop the run now?", "few-shot 数据加进训练有什么好处", "is it worth training for 20 epochs?"]


@pytest.fixture(autouse=True)
def offline_env(monkeypatch):
    for name in ("SFT_LLM_BACKEND", "OPENAI_BASE_URL", "OPENAI_API_KEY", "SFT_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_process(monkeypatch):
    """Runs are written but no training process starts (the consent logic is what is tested)."""
    monkeypatch.setattr(runs, "launch", lambda run_dir, *a, **k: runs._info(run_dir))


def run_ids(workspace) -> set[str]:
    return {d.name for d in workspace.glob("runs/*") if d.is_dir() and not d.name.startswith(".")}


@pytest.mark.parametrize("said", ["好的", "好的，开始吧", "确认", "是的", "可以", "yes", "OK", "go", "sure!", "yes, go ahead",
                                  "confirm", "好"])
def test_a_plain_yes(said):
    assert consent.is_yes(said) and not consent.is_no(said)


@pytest.mark.parametrize("said", ["hmm maybe I should stop it?", "ok?", "yes but with 3 epochs", "好的吗", "should I?",
                                  "what happens if I stop?", "go to the data tab", "开始训练会怎样", "", "不要"])
def test_not_a_yes(said):
    assert not consent.is_yes(said)


@pytest.mark.parametrize("said", ["不要", "算了", "取消", "no", "Cancel", "no thanks", "不用了"])
def test_a_plain_no(said):
    assert consent.is_no(said) and not consent.is_yes(said)


def test_questions_with_a_file_loaded_never_act_offline(shared_copy, workspace, no_process):
    """The offline model: with a file loaded and a run going, no question starts or stops anything."""
    data = shared_copy("qianfan/qa_pair.csv")
    live = runs.start_training(str(data), epochs=1)  # "running" for the test: queued, no process
    assistant = Assistant(BackendSettings())
    assistant.run("s", "inspect this", [str(data)])
    for said in QUESTIONS:
        result = assistant.run("s", said)
        assert result["ok"], (said, result["answer"])
        assert run_ids(workspace) == {live.run_id}, said
        assert runs.get_run(live.run_id).state == "queued", said
        assistant.cancel("s")


def test_questions_never_act_with_a_model_that_calls_the_tools(shared_copy, workspace, no_process):
    """An OpenAI-compatible model that calls start/stop on every question: each call ends as a plan."""
    data = shared_copy("qianfan/qa_pair.csv")
    live = runs.start_training(str(data), epochs=1)

    def trigger_happy(body: dict):
        if body["messages"][-1]["role"] == "tool":
            return text("Here is the plan.")
        said = body["messages"][-1]["content"]
        return call("stop_training") if "stop" in said or "停" in said else call("start_training", path="qa_pair.csv")

    with FakeOpenAI(trigger_happy) as server:
        assistant = Assistant(BackendSettings(kind="openai", base_url=server.base_url, api_key=server.api_key, model="m"))
        assistant.run("s", "here is my data", [str(data)])
        for said in QUESTIONS:
            result = assistant.run("s", said)
            assert result["pending"] is not None and result["pending"]["tool"] in ("start_training", "stop_training"), said
            assert run_ids(workspace) == {live.run_id} and runs.get_run(live.run_id).state == "queued", said


def test_confirm_by_the_button_api_runs_the_plan_once(shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    assistant = Assistant(BackendSettings())
    planned = assistant.run("s", "用这个数据开始训练,最多 2 步", [str(data)])
    pending = assistant.pending("s")
    assert pending is not None and pending.tool == "start_training" and not run_ids(workspace)
    assert {"source", "epochs", "learning_rate", "per_device_batch_size", "gradient_accumulation_steps",
            "estimated_s"} <= set(pending.details)
    assert "准备用 qa_pair.csv" in planned["answer"] and "估计" in planned["answer"]
    steps = list(assistant.confirm("s", lang="zh"))
    assert [s.kind for s in steps] == ["tool_call", "tool_result", "answer"]
    assert steps[1].ok and steps[1].run["run_id"] in run_ids(workspace) and "已开始训练" in steps[2].text
    assert assistant.pending("s") is None and len(run_ids(workspace)) == 1
    again = list(assistant.confirm("s", lang="zh"))
    assert [s.kind for s in again] == ["answer"] and "没有等待" in again[0].text and len(run_ids(workspace)) == 1
    # the confirmation is in the memory: the next turn's status finds the run
    assert steps[1].run["run_id"] in assistant.run("s", "训练进度如何?")["answer"]


@pytest.mark.parametrize("yes", ["好的", "yes"])
def test_confirm_by_a_plain_yes_in_text(yes, shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    assistant = Assistant(BackendSettings())
    assistant.run("s", "start training on it", [str(data)])
    assert assistant.pending("s").tool == "start_training" and not run_ids(workspace)
    done = assistant.run("s", yes)
    assert done["tool_calls"] == [{"name": "start_training", "args": assistant_args(done)}]
    assert len(run_ids(workspace)) == 1 and assistant.pending("s") is None


@pytest.mark.parametrize("said, tool", [("确认,停吧", "stop_training"), ("confirmed, stop it", "stop_training"),
                                        ("好的 开始训练吧", "start_training"), ("ok start it now", "start_training"),
                                        ("确认继续训练", "resume_training"), ("确认,删吧", "apply_quality_rule")])
def test_a_yes_that_repeats_the_waiting_action(said, tool):
    assert consent.is_yes_to(said, tool)


@pytest.mark.parametrize("said, tool", [("好的,停吧", "start_training"), ("停吧?", "stop_training"),
                                        ("stop it", "stop_training"), ("yes but stop run-2", "stop_training"),
                                        ("yes stop it and start a new one", "stop_training"), ("确认,停吧", "apply_quality_rule")])
def test_another_verb_or_more_words_is_no_yes(said, tool):
    assert not consent.is_yes_to(said, tool)


PLAN = {"path": "qa.jsonl", "epochs": 3, "learning_rate": 0.0002, "lora_r": 16, "max_steps": None}


@pytest.mark.parametrize("said", ["ok 3 epochs 2e-4 r16, go", "confirmed: 3 epochs, 2e-4, r16. launch.", "行,就按3轮 2e-4 开始吧",
                                  "好的,r=16,3个epoch,开跑"])
def test_a_yes_that_repeats_the_plans_settings(said):
    assert consent.is_yes_to(said, "start_training", PLAN)
    assert not consent.is_yes_to(said, "start_training")  # without the plan's settings nothing can be compared


@pytest.mark.parametrize("said", ["ok but 5 epochs, go", "行,改成4轮开始吧", "3 epochs 2e-4 r16",  # another value; no yes said
                                  "ok 3 epochs 2e-4 r16, go?", "ok, 3 epochs, go", ])
def test_settings_that_differ_or_no_yes_are_no_yes(said):
    plan = PLAN if said != "ok, 3 epochs, go" else {**PLAN, "epochs": 2}
    assert not consent.is_yes_to(said, "start_training", plan)


def test_a_yes_repeating_the_settings_starts_the_plan_that_waits(shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    assistant = Assistant(BackendSettings())
    assistant.run("s", "start training on it with 3 epochs and lr 2e-4", [str(data)])
    assert assistant.pending("s").tool == "start_training" and not run_ids(workspace)
    changed = assistant.run("s", "ok but 4 epochs, go")  # another value: planned again, nothing runs
    assert changed["pending"]["args"]["epochs"] == 4 and not run_ids(workspace)
    assert changed["pending"]["args"]["learning_rate"] == 0.0002  # the rate said before is kept
    done = assistant.run("s", "ok 4 epochs, 2e-4, go")
    assert [c["name"] for c in done["tool_calls"]] == ["start_training"] and done["tool_calls"][0]["args"]["epochs"] == 4
    assert len(run_ids(workspace)) == 1 and assistant.pending("s") is None


def test_a_yes_with_the_stop_verb_stops_the_run_at_once(shared_copy, workspace, no_process):
    """"确认,停吧" answers the stop that waits; it is not a new request that asks again."""
    data = shared_copy("qianfan/qa_pair.csv")
    live = runs.start_training(str(data), epochs=1)
    assistant = Assistant(BackendSettings())
    assert assistant.run("s", "停止训练")["pending"]["tool"] == "stop_training"
    done = assistant.run("s", "确认,停吧")
    assert [c["name"] for c in done["tool_calls"]] == ["stop_training"] and done["pending"] is None
    assert runs.get_run(live.run_id).state == "stopped"


def assistant_args(result: dict) -> dict:
    return next(s.args for s in result["steps"] if s.kind == "tool_call")


def test_no_cancels_and_another_request_leaves_the_plan_waiting(shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    assistant = Assistant(BackendSettings())
    assistant.run("s", "start training on it", [str(data)])
    assistant.run("s", "what is LoRA?")
    assert assistant.pending("s") is not None  # a question leaves it waiting
    cancelled = assistant.run("s", "no")
    assert cancelled["tool_calls"] == [] and "Cancelled" in cancelled["answer"] and assistant.pending("s") is None
    assert assistant.run("s", "yes")["tool_calls"] == [] and not run_ids(workspace)  # nothing left to confirm


def test_stop_waits_for_the_yes(shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    live = runs.start_training(str(data), epochs=1)
    assistant = Assistant(BackendSettings())
    asked = assistant.run("s", "stop training")
    assert asked["pending"]["tool"] == "stop_training" and runs.get_run(live.run_id).state == "queued"
    assert assistant.run("s", "hmm maybe I should stop it?")["pending"] is not None
    assert runs.get_run(live.run_id).state == "queued"
    list(assistant.confirm("s"))
    assert runs.get_run(live.run_id).state == "stopped"


def test_ask_yes_confirms_and_without_it_nothing_starts(capsys, shared_copy, workspace, no_process):
    data = shared_copy("qianfan/qa_pair.csv")
    assert main(["ask", "train it for 2 epochs", "--file", str(data), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pending"]["tool"] == "start_training" and out["pending"]["details"]["epochs"] == 2 and not run_ids(workspace)
    assert main(["ask", "train it for 2 epochs", "--file", str(data)]) == 0
    assert "--yes" in capsys.readouterr().err and not run_ids(workspace)
    assert main(["ask", "train it for 2 epochs", "--file", str(data), "--json", "--yes"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["confirmed"][0]["name"] == "start_training" and len(run_ids(workspace)) == 1 and "pending" not in out


def test_a_yes_that_points_at_the_plan_shown_runs_it_and_without_one_says_nothing_waits(shared_copy, workspace, no_process):
    """"你上面列的那个计划我看过了,…就按这个开始吧" is the yes to the waiting start (once); said with nothing waiting, it starts
    nothing and says so."""
    data = shared_copy("qianfan/qa_pair.csv")
    assistant = Assistant(BackendSettings())
    said = "你上面列的那个计划我看过了,都没问题,就按这个开始吧"
    idle = assistant.run("s", said)
    assert idle["tool_calls"] == [] and "没有等你确认的计划" in idle["answer"] and not run_ids(workspace)
    assistant.run("s", "start training on it", [str(data)])
    assert assistant.pending("s").tool == "start_training" and not run_ids(workspace)
    done = assistant.run("s", said)
    assert [c["name"] for c in done["tool_calls"]] == ["start_training"] and len(run_ids(workspace)) == 1
    assert assistant.pending("s") is None
