"""Causes of the misses in the round-275 to round-282 blind corpora (measured at first sight at a5250cd, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text", [
    "质量检查是直接帮我删数据,还是只标出来让我看?",
    "does the quality check change my file or does it only flag things?",
    "Does inspecting menu.xlsx change anything in it?",
    "转千帆之后会不会把原来的 menu.csv 覆盖掉?",
    "先不要执行,我想知道转换成千帆格式会不会覆盖原文件",
    "先解释一下质量检查会标出哪些问题,暂时不要对 menu.jsonl 做任何操作",
    "Don't touch menu.jsonl yet. First tell me what the quality check looks for.",
    "Hold on, don't stop menu-r1. First tell me: if I stop it, can I resume it later?",
    "甲方假设:若乙方中途终止训练,已有 checkpoint 是否仍可用于恢复?请予说明。",
    "The User inquires as to the purpose of few-shot samples.",
    "epoch 跟学习率到底哪个影响更大?我们就几百条",
    "batch size 大点好还是小点好",
    "whats a lora rank and does bigger = better",
    "how often does the training status refresh?",
    "menu-r2 状态页里那个 loss 是越低越好吗?",
    "同事问:“加了 few-shot 之后回答会不会变长?” 我也想知道",
    "my lead wants to know: how do you tell from the loss whether menu-r3 is overfitting?",
])
def test_questions_about_how_a_step_behaves_never_act(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, tool, args", [
    ("刚才说错了,要恢复的是 menu-q2 不是 menu-q1,其他停掉的都别动", "resume_training", {"run_id": "menu-q2"}),
    ("- 恢复 run 7e3c1b\n- 昨晚断电停了", "resume_training", {"run_id": "7e3c1b"}),
    ("Start training on menu.jsonl right away? Hmm, no - run a learning-rate probe on it first, 80 steps.", "probe_learning_rate", {"path": "menu.jsonl", "steps": 80}),
    ("hmm stop run menu-88... actually, just show me where it's at first", "training_status", {"run_id": "menu-88"}),
    ("你刚才说错了,不是 1000 条对应 2 个 epoch。那按我这 1000 条,帮我重新给一套 lora 的超参建议", "suggest_hyperparameters", {"n_samples": 1000, "method": "lora"}),
    ("identity.json 里名字填 小菜,作者填 菜园。顺便,训练那边明天再弄。", "fill_placeholders", {"path": "identity.json", "values": {"name": "小菜", "author": "菜园"}}),
])
def test_the_step_meant_in_more_turns(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_plan_shown_then_agreed_in_english_is_a_yes():
    assert plan("you showed epochs 3 lr 1e-4 for the menu file, fine, launch it") == []


def test_a_value_put_right_with_qishi_yinggai():
    # a step count put right with nothing of a run is the probe's (round 415-430: the writers read it so; a start would say so)
    assert one_call("刚才说的 200 步其实应该是 400 步,麻烦改一下") == ("probe_learning_rate", {"steps": 400})


@pytest.mark.parametrize("text, tool, args", [
    ("两件事:转 alpaca 和查质量。先查质量,文件 menu.jsonl", "check_quality", {"path": "menu.jsonl"}),
    ("menu.jsonl 要加 few-shot(k=2),还要扩增指令三成。先做扩增", "augment_instructions", {"path": "menu.jsonl", "fraction": 0.3}),
    ("Two things: inspect menu.csv and convert it to jsonl. Inspect first.", "inspect_dataset", {"path": "menu.csv"}),
    ("Need status on run m-11 and also stop m-12. Do the stop first.", "stop_training", {"run_id": "m-12"}),
])
def test_of_two_steps_the_one_said_to_come_first(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool, args", [
    ("menu.csv 做一下指令改写增强,覆盖 3成 就够", "augment_instructions", {"path": "menu.csv", "fraction": 0.3}),
    ("menu.jsonl 加 few-shot,每条 2 个例子,0.5 的样本加就行", "add_few_shot", {"path": "menu.jsonl", "k": 2, "fraction": 0.5}),
    ("augment instructions on 0.4 of menu.jsonl", "augment_instructions", {"path": "menu.jsonl", "fraction": 0.4}),
    ("Few-shot. menu.jsonl. k 4. Quarter of records.", "add_few_shot", {"path": "menu.jsonl", "k": 4, "fraction": 0.25}),
    ("menu.jsonl 之中,请增思维之链,以十之三为度", "add_cot", {"path": "menu.jsonl", "fraction": 0.3}),
    ("menu-0101 之训练,可止矣。", "stop_training", {"run_id": "menu-0101"}),
    ("前言训练之期有误,非三轮,乃五轮也。", "start_training", {"epochs": 5}),
    ("打错了 不是ft3是ft4 接着跑ft4", "resume_training", {"run_id": "ft4"}),
    ("show progress for run 2025-01-02_03", "training_status", {"run_id": "2025-01-02_03"}),
    ("It would be appreciated if menu.csv were converted to the OpenAI format.", "convert_dataset", {"path": "menu.csv", "to": "openai"}),
    ('Boss: "Stop run menu-final, we are changing the data."', "stop_training", {"run_id": "menu-final"}),
])
def test_shares_runs_and_voices(text, tool, args):
    assert one_call(text) == (tool, args)
