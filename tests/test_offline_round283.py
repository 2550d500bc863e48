"""Causes of the misses in the round-283 to round-290 blind corpora (measured at first sight at 90713d9, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import dictated, ruled_out
from assistant.offline import plan


@pytest.mark.parametrize("text, tool, args", [
    ("/train data=menu/rows.jsonl lr=1e-4 epochs=4 r=8 --mix 0.2", "start_training",
     {"path": "menu/rows.jsonl", "learning_rate": 0.0001, "epochs": 4, "lora_r": 8, "mix_general": 0.2}),
    ("/inspect 菜单.xlsx --sheet 午餐", "inspect_dataset", {"path": "菜单.xlsx", "sheet": "午餐"}),
    ("/status menu-run-4", "training_status", {"run_id": "menu-run-4"}),
    ("/stop --run menu_r9", "stop_training", {"run_id": "menu_r9"}),
    ("/resume --id menu-b7", "resume_training", {"run_id": "menu-b7"}),
    ("/eval menu-2025-01-03", "evaluate_run", {"run_id": "menu-2025-01-03"}),
    ("/cot --file menu.jsonl --rationale 思路 --n 40", "add_cot", {"path": "menu.jsonl", "rationale_field": "思路", "n_samples": 40}),
    ("/fewshot --k 3 --frac 0.5 menu.jsonl", "add_few_shot", {"path": "menu.jsonl", "k": 3, "fraction": 0.5}),
    ("/augment menu.jsonl --all --tpl 'Dish: {q}' --tpl 'Guest asks: {q}'", "augment_instructions",
     {"path": "menu.jsonl", "fraction": 1.0, "templates": ["Dish: {q}", "Guest asks: {q}"]}),
    ("/quality --ppl menu.jsonl", "check_quality", {"path": "menu.jsonl", "ppl": True}),
    ("/probe-lr menu.jsonl --steps 60", "probe_learning_rate", {"path": "menu.jsonl", "steps": 60}),
    ("/hp --n 300 --method lora", "suggest_hyperparameters", {"n_samples": 300, "method": "lora"}),
    ("/fill identity.json name=小厨 author=后厨组", "fill_placeholders", {"path": "identity.json", "values": {"name": "小厨", "author": "后厨组"}}),
    ("/fill --list identity.json", "fill_placeholders", {"path": "identity.json"}),
    ("/drop near_duplicate", "apply_quality_rule", {"decision": "drop", "rule": "near_duplicate"}),
    ("convert --to sharegpt --q-col dish --a-col recipe menu.csv", "convert_dataset",
     {"path": "menu.csv", "to": "sharegpt", "question_field": "dish", "answer_field": "recipe"}),
    ("check_quality --path ./menu/all.jsonl --ppl=true", "check_quality", {"path": "./menu/all.jsonl", "ppl": True}),
])
def test_chat_commands_with_flags(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_chat_command_is_never_a_folder():
    assert plan("/help") == [] and all(call["args"].get("path") != "/train" for call in plan("/train 我的菜单数据"))


@pytest.mark.parametrize("text, tool, args", [
    ("不对,是三个例子 不是五个", "add_few_shot", {"k": 3}),
    ("correction: the few-shot fraction should be 0.2, not 0.4", "add_few_shot", {"fraction": 0.2}),
    ("刚才那句“已加 300 条 CoT 样本”——我要的是 80 条,不是 300。", "add_cot", {"n_samples": 80}),
    ("You said 'I'll add CoT to 40% of records.' Wrong - 20%.", "add_cot", {"fraction": 0.2}),
    ("不不,不是 k=4,我没说四个,是每条两个例子", "add_few_shot", {"k": 2}),
    ("刚才说转 alpaca 是我说错了,应该是 sharegpt 格式", "convert_dataset", {"to": "sharegpt"}),
    ("手一抖把 2e-4 打成了 2e-3。改一下,学习率是 2e-4", "start_training", {"learning_rate": 0.0002}),
    ("I typed 9 epochs. I meant 4. Fix that.", "start_training", {"epochs": 4}),
    ("不,r 用 16", "start_training", {"lora_r": 16}),
    ("Oops, I said 30% to the team — it should be 15% general data", "start_training", {"mix_general": 0.15}),
    ("STOP!! 不对,学习率是 1e-4 不是 1e-3", "start_training", {"learning_rate": 0.0001}),
    ("no wait - I wanted menu-ft-1 stopped but I meant menu-ft-2", "stop_training", {"run_id": "menu-ft-2"}),
    ("给 menu.jsonl 加 few-shot,每条 5 个例子,呃 2 个吧", "add_few_shot", {"path": "menu.jsonl", "k": 2}),
    ("identity.json 名字填「小厨」,作者先填「后厨」,不,写全称「后厨研发组」", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小厨", "author": "后厨研发组"}}),
])
def test_a_value_ruled_out_or_put_right(text, tool, args):
    got_tool, got_args = one_call(text)
    assert got_tool == tool and {k: got_args.get(k) for k in args} == args


@pytest.mark.parametrize("text, tool, args", [
    ("make the rank 32 instead of 16", "start_training", {"lora_r": 32}),
    ("不是4个epoch,改成3个", "start_training", {"epochs": 3}),
    ("name should be 'Chef', author should be 'Kitchen Lab'. Fill identity.json", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Chef", "author": "Kitchen Lab"}}),
])
def test_a_value_ruled_out_before_the_one_meant_keeps_its_unit(text, tool, args):
    assert one_call(text) == (tool, args)


def test_ruled_out_and_spoken_marks():
    assert ruled_out("不是 5 个 epoch 吗?") == "不是 5 个 epoch 吗?"  # a question keeps its values
    assert dictated("no wait comma make it two examples not three period").startswith("no wait, make it two examples")
    assert dictated("the warmup period is short") == "the warmup period is short"


@pytest.mark.parametrize("text, args", [
    ("menu.csv 转成 alpaca,问题列 dish 答案列 recipe", {"path": "menu.csv", "to": "alpaca", "question_field": "dish", "answer_field": "recipe"}),
    ("Please convert menu.csv to jsonl - question field is dish_name, answer field recipe_text.",
     {"path": "menu.csv", "to": "jsonl", "question_field": "dish_name", "answer_field": "recipe_text"}),
    ("convert menu.csv to openai, cols are guest_q / chef_a", {"path": "menu.csv", "to": "openai", "question_field": "guest_q", "answer_field": "chef_a"}),
    ("menu.csv 转千帆,字段是 guest_q / chef_a", {"path": "menu.csv", "to": "qianfan", "question_field": "guest_q", "answer_field": "chef_a"}),
    ("Convert menu.csv to alpaca, source col 'EN dish', target col 'ZH dish'",
     {"path": "menu.csv", "to": "alpaca", "question_field": "EN dish", "answer_field": "ZH dish"}),
    ("Kindly convert menu.csv to alpaca, the question being held in the column 'Dish' and the answer in the column 'Recipe'.",
     {"path": "menu.csv", "to": "alpaca", "question_field": "Dish", "answer_field": "Recipe"}),
    ("## 任务\n转换\n- 文件: menu.csv\n- 问题列: q\n- 答案列: a\n- 目标: 千帆", {"path": "menu.csv", "to": "qianfan", "question_field": "q", "answer_field": "a"}),
])
def test_columns_in_more_shapes(text, args):
    assert one_call(text) == ("convert_dataset", args)


def test_a_quoted_rationale_column_keeps_its_spaces():
    assert one_call("Add CoT to menu.jsonl. Rationale column: 'Chef Notes'. 30 samples.")[1]["rationale_field"] == "Chef Notes"


@pytest.mark.parametrize("text, tool, args", [
    ("马上评估 menu-final!!", "evaluate_run", {"run_id": "menu-final"}),
    ("停掉 t5-menu-9,然后重新开一个", "stop_training", {"run_id": "t5-menu-9"}),
    ("Stop menu-r16. Half the portions are in oz-lb and half in grams", "stop_training", {"run_id": "menu-r16"}),
    ("Please stop 42-menu-v2. We need more desserts first.", "stop_training", {"run_id": "42-menu-v2"}),
    ("The chef would like run 'menu-2025w02' stopped.", "stop_training", {"run_id": "menu-2025w02"}),
    ("run soup-goes-cold is diverging. Kill it.", "stop_training", {"run_id": "soup-goes-cold"}),
    ("停 job7", "stop_training", {"run_id": "job7"}),
    ("menu-bot-run5 啥情况了", "training_status", {"run_id": "menu-bot-run5"}),
    ("menu-7b-r4 跑多少了", "training_status", {"run_id": "menu-7b-r4"}),
    ("how's menu-2025-lunch-v3 going", "training_status", {"run_id": "menu-2025-lunch-v3"}),
    ("Run that comparison for menu-lora-v2: has it lost anything compared to the base model?", "evaluate_run", {"run_id": "menu-lora-v2"}),
    ("训练任务 job_0101 已完成,请与原始底座模型加以比照", "evaluate_run", {"run_id": "job_0101"}),
])
def test_runs_named_in_more_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


def test_run_quality_check_names_no_run():
    assert all(call["args"].get("run_id") is None for call in plan("run quality-check on menu.jsonl"))


@pytest.mark.parametrize("text, files, tool, args", [
    ("给 menu.jsonl 加 30 条思维链样本 🧠 推理过程在 why 那列 (๑•̀ㅂ•́)و✧", (), "add_cot", {"path": "menu.jsonl", "n_samples": 30, "rationale_field": "why"}),
    ("给 menu.csv 一半的数据加推理样本 原因那一列叫 why", (), "add_cot", {"path": "menu.csv", "fraction": 0.5, "rationale_field": "why"}),
    ("Long story: the intern scraped it and never deduped anything. Before anything else I want a quality check on it.",
     ("/tmp/up/menu_scrape.jsonl",), "check_quality", {"path": "/tmp/up/menu_scrape.jsonl"}),
    ("重复性很高的回答删掉", (), "apply_quality_rule", {"rule": "repetitive", "decision": "drop"}),
    ("把 identity.json 入面嘅 {{name}} 填做 阿厨", (), "fill_placeholders", {"path": "identity.json", "values": {"name": "阿厨"}}),
    ("menu.jsonl 帮我跑一遍质检,重复的都标出来,顺便算下困惑度", (), "check_quality", {"path": "menu.jsonl", "ppl": True}),
])
def test_words_that_looked_like_something_else(text, files, tool, args):
    assert one_call(text, files) == (tool, args)


@pytest.mark.parametrize("text, tool, args", [
    ("## Steps\n1. Inspect menu.csv\n2. Convert to alpaca\n3. Suggest hyperparameters", "inspect_dataset", {"path": "menu.csv"}),
    ("$ ls menu/\nlunch.jsonl  dinner.jsonl  snacks.csv\n把 menu/dinner.jsonl 转成 sharegpt 格式", "convert_dataset", {"path": "menu/dinner.jsonl", "to": "sharegpt"}),
    ("先别急着训练,帮我在 menu.jsonl 上跑个学习率的小测试,150 步", "probe_learning_rate", {"path": "menu.jsonl", "steps": 150}),
    ("Forget what I said about dropping the short answers. Keep them, they are fine.", "apply_quality_rule", {"rule": "short_answer", "decision": "keep"}),
    ("The chef exported the dishes into a spreadsheet, menu.xlsx. Could you convert it to jsonl?", "convert_dataset", {"path": "menu.xlsx", "to": "jsonl"}),
    ("Ana said, quote, 'augment with templates \"Dish: {q}\" and \"Guest asks: {q}\"'. Do that for 40 samples of menu.jsonl.",
     "augment_instructions", {"path": "menu.jsonl", "templates": ["Dish: {q}", "Guest asks: {q}"], "n_samples": 40}),
    ("don't leave the {{name}} placeholder empty in identity.json — it's Chef", "fill_placeholders", {"path": "identity.json", "values": {"name": "Chef"}}),
    ("Checked the report: most flagged answers are 'TBD' leftovers nobody went back to fill. Drop the placeholder answers.",
     "apply_quality_rule", {"rule": "placeholder", "decision": "drop"}),
    ("操作: 训练\n文件: menu.jsonl\n通用数据: 15%", "start_training", {"path": "menu.jsonl", "mix_general": 0.15}),
    ("Correction: the fraction for the CoT samples should be 0.25, not 0.5.", "add_cot", {"fraction": 0.25}),
])
def test_more_shapes_of_the_same_requests(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_reader_bug_never_ends_the_turn_in_a_traceback(monkeypatch, caplog):
    from langchain_core.messages import HumanMessage

    import assistant.offline as offline
    from assistant.nlu import replies

    def broken(turns):
        raise KeyError("sheet")

    monkeypatch.setattr(offline, "decide", broken)
    answer = offline.OfflineChatModel().invoke([HumanMessage("把 menu.xlsx 转成千帆")])
    assert answer.content.startswith(replies.NOT_UNDERSTOOD["zh"]) and not answer.tool_calls
    assert "offline planner failed" in caplog.text


def test_a_sheet_ruled_out_gives_way_to_the_numbered_one_meant():
    from assistant.nlu import slots

    assert slots.find_fields("刚才那个转换不是 Sheet2,是 Sheet3") == {"sheet": "Sheet3"}
    assert one_call("@小李 我说错了\n@assistant 把 menu.xlsx 转成 alpaca,不是 Sheet1,是 Sheet2") == (
        "convert_dataset", {"path": "menu.xlsx", "to": "alpaca", "sheet": "Sheet2"})
