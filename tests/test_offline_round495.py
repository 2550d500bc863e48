"""Causes of misses of the round-495 to round-502 blind corpora (measured at first sight before any fix, then mended); tested
on phrasings of our own (a puppet theatre's box office), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, dictated
from assistant.offline import plan

UP = "/tmp/sft-eval/uploads/"


@pytest.mark.parametrize("text, want", [
    ("puppet-run-3 finished. Resume it or retrain from scratch? Neither for now, evaluate it as it stands.",
     ("evaluate_run", {"run_id": "puppet-run-3"})),
    ("给 puppet_qa.jsonl 加 few-shot 还是 CoT?都不加了,改写 100 条指令吧。", ("augment_instructions", {"path": "puppet_qa.jsonl", "n_samples": 100})),
    ("Drop the conflicts or keep them... neither feels right yet. What exactly counts as a conflict?", ("explain", None)),
    ("停掉 puppet-run-4。划掉,先告诉我它跑得怎么样。", ("training_status", {"run_id": "puppet-run-4"})),
    ("把 puppet_qa.csv 转成 alpaca——划掉,转 sharegpt。", ("convert_dataset", {"path": "puppet_qa.csv", "to": "sharegpt"})),
    ("kill the long-winded answers, nobody talks like that at the box office", ("apply_quality_rule", {"rule": "long_answer", "decision": "drop"})),
    ("puppet-run-5 和 puppet-run-6 都查一下,5 要是挂了就续上。", ("training_status", {"run_id": "puppet-run-5"})),
    ("待办 P1:评估 puppet-run-1 P0:看 puppet-run-2 状态", ("training_status", {"run_id": "puppet-run-2"})),
    ("Would it hurt to drop the rows with placeholder answers?", ("apply_quality_rule", {"rule": "placeholder", "decision": "drop"})),
    ("刚才查出来的那些冲突,我可以让你都删掉吗", ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})),
    ("Red card the exact duplicates.", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("QC一下 puppet_qa.jsonl", ("check_quality", {"path": "puppet_qa.jsonl"})),
    ("学习率探测就先不做了,直接用 puppet_qa.jsonl 按默认参数开始训练吧。", ("start_training", {"path": "puppet_qa.jsonl"})),
    ("我把三个剧场的问答合并成一个文件 puppet_all.csv,编码也都手工改好了……训练。", ("start_training", {"path": "puppet_all.csv"})),
    ("五条里两条加 few-shot,每条放两个例子,puppet_qa.jsonl", ("add_few_shot", {"path": "puppet_qa.jsonl", "k": 2, "fraction": 0.4})),
])
def test_options_turned_down_lists_forms_and_leave_asked(text, want):
    got = one_call(text)
    assert (got[0] if want[1] is None else got) == (want[0] if want[1] is None else want)


@pytest.mark.parametrize("text", ["全部取消吧,我明天再来。", "Cancel all of it. I'll come back tomorrow.",
                                  "帮我记一下,我的任务号是 puppet-run-9,晚点我会来问。", "Can you remember that my run ID is puppet-run-9? I'll ask later.",
                                  "重复的是删还是留?都不用你管,我自己手动处理。"])
def test_nothing_runs_for_a_plan_called_off_a_note_kept_or_work_taken_over(text):
    assert all(c["name"] in ("explain",) for c in plan(text))


@pytest.mark.parametrize("text, want", [
    ("姓名:王工\n部门:票务\n文件名称:puppet_qa.jsonl\n需求:质量检查(含困惑度)\n备注:无", ("check_quality", {"path": "puppet_qa.jsonl", "ppl": True})),
    ("Field to change: epochs\nOld value: 12\nNew value: 5\nFile: puppet_qa.jsonl", ("start_training", {"path": "puppet_qa.jsonl", "epochs": 5})),
    ("📁 file: puppet.xlsx\n📄 sheet: Q&A\n🔄 convert to: jsonl", ("convert_dataset", {"path": "puppet.xlsx", "sheet": "Q&A", "to": "jsonl"})),
])
def test_requests_written_as_forms(text, want):
    assert one_call(text) == want


def test_an_upload_pointed_at_and_the_pieces():
    assert [c["name"] for c in plan("这个。", [UP + "puppet.csv"])] == ["inspect_dataset"]
    assert [c["name"] for c in plan("This one.", [UP + "puppet.csv"])] == ["inspect_dataset"]
    assert amounts.find_fraction("十条里有一条") == pytest.approx(0.1)
    assert dictated.neither("A or B? Neither, do C.") == "do C."
    assert dictated.first_priority("P0 check run-1 P1 evaluate run-2") == "check run-1"
    assert dictated.leave_asked("Can I train on a.json and b.json together?") == "Can I train on a.json and b.json together?"
