"""Causes of misses of the round-551 to round-566 blind corpora (two waves, each measured at first sight before any fix of its
own, then mended); tested on phrasings of our own (a rope-ferry crossing's ticket office), not the corpora's."""
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
    # the second wave: a request taken back whole, then another
    ("停掉 rope-run-4——当我没说,它快跑完了。评估一下 rope-run-3 吧", ("evaluate_run", {"run_id": "rope-run-3"})),
    ("stop rope-run-4 — never mind, it's nearly done. evaluate rope-run-3 instead", ("evaluate_run", {"run_id": "rope-run-3"})),
    ("开始训练吧——当我没说,先做个学习率探测,文件是 ferry_qa.jsonl", ("probe_learning_rate", {"path": "ferry_qa.jsonl"})),
    ("那个短答案的先别删了,当我没说,留着", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    # a state or count of one's own run or data asked, then a step on its answer: the question first
    ("rope-run-8 的 loss 多少了?收敛了就停", ("training_status", {"run_id": "rope-run-8"})),
    ("is rope-run-8 finished? if so evaluate it", ("training_status", {"run_id": "rope-run-8"})),
    ("how many dupes in ferry_qa.csv? drop them if there are any", ("check_quality", {"path": "ferry_qa.csv"})),
    ("why is rope-run-8 STILL running?", ("training_status", {"run_id": "rope-run-8"})),
    # advice asked as what the assistant would do; our step names in quotes; clauses numbered; values answered inline
    ("如果是你,2000 条数据会设几个 epoch?", ("suggest_hyperparameters", {"n_samples": 2000})),
    ("'Quality check' on ferry_qa.csv", ("check_quality", {"path": "ferry_qa.csv"})),
    ("Train on ferry_qa.jsonl. Epochs? 3. LR? 2e-4. Rank? 16. Go.",
     ("start_training", {"path": "ferry_qa.jsonl", "epochs": 3, "learning_rate": 0.0002, "lora_r": 16})),
    # last time's step, then this time's; two requests, then only the first for now
    ("上次是从 xlsx 转 jsonl,这次反过来,把 ferry_qa.jsonl 转回 xlsx", ("convert_dataset", {"path": "ferry_qa.jsonl", "to": "xlsx"})),
    ("last time we dropped the conflicts, this time keep them", ("apply_quality_rule", {"rule": "conflict", "decision": "keep"})),
    ("check progress on rope-run-5 and evaluate rope-run-6. just the first for now", ("training_status", {"run_id": "rope-run-5"})),
])
def test_round551_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "把表转成jsonl以后,原来的xlsx还在不在?",
    "we write 'RT' for return ticket - will the check flag that as garbled?",
    "Could you clarify the boundary between a near duplicate and an exact duplicate?",
    "刚才给的超参是已经按我的数据量算过的,还是通用默认值?",
    "Can you explain what the 'placeholder' flag means? P.S. and whether dropping those is usually safe.",
    "When you evaluate a run, what exactly are you measuring?",
    "Kindly let me know whether the CoT samples replace the originals or get added alongside them.",
])
def test_round551_questions_stay_questions(text):
    assert [c["name"] for c in plan(text)] == ["explain"]


@pytest.mark.parametrize("text", ["??", "投票结果:1票赞成加 CoT,4票反对。所以这事不做了,跟你说一声。",
                                  "```python\ndf = df.drop_duplicates()\n```\nalready did this myself btw",
                                  "上次 rope-run-2 是我自己在控制台停的,跟你说一声", "1.1 请启动训练。1.2 轮数为 5。1.3 数据文件容后提供。"])
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
