"""General causes found in the round-141 to round-158 blind corpora once each was measured; tested on phrasings of
our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import answered, repaired
from assistant.offline import plan

UP = "/ws/uploads"


@pytest.mark.parametrize("text, tool, args", [
    ("turn menu.csv into sharegpt, I mean openai", "convert_dataset", {"path": "menu.csv", "to": "openai"}),
    ("把 菜单.csv 转 alpaca,我是说千帆", "convert_dataset", {"path": "菜单.csv", "to": "qianfan"}),
    ("start on menu.jsonl with six epochs no five epochs", "start_training", {"path": "menu.jsonl", "epochs": 5}),
    ("menu.jsonl 训 6 轮(不,3 轮)", "start_training", {"path": "menu.jsonl", "epochs": 3}),
    ("few-shot on a third of menu.jsonl (actually make it a half)", "add_few_shot", {"path": "menu.jsonl", "fraction": 0.5}),
    ("stop run-1101-x, I mean run-1101-y", "stop_training", {"run_id": "run-1101-y"}),
    ("add cot to menu.jsonl, about three hundred no wait three fifty", "add_cot", {"path": "menu.jsonl", "n_samples": 350}),
])
def test_a_slip_put_right_in_the_message_keeps_what_was_meant(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", ["I mean, the data is fine", "no one told me the format", "not 3 epochs, I mean 4"])
def test_a_repair_needs_a_word_of_the_same_kind_before_it_and_no_marked_slip(text):
    assert repaired(text) == text


@pytest.mark.parametrize("text, tool, args", [
    ("typo on my side: epochs should be 6", "start_training", {"epochs": 6}),
    ("学习率写错了,应该是 3e-4", "start_training", {"learning_rate": 0.0003}),
    ("k 改成 6 吧", "add_few_shot", {"k": 6}),
    ("my typo: rank should be 32, not 8", "start_training", {"lora_r": 32}),
])
def test_a_value_put_right_with_no_plan_goes_to_the_tool_of_that_setting(text, tool, args):
    assert one_call(text) == (tool, args)  # (a start is only proposed: the guard asks for a file and a yes)


@pytest.mark.parametrize("text", [
    "how can I stop the model forgetting how to chat after fine-tuning?",
    "should our test prompts look like the training prompts?",
    "is this file a good fit for CoT?",
    "LoRA 的学习率是要调高还是调低?",
    "mixing general data limits forgetting, right?",
    "手册里说 500 条数据建议几个 epoch 来着?",
    "would 20 epochs on 300 rows overfit?",
    "do the columns have to be named instruction and output?",
])
def test_how_to_and_belief_questions_never_act(text):
    assert plan(text, [f"{UP}/menu.jsonl"])[:1] in ([], [{"name": "explain", "args": {"question": text}}])


@pytest.mark.parametrize("text", ["walk me through the manual's section on learning rates",
                                  "把手册里讲数据多样性的那部分给我总结一下",
                                  "give me the manual's take on mixing general data"])
def test_the_manuals_section_asked_for_is_explained(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, tool, args", [
    ("If convenient, could you convert menu.csv to alpaca?", "convert_dataset", {"path": "menu.csv", "to": "alpaca"}),
    ("若方便的话,帮我给 菜单.jsonl 加两成 CoT", "add_cot", {"path": "菜单.jsonl", "fraction": 0.2}),
    ("would you mind telling me how long run-1101-x has left?", "training_status", {"run_id": "run-1101-x"}),
    ("would love CoT versions of about 80 of these", "add_cot", {"path": f"{UP}/menu.jsonl", "n_samples": 80}),
])
def test_a_polite_condition_is_courtesy_and_the_request_stands(text, tool, args):
    (call,) = plan(text, [f"{UP}/menu.jsonl"])
    assert (call["name"], call["args"]) == (tool, args)


@pytest.mark.parametrize("text, path", [
    ("面包房烘焙QA.csv 转 alpaca", "面包房烘焙QA.csv"),
    ("检查下冷库巡检FAQ.xlsx的质量", "冷库巡检FAQ.xlsx"),
    ("帮我统计下qa.csv", "qa.csv"),
    ("reformat menu.json as a plain csv", "menu.json"),
])
def test_a_qa_or_faq_name_keeps_its_chinese_topic_and_no_verb(text, path):
    assert one_call(text)[1]["path"] == path


@pytest.mark.parametrize("text, rule", [
    ("乱码那些直接 drop", "garbled"), ("answers that just repeat the question back, toss them", "answer_is_question"),
    ("一字不差的那些剔掉", "exact_duplicate"), ("互相抵牾的条目删去", "conflict"),
])
def test_review_words(text, rule):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": "drop"})


@pytest.mark.parametrize("text, args", [
    ("菜单.jsonl 做个学习率range test,80步", {"path": "菜单.jsonl", "steps": 80}),
    ("find me a sensible lr for menu.jsonl first", {"path": "menu.jsonl"}),
    ("lr_find menu.jsonl --steps 120", {"path": "menu.jsonl", "steps": 120}),
    ("loss exploded right away on menu.jsonl with the lr I guessed", {"path": "menu.jsonl"}),
])
def test_probe_words_and_a_loss_blown_up_by_a_guessed_lr(text, args):
    assert one_call(text) == ("probe_learning_rate", args)


def test_a_loss_blown_up_with_a_stop_asked_is_the_stop():
    assert one_call("loss is nan, lr too high? kill run-1101-x")[0] == "stop_training"


@pytest.mark.parametrize("text, values", [
    ("身份数据里名字填为「小满」", {"name": "小满"}),
    ("我们把助手命名为“小满”,作者写“满仓科技”", {"name": "小满", "author": "满仓科技"}),
    ("机器人叫小满,是满仓科技做的", {"name": "小满", "author": "满仓科技"}),
    ("Name's Juniper, not Jasper", {"name": "Juniper"}),
    ("set the author in identity.json to Juniper Labs", {"author": "Juniper Labs"}),
    ("set the name to 'Juniper' in the identity template", {"name": "Juniper"}),
])
def test_identity_values_in_more_words(text, values):
    name, args = one_call(text)
    assert name == "fill_placeholders" and args["values"] == values


def test_a_question_about_the_maker_fills_nothing():
    assert plan("你是哪家公司做的?") == []


@pytest.mark.parametrize("text, tool", [
    ("it just spits out the final number, no working shown", "add_cot"),
    ("the bot only gets it right when people ask exactly the way the training data does", "augment_instructions"),
    ("the assistant keeps calling itself {{name}}", "fill_placeholders"),
    ("half the answers in menu.jsonl look copy-pasted", "check_quality"),
    ("训完以后问它菜价它也回一堆退款政策", "evaluate_run"),
])
def test_a_problem_told_calls_the_step_it_needs(text, tool):
    assert one_call(text)[0] == tool


def test_a_problem_asked_about_is_explained():
    assert one_call("why does it spit out the final number with no working?")[0] == "explain"


@pytest.mark.parametrize("text, args", [
    ("menu.xlsx 转 alpaca,表名叫 午市", {"sheet": "午市"}),
    ("look at menu.xlsx, the tab is Dinner", {"sheet": "Dinner"}),
    ("look at menu.xlsx, the sheet is called Winter Menu", {"sheet": "Winter Menu"}),
    ("inspect menu.xlsx, the sheet named Brunch?", {"sheet": "Brunch"}),
    ("menu.xlsx to qianfan, Q is 'Guest asks', A is 'Waiter says'", {"question_field": "Guest asks", "answer_field": "Waiter says"}),
    ("menu.xlsx to qianfan, cols Ask / Reply", {"question_field": "Ask", "answer_field": "Reply"}),
])
def test_sheets_and_columns_in_more_shapes(text, args):
    assert args.items() <= one_call(text)[1].items()


@pytest.mark.parametrize("text, field", [("给 菜单.jsonl 加 CoT,推理写在 reason 那一列", "reason"),
                                         ("菜单.jsonl 加思维链 推理过程在steps那列里", "steps")])
def test_a_rationale_column_glued_to_chinese_words(text, field):
    assert one_call(text)[1]["rationale_field"] == field


@pytest.mark.parametrize("text, args", [
    ("pick run-1101-x up from where it crashed", {"run_id": "run-1101-x"}),
    ("run-1101-x 从断的地方接着来", {"run_id": "run-1101-x"}),
    ("the run died. make it keep going", {}),
    ("那个 stop 掉的 run-1101-x,continue 一下", {"run_id": "run-1101-x"}),
    ("run-1101-x already stop, please continue it", {"run_id": "run-1101-x"}),
])
def test_a_stopped_run_carried_on_is_a_resume(text, args):
    assert one_call(text) == ("resume_training", args)


def test_a_look_at_a_run_is_no_resume():
    assert one_call("check run-1101-x for me") == ("training_status", {"run_id": "run-1101-x"})


@pytest.mark.parametrize("text", ["Thanks, that's the tidiest dataset I've seen this month.", "谢谢!"])
def test_thanks_and_a_remark_call_nothing(text):
    assert plan(text, [f"{UP}/menu.jsonl"]) == []


def test_thanks_then_a_request_is_the_request():
    assert one_call("thanks! now convert it to csv", [f"{UP}/menu.jsonl"]) == ("convert_dataset", {"path": f"{UP}/menu.jsonl", "to": "csv"})


@pytest.mark.parametrize("text, expected", [
    ("epochs? hmm, 5 is fine. go", "epochs? hmm, 5 epochs is fine. go"),
    ("how many steps? 60 then", "how many steps? 60 steps then"),
    ("how many epochs? I have 3,000 rows", "how many epochs? I have 3,000 rows"),
    ("use the 'steps' column? maybe 150 or so", "use the 'steps' column? maybe 150 or so"),
])
def test_a_setting_asked_then_answered_with_a_bare_number(text, expected):
    assert answered(text) == expected


@pytest.mark.parametrize("text, tool", [("make the bot learn this", "start_training"), ("让模型开始学吧", "start_training")])
def test_plain_words_for_training(text, tool):
    assert plan(text, [f"{UP}/menu.jsonl"])[0]["name"] == tool


@pytest.mark.parametrize("text, tool, args", [
    ("[停] run-1101-x", "stop_training", {"run_id": "run-1101-x"}),
    ("It is hereby requested that run-1101-x be halted forthwith.", "stop_training", {"run_id": "run-1101-x"}),
    ("Mia asked me to get run-1101-x killed", "stop_training", {"run_id": "run-1101-x"}),
    ("why not just stop run-1101-x, the loss is flat", "stop_training", {"run_id": "run-1101-x"}),
    ("how about picking run-1101-x back up where it crashed?", "resume_training", {"run_id": "run-1101-x"}),
    ("revive the stopped job run-1101-x", "resume_training", {"run_id": "run-1101-x"}),
])
def test_a_stop_or_resume_asked_in_other_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, args", [
    ("no idea what lr to start from, can we run 120 steps on menu.jsonl to 摸一下 the 学习率 first?", {"path": "menu.jsonl", "steps": 120}),
    ("I need an lr vs loss curve for menu.jsonl", {"path": "menu.jsonl"}),
    ("find me a better lr for menu.jsonl", {"path": "menu.jsonl"}),
])
def test_the_probe_asked_by_what_it_gives(text, args):
    assert one_call(text) == ("probe_learning_rate", args)


def test_no_probe_wanted_is_the_start():
    assert one_call("no need for an lr probe, just start training on menu.jsonl")[0] == "start_training"


@pytest.mark.parametrize("text, values", [
    ("Set the {{author}} in identity.json to Harbour Bakery Ltd.", {"author": "Harbour Bakery Ltd."}),
    ("作者写我们公司「满仓科技」,名字填「小满」", {"author": "满仓科技", "name": "小满"}),
    ("把 {{name}} 都 fill 成 Juniper 吧", {"name": "Juniper"}),
])
def test_identity_values_in_yet_more_words(text, values):
    name, args = one_call(text)
    assert name == "fill_placeholders" and args["values"] == values


@pytest.mark.parametrize("text, tool, args", [
    ("no, alpaca", "convert_dataset", {"to": "alpaca"}),
    ("not 30%, make it 5% general data", "start_training", {"mix_general": 0.05}),
])
def test_a_bare_value_put_right(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, path", [("cot 60 菜单问答.jsonl", "菜单问答.jsonl"), ("[TODO] 菜单.xlsx 转 alpaca", "菜单.xlsx")])
def test_a_count_or_a_tag_before_a_name_is_not_the_names(text, path):
    assert one_call(text)[1]["path"] == path
