"""Speech acts before tools (questions and hypotheticals never act, corrections replace the plan,
conditionals check first, uploads announced are looked at, off-topic gets a short answer), and the
argument rules of issue 10: fractions, fuzzy format names, run ids, values ruled out."""
from __future__ import annotations

import pytest

from assistant.nlu import acts, replies
from assistant.nlu.amounts import find_fraction, training_args
from assistant.nlu.fuzzy import closest, distance
from assistant.nlu.names import find_run_id
from assistant.nlu.planner import Turn, decide
from assistant.nlu.slots import find_format
from assistant.offline import plan

UP = "/ws/uploads"
ACTIONS = {"convert_dataset", "add_few_shot", "add_cot", "augment_instructions", "check_quality", "start_training",
           "stop_training", "resume_training", "evaluate_run", "inspect_dataset", "suggest_hyperparameters"}


@pytest.mark.parametrize("text", [
    "few-shot 数据加进训练有什么好处", "ppl是怎么用来评估数据质量的", "what happens if I train for too many epochs?",
    "is converting to sharegpt better than alpaca for multi-turn data?", "训练的时候中途停掉会怎样",
    "要是我把学习率调到1e-3,loss会炸吗", "if I stopped the run now would I lose the checkpoints?",
    "假如只有100条数据还跑3个epoch,会怎样", "what if I skip dedup and train on it as is?"])
@pytest.mark.parametrize("files", [[], [f"{UP}/qa.jsonl"]])
def test_questions_and_hypotheticals_about_an_action_are_explained_never_acted_on(text, files):
    calls = plan(text, files)
    assert [c["name"] for c in calls] == ["explain"], calls


@pytest.mark.parametrize("text, tool", [
    ("can a stopped run be resumed later", "explain"), ("is converting to qianfan lossy", "explain"),
    ("中断训练以后还能接着训吗", "explain"), ("给数据加思维链到底有没有用", "explain"),
    ("any duplicates in my data?", "check_quality"), ("能把它转成jsonl吗", "convert_dataset"),
    ("can you convert it to alpaca?", "convert_dataset"), ("数据有重复吗", "check_quality")])
def test_a_general_question_is_explained_but_a_question_about_my_data_or_a_polite_request_acts(text, tool):
    assert plan(text, [f"{UP}/qa.jsonl"])[0]["name"] == tool


def test_speech_acts():
    assert acts.speech_act("what happens if I train for too many epochs?") == "hypothetical"
    assert acts.speech_act("few-shot 数据加进训练有什么好处") == "question"
    assert acts.speech_act("no wait, suggest hyperparameters first") == "correction"
    assert acts.speech_act("把 qa.csv 转成 jsonl") == "command"
    assert acts.speech_act("能帮我把这个转成jsonl吗") == "command"  # a polite request is a command


@pytest.mark.parametrize("text, first", [
    ("先看看 faq.xlsx,没问题就转千帆", "inspect_dataset"), ("先检查一下 客服FAQ.xlsx,没问题再转千帆", "inspect_dataset"),
    ("inspect qa_pair.csv first, if the fields look right convert it to qianfan", "inspect_dataset"),
    ("先查重,干净的话就直接开训", "check_quality")])
def test_a_conditional_runs_its_check_first(text, first):
    assert plan(text, [f"{UP}/qa.jsonl"])[0]["name"] == first


def test_a_conditional_stops_when_its_check_fails():
    text = f"先看看 faq.xlsx,没问题就转千帆\n[attached file: {UP}/faq.xlsx]"
    failed = '{"ok": false, "summary": {"en": "faq.xlsx: no question column.", "zh": "faq.xlsx:没有问题列。"}, "data": {}, "files": []}'
    turns = [Turn("user", text), Turn("assistant", calls=[{"name": "inspect_dataset", "args": {"path": f"{UP}/faq.xlsx"}}]),
             Turn("tool", failed, name="inspect_dataset")]
    assert decide(turns).kind == "answer"  # no conversion after a failed check
    ok = failed.replace('"ok": false', '"ok": true')
    assert decide(turns[:2] + [Turn("tool", ok, name="inspect_dataset")]).calls[0]["name"] == "convert_dataset"


