"""General causes found in the round-219 to round-226 blind corpora once each was measured; tested on phrasings of our
own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import pinyin, undoubled
from assistant.offline import plan

UPLOAD = "/tmp/sft-eval/uploads/"


def test_a_pasted_count_of_removed_rows_decides_nothing():
    text = "清洗脚本日志:\nremoved 12 / 930\ndeleted: 3\n还是不放心,帮我用质量检查跑一遍 menu.jsonl,带上困惑度"
    assert one_call(text) == ("check_quality", {"path": "menu.jsonl", "ppl": True})


@pytest.mark.parametrize("text", ["假如把近似重复全删了,是否会导致数据太少?请先评估,暂勿执行。",
                                  "如果把学习率调到1e-3,会导致loss发散吗,切勿执行"])
def test_a_formal_what_if_never_acts(text):
    assert one_call(text)[0] == "explain"


def test_the_answer_to_ones_own_question_names_no_step_the_question_does():
    text = "Should I add few-shot to all of it? Nah, too much. Maybe a third. Do a third of menu.jsonl."
    assert one_call(text) == ("add_few_shot", {"path": "menu.jsonl", "fraction": pytest.approx(1 / 3, abs=0.01)})


def test_a_self_answered_probe_question_probes_with_the_last_number():
    text = "Do I just pick an LR? No, let's range-test it. 80 steps? Nah, 120. Use menu.jsonl."
    assert one_call(text) == ("probe_learning_rate", {"path": "menu.jsonl", "steps": 120})


@pytest.mark.parametrize("text, words", [("jian cha yi xia shu ju zhi liang", "检查一下数据质量"),
                                         ("ji xu xun lian menu-r8", "继续训练 menu-r8"),
                                         ("xue xi lv tan ce, 60 bu", "学习率探测, 60 步"),
                                         ("the shi of it", "the shi of it")])
def test_pinyin_syllable_by_syllable(text, words):
    assert pinyin(text) == words


@pytest.mark.parametrize("text, tool, args", [
    ("ba menu.csv zhuan cheng alpaca", "convert_dataset", {"path": "menu.csv", "to": "alpaca"}),
    ("xun lian jin du zen me yang? menu-r8", "training_status", {"run_id": "menu-r8"}),
    ("ru guo ba suo you shu ju dou jia shang few-shot, hui bu hui tai chang?", "explain", None),
])
def test_pinyin_requests(text, tool, args):
    got = one_call(text)
    assert got[0] == tool and (args is None or got[1] == args)


@pytest.mark.parametrize("text, run", [("stop一下 menu-r8", "menu-r8"), ("stp menu-r8 asap", "menu-r8"),
                                       ("Kindly note that run menu-r8 is to be terminated today.", "menu-r8")])
def test_stops_in_more_shapes(text, run):
    assert one_call(text) == ("stop_training", {"run_id": run})


def test_a_run_stopped_by_an_outage_is_resumed_when_asked():
    assert one_call("the run was stopped last night by a power outage, run id menu-r8, please continue it") == (
        "resume_training", {"run_id": "menu-r8"})


@pytest.mark.parametrize("text", ["先把训练停一下,明天再接着跑吧", "pause the run for now, we'll resume it tomorrow"])
def test_a_stop_now_with_a_resume_put_off_is_a_stop(text):
    assert one_call(text)[0] == "stop_training"


def test_a_wondered_request_to_the_assistant_is_still_a_request():
    assert one_call("I was wondering if you might convert menu.csv to alpaca when you have a moment?") == (
        "convert_dataset", {"path": "menu.csv", "to": "alpaca"})


@pytest.mark.parametrize("text", ["你好!你是谁开发的?能陪我聊聊天吗?", "hey are u a bot or a person? do u ever get tired of data lol"])
def test_a_question_about_the_assistant_is_not_explained(text):
    assert not plan(text) or plan(text)[0]["name"] != "explain"


def test_a_list_on_one_line_does_its_first_item():
    assert one_call("1. 先看看 menu.jsonl 2. 再转成 alpaca") == ("inspect_dataset", {"path": "menu.jsonl"})


def test_two_short_decisions_in_a_list_are_two_steps():
    assert one_call("1. drop the garbled ones 2. keep the short answers") == (
        "apply_quality_rule", {"rule": "garbled", "decision": "drop"})


def test_a_question_answered_by_a_step_in_so_many_words_keeps_that_step():
    text = "模型知道自己叫什么吗?不知道,identity.json 里全是{{name}}。帮我填上:name是“小勺”"
    assert one_call(text) == ("fill_placeholders", {"path": "identity.json", "values": {"name": "小勺"}})


@pytest.mark.parametrize("text, tool", [("check if the model can still answer everyday questions after tuning", "evaluate_run"),
                                        ("帮我测测刚训好的那个,菜品问题答得准不准", "evaluate_run"),
                                        ("How long more for menu-r8 ah?", "training_status"),
                                        ("Pick up the one we paused yesterday, same settings.", "resume_training"),
                                        ("Would it be alright if we stopped menu-r8? Looks stuck.", "stop_training"),
                                        ("停了吧,loss 都 nan 了,还练啥", "stop_training")])
def test_run_steps_in_more_shapes(text, tool):
    assert one_call(text)[0] == tool


def test_a_pasted_summary_gives_the_size_for_advice():
    assert one_call('stats:\n{"records": 450, "avg_len": 120}\nwhat settings should I use?') == (
        "suggest_hyperparameters", {"n_samples": 450})


@pytest.mark.parametrize("text, args", [("add few shot 2 menu.jsonl k 3", {"path": "menu.jsonl", "k": 3}),
                                        ("给 menu.jsonl 加点 few-shot,一个prompt前面放2个例子", {"path": "menu.jsonl", "k": 2})])
def test_few_shot_counts_in_more_shapes(text, args):
    assert one_call(text) == ("add_few_shot", args)


def test_templates_pointed_at_after_spaces():
    assert one_call("menu.jsonl 的指令太单一 用 介绍这道菜 说说这道菜 这俩模板扩一下") == (
        "augment_instructions", {"path": "menu.jsonl", "templates": ["介绍这道菜", "说说这道菜"]})


@pytest.mark.parametrize("text, tool, args", [
    ("拿这个探一下学习率多少合适", "probe_learning_rate", {"path": UPLOAD + "menu.jsonl"}),
    ("学习率到底多大合适?你直接在这个文件上试一下呗", "probe_learning_rate", {"path": UPLOAD + "menu.jsonl"}),
])
def test_a_probe_asked_to_find_the_rate(text, tool, args):
    assert one_call(text, [UPLOAD + "menu.jsonl"]) == (tool, args)


@pytest.mark.parametrize("text, rule, decision", [("乱码那几条直接山了吧", "garbled", "drop"),
                                                  ("答案就是把问题抄一遍的那种,删", "answer_is_question", "drop"),
                                                  ("答案长得像问题的先留着", "answer_is_question", "keep")])
def test_rules_in_more_shapes(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, path", [("质检下menu_v2.jsonl,带困惑度", "menu_v2.jsonl"),
                                        ("CoT 来一点 文件是训练计划QA.csv", "训练计划QA.csv")])
def test_chinese_words_glued_to_a_file_name(text, path):
    assert one_call(text)[1]["path"] == path


def test_comma_separated_values_is_csv():
    assert one_call("please render menu.jsonl as comma-separated values; my boss opens it in a spreadsheet program") == (
        "convert_dataset", {"path": "menu.jsonl", "to": "csv"})


@pytest.mark.parametrize("text", ["confirmed ✅ go", "我们同意这个方案,可以开始。"])
def test_agreeing_to_the_plan_shown_acts_on_nothing_by_itself(text):
    assert plan(text) == []


@pytest.mark.parametrize("text, files, values", [
    ("use Menu Pal as the name here", ["identity.json"], {"name": "Menu Pal"}),
    ("placeholdrs: name = Chefy, autor = Bistro Labs", [], {"name": "Chefy", "author": "Bistro Labs"}),
    ("placeholders: name = 'Chefy'", [], {"name": "Chefy"}),
    ("set the author placeholder to Bistro Labs", [], {"author": "Bistro Labs"}),
    ("fill identity.json in: name 菜单助手 and author Bistro", [], {"name": "菜单助手", "author": "Bistro"}),
    ("作者别写我自己的名字,改成“后厨组”", [], {"author": "后厨组"}),
    ("给助手起名吵了半天,最后定了叫「小勺」。{{name}} 帮我填上吧", ["identity.json"], {"name": "小勺"}),
    ("sorry, the author should read 'Bistro & Sons', not 'Bistro'", [], {"author": "Bistro & Sons"}),
])
def test_placeholder_values_in_more_shapes(text, files, values):
    tool, args = one_call(text, [UPLOAD + f for f in files])
    assert tool == "fill_placeholders" and args["values"] == values


def test_a_particle_after_fill_is_no_value():
    assert one_call("{{author}} 也帮我填上吧,作者填「后厨组」", [UPLOAD + "identity.json"])[1]["values"] == {"author": "后厨组"}


@pytest.mark.parametrize("text, words", [("近似重复的别不删,都删了", "近似重复的删,都删了"),
                                         ("I'm not saying don't keep them. Keep them.", "keep them. Keep them."),
                                         ("是不是不行啊", "是不是不行啊"), ("不是不要转,是转成csv", "不是不要转,是转成csv")])
def test_two_negations_cancel(text, words):
    assert undoubled(text) == words


def test_a_double_negated_fill_keeps_the_value_said_after_it():
    tool, args = one_call("名字不是不填,填「小勺」", [UPLOAD + "identity.json"])
    assert tool == "fill_placeholders" and args["values"] == {"name": "小勺"}


@pytest.mark.parametrize("text, tool, args", [
    ("sorry i meant 2 epochs not 4", "start_training", {"epochs": 2}),
    ("No. Four epochs.", "start_training", {"epochs": 4}),
    ("it's 800 samples, not 8000, full fine-tune", "suggest_hyperparameters", {"n_samples": 800, "method": "full"}),
    ("不是2个例子,改成4个", "add_few_shot", {"k": 4}),
])
def test_a_value_put_right_with_nothing_before_goes_to_its_step(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", ["not unlike my old job, pasting into spreadsheets all day", "I'm not trying to be a pain, sorry"])
def test_a_not_with_no_value_is_no_correction(text):
    assert plan(text) == []


def test_not_drop_but_keep_is_a_keep():
    assert one_call("no, not drop — don't drop the answer-is-question rows, keep them") == (
        "apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})


@pytest.mark.parametrize("text, args", [
    ("make it csv, q colum is 'dish', a colum 'recipe'", {"question_field": "dish", "answer_field": "recipe"}),
    ("Questions sit in column Q, answers in column A.", {"question_field": "Q", "answer_field": "A"}),
    ("转成alpaca,问题列是'菜名' 答案列是'做法'", {"question_field": "菜名", "answer_field": "做法"}),
])
def test_columns_in_more_shapes(text, args):
    tool, got = one_call(text, [UPLOAD + "menu.csv"])
    assert {k: got.get(k) for k in args} == args


def test_a_capitalised_sheet_word():
    assert one_call("Inspect menu.xlsx. Sheet Desserts.") == ("inspect_dataset", {"path": "menu.xlsx", "sheet": "Desserts"})


def test_the_sheet_meant_after_should_look_at():
    assert one_call("sheet 名写错了,应该看“甜品”不是“主食”", [UPLOAD + "menu.xlsx"])[1]["sheet"] == "甜品"


def test_a_rationale_column_labelled():
    text = "Add CoT to menu.jsonl. The reasoning is held in the column labelled 'why'."
    assert one_call(text) == ("add_cot", {"path": "menu.jsonl", "rationale_field": "why"})


def test_a_format_alone_asked_for_converts_the_upload():
    tool, args = one_call("alpaca pls. question column is dish, answer column is recipe", [UPLOAD + "menu.csv"])
    assert tool == "convert_dataset" and args["to"] == "alpaca"


@pytest.mark.parametrize("text", ["whats the diff btw qianfan n alpaca", "few-shot improves answers how exactly",
                                  "hypothetically, lora vs full on 50 rows, good idea or nah",
                                  "Our team wonders whether the eval set should overlap the training set.",
                                  "how many epochs for 10000 samples according to the manual?", "1000条数据手册建议几个epoch",
                                  "用困惑度來評估資料品質,到底準不準?"])
def test_questions_in_more_shapes_are_answered(text):
    assert one_call(text)[0] == "explain"


def test_a_mood_is_no_crashed_run():
    assert plan("方案又被打回来了,心态崩了") == []
