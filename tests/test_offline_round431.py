"""Causes of the misses in the round-431 to round-438 blind corpora (measured at first sight at 1aaf8d5 before any fix, then
mended); tested on phrasings of our own (a florist's shop), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, planner, review, slots
from assistant.offline import plan


@pytest.mark.parametrize("text, run", [
    ("petal-0412", "petal-0412"),
    ("rose_7c2", "rose_7c2"),
    ("tulip-2024-11。", "tulip-2024-11"),
    ("👀 petal-0412", "petal-0412"),
    ("🔍 lily-33 ⏳?", "lily-33"),
])
def test_a_run_id_alone_is_looked_at_never_resumed_or_evaluated(text, run):
    assert one_call(text) == ("training_status", {"run_id": run})


@pytest.mark.parametrize("text", ["utf-8", "lora_r"])
def test_a_setting_or_an_encoding_alone_is_no_run(text):
    assert not any(c["name"] == "training_status" and c["args"].get("run_id") == text for c in plan(text))


def test_play_is_go_and_resumes_only_a_run_it_names():
    assert plan("👌 ▶️") == []
    assert one_call("▶️ train florist_faq.jsonl, lr 1e-4") == ("start_training", {"path": "florist_faq.jsonl", "learning_rate": 0.0001})
    assert one_call("▶️ bloom-0412") == ("resume_training", {"run_id": "bloom-0412"})


@pytest.mark.parametrize("text", [
    "空答案的那些我下午自己在表格里删过了",
    "重复的我们已经自己在 Excel 里去重过了哈",
    "I deduplicated the sheet myself in Numbers",
    "09:40 launched a run myself from the terminal, run id petal-9.",
])
def test_what_the_person_did_by_hand_is_noted_not_done_again(text):
    assert plan(text) == []


def test_a_request_after_what_was_done_by_hand_is_still_made():
    assert one_call("重复的我自己在表里删过了,帮我把 florist_faq.csv 转成 alpaca") == (
        "convert_dataset", {"path": "florist_faq.csv", "to": "alpaca"})


@pytest.mark.parametrize("text, steps", [
    ("Worth a try. Probe on florist_faq.jsonl, 60 steps.", 60),
    ("学习率我心里没底,先拿 florist_faq.jsonl 试着跑一小会儿,跑个120步看看", 120),
])
def test_a_short_probe_asked_in_other_words_is_the_probe_not_a_run(text, steps):
    assert one_call(text) == ("probe_learning_rate", {"path": "florist_faq.jsonl", "steps": steps})


def test_struck_out_text_is_not_said():
    assert plan("~~帮我开始训练~~ 先看看 florist_faq.jsonl") == [{"name": "inspect_dataset", "args": {"path": "florist_faq.jsonl"}}]
    tool, args = one_call("florist_faq.jsonl 开训,epoch ~~6~~ 2,学习率 ~~1e-3~~ 2e-4")
    assert tool == "start_training" and args["epochs"] == 2 and args["learning_rate"] == 0.0002


@pytest.mark.parametrize("text, want", [
    ("inspect florist_fqa.jsonl\n*faq", ("inspect_dataset", {"path": "florist_faq.jsonl"})),
    ("k 改成 5\n*k 改成 2,打错了", ("add_few_shot", {"k": 2})),
    ("stop bloom-0412\n*resume bloom-0412, not stop", ("resume_training", {"run_id": "bloom-0412"})),
    ("train florist_faq.jsonl with rank 8\n*32", ("start_training", {"path": "florist_faq.jsonl", "lora_r": 32})),
])
def test_a_typo_put_right_on_the_next_line(text, want):
    assert one_call(text) == want


def test_a_markdown_bullet_is_no_typo_fix():
    assert planner._star_fixed("计划:\n* 转格式\n* 训练") is None
    assert planner._star_fixed("note\n**bold**") is None


@pytest.mark.parametrize("text, want", [
    ("每条提示里放4个示例 florist_faq.jsonl", {"k": 4}),
    ("给 florist_faq.jsonl 里200条加上示例", {"n_samples": 200}),
])
def test_few_shot_counts(text, want):
    tool, args = one_call(text)
    assert tool == "add_few_shot" and want.items() <= args.items()
    assert "k" not in args or args["k"] <= 10


@pytest.mark.parametrize("text, rule", [
    ("没填答案的那些直接删掉", "empty_answer"),
    ("同一句话翻来覆去说好几遍的,删了吧", "repetitive"),
    ("the exact same rows showing up twice - drop them", "exact_duplicate"),
    ("answers that are only the question pasted in again: bin them", "answer_is_question"),
])
def test_a_rule_in_plain_words_and_its_decision(text, rule):
    assert review.rule_command(text) == (rule, "drop")
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": "drop"})


@pytest.mark.parametrize("text", [
    "Run a check on florist_faq.jsonl.",
    "florist_faq.csv 帮忙检查一下,看有没有没答的",
    "go through florist_faq.jsonl for doubled-up rows please",
])
def test_problems_looked_for_are_the_quality_check(text):
    assert one_call(text)[0] == "check_quality"


def test_a_look_at_format_and_lengths_stays_a_look():
    assert one_call("sanity-check florist_faq.json — format and lengths")[0] == "inspect_dataset"


def test_a_sheet_named_before_its_quote_and_a_request_that_is_no_sheet():
    assert slots.find_fields("florist.xlsx 第三页叫“婚礼花艺”,问题在“客人问”那列,你看看这一页") == {
        "sheet": "婚礼花艺", "question_field": "客人问"}
    assert slots.find_fields("florist.xlsx 有个叫“节日”的表,你看下那页").get("sheet") == "节日"


@pytest.mark.parametrize("text", ["学习率设多少合适呀?", "epoch 用几个比较好啊"])
def test_a_value_asked_with_a_particle_is_still_advice(text):
    assert one_call(text)[0] == "suggest_hyperparameters"


def test_k_over_ten_before_tiao_is_a_sample_count():
    assert amounts.count_args("给 x.jsonl 里300条加上示例", few_shot=True) == {"n_samples": 300}