def test_a_correction_replaces_the_plan():
    history = [{"role": "user", "content": f"start training\n[attached file: {UP}/qa.jsonl]"},
               {"role": "assistant", "content": "Ready to start training on qa.jsonl. Confirm to start."}]
    assert [c["name"] for c in plan("no wait, suggest hyperparameters first", history=history)] == ["suggest_hyperparameters"]
    convert = [{"role": "user", "content": f"convert to alpaca\n[attached file: {UP}/qa.jsonl]"},
               {"role": "assistant", "content": "", "tool_calls": [{"name": "convert_dataset", "args": {"to": "alpaca"}, "id": "c1"}]},
               {"role": "tool", "content": '{"ok": true, "summary": {"en": "done", "zh": "好"}, "data": {}, "files": []}', "tool_call_id": "c1"},
               {"role": "assistant", "content": "done"}]
    assert plan("等下,转错了,要的是sharegpt不是alpaca", history=convert)[0]["args"]["to"] == "sharegpt"
    assert plan("sorry I meant k=2 not 5", [f"{UP}/qa.jsonl"])[0] == {"name": "add_few_shot", "args": {"path": f"{UP}/qa.jsonl", "k": 2}}


@pytest.mark.parametrize("text", ["here's my data", "传了个数据", "hi,数据发你了", "uploaded my training file"])
def test_a_casual_opener_with_an_upload_inspects_it(text):
    assert plan(text, [f"{UP}/qa.jsonl"]) == [{"name": "inspect_dataset", "args": {"path": f"{UP}/qa.jsonl"}}]


@pytest.mark.parametrize("text", ["capital of australia", "红烧肉怎么做", "give me a pasta recipe"])
def test_off_topic_gets_a_short_what_i_can_do_never_did_you_mean(text):
    decision = decide([Turn("user", text)])
    assert decision.kind == "unknown" and decision.reply == replies.OFF_TOPIC[replies.language(text)]
    assert "Did you mean" not in decision.reply and "你是想" not in decision.reply


@pytest.mark.parametrize("text, tool", [("炼起来", "start_training"), ("alright let's get this model cooking", "start_training"),
                                        ("pull the plug on run-20261201-0932", "stop_training"), ("接着训", "resume_training"),
                                        ("evaluate sft-abc123", "evaluate_run")])
def test_slang_is_read_and_a_start_or_stop_is_only_proposed(text, tool):
    decision = decide([Turn("user", f"{text}\n[attached file: {UP}/qa.jsonl]")])
    assert decision.calls and decision.calls[0]["name"] == tool  # the tool guard turns a start/stop into a pending action


@pytest.mark.parametrize("text, fraction", [
    ("20%", 0.2), ("百分之三十的数据", 0.3), ("一成", 0.1), ("两成数据", 0.2), ("一半", 0.5), ("a fifth of it", 0.2),
    ("四分之一", 0.25), ("给每条数据", 1.0), ("all the samples", 1.0), ("every record", 1.0), ("转成jsonl", None),
    ("学习率万分之一", None), ("做一版cot数据", None)])
def test_fractions_and_percentages(text, fraction):
    assert find_fraction(text) == (pytest.approx(fraction) if fraction is not None else None)


def test_fractions_reach_the_generating_tools_and_are_not_counts():
    files = [f"{UP}/qa.jsonl"]
    assert plan("few-shot 20% of the data, 3 demos per prompt", files)[0]["args"] == {"path": files[0], "k": 3, "fraction": 0.2}
    assert plan("给每条数据都加上思维链", files)[0]["args"] == {"path": files[0], "fraction": 1.0}
    assert plan("cot加一成就够了", files)[0]["args"] == {"path": files[0], "fraction": 0.1}
    assert "n_samples" not in plan("做一版cot数据", files)[0]["args"]  # "一版" is not n=1


def test_fuzzy_format_and_tool_words():
    assert distance("alpca", "alpaca") == 1 and distance("sharegtp", "sharegpt") == 1
    assert closest("alpca", ("alpaca", "sharegpt")) == "alpaca" and closest("apple", ("alpaca",)) is None
    assert find_format("convrt it to alpca") == "alpaca" and find_format("转成qianfna") == "qianfan"
    assert plan("convrt it to alpca", [f"{UP}/qa.csv"])[0] == {"name": "convert_dataset", "args": {"path": f"{UP}/qa.csv", "to": "alpaca"}}
    assert plan("cot-ify the file", [f"{UP}/qa.csv"])[0]["name"] == "add_cot"


def test_values_ruled_out_and_run_ids_and_short_epochs():
    assert find_format("要的是sharegpt不是alpaca") == "sharegpt" and find_format("sharegpt, not alpaca") == "sharegpt"
    assert find_run_id("sft-abc123 的loss")[0] == "sft-abc123" and find_run_id("stop run-20261201-0932")[0] == "run-20261201-0932"
    assert training_args("ep=5 lr=1e-5 跑起来") == {"epochs": 5, "learning_rate": 1e-5}


def test_field_names_and_file_names_keep_to_themselves():
    files = [f"{UP}/exam.jsonl"]
    assert plan("add cot, rationale field = 解析", files)[0]["args"].get("rationale_field") == "解析"
    assert plan("在教育问答.csv里加上思维链")[0]["args"]["path"] == "教育问答.csv"

