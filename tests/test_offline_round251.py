"""Causes of the misses in the round-251 to round-258 blind corpora (measured at first sight at 0013028, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text, args", [
    ("lr试探跑300步 menu_qa.jsonl", {"path": "menu_qa.jsonl", "steps": 300}),
    ("lr 试探,120步,menu_qa.jsonl", {"path": "menu_qa.jsonl", "steps": 120}),
    ("the LR thingy, run it on menu_qa.jsonl, 40 steps", {"path": "menu_qa.jsonl", "steps": 40}),
    ("lr probe on menu_qa.jsonl, 70 stesp", {"path": "menu_qa.jsonl", "steps": 70}),
    ("Run a 90-step learning rate test on menu_qa.jsonl.", {"path": "menu_qa.jsonl", "steps": 90}),
    ("上次 lr 探测跑了 50 步太少,这次在 menu_qa.jsonl 上跑 200 步", {"path": "menu_qa.jsonl", "steps": 200}),
])
def test_the_probe_in_more_words_is_never_a_run(text, args):
    assert one_call(text) == ("probe_learning_rate", args)


@pytest.mark.parametrize("text", [
    "学习率探测做完了,现在用 lr 2e-4 在 menu_qa.jsonl 上正式训练",
    "Ran the LR probe this morning, 2e-4 looked best. Train menu_qa.jsonl with lr 2e-4",
])
def test_a_probe_said_as_done_leaves_the_run_asked_for(text):
    name, args = one_call(text)
    assert (name, args["learning_rate"]) == ("start_training", 0.0002)


@pytest.mark.parametrize("text, tool, run", [
    ("I started run kb-night-3 yesterday evening, pull up its progress", "training_status", "kb-night-3"),
    ("hey whats up with run menu-r8, still cooking?", "training_status", "menu-r8"),
    ("Can't you just tell me how run qz-88 is doing?", "training_status", "qz-88"),
    ("is it finished? the number it gave me was 45210", "training_status", "45210"),
    ("别让它学了,停下来,编号 5521", "stop_training", "5521"),
    ("kill b9-final, it has been stuck for an hour", "stop_training", "b9-final"),
    ("evaluate 2025-03-02_menu please, did it learn our answers?", "evaluate_run", "2025-03-02_menu"),
    ("menu_0312 那个停了的,接着给我跑起来", "resume_training", "menu_0312"),
])
def test_runs_named_in_more_shapes(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


def test_a_ps_that_takes_the_step_back_asks_for_another():
    text = "Stop run menu-a1.\nP.S. no wait, leave it. Resume menu-b2 instead, that one I paused"
    assert one_call(text) == ("resume_training", {"run_id": "menu-b2"})
    assert one_call("停掉 menu-a1。\nP.S. 不对,先别停,帮我看看它现在 loss 多少") == ("training_status", {"run_id": "menu-a1"})


def test_a_numbered_what_if_never_acts():
    assert one_call("1. 假如我现在把 menu-a1 停了\n2. 之后还能接着跑吗?")[0] == "explain"


@pytest.mark.parametrize("text, values", [
    ("我们的客服机器人想叫“小菜”,作者写“菜鸟餐饮”,帮我把 identity.json 的占位符填上", {"name": "小菜", "author": "菜鸟餐饮"}),
    ("这个助手对外叫「阿满」,开发方写「满记」,identity.json 占位符填一下", {"name": "阿满", "author": "满记"}),
    ("identity.json 名字还是填 小禾,作者写 禾苗工作室", {"name": "小禾", "author": "禾苗工作室"}),
    ("identity.json: put name as Basil and author as Herb Labs like we said", {"name": "Basil", "author": "Herb Labs"}),
    ("帮我把 identity.json 里的名字天成 小麦 作者天 麦田科技", {"name": "小麦", "author": "麦田科技"}),
])
def test_identity_values_in_more_shapes(text, values):
    assert one_call(text) == ("fill_placeholders", {"path": "identity.json", "values": values})


def test_a_question_about_who_made_the_assistant_fills_nothing():
    assert [c["name"] for c in plan("你们这个助手是谁开发的?底层是什么模型")] in ([], ["explain"])


@pytest.mark.parametrize("text, rule, decision", [
    ("完全一样的那几条删掉", "exact_duplicate", "drop"),
    ("回答就是把问题又复制了一遍的,删掉", "answer_is_question", "drop"),
    ("ppl高的别删,留着", "perplexity", "keep"),
    ("the conflicting ones stay, legal will look at them", "conflict", "keep"),
    ("drop the garbled rows, half the export came out as ????", "garbled", "drop"),
    ("近似重复的保留,那是同一个问题的不同问法", "near_duplicate", "keep"),
    ("> 短答案的记录要删除还是保留?\n删,短的留着干嘛", "short_answer", "drop"),
])
def test_review_decisions_in_more_words(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, tool, args", [
    ("menu_qa.jsonl 指令增强,再多造 300 条", "augment_instructions", {"path": "menu_qa.jsonl", "n_samples": 300}),
    ("make more varied prompts for menu_qa.jsonl, like 250 new ones", "augment_instructions", {"path": "menu_qa.jsonl", "n_samples": 250}),
    ("few-shot on menu_qa.jsonl, 3 per, 80 samples", "add_few_shot", {"path": "menu_qa.jsonl", "k": 3, "n_samples": 80}),
    ("wait, not 3 examples - make it 5 per sample", "add_few_shot", {"k": 5}),
    ("oops 20% was wrong for the reasoning ones, make it 30%", "add_cot", {"fraction": 0.3}),
    ("sorry, I say 5 epochs wrong, should be 3 epochs", "start_training", {"epochs": 3}),
    ("train 那条 --epochs 4 改成 --epochs 2", "start_training", {"epochs": 2}),
    ("few_shot --k 2 -> --k 3", "add_few_shot", {"k": 3}),
    ("Did I say 50 samples for the CoT? I meant 120.", "add_cot", {"n_samples": 120}),
    ("hp_suggest n=2400 method=lora", "suggest_hyperparameters", {"n_samples": 2400, "method": "lora"}),
    ("超参建议:样本数 600,方法=LoRA,不考虑全参", "suggest_hyperparameters", {"n_samples": 600, "method": "lora"}),
    ("menu_qa.csv 这个量,lora 训几轮好", "suggest_hyperparameters", {"path": "menu_qa.csv", "method": "lora"}),
])
def test_counts_and_corrected_values(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, args", [
    ("menu.xlsx 里问答在“三月”那个sheet,问题那列叫 顾客问题,答案那列叫 标准答复,先看看", {"path": "menu.xlsx", "sheet": "三月", "question_field": "顾客问题", "answer_field": "标准答复"}),
    ("look at menu.xlsx, sheet 'april'. Q column is guest_q, A is staff_a", {"path": "menu.xlsx", "sheet": "april", "question_field": "guest_q", "answer_field": "staff_a"}),
])
def test_fields_and_sheets(text, args):
    assert one_call(text) == ("inspect_dataset", args)


@pytest.mark.parametrize("text, args", [
    ("convert menu.csv -> qianfan, q_field=问, a_field=答", {"path": "menu.csv", "to": "qianfan", "question_field": "问", "answer_field": "答"}),
])
def test_field_keys_written_short(text, args):
    assert one_call(text) == ("convert_dataset", args)


@pytest.mark.parametrize("text, args", [
    ("CoT 参数:路径 menu.jsonl;推理字段名 steps_text", {"path": "menu.jsonl", "rationale_field": "steps_text"}),
    ("add reasoning samples to menu.jsonl, the why column is called 'because'", {"path": "menu.jsonl", "rationale_field": "because"}),
    ("给 menu.jsonl 加上思维连的样本 推理在 解析 那一烈", {"path": "menu.jsonl", "rationale_field": "解析"}),
    ("我有一个文件 menu.jsonl,我想加“思维链”的数据", {"path": "menu.jsonl"}),
])
def test_cot_in_more_words(text, args):
    assert one_call(text) == ("add_cot", args)


@pytest.mark.parametrize("text, model", [
    ("不对,训练的基座用 ERNIE-Speed", "ERNIE-Speed"),
    ("sorry, the base model for the training is not Llama-3-8B, is Qwen2.5-3B.", "Qwen2.5-3B"),
])
def test_a_base_model_put_right_is_no_format(text, model):
    assert one_call(text) == ("start_training", {"base_model": model})


@pytest.mark.parametrize("text", [
    "few-shot 样本里的例子是从我的数据里挑的吗?",
    "wats a range test do exactly",
    "假设两条记录只差一个标点,会被判为 exact_duplicate 还是 near_duplicate?请给出判定规则。",
    "Can't you just tell me whether 8 examples per sample would be too long for the context?",
    "My questions:\n1. Does evaluation need its own test set?\n2. How is forgetting measured?",
])
def test_questions_in_more_shapes_never_act(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, tool", [
    ("please inspect menu.jsonl and tell me what feels it has, I mean fields", "inspect_dataset"),
    ("resume menu-a1 from the last checkpoint, I fixed the date, I mean the data", "resume_training"),
    ("那就开始教它吧!用 menu.jsonl", "start_training"),
    ("can you make it understand different ways of asking, using menu.xlsx?", "augment_instructions"),
    ("1. inspect menu.jsonl\n2. convert to alpaca\n3. check quality", "inspect_dataset"),
    ("> Which file should I add CoT to?\nmenu.jsonl, 20% of it", "add_cot"),
])
def test_the_step_in_more_voices(text, tool):
    assert one_call(text)[0] == tool
