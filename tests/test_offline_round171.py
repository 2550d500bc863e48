"""General causes found in the round-167 to round-178 blind corpora once each was measured; tested on phrasings of
our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call


@pytest.mark.parametrize("text, to", [("把 菜单.csv 转成羊驼格式", "alpaca"), ("convert menu.csv to the Baidu format", "qianfan"),
                                      ("菜单.csv 转百度的格式", "qianfan")])
def test_formats_by_brand_or_nickname(text, to):
    assert one_call(text) == ("convert_dataset", {"path": "菜单.csv" if "菜单" in text else "menu.csv", "to": to})


@pytest.mark.parametrize("text, rule, decision", [
    ("of the duplicates I only want one copy of each left", "duplicates", "drop"),
    ("重复的那些,每条只留一份", "duplicates", "drop"),
    ("undo dropping the long answers, keep those", "long_answer", "keep"),
])
def test_a_review_decision_said_as_its_result(text, rule, decision):
    tool, args = one_call(text)
    assert (tool, args.get("rule"), args.get("decision")) == ("apply_quality_rule", rule, decision)


def test_a_finished_run_asked_how_it_did_is_evaluated():
    assert one_call("第二版跑完了(run id 是 menu_v2_e4),效果咋样") == ("evaluate_run", {"run_id": "menu_v2_e4"})


def test_steps_numbered_in_chinese_words_are_a_list():
    assert one_call("第一步把 run-1204-a 停了,第二步看看 菜单.csv")[0] == "stop_training"


@pytest.mark.parametrize("text, sheet", [("look at menu.xlsx, sheet: 'Lunch specials', question column: q", "Lunch specials"),
                                         ("menu.xlsx to alpaca, sheet = 'Sheet 3'", "Sheet 3"),
                                         ("menu.xlsx to alpaca, sheet: Lunch. thanks", "Lunch")])
def test_a_quoted_sheet_after_a_colon_or_equals_keeps_its_spaces(text, sheet):
    assert one_call(text)[1]["sheet"] == sheet


def test_a_count_in_words_after_steps_colon():
    assert one_call("lr range test on menu.jsonl, steps: sixty") == ("probe_learning_rate", {"path": "menu.jsonl", "steps": 60})


@pytest.mark.parametrize("text, tool, run", [("停掉 编号 = lab0930c", "stop_training", "lab0930c"),
                                             ("resume r8-lr1e4-1201 please", "resume_training", "r8-lr1e4-1201")])
def test_run_ids_after_a_number_word_or_with_settings_inside(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


def test_the_persons_own_count_after_the_manuals_counts():
    assert one_call("rule of thumb: 1000 samples ~10 epochs. I've got 2500, what settings would you suggest?") == ("suggest_hyperparameters", {"n_samples": 2500})


@pytest.mark.parametrize("text, tool, args", [
    ("抱歉,学习率是3e-4,刚才打成3e-3了", "start_training", {"learning_rate": 0.0003}),
    ("wait, the base model should be Qwen2-1.5B, not the 0.5B one", "start_training", {"base_model": "Qwen2-1.5B"}),
    ("hmm I said 5 shots, make it 3", "add_few_shot", {"k": 3}),
])
def test_a_value_put_right_in_more_words(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_placeholder_value_may_end_with_a_number():
    assert one_call("fill identity.json: call it Nova, author Lab 7.") == ("fill_placeholders", {"path": "identity.json", "values": {"name": "Nova", "author": "Lab 7"}})


def test_a_decision_first_then_a_count_asked_is_the_decision():
    assert one_call("重复的那批直接删了吧,我就看删完还剩几条") == ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})


def test_is_the_training_done_asks_the_status():
    assert one_call("quick one, is the training nearly finished?") == ("training_status", {})


@pytest.mark.parametrize("text", ["总结一下手册里关于数据配比的建议", "数据增强具体是怎么个增强法?", "where do people usually find few-shot examples?",
                                  "is it better to train on one merged file or on two files?"])
def test_more_questions_never_act(text):
    assert one_call(text)[0] == "explain"
