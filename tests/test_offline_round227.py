"""General causes found in the round-227 to round-234 blind corpora once each was measured; tested on phrasings of our
own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import dictated, unhesitated
from assistant.offline import plan

UPLOAD = "/tmp/sft-eval/uploads/"


@pytest.mark.parametrize("text, tool, args", [
    ("给 menu.csv 加 CoT,比例 40%(打错了,20%)", "add_cot", {"path": "menu.csv", "fraction": 0.2}),
    ("lr 探测跑 300 步(写多了,100步就够)", "probe_learning_rate", {"steps": 100}),
    ("评估一下 run-0801-a(不对,是 run-0801-b)", "evaluate_run", {"run_id": "run-0801-b"}),
    ("convert menu.csv to jsonl (sorry, sharegpt)", "convert_dataset", {"path": "menu.csv", "to": "sharegpt"}),
    ("改一下:epochs=3(不是5),lr 不变", "start_training", {"epochs": 3}),
])
def test_a_slip_put_right_in_brackets(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, files, tool", [
    ("加 CoT 会不会改我的原文件?不会的话就给这个加 100 条吧", ["menu.jsonl"], "add_cot"),
    ("现在停会不会丢掉已经训好的?不会就停了吧", [], "stop_training"),
    ("does converting change my original file? if it doesn't, convert menu.csv to alpaca", [], "convert_dataset"),
    ("will starting now kill the running job? if not, start training on this", ["menu.jsonl"], "start_training"),
    ("if I stop it now do I keep the checkpoints? ok, stop menu-r8", [], "stop_training"),
])
def test_a_worry_then_the_step_on_the_answer_hoped_for(text, files, tool):
    assert one_call(text, [UPLOAD + f for f in files])[0] == tool


@pytest.mark.parametrize("text", ["and it won't overwrite anything? ok then, yes, do it", "确定不会删原文件对吧?那行,开始吧",
                                  "> 计划:转千帆 → 质检 → 开训\n就按这个来"])
def test_a_worry_answered_by_a_bare_yes_is_a_yes(text):
    assert plan(text) == []


@pytest.mark.parametrize("text", ["训练好的模型,问法要和训练时一样吗?不一样的话是不是就答不好了?",
                                  "学习率探测一般跑多少步?步数太少是不是就不准了"])
def test_a_question_with_a_not_then_is_still_a_question(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, path", [
    ("a.jsonl 不用动,b.jsonl 的指令帮我改写 300 条", "b.jsonl"),
    ("menu_a.jsonl 是测试集别碰,用 menu_b.jsonl 开始训练", "menu_b.jsonl"),
    ("menu_a.jsonl and menu_b.jsonl - leave menu_a alone, convert menu_b to alpaca", "menu_b.jsonl"),
])
def test_a_file_left_alone_is_not_the_one_acted_on(text, path):
    assert one_call(text)[1]["path"] == path


@pytest.mark.parametrize("text, values", [
    ("identity.json 占位符帮我填下,名字小勺,作者后厨组", {"name": "小勺", "author": "后厨组"}),
    ("identity.json 的名字填 小勺,作者那个先空着", {"name": "小勺"}),
    ("fill the template vars - name Chefy, author Bistro Labs", {"name": "Chefy", "author": "Bistro Labs"}),
    ("Her name is Pearl and she was made by Bistro Labs. fill identity.json", {"name": "Pearl", "author": "Bistro Labs"}),
    ("identity.json 先把占位符填了(名字叫小勺,作者是后厨组),然后再训", {"name": "小勺", "author": "后厨组"}),
])
def test_placeholder_values_glued_and_told(text, values):
    tool, args = one_call(text)
    assert tool == "fill_placeholders" and args["values"] == values


@pytest.mark.parametrize("text, model, path", [
    ("用Qwen2-0.5B-Instruct训菜单问答.jsonl", "Qwen2-0.5B-Instruct", "菜单问答.jsonl"),
    ("启动微调 底座用./models/qwen2-0.5b 数据是菜单.jsonl", "./models/qwen2-0.5b", "菜单.jsonl"),
    ("use ./models/phi-2 as the base with menu.jsonl", "./models/phi-2", "menu.jsonl"),
    ("Correction: base model for menu.jsonl should be Llama-3.2-1B", "Llama-3.2-1B", "menu.jsonl"),
])
def test_the_base_model_in_more_shapes(text, model, path):
    assert one_call(text) == ("start_training", {"path": path, "base_model": model})


@pytest.mark.parametrize("text, words", [("**更正**:`menu.jsonl` 的 `lora_r` 是 **8**", "更正:menu.jsonl 的 lora_r 是 8"),
                                         ("# 身份\n`{{name}}` → 小勺", "身份\n{{name}} → 小勺"),
                                         ("sheet `prod`, map `question`", "sheet `prod`, map `question`")])
def test_markdown_marks_around_names_are_read_through(text, words):
    assert dictated(text) == words


def test_a_setting_ruled_out_then_put_right():
    assert one_call("那次训练 lora_r 不是 16,是 8") == ("start_training", {"lora_r": 8})
    assert one_call("few-shot 的 k 不是 3,改成 5") == ("add_few_shot", {"k": 5})
    assert one_call("等下 每条3个例子不对 要5个")[1]["k"] == 5


@pytest.mark.parametrize("text, tool, args", [
    ("不对不对,不是跑4圈,是2圈", "start_training", {"epochs": 2}),
    ("我有 600 条,该跑几圈、速度设多少?帮我定一下", "suggest_hyperparameters", {"n_samples": 600}),
    ("how many loops and what speed should i use for 3000 questions?", "suggest_hyperparameters", {"n_samples": 3000}),
    ("Let's teach him with menu.jsonl, 4 rounds", "start_training", {"path": "menu.jsonl", "epochs": 4}),
])
def test_a_beginners_words_for_the_settings(text, tool, args):
    assert one_call(text) == (tool, args)


def test_training_speed_is_not_the_learning_rate():
    assert one_call("训练速度太慢了怎么办")[0] == "explain"


@pytest.mark.parametrize("text, tool, args", [
    ("你是不是听错了?epoch是2不是4。", "start_training", {"epochs": 2}),
    ("Did I say 2e-4? The learning rate should be 1e-4.", "start_training", {"learning_rate": 0.0001}),
    ("wait\nnot 4 epochs\n2", "start_training", {"epochs": 2}),
    ("not 400 steps for menu.jsonl - make it 200, sorry", "probe_learning_rate", {"path": "menu.jsonl", "steps": 200}),  # (the probe's, since round 415)
    ("actually the cot share should be 0.3 not 0.5", "add_cot", {"fraction": 0.3}),
])
def test_corrections_in_more_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool, run", [
    ("menu-r8 不是要停,是要恢复!刚才说反了", "resume_training", "menu-r8"),
    ("lora-r4-v1 和 lora-r16-v1 都在跑,把 r4 那个停了,r16 继续", "stop_training", "lora-r4-v1"),
    ("我这边 menu-r8 麻烦先停一下,今晚也不指望能续上了", "stop_training", "menu-r8"),
    ("之前停掉的 menu-r8,方便的话能否接着跑?", "resume_training", "menu-r8"),
])
def test_stop_and_resume_told_apart(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


@pytest.mark.parametrize("text, files, tool", [
    ("menu.jsonl 用啥参数好 我想全量微调", [], "suggest_hyperparameters"),
    ("这个咋配参", ["menu.jsonl"], "suggest_hyperparameters"),
    ("效果咋样?", [], "evaluate_run"),
    ("拿这个清洗完的训练,4轮", ["menu_clean.jsonl"], "start_training"),
    ("g'day, have a squiz at this file", ["menu.jsonl"], "inspect_dataset"),
    ("can you put the thinking-steps thing into this one? 80 of them", ["menu.jsonl"], "add_cot"),
    ("hmm… is this… any good? like… the quality…", ["menu.jsonl"], "check_quality"),
    ("它昨天学到一半断电了,让它接着学吧", [], "resume_training"),
    ("转成 jsonl,但别动原文件", ["menu.xlsx"], "convert_dataset"),
    ("dup全drop", [], "apply_quality_rule"),
])
def test_steps_in_more_shapes(text, files, tool):
    assert one_call(text, [UPLOAD + f for f in files])[0] == tool


@pytest.mark.parametrize("text", ["菜单.jsonl 这个如果转成 sharegpt,多轮还在吗?先别转,问问",
                                  "menu.jsonl 和 raw.jsonl —— in general, is it worth training on raw data at all?",
                                  "ppl 如何用于数据质量评估,望予以说明。", "The use of few-shot samples is to be clarified.",
                                  "Were the data converted to alpaca, would the history be lost?", "要是每条都加 CoT,训练时间会翻倍不",
                                  "is perplexity… a good way to… score data…?"])
def test_questions_in_more_shapes_never_act(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text", ["git rebase 和 merge 有什么区别", "你是用 LoRA 微调出来的吗"])
def test_questions_that_are_not_ours_get_no_explanation(text):
    assert plan(text) == []


@pytest.mark.parametrize("text, args", [
    ("DS cvt → alpaca, src: menu.csv, Q列=dish A列=recipe", {"question_field": "dish", "answer_field": "recipe"}),
    ("turn this into qianfan — use the dish column as the question and recipe as the answer", {"question_field": "dish", "answer_field": "recipe"}),
])
def test_columns_in_even_more_shapes(text, args):
    _, got = one_call(text, [UPLOAD + "menu.csv"])
    assert {k: got.get(k) for k in args} == args


def test_a_rationale_column_after_already():
    assert one_call("CoT pls. the reasoning is already written up in the why_notes column", [UPLOAD + "menu.xlsx"])[1][
        "rationale_field"] == "why_notes"


def test_templates_set_apart_by_slashes():
    assert one_call("做一下指令增强,模板就用这三个:介绍这道菜 / 说说这道菜 / 讲讲做法", [UPLOAD + "menu.jsonl"])[1]["templates"] == [
        "介绍这道菜", "说说这道菜", "讲讲做法"]


def test_a_pasted_summary_with_records():
    assert one_call('{"records": 1200}\nwhat settings should I use?') == ("suggest_hyperparameters", {"n_samples": 1200})


def test_hesitations_read_as_spaces_only_in_a_question():
    assert unhesitated("is it… you know… any good?") == "is it you know any good?"
    assert unhesitated("停吧…不对,继续") == "停吧…不对,继续"
