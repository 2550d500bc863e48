"""Causes of misses of the round-455 to round-462 blind corpora (measured at first sight before any fix, then mended), and
the share reader learning "一成五"; tested on phrasings of our own (an observatory's visitor desk), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, dictated, review
from assistant.offline import plan

UP = "/tmp/sft-eval/uploads"


@pytest.mark.parametrize("text, share", [
    ("给 star_qa.jsonl 里一成五的样本加 CoT", 0.15),
    ("star_qa.jsonl 两成半的样本做 few-shot", 0.25),
    ("一到两成都行,按一成半来,给 star_qa.jsonl 加 CoT", 0.15),
])
def test_tenths_and_a_part_are_one_share(text, share):
    (call,) = plan(text)
    assert call["args"]["fraction"] == share
    assert amounts.find_mix("训练 star_qa.jsonl,通用数据掺一成五") == 0.15


@pytest.mark.parametrize("text, want", [
    ("ok where were we? dome-run-3, did it finish?", ("training_status", {"run_id": "dome-run-3"})),
    ("我们上次聊到哪了?哦对,dome-run-3 训完了吗", ("training_status", {"run_id": "dome-run-3"})),
    ("picking this back up: convert star_qa.xlsx to alpaca", ("convert_dataset", {"path": "star_qa.xlsx", "to": "alpaca"})),
    ("Step 1 then step 3: look at star_qa.jsonl, then train on it.", ("inspect_dataset", {"path": "star_qa.jsonl"})),
])
def test_an_opener_that_only_sets_the_scene_leaves_the_request(text, want):
    assert one_call(text) == want


def test_a_run_picked_up_in_its_own_words_is_still_a_resume():
    assert dictated.unheaded("pick up where it left off") == "pick up where it left off"
    assert one_call("dome-run-3 接着上次的训练继续跑") == ("resume_training", {"run_id": "dome-run-3"})


@pytest.mark.parametrize("text", ["ok go for it", "right, let's get going with it"])
def test_a_weak_resume_with_no_word_of_one_and_no_run_changes_nothing(text):
    assert not any(c["name"] in ("resume_training", "stop_training", "start_training") for c in plan(text))


@pytest.mark.parametrize("text", [
    "原本今天打算训 star_qa.jsonl 的,算了,不训了",
    "was planning to train star_qa.jsonl tonight but never mind",
    "fyi I combined a.csv and b.csv into stars.csv myself",
    "star_qa.csv 我自己已经备份好了,去重我也手动做完了",
])
def test_work_called_off_or_done_by_hand_acts_on_nothing(text):
    assert plan(text) == []


def test_a_stop_meant_for_another_run_is_that_runs_stop():
    assert one_call("不是停 dome-a1,是停 dome-a2!a1 还要继续跑") == ("stop_training", {"run_id": "dome-a2"})
    assert one_call("Don't stop dome-a1!! I meant dome-a2") == ("stop_training", {"run_id": "dome-a2"})


@pytest.mark.parametrize("text", [
    "Can I train on stars.json and planets.json together?",
    "stars.json 和 planets.json 能合在一起训吗?",
    "停掉训练以后 checkpoint 会留着吗?确定会留我才让你停 dome-a1。",
    "Resume wiped my progress once. If I resume a run, does it keep the optimizer state?",
    "CoT 样本占多少比例比较合理",
    "In general, what fraction of prompts would you give few-shot examples?",
])
def test_questions_about_a_step_act_on_nothing(text):
    assert all(c["name"] == "explain" for c in plan(text))


@pytest.mark.parametrize("text, want", [
    ("Before I settle on an LR, run a quick sweep on star_qa.jsonl, 120 steps.", ("probe_learning_rate", {"path": "star_qa.jsonl", "steps": 120})),
    ("先看看学习率多少合适,用 star_qa.jsonl 试", ("probe_learning_rate", {"path": "star_qa.jsonl"})),
    ("Plan: (1) look at star_qa.xlsx, (2) check quality, (3) train. Start with step 1.", ("inspect_dataset", {"path": "star_qa.xlsx"})),
    ("我的安排:1. 看 star_qa.xlsx 的字段 2. 查质量 3. 训练。先做第1步。", ("inspect_dataset", {"path": "star_qa.xlsx"})),
])
def test_a_probe_said_as_a_sweep_and_a_step_chosen_by_number(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, rule, decision", [
    ("有些回答把“请到二楼售票”重复说了好几遍,那种删了", "repetitive", "drop"),
    ("answers that say 'see the front desk' like 4 times in a row - drop", "repetitive", "drop"),
    ("同样问“今晚能看到土星吗”答案不一样的,那是天气不同,都留着", "conflict", "keep"),
    ("说法彼此打架的先别删,我要问讲解员", "conflict", "keep"),
    ("drop the ones where the answer is really just another question", "answer_is_question", "drop"),
    ("empty answers - leave them in, I'll write them later", "empty_answer", "keep"),
    ("kick out the identical twins", "exact_duplicate", "drop"),
    ("The short answers are a bit thin, I'd rather not keep them", "short_answer", "drop"),
])
def test_rules_and_decisions_said_other_ways(text, rule, decision):
    assert review.rule_command(text) == (rule, decision)
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, want", [
    ("If it's not too much trouble, could you possibly convert star_qa.json into sharegpt format?",
     ("convert_dataset", {"path": "star_qa.json", "to": "sharegpt"})),
    ("Would you mind terribly suggesting some hyperparameters? About 6,000 samples, LoRA, if that helps.",
     ("suggest_hyperparameters", {"n_samples": 6000, "method": "lora"})),
    ("Sorry to bother you, but might you check on how dome-run-3 is going?", ("training_status", {"run_id": "dome-run-3"})),
    ("what learning rat should i use", ("suggest_hyperparameters", {})),
    ("is dome-run-3 dine yet", ("training_status", {"run_id": "dome-run-3"})),
    ("The manual says LoRA can take a larger LR. So what learning rate should I actually use for LoRA?",
     ("suggest_hyperparameters", {"method": "lora"})),
    ("9k samples, LoRA, suggestions?", ("suggest_hyperparameters", {"n_samples": 9000, "method": "lora"})),
    ("If you were me with 1,200 samples, how many epochs would you go with?", ("suggest_hyperparameters", {"n_samples": 1200})),
])
def test_courtesy_slips_and_asides_leave_the_request(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, want", [
    ("quiz dome-run-3 now that it's finished", ("evaluate_run", {"run_id": "dome-run-3"})),
    ("给 dome-run-3 来场考试,看看成绩单", ("evaluate_run", {"run_id": "dome-run-3"})),
    ("Listen, model: you're going to learn star_qa.jsonl. Six passes.", ("start_training", {"path": "star_qa.jsonl", "epochs": 6})),
    ("模型,给我把 star_qa.csv 背下来", ("start_training", {"path": "star_qa.csv"})),
    ("Open day on Friday, just do a quick 120-step run on star_qa.jsonl", ("start_training", {"path": "star_qa.jsonl", "max_steps": 120})),
    ("rank 设成 2^5 也就是 32,跑 star_qa.jsonl", ("start_training", {"path": "star_qa.jsonl", "lora_r": 32})),
    ("训 star_qa.jsonl,轮数定三", ("start_training", {"path": "star_qa.jsonl", "epochs": 3})),
    ("【转换】star_qa.jsonl → alpaca", ("convert_dataset", {"path": "star_qa.jsonl", "to": "alpaca"})),
])
def test_a_run_judged_or_started_in_other_words(text, want):
    assert one_call(text) == want


def test_learning_about_a_file_format_is_no_run():
    assert not any(c["name"] == "start_training" for c in plan("I want to learn this file format"))


@pytest.mark.parametrize("text, files, path", [
    ("this replaces stars_v1.jsonl — add few-shot, 3 examples each", [f"{UP}/stars_v2.jsonl"], f"{UP}/stars_v2.jsonl"),
    ("跟上次的 stars_2023.csv 比怎么样回头再说,先检查一下这个新的", [f"{UP}/stars_2024.csv"], f"{UP}/stars_2024.csv"),
    ("stars.csv 是旧版,新版是 stars_0612.csv,用新版检查质量", [], "stars_0612.csv"),
    ("You re-ran the check on stars_v1.csv, it should be stars_v2.csv.", [], "stars_v2.csv"),
])
def test_the_file_meant_beside_one_set_aside(text, files, path):
    (call,) = plan(text, files)
    assert call["args"]["path"] == path


@pytest.mark.parametrize("text", [
    "The check failed, try again on star_qa.csv.",
    "这次 star_qa.xlsx 只做检查,什么都别删",
])
def test_the_check_named_again_is_the_check(text):
    assert one_call(text)[0] == "check_quality"


@pytest.mark.parametrize("text", ["Steps:\n- check quality\n- drop dupes\n- train", "待办:\n- 查质量\n- 重复的删掉"])
def test_a_list_with_no_file_is_its_first_step(text):
    assert [c["name"] for c in plan(text)] == ["check_quality"]


def test_an_upload_that_failed_is_looked_at_not_a_run_that_failed():
    assert one_call("上传又失败了,这次应该行了,你看看", [f"{UP}/stars.csv"]) == ("inspect_dataset", {"path": f"{UP}/stars.csv"})
    assert one_call("检查一下,几个讲解员分头录的,前后说法不一样的估计不少", [f"{UP}/stars.jsonl"])[0] == "check_quality"



@pytest.mark.parametrize("text, want", [
    ("Wait, not drop, keep. I'd like to read the long answers myself.", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("不是让你删过长回答,是保留它们。", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("乱码的那些不要保留,删掉;重复的先别管。", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("No, not the 10 epochs you suggested, use 4.", ("start_training", {"epochs": 4})),
    ("No, LoRA only — suggest hyperparameters for about 900 samples, not full fine-tuning numbers.",
     ("suggest_hyperparameters", {"n_samples": 900, "method": "lora"})),
    ("全参 full FT 的话学习率给多少?比 LoRA 小吗?", ("suggest_hyperparameters", {"method": "full"})),
    ("star_qa.jsonl 训练前要不要先查下质量?要的话直接查。", ("check_quality", {"path": "star_qa.jsonl"})),
])
def test_a_decision_or_value_put_right_and_a_method_chosen(text, want):
    assert one_call(text) == want


def test_three_quarters_is_a_share():
    assert amounts.find_fraction("No, three-quarters for the few-shot, not a quarter") == 0.75


@pytest.mark.parametrize("text, values", [
    ("make the bot say it's Orbit, made by Dome Labs. file is identity.json", {"name": "Orbit", "author": "Dome Labs"}),
    ("It should introduce itself as 'Vega' from 'City Observatory' — fill identity.json.", {"name": "Vega", "author": "City Observatory"}),
    ("Fill failed. Once more: name 'Vega', author 'City Observatory', file identity.json.", {"name": "Vega", "author": "City Observatory"}),
])
def test_identity_said_as_an_introduction(text, values):
    assert one_call(text) == ("fill_placeholders", {"path": "identity.json", "values": values})


@pytest.mark.parametrize("text, sheet", [
    ("star_qa.xlsx has a sheet per telescope. just look at the Refractor one", "Refractor"),
    ("star_qa.xlsx 里有两个表,“行星”和“深空天体”,先看看深空那个表", "深空天体"),
])
def test_a_sheet_picked_from_the_sheets_told(text, sheet):
    assert one_call(text) == ("inspect_dataset", {"path": "star_qa.xlsx", "sheet": sheet})


def test_the_mix_put_right_and_the_advice_asked_again():
    assert one_call("唉,馆长又改主意了,说通用数据别混那么多,改成8%。") == ("start_training", {"mix_general": 0.08})
    assert one_call("刚才那个建议是按全量算的吧?我们用 lora,重新算一下") == ("suggest_hyperparameters", {"method": "lora"})


@pytest.mark.parametrize("text, want", [
    ("继续刚才那个", "resume_training"),
    ("pick that one back up", "resume_training"),
    ("> 要从哪个 run 恢复?\ndome-run-3", "resume_training"),
])
def test_a_resume_said_in_few_words_stays_a_resume(text, want):
    assert one_call(text)[0] == want


@pytest.mark.parametrize("text, rule", [
    ("the check said:\n- 12 exact duplicates\n- 3 conflicts\ndrop the exact ones", "exact_duplicate"),
    ("Those near-identical ones - get rid of them.", "near_duplicate"),
])
def test_a_report_then_its_decision_is_the_decision(text, rule):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": "drop"})


def test_courtesy_that_leaves_no_request_is_kept():
    text = "If it's no trouble, could we maybe keep the long answers that got flagged?"
    assert dictated.courteous(text) == text


def test_no_matter_which_kind_is_both_kinds_and_a_rule_left_alone_is_not_decided():
    assert review.rule_command("重复的不管是一模一样还是差不多的,全删") == ("duplicates", "drop")
    assert review.rule_command("空答案的那些删掉;过长的先别管") == ("empty_answer", "drop")
