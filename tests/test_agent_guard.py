"""The tool guard: training starts/stops only when the user asked, and a missing path means
the conversation's latest file."""
from __future__ import annotations

from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from assistant.agent import Assistant
from assistant.backends import BackendSettings
from assistant.guard import GUARDED, latest_file, user_asked
from fake_openai import FakeOpenAI, call, script, text


def settings_for(server: FakeOpenAI) -> BackendSettings:
    return BackendSettings(kind="openai", base_url=server.base_url, api_key=server.api_key, model="m")


_START, _STOP = GUARDED["start_training"], GUARDED["stop_training"]


def test_user_asked_reads_the_latest_user_message_only():
    def state(*messages):
        return {"messages": list(messages)}

    assert user_asked(state(HumanMessage("please train on it for 3 epochs")), _START)
    assert user_asked(state(HumanMessage("开始训练吧")), _START)
    assert not user_asked(state(HumanMessage("inspect this\n[attached file: /w/uploads/train.csv]")), _START)
    assert not user_asked(state(HumanMessage("train it"), AIMessage("done"), HumanMessage("how many rows?")), _START)
    asked = AIMessage("Shall I start training with 10 epochs?")
    assert user_asked(state(HumanMessage("check it"), asked, HumanMessage("yes")), _START)
    assert user_asked(state(HumanMessage("看看"), AIMessage("要开始训练吗?"), HumanMessage("好的")), _START)
    assert not user_asked(state(HumanMessage("check it"), AIMessage("It has 86 rows."), HumanMessage("ok")), _START)
    assert user_asked(state(HumanMessage("停止训练")), _STOP) and not user_asked(state(HumanMessage("status?")), _STOP)


def test_latest_file_prefers_the_newest_output_or_attachment():
    upload = HumanMessage("inspect\n[attached file: /w/uploads/qa.csv]")
    converted = ToolMessage('{"ok": true, "summary": {}, "data": {}, "files": ["/w/outputs/qa.alpaca.json"]}', tool_call_id="1")
    failed = ToolMessage('{"ok": false, "summary": {}, "data": {}, "files": ["/w/outputs/bad"]}', tool_call_id="2")
    assert latest_file([upload]) == "/w/uploads/qa.csv"
    assert latest_file([upload, converted, failed, HumanMessage("now train")]) == "/w/outputs/qa.alpaca.json"
    assert latest_file([HumanMessage("hi")]) is None


def test_a_model_cannot_start_or_stop_training_unasked(shared_copy, workspace):
    data = shared_copy("qianfan/qa_pair.csv")
    policy = script([call("start_training", path="qa_pair.csv", max_steps=1), text("I started it."),
                     call("stop_training"), text("I stopped it.")])
    with FakeOpenAI(policy) as server:
        assistant = Assistant(settings_for(server))
        started = assistant.run("s", "how many rows does this have?", [str(data)])
        stopped = assistant.run("s", "what does it look like?")
    for result in (started, stopped):
        refusal = next(s for s in result["steps"] if s.kind == "tool_result")
        assert not refusal.ok and "Ask them to confirm" in refusal.summary
    assert not (workspace / "runs").exists() or not any((workspace / "runs").iterdir())


def test_missing_path_uses_the_upload_of_this_conversation(shared_copy, workspace):
    data = shared_copy("qianfan/qa_pair.csv")
    policy = script([text("Got it."), call("convert_dataset", to="openai"), text("Converted.")])
    with FakeOpenAI(policy) as server:
        assistant = Assistant(settings_for(server))
        assistant.run("s", "here is my data", [str(data)])
        result = assistant.run("s", "convert it to openai messages")
    converted = next(s for s in result["steps"] if s.kind == "tool_result")
    assert converted.ok and converted.files[0].startswith(str(workspace / "outputs"))
    assert "qa_pair" in converted.files[0]


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


def _state(*messages):
    return {"messages": list(messages)}


def test_the_guard_lets_through_the_words_the_offline_model_acts_on():
    """One vocabulary (assistant.nlu.intents): what the model starts or stops on, the guard allows."""
    for text in ["叫停", "放弃吧", "quit", "end the run", "停止训练", "kill it", "别训了"]:
        assert user_asked(_state(HumanMessage(text)), _STOP), text
    for text in ["how is it going?", "训练进度怎么样", "don't stop"]:
        assert not user_asked(_state(HumanMessage(text)), _STOP), text
    asked = AIMessage('要现在用 qa.csv 开始 LoRA 训练吗?回复"确认"开始,或"取消"。')
    for text in ["冲", "搞起", "好的", "yes", "go ahead", "5 epochs"]:
        assert user_asked(_state(HumanMessage("要不要训练?"), asked, HumanMessage(text)), _START), text
    for text in ["不要", "算了", "what does lora mean?"]:
        assert not user_asked(_state(HumanMessage("要不要训练?"), asked, HumanMessage(text)), _START), text


def test_every_start_and_stop_in_the_corpora_passes_the_guard():
    """The model and the guard agree on every labelled request: a start or stop the offline model
    makes passes the guard, and a start it only asks about ("要不要训练?") does not."""
    import json
    from pathlib import Path

    from assistant.nlu.planner import Turn, decide

    root = Path(__file__).resolve().parents[1]
    for corpus in sorted((root / "eval").glob("utterances_*.jsonl")):
        for line in corpus.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            file = f"/w/uploads/{case.get('file') or 'qa.csv'}"
            decision = decide([Turn("user", f"{case['text']}\n[attached file: {file}]")])
            said = _state(HumanMessage(case["text"]))
            if decision.kind == "tools" and decision.calls[0]["name"] in GUARDED:
                assert user_asked(said, GUARDED[decision.calls[0]["name"]]), (corpus.name, case["text"])
            if decision.kind == "confirm":
                assert not user_asked(said, _START), (corpus.name, case["text"])


def test_getting_ready_to_train_is_asked_not_started():
    from assistant.nlu.planner import Turn, decide

    text = "我上传了数据,准备训练"
    decision = decide([Turn("user", f"{text}\n[attached file: /w/uploads/qa.csv]")])
    assert decision.kind == "confirm" and decision.calls[0]["name"] == "start_training"
    assert not user_asked(_state(HumanMessage(text)), _START)  # nor may another model start it


def test_train_on_this_after_a_refused_path_means_the_latest_file_that_worked(shared_copy, workspace):
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
    assert '"ok": false' in refused
    history += [ToolMessage(refused, tool_call_id="c2", name="check_quality"), AIMessage("没有成功。")]
    assert plan("用这个数据训练", history=history) == [{"name": "start_training", "args": {"path": data}}]
    assert plan("检查一下质量", history=history)[0]["args"]["path"] == data


def test_training_as_a_noun_or_a_question_starts_nothing():
    from assistant.nlu.planner import Turn, decide

    for text in ["the training data looks weird", "训练数据有重复吗", "训练前要做什么", "training"]:
        decision = decide([Turn("user", f"{text}\n[attached file: /w/uploads/qa.csv]")])
        assert decision.kind != "tools" or decision.calls[0]["name"] != "start_training", text
        assert not user_asked(_state(HumanMessage(text)), _START), text
    assert user_asked(_state(HumanMessage("先检查质量,然后训练")), _START)  # a listed step is a request
