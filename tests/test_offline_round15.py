"""General causes the round-15 blind corpus (ordinary users, the realistic middle) showed, tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call


@pytest.mark.parametrize("text, tool", [
    ("what's the current step and loss?", "training_status"),
    ("the job died last night, pick it up again where it left off", "resume_training"),
    ("Should the system prompt at inference be the same as in training?", "explain"),
    ("Do I need a warmup for lora training?", "explain"),
])
def test_status_resume_and_general_questions(text, tool):
    assert one_call(text)[0] == tool


def test_a_correction_without_but_keeps_what_is_wanted():
    assert one_call("等下，我不是要恢复训练，我是想看 run-0101-0900 的进度") == ("training_status", {"run_id": "run-0101-0900"})


def test_the_file_ruled_out_is_not_the_one_meant():
    assert one_call("不是 a_old.jsonl，我要检查质量的是 b_new.csv") == ("check_quality", {"path": "b_new.csv"})


def test_a_corrected_setting_with_a_file_name_is_a_run_not_a_conversion():
    tool, args = one_call("Correction: lr should be 3e-5. Train on notes.jsonl with that")
    assert (tool, args["path"], args["learning_rate"]) == ("start_training", "notes.jsonl", 3e-5)


@pytest.mark.parametrize("text", ["do an LR range test on kb.jsonl with 40 steps", "do the learning-rate probe on kb.jsonl, 40 steps"])
def test_do_is_still_an_imperative(text):
    assert one_call(text) == ("probe_learning_rate", {"path": "kb.jsonl", "steps": 40})
