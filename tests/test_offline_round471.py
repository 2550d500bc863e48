"""Causes of misses of the round-471 to round-478 blind corpora (measured at first sight before any fix, then mended); tested
on phrasings of our own (a lighthouse museum's front desk), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, slots
from assistant.offline import plan

UP = "/tmp/sft-eval/uploads"


@pytest.mark.parametrize("text, want", [
    ("把 beam-run-2 停了,beam-run-1 留着继续跑", ("stop_training", {"run_id": "beam-run-2"})),
    ("不对,要撤下来的是 beam-run-4,不是 beam-run-3", ("stop_training", {"run_id": "beam-run-4"})),
    ("You'll be stopping run beam-run-5 now; we're done with it.", ("stop_training", {"run_id": "beam-run-5"})),
    ("check where run beam-run-6 is", ("training_status", {"run_id": "beam-run-6"})),
    ("Isn't beam-run-6 supposed to be done by now?", ("training_status", {"run_id": "beam-run-6"})),
    ("Post-match report on beam-run-6, how did it score?", ("evaluate_run", {"run_id": "beam-run-6"})),
    ("beam-run-7 在板凳上坐够久了,接着上次的进度跑", ("resume_training", {"run_id": "beam-run-7"})),
])
def test_a_run_stopped_watched_or_taken_up_as_said(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "明天提醒我跟你说 beam-run-8 停不停,今天先别动它。",
    "Remind me on Monday to decide whether to stop beam-run-8. Leave it alone today.",
    "近似重复的我已经在表里手动删过了",
    "质检报告看完了,空答案我自己在 Excel 里删了。下一步该干嘛?",
])
def test_a_reminder_or_work_done_by_hand_starts_stops_or_drops_nothing(text):
    assert all(call["name"] not in ("stop_training", "resume_training", "start_training", "apply_quality_rule") for call in plan(text))


def test_a_stop_asked_about_and_ruled_out_for_now_is_explained():
    text = "If I wished to stop beam-run-9 at some point, could I? I only want to know. Please do not stop it now."
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, want", [
    ("之前说有 6000 条是我记错了,其实只有 900 条左右,epoch 设多少?", 900),
    ("I said 20k rows but it's really about 2,400. Epochs?", 2400),
    ("三个 sheet,每个 sheet 700 行,加起来 2100 条,学习率怎么定", 2100),
    ("30 files with 40 Q&A each, so 1,200 samples total. Recommended epochs?", 1200),
])
def test_the_count_meant_wins_over_one_said_wrongly_or_a_part(text, want):
    assert amounts.count_args(text)["n_samples"] == want


@pytest.mark.parametrize("text, want", [
    ("A列是问题,D列是答案", {"question_field": "A", "answer_field": "D"}),
    ("column B is the question and column E is the answer", {"question_field": "B", "answer_field": "E"}),
    ("(A = question, C = answer)", {"question_field": "A", "answer_field": "C"}),
    ("q=title a=body", {"question_field": "title", "answer_field": "body"}),
])
def test_columns_named_by_their_letter(text, want):
    fields = slots.find_fields(text)
    assert {k: fields.get(k) for k in want} == want


@pytest.mark.parametrize("text, want", [
    ("为什么不把完全重复的那些删了?留着干嘛。", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("Why not get rid of the empty answers? No point keeping them.", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("Why not give identity.json a name? Call it \"Lumen\".", ("fill_placeholders", {"path": "identity.json", "values": {"name": "Lumen"}})),
    ("重复数据不删就是浪费算力,先帮我查查 beam_qa.csv 里的重复", ("check_quality", {"path": "beam_qa.csv"})),
    ("接下来你会把 beam_qa.xlsx 转成 alpaca 格式,对吧?那就开始吧。", ("convert_dataset", {"path": "beam_qa.xlsx", "to": "alpaca"})),
    ("Tomorrow you will convert beam_qa.csv to sharegpt", ("convert_dataset", {"path": "beam_qa.csv", "to": "sharegpt"})),
    ("数据我已经转成 alpaca 了,文件叫 beam_alpaca.json。下一步想给 10% 的样本加 few-shot",
     ("add_few_shot", {"path": "beam_alpaca.json", "fraction": 0.1})),
    ("[x] identity.json 下好了\n[ ] 把占位符换掉:名字=小灯,作者=灯塔馆", ("fill_placeholders", {"path": "identity.json", "values": {"name": "小灯", "author": "灯塔馆"}})),
    ("run the checks on beam_qa.xlsx", ("check_quality", {"path": "beam_qa.xlsx"})),
    ("It's not full fine-tuning, it's LoRA. Redo the advice for 2,000 samples.", ("suggest_hyperparameters", {"n_samples": 2000, "method": "lora"})),
])
def test_requests_said_as_why_not_foretold_or_after_work_done(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, rule, decision", [
    ("差不多意思的那些也删掉,留一条就行", "near_duplicate", "drop"),
    ("冲突的那几条先留在表里", "conflict", "keep"),
    ("Cut the placeholder answers from the set", "placeholder", "drop"),
])
def test_rules_and_decisions_said_other_ways(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


def test_a_letter_is_no_column_where_it_names_the_role_and_a_run_stopped_by_mistake_goes_on():
    assert slots.find_fields("Q列=question A列=answer") == {"question_field": "question", "answer_field": "answer"}
    assert slots.find_fields("q=question a=answer 不变") == {"question_field": "question", "answer_field": "answer"}
    assert slots.find_fields("question col is user_q answer col agent_a") == {"question_field": "user_q", "answer_field": "agent_a"}
    assert one_call("刚刚手滑把 beam-run-2 停了,帮我恢复,接着跑。") == ("resume_training", {"run_id": "beam-run-2"})
    assert one_call("昨晚断电,beam-run-2 停了,帮我从断点接着训") == ("resume_training", {"run_id": "beam-run-2"})
