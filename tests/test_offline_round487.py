"""Causes of misses of the round-487 to round-494 blind corpora (measured at first sight before any fix, then mended); tested
on phrasings of our own (an observatory's visitor desk), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import choice, dictated, review, slots
from assistant.offline import plan

UP = "/tmp/sft-eval/uploads/"


@pytest.mark.parametrize("text, want", [
    ("转成alpaca和转成sharegpt有什么不同?我们的是多轮对话 star_chat.jsonl,哪个适合多轮就转哪个", ("convert_dataset", {"path": "star_chat.jsonl", "to": "sharegpt"})),
    ("加few-shot和加CoT有啥区别?哪个对分步推理帮助大就加哪个,文件 star_math.jsonl", ("add_cot", {"path": "star_math.jsonl"})),
    ("What's the difference between exact and near duplicates? Drop whichever one also catches reworded copies.",
     ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("what's the difference between stopping star-run-2 and evaluating it? do the one that doesn't stop it",
     ("evaluate_run", {"run_id": "star-run-2"})),
    ("LoRA和全量有啥区别?哪个更省显存就按那个给我推荐参数,我有3000条", ("suggest_hyperparameters", {"n_samples": 3000, "method": "lora"})),
])
def test_a_choice_left_to_a_criterion_the_manual_settles(text, want):
    assert one_call(text) == want


def test_a_choice_with_no_criterion_we_know_stays_a_question():
    text = "What's the difference between the short_answer and empty_answer rules? Explain first, then I'll pick."
    assert choice.chosen(text) == text
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, want", [
    ("你建议 4 轮,我改成 7 轮,用 star_qa.jsonl", ("start_training", {"path": "star_qa.jsonl", "epochs": 7})),
    ("这次不按老规矩 3 轮了,改成 5 轮,用 star_qa.jsonl", ("start_training", {"path": "star_qa.jsonl", "epochs": 5})),
    ("I know you'll say 2 epochs for 10k rows. I'm doing 5. Go, star_qa.jsonl.", ("start_training", {"path": "star_qa.jsonl", "epochs": 5})),
    ("行,15 轮降到 8 轮,在 star_qa.jsonl 上开训", ("start_training", {"path": "star_qa.jsonl", "epochs": 8})),
    ("How much general data would you mix in? Actually I'll just say 10%. Train on star_qa.jsonl.",
     ("start_training", {"path": "star_qa.jsonl", "mix_general": 0.1})),
    ("What learning rate would you pick? ...never mind, I'm going with 1e-4. Start it on star_qa.jsonl.",
     ("start_training", {"path": "star_qa.jsonl", "learning_rate": 0.0001})),
])
def test_values_overruled_or_decided_after_asking(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, want", [
    ("300条数据的话 epoch 设12,对吧?", ("suggest_hyperparameters", {"n_samples": 300})),
    ("With 5000 rows I'd go with 3 epochs, right?", ("suggest_hyperparameters", {"n_samples": 5000})),
    ("star_faq.xlsx 里应该没有重复的,对吧?", ("check_quality", {"path": "star_faq.xlsx"})),
    ("star-run-4 跑完了就能评测了,对吧?帮我评一下", ("evaluate_run", {"run_id": "star-run-4"})),
    ("查\n一\n下\n质\n量", None),
    ("star-run-5\n进\n度\n呢", ("training_status", {"run_id": "star-run-5"})),
    ("wait... what's the difference between few-shot and CoT again?", ("explain", None)),
    ("quietly asking: can the quality check throw out good rows by mistake?", ("explain", None)),
    ("No CoT, no few-shot — only rephrase the instructions in star_qa.jsonl, every sample.",
     ("augment_instructions", {"path": "star_qa.jsonl", "fraction": 1.0})),
    ("训练器,把 star_id.json 的名字填成「小星」,作者填「天文台」", ("fill_placeholders", {"path": "star_id.json", "values": {"name": "小星", "author": "天文台"}})),
    ("kill -9 $(cat runs/star-run-6.pid), it's diverging", ("stop_training", {"run_id": "star-run-6"})),
    ("star-run-7 修好了,继续吧", ("resume_training", {"run_id": "star-run-7"})),
    ("rx-star-8 done?", ("training_status", {"run_id": "rx-star-8"})),
    ("Is run sky-9 still crawling along?", ("training_status", {"run_id": "sky-9"})),
])
def test_tags_lines_and_openers(text, want):
    if want is None:
        assert [c["name"] for c in plan(text, [UP + "star.xlsx"])] == ["check_quality"]
    elif want[1] is None:
        assert one_call(text)[0] == want[0]
    else:
        assert one_call(text) == want


@pytest.mark.parametrize("text, rule, decision", [
    ("乱码删掉;短答案保留;空答案删掉", "garbled", "drop"),
    ("既然原文件会保留,那就把空答案的那些删掉。", "empty_answer", "drop"),
    ("删错了,长答案那些要留着", "long_answer", "keep"),
    ("鉴于质检已完成,所有“完全重复”之记录一律删除。此决定不可撤销。", "exact_duplicate", "drop"),
    ("星图问答.jsonl 里那些答案就回个“好”的,全删掉", "short_answer", "drop"),
    ("Should I drop the conflicts? Whatever you say, I'm keeping them.", "conflict", "keep"),
])
def test_decisions_listed_reasoned_or_taken_back(text, rule, decision):
    name, args = one_call(text)
    assert (name, args["rule"], args["decision"]) == ("apply_quality_rule", rule, decision)


def test_templates_names_and_pieces():
    assert slots.find_templates("模板1:请回答:{q};模板2:{q} 请简要说明;用在 star.csv 上") == ["请回答:{q}", "{q} 请简要说明"]
    assert slots.find_templates("游客问“几点开门”“开门时间”其实一样。按这几个模板:“{q}”“请问{q}”") == ["{q}", "请问{q}"]
    assert one_call("不是星图qa.csv,我说的是星图qa_v2.csv,质量检查换这个") == ("check_quality", {"path": "星图qa_v2.csv"})
    assert review.rule_command("此决定不可撤销,空答案删除") == ("empty_answer", "drop")
    assert dictated.overruled("你建议 r=16,我改成 64") == "我改成 r=64"
    assert dictated.one_per_line("a\nb\nc") == "a\nb\nc"
