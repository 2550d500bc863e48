"""Causes of the misses in the round-291 to round-298 blind corpora (measured at first sight at 7dd2af2, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import addressed, settled
from assistant.offline import plan


@pytest.mark.parametrize("text, tool, args", [
    ("给 menu.jsonl 加 few-shot……2个?3个?算了就3个例子吧", "add_few_shot", {"path": "menu.jsonl", "k": 3}),
    ("思维链加多少呢,一成?三成?行吧三成,加到 menu.jsonl 上", "add_cot", {"path": "menu.jsonl", "fraction": 0.3}),
    ("学习率探测跑几步?50?不,80 吧,数据 menu.jsonl", "probe_learning_rate", {"path": "menu.jsonl", "steps": 80}),
    ("lora rank 设 4 还是 8……8 吧,用 menu.jsonl 开训", "start_training", {"path": "menu.jsonl", "lora_r": 8}),
    ("CoT for maybe 20 samples... 40? ok 40, on menu.jsonl", "add_cot", {"path": "menu.jsonl", "n_samples": 40}),
    ("reword the prompts on menu.jsonl, like 20%? 25%? go with 25", "augment_instructions", {"path": "menu.jsonl", "fraction": 0.25}),
    ("I have 900 dishes, or 1100 with the desserts, call it 1100 — what hyperparams for lora?", "suggest_hyperparameters",
     {"n_samples": 1100, "method": "lora"}),
    ("转 alpaca 还是 sharegpt 呢…嗯,定了,sharegpt,文件 menu.csv", "convert_dataset", {"path": "menu.csv", "to": "sharegpt"}),
    ("刚才说 4 个 epoch,想了想还是 2 个吧", "start_training", {"epochs": 2}),
    ("用 menu.jsonl 开训,epoch 5,lr 2e-4……epoch 还是改成 3 吧", "start_training", {"path": "menu.jsonl", "epochs": 3, "learning_rate": 0.0002}),
])
def test_values_weighed_then_one_settled_on(text, tool, args):
    assert one_call(text) == (tool, args)


def test_settled_leaves_other_settings_alone():
    assert settled("100 条数据用几个 epoch?10 吧") == "100 条数据用几个 epoch?10 吧"  # another count
    assert settled("epochs 3? lr 2e-4") == "epochs 3? lr 2e-4"


@pytest.mark.parametrize("text, tool, args", [
    ("那些乱码的你还留着干嘛?", "apply_quality_rule", {"rule": "garbled", "decision": "drop"}),
    ("停了的 menu-run-2 怎么还不接着跑?", "resume_training", {"run_id": "menu-run-2"}),
    ("why haven't you converted menu.csv to alpaca yet?", "convert_dataset", {"path": "menu.csv", "to": "alpaca"}),
    ("run soup-lr-9 is diverging, so why is it still running?", "stop_training", {"run_id": "soup-lr-9"}),
    ("the check flagged empty answers — why are they still in my data?", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("why am I the one picking epochs? suggest settings for 700 examples already", "suggest_hyperparameters", {"n_samples": 700}),
    ("why is ckpt_gamma still sitting there paused? resume it", "resume_training", {"run_id": "ckpt_gamma"}),
    ("停止……开玩笑的,别停。看一下 run_sigma 的 loss 就行", "training_status", {"run_id": "run_sigma"}),
    ("use the thing that halts a run on menu-lr-04, hit the brakes", "stop_training", {"run_id": "menu-lr-04"}),
    ("run the thing that finds the right learning rate on menu.jsonl", "probe_learning_rate", {"path": "menu.jsonl"}),
])
def test_reproaches_jokes_and_descriptions_of_a_step(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool, args", [
    ("@小张 菜单导出好了没?\n@assistant 先帮我看下 menu.csv 里面是啥格式", "inspect_dataset", {"path": "menu.csv"}),
    ("drop\nexact\nduplicates", "apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"}),
    ("few-shot:k=4 ✗ → k=2 ✓", "add_few_shot", {"k": 2}),
    ("`lr_finder: diverged at step 30`……换个步数重来,在 menu.jsonl 上跑 200 步", "probe_learning_rate", {"path": "menu.jsonl", "steps": 200}),
    ("Scratch what I said about 4 epochs, make it 6.", "start_training", {"epochs": 6}),
    ("任务\nmenu-x3\n进度?", "training_status", {"run_id": "menu-x3"}),
    ("(晚上手滑停掉的那个)exp12 从断点接着跑吧", "resume_training", {"run_id": "exp12"}),
    ("Please stop the training number 4471", "stop_training", {"run_id": "4471"}),
    ("0x9c2f → stop ✓", "stop_training", {"run_id": "0x9c2f"}),
])
def test_threads_lines_and_marks(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_thread_keeps_the_lines_to_us():
    assert addressed("@小李 导出了吗?\n@assistant 看下 a.csv") == "看下 a.csv"
    assert addressed("填\n名字\n阿福") == "填\n名字\n阿福"  # Chinese lines are read as lines


@pytest.mark.parametrize("text, tool, args", [
    ("Termination of run menu-run-0044 is requested.", "stop_training", {"run_id": "menu-run-0044"}),
    ("Please be advised that run MENU-FT-0042 is to be terminated.", "stop_training", {"run_id": "MENU-FT-0042"}),
    ("The removal of near duplicates from the flagged set has been decided upon.", "apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"}),
    ("The answer which is question, please remove them", "apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"}),
    ("不好意思我说错,推理的列名字是 steps,不是 notes", "add_cot", {"rationale_field": "steps"}),
    ("对不起,我说错了。增强的数据不是 10%,是要 40%", "augment_instructions", {"fraction": 0.4}),
    ("上面训练 yaml 里 epochs 写成 8 了,改成 4", "start_training", {"epochs": 4}),
    ("make that probe 300 steps, not 200", "probe_learning_rate", {"steps": 300}),
    ("sorry, not 20% general data - make it 10%", "start_training", {"mix_general": 0.1}),
    ("menu-bot-v2 现在啥情况了", "training_status", {"run_id": "menu-bot-v2"}),
    ("Show me what's going on with menu-ft-zeta.", "training_status", {"run_id": "menu-ft-zeta"}),
    ("how's menu-bot-june doing?", "training_status", {"run_id": "menu-bot-june"}),
    ("menu-bot-june is done - did it learn our dishes and not forget the rest vs the original model?", "evaluate_run", {"run_id": "menu-bot-june"}),
])
def test_formal_corrections_and_runs(text, tool, args):
    got_tool, got_args = one_call(text)
    assert got_tool == tool and {k: got_args.get(k) for k in args} == args


@pytest.mark.parametrize("text", [
    "停掉训练的话 checkpoint 还在吧?之后还能接着训吗?",
    "恢复训练是从头开始还是接着之前的?我怕进度没了",
    "Step 2 question: after short answers get dropped, do I have to re-run the check myself or does it happen automatically?",
    "What will training_status show me exactly?",
    "Clarification regarding the purpose of a few-shot sample is sought.",
    "is train loss below 0.3 on 1k samples a sign of overfitting?",
])
def test_questions_about_a_step_never_act(text):
    assert one_call(text)[0] == "explain"


def test_a_request_before_the_question_still_acts():
    assert one_call("继续刚才停掉的 menu-q9,它是从头开始还是接着上次的 step?") == ("resume_training", {"run_id": "menu-q9"})
    # a start mused about with the data at hand is proposed (the guard shows the plan and asks)
    assert one_call("should I start training?", ["/tmp/up/menu.jsonl"])[0] == "start_training"


@pytest.mark.parametrize("text, tool, args", [
    ("menu.jsonl 里有一列 chef_reasoning,拿它做 CoT 样本,全量", "add_cot", {"path": "menu.jsonl", "rationale_field": "chef_reasoning", "fraction": 1.0}),
    ("make CoT samples from menu.jsonl, rationale is in column 5W_notes, n=60", "add_cot", {"path": "menu.jsonl", "rationale_field": "5W_notes", "n_samples": 60}),
    ("inspect menu.csv - question_field is dish_q, answer_field is chef_a", "inspect_dataset", {"path": "menu.csv", "question_field": "dish_q", "answer_field": "chef_a"}),
    ("Please inspect menu.xlsx, sheet 'Lunch', fields 'Question' and 'Chef Answer'.", "inspect_dataset",
     {"path": "menu.xlsx", "sheet": "Lunch", "question_field": "Question", "answer_field": "Chef Answer"}),
    ("the question column is called dish and answers are in recipe can you look at menu.csv", "inspect_dataset",
     {"path": "menu.csv", "question_field": "dish", "answer_field": "recipe"}),
    ("用 菜单问答_清洗v3.jsonl 开训,epoch 2", "start_training", {"path": "菜单问答_清洗v3.jsonl", "epochs": 2}),
    ("跑一下质量检查看看menu.jsonl有没有重复的", "check_quality", {"path": "menu.jsonl"}),
    ("把菜单0603.xlsx转成qianfan格式吧sheet是叫午餐的那个", "convert_dataset", {"path": "菜单0603.xlsx", "sheet": "午餐", "to": "qianfan"}),
    ("identity.json里name填成小厨author填成后厨组就行", "fill_placeholders", {"path": "identity.json", "values": {"name": "小厨", "author": "后厨组"}}),
    ("把 {{name}} 设为“小厨”,{{author}} 设为“后厨组”", "fill_placeholders", {"values": {"name": "小厨", "author": "后厨组"}}),
    ("menu.jsonl 用这几个模板扩一下:\n客人问:{q}\n想问下{q}\n{q}呀?\n做300条就够", "augment_instructions",
     {"path": "menu.jsonl", "n_samples": 300, "templates": ["客人问:{q}", "想问下{q}", "{q}呀?"]}),
    ("还有答案栏里写的其实是问题的,那些也不要了", "apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"}),
    ("整理了大概1200条菜单问答,用lora的话 epoch 跟 lr 设多少合适?给个建议,顺便说下为啥", "suggest_hyperparameters", {"n_samples": 1200, "method": "lora"}),
    ("augment 一下 instructions, menu.jsonl, quan bu 都做", "augment_instructions", {"path": "menu.jsonl", "fraction": 1.0}),
    ("identity.json li de {{name}} tian 'Chef', {{author}} tian '后厨组' pls", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Chef", "author": "后厨组"}}),
    ('按这个配置转一下:\n```json\n{"path": "menu.csv", "to": "alpaca"}\n```', "convert_dataset", {"path": "menu.csv", "to": "alpaca"}),
    ('```json\n{"name": "{{name}}"}\n```\n这是 identity.json 里的,把 name 换成「小厨」', "fill_placeholders", {"path": "identity.json", "values": {"name": "小厨"}}),
    ("Checklist:\n- [ ] quality check on menu.jsonl incl. perplexity\n- [ ] drop the garbage\n- [ ] convert", "check_quality",
     {"path": "menu.jsonl", "ppl": True}),
])
def test_fields_paths_values_and_lists(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", ["今天暴雨,地铁全停了,终于有空弄这个 哈哈", "老板又在群里催进度了 我真的会谢"])
def test_remarks_about_other_things_stop_and_check_nothing(text):
    assert plan(text) == []
