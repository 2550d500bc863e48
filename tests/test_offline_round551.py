"""Causes of misses of the round-551 to round-558 blind corpora (measured at first sight before any fix of their own, then
mended); tested on phrasings of our own (a rope-ferry crossing's ticket office), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import dictated, slots
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    # a sheet counted, not named: its position from 1; the count ruled out or said to hold no data is not the one meant
    ("看下 渡口问答.xlsx 的第三个sheet", ("inspect_dataset", {"path": "渡口问答.xlsx", "sheet": 3})),
    ("convert the second tab of ferry_faq.xlsx to jsonl", ("convert_dataset", {"path": "ferry_faq.xlsx", "sheet": 2, "to": "jsonl"})),
    ("渡口问答.xlsx 第一个sheet是封面,数据在第二个,先看看", ("inspect_dataset", {"path": "渡口问答.xlsx", "sheet": 2})),
    ("渡口问答.xlsx 第二个sheet叫“票务”,转成 alpaca", ("convert_dataset", {"path": "渡口问答.xlsx", "sheet": "票务", "to": "alpaca"})),
    # a file given as the model of what to do to another
    ("像上次处理 渡口_v1.csv 那样,把 渡口_v2.csv 也转成千帆格式", ("convert_dataset", {"path": "渡口_v2.csv", "to": "qianfan"})),
    ("Same perplexity check as on rope_q1.jsonl, now on rope_q2.jsonl", ("check_quality", {"path": "rope_q2.jsonl", "ppl": True})),
    ("跟 rope-ft-01 一样的评估,给 rope-ft-02 也做一遍", ("evaluate_run", {"run_id": "rope-ft-02"})),
    # a question about a step, then what to do on its answer; a what-if, then a go-ahead; a step proposed
    ("删掉的长答案还能找回吗?能的话帮我恢复回来", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("did you already evaluate run-rope-9? if not, do it", ("evaluate_run", {"run_id": "run-rope-9"})),
    ("run-rope-7 你已经停了吗?还没停就马上停", ("stop_training", {"run_id": "run-rope-7"})),
    ("what if you just dropped the garbled rows? go on", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("Why don't we pause run-rope-3 for now? The GPU is needed elsewhere.", ("stop_training", {"run_id": "run-rope-3"})),
    ("Can I get the dropped empty answers back? If so, please restore them", ("apply_quality_rule", {"rule": "empty_answer", "decision": "keep"})),
    # options numbered, then an arrow to the one chosen
    ("1. 看状态 2. 停 3. 评估 → 3,run id 是 rope-ft-12", ("evaluate_run", {"run_id": "rope-ft-12"})),
    ("Keep or drop the placeholder ones? 1. keep 2. drop → 2", ("apply_quality_rule", {"rule": "placeholder", "decision": "drop"})),
    # words said as sports or as voice typing hears them
    ("Run 5 laps over ferry_qa.jsonl", ("start_training", {"path": "ferry_qa.jsonl", "epochs": 5})),
    ("convert ferry underscore faq dot Jason L to all paca format", ("convert_dataset", {"path": "ferry_faq.jsonl", "to": "alpaca"})),
    ("开始迅练,用 渡口 点 jsonl,一破克设成四", ("start_training", {"path": "渡口.jsonl", "epochs": 4})),
    # a value changed by a relative amount the message states
    ("用 ferry_qa.jsonl 训练,学习率 4e-4 太大了,减半", ("start_training", {"path": "ferry_qa.jsonl", "learning_rate": 0.0002})),
    ("ferry_qa.jsonl 的 CoT 样本多加一倍,原来是 150 条", ("add_cot", {"path": "ferry_qa.jsonl", "n_samples": 300})),
    # a P.S. that puts the request right, or goes on with the question
    ("恢复一下 run-rope-5 吧。P.S. 先别恢复,先看看它停在哪一步了。", ("training_status", {"run_id": "run-rope-5"})),
    # candidates ruled out one by one; a rule named only to be ruled out
    ("有 a_qa.jsonl、b_qa.jsonl、c_qa.jsonl 三个,不是 a_qa.jsonl,也不是 c_qa.jsonl,是剩下那个,帮我看一下",
     ("inspect_dataset", {"path": "b_qa.jsonl"})),
    ("Not near-duplicates, not conflicts — the long ones. Drop those.", ("apply_quality_rule", {"rule": "long_answer", "decision": "drop"})),
    # parts of a plan said yes and no to; a rule each with its own decision
    ("ferry_qa.csv 检查做,删除先不做", ("check_quality", {"path": "ferry_qa.csv"})),
    ("Perplexity: yes please. Dropping the high-perplexity rows: no. File is ferry_qa.jsonl", ("check_quality", {"path": "ferry_qa.jsonl", "ppl": True})),
    ("乱码的删,短答案那些留着", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    # a note to oneself before the request; a step decided against, only told
    ("Leaving myself a note: few-shot never above 30%. This time 20% on ferry_qa.jsonl", ("add_few_shot", {"path": "ferry_qa.jsonl", "fraction": 0.2})),
    # keeping said after a drop said not to be done; restoring what was dropped
    ("wait, keep the short ones actually, don't drop them", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("restore the dropped long answers", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
])
def test_round551_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "把表转成jsonl以后,原来的xlsx还在不在?",
    "we write 'RT' for return ticket - will the check flag that as garbled?",
    "Could you clarify the boundary between a near duplicate and an exact duplicate?",
    "刚才给的超参是已经按我的数据量算过的,还是通用默认值?",
    "Can you explain what the 'placeholder' flag means? P.S. and whether dropping those is usually safe.",
])
def test_round551_questions_stay_questions(text):
    assert [c["name"] for c in plan(text)] == ["explain"]


@pytest.mark.parametrize("text", ["??", "投票结果:1票赞成加 CoT,4票反对。所以这事不做了,跟你说一声。",
                                  "```python\ndf = df.drop_duplicates()\n```\nalready did this myself btw"])
def test_round551_nothing_to_do(text):
    assert plan(text) == []


def test_a_sheet_counted_is_a_position_and_a_name_wins():
    assert slots.find_fields("不是第一个sheet,是第二个")["sheet"] == 2
    assert slots.find_fields("actually look at the first tab, not the third")["sheet"] == 1
    assert slots.find_fields("野生动物问答.xlsx 看第二个sheet“鸟类”")["sheet"] == "鸟类"


def test_relative_amounts_are_worked_out_only_against_a_stated_value():
    assert dictated.worked_out("epochs 10 减一半") == "epochs 5"
    assert dictated.worked_out("train ferry.jsonl for 3 more epochs, lr 2e-4") == "train ferry.jsonl for 3 more epochs, lr 2e-4"
    assert dictated.worked_out("double-check ferry.csv") == "double-check ferry.csv"
