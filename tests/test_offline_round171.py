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
