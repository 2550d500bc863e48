"""The tool guard: start, stop and resume never run from a model's call (they wait as a pending
action), every tool runs for the turn's owner, and a missing path means the conversation's
newest file."""
from __future__ import annotations

import json

from fake_openai import FakeOpenAI, call, script, text
from langchain_core.messages import HumanMessage, ToolMessage

from assistant.agent import Assistant
from assistant.backends import BackendSettings
from assistant.envelope import ToolResult
from assistant.guard import latest_file


def settings_for(server: FakeOpenAI) -> BackendSettings:
    return BackendSettings(kind="openai", base_url=server.base_url, api_key=server.api_key, model="m")


def no_runs(workspace) -> bool:
    return not [d for d in workspace.glob("runs/*") if d.is_dir() and not d.name.startswith(".")]


def test_latest_file_prefers_the_newest_output_or_attachment():
    upload = HumanMessage("inspect\n[attached file: /w/uploads/qa.csv]")
    converted = ToolMessage('{"ok": true, "summary": {"en": "", "zh": ""}, "data": {}, "files": ["/w/outputs/qa.alpaca.json"]}',
                            tool_call_id="1")
    failed = ToolMessage('{"ok": false, "summary": {"en": "", "zh": ""}, "data": {}, "files": ["/w/outputs/bad"]}',
                         tool_call_id="2")
    cleaned = ToolMessage(json.dumps({"ok": True, "summary": {"en": "", "zh": ""}, "data": {"output": "/w/outputs/qa.clean.csv"},
                                      "files": ["/w/outputs/qa.clean.csv", "/w/outputs/qa.report.csv"]}), tool_call_id="3")
    assert latest_file([upload]) == "/w/uploads/qa.csv"
    assert latest_file([upload, converted, failed, HumanMessage("now train")]) == "/w/outputs/qa.alpaca.json"
    assert latest_file([upload, converted, cleaned]) == "/w/outputs/qa.clean.csv"  # the main output, not the report
    assert latest_file([HumanMessage("hi")]) is None


def test_a_model_that_calls_start_on_a_question_only_leaves_a_plan(shared_copy, workspace):
    """Whatever the model does with a question, nothing starts: the call becomes a pending plan."""
    data = shared_copy("qianfan/qa_pair.csv")
    policy = script([call("start_training", path="qa_pair.csv", epochs=15), text("I prepared a plan.")])
    with FakeOpenAI(policy) as server:
        assistant = Assistant(settings_for(server))
        result = assistant.run("s", "what happens if I train for too many epochs?", [str(data)])
    kinds = [s.kind for s in result["steps"]]
    assert kinds == ["tool_call", "tool_result", "pending", "answer"], kinds
    plan = next(s for s in result["steps"] if s.kind == "pending")
    assert plan.name == "start_training" and plan.data["source"] == "qa_pair.csv" and plan.data["epochs"] == 15
    assert "Ready to start training on qa_pair.csv" in plan.summary and "estimate" in plan.summary
    assert assistant.pending("s").tool == "start_training" and no_runs(workspace)
    # what the model read: a plan, not a run
    seen = [m for m in server.requests[-1]["messages"] if m["role"] == "tool"]
    assert ToolResult.parse(seen[-1]["content"]).pending["tool"] == "start_training"


def test_a_stop_or_resume_the_model_calls_waits_too(tmp_path, workspace, monkeypatch):
    from tools.train import runs

    queued = runs.start_training(str(_tiny(tmp_path)), epochs=1, launch_now=False)
    for name in ("stop_training", "resume_training"):
        with FakeOpenAI(script([call(name), text("ok")])) as server:
            assistant = Assistant(settings_for(server))
            result = assistant.run("s", "hmm maybe I should stop it?")
        steps = {s.kind: s for s in result["steps"]}
        if name == "stop_training":
            assert steps["pending"].args == {"run_id": queued.run_id} and assistant.pending("s").tool == name
        else:  # a queued run cannot be resumed: said at once, nothing waits
            assert not steps["tool_result"].ok and "pending" not in steps and assistant.pending("s") is None
    assert runs.get_run(queued.run_id).state == "queued"  # untouched


def test_missing_path_uses_the_upload_of_this_conversation(shared_copy, workspace):
    data = shared_copy("qianfan/qa_pair.csv")
    policy = script([text("Got it."), call("convert_dataset", to="openai"), text("Converted.")])
    with FakeOpenAI(policy) as server:
        assistant = Assistant(settings_for(server))
        assistant.run("s", "here is my data", [str(data)])
        result = assistant.run("s", "convert it to openai messages")
    converted = next(s for s in result["steps"] if s.kind == "tool_result")
    assert converted.ok and converted.files[0].startswith(str(workspace / "outputs"))
    assert "qa_pair" in converted.files[0] and converted.data["source"] == "qa_pair.csv"


