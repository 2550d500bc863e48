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
    # names: a Latin run name glued to Chinese words ends at its number; a run not to be resumed is left alone
    ("lantern-0415不用跑了 停", ("stop_training", {"run_id": "lantern-0415"})),
    ("搞错了,lantern-0416 弗要接,是 lantern-0417 要接着跑", ("resume_training", {"run_id": "lantern-0417"})),
    # file names: a tune's heading is no part of one; a bracketed part with a space is
    ("【蝶恋花·查看】灯笼问答.jsonl,看看有几行", ("inspect_dataset", {"path": "灯笼问答.jsonl"})),
    ("convert Lantern QA (paper styles).xlsx to alpaca", ("convert_dataset", {"path": "Lantern QA (paper styles).xlsx", "to": "alpaca"})),
    # columns given as "Q is X A is Y" with no comma between
    ("convert lanterns.xlsx to sharegpt, Q is 'Visitor Asks' A is 'Maker Says'",
     ("convert_dataset", {"path": "lanterns.xlsx", "to": "sharegpt", "question_field": "Visitor Asks", "answer_field": "Maker Says"})),
    # a value judged wrong, then the one meant after a bare 改
    ("lora_r 4 太小了,改 16", ("start_training", {"lora_r": 16})),
    # placeholder values: an abbreviation's full stop before the next sentence, a word with a digit, 您给填, 题作
    ("lamp_id.json has {{name}} and {{author}}. Name's Glow, author's Paper Lantern Co. Fill them in.",
     ("fill_placeholders", {"path": "lamp_id.json", "values": {"name": "Glow", "author": "Paper Lantern Co."}})),
    ("fill lamp_id.json: name is Glow, author is Studio 9B Lanterns",
     ("fill_placeholders", {"path": "lamp_id.json", "values": {"name": "Glow", "author": "Studio 9B Lanterns"}})),
    ("lamp_id.json 里 {{name}} 您给填「灯灯」,{{author}} 写「纸灯作坊」",
     ("fill_placeholders", {"path": "lamp_id.json", "values": {"name": "灯灯", "author": "纸灯作坊"}})),
    ("lamp_id.json:name 便题作灯灯,author 题作纸灯作坊", ("fill_placeholders", {"path": "lamp_id.json", "values": {"name": "灯灯", "author": "纸灯作坊"}})),
    # the g dropped before a hyphen
    ("run a learnin'-rate probe on lanterns.csv, 30 steps", ("probe_learning_rate", {"path": "lanterns.csv", "steps": 30})),
    # a look or a check first, on which a conversion waits: the first step, never the conversion
    ("check lanterns.csv first, and if it's clean convert it to qianfan", ("check_quality", {"path": "lanterns.csv"})),
    ("look at lanterns.csv first, and if it's fine convert it to alpaca", ("inspect_dataset", {"path": "lanterns.csv"})),
    # a named run said finished ("is complete", 出炉, 既成), then what it learned and lost asked: its evaluation
    ("lantern-0418 is complete. what did it learn, and what did it forget?", ("evaluate_run", {"run_id": "lantern-0418"})),
    ("lantern-0419 出炉了,看看它学了几分、丢了几分", ("evaluate_run", {"run_id": "lantern-0419"})),
    # how a run is: 在跑吗, a sitrep, Guizhou 咋个样; a resume in Hangzhou words (接牢); a stop by quenching the fire
    ("lantern-0420 在跑吗?看一眼", ("training_status", {"run_id": "lantern-0420"})),
    ("Sitrep on lantern-0421.", ("training_status", {"run_id": "lantern-0421"})),
    ("lantern-0422 跑得咋个样了?", ("training_status", {"run_id": "lantern-0422"})),
    ("lantern-0424 断掉了,帮我接牢跑下去", ("resume_training", {"run_id": "lantern-0424"})),
    ("Quench the fire of lantern-0425, the loss is climbing.", ("stop_training", {"run_id": "lantern-0425"})),
    # review decisions: 忒短, 留牢, 答案空空, an answer that is "just another question"
    ("答案忒短个那些,统统删掉", ("apply_quality_rule", {"rule": "short_answer", "decision": "drop"})),
    ("完全一样的那几条留牢", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "keep"})),
    ("答案空空的,尽数删去", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("the ones where the answer's just another question: keep them", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})),
    # a verse's 兮 between phrases is no word: the decision after it is read
    ("答案是问题的兮,悉去之兮", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
])
def test_round679_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    # a stop told as the premise of a question, or the stopped run named by it ("停了的那个"): nothing stopped
    "停了训练,那检查点可还在?",
    "停了的那一轮,存档可还留着?",
    "停了灯笼那个训练,那适配器可还有?",
    # a question, then only an aside ("不能也无所谓"): still a question
    "停止训练之后还能接着训吗?不能也无所谓。",
    # Wu 弗 asks as 不 does
    "评估会弗会改动我的模型?",
])
def test_round679_questions_act_on_nothing(text):
    assert {c["name"] for c in plan(text)} <= {"explain"}


def test_what_stays_as_it_was():
    # "if it's fine" said of the request itself is still courtesy
    assert one_call("convert lanterns.csv to alpaca, if it's fine.") == ("convert_dataset", {"path": "lanterns.csv", "to": "alpaca"})
    # a name like 客服第3次 keeps its Chinese part
    assert one_call("kb2第3次 那个先停了吧") == ("stop_training", {"run_id": "kb2第3次"})
    # 现在跑吗 asks whether to start now, not how a run is
    assert "training_status" not in {c["name"] for c in plan("现在跑吗?")}
    # 呣 alone is a hum in Mandarin, not a no
    assert plan("呣,好吧") == []
    # a stop said with 停了 is still a stop
    assert one_call("lantern-0412 停了吧") == ("stop_training", {"run_id": "lantern-0412"})
    assert one_call("停了 lantern-0413") == ("stop_training", {"run_id": "lantern-0413"})
