"""Causes of the misses in the round-267 to round-274 blind corpora (measured at first sight at 66420ef, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text", ["确认,停吧", "confirmed, stop it", "对,确认停止", "Yes, confirm. stop it.", "OK 没问题,按你说的停掉吧", "yes stop it"])
def test_a_yes_to_a_proposed_stop_is_a_yes(text):
    assert plan(text) == []  # the pending stop is the consent's to run; nothing new is proposed


@pytest.mark.parametrize("text, tool, args", [
    ("用 menu.jsonl 开始训练,不过你先确认一下这个文件有多少条、字段对不对", "inspect_dataset", {"path": "menu.jsonl"}),
    ("Train on menu.jsonl, but first confirm how many rows it has and that the fields look right.", "inspect_dataset", {"path": "menu.jsonl"}),
    ("开训之前先帮我确认学习率合不合适,在 menu.jsonl 上跑 200 步探测", "probe_learning_rate", {"path": "menu.jsonl", "steps": 200}),
    ("恢复训练 menu-r3 之前,先确认一下它是真的停了还是挂了", "training_status", {"run_id": "menu-r3"}),
    ("评估一下 menu-r4 吧,但先帮我确认它是不是已经跑完了", "training_status", {"run_id": "menu-r4"}),
    ("Evaluate run menu-r5, but confirm it's actually finished first.", "training_status", {"run_id": "menu-r5"}),
])
def test_the_step_said_to_come_first(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, args", [
    ("lr 先试一下吧 在 menu.jsonl 上跑个 80 步看看", {"path": "menu.jsonl", "steps": 80}),
    ("上次 probe 只跑了 40 步看不出来,这次在 menu.jsonl 上跑 200 步", {"path": "menu.jsonl", "steps": 200}),
])
def test_the_probe_in_more_words(text, args):
    assert one_call(text) == ("probe_learning_rate", args)


@pytest.mark.parametrize("text, tool, run", [
    ("上周停下的那节课(编号 menu-lesson-2)让机器人接着上吧", "resume_training", "menu-lesson-2"),
    ("stop exp_delta — wait, it's already stopped, I want it resumed", "resume_training", "exp_delta"),
    ("真不错,停了之后原来不会自己恢复啊。把 menu-run-6 从断点接着跑。", "resume_training", "menu-run-6"),
    ("Make the robot stop studying for now, the lesson named menu-9", "stop_training", "menu-9"),
])
def test_runs_in_more_voices(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


@pytest.mark.parametrize("text", [
    "> 是否要停止 menu-r1?\n先别停,我问下:停了之后还能接着训吗?",
    "> Should I stop run menu-r1 now?\nhold on, if I stop it, does it lose the progress since the last checkpoint?",
])
def test_a_question_under_a_quoted_offer_never_acts(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text", ["今天的活动因为下雨取消了,前台被围得水泄不通", "Would it kill anyone to tell me the epochs for 300 examples?"])
def test_words_of_stopping_in_remarks_stop_nothing(text):
    assert "stop_training" not in [c["name"] for c in plan(text)]


def test_only_checking_decides_nothing():
    assert one_call("请对 menu.jsonl 做质量检查。要求:仅检查并标记,不做任何删除;不需要计算困惑度。") == (
        "check_quality", {"path": "menu.jsonl", "ppl": False})


@pytest.mark.parametrize("text, rule, decision", [
    ("我看了报告然后那些答案就是把问题原样抄了一遍的然后全部删掉", "answer_is_question", "drop"),
    ("答案都是“对对对对对”这种车轱辘话,这些重复啰嗦的删了", "repetitive", "drop"),
    ("some answers are almost identical but not quite. throw those near-copies out", "near_duplicate", "drop"),
    ("a lot of the flagged ones are exact copies word for word, I want those gone", "exact_duplicate", "drop"),
])
def test_review_rules_in_more_words(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, tool, args", [
    ("sj 在 menu.jsonl,帮我查下 zl", "check_quality", {"path": "menu.jsonl"}),
    ("给课本里每一条都配 2 道“例题”,课本文件是 menu.xlsx", "add_few_shot", {"path": "menu.xlsx", "k": 2, "fraction": 1.0}),
    ("先把 menu.json 每条都加上 few-shot 然后每条带 3 个例子然后再做指令增强", "add_few_shot", {"path": "menu.json", "k": 3, "fraction": 1.0}),
    ("我们的问题都是一个问法然后你帮我把 menu.jsonl 的指令改写一下然后改 30% 就行", "augment_instructions", {"path": "menu.jsonl", "fraction": 0.3}),
    ("训练跑完了然后我想知道效果然后帮我评估一下 menu-r2", "evaluate_run", {"run_id": "menu-r2"}),
    ("Would it kill anyone to just tell me the epochs? I've got 300 examples, LoRA.", "suggest_hyperparameters", {"n_samples": 300, "method": "lora"}),
])
def test_run_on_chains_and_initials(text, tool, args):
    assert one_call(text) == (tool, args)


def test_steps_named_after_arrows_still_run_in_order():
    assert one_call("先看→再转→开训,文件 menu.jsonl")[0] == "inspect_dataset"
