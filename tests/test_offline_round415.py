"""Causes of the misses in the round-415 to round-430 blind corpora (both waves measured at first sight at f5658de before any
fix, then mended); tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant import consent
from assistant.nlu import amounts, markers, paths, planner, slots
from assistant.offline import plan


@pytest.mark.parametrize("text", [
    # about the assistant itself, small talk
    "早上好!面包还在烤。你是用什么模型做的?",
    "do you ever get tired of questions about sourdough?",
    "店长让我问:你是不是 GPT 啊",
    "你会记住我们昨天聊的吗?",
    # a question in general, with a figure of the person's or a setting named
    "烤炉那份数据评估说通用能力掉了 18% - is that normal?",
    "loss is down to 0.02 already, is that overfitting?",
    "what's a sensible batch size for LoRA on a small set?",
    "can you export to xlsx too or only the trainer formats?",
    "Which is better for recipes with follow-up questions, openai or sharegpt? Data is bakery_chat.jsonl",
    "r=16 和 r=32 差别大吗?",
    "do we need to dedupe before training or can we just start",
    "Should I drop the very short answers? Half of ours are just 'yes' or 'no'.",
    "要是以后又加了新面包 还得从头训不",
    # a step called off, something done by the person, a plan agreed to with none waiting, the file still to come
    "稍等,刚才那个停止先别执行了,让它接着跑",
    "hold on, scratch that stop request, let the run finish",
    "我上午已经自己把乱码的都删干净了,谢谢",
    "I already removed the duplicates by hand, thanks",
    "just wrapped up my second fine-tune, feeling good",
    "你上面列的那个计划我看过了,数据是 bakery.jsonl,两个 epoch,没问题,就按这个开始吧",
    "ok the plan you posted for bakery.jsonl looks right, go ahead",
    "帮我先看看数据质量 文件一会儿传给你",
    "$ sft train --epochs 4\n(file's still uploading)",
    '{"status": "proofing", "oven": true}\nbrb',
    "Does the plan look right? 3 epochs, lr 2e-4... yep it does. go ahead",
    "烘焙数据加 CoT 会不会让回答变很长?会的。行吧那没事了,谢谢",
    "ok yes, stop it",  # a yes to a stop shown, with none waiting here
    "别客气,咱继续干活……其实也没啥事了,今天先这样吧",  # the person's own work
])
def test_no_step_is_taken(text):
    assert [c["name"] for c in plan(text, [])] in ([], ["explain"]), plan(text, [])


@pytest.mark.parametrize("text, tool, args", [
    # a change of mind inside the message: a postscript, a second thought, a value found too small
    ("把 bread_qa.xlsx 转成 jsonl。\n附言:不要 jsonl 了,转 alpaca", "convert_dataset", {"path": "bread_qa.xlsx", "to": "alpaca"}),
    ("Probe lr on bread_qa.jsonl, 80 steps.\nPS make it 160", "probe_learning_rate", {"path": "bread_qa.jsonl", "steps": 160}),
    ("Stop run oven-lora-3.\nPS never mind, don't stop it, just tell me where it's at", "training_status", {"run_id": "oven-lora-3"}),
    ("给 bread_qa.jsonl 加 few-shot,每条带2个例子…不对,4个吧,2个太少了", "add_few_shot", {"path": "bread_qa.jsonl", "k": 4}),
    ("cot 加三成… 想了想两成就够了,bread_qa.jsonl", "add_cot", {"path": "bread_qa.jsonl", "fraction": 0.2}),
    ("evaluate oven-101... hmm no that one died, evaluate oven-102", "evaluate_run", {"run_id": "oven-102"}),
    ("别停!别停 oven-21!我是说……oven-21 不要动,把 oven-22 停了", "stop_training", {"run_id": "oven-22"}),
    # a question, then the person's own decision
    ("要是把空答案的都删了会不会少很多?算了,删吧", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("if I add CoT to all of it, will answers bloat? hm. fine, just 10% on bread_qa.jsonl", "add_cot", {"path": "bread_qa.jsonl", "fraction": 0.1}),
    ("would a 40-step probe be enough? eh, let's go with 120 on bread_qa.jsonl", "probe_learning_rate", {"path": "bread_qa.jsonl", "steps": 120}),
    ("Check status or just kill it? eh, status first: `oven_77`", "training_status", {"run_id": "oven_77"}),
    ("混 20% 通用数据会不会变差?行吧就混 20%,用 bread_qa.jsonl 开训", "start_training", {"path": "bread_qa.jsonl", "mix_general": 0.2}),
    # a step, then questions about it; an explanation asked before or after a step
    ("把 oven_run_5 停了。停了之后还能恢复吗?", "stop_training", {"run_id": "oven_run_5"}),
    ("先推荐一下超参,2400 条数据,用lora,推荐完再讲讲为啥", "suggest_hyperparameters", {"n_samples": 2400, "method": "lora"}),
    ("add few-shot to bread_qa.jsonl, 3 examples per sample, and then explain why it helps", "add_few_shot", {"path": "bread_qa.jsonl", "k": 3}),
    ("Explain what a rank is first, then start training on bread_qa.jsonl", "explain", {}),
    # pasted logs, objects, status reports, shell prompts, config blocks
    ("[08:01] 我: 早\n[08:01] 助手: 早上好!\n[08:02] 我: 看看 bread_qa.jsonl 有多少条", "inspect_dataset", {"path": "bread_qa.jsonl"}),
    ("[09:00] me: add few-shot to bread_qa.jsonl, 5 examples each\n[09:00] assistant: On it.\n[09:03] me: wrong, 3 examples each",
     "add_few_shot", {"path": "bread_qa.jsonl", "k": 3}),
    ('{"run_id": "oven-2024-01", "action": "stop"}\n执行这个', "stop_training", {"run_id": "oven-2024-01"}),
    ('```json\n{"probe": {"file": "bread_qa.jsonl", "steps": 90}}\n```\n以这个为准', "probe_learning_rate", {"path": "bread_qa.jsonl", "steps": 90}),
    ('{"rule": "garbled", "decision": "drop"}\nmy call', "apply_quality_rule", {"rule": "garbled", "decision": "drop"}),
    ("suggest_hp(n=600, method='lora')", "suggest_hyperparameters", {"n_samples": 600, "method": "lora"}),
    ("done: converted to alpaca\ntodo: list the placeholders left in bakery_id.json", "fill_placeholders", {"path": "bakery_id.json"}),
    ("✅ dedup\n⬜ add CoT to 20% of bread_qa.jsonl", "add_cot", {"path": "bread_qa.jsonl", "fraction": 0.2}),
    ("$ sft status oven-r2-lora", "training_status", {"run_id": "oven-r2-lora"}),
    ("$ sft inspect 面包问答.xlsx --sheet S2 --q 顾客问 --a 店员答", "inspect_dataset",
     {"path": "面包问答.xlsx", "sheet": "S2", "question_field": "顾客问", "answer_field": "店员答"}),
    ("[data]\nfile = bread.xlsx\nquestion = Customer question\nanswer = Baker answer\nInspect it with these settings.", "inspect_dataset",
     {"path": "bread.xlsx", "question_field": "Customer question", "answer_field": "Baker answer"}),
    # someone else spoken to, names given in the message, numbers that are someone else's
    ("小王,训之前先问超参。助手,我们有 700 条数据,用 lora,给个建议", "suggest_hyperparameters", {"n_samples": 700, "method": "lora"}),
    ("Tom, we always ask for hyperparameters first. Assistant, we have 900 rows, LoRA — suggestions?", "suggest_hyperparameters",
     {"n_samples": 900, "method": "lora"}),
    ("A = bread_v1.jsonl,B = bread_v2.jsonl。B 拿去做学习率测试,60步", "probe_learning_rate", {"path": "bread_v2.jsonl", "steps": 60}),
    ("老李说 epoch 要 12,我觉得 4 就行。用 bread_qa.jsonl 开训,epoch 4", "start_training", {"path": "bread_qa.jsonl", "epochs": 4}),
    ("Dana said 15% CoT, I'll go lower - 5% on bread_qa.jsonl", "add_cot", {"path": "bread_qa.jsonl", "fraction": 0.05}),
    ("“通常1万条左右的精标数据即可”——可我只有 450 条,用 lora 建议几个 epoch?", "suggest_hyperparameters", {"n_samples": 450, "method": "lora"}),
    # corrections with no context: whose value each is
    ("不对,k 应该是 3,不是 6,文件还是 bread_qa.jsonl", "add_few_shot", {"path": "bread_qa.jsonl", "k": 3}),
    ("不是100步 是250步", "probe_learning_rate", {"steps": 250}),
    ("sorry, 90 steps not 60", "probe_learning_rate", {"steps": 90}),
    ("刚才那个不是 r=4,改成 r=8", "start_training", {"lora_r": 8}),
    ("不对,cot 比例砍一半,刚才说六成,改三成", "add_cot", {"fraction": 0.3}),
    ("the JSON I pasted had the wrong learning_rate — it should be 1e-4", "start_training", {"learning_rate": 0.0001}),
    # the run meant, named where the step is ruled out; runs named by the word before them
    ("hold on, don't stop oven_c7 yet, show me its loss first", "training_status", {"run_id": "oven_c7"}),
    ("please stop my training crumb_ft, I made a mistake", "stop_training", {"run_id": "crumb_ft"}),
    ("what's up with oven_run_9", "training_status", {"run_id": "oven_run_9"}),
    ("搞错了 要评估的是crust_v4 不是v3", "evaluate_run", {"run_id": "crust_v4"}),
    ("crust_lora_final 跑完了 评估下效果", "evaluate_run", {"run_id": "crust_lora_final"}),
    # typed wrong
    ("停值训练 crumb_7c 快", "stop_training", {"run_id": "crumb_7c"}),
    ("学习绿探测 bread_qa.jsonl 跑300部", "probe_learning_rate", {"path": "bread_qa.jsonl", "steps": 300}),
    ("把 bakery_id.jsn 里的占位符列给我", "fill_placeholders", {"path": "bakery_id.jsn"}),
    ("widen the prompts in bread_qa.jsonl.bak, 120 samples", "augment_instructions", {"path": "bread_qa.jsonl.bak", "n_samples": 120}),
    ("把 bread_faq_clean.jsonl 转换成 sharegpt 格式", "convert_dataset", {"path": "bread_faq_clean.jsonl", "to": "sharegpt"}),
    # settings said in other words
    ("add few-shot to bread_qa.jsonl — i.e. every sample gets examples baked in — 4 examples, 60 samples", "add_few_shot",
     {"path": "bread_qa.jsonl", "k": 4, "n_samples": 60}),
    ("用 bread_qa.jsonl 训,通用数据占两成", "start_training", {"path": "bread_qa.jsonl", "mix_general": 0.2}),
    ("You'll introduce yourself as 'Crumb', made by Oven Labs. Fill identity.json so you know that", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Crumb", "author": "Oven Labs"}}),
    ("spare the short answers, they are fine", "apply_quality_rule", {"rule": "short_answer", "decision": "keep"}),
])
def test_read_as_meant(text, tool, args):
    got_tool, got_args = one_call(text)
    assert got_tool == tool and {k: got_args.get(k) for k in args} == args, (got_tool, got_args)


def test_a_yes_to_the_plan_shown_runs_the_waiting_plan_only():
    start = {"path": "bakery.jsonl", "epochs": 2, "learning_rate": 2e-4}
    agreed = "你上面列的那个计划我看过了,数据是 bakery.jsonl,两个 epoch,没问题,就按这个开始吧"
    assert consent.is_yes_to(agreed, "start_training", start)
    assert not consent.is_yes_to(agreed.replace("两个", "五个"), "start_training", start)  # a setting the plan does not have
    assert not consent.is_yes_to("你刚才列的那个停止我同意,赶紧停", "start_training", start)  # another step
    assert consent.is_yes_to("the stop you showed me is right. Confirmed, stop it.", "stop_training", {"run_id": "oven-1"})


def test_the_parts_read_alone():
    assert markers.BOX_OPEN and planner._left_to_do("已完成:质检\n待办:短答案那类 → 保留") == "短答案那类 → 保留"
    assert planner._pasted_log("[10:00] 我: 你好") is None  # one line is no log
    assert planner._said_to_me("助手,帮我看看 bread.jsonl") is None  # only the assistant spoken to
    assert planner._nicknames_put_back("用 bread.jsonl 开训") is None
    assert amounts.without_others("小李说 epoch 要 10,我觉得 5 就行").strip().endswith("5 就行")
    assert amounts.without_others("epoch 要 10") == "epoch 要 10"
    assert [f.text for f in paths.find_paths("visit example.com, then convert bread.csv")] == ["bread.csv"]
    assert slots.find_fields("question = Customer question").get("question_field") != "Customer question"  # one line is no config
