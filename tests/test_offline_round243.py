"""Consequential misreadings found in the round-243 to round-250 blind corpora (measured at first sight at the code of the
stop's end, then mended); tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text, tool", [
    ("sft lr-probe menu.jsonl --steps 80", "probe_learning_rate"),
    ("start a run on menu.jsonl, max 300 steps. I might kill it early if the loss looks off", "start_training"),
    ("先用 menu.jsonl 跑个训练,最多500步,不行我就停掉", "start_training"),
    ("把 run-0801-a 停了,等我改完数据再恢复", "stop_training"),
    ("my boss says this data is trash. check it, with perplexity too", "check_quality"),
    ("stop it, I forgot to remove the dupes", "stop_training"),
    ("> Which run do you want the status of?\nrun-0801-a", "training_status"),
])
def test_the_step_asked_not_the_one_mentioned(text, tool):
    assert one_call(text)[0] == tool


def test_a_formal_what_if_not_proceeding_never_acts():
    text = "Dear assistant,\n\nShould we decide to train for 20 epochs on 200 samples, would that hurt general ability? We are not proceeding yet.\n\nBest,\nM."
    assert one_call(text)[0] == "explain"


def test_a_change_of_mind_is_still_one():
    assert plan("直接开训吧。嗯…不行,还是先检查一下质量")[0]["name"] == "check_quality"


def test_trash_as_a_verb_still_drops():
    assert one_call("trash the empty answers") == ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})
