"""Causes of the misses in the round-299 to round-306 blind corpora (measured at first sight at 577b7f3, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import now_asked, unmarked
from assistant.offline import plan


@pytest.mark.parametrize("text, tool, args", [
    ("上次你给我 CoT 才加了 5%,太少了!这次 menu.jsonl 加到 30%", "add_cot", {"path": "menu.jsonl", "fraction": 0.3}),
    ("上次探学习率只跑了 40 步,看不出东西。menu.jsonl 再探一次,跑 250 步", "probe_learning_rate", {"path": "menu.jsonl", "steps": 250}),
    ("短答案那批上次删掉了,结果有用的都没了。这次短答案保留", "apply_quality_rule", {"rule": "short_answer", "decision": "keep"}),
    ("The few-shot you added last time used 3 examples per sample. Redo menu.jsonl with k=5.", "add_few_shot", {"path": "menu.jsonl", "k": 5}),
    ("Last run with lr 3e-4 diverged after 100 steps. Train again on menu.jsonl at 5e-5.", "start_training", {"path": "menu.jsonl", "learning_rate": 5e-05}),
    ("Dropping the empty answers last time broke my stats. This time keep them.", "apply_quality_rule", {"rule": "empty_answer", "decision": "keep"}),
    ("你说可以顺便帮我转成 alpaca,谢谢,不用啦~ 帮我把 menu.xlsx 转成 jsonl 就好", "convert_dataset", {"path": "menu.xlsx", "to": "jsonl"}),
    ("No need to convert it to openai, thanks — I'd like sharegpt instead. File is menu.csv", "convert_dataset", {"path": "menu.csv", "to": "sharegpt"}),
    ("Kind of you to suggest few-shot, but I'd prefer templates: reword 80 prompts in menu.jsonl.", "augment_instructions", {"path": "menu.jsonl", "n_samples": 80}),
    ("Thanks, but I won't stop it; just show me how run menu-breeze-3 is doing.", "training_status", {"run_id": "menu-breeze-3"}),
    ("It's not that I don't want the conflicts gone — drop them.", "apply_quality_rule", {"rule": "conflict", "decision": "drop"}),
    ("今天包饺子包到半夜,手都酸了,馅还调咸了。\nP.S. 纠正一下:few-shot 不是做 100 条,是 150 条", "add_few_shot", {"n_samples": 150}),
])
def test_what_is_asked_now(text, tool, args):
    got_tool, got_args = one_call(text)
    assert got_tool == tool and {k: got_args.get(k) for k in args} == args


def test_now_asked_keeps_a_single_request_whole():
    assert now_asked("把上次那个 run menu-9 停了") == "把上次那个 run menu-9 停了"
    assert one_call("Thanks, I'll pass on the suggestions for now. What does lora rank actually change?")[0] == "explain"


@pytest.mark.parametrize("text, tool, args", [
    ("> Converted menu.xlsx (sheet: Lunch) to alpaca format, 80 records.\nagain but sheet Dinner", "convert_dataset",
     {"path": "menu.xlsx", "sheet": "Dinner", "to": "alpaca"}),
    ("> LR range test on menu.jsonl done (40 steps). Suggested lr: 2e-4\nagain but 200 steps", "probe_learning_rate", {"path": "menu.jsonl", "steps": 200}),
    ("> Evaluation of run menu-r1: domain accuracy up, general QA down.\nagain but for menu-r2 this time", "evaluate_run", {"run_id": "menu-r2"}),
    ("> 学习率探测完成(60 步),建议 lr 1e-4。\n再跑一次,但是 240 步,文件还是 menu.jsonl", "probe_learning_rate", {"path": "menu.jsonl", "steps": 240}),
])
def test_again_after_a_quoted_reply(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool, args", [
    ("止 menu_88 矣。", "stop_training", {"run_id": "menu_88"}),
    ("长答留之。", "apply_quality_rule", {"rule": "long_answer", "decision": "keep"}),
    ("menu.jsonl 之质,验之。", "check_quality", {"path": "menu.jsonl"}),
    ("探 lr 于 menu.jsonl,三十步。", "probe_learning_rate", {"path": "menu.jsonl", "steps": 30}),
    ("t404 进度几何焉?", "training_status", {"run_id": "t404"}),
    ("学习率探测跑贰佰步就行,文件 menu.jsonl", "probe_learning_rate", {"path": "menu.jsonl", "steps": 200}),
    ("把 menu.xlsx 转环成 alpaca 格试,问题列叫 dish,答安列叫 recipe", "convert_dataset",
     {"path": "menu.xlsx", "to": "alpaca", "question_field": "dish", "answer_field": "recipe"}),
    ("pls stpo run menu-2025-x1", "stop_training", {"run_id": "menu-2025-x1"}),
    ("Run 5521 has been going for an hour. Where's the loss at?", "training_status", {"run_id": "5521"}),
    ("status r7", "training_status", {"run_id": "r7"}),
    ("stop x2", "stop_training", {"run_id": "x2"}),
    ("查 menu-job-7788", "training_status", {"run_id": "menu-job-7788"}),
    ("ada-menu-12 昨晚被停了,从断点接着跑", "resume_training", {"run_id": "ada-menu-12"}),
])
def test_classical_capital_numerals_typos_and_runs(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_one_row_table_gives_each_value_its_header():
    assert unmarked("| 文件 | 步数 |\n|---|---|\n| menu.json | 300 |") == "文件: menu.json, 步数: 300"
    assert unmarked("| key | value |\n|---|---|\n| name | Atlas |") == "name: Atlas"  # a key/value table stays one
    assert one_call("| dataset | k | fraction |\n|---|---|---|\n| menu.jsonl | 3 | 0.2 |\n\nfew-shot it") == (
        "add_few_shot", {"path": "menu.jsonl", "k": 3, "fraction": 0.2})


@pytest.mark.parametrize("text, tool, args", [
    ('"the Run" means training job MENU-0042. The undersigned requests that the Run be terminated forthwith.', "stop_training", {"run_id": "MENU-0042"}),
    ('"Menu Templates" means the following: "Dish: {q}" and "Guest asks: {q}". Apply the Menu Templates to 20% of menu.jsonl.',
     "augment_instructions", {"path": "menu.jsonl", "fraction": 0.2, "templates": ["Dish: {q}", "Guest asks: {q}"]}),
    ("k=3, on menu.jsonl, for like half the records", "add_few_shot", {"path": "menu.jsonl", "k": 3, "fraction": 0.5}),
    ("kinda need the placeholders in identity.json listed first", "fill_placeholders", {"path": "identity.json"}),
    ("热个身:在 menu.jsonl 上跑个 100 步的学习率试水", "probe_learning_rate", {"path": "menu.jsonl", "steps": 100}),
    ("Put menu.jsonl through the sieve: score it and flag the lumps for me", "check_quality", {"path": "menu.jsonl"}),
    ("QA pass on menu.jsonl please.", "check_quality", {"path": "menu.jsonl"}),
    ("Bench run menu-lift-06 — pull it off the field.", "stop_training", {"run_id": "menu-lift-06"}),
    ("给 menu.jsonl 做指令改写,模板用这两个:\n“请介绍这道菜:”\n“这道菜怎么做:”\n一半数据就行", "augment_instructions",
     {"path": "menu.jsonl", "templates": ["请介绍这道菜:", "这道菜怎么做:"], "fraction": 0.5}),
    ("答案就是把问题复述一遍的,删", "apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"}),
    ("不好意思,刚才转格式我说成alpaca了,其实要的是sharegpt", "convert_dataset", {"to": "sharegpt"}),
    ("menu.jsonl 每一条都加上思维链,要一步步讲清楚为啥这么做", "add_cot", {"path": "menu.jsonl", "fraction": 1.0}),
    ("menu.jsonl 的题都带推理过程,字段叫 chef_reasoning,全部做成 CoT 样本", "add_cot",
     {"path": "menu.jsonl", "rationale_field": "chef_reasoning", "fraction": 1.0}),
    ("刚才 max_steps 写错了 应该 600", "start_training", {"max_steps": 600}),
    ("诶不对,author 应该填 后厨研发组,不是后厨", "fill_placeholders", {"values": {"author": "后厨研发组"}}),
    ("互相矛盾的那几条(比如火候说法不一样的)先留着", "apply_quality_rule", {"rule": "conflict", "decision": "keep"}),
    ("menu.jsonl 大概要训几轮,用 lora", "suggest_hyperparameters", {"path": "menu.jsonl", "method": "lora"}),
])
def test_more_shapes_of_requests(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "Question presented: whether LoRA changes the weights of the base model. Please advise.",
    "Assume arguendo that the Run is stopped at step 200. Would the checkpoint suffice to resume?",
    "就不能先说清楚吗:要是我现在把 menu-run-4 停了,会怎样?",
    "is it kinda normal for loss to bounce around early in training?",
    "问下,像 菜单(终版)_0304.xlsx 这种文件名,导入会不会出问题?",
    "menu.xlsx 里有三个sheet,训练的时候会三个都读进去吗?",
])
def test_questions_and_what_ifs_never_act(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text", ["下午要去开会,先撤了", "今天台风,码头全停了"])
def test_leaving_is_no_stop(text):
    assert plan(text) == []
