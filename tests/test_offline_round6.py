"""General causes the round-5, -6 and -7 dev corpora showed, tested on phrasings of our own: unquoted English
file names with spaces and tags, hex run ids, columns and sheets placed in other words, shares of general
data in other shapes, A-not-A and either/or questions, effect questions about a setting, slang drops that
name a rule, corrections that only replace a value, and a stop said through what must not go on."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, amounts, slots
from assistant.nlu.paths import find_paths
from assistant.offline import plan

UP = "/ws/uploads"
ACTS_ON_RUNS = {"start_training", "stop_training", "resume_training"}


@pytest.mark.parametrize("text, path", [
    ("convert pricing faq.csv to alpaca", "pricing faq.csv"), ("check quality of Support Log (old).xlsx", "Support Log (old).xlsx"),
    ("look at [wip] hr_qa.xlsx", "[wip] hr_qa.xlsx"), ("inspcet legal_qa.csv", "legal_qa.csv"),
    ("I exported faq.csv", "faq.csv"), ("smoke-test qa.jsonl, 5 steps", "qa.jsonl")])
def test_unquoted_names_take_name_words_but_no_verbs(text, path):
    assert [f.text for f in find_paths(text)] == [path]


@pytest.mark.parametrize("text, tool, run_id", [
    ("resume 3fa9c1", "resume_training", "3fa9c1"), ("停掉 a1b2c3d4", "stop_training", "a1b2c3d4"),
    ("别让 9e8d7c 继续跑了", "stop_training", "9e8d7c")])
def test_hex_run_ids_and_a_stop_said_through_what_must_not_go_on(text, tool, run_id):
    assert one_call(text) == (tool, {"run_id": run_id})


def test_columns_and_sheets_placed_in_other_words():
    assert slots.find_fields("题目在 stem 列,答案在 key 列") == {"question_field": "stem", "answer_field": "key"}
    assert slots.find_fields("prompts are in user_text and replies in bot_text") == {
        "question_field": "user_text", "answer_field": "bot_text"}
    assert slots.find_fields("打开 售后 那个sheet")["sheet"] == "售后"
    assert slots.find_fields("sheet is Orders, thanks")["sheet"] == "Orders"


@pytest.mark.parametrize("text, share", [
    ("train it with 20% general mixed in", 0.2), ("开训,混点通用数据,5% 左右", 0.05), ("再掺三成通用语料", 0.3)])
def test_shares_of_general_data_in_other_shapes(text, share):
    assert amounts.find_mix(text) == share


@pytest.mark.parametrize("text", [
    "导出以后原来的文件还在不在", "做 CoT 一定要有推理列吗", "should I resume or start over after editing the data?",
    "would rank 128 even be worth it?", "质检主要查哪些东西"])
def test_a_not_a_either_or_and_effect_questions_never_act(text):
    assert [c["name"] for c in plan(text, [f"{UP}/qa.jsonl"])] in (["explain"], [])


@pytest.mark.parametrize("text, rule", [("purge the conflicting ones", "conflict"), ("乱码的毙了", "garbled"),
                                        ("不是长答案,是短答案那些删掉", "short_answer")])
def test_slang_drops_that_name_a_rule_are_reviews(text, rule):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": "drop"})


@pytest.mark.parametrize("text, args", [("make it 4 epochs instead of 12", {"epochs": 4}), ("lr 用 1e-4 就行,别 5e-4 了", {"learning_rate": 0.0001})])
def test_a_correction_that_only_replaces_a_value_restarts_with_it(text, args):
    assert acts.speech_act(text) == "correction"
    assert one_call(text) == ("start_training", args)


def test_placeholder_values_said_as_names():
    assert one_call("fill it in, the assistant is called Mo", [f"{UP}/me.json"])[1]["values"] == {"name": "Mo"}
    assert one_call("名字写 小七,作者写 七号工作室", [f"{UP}/me.json"])[1]["values"] == {"name": "小七", "author": "七号工作室"}


def test_which_format_a_file_is_in_is_a_look():
    assert one_call("is export.jsonl alpaca or sharegpt?") == ("inspect_dataset", {"path": "export.jsonl"})
