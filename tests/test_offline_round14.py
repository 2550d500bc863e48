"""General causes the round-14 blind corpus showed (a nurse new to ML, Taiwanese phrasing, an annotation lead, a CTO in a
hurry, a precise researcher, a support manager with many 语气词), tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, amounts
from assistant.nlu.paths import find_paths
from assistant.nlu.review import placeholder_values, rule_command


def test_a_one_character_word_after_a_space_belongs_to_the_name():
    assert [p.text for p in find_paths("请在 用药指南.csv 里加示例")] == ["用药指南.csv"]
    assert [p.text for p in find_paths("把问答数据.xlsx转成jsonl")] == ["问答数据.xlsx"]


@pytest.mark.parametrize("text, args", [
    ("给 kb.csv 每一条都做一个带示例的 few-shot 样本,示例放三个", {"k": 3, "fraction": 1.0}),
    ("few-shot for kb.jsonl, each prompt with 4 retrieved exemplars", {"k": 4}),
    ("make 250 step-by-step reasoning samples from kb.jsonl", {"n_samples": 250}),
])
def test_counts_and_k_in_other_words(text, args):
    got = one_call(text)[1]
    assert {k: got.get(k) for k in args} == args
    assert got.get("n_samples") != 1 and "max_steps" not in got


@pytest.mark.parametrize("text, values", [
    ("bot.json 里有个 {{author}} 的地方,帮我填成“夜莺团队”", {"author": "夜莺团队"}),
    ("bot.json has {{name}} in it. Please put O'Neil Assistant there.", {"name": "O'Neil Assistant"}),
])
def test_a_placeholder_value_said_after_the_placeholder(text, values):
    assert placeholder_values(text) == values


@pytest.mark.parametrize("text, steps", [
    ("上线前先拿 kb.csv 试试不同的学习率,跑 30 步", 30),
    ("run a learning-rate sweep probe on kb.csv with 50 optimizer steps", 50),
    ("correction: the probe should run 70 steps. dataset kb.csv", 70),
])
def test_the_probe_in_other_words(text, steps):
    assert one_call(text) == ("probe_learning_rate", {"path": "kb.csv", "steps": steps})


def test_a_skipped_probe_is_no_probe():
    assert one_call("forget the probe - just give me hparams for kb.csv")[0] == "suggest_hyperparameters"


@pytest.mark.parametrize("text, tool", [
    ("上周停掉的那个训练,接着往下跑", "resume_training"),
    ("nlp-lora-7 训完啦,帮我看看学得好不好,会不会把原来的本事忘了", "evaluate_run"),
    ("training done. better than the base model or not?", "evaluate_run"),
    ("Abort run qa-lora-9; the loss is diverging.", "stop_training"),
    ("sorry, I meant job_lora_5, not 4. how is that one doing?", "training_status"),
    ("不好意思呀,我刚刚是想停掉 run-a7,不是 run-a8,a8 还要继续跑的", "stop_training"),
])
def test_runs_in_other_words(text, tool):
    assert one_call(text)[0] == tool


def test_a_run_id_at_the_end_of_a_sentence_has_no_full_stop():
    assert one_call("Show the loss for run lora-x-0101.")[1]["run_id"] == "lora-x-0101"


@pytest.mark.parametrize("text", [
    "is it normal that the loss goes up a bit after warmup?",
    "What does the range test measure, and how should I interpret it?",
    "say we skip deduplication, what breaks",
])
def test_questions_and_hypotheticals_are_explained(text):
    assert acts.speech_act(text) in ("question", "hypothetical")
    assert one_call(text)[0] == "explain"


def test_a_value_ruled_out_in_a_correction_is_not_taken():
    assert amounts.training_args("学习率不是 2e-3,改成 1e-4") == {"learning_rate": 1e-4}


@pytest.mark.parametrize("text, decision", [
    ("不是删,是保留。长答案都留着", "keep"),
    ("I said drop the long answers but I meant keep them", "keep"),
    ("说错了,不是删重复的,是删困惑度异常的", "drop"),
])
def test_review_decisions_after_a_change_of_mind(text, decision):
    assert rule_command(text)[1] == decision
