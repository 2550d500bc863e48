"""Causes of the misses in the round-259 to round-266 blind corpora (measured at first sight at 35f6292, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import replaced
from assistant.offline import plan


@pytest.mark.parametrize("text, tool, args", [
    ("评估 run-b1 -> run-b2,b1 还没跑完", "evaluate_run", {"run_id": "run-b2"}),
    ("resume run q-004 -> q-040", "resume_training", {"run_id": "q-040"}),
    ("把 menu.jsonl 转成 csv 改 alpaca", "convert_dataset", {"path": "menu.jsonl", "to": "alpaca"}),
    ("给 menu.jsonl 加 cot,20% 改 40%", "add_cot", {"path": "menu.jsonl", "fraction": 0.4}),
    ("上一条的 few-shot,k=2 改 k=4", "add_few_shot", {"k": 4}),
    ("长答案 删 -> 保留", "apply_quality_rule", {"rule": "long_answer", "decision": "keep"}),
    ("short answers: keep -> drop", "apply_quality_rule", {"rule": "short_answer", "decision": "drop"}),
    ("fill identity.json: name = Pip -> Pop, author = Menu Co", "fill_placeholders", {"path": "identity.json", "values": {"name": "Pop", "author": "Menu Co"}}),
    ("identity.json 里 name 填 小米 改 小麦,author 填 麦田", "fill_placeholders", {"path": "identity.json", "values": {"name": "小麦", "author": "麦田"}}),
])
def test_a_value_written_over_is_the_later_one(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", ["流程:检查 -> 转换 -> 训练", "Steps: Inspect -> Convert -> Train", "convert menu.csv -> alpaca"])
def test_arrows_between_steps_or_into_a_format_are_left_alone(text):
    assert replaced(text) == text


@pytest.mark.parametrize("text, tool", [
    ("ppl 怎么算的?另外,对 menu.jsonl 做一次质量检查。", "check_quality"),
    ("Why do conflicts hurt? Either way, drop all the conflicts.", "apply_quality_rule"),
    ("What's a near duplicate? In the meantime, run a quality check on menu.jsonl.", "check_quality"),
    ("Does the probe touch my data? Go ahead and run one on menu.jsonl, 80 steps.", "probe_learning_rate"),
    ("How long does training take? And show me the status of run menu-a1.", "training_status"),
    ("要是断电了会怎样?……不过现在先把 menu_a1 恢复起来吧,昨天被我停了。", "resume_training"),
    ("Is the original kept? Regardless, fill identity.json with name 'Pip' and author 'Menu Co'.", "fill_placeholders"),
])
def test_a_question_then_the_request(text, tool):
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text", [
    "确认,按刚才的计划开始训练",
    "上面那个训练计划我看过了,没问题,开跑",
    "就按你刚才给的那个方案来吧,开始吧",
])
def test_the_plan_shown_before_agreed_is_a_yes(text):
    assert plan(text) == []


@pytest.mark.parametrize("text, tool, run", [
    ("job menu#12 进度如何", "training_status", "menu#12"),
    ("menu#13 kill 掉", "stop_training", "menu#13"),
    ("Ticket 77: stop run MN/2025/04 now, wrong data.", "stop_training", "MN/2025/04"),
    ("how's menu-night-run getting on?", "training_status", "menu-night-run"),
    ("r-one and r-two are going. I only care about r-two, how's it doing?", "training_status", "r-two"),
    ("menu-01 那个炉子熄火了,接着炼", "resume_training", "menu-01"),
    ("谢谢!再问下,sft-menu-3 现在训练到哪里了?", "training_status", "sft-menu-3"),
    ("把 r9-menu(最新那个,不是 r8)的进度给我看下", "training_status", "r9-menu"),
    ("if run menu-5 is done, evaluate it; if not, tell me where it's at", "training_status", "menu-5"),
    ("要是 run-m5 已经结束了,就跟基座比一下;没结束就告诉我进度", "training_status", "run-m5"),
])
def test_runs_and_their_status_in_more_shapes(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


@pytest.mark.parametrize("text", [
    "Sorry, just wondering - if the wifi drops mid-training, does the run stop? Thanks!",
    "1. 假如我现在停了 menu-a1\n2. 还能接着跑吗?",
])
def test_polite_what_ifs_never_act(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text", ["train packed, standing, kill me", "lol the printer died again. what a day", "你是机器人还是真人啊"])
def test_remarks_act_on_nothing(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


@pytest.mark.parametrize("text, rule, decision", [
    ("答案写着「待补充」的那些,全删", "placeholder", "drop"),
    ("空白答案的全部刪掉", "empty_answer", "drop"),
    ("drop the answers that repeat the same sentence over and over", "repetitive", "drop"),
    ("the ones where the answer is just a copy of the question, toss them", "answer_is_question", "drop"),
    ("不好意思,刚才说错了!!是保留长答案,不是删掉", "long_answer", "keep"),
    ("Drop the placeholder answers. I mean the ones whose answer is just 'TBD', remove them.", "placeholder", "drop"),
])
def test_review_decisions_in_more_words(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, tool, args", [
    ("reword one in four prompts in menu.jsonl with templates", "augment_instructions", {"path": "menu.jsonl", "fraction": 0.25}),
    ("cot all rows menu.jsonl col=why_text", "add_cot", {"path": "menu.jsonl", "fraction": 1.0, "rationale_field": "why_text"}),
    ("劳驾,方才说转成 xlsx,实则要 csv", "convert_dataset", {"to": "csv"}),
    ("稍有不妥——刚才我说的 6 轮,实是 4 轮", "start_training", {"epochs": 4}),
    ("a.csv 和 b.csv 都在,只把 b 那个转成 xlsx,a 的留着别动", "convert_dataset", {"path": "b.csv", "to": "xlsx"}),
    ("x_en.json and x_zh.json are both in data/. Add few-shot to data/x_en.json only, k=2.", "add_few_shot", {"path": "data/x_en.json", "k": 2}),
])
def test_values_files_and_shares_in_more_shapes(text, tool, args):
    assert one_call(text) == (tool, args)