def test_a_bare_name_means_this_conversations_file(tmp_path, workspace):
    """The web app keeps each session's uploads in its own folder: "qa.csv" finds this session's."""
    for session in ("one", "two"):
        folder = workspace / "uploads" / session
        folder.mkdir(parents=True)
        (folder / "qa.csv").write_text(f"question,answer\n{session} q,{session} a\n", encoding="utf-8")
    policy = script([call("convert_dataset", path="qa.csv", to="jsonl"), text("done")] * 2)
    with FakeOpenAI(policy) as server:
        assistant = Assistant(settings_for(server))
        results = {s: assistant.run(s, "convert it", [str(workspace / "uploads" / s / "qa.csv")]) for s in ("one", "two")}
    for session, result in results.items():
        converted = next(s for s in result["steps"] if s.kind == "tool_result")
        assert converted.ok, converted.summary
        assert f"{session} q" in open(converted.files[0], encoding="utf-8").read()


def test_no_dataset_yet_is_a_sentence_not_a_schema_error():
    with FakeOpenAI(script([call("convert_dataset", to="alpaca"), text("Please attach a file.")])) as server:
        result = Assistant(settings_for(server)).run("s", "convert my data to alpaca")
    refusal = next(s for s in result["steps"] if s.kind == "tool_result")
    assert not refusal.ok and "attach a file" in refusal.summary and "Field required" not in refusal.summary


def test_a_chinese_question_gets_the_tool_error_in_chinese():
    with FakeOpenAI(script([call("suggest_hyperparameters", n_samples=0), text("好的")])) as server:
        result = Assistant(settings_for(server)).run("s", "我有0条数据,epoch设置多少?")
    failed = next(s for s in result["steps"] if s.kind == "tool_result")
    assert not failed.ok and "至少要有一条样本" in failed.summary and "at least" not in failed.summary


def test_a_turn_that_fails_ends_with_a_sentence_in_the_turns_language():
    settings = BackendSettings(kind="openai", base_url="http://127.0.0.1:9/v1", api_key="k", model="m", timeout_s=2)
    steps = list(Assistant(settings).stream("s", "这份数据有多少条?"))
    assert [s.kind for s in steps] == ["answer"] and not steps[0].ok and "连不上模型服务" in steps[0].text


def _tiny(tmp_path):
    data = tmp_path / "tiny.csv"
    data.write_text("question,answer\n" + "".join(f"q{i},a{i}\n" for i in range(4)), encoding="utf-8")
    return data


def test_a_model_that_leaves_out_the_path_trains_on_the_newest_file(shared_copy, workspace):
    data = shared_copy("qianfan/qa_pair.csv")
    policy = script([call("convert_dataset", to="qianfan"), text("Converted."), call("start_training"), text("Plan ready.")])
    with FakeOpenAI(policy) as server:
        assistant = Assistant(settings_for(server))
        assistant.run("s", "转成千帆", [str(data)])
        planned = assistant.run("s", "用转换后的数据开始训练")
    assert planned["pending"]["details"]["source"] == "qa_pair.qianfan.jsonl" and no_runs(workspace)
    assert "qa_pair.qianfan.jsonl" in next(s for s in planned["steps"] if s.kind == "pending").summary


def test_train_on_this_after_a_refused_path_means_the_latest_file_that_worked(shared_copy, workspace):
    """A refused or missing file is forgotten by its typed mark (``data.unusable_path``), not by
    reading the English sentence."""
    from langchain_core.messages import AIMessage

    from assistant.attachments import with_attachments
    from assistant.offline import plan
    from assistant.toolset import TOOLS, import_upload

    tools = {t.name: t for t in TOOLS}
    data = str(import_upload(shared_copy("qianfan/qa_pair.csv")))
    history = [HumanMessage(with_attachments("看看这份数据", [data])),
               AIMessage("", tool_calls=[{"name": "inspect_dataset", "args": {"path": data}, "id": "c1"}]),
               ToolMessage(tools["inspect_dataset"].invoke({"path": data}), tool_call_id="c1", name="inspect_dataset"),
               AIMessage("86 条。"),
               HumanMessage("检查 /etc/passwd 的质量"),
               AIMessage("", tool_calls=[{"name": "check_quality", "args": {"path": "/etc/passwd"}, "id": "c2"}])]
    refused = tools["check_quality"].invoke({"path": "/etc/passwd"})
    assert ToolResult.parse(refused).unusable_path == "/etc/passwd"
    history += [ToolMessage(refused, tool_call_id="c2", name="check_quality"), AIMessage("没有成功。")]
    assert plan("用这个数据训练", history=history) == [{"name": "start_training", "args": {"path": data}}]
    assert plan("检查一下质量", history=history)[0]["args"]["path"] == data
