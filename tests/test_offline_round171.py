"""General causes found in the round-167 to round-178 blind corpora once each was measured; tested on phrasings of
our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text, to", [("把 菜单.csv 转成羊驼格式", "alpaca"), ("convert menu.csv to the Baidu format", "qianfan"),
                                      ("菜单.csv 转百度的格式", "qianfan")])
def test_formats_by_brand_or_nickname(text, to):
    assert one_call(text) == ("convert_dataset", {"path": "菜单.csv" if "菜单" in text else "menu.csv", "to": to})


@pytest.mark.parametrize("text, rule, decision", [
    ("of the duplicates I only want one copy of each left", "duplicates", "drop"),
    ("重复的那些,每条只留一份", "duplicates", "drop"),
    ("undo dropping the long answers, keep those", "long_answer", "keep"),
])
def test_a_review_decision_said_as_its_result(text, rule, decision):
    tool, args = one_call(text)
    assert (tool, args.get("rule"), args.get("decision")) == ("apply_quality_rule", rule, decision)


def test_a_finished_run_asked_how_it_did_is_evaluated():
    assert one_call("第二版跑完了(run id 是 menu_v2_e4),效果咋样") == ("evaluate_run", {"run_id": "menu_v2_e4"})


def test_steps_numbered_in_chinese_words_are_a_list():
    assert one_call("第一步把 run-1204-a 停了,第二步看看 菜单.csv")[0] == "stop_training"


@pytest.mark.parametrize("text, sheet", [("look at menu.xlsx, sheet: 'Lunch specials', question column: q", "Lunch specials"),
                                         ("menu.xlsx to alpaca, sheet = 'Sheet 3'", "Sheet 3"),
                                         ("menu.xlsx to alpaca, sheet: Lunch. thanks", "Lunch")])
def test_a_quoted_sheet_after_a_colon_or_equals_keeps_its_spaces(text, sheet):
    assert one_call(text)[1]["sheet"] == sheet


def test_a_count_in_words_after_steps_colon():
    assert one_call("lr range test on menu.jsonl, steps: sixty") == ("probe_learning_rate", {"path": "menu.jsonl", "steps": 60})


@pytest.mark.parametrize("text, tool, run", [("停掉 编号 = lab0930c", "stop_training", "lab0930c"),
                                             ("resume r8-lr1e4-1201 please", "resume_training", "r8-lr1e4-1201")])
def test_run_ids_after_a_number_word_or_with_settings_inside(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


def test_the_persons_own_count_after_the_manuals_counts():
    assert one_call("rule of thumb: 1000 samples ~10 epochs. I've got 2500, what settings would you suggest?") == ("suggest_hyperparameters", {"n_samples": 2500})


@pytest.mark.parametrize("text, tool, args", [
    ("抱歉,学习率是3e-4,刚才打成3e-3了", "start_training", {"learning_rate": 0.0003}),
    ("wait, the base model should be Qwen2-1.5B, not the 0.5B one", "start_training", {"base_model": "Qwen2-1.5B"}),
    ("hmm I said 5 shots, make it 3", "add_few_shot", {"k": 3}),
])
def test_a_value_put_right_in_more_words(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_placeholder_value_may_end_with_a_number():
    assert one_call("fill identity.json: call it Nova, author Lab 7.") == ("fill_placeholders", {"path": "identity.json", "values": {"name": "Nova", "author": "Lab 7"}})


def test_a_decision_first_then_a_count_asked_is_the_decision():
    assert one_call("重复的那批直接删了吧,我就看删完还剩几条") == ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})


def test_is_the_training_done_asks_the_status():
    assert one_call("quick one, is the training nearly finished?") == ("training_status", {})


@pytest.mark.parametrize("text", ["总结一下手册里关于数据配比的建议", "数据增强具体是怎么个增强法?", "where do people usually find few-shot examples?",
                                  "is it better to train on one merged file or on two files?"])
def test_more_questions_never_act(text):
    assert one_call(text)[0] == "explain"


def test_a_rocket_after_another_step_is_cheering_not_a_launch():
    assert one_call("identity.json 里 {{name}} 换成「小满」 作者填 晴川科技 🚀")[0] == "fill_placeholders"


@pytest.mark.parametrize("text", ["冒昧请教:手册中所言「质量重于数量」,应当如何理解?敬请赐教。", "lr 要是开到 1e-3,lora 扛得住不",
                                  "我们的数据里数字很多,整理成问答时要注意啥", "手册说一万条就够,我们只有两千条咋办",
                                  "between epochs, lr and rank, which one should I tune first?",
                                  "how do i stop the model from forgetting general stuff when i train it on menus"])
def test_still_more_questions_never_act(text):
    assert one_call(text)[0] == "explain"


def test_the_person_leaving_stops_no_run():
    assert plan("今晚要值班,先撤了哈", []) == []


def test_a_format_ruled_out_with_bu_zhuan():
    assert one_call("菜单.xlsx 不转sharegpt,转成openai的格式") == ("convert_dataset", {"path": "菜单.xlsx", "to": "openai"})


@pytest.mark.parametrize("text, rule", [("答案跟问题一模一样的那些,全删了", "answer_is_question"),
                                        ("the checker says 'reptitive', ditch those", "repetitive")])
def test_review_rules_in_more_words(text, rule):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": "drop"})


def test_advice_asked_for_a_count_and_a_method():
    assert one_call("数据有8000条,先按全参给个建议") == ("suggest_hyperparameters", {"n_samples": 8000, "method": "full"})


@pytest.mark.parametrize("text, args", [("make that max_steps 400", {"max_steps": 400}), ("lr 写错了:menu.jsonl,lr 应该是 1e-4,r 还是 16",
                                                                                        {"path": "menu.jsonl", "learning_rate": 0.0001, "lora_r": 16})])
def test_make_that_and_a_setting_kept(text, args):
    assert one_call(text) == ("start_training", args)


@pytest.mark.parametrize("text, tool, run", [("my run crashed, bring back run-1204-x please", "resume_training", "run-1204-x"),
                                             ("is my tuning thing still cooking? the id is menu-ft-2", "training_status", "menu-ft-2"),
                                             ("查ft_menu_03的进度", "training_status", "ft_menu_03"),
                                             ("Hold on, I said run-1204-a but I meant run-1204-b. Evaluate that one.", "evaluate_run", "run-1204-b"),
                                             ("menu_ft_0305 finished overnight. did it forget how to chat normally?", "evaluate_run", "menu_ft_0305")])
def test_runs_in_more_words(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


@pytest.mark.parametrize("text, values", [
    ("Fill name with Juniper and author with Kettle Labs. identity.json", {"name": "Juniper", "author": "Kettle Labs"}),
    ("we're naming our bot Juniper, fill in the template in identity.json", {"name": "Juniper"}),
    ("identity.json: the placeholders are to be completed: the name is to be 'Athena' and the author 'Lamp & Co'", {"name": "Athena", "author": "Lamp & Co"}),
    ("机器人叫「小安」,公司名写「安信」,identity.json 帮我填上", {"name": "小安", "author": "安信"}),
])
def test_identity_values_in_still_more_words(text, values):
    assert one_call(text) == ("fill_placeholders", {"path": "identity.json", "values": values})


def test_a_quoted_word_with_then_inside_is_no_second_step():
    assert one_call("fill identity.json: name 'Athena', author 'Lamp'")[1]["values"]["name"] == "Athena"


def test_a_time_word_glued_to_a_file_name_is_no_part_of_it():
    assert one_call("刚才菜单问答.jsonl 那个写错了,每条放4个例子")[1] == {"path": "菜单问答.jsonl", "k": 4}


@pytest.mark.parametrize("text, tool, args", [
    ("> Starting training with lora_r=16\nwait, I said r=8, not 16", "start_training", {"lora_r": 8}),
    ("> 已为 30% 的样本添加 few-shot\n不是30%,我说的是两成", "add_few_shot", {"fraction": 0.2}),
])
def test_a_reply_under_quoted_lines_puts_the_quoted_values_right(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_yes_under_a_quoted_plan_is_a_confirmation():
    assert plan("> Plan: convert menu.csv to qianfan. Shall I proceed?\nyes go ahead", []) == []


@pytest.mark.parametrize("text, tool, args", [
    ("can you inspect menu.jsonl and also convert it to alpaca — actually never mind the convert part, just inspect", "inspect_dataset", {"path": "menu.jsonl"}),
    ("stop run-1204-c and then resume it with a lower lr… actually never mind the resume bit, just stop it", "stop_training", {"run_id": "run-1204-c"}),
    ("probe the learning rate on menu.jsonl for 300 steps — eh, never mind the step count, default's fine", "probe_learning_rate", {"path": "menu.jsonl"}),
    ("identity.json 名字填「阿七」,作者填我们公司……作者那个算了,先不填", "fill_placeholders", {"path": "identity.json", "values": {"name": "阿七"}}),
    ("augment menu.jsonl with my templates 'Explain:', 'Tell me about', 'Q:' — hmm, never mind 'Q:'", "augment_instructions",
     {"path": "menu.jsonl", "templates": ["Explain:", "Tell me about"]}),
])
def test_a_part_taken_back_in_the_same_message_goes(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_request_meant_once_and_dropped_leaves_the_question():
    assert one_call("本来想让你再帮我查一遍质量的,那部分算了。就想问问,为啥手册说筛完还得人工看?")[0] == "explain"


def test_an_aside_in_brackets_asks_nothing():
    assert one_call("这个文件(老板周五就要,别问我为什么这么急)转成 alpaca 吧", ["/ws/uploads/菜单.csv"]) == (
        "convert_dataset", {"path": "/ws/uploads/菜单.csv", "to": "alpaca"})


def test_list_items_that_only_add_a_field_or_a_count_belong_to_the_step():
    assert one_call("需求如下:\n- 给 菜单.jsonl 加 CoT\n- 推理过程在「思路」那一列\n- 先加 50 条试试") == (
        "add_cot", {"path": "菜单.jsonl", "rationale_field": "思路", "n_samples": 50})


def test_cli_flags_before_a_file_name_are_no_part_of_it():
    assert one_call("train --epochs 2 --lr 1e-4 菜单问答.jsonl") == ("start_training", {"path": "菜单问答.jsonl", "epochs": 2, "learning_rate": 0.0001})


@pytest.mark.parametrize("text, rule, decision", [
    ("[WARN] 12 samples have empty 'output'\n[WARN] 7 samples duplicated\n上面这些空答案的全部删掉", "empty_answer", "drop"),
    ("Quality report:\n  placeholder: 3\n  garbled: 2\ndrop the garbled ones", "garbled", "drop"),
])
def test_the_rule_of_the_line_that_decides_under_a_pasted_report(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, tool, args", [
    ("zhuan qianfan", "convert_dataset", {"path": "/ws/uploads/menu.xlsx", "to": "qianfan"}),
    ("bang wo jiancha yixia shuju zhiliang", "check_quality", {"path": "/ws/uploads/menu.xlsx"}),
])
def test_pinyin_for_our_words(text, tool, args):
    assert one_call(text, ["/ws/uploads/menu.xlsx"]) == (tool, args)


@pytest.mark.parametrize("text, tool, run", [("tz xl, run id 是 menu-r8-v2", "stop_training", "menu-r8-v2"),
                                             ("继续 训练 menu-r8-v2", "resume_training", "menu-r8-v2")])
def test_runs_carried_on_or_stopped_in_short_words(text, tool, run):
    assert one_call(text) == (tool, {"run_id": run})


@pytest.mark.parametrize("text, args", [("上次 r=8 效果一般,这次 lora_r 换 32,数据还是 菜单.jsonl", {"path": "菜单.jsonl", "lora_r": 32}),
                                        ("last time 5 epochs was too many. this time 2 epochs on menu.jsonl", {"path": "menu.jsonl", "epochs": 2})])
def test_the_last_runs_values_give_way_to_this_ones(text, args):
    assert one_call(text) == ("start_training", args)


@pytest.mark.parametrize("text, tool, args", [
    ("> 要不要先对这个文件做一次学习率探测?\n要,跑100步就够了", "probe_learning_rate", {"path": "/ws/uploads/menu.jsonl", "steps": 100}),
    ("> Want me to add few-shot examples?\nyes but only to 80 records, 3 examples each", "add_few_shot", {"path": "/ws/uploads/menu.jsonl", "n_samples": 80, "k": 3}),
])
def test_a_yes_to_a_quoted_offer_takes_the_offered_step_with_the_replys_settings(text, tool, args):
    assert one_call(text, ["/ws/uploads/menu.jsonl"]) == (tool, args)


def test_thanks_under_a_quoted_result_calls_nothing():
    assert plan("> 训练已停止\n谢了,今天先到这儿", []) == []


@pytest.mark.parametrize("text, args", [("learning-rate sweeper on menu.jsonl pls", {"path": "menu.jsonl"})])
def test_probe_in_more_words(text, args):
    assert one_call(text) == ("probe_learning_rate", args)


@pytest.mark.parametrize("text, tool, args", [
    ("就按你说的“千帆格式”转,文件是 菜单.jsonl", "convert_dataset", {"path": "菜单.jsonl", "to": "qianfan"}),
    ("do the 'chain-of-thought samples' you mentioned for 20% of menu.jsonl", "add_cot", {"path": "menu.jsonl", "fraction": 0.2}),
])
def test_the_assistants_words_quoted_back_are_said(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool, args", [("可以从断点续训吗?可以的话直接续 menu_0611", "resume_training", {"run_id": "menu_0611"}),
                                              ("可以算困惑度吗?可以就对 菜单.csv 跑一下", "check_quality", {"path": "菜单.csv", "ppl": True})])
def test_is_it_possible_then_do_it(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", ["能不能把这个转成千帆的?", "我可以把这个转成千帆格式吗?"])
def test_asking_leave_to_do_a_step_is_the_request(text):
    assert one_call(text, ["/ws/uploads/menu.xlsx"]) == ("convert_dataset", {"path": "/ws/uploads/menu.xlsx", "to": "qianfan"})


def test_asking_whether_a_value_is_allowed_is_still_a_question():
    assert one_call("我可以把学习率调到1e-3吗?")[0] == "explain"
