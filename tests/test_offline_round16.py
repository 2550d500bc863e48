"""General causes the round-16 blind corpus (ordinary users over a week) showed, tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.review import placeholder_values, rule_command


@pytest.mark.parametrize("text, tool", [
    ("接着跑那个被暂停了的训练", "resume_training"),
    ("please resume the run I stopped this morning", "resume_training"),
    ("Is my run done yet?", "training_status"),
    ("is the adapter ready?", "training_status"),
])
def test_runs_described_by_their_state(text, tool):
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text", ["quick look at kb.jsonl: format, count, duplicates", "peek at kb.jsonl, any dupes? don't change anything"])
def test_a_look_that_must_not_write_is_a_look(text):
    assert one_call(text)[0] == "inspect_dataset"


def test_a_sheet_named_before_the_target_format():
    assert one_call("convert kb.xlsx sheet Returns to alpaca") == ("convert_dataset", {"path": "kb.xlsx", "to": "alpaca", "sheet": "Returns"})


@pytest.mark.parametrize("text, values", [
    ("set {{name}} to Lexi and {{author}} to Smith & Wesson Labs.", {"name": "Lexi", "author": "Smith & Wesson Labs"}),
    ("set {{author}} to Acme Inc.", {"author": "Acme Inc."}),
])
def test_values_with_an_ampersand_and_a_full_stop(text, values):
    assert placeholder_values(text) == values


def test_not_drop_then_keep_in_other_words():
    assert rule_command("不是删掉,长答案都要留着") == ("long_answer", "keep")


def test_oh_no_opens_a_correction_but_oh_not_bad_does_not():
    from assistant.nlu import acts

    assert acts.speech_act("噢不,lr 改成 1e-4,还是用 kb.jsonl 训") == "correction"
    assert one_call("噢不,lr 改成 1e-4,还是用 kb.jsonl 训") == ("start_training", {"path": "kb.jsonl", "learning_rate": 1e-4})
    assert acts.speech_act("哦不错,转成 alpaca 吧") != "correction"
