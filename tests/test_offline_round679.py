"""Causes of misses of the round-679 to round-686 blind corpora (one wave of eight, measured at first sight before any fix),
mended; tested on phrasings of our own (a lantern workshop), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan

_RUN_CHANGES = {"start_training", "stop_training", "resume_training"}


@pytest.mark.parametrize("text, want", [
    # a few-shot count said with "每条配" after another count: routed, never a crash of the reader
    ("给 灯笼问答.jsonl 加 few-shot,每条配 2 个示例,取三成即可", ("add_few_shot", {"path": "灯笼问答.jsonl", "k": 2, "fraction": 0.3})),
    ("灯笼问答.jsonl 加 4 条 few-shot,每条配 2 个示例", ("add_few_shot", {"path": "灯笼问答.jsonl", "k": 2})),
    # Hokkien and Teochew 呣, Wu 弗 between a word said twice: 不 ("合呣合" is 合不合)
    ("用 灯笼问答.jsonl 跑 50 步,睇学习率合呣合", ("probe_learning_rate", {"path": "灯笼问答.jsonl", "steps": 50})),
    ("拿 灯笼问答.jsonl 试 30 步,看学习率合不合", ("probe_learning_rate", {"path": "灯笼问答.jsonl", "steps": 30})),
])
def test_round679_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    # a stop told as the premise of a question, or the stopped run named by it ("停了的那个"): nothing stopped
    "停了训练,那检查点可还在?",
    "停了的那一轮,存档可还留着?",
    "停了灯笼那个训练,那适配器可还有?",
    # Wu 弗 asks as 不 does
    "评估会弗会改动我的模型?",
])
def test_round679_questions_act_on_nothing(text):
    assert {c["name"] for c in plan(text)} <= {"explain"}


def test_what_stays_as_it_was():
    # 呣 alone is a hum in Mandarin, not a no
    assert plan("呣,好吧") == []
    # a stop said with 停了 is still a stop
    assert one_call("lantern-0412 停了吧") == ("stop_training", {"run_id": "lantern-0412"})
    assert one_call("停了 lantern-0413") == ("stop_training", {"run_id": "lantern-0413"})
