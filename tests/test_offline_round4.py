"""General causes the round-4 blind corpus showed, tested on phrasings of our own (none copied from it):
yes/no questions about how an action behaves ("会…吗", "是…的吗"), "咋样" outcomes, definitions that name a
tool, hypotheticals with no word of our domain, review rules and placeholder values sent with no check
before them, evaluation asked of a named run, an upload announced in other words, file names with
brackets, a version word after a space or a word that starts like a preposition, an unquoted template
family, and a probe's step count written after its name."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts
from assistant.offline import plan
from tools.errors import UserError

UP = "/ws/uploads"
ACTS_ON_RUNS = {"start_training", "stop_training", "resume_training"}


@pytest.mark.parametrize("text", [
    "恢复训练会从第一个 epoch 重新开始吗", "转成 alpaca 是会把多轮对话拆开的吗?", "数据检查都看哪些东西?",
    "lora 微调数据多少条才够", "假如 epoch 开到 50 会咋样", "what's a learning rate probe",
    "does resuming a run reuse the optimizer state?", "what would happen if I kill the job halfway?"])
def test_questions_about_how_an_action_behaves_never_act(text):
    calls = plan(text, [f"{UP}/qa.jsonl"])
    assert [c["name"] for c in calls] in (["explain"], []) and not {c["name"] for c in calls} & ACTS_ON_RUNS


@pytest.mark.parametrize("text", ["停掉会不会丢 checkpoint 吗", "要是现在把它停了会怎样"])
def test_a_question_about_stopping_is_no_stop(text):
    assert not {c["name"] for c in plan(text)} & ACTS_ON_RUNS


@pytest.mark.parametrize("text, args", [
    ("效果怎么样", {}), ("exp_12 跑完了,有没有遗忘?", {"run_id": "exp_12"}),
    ("did the model forget its general skills after qa-lora-4?", {"run_id": "qa-lora-4"})])
def test_how_a_named_or_latest_run_did_is_its_evaluation(text, args):
    assert one_call(text) == ("evaluate_run", args)


def test_a_general_question_about_forgetting_is_explained_not_evaluated():
    assert one_call("训练太久会导致遗忘吗")[0] == "explain"


@pytest.mark.parametrize("text, rule, decision", [
    ("short ones can stay, keep them", "short_answer", "keep"), ("把冲突的都去掉", "conflict", "drop"),
    ("矛盾的先留着别动", "conflict", "keep"), ("drop every near duplicate", "near_duplicate", "drop")])
def test_a_rule_with_no_data_in_sight_reviews_the_latest_check(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


def test_a_rule_about_flagged_rows_of_a_named_file_applies_to_that_files_check():
    assert one_call("in support.jsonl, remove what got flagged as repetitive") == (
        "apply_quality_rule", {"rule": "repetitive", "decision": "drop", "path": "support.jsonl"})
    assert one_call("售后_report.json 里乱码的那些删了") == (
        "apply_quality_rule", {"rule": "garbled", "decision": "drop", "path": "售后_report.json"})


def test_the_review_tool_says_plainly_when_there_is_no_check_yet(tmp_path, monkeypatch):
    from assistant import quality_tools

    monkeypatch.setenv("SFT_HOME", str(tmp_path))
    with pytest.raises(UserError, match="No quality check yet"):
        quality_tools._latest_report()


@pytest.mark.parametrize("text, values", [
    ("self_id.json 里作者填 蓝鲸工作室", {"author": "蓝鲸工作室"}),
    ("replace the {{name}} tokens in self_id.json with \"Pixel\"", {"name": "Pixel"}),
    ("oh and the author should be \"Blue Whale Studio\" in self_id.json", {"author": "Blue Whale Studio"})])
def test_placeholder_values_by_their_own_names_fill_the_file(text, values):
    assert one_call(text) == ("fill_placeholders", {"path": "self_id.json", "values": values})


def test_a_corrected_placeholder_value_fills_the_uploaded_file():
    assert one_call("不对,名字应该叫 阿蓝", [f"{UP}/self_id.json"]) == (
        "fill_placeholders", {"path": f"{UP}/self_id.json", "values": {"name": "阿蓝"}})


@pytest.mark.parametrize("text", ["sup, that's our dataset from last sprint", "attaching the support dump, have a look"])
def test_an_upload_announced_in_other_words_is_looked_at(text):
    assert one_call(text, [f"{UP}/support.jsonl"]) == ("inspect_dataset", {"path": f"{UP}/support.jsonl"})


@pytest.mark.parametrize("text, path", [
    ("看看 理赔问答(二期).xlsx 有几条", "理赔问答(二期).xlsx"), ("质检一下 售后问答 v3.csv", "售后问答 v3.csv"),
    ("对比数据.jsonl 转 alpaca", "对比数据.jsonl"), ("把 客服记录（终版）.csv 转 alpaca", "客服记录（终版）.csv")])
def test_file_names_with_brackets_versions_and_preposition_like_starts(text, path):
    assert one_call(text)[1]["path"] == path


def test_a_verb_before_a_version_named_file_stays_out_of_its_name():
    assert one_call("检查 v2.csv 的质量")[1]["path"] == "v2.csv"


def test_an_unquoted_template_family_and_a_probe_step_count():
    assert one_call("qa.jsonl 做指令增强,说法用 总结一下|概括下面内容|用一句话总结")[1]["templates"] == [
        "总结一下|概括下面内容|用一句话总结"]
    assert one_call("给 qa.jsonl 跑个学习率探测,步数=40") == ("probe_learning_rate", {"path": "qa.jsonl", "steps": 40})


def test_a_command_that_opens_with_do_is_no_question():
    assert acts.speech_act("do CoT on half of the rows") == "command"
    assert acts.speech_act("do people usually dedup before training?") == "question"


def test_a_terse_stop_with_a_run_id_and_data_cleaning_slang():
    assert one_call("不是这个,停 exp_9") == ("stop_training", {"run_id": "exp_9"})
    assert one_call("数据有点脏,帮忙洗一下", [f"{UP}/raw.jsonl"]) == ("check_quality", {"path": f"{UP}/raw.jsonl"})
