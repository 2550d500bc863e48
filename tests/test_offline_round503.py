"""Causes of misses of the round-503 to round-526 blind corpora (each wave measured at first sight before any fix of its own,
then mended); tested on phrasings of our own (a cable-car maintenance depot), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import focus, paths
from assistant.offline import plan

UP = "/tmp/sft-eval/uploads/"


@pytest.mark.parametrize("text, want", [
    # a colleague's request quoted (quotes inside quotes), then "do what she asked"
    ("班长在群里原话：『cable_qa.xlsx 里 sheet 用“夏季”，问题列叫“乘客提问”，先看看长啥样』。照办吧",
     ("inspect_dataset", {"path": "cable_qa.xlsx", "sheet": "夏季", "question_field": "乘客提问"})),
    ("Maintenance chat, Priya: 'add few-shot to cable_qa.jsonl, 2 examples each, 30% of samples'. Please do what she asked.",
     ("add_few_shot", {"path": "cable_qa.jsonl", "k": 2, "fraction": 0.3})),
    ("站长丢了一句“别只用检修数据训，混点通用的，一成就够”。说的是用 cable_qa.jsonl 开训那件事，照办",
     ("start_training", {"path": "cable_qa.jsonl", "mix_general": 0.1})),
    # a notice's subject line
    ("Re: [run 77] finished\ngreat, evaluate it", ("evaluate_run", {"run_id": "77"})),
    # autocorrect and input-method slips
    ("convert cable_qa.csv to shark gpt", ("convert_dataset", {"path": "cable_qa.csv", "to": "sharegpt"})),
    ("drop the near due licates in cable_qa.csv", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop", "path": "cable_qa.csv"})),
    ("train on cable_qa.jsonl, epics 4", ("start_training", {"path": "cable_qa.jsonl", "epochs": 4})),
    ("把 cable_qa.jsonl 微条一下", ("start_training", {"path": "cable_qa.jsonl"})),
    # the state of a run asked of "it", after it is named
    ("cable-run-2 stalled at step 60 I believe. Is it actually alive or not?", ("training_status", {"run_id": "cable-run-2"})),
    # the learning rate's value asked with no size is advice
    ("学习率一般设多少比较合适啊?", ("suggest_hyperparameters", {})),
    ("what's a good learning rate for lora?", ("suggest_hyperparameters", {"method": "lora"})),
    # rows looked at by their numbers
    ("Show me rows 20 to 30 of cable_qa.csv", ("inspect_dataset", {"path": "cable_qa.csv"})),
    # a deadline whose clause holds the ask
    ("下班之前给我个超参建议，数据 3000 条，LoRA。", ("suggest_hyperparameters", {"n_samples": 3000, "method": "lora"})),
    # asked, answered at once, then the step
    ("cable-run-4 跑完了吗？哦群里说了，跑完了。那帮我评估一下它", ("evaluate_run", {"run_id": "cable-run-4"})),
    # a quoted tool failure is context; the failure told first is no step
    ("刚才报错“Sheet 'Sheet1' not found”,再试一次,把 cable_qa.xlsx 转成 jsonl", ("convert_dataset", {"path": "cable_qa.xlsx", "to": "jsonl"})),
    ("\"run_id cable-run-31 not found\" — typo, it's cable-run-13. Status please.", ("training_status", {"run_id": "cable-run-13"})),
    # buttons pressed, hashtags, a one-line moving checklist, a code comment
    ("press the stop button on cable-run-5", ("stop_training", {"run_id": "cable-run-5"})),
    ("hit the 'Check Quality' button on cable_qa.csv", ("check_quality", {"path": "cable_qa.csv"})),
    ("Week 2 of teaching our cable-car bot the ropes 🚡 today: peek at cable_qa.csv #finetune #buildinpublic",
     ("inspect_dataset", {"path": "cable_qa.csv"})),
    ("✔ 质检 ✔ 删乱码 ➜ 过短答案那些保留", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("// FIXME: convert cable_qa.csv to jsonl", ("convert_dataset", {"path": "cable_qa.csv", "to": "jsonl"})),
    # runs and files picked by their numbers, by size, by a part of the name
    ("cable-run-a val loss 1.52, cable-run-b val loss 1.21. evaluate the lower one.", ("evaluate_run", {"run_id": "cable-run-b"})),
    ("人工打分：cable-run-7 是 81，cable-run-8 是 66。差的那个还在跑就停掉。", ("stop_training", {"run_id": "cable-run-8"})),
    ("cable_all.xlsx(2 万条)和 cable_sample.xlsx(300 条),小的那个转成 alpaca", ("convert_dataset", {"path": "cable_sample.xlsx", "to": "alpaca"})),
    ("cable_v2.csv or cable_v2b.csv... the b one. check quality", ("check_quality", {"path": "cable_v2b.csv"})),
    # values and names read as written
    ("请假规定问答.xlsx 转成 jsonl", ("convert_dataset", {"path": "请假规定问答.xlsx", "to": "jsonl"})),
    ("把 cable.jsonl 转成 alpaca,question_field 是 ask,answer_field 是 reply",
     ("convert_dataset", {"path": "cable.jsonl", "to": "alpaca", "question_field": "ask", "answer_field": "reply"})),
    ("How about filling identity.json with the name \"Gondola\" and author \"Peak Lines\"?",
     ("fill_placeholders", {"path": "identity.json", "values": {"name": "Gondola", "author": "Peak Lines"}})),
    ("用 cable_qa.jsonl 开始训练，mix_general 设成 0，训 2 个 epoch。", ("start_training", {"path": "cable_qa.jsonl", "mix_general": 0.0, "epochs": 2})),
    ("convert cable_qa.xlsx to csv, the sheet's called Winter", ("convert_dataset", {"path": "cable_qa.xlsx", "to": "csv", "sheet": "Winter"})),
    ("You picked k=5, too many. Make it 2.", ("add_few_shot", {"k": 2})),
    ("Roll back the near-duplicate drop, keep those rows", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
    ("Not the exact duplicates, the near duplicates, drop those", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("SIGTERM cable-run-9", ("stop_training", {"run_id": "cable-run-9"})),
    ("可不可以把 cable-run-6 接着跑完?", ("resume_training", {"run_id": "cable-run-6"})),
    ("Is it possible to get rid of the empty answers it flagged?", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
])
def test_round503_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "停了的任务还能续？续上会不会从头走？",
    "Does converting overwrite my original file? Please say no.",
    "转换不会改掉我原来那个文件吧？",
    "How would you decide whether two answers conflict? Curious how the check works.",
    "有没有可能训练完的模型把原来的通用能力给忘了?这种情况常见吗",
    "敬请告知:质量报告中所称“冲突”,具体系指何种情形?",
    "试过手动去重,表格只认完全一样的。你这边近似重复是怎么判断的?",
])
def test_questions_never_act(text):
    assert all(c["name"] == "explain" for c in plan(text)), plan(text)


@pytest.mark.parametrize("text", ["下午那个 run 我自己在控制台停了，不用你管。", "别动底座，别动学习率，我自己已经把 epoch 改成 4 重跑了。",
                                  "两个文件我已经自己合并好了，叫 cable_all.jsonl，跟你说一声。"])
def test_work_done_by_hand_is_only_told(text):
    assert plan(text) == []


def test_an_upload_kept_apart_from_the_named_old_one_and_the_pieces():
    got = plan("附件是新版，另一个 cable_old.xlsx 是去年的，只用来对照，别动它。先看下新版。", [UP + "cable_new.xlsx"])
    assert got == [{"name": "inspect_dataset", "args": {"path": UP + "cable_new.xlsx"}}]
    assert focus.meant("big.csv has ~9k rows, tiny.csv about 80. Small file only.", ["big.csv", "tiny.csv"]) == "tiny.csv"
    assert paths.find_paths("How about filling identity.json now")[0].text == "identity.json"
