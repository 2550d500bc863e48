"""Causes of misses of the round-479 to round-486 blind corpora (measured at first sight before any fix, then mended); tested
on phrasings of our own (a river ferry's ticket office), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, dictated, numbers, probe, slots
from assistant.offline import plan

UP = "/tmp/sft-eval/uploads"


@pytest.mark.parametrize("text, want", [
    ("ferry-run-3 不是要停,我只是想看看进度", ("training_status", {"run_id": "ferry-run-3"})),
    ("I'm not asking you to stop ferry-run-3, I just want to see how far it got", ("training_status", {"run_id": "ferry-run-3"})),
    ("恐怕你没法帮我把 ferry-run-4 接着跑起来吧?刚才我误点了停止。", ("resume_training", {"run_id": "ferry-run-4"})),
    ("ferry-run-5… is it… frozen…?", ("training_status", {"run_id": "ferry-run-5"})),
    ("Did this morning's run, ferry-run-6, finish?", ("training_status", {"run_id": "ferry-run-6"})),
])
def test_a_run_looked_at_or_taken_up_not_stopped(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, want", [
    ("先用 ferry_qa.jsonl 试跑一下学习率,150 步就够", ("probe_learning_rate", {"path": "ferry_qa.jsonl", "steps": 150})),
    ("学习率探测跑 2百 步,文件 ferry_qa.jsonl", ("probe_learning_rate", {"path": "ferry_qa.jsonl", "steps": 200})),
    ("I don't suppose you could run a quick LR probe on ferry_qa.jsonl?", ("probe_learning_rate", {"path": "ferry_qa.jsonl"})),
])
def test_the_probe_said_as_a_trial_run_or_humbly(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, rule, decision", [
    ("撤销刚才的删除,冲突的那批先留着", "conflict", "keep"),
    ("刚才把短答案全删了,后悔了,恢复回来", "short_answer", "keep"),
    ("Undo the last drop of the placeholder answers; keep those.", "placeholder", "keep"),
    ("I removed the near-duplicates and regret it. Bring them back.", "near_duplicate", "keep"),
    ("short answers: drop. no wait, undo that, keep them", "short_answer", "keep"),
    ("keep the long answers. hmm, undo that, drop them", "long_answer", "drop"),
    ("必须:删掉乱码;不能:动完全重复的", "garbled", "drop"),
    ("Must: drop the empty answers. Must not: touch the near-duplicates.", "empty_answer", "drop"),
    ("Is there any way to get rid of the conflicts you just flagged?", "conflict", "drop"),
    ("有没有办法把刚才标出来的乱码都去掉?", "garbled", "drop"),
    ("答案就一句“售票处见”的那些留着,我们确实这么回", "short_answer", "keep"),
    ("回答一句话刷好几遍的那些删掉", "repetitive", "drop"),
    ("drop the rows where the answer's blank", "empty_answer", "drop"),
    ("drop the overlong answers", "long_answer", "drop"),
    ("Conflicting rows: gone.", "conflict", "drop"),
])
def test_rules_taken_back_constrained_or_said_other_ways(text, rule, decision):
    assert one_call(text) == ("apply_quality_rule", {"rule": rule, "decision": decision})


@pytest.mark.parametrize("text, want", [
    ("| 问题 | 答案 |\n| 末班船几点 | 晚上九点 |\n我的 ferry_faq.xlsx 都是这样两列,帮我转成 alpaca",
     ("convert_dataset", {"path": "ferry_faq.xlsx", "to": "alpaca", "question_field": "问题", "answer_field": "答案"})),
    ("| Question | Answer |\n| Bikes allowed? | Yes, on the lower deck |\nAll of ferry_faq.xlsx looks like that. Convert it to sharegpt.",
     ("convert_dataset", {"path": "ferry_faq.xlsx", "to": "sharegpt", "question_field": "Question", "answer_field": "Answer"})),
    ("| Question | Answer |\n| Refunds? | No |\nDon't drop short ones like this one. Keep them.",
     ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("把 ferry_faq.xlsx 用“乘客问题”和“窗口回复”两列转成千帆格式",
     ("convert_dataset", {"path": "ferry_faq.xlsx", "to": "qianfan", "question_field": "乘客问题", "answer_field": "窗口回复"})),
    ("convert ferry_faq.xlsx to openai using the 'Passenger asks' and 'Clerk says' columns",
     ("convert_dataset", {"path": "ferry_faq.xlsx", "to": "openai", "question_field": "Passenger asks", "answer_field": "Clerk says"})),
    ("你现在是我们售票处的数据工程师。任务:把 ferry_faq.xlsx 转成 jsonl。", ("convert_dataset", {"path": "ferry_faq.xlsx", "to": "jsonl"})),
    ("You are my data engineer; your task: check ferry_qa.jsonl for duplicates.", ("check_quality", {"path": "ferry_qa.jsonl"})),
    ("要求:格式 sharegpt,sheet 用“夏季”;禁止:改动原始文件。文件 ferry_faq.xlsx。",
     ("convert_dataset", {"path": "ferry_faq.xlsx", "to": "sharegpt", "sheet": "夏季"})),
    ("必须:用 ferry_qa.jsonl;epoch 4。不许:用默认基座,要用 Qwen2-0.5B。开训。",
     ("start_training", {"path": "ferry_qa.jsonl", "epochs": 4, "base_model": "Qwen2-0.5B"})),
])
def test_tables_roles_and_constraint_lists(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text, want", [
    ("嗯……训练的话……就用 ferry_qa.jsonl……epoch……4 吧……", ("start_training", {"path": "ferry_qa.jsonl", "epochs": 4})),
    ("Should I mix in general data? Never mind, mix in 20% and start training on ferry_qa.jsonl.",
     ("start_training", {"path": "ferry_qa.jsonl", "mix_general": 0.2})),
    ("动作: 训练\n数据: ferry_qa.jsonl\n混合通用数据: 0.1", ("start_training", {"path": "ferry_qa.jsonl", "mix_general": 0.1})),
    ("给 ferry_qa.jsonl 加 few-shot,一条两个例子", ("add_few_shot", {"path": "ferry_qa.jsonl", "k": 2})),
    ("两k 条数据,学习率用多少比较稳?", ("suggest_hyperparameters", {"n_samples": 2000})),
    ("I've got 900 Q&As, LoRA. What should I set?", ("suggest_hyperparameters", {"n_samples": 900, "method": "lora"})),
    ("学习率用2e-4还是1e-4啊", ("suggest_hyperparameters", {})),
    ("ferry_id.json 名字填“小渡”,作者填“本站票务组”", ("fill_placeholders", {"path": "ferry_id.json", "values": {"name": "小渡", "author": "本站票务组"}})),
    ("把 ferry_id.json 里的名字换成“小渡”,作者换成“渡口科技”", ("fill_placeholders", {"path": "ferry_id.json", "values": {"name": "小渡", "author": "渡口科技"}})),
    ("等下,要查的不是那个,是 ferry_qa_v2.csv", ("check_quality", {"path": "ferry_qa_v2.csv"})),
    ("charter_qa.jsonl: vary the question wording on a third of it", ("augment_instructions", {"path": "charter_qa.jsonl", "fraction": 0.33})),
    ("困惑度者,何意也?", ("explain", {"question": "困惑度 是什么意思"})),
])
def test_values_and_steps_said_other_ways(text, want):
    got = one_call(text)
    if "fraction" in want[1]:
        assert got[0] == want[0] and abs(got[1]["fraction"] - want[1]["fraction"]) < 0.01
    else:
        assert got == want


def test_an_upload_looked_over_and_a_request_asked_in_general_left_a_question():
    assert [c["name"] for c in plan("these are all the questions from the ticket window, can you look it over", [f"{UP}/tickets.csv"])] == ["inspect_dataset"]
    general = "Is there any way to tell whether FILE is good enough without training first? In general, I mean."
    assert dictated.any_way(general) == general
    assert dictated.any_way("Is there any way to check FILE for duplicates?") == "check FILE for duplicates"


def test_the_pieces_read_alone():
    assert numbers.parse_number("两k") == 2000
    assert [n.value for n in numbers.find_numbers("一条三个例子")] == [3]
    assert probe.probe_steps("学习率探测跑 3百 步") == 300
    assert amounts.find_mix("mix in 15% and start training on FILE") == 0.15
    assert amounts.find_mix("混合通用数据: 0.25") == 0.25
    assert dictated.unforbidden("Must: stop ferry-run-1. Must not: delete its checkpoints.") == "Must: stop ferry-run-1. "
    assert dictated.role_left("作为数据专家,帮我看看 FILE") == "帮我看看 FILE"
    assert dictated.sample_rows("| Q | A |\n| x | y |\nhello") == "hello"
    assert slots.find_fields("用“客人问”和“我们答”两列") == {"question_field": "客人问", "answer_field": "我们答"}
