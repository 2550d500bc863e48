"""Causes of misses of the round-463 to round-470 blind corpora (measured at first sight before any fix, then mended), and a
refusal taken back in the same message (mended before those corpora were read); tested on phrasings of our own (a botanical
garden's help desk), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import dictated
from assistant.offline import plan

UP = "/tmp/sft-eval/uploads"


@pytest.mark.parametrize("text, want", [
    ("skip the perplexity... actually no, include it. check plants_qa.jsonl", ("check_quality", {"path": "plants_qa.jsonl", "ppl": True})),
    ("no general data mixed in. actually, mix in 5%. train plants_qa.csv", ("start_training", {"path": "plants_qa.csv", "mix_general": 0.05})),
    ("要不别续训 garden-run-2 了……不,还是续吧", ("resume_training", {"run_id": "garden-run-2"})),
    ("don't stop garden-run-1... actually, stop garden-run-3", ("stop_training", {"run_id": "garden-run-3"})),
])
def test_a_refusal_taken_back_is_what_is_wanted_after_all(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, want", [
    ("空答案那些要删吗?要删。", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("要不要先查重再开训?要,先查重。数据是 plants_qa.csv", ("check_quality", {"path": "plants_qa.csv"})),
    ("学习率要不要先探一下?探吧,200 步,用 plants_qa.jsonl", ("probe_learning_rate", {"path": "plants_qa.jsonl", "steps": 200})),
    ("few-shot 放几个例子?2 个吧。plants_qa.jsonl 每条都加", ("add_few_shot", {"path": "plants_qa.jsonl", "k": 2, "fraction": 1.0})),
    ("Do I drop the empty answers? Yep, drop them.", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("Should I probe the learning rate first? Yes. 120 steps on plants_qa.jsonl.",
     ("probe_learning_rate", {"path": "plants_qa.jsonl", "steps": 120})),
])
def test_a_question_answered_at_once_is_the_answer(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, want", [
    ("拿 plants_qa.jsonl 去试试水温,看看 lr 落在哪", ("probe_learning_rate", {"path": "plants_qa.jsonl"})),
    ("试 lr,跑 150 步,数据用 plants_qa.jsonl", ("probe_learning_rate", {"path": "plants_qa.jsonl", "steps": 150})),
    ("score garden-run-4 please", ("evaluate_run", {"run_id": "garden-run-4"})),
    ("garden-run-4 finished, can you grade it?", ("evaluate_run", {"run_id": "garden-run-4"})),
    ("我的 garden-run-4 还活着吗", ("training_status", {"run_id": "garden-run-4"})),
    ("考考你:garden-run-4 现在怎么样了?", ("training_status", {"run_id": "garden-run-4"})),
    ("刚才 garden-run-4 停错了,能接着跑吗", ("resume_training", {"run_id": "garden-run-4"})),
])
def test_a_run_tried_graded_or_asked_after_in_other_words(text, want):
    assert one_call(text) == want


def test_a_file_scored_is_checked_and_a_run_that_might_go_on_is_only_asked_about():
    assert one_call("how clean is this, honestly? score it", [f"{UP}/plants_qa.jsonl"]) == ("check_quality", {"path": f"{UP}/plants_qa.jsonl"})
    assert one_call("如果停了 garden-run-4,之后还能接着跑吗")[0] == "explain"


@pytest.mark.parametrize("text, want", [
    ("What batch size should be used?", ("suggest_hyperparameters", {})),
    ("epochs - what should we use?", ("suggest_hyperparameters", {})),
    ("学习率应该被设成多少比较合适?", ("suggest_hyperparameters", {})),
    ("LR? full.", ("suggest_hyperparameters", {"method": "full"})),
    ("Training recipe for 3000 rows?", ("suggest_hyperparameters", {"n_samples": 3000})),
    ("你刚才给的是全参的参数,我们只能跑 lora,所以重新给一下", ("suggest_hyperparameters", {"method": "lora"})),
])
def test_a_settings_value_asked_alone_is_advice(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "Can you do few-shot at all?",
    "Can it open paths like D:\\data\\plants.xlsx?",
    "你们支持带空格的文件名吗?比如 my plants.xlsx",
    "Dear assistant, Were we to train for 30 epochs, would it forget things? Kind regards",
    "what_if(epochs=30)  # just asking",
    "CoT。何意。",
    "Few-shot, CoT. difference?",
    "Question 2: define 'near_duplicate'.",
])
def test_what_is_asked_is_explained_and_nothing_runs(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text", [
    "本人已自行在表里把重复的删干净了,特此告知。",
    "I already deduped plants.csv myself in Excel",
    "I already cleaned it by hand, so no need to check for duplicates, thanks",
    "对,就是 plants_qa.xlsx 这个,按你列的来",
    "Yes, plants_qa.xlsx is the one. Go ahead as planned.",
])
def test_work_done_by_hand_and_a_yes_naming_the_plans_file_act_on_nothing(text):
    assert plan(text) == []


@pytest.mark.parametrize("text, want", [
    ("oops, check plants_v2.xlsx instead, not plants.xlsx", ("check_quality", {"path": "plants_v2.xlsx"})),
    ("no wait, wrong file for the training, use plants_v3.jsonl", ("start_training", {"path": "plants_v3.jsonl"})),
    ("我让你检查的是 plants_v2.csv,不是 plants.csv", ("check_quality", {"path": "plants_v2.csv"})),
    ("计划里再加上混一成通用数据,文件是 plants.jsonl", ("start_training", {"path": "plants.jsonl", "mix_general": 0.1})),
    ("说错了,不是 epochs=5,应该是 epochs=3", ("start_training", {"epochs": 3})),
    ("说错了,不是 n_epochs=4,按 OpenAI 的叫法应该是 n_epochs=2", ("start_training", {"epochs": 2})),
    ("few-shot别加80条了,加40条就行", ("add_few_shot", {"n_samples": 40})),
    ("plants.jsonl 的 few-shot 不是只做一半,每条都要加", ("add_few_shot", {"path": "plants.jsonl", "fraction": 1.0})),
])
def test_a_correction_keeps_the_step_it_names(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, want", [
    ("帮我训炼一下 plants.jsonl,训炼2论就行", ("start_training", {"path": "plants.jsonl", "epochs": 2})),
    ("转成千反格式,plants.csv", ("convert_dataset", {"path": "plants.csv", "to": "qianfan"})),
    ("set identity.json name to 'Fern' and author to 'City Garden'",
     ("fill_placeholders", {"path": "identity.json", "values": {"name": "Fern", "author": "City Garden"}})),
    ("此档乃身份数据,名讳请填「小蕨」,作者填「市植物园」。", None),
    ("每题两例 few-shot,plants_qa.json", ("add_few_shot", {"path": "plants_qa.json", "k": 2})),
    ("few-shot examples for plants_qa.json, three to each prompt, for a fifth of the samples",
     ("add_few_shot", {"path": "plants_qa.json", "k": 3, "fraction": 0.2})),
    ("我有七成把握想加CoT,先给 plants_qa.jsonl 的一成样本加上,推理过程在 why 列", None),
    ("这都看不懂吗?我说的是 alpaca,不是 openai!", ("convert_dataset", {"to": "alpaca"})),
    ("由于只有一晚上,直接在 plants.jsonl 上开训,max_steps 限 900", ("start_training", {"path": "plants.jsonl", "max_steps": 900})),
    ("plants.jsonl: reword every instruction with 'Hi, {q}' and 'Quick one: {q}'",
     ("augment_instructions", {"path": "plants.jsonl", "fraction": 1.0, "templates": ["Hi, {q}", "Quick one: {q}"]})),
])
def test_values_typos_and_hedges_read_as_meant(text, want):
    if want is None:
        return
    assert one_call(text) == want


def test_identity_and_the_share_beside_a_hedge():
    assert one_call("此档乃身份数据,名讳请填「小蕨」,作者填「市植物园」。", [f"{UP}/identity.json"]) == (
        "fill_placeholders", {"path": f"{UP}/identity.json", "values": {"name": "小蕨", "author": "市植物园"}})
    tool, args = one_call("我有七成把握想加CoT,先给 plants_qa.jsonl 的一成样本加上,推理过程在 why 列")
    assert (tool, args["fraction"]) == ("add_cot", 0.1)
    tool, args = one_call("表里有一列叫“养护思路”,拿它做思维链,做两成", [f"{UP}/plants.xlsx"])
    assert (tool, args["rationale_field"], args["fraction"]) == ("add_cot", "养护思路", 0.2)


@pytest.mark.parametrize("text, rule, decision", [
    ("重复的全删了,管它一模一样还是差不多", "duplicates", "drop"),
    ("近似重负的那些,去从掉", "near_duplicate", "drop"),
    ("冲突的那些全部拿掉咯", "conflict", "drop"),
    ("leave the short answers for now, I'll rewrite them", "short_answer", "keep"),
    ("#1 the rows where the answer is just the question again: drop them.", "answer_is_question", "drop"),
    ("我不想要训练数据里还有那种一两个字的短答案。", "short_answer", "drop"),
    ("I don't want any empty answers in the final training data.", "empty_answer", "drop"),
    ("Dupes. Gone.", "duplicates", "drop"),
    ("The conflicting rows should be dropped.", "conflict", "drop"),
])
def test_rules_and_decisions_said_other_ways(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, want", [
    ("Look.", ("inspect_dataset", {"path": f"{UP}/plants.csv"})),
    ("我想让这份数据里不再有一模一样的问题。", ("check_quality", {"path": f"{UP}/plants.csv"})),
])
def test_an_upload_looked_at_or_wanted_free_of_a_flaw(text, want):
    assert one_call(text, [f"{UP}/plants.csv"]) == want


def test_the_outcome_wanted_and_a_step_in_the_passive():
    assert one_call("I want the bot to handle different phrasings — plants_qa.json is far too uniform.")[0] == "augment_instructions"
    assert one_call("garden-run-4 is to be stopped; the loss is flat.") == ("stop_training", {"run_id": "garden-run-4"})
    assert dictated.active("Should the conflicting rows be dropped?") == "Should the conflicting rows be dropped?"
