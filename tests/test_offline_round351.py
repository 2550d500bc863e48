"""Causes of the misses in the round-351 to round-382 blind corpora (each wave measured at first sight before any fix, then
mended); tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, amounts, dictated, review, slots
from assistant.offline import plan

UP = "/ws/uploads"


@pytest.mark.parametrize("text", [
    # a step said not to be taken is never offered
    "don't stop bakery-r2",
    "We're not stopping bakery-r2 yet. What does a flat loss curve mean?",
    # a question or a remark that only sounds like a step
    "资料室刚停了一个小时电,电脑才开",
    "Stop asking me to confirm every time, it's annoying",
    # a request put off, asked again for later
    "本来想让你把 epoch 改成 4 重新训的,后来想想还是下周再说吧",
    "I was going to ask you to retrain with 6 epochs but let's do it another day",
    # asked, not asked for
    "把 bakery-r2 停了吧…算了先别,问一下:停了以后还能从 checkpoint 接着训吗?",
    "stop bakery-r2... wait, question first: does a stop keep the adapter?",
    "续跑会不会把学习率预热重来一遍?",
    "stopping keeps the last checkpoint, right? not just the adapter?",
    "If I stop the run, is the log kept? Not decided yet.",
    "要是现在把 bakery-r2 停了,前面的步数还算数不",
    "停了以后还能接着跑不 还是要从零开始",
    "resume/does it keep the same lr/or warm up again",
    "Would you keep or drop near-duplicates in a tiny dataset? Only want your opinion, no action yet.",
    "```\nIf I stop a run halfway, can it still be evaluated?\n```",
    # everything asked called off
    "把 loaves.csv 转成 xlsx……算了不用了,我自己另存一下",
    "convert loaves.csv to xlsx... never mind, I'll do it in Excel",
    "add cot to loaves.jsonl, 20%... never mind",
    # wave 10
    "假设我现在把 oven-5 停了改数据 再恢复,它用新数据还是旧的",
    "哇 loss 掉得真快,先不停了哈哈",
    "why not stop oven-5 right now? like what would happen to its adapter if I did?",
    "Should I stop OVEN-2406 now, would the progress so far be lost?",
    "想问问:一个 run 停掉以后改了配置,还能续训吗,还是得重开?",
])
def test_no_step_is_taken(text):
    assert [c["name"] for c in plan(text, [])] in ([], ["explain"])


@pytest.mark.parametrize("text", ["don't start training on loaves.jsonl", "loss 一直往下掉,这是好事吧?", "I won't stop bakery-r2 unless it plateaus"])
def test_no_run_is_started_or_stopped(text):
    assert not {c["name"] for c in plan(text, [])} & {"start_training", "stop_training", "resume_training"}


@pytest.mark.parametrize("text, tool, args", [
    # stops and resumes read right
    ("The undersigned directs the cessation of run BAKE-7.", "stop_training", {"run_id": "BAKE-7"}),
    ("oven-r3 先停 店里来客人了", "stop_training", {"run_id": "oven-r3"}),
    ("个 oven-run-2 停咗喺度,帮我续返佢", "resume_training", {"run_id": "oven-run-2"}),
    ("oven_r9 昨天我手滑点了停止 帮我从断的地方继续", "resume_training", {"run_id": "oven_r9"}),
    ("电修好了,oven_r9 还停在上次那个 checkpoint 等着呢", "resume_training", {"run_id": "oven_r9"}),
    ("quota is back. job-5501 is still sitting there paused", "resume_training", {"run_id": "job-5501"}),
    ("un-pause bake_0702_c", "resume_training", {"run_id": "bake_0702_c"}),
    ("E3:oven-0702 先停,E4:明天续。", "stop_training", {"run_id": "oven-0702"}),
    ("我要停的是 bake-0702-b 那个,a那个让它接着跑", "stop_training", {"run_id": "bake-0702-b"}),
    ("停 bake-0702-b 吧… actually, resume bake-0702-c", "resume_training", {"run_id": "bake-0702-c"}),
    ("run-71 和 run-72 都在跑,停 run-72 就行,71 别碰", "stop_training", {"run_id": "run-72"}),
    ("oven_r9 训完了!看看它学到没,跟原来的比比", "evaluate_run", {"run_id": "oven_r9"}),
    # runs by their names
    ("Not bakery-r3 but bakery-r4 — report its loss", "training_status", {"run_id": "bakery-r4"}),
    ("q: keep gpt-ft-3 going? a: no. stop it.", "stop_training", {"run_id": "gpt-ft-3"}),
    ("5512 - resume", "resume_training", {"run_id": "5512"}),
    ("ov0701b 从断点接着跑", "resume_training", {"run_id": "ov0701b"}),
    ("三个跑完的:b1、b2、b3,只评估 b3", "evaluate_run", {"run_id": "b3"}),
    ("凌晨那个 run 叫 0702-0400,跑到哪了", "training_status", {"run_id": "0702-0400"}),
    ("stop the night run (id 0702-0100), it's stuck", "stop_training", {"run_id": "0702-0100"}),
    ("> stop bake-4410\n> y", "stop_training", {"run_id": "bake-4410"}),
    ("`evaluate run bake_demo_02`", "evaluate_run", {"run_id": "bake_demo_02"}),
    # the LR probe, however it is asked
    ("找下学习率 loaves.jsonl 跑80步", "probe_learning_rate", {"path": "loaves.jsonl", "steps": 80}),
    ("学习率我拿不准,在 loaves.jsonl 上试一下 跑个120步看看", "probe_learning_rate", {"path": "loaves.jsonl", "steps": 120}),
    ("lr拿不准 先试 loaves.csv 60步", "probe_learning_rate", {"path": "loaves.csv", "steps": 60}),
    ("An LR range test? why bother... ok fine, run one on loaves.jsonl, 90 steps.", "probe_learning_rate", {"path": "loaves.jsonl", "steps": 90}),
    # settings
    ("loaves.jsonl 开训,lora_r 给个 8,epoch 3", "start_training", {"path": "loaves.jsonl", "lora_r": 8, "epochs": 3}),
    ("清单:\n- 数据 loaves.jsonl\n- lora_r 32\n步骤:开训", "start_training", {"path": "loaves.jsonl", "lora_r": 32}),
    ("train loaves.jsonl, max_steps别超过900", "start_training", {"path": "loaves.jsonl", "max_steps": 900}),
    ("Train loaves.jsonl with epochs set at 2 and the number of steps capped at 700.", "start_training",
     {"path": "loaves.jsonl", "epochs": 2, "max_steps": 700}),
    ("few-shot for loaves.jsonl, each 带 5 个 examples", "add_few_shot", {"path": "loaves.jsonl", "k": 5}),
    ("make 40 few-shot samples from loaves.jsonl, 2 examples in each", "add_few_shot", {"path": "loaves.jsonl", "n_samples": 40, "k": 2}),
    ("few-shot on a quarter of loaves.jsonl, half a dozen examples each", "add_few_shot", {"path": "loaves.jsonl", "fraction": 0.25, "k": 6}),
    ("few-shot 刚才说每条 2 个例子,改成 4 个", "add_few_shot", {"k": 4}),
    ("loaves.jsonl 开训,混点通用数据进去,比如 20%", "start_training", {"path": "loaves.jsonl", "mix_general": 0.2}),
    ("FS: k=3, 25%, on loaves.jsonl", "add_few_shot", {"path": "loaves.jsonl", "k": 3, "fraction": 0.25}),
    ("path: loaves.csv | to: alpaca | q: ask | a: reply", "convert_dataset",
     {"path": "loaves.csv", "to": "alpaca", "question_field": "ask", "answer_field": "reply"}),
    ("不知道能不能对 loaves.jsonl 做个质检", "check_quality", {"path": "loaves.jsonl"}),
    # columns, sheets and placeholder values
    ("帮我看看 loaves.csv 格式对不对,字段是 ask 和 reply", "inspect_dataset", {"path": "loaves.csv", "question_field": "ask", "answer_field": "reply"}),
    ("look at loaves.csv, questions are in the column called q_text and the answers in a_text", "inspect_dataset",
     {"path": "loaves.csv", "question_field": "q_text", "answer_field": "a_text"}),
    ("loaves.jsonl 每条都有一列 buzhou 写着推理过程,拿三成做思维链", "add_cot", {"path": "loaves.jsonl", "rationale_field": "buzhou", "fraction": 0.3}),
    ("烘焙.xlsx的夏季那页转成alpaca", "convert_dataset", {"path": "烘焙.xlsx", "sheet": "夏季", "to": "alpaca"}),
    ("烘焙.xlsx 的 门店答疑 表转成 jsonl", "convert_dataset", {"path": "烘焙.xlsx", "sheet": "门店答疑", "to": "jsonl"}),
    ("bakes.xlsx has 4 tabs, look at 'Night Shift' first", "inspect_dataset", {"path": "bakes.xlsx", "sheet": "Night Shift"}),
    ("id.json 里 {{name}} {{author}} 换成 小麦 和 和平烘焙坊", "fill_placeholders", {"path": "id.json", "values": {"name": "小麦", "author": "和平烘焙坊"}}),
    ("id.json 里全是 {{name}} 和 {{author}},名字换成“面面”,作者换成“面包工坊”", "fill_placeholders",
     {"path": "id.json", "values": {"name": "面面", "author": "面包工坊"}}),
    ("I want the bot to introduce itself as Crumb, built by Rye Works. Identity file is crumb.json.", "fill_placeholders",
     {"path": "crumb.json", "values": {"name": "Crumb", "author": "Rye Works"}}),
    ("先训练后填……不对,顺序反了,先把 id.json 的 {{name}} 换成 面面,再训练", "fill_placeholders", {"path": "id.json", "values": {"name": "面面"}}),
    # quality decisions
    ("答案太短的别删,那些就是对的", "apply_quality_rule", {"rule": "short_answer", "decision": "keep"}),
    ("近似重复的留着吧 同一个问题换着问是好事", "apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"}),
    ("空的全删", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("冲突的删不删?删。", "apply_quality_rule", {"rule": "conflict", "decision": "drop"}),
    ("给 loaves.jsonl 加 cot……还是不加了,改成加 few-shot,每条 2 个例子", "add_few_shot", {"path": "loaves.jsonl", "k": 2}),
    ("check loaves.jsonl quality — no wait, first just inspect it", "inspect_dataset", {"path": "loaves.jsonl"}),
    ("stop oven-0613z... hmm no, let it finish. what's its loss?", "training_status", {"run_id": "oven-0613z"}),
    ("I've got a.csv, b.csv and run-q2 going — ignore all that, just inspect b.csv", "inspect_dataset", {"path": "b.csv"}),
    ("我手上有 a.csv、b.csv 还有 run-q2,你就帮我查看下 b.csv 就行,其他别动", "inspect_dataset", {"path": "b.csv"}),
    # a command typed with slashes
    ("convert/sharegpt/qianfan/loaves.csv", "convert_dataset", {"path": "qianfan/loaves.csv", "to": "sharegpt"}),
    ("train/loaves.jsonl/3 epoch/lr 1e-4", "start_training", {"path": "loaves.jsonl", "epochs": 3, "learning_rate": 0.0001}),
    ("hparams/lora/900 rows", "suggest_hyperparameters", {"n_samples": 900, "method": "lora"}),
    # a message passed on
    ("FW: 'loaves.jsonl has to be in sharegpt format for the vendor' -- can you do that", "convert_dataset",
     {"path": "loaves.jsonl", "to": "sharegpt"}),
    # the method asked for, apart from the two compared
    ("3000 条全量微调的话超参怎么给?顺便问下全量和 lora 哪个更吃显存", "suggest_hyperparameters", {"n_samples": 3000, "method": "full"}),
    ("is lora or full cheaper? anyway, settings for 2k rows, lora", "suggest_hyperparameters", {"n_samples": 2000, "method": "lora"}),
    # a run at rest, back at work, judged; the run meant set against another
    ("在上课的 oven-r7 让它先歇会儿", "stop_training", {"run_id": "oven-r7"}),
    ("歇着的 oven-r7,叫它接着干活", "resume_training", {"run_id": "oven-r7"}),
    ("康康 oven_v3 学成啥样了,跟没学之前比一比", "evaluate_run", {"run_id": "oven_v3"}),
    ("correction: it's loaf-c not loaf-b that I wanted resumed", "resume_training", {"run_id": "loaf-c"}),
    ("不对,要续的是 oven-9 不是 oven-8", "resume_training", {"run_id": "oven-9"}),
    # wave 10: a telegram's STOPs, a sports word, a stop told in classical words, probes
    ("训练 oven-77 STOP 进度如何 STOP 速回 STOP", "training_status", {"run_id": "oven-77"}),
    ("run oven-91 stop how is it going stop", "training_status", {"run_id": "oven-91"}),
    ("stop stop stop", "stop_training", {}),
    ("There's a 'why' column showing how each price was reached. Use that as the rationale for CoT on loaves.jsonl, 20 samples",
     "add_cot", {"path": "loaves.jsonl", "n_samples": 20, "rationale_field": "why"}),
    ("表里有推理过程,在 buzhou 那一列。文件 loaves.csv,每条都用上", "add_cot", {"path": "loaves.csv", "rationale_field": "buzhou"}),
    ("烘焙.xlsx 的 2025冬季 那页 转 jsonl", "convert_dataset", {"path": "烘焙.xlsx", "sheet": "2025冬季", "to": "jsonl"}),
    ("oven_lora_c done. how's it stack up against the stock model", "evaluate_run", {"run_id": "oven_lora_c"}),
    ("昨日终止之 oven-0609 STOP 从断点续训 STOP", "resume_training", {"run_id": "oven-0609"}),
    ("bench run-oven-2, it's been fumbling all day", "stop_training", {"run_id": "run-oven-2"}),
    ("学习率我心里没底,先拿 loaves.jsonl 试一下 跑100步看看", "probe_learning_rate", {"path": "loaves.jsonl", "steps": 100}),
    ("学习率先别定,跑个 40 步的小测试看看曲线,文件 loaves.jsonl", "probe_learning_rate", {"path": "loaves.jsonl", "steps": 40}),
])
def test_read_as_meant(text, tool, args):
    got_tool, got_args = one_call(text)
    assert got_tool == tool and {k: got_args.get(k) for k in args} == args, (got_tool, got_args)


@pytest.mark.parametrize("text, tool, args", [
    ("清单:\n1. a.csv\n2. b.csv\n3. c.xlsx\n第2个做个质检", "check_quality", {"path": "b.csv"}),
    ("| run | 状态 |\n|---|---|\n| bk-1 | running |\n| bk-2 | running |\n第二行那个停掉吧", "stop_training", {"run_id": "bk-2"}),
    ("| run | status |\n|---|---|\n| bk-1 | done |\n| bk-2 | done |\nEvaluate row 2 against the base model.", "evaluate_run", {"run_id": "bk-2"}),
    ("Flags:\n- exact duplicates: 3\n- empty answers: 2\n- placeholders: 1\nDrop the second category.", "apply_quality_rule",
     {"rule": "empty_answer", "decision": "drop"}),
    ("Header of loaves.csv:\nid | question | answer | steps\nUse the last column to add CoT to 50 samples.", "add_cot",
     {"path": "loaves.csv", "n_samples": 50, "rationale_field": "steps"}),
    ("待办:\n[ ] 看看 loaves.jsonl 是什么格式\n[ ] 转 alpaca\n从第一条开始", "inspect_dataset", {"path": "loaves.jsonl"}),
    ("文件:\n- a.jsonl 1MB 2024-01-03\n- b.jsonl 9MB 2024-03-01\n- c.jsonl 2MB 2024-02-02\n最新那个,先看下格式", "inspect_dataset", {"path": "b.jsonl"}),
    ("files:\n- a.csv 3MB 2024-01-02\n- b.csv 10MB 2023-05-06\nconvert the biggest one to alpaca", "convert_dataset", {"path": "b.csv", "to": "alpaca"}),
])
def test_an_item_picked_from_a_pasted_list(text, tool, args):
    got_tool, got_args = one_call(text)
    assert got_tool == tool and {k: got_args.get(k) for k in args} == args, (got_tool, got_args)


def test_a_cancelled_request_says_so_in_the_persons_language():
    from assistant.nlu.planner import Turn, decide
    zh = decide([Turn("user", "把 loaves.csv 转成 xlsx……算了不用了")])
    en = decide([Turn("user", "convert loaves.csv to xlsx... never mind")])
    assert (zh.kind, zh.reply, en.kind, en.reply) == ("unknown", "好的,那就不做了。", "unknown", "OK, I won't do that.")


def test_the_parts_read_alone():
    assert amounts.training_args("stop tutor-r3, then train with r16") == {"lora_r": 16}
    assert amounts.count_args("每条3个例子 改成5个", few_shot=True)["k"] == 5
    assert amounts.find_mix("不要不带通用数据,mix 一成进去") == 0.1
    assert slots.find_fields("sheet名字叫 夏季 的那页") == {"sheet": "夏季"}
    assert review.placeholder_values("sheet名字叫 夏季") == {}
    assert review.rule_command("删完重复的就剩 300 条") is None
    assert acts.PUT_OFF.search("本来想转 alpaca 的,但还是改天吧")
    assert dictated.unslashed("convert qianfan/x.jsonl to alpaca") == "convert qianfan/x.jsonl to alpaca"
    assert dictated.unwrapped('convert "qa.csv" to alpaca') == 'convert "qa.csv" to alpaca'
