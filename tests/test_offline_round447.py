"""Causes of misses left from the round-439 to round-446 blind corpora and of the round-447 to round-454 corpora (measured at
first sight before any fix, then mended); tested on phrasings of our own (a pottery studio), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import dictated
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    ("tan yixia xuexilv, yong pottery_qa.jsonl, pao 300 bu", ("probe_learning_rate", {"path": "pottery_qa.jsonl", "steps": 300})),
    ("kankan pottery_qa.jsonl", ("inspect_dataset", {"path": "pottery_qa.jsonl"})),
])
def test_pinyin_probe_and_look_are_read_as_the_characters(text, want):
    assert one_call(text) == want


def test_pinyin_one_syllable_words_are_read_only_in_a_pinyin_message():
    assert dictated.pinyin("tan yixia xuexilv") == "探一下学习率"
    assert dictated.pinyin("yong the glaze file") == "yong the glaze file"


@pytest.mark.parametrize("text", [
    "First check quality, then drop near duplicates, then train with lora r 16",
    "先检查质量,再去掉近似重复,然后用 lora r 16 训练",
])
def test_a_list_said_first_then_with_no_file_is_its_first_step_not_the_last_ones_settings(text):
    calls = plan(text)
    assert [c["name"] for c in calls] == ["check_quality"] and "path" not in calls[0]["args"]
    assert one_call(text, ["/tmp/sft-eval/uploads/pottery_qa.csv"])[0] == "check_quality"


@pytest.mark.parametrize("text, run", [
    ("Is kiln-07 done? If yes, evaluate it; if not, stop it.", "kiln-07"),
    ("kiln-07 跑完了吗?跑完了就评估,没跑完就停掉。", "kiln-07"),
])
def test_a_run_asked_done_with_both_branches_is_its_status_first(text, run):
    assert one_call(text) == ("training_status", {"run_id": run})


@pytest.mark.parametrize("text", [
    "Before I press anything: will dropping the conflicts remove those rows for good?",
    "删之前先问一下:删掉的冲突还能找回来吗?",
])
def test_a_question_after_a_scene_setting_preface_is_answered(text):
    assert [c["name"] for c in plan(text)] == ["explain"]


@pytest.mark.parametrize("text, want", [
    ("do a probe_learnign_rate on glaze_qa.jsonl", ("probe_learning_rate", {"path": "glaze_qa.jsonl"})),
    ("augmnet_instrucitons on 20% of glaze_qa.jsonl", ("augment_instructions", {"path": "glaze_qa.jsonl", "fraction": 0.2})),
    ("学习率拿不准,与其乱猜不如探测一下,用 glaze_qa.jsonl 跑 300 步", ("probe_learning_rate", {"path": "glaze_qa.jsonl", "steps": 300})),
])
def test_a_tool_named_or_mistyped_mid_sentence_and_a_probe_preferred(text, want):
    assert one_call(text) == want


def test_a_tool_name_asked_about_stays_a_question():
    assert [c["name"] for c in plan("What will training_status show me exactly?")] == ["explain"]


@pytest.mark.parametrize("text", [
    "等会儿我自己在 Excel 里把空答案删掉,删完再发给你。",
    "I'll delete the empty answers myself in Excel and then send it back.",
    "整个计划先取消,今天不练了。",
    "Scrap the whole plan, we're not training today.",
    "填占位符那步不要了,glaze_identity.json 我自己已经改好了。",
])
def test_work_the_person_will_do_or_a_plan_called_off_acts_on_nothing(text):
    assert plan(text) == []


@pytest.mark.parametrize("text, want", [
    ("我去开个会,你把 kiln-07 停掉吧,回来我再续上。", ("stop_training", {"run_id": "kiln-07"})),
    ("sorry, not kiln-run-07 — check kiln-run-08 instead", ("training_status", {"run_id": "kiln-run-08"})),
    ("check run-0412 please", ("training_status", {"run_id": "run-0412"})),
    ("check run-22 please", ("training_status", {"run_id": "run-22"})),
])
def test_the_run_step_meant_now(text, want):
    assert one_call(text) == want


def test_the_step_to_begin_with_is_taken_not_a_start():
    text = "我的打算:你先做质量检查,再去重,最后训练。先从检查开始吧。"
    assert one_call(text, ["/tmp/sft-eval/uploads/glaze_qa.csv"])[0] == "check_quality"
    assert one_call("先检查吧", ["/tmp/sft-eval/uploads/glaze_qa.csv"])[0] == "check_quality"
    assert one_call("从断点开始训练 kiln-07")[0] != "check_quality"


@pytest.mark.parametrize("text, want", [
    ("我有 600 条,不对,是 6000 条,epoch 设多少合适?", ("suggest_hyperparameters", {"n_samples": 6000})),
    ("Make that max_steps 1,200 instead. No, 1,000.", ("start_training", {"max_steps": 1000})),
    ("计划里 max_steps 是 3000 吧?改成 2000,哦不,1500", ("start_training", {"max_steps": 1500})),
    ("Correction: general data mix goes from 10% to 25%, the rest unchanged.", ("start_training", {"mix_general": 0.25})),
    ("用 glaze_qa.jsonl 训练,epoch 三到五轮都行,就按 4 轮来。", ("start_training", {"path": "glaze_qa.jsonl", "epochs": 4})),
    ("给 glaze_qa.jsonl 里一到两成的样本加 CoT,按一成五算。", ("add_cot", {"path": "glaze_qa.jsonl", "fraction": 0.15})),
    ("改写做个 300 到 800 条吧,先来 400 条,文件是 glaze_qa.jsonl。", ("augment_instructions", {"path": "glaze_qa.jsonl", "n_samples": 400})),
    ("Mix in 10 to 20 percent general data — make it 0.15 — and train glaze_qa.jsonl.", ("start_training", {"path": "glaze_qa.jsonl", "mix_general": 0.15})),
])
def test_a_value_put_right_or_picked_from_a_range_in_the_same_message(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, mix", [
    ("Train glaze_qa.jsonl with zero general data mixed in.", 0.0),
    ("train glaze_qa.jsonl, mix_general 0, 4 epochs", 0.0),
    ("train glaze_qa.jsonl, mix_general 0.1", 0.1),
])
def test_no_general_data_is_a_mix_of_zero(text, mix):
    assert one_call(text)[1]["mix_general"] == mix


def test_the_method_chosen_after_both_are_named():
    assert one_call("全量微调比 LoRA 好,给我 4000 条数据全量训练的参数建议") == (
        "suggest_hyperparameters", {"n_samples": 4000, "method": "full"})


@pytest.mark.parametrize("text, values", [
    ("glaze_identity.json 里的名字和作者,填成“小釉”和“泥火工作室”", {"name": "小釉", "author": "泥火工作室"}),
    ("把 identity.json 的占位符填成“小釉”和“泥火工作室”(名字和作者)", {"name": "小釉", "author": "泥火工作室"}),
    ("嗯,那个 identity.json 里面那个名字,就填,嗯,小釉,作者填,那个,泥火工作室", {"name": "小釉", "author": "泥火工作室"}),
    ("烦请于 identity.json 中将名号填为「小釉」,撰者填为「泥火工作室」。", {"name": "小釉", "author": "泥火工作室"}),
    ("i want it to be called Glazy and made by Ana. the file is identity.json", {"name": "Glazy", "author": "Ana"}),
    ("the identity file, identity.json, the name should be, uh, Glazy, and the author is, like, Kiln Works", {"name": "Glazy", "author": "Kiln Works"}),
])
def test_identity_values_said_in_other_ways(text, values):
    name, args = one_call(text)
    assert name == "fill_placeholders" and args["values"] == values


@pytest.mark.parametrize("text", [
    "去重那步跳过,检查结果里只把空答案删了就行。",
    "Skip the dedup step; from the check results, only drop the empty answers.",
])
def test_a_step_called_off_by_name_leaves_the_rule_said_beside_it(text):
    assert one_call(text) == ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})
