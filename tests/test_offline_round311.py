"""Causes of the misses left open at the end of the last stop, and in the round-311 to round-318 blind corpora (measured at
first sight before any fix, then mended); tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text, tool, args", [
    # an option said again right after the question settles it
    ("menu.jsonl 开训,lora rank 8 还是 32?32。", "start_training", {"path": "menu.jsonl", "lora_r": 32}),
    ("Convert menu.csv to openai or qianfan? qianfan.", "convert_dataset", {"path": "menu.csv", "to": "qianfan"}),
    ("给 menu.jsonl 加 CoT,两成还是三成?三成。", "add_cot", {"path": "menu.jsonl", "fraction": 0.3}),
    ("Few-shot for menu.jsonl: half or a quarter? A quarter.", "add_few_shot", {"path": "menu.jsonl", "fraction": 0.25}),
    # a kitchen's stop: 关火, 熄火
    ("menu-r4 这锅炖过头了,赶紧关火", "stop_training", {"run_id": "menu-r4"}),
    # a past tense before a file name is no part of the name
    ("Priya opened menu.json this morning. List its placeholders for her", "fill_placeholders", {"path": "menu.json"}),
    ("Tom exported menu.csv last night, convert it to alpaca", "convert_dataset", {"path": "menu.csv", "to": "alpaca"}),
    # a run named first, set apart by a space, then what is done with it
    ("dock7 训完了,评估一下", "evaluate_run", {"run_id": "dock7"}),
    ("码头2号 恢复训练", "resume_training", {"run_id": "码头2号"}),
    ("仓库第3次 那个先停了吧", "stop_training", {"run_id": "仓库第3次"}),
    ("run_20250101 接着上次停的地方跑", "resume_training", {"run_id": "run_20250101"}),
    ("harbor_run_august was stopped for maintenance. Please pick it up where it left off.", "resume_training", {"run_id": "harbor_run_august"}),
    ("finetune-1203 已经结束,请跟基座对比评估一下", "evaluate_run", {"run_id": "finetune-1203"}),
    ("Resume dk-12. Wait, evaluate it? No, resume, it isn't done", "resume_training", {"run_id": "dk-12"}),
    # columns named after "col is", a sheet said again, a reasoning column named and then used
    ("convert menu.csv to alpaca, question col is 'Dish_Q' answer col is 'Dish_A'", "convert_dataset",
     {"path": "menu.csv", "to": "alpaca", "question_field": "Dish_Q", "answer_field": "Dish_A"}),
    ("把 menu.xlsx 转成千帆格式,sheet还是午餐的", "convert_dataset", {"path": "menu.xlsx", "to": "qianfan", "sheet": "午餐"}),
    ("menu.xlsx -> sharegpt, sheet lunch-2024, q col is 'ask'", "convert_dataset",
     {"path": "menu.xlsx", "to": "sharegpt", "sheet": "lunch-2024", "question_field": "ask"}),
    ("menu.jsonl 里有一列 配菜思路 是主厨写的 拿这列做思维链 加80条", "add_cot", {"path": "menu.jsonl", "rationale_field": "配菜思路", "n_samples": 80}),
    ("menu.jsonl 里有个 做法 列 是怎么做这道菜的过程 你用这个做成推理的数据 弄三成", "add_cot",
     {"path": "menu.jsonl", "rationale_field": "做法", "fraction": 0.3}),
    ("menu.jsonl has a 'chef_note' column with why each dish is paired - use that for CoT on 20% of it", "add_cot",
     {"path": "menu.jsonl", "rationale_field": "chef_note", "fraction": 0.2}),
    ("Sorry, the reasoning column is actually called 'Why', not 'Notes'.", "add_cot", {"rationale_field": "Why"}),
    # placeholders: values listed after both keys, a key asked and answered, quoted keys, "Let the name be"
    ("identity.json 里的 {{name}} {{author}} 填成 小勺 和 勺子餐饮", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小勺", "author": "勺子餐饮"}}),
    ("名字填什么?就叫 小勺 吧。作者呢?填 勺子餐饮。文件是 identity.json", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小勺", "author": "勺子餐饮"}}),
    ("「名称」为「小勺」,「开发方」为「勺子餐饮」,填入 identity.json", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小勺", "author": "勺子餐饮"}}),
    ("In identity.json, let the name be 'Spoon' and the author 'Ladle & Co'.", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Spoon", "author": "Ladle & Co"}}),
    # quality rules in other words, and the decision settled on last
    ("检查出来的那些空回复的,都删掉吧", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("同一道菜答案打架的 全删", "apply_quality_rule", {"rule": "conflict", "decision": "drop"}),
    ("Records where the answer field is blank: please remove them.", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("The chef decided the conflicting answers stay for now.", "apply_quality_rule", {"rule": "conflict", "decision": "keep"}),
    ("短答案我想删……还是留着?……嗯,最后决定:删掉。", "apply_quality_rule", {"rule": "short_answer", "decision": "drop"}),
    ("Keep them, overruling Ana.\n> From: Ana\n> the near duplicates should go, I'd remove them", "apply_quality_rule",
     {"rule": "near_duplicate", "decision": "keep"}),
    # the learning-rate probe in short forms
    ("lr测一下 menu.jsonl 跑80步", "probe_learning_rate", {"path": "menu.jsonl", "steps": 80}),
    ("测 lr:menu.jsonl", "probe_learning_rate", {"path": "menu.jsonl"}),
    ("第 menu-run-2 号训练任务已中止。请自最近检查点恢复该任务。", "resume_training", {"run_id": "menu-run-2"}),
    ("Run 'MENU-77' has been paused. We ask that it be resumed from its latest checkpoint.", "resume_training", {"run_id": "MENU-77"}),
    ("Stop run menu-3 — hmm, no, it's almost done, let it finish. Just show me its loss.", "training_status", {"run_id": "menu-3"}),
    ("数据用 menu.jsonl 直接训……还是先检查下?嗯,先看看它的字段吧。", "inspect_dataset", {"path": "menu.jsonl"}),
])
def test_settled_options_kitchen_stop_and_past_tense(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "Would stopping menu-r2 right now lose the checkpoint?",
    "Scenario: I stop run menu-r2 halfway\nQuestion: is the adapter usable?",
    "Does resuming menu-r2 start again from step 0?",
])
def test_what_a_stop_or_resume_would_bring_is_answered(text):
    assert one_call(text)[0] == "explain"


def test_whether_a_run_stopped_is_its_status():
    assert one_call("训练是不是停了?帮我看看 run 编号 menu-r2 的状态") == ("training_status", {"run_id": "menu-r2"})


def test_a_person_leaving_for_the_night_stops_nothing():
    assert plan("哈哈今晚不练了 去吃火锅了 88") == []


def test_a_story_then_one_ask_is_the_ask():
    text = ("ok so my day was wild — the oven broke, missed my train, then the meeting ran long. anyway I never opened menu.xlsx. "
            "can you check what's in the 'Dinner' sheet?")
    assert one_call(text) == ("inspect_dataset", {"path": "menu.xlsx", "sheet": "Dinner"})


@pytest.mark.parametrize("text, tool, args", [
    # a pasted object alone is the call it spells out
    ('```\n{"op": "convert", "file": "menu.csv", "to": "sharegpt"}\n```', "convert_dataset", {"path": "menu.csv", "to": "sharegpt"}),
    ('```json\n{"填充": "identity.json", "name": "小勺", "author": "勺子餐饮"}\n```', "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小勺", "author": "勺子餐饮"}}),
    ('```\n{"status": "menu-r9"}\n```', "training_status", {"run_id": "menu-r9"}),
    # options listed, then the one done first
    ("清单:A. 看这个表的字段 B. 转 alpaca C. 查重。先做 A,文件 menu.csv", "inspect_dataset", {"path": "menu.csv"}),
    ("Options: A) status of menu-r9 B) stop it C) nothing. Go with A", "training_status", {"run_id": "menu-r9"}),
    ("Todo: (a) inspect, (b) dedupe, (c) train. Do (a) now on menu.jsonl", "inspect_dataset", {"path": "menu.jsonl"}),
    ("要做的:探学习率、定 epoch、开训。先定 epoch:数据 420 条,LoRA", "suggest_hyperparameters", {"n_samples": 420, "method": "lora"}),
    # values in corner quotes; the words before a file that are no part of its name
    ("menu_identity.json 里 {{author}} 填『勺子餐饮』,{{name}} 填『小勺』", "fill_placeholders",
     {"path": "menu_identity.json", "values": {"author": "勺子餐饮", "name": "小勺"}}),
    ("identity.json 里那些 {{name}}、{{author}} 还空着,填上:name 叫「小勺」,author 是「勺子餐饮」。", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小勺", "author": "勺子餐饮"}}),
    ("voice: fill placeholders in menu_id.json name is Ladle", "fill_placeholders", {"path": "menu_id.json", "values": {"name": "Ladle"}}),
    ("our identity scroll identity.json needs names: name is 'Ladle', author is 'Spoon Guild'.", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Ladle", "author": "Spoon Guild"}}),
    ("The 'Source File' shall mean menu.xlsx, sheet 'Lunch'. Convert the Source File to qianfan format.", "convert_dataset",
     {"path": "menu.xlsx", "sheet": "Lunch", "to": "qianfan"}),
    ("ds: menu.csv,先 inspect 下,q col=dish a col=recipe", "inspect_dataset", {"path": "menu.csv", "question_field": "dish", "answer_field": "recipe"}),
])
def test_objects_options_and_quoted_values(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_reason_after_the_question_is_no_decision():
    assert one_call("偏长的回答能否保留?都是完整的菜谱步骤,删了实在可惜") == ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})


@pytest.mark.parametrize("text, tool, args", [
    ("上午 ✔ 数据转换 ✔ few-shot\n下午第一件:开训,数据 menu_fs.jsonl,学习率 1e-4,混 10% 通用数据", "start_training",
     {"path": "menu_fs.jsonl", "learning_rate": 0.0001, "mix_general": 0.1}),
    ("Please broaden the phrasing of the questions in menu.jsonl. Thirty percent should do.", "augment_instructions",
     {"path": "menu.jsonl", "fraction": 0.3}),
    ("To-do:\n(1) look at menu.jsonl — format, fields\n(2) clean it\n(3) train\nStarting with (1).", "inspect_dataset", {"path": "menu.jsonl"}),
    ("若我此刻叫停 menu-r2,它学到的会不会全没了?只是想想,并不真要停。", "explain",
     {"question": "若我此刻叫停 menu-r2,它学到的会不会全没了?只是想想,并不真要停。"}),
])
def test_ticked_steps_percentages_and_musings(text, tool, args):
    assert one_call(text) == (tool, args)


def test_something_else_that_stopped_stops_no_run():
    assert plan("今天后厨停电 烤箱都停了 没客人 正好弄这个") == []


@pytest.mark.parametrize("text, tool, args", [
    # a table pasted with the request: a run by its row or its state, a distribution, a config, the header's columns
    ("run 列表:\nrun_id,状态\nmenu-a,已完成\nmenu-b,已停止\nmenu-c,运行中\n把已停止的那个恢复了。", "resume_training", {"run_id": "menu-b"}),
    ("| run | lr | loss |\n| d1 | 1e-4 | 0.9 |\n| d2 | 2e-4 | 0.4 |\nEvaluate d2 against the base model.", "evaluate_run", {"run_id": "d2"}),
    ("menu.jsonl 的分布:\n类别,条数\n热菜,320\n甜点,40\n甜点太少了,帮我做指令改写增强,补 200 条。", "augment_instructions",
     {"path": "menu.jsonl", "n_samples": 200}),
    ("Config I want:\nkey,value\nepochs,2\nlr,2e-4\nlora_r,8\nStart training on menu.jsonl with exactly that.", "start_training",
     {"path": "menu.jsonl", "epochs": 2, "learning_rate": 0.0002, "lora_r": 8}),
    ("这是 menu.csv 的前几行:\nid,问题,答案\n1,今天有什么,红烧肉\n2,几点开门,十点\n帮我转成千帆格式,问题列和答案列就按表头来。", "convert_dataset",
     {"path": "menu.csv", "to": "qianfan", "question_field": "问题", "answer_field": "答案"}),
    # runs named with letters and a digit after a run verb, done, "那个 run", stopped before and resumed now
    ("eval chef12 vs base", "evaluate_run", {"run_id": "chef12"}),
    ("souschef3 done yet??", "training_status", {"run_id": "souschef3"}),
    ("“大灶”也就是 menu_big_pot 那个 run,先停掉它", "stop_training", {"run_id": "menu_big_pot"}),
    ("昨天下班前停掉的 menu-lora-02 接着从checkpoint跑吧", "resume_training", {"run_id": "menu-lora-02"}),
    ("跟你谈个条件:menu_77 先停掉,我改完数据就让你接着跑", "stop_training", {"run_id": "menu_77"}),
    ("How is menu-lora-B getting on?", "training_status", {"run_id": "menu-lora-B"}),
    ("menu-v3 loss一直横着不动 先stop", "stop_training", {"run_id": "menu-v3"}),
    ("pull run CHEF-9 off the field right now, it's diverging", "stop_training", {"run_id": "CHEF-9"}),
    # counts and shares
    ("menu.jsonl 给我加上 few-shot 的样本,一条里面放 3 个例子就行了", "add_few_shot", {"path": "menu.jsonl", "k": 3}),
    ("cot for 1/8 of menu.jsonl", "add_cot", {"path": "menu.jsonl", "fraction": 0.125}),
    ("augment menu.csv prompts, do all of em", "augment_instructions", {"path": "menu.csv", "fraction": 1.0}),
    ("guests ask the same thing 30 diff ways. mix up the wording on menu.jsonl, do 120 extra", "augment_instructions",
     {"path": "menu.jsonl", "n_samples": 120}),
    # rules in other words; a value with an apostrophe; a telegram's STOP after a file
    ("检查出来那些把问题又抄了一遍当答案的,请都删除。", "apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"}),
    ("意思相近的那些不要删,保留", "apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"}),
    ("dump all the dupes", "apply_quality_rule", {"rule": "duplicates", "decision": "drop"}),
    ("I gather identity.json has placeholders. Set the name to 'Ladle' and the author to 'St. Anne's Kitchen'.", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Ladle", "author": "St. Anne's Kitchen"}}),
    ("BREAKING: new file menu_q3.csv landed. Need row count, columns. STOP.", "inspect_dataset", {"path": "menu_q3.csv"}),
    ("烦死了,上次训出来跟没训一样。行吧,再给 menu.jsonl 跑一次质量检查,这次把 ppl 也算上。", "check_quality", {"path": "menu.jsonl", "ppl": True}),
])
def test_tables_runs_counts_and_rules(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "Should the kitchen elect to halt run MENU-42 now, would resumption from checkpoint be possible? This is an enquiry only.",
    "ok confirmed, run it",
])
def test_an_enquiry_or_a_bare_yes_acts_on_nothing(text):
    assert all(call["name"] == "explain" for call in plan(text))


@pytest.mark.parametrize("text, tool, args", [
    # the step said to come first, after a dash, by a word it shares with a listed step, or a fill with its values
    ("I need a status on menu-77 and also to stop menu-78 — the status first", "training_status", {"run_id": "menu-77"}),
    ("two-parter: inspect menu.jsonl and convert it to csv. Inspect before anything else.", "inspect_dataset", {"path": "menu.jsonl"}),
    ("一是看下 menu.json 有多少条、啥字段,二是给我建议超参。先看文件", "inspect_dataset", {"path": "menu.json"}),
    ("一会儿要开训,还要填 identity.json 的占位符。先填占位符:名字「小勺」,作者「勺子餐饮」", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小勺", "author": "勺子餐饮"}}),
    # a nickname defined is no template; a line saying how much is none either
    ("'Grandma' is menu_old.jsonl. Augment grandma's instructions for 20% of rows with these templates: 'Q: {q}' and 'Ask: {q}'",
     "augment_instructions", {"path": "menu_old.jsonl", "fraction": 0.2, "templates": ["Q: {q}", "Ask: {q}"]}),
    ("用这几个模板改写一下 menu.jsonl:\n把这道菜介绍一下\n这道菜怎么做\ntell me about this dish\n做一半的数据", "augment_instructions",
     {"path": "menu.jsonl", "templates": ["把这道菜介绍一下", "这道菜怎么做", "tell me about this dish"], "fraction": 0.5}),
    # a decision next to a quoted nickname; "kept giving" is no keep
    ("'The pot', i.e. pot_qa.jsonl — in the pot, keep the near duplicates, don't drop them", "apply_quality_rule",
     {"rule": "near_duplicate", "decision": "keep", "path": "pot_qa.jsonl"}),
    ("Since the model kept giving one-line answers, I want the flagged short answers gone — drop them.", "apply_quality_rule",
     {"rule": "short_answer", "decision": "drop"}),
    # a tool's name, its target, then a reason of the person's own
    ("stop_training on oven-hog-3, it's eating the whole node", "stop_training", {"run_id": "oven-hog-3"}),
])
def test_first_steps_nicknames_and_reasons(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "短答案那种 要删吗 一般都咋处理",
    "wait if i mix in like 20% general data does my model get less weird or what lol",
    "I keep second-guessing (if I stopped menu-r5 right now, could I still evaluate the half-done checkpoint?)",
    "原文件会被改吗?给 menu.jsonl 加 CoT 之后。",
    "The original file, after augmentation — does it get overwritten?",
    "五点前给我个答复:评估一个 run 大概要多久?",
    "few-shot 每条放几个例子比较合适?",
    "What's the {{author}} bit in identity.json actually for? Will guests see it?",
    "once something's converted can it go back to excel, or is it one way?",
])
def test_questions_in_more_shapes_act_on_nothing(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, tool, args", [
    ("check quality on menu.json and chuck in the perplexity score too", "check_quality", {"path": "menu.json", "ppl": True}),
    ("根据口味比对,menu.jsonl 最适合做一次学习率侦查,跑 200 步看看。", "probe_learning_rate", {"path": "menu.jsonl", "steps": 200}),
    ("Sorry to bother — is it ok if you run a quality check on menu.jsonl, including perplexity? Thank you so much", "check_quality",
     {"path": "menu.jsonl", "ppl": True}),
    ("If it's no bother, could you possibly add few-shot samples to menu.jsonl, perhaps two examples each, for about a fifth of the records?",
     "add_few_shot", {"path": "menu.jsonl", "k": 2, "fraction": 0.2}),
    ("可以继续刚才停掉的那个 menu-r7 吗?从 checkpoint 接着跑就行,可以吗", "resume_training", {"run_id": "menu-r7"}),
    ("start_training:path=menu.jsonl,epochs=2,learning_rate=2e-4,mix_general=10%。", "start_training",
     {"path": "menu.jsonl", "epochs": 2, "learning_rate": 0.0002, "mix_general": 0.1}),
    ("probe_learning_rate:path=menu.jsonl,steps=150。", "probe_learning_rate", {"path": "menu.jsonl", "steps": 150}),
    ("fill_placeholders with path='identity.json' and values={'name': 'Ladle', 'author': 'Spoon AI'}.", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Ladle", "author": "Spoon AI"}}),
    ("oven1 how far along", "training_status", {"run_id": "oven1"}),
    ("评估 m2024a。对比基座。", "evaluate_run", {"run_id": "m2024a"}),
    ("pull the pin on menu-run2, I've spotted a problem in the data", "stop_training", {"run_id": "menu-run2"}),
    ("the answers that are just the question copied back - get rid of those", "apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"}),
    ("menu.jsonl:请为 20% 的记录添加思维链样本,推理依据取自字段 why。", "add_cot", {"path": "menu.jsonl", "fraction": 0.2, "rationale_field": "why"}),
    ("有推理过程的那一列叫 steps,给 menu.jsonl 一半的数据加 CoT", "add_cot", {"path": "menu.jsonl", "fraction": 0.5, "rationale_field": "steps"}),
    ("你会怎么处理冲突的答案?我决定了:冲突的都保留,我自己人工看。", "apply_quality_rule", {"rule": "conflict", "decision": "keep"}),
    ("What would you do with a 40k-row dump? Never mind, I'll decide: inspect menu_dump.csv first.", "inspect_dataset", {"path": "menu_dump.csv"}),
    ("Exhibit A: 40 records flagged as exact duplicates. The verdict: drop them.", "apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"}),
    ("给 menu.jsonl 加 few shot……等等,我要的是思维链那个,add_cot,全部都加。", "add_cot", {"path": "menu.jsonl", "fraction": 1.0}),
    ("can you inspect_quality... I mean check_quality, on menu.jsonl", "check_quality", {"path": "menu.jsonl"}),
    ("开训!!!menu.jsonl!!!LORA_R 给我 32!!!", "start_training", {"path": "menu.jsonl", "lora_r": 32}),
])
def test_wave_four_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "要是停了以后改个学习率再 resume,行不行",
    "想问下:要是我现在把 menu-r1 停掉,之前的进度会不会全没了?之后还能接着跑吗?先别动它啊,我就问问。",
])
def test_a_what_if_with_a_tag_or_a_hold_acts_on_nothing(text):
    assert all(call["name"] == "explain" for call in plan(text))


@pytest.mark.parametrize("text, tool, args", [
    ("menu_run2 昨天被我手滑停了,帮我resume一下🙏", "resume_training", {"run_id": "menu_run2"}),
    ("帮我把 menu-7 resume 一下", "resume_training", {"run_id": "menu-7"}),
    ("scrap run-7, it's useless", "stop_training", {"run_id": "run-7"}),
])
def test_resume_after_chinese_and_a_stop_word_inside_a_name(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "假如我们半路把训练停了,之前走过的路还算数吗?还是得从头再来?有同事关心这个,请讲解一下。",
    "stop now → lose all progress? ✗ or ✓ ?",
    "resume → same lr schedule or reset to start?",
])
def test_what_ifs_asked_to_be_explained_or_with_arrows_act_on_nothing(text):
    assert all(call["name"] == "explain" for call in plan(text))


def test_a_run_named_with_a_stop_word_is_evaluated_not_stopped():
    assert one_call("scrap-r8-0702 done, evaluate it against the original") == ("evaluate_run", {"run_id": "scrap-r8-0702"})
