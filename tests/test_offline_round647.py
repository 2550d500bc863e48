"""Causes of misses of the round-647 to round-654 blind corpora (one wave of eight, measured at first sight before any fix),
mended; tested on phrasings of our own (a ferry ticket office), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    # the probe asked for in other words: never a start with max_steps
    ("学习率老是不稳!!!在 渡轮问答.jsonl 上探一下!!!跑 80 步", ("probe_learning_rate", {"path": "渡轮问答.jsonl", "steps": 80})),
    ("Have a quick probe of learning rates run on ferry_qa.jsonl, 60 steps.", ("probe_learning_rate", {"path": "ferry_qa.jsonl", "steps": 60})),
    # a stop word said of a way of spoiling something, in passing: the request is the rest
    ("Add CoT to ferry_faq.csv, 10% of rows. Over-explaining is the surest way to kill a joke.",
     ("add_cot", {"path": "ferry_faq.csv", "fraction": 0.1})),
    # runs: how one is doing, in other words; a name ending in -lora; a stop asked in the subjunctive
    ("ferry-0412 跑的怎么样", ("training_status", {"run_id": "ferry-0412"})),
    ("快看看 ferry-0412 训到哪啦!!", ("training_status", {"run_id": "ferry-0412"})),
    ("what's the word on ferry-0412?", ("training_status", {"run_id": "ferry-0412"})),
    ("How's ferry-0412 comin' along?", ("training_status", {"run_id": "ferry-0412"})),
    ("I must ask that ferry-0412 be halted at once.", ("stop_training", {"run_id": "ferry-0412"})),
    ("harbour-lora 停了吧,淡季了", ("stop_training", {"run_id": "harbour-lora"})),
    # review decisions in other words
    ("Remove the rows where the answer is just a few words.", ("apply_quality_rule", {"rule": "short_answer", "decision": "drop"})),
    ("把答案只是在重复问题的那些删掉", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("问答相悖者,暂且存之。", ("apply_quality_rule", {"rule": "conflict", "decision": "keep"})),
    ("重复的都删了,一模一样的、长得像的,都算。", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("Duplicates, exact and near, cleared for removal.", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("空答案的那些,请移出数据集。", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("重复哩,不管一模一样哩还是差不多哩,都给俺去了", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("Anything flagged by perplexity, throw it overboard.", ("apply_quality_rule", {"rule": "perplexity", "decision": "drop"})),
    ("All the exact duplicates: out they go!", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("亲~ 完全一样的那些重复就帮忙删掉哦~ 近似的先不动呢~", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("As for duplicates, both the identical ones and the merely similar: remove them.",
     ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("答案是问句的那些先保留,后面再评估。", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})),
    # values put right or set in other words
    ("On second thoughts, learning rate 2e-5 rather than 2e-4.", ("start_training", {"learning_rate": 2e-05})),
    ("Max steps shall be 800, not 1000.", ("start_training", {"max_steps": 800})),
    ("用 渡轮问答.jsonl 开训,max_steps 先卡 600", ("start_training", {"path": "渡轮问答.jsonl", "max_steps": 600})),
    ("不是16,lora_r 给俺改成8", ("start_training", {"lora_r": 8})),
    ("Suggest hyperparameters for 400 samples, full fine-tune, not the LoRA.",
     ("suggest_hyperparameters", {"n_samples": 400, "method": "full"})),
    # sheets after "the", names in title case or with a noun that is also one of our verbs, values after a file
    ("convert timetable_qa.xlsx (the Winter crossings sheet) to jsonl",
     ("convert_dataset", {"path": "timetable_qa.xlsx", "sheet": "Winter crossings", "to": "jsonl"})),
    ("can you open Harbour Ferry QA v3.xlsx and list its columns", ("inspect_dataset", {"path": "Harbour Ferry QA v3.xlsx"})),
    ("run a check on standby list answers.jsonl please", ("check_quality", {"path": "standby list answers.jsonl"})),
    ("给小助手起名字:identity_ferry.json 里名字填「渡渡」,作者填「海港客运」",
     ("fill_placeholders", {"path": "identity_ferry.json", "values": {"name": "渡渡", "author": "海港客运"}})),
    # templates quoted with the question's slot: the rephrasing
    ("For ferry_qa.csv, use 'Quick one: {q}' and 'Hey there, {q}' on a tenth of the samples.",
     ("augment_instructions", {"path": "ferry_qa.csv", "templates": ["Quick one: {q}", "Hey there, {q}"], "fraction": 0.1})),
])
def test_round647_causes(text, want):
    assert one_call(text) == want


def test_an_upload_asked_of():
    # a check in other words, a look in old words, a conversion asked as a yes-or-no question, someone's aim then the step
    assert one_call("attached the timetable sheet, check it for junk before we train on it", ["timetable.csv"]) == (
        "check_quality", {"path": "timetable.csv"})
    assert one_call("Herewith my questions. Look over them and tell me what you see.", ["ferry_qa.xlsx"]) == (
        "inspect_dataset", {"path": "ferry_qa.xlsx"})
    assert one_call("这是船票问答,能直接转成 alpaca 格式吗", ["ferry.csv"]) == ("convert_dataset", {"path": "ferry.csv", "to": "alpaca"})
    assert one_call("领导让我拿这个去训练,你先看看里面都有啥", ["ferry_qa.xlsx"]) == ("inspect_dataset", {"path": "ferry_qa.xlsx"})
    # (not so without the data at hand, or when the conversion's effect is what is asked)
    assert [c["name"] for c in plan("转成 alpaca 格式会丢字段吗", ["ferry.csv"])] in ([], ["explain"])


@pytest.mark.parametrize("text", [
    # a question, then how to answer it or what the asker fears: no step of its own
    "恢复训练以后步数会从零开始吗?请如实回答,不要回避。",
    "停掉之后适配器还在不在?别到时候白跑了。",
    "does stopping keep the last checkpoint? don't make me redo a week of work",
    "什么叫 few-shot?你给我讲明白。",
    "训练状态里的 eta 是什么呢?",
    "How doth the quality check decide an answer is empty?",
    "Straight up, does convertin' to sharegpt lose any columns?",
    "which formats can you convert into?",
    # who a placeholder means, then which of two to put, asked without "?"
    "identity 里那个 {{author}} 是指谁啊,填船长名字还是船名",
])
def test_round647_questions_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


@pytest.mark.parametrize("text, want", [
    # causes rounds 655–662 showed at first sight (measured on the code above), mended after
    # a resume from the save point in other words (it was read as a stop: the run "被中断的")
    ("被中断的 ferry-0730 请从存档点复活!", ("resume_training", {"run_id": "ferry-0730"})),
    ("昨夜停电打断了 ferry-0730,今请自断处续炼", ("resume_training", {"run_id": "ferry-0730"})),
    # a stop said in old words stays a stop (the model's second reading is never a resume in its place)
    ("那条 ferry-0730 损失不降,止了吧。", ("stop_training", {"run_id": "ferry-0730"})),
    # runs named with letters and digits run together, opening a message
    ("fy0915 还要多久能跑完", ("training_status", {"run_id": "fy0915"})),
    ("fy0915 现在 loss 多少了", ("training_status", {"run_id": "fy0915"})),
    # review decisions in other words
    ("答案为空者,留之何益?舍了罢。", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("同一问题答案打架的,全给我撅了", ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})),
    ("重复的那些不舍弃,留着", ("apply_quality_rule", {"rule": "duplicates", "decision": "keep"})),
    ("Them near-duplicates? Cast 'em out.", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("答案本身即为问句之条目,一律剔除,不予保留。", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("I move they be dropped, the near-duplicates.", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    # values put right in other words
    ("no, mix in 10% not 25%", ("start_training", {"mix_general": 0.1})),
    ("learning rate 5e-5 actually, 2e-4 is too hot", ("start_training", {"learning_rate": 5e-05})),
    ("A small amendment: mix_general at 15%, not 5%.", ("start_training", {"mix_general": 0.15})),
    ("更正:训练轮数由3轮变更为5轮。", ("start_training", {"epochs": 5})),
    ("此前说三轮,说错了,改作六轮吧。", ("start_training", {"epochs": 6})),
    ("epoch 改做 8 啦,5 太少", ("start_training", {"epochs": 8})),
    # a sheet named without quotes; a short word before a noun of ours in a spaced name
    ("请将 航线.xlsx 中名为 夏季班次 的工作表转换为 jsonl", ("convert_dataset", {"path": "航线.xlsx", "sheet": "夏季班次", "to": "jsonl"})),
    ("turn hw help v2.xlsx into alpaca", ("convert_dataset", {"path": "hw help v2.xlsx", "to": "alpaca"})),
])
def test_round655_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    # an explanation asked for first, the question after it
    "你交代一下,评估一个训练好的模型,具体看哪些方面?",
    "敬请释明:所谓冲突记录,以何种标准认定?",
])
def test_round655_questions_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


def test_a_way_to_kill_something_said_in_passing_stops_nothing():
    for text in ("Training on garbage is the fastest way to kill a model.", "Too many epochs is a sure way to ruin it."):
        assert not {c["name"] for c in plan(text)} & {"start_training", "stop_training", "resume_training"}
    assert one_call("Add CoT to ferry_faq.csv. Too many epochs is a sure way to ruin it.") == ("add_cot", {"path": "ferry_faq.csv"})
    # (a run named, or "run" said: the stop is asked for)
    assert [c["name"] for c in plan("the only way to stop this run is to kill it, do it")] == ["stop_training"]
