"""General causes found after the models were rebuilt with rounds 85-90 and, later, in the round-91 to round-96 blind
corpora once each was measured; tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text", [
    "80 条数据硬训 30 个 epoch,会咋样?",  # what would follow, not the values for 80 samples
    "Is more data always make the bot better? My boss say yes.",
])
def test_what_would_follow_is_explained(text):
    assert one_call(text)[0] == "explain"


def test_a_named_run_against_the_base_is_its_evaluation():
    assert one_call("is kefu-v3 really better than the original model?") == ("evaluate_run", {"run_id": "kefu-v3"})


def test_a_files_format_asked_while_checking_it_is_a_look():
    assert one_call("check menu_toolcall_demo.json for me — is it sharegpt-style like the LLaMA-Factory demos?") == (
        "inspect_dataset", {"path": "menu_toolcall_demo.json"})


def test_a_remark_that_asks_nothing_gets_no_explanation():
    assert plan("模型训完以后我还是放到千帆上去部署,这边就当练练手,哈哈") == []


@pytest.mark.parametrize("text, call", [
    ("用文件(售前问答.jsonl)开训:轮数(6),学习率(1e-4),LoRA秩(32)。",
     ("start_training", {"path": "售前问答.jsonl", "epochs": 6, "learning_rate": 0.0001, "lora_r": 32})),
    ("Inspect file (claims.xlsx), sheet (March), question column (ask), answer column (reply).",
     ("inspect_dataset", {"path": "claims.xlsx", "sheet": "March", "question_field": "ask", "answer_field": "reply"})),
    ("Add CoT: file (algebra.jsonl), rationale column (working), samples (250).",
     ("add_cot", {"path": "algebra.jsonl", "rationale_field": "working", "n_samples": 250})),
    ("不对,目标格式是(openai)不是(alpaca),文件还是(多轮.json)。", ("convert_dataset", {"path": "多轮.json", "to": "openai"})),
])
def test_values_given_in_brackets_after_their_labels(text, call):
    assert one_call(text) == call


def test_a_quoted_name_keeps_its_brackets():
    _, args = one_call('look at returns.xlsx, sheet "Returns (EU)", answers in "Agent Reply (final)"')
    assert args.get("answer_field") == "Agent Reply (final)"


def test_a_question_with_brackets_is_explained_in_the_persons_own_words():
    text = "What does warmup (ratio 0.05) do for a LoRA run (r 16)?"
    assert one_call(text) == ("explain", {"question": text})


@pytest.mark.parametrize("text, call", [
    ("resume run-0412\n*run-0421", ("resume_training", {"run_id": "run-0421"})),
    ("检查一下 tarin.jsonl 的质量\n*train.jsonl", ("check_quality", {"path": "train.jsonl"})),
    ("probe the lr on faq.jsonl for 120 setps\n*steps", ("probe_learning_rate", {"path": "faq.jsonl", "steps": 120})),
])
def test_a_starred_line_puts_the_word_right(text, call):
    assert one_call(text) == call


@pytest.mark.parametrize("text, call", [
    ("不能直接把近似重复的删了吗?", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("Isn't it about time we pulled the plug on kefu-lora-2?", ("stop_training", {"run_id": "kefu-lora-2"})),
    ("Why keep guessing the lr when you could just run a range test on tickets.jsonl?",
     ("probe_learning_rate", {"path": "tickets.jsonl"})),
    ("Why not reword the instructions in menu.jsonl, say a third of them?",
     ("augment_instructions", {"path": "menu.jsonl", "fraction": 1 / 3})),
    ("长答案那些,可以都先留着吗?", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("不好意思哈,能先把训练停一下吗,谢谢!", ("stop_training", {})),
    ("如果不太麻烦的话,能不能帮我把 汇总.xlsx 转成 sharegpt 格式?", ("convert_dataset", {"path": "汇总.xlsx", "to": "sharegpt"})),
])
def test_requests_put_as_questions_act(text, call):
    got = one_call(text)
    assert got[0] == call[0] and all(got[1].get(k) == pytest.approx(v) if isinstance(v, float) else got[1].get(k) == v
                                     for k, v in call[1].items())


def test_a_real_question_starting_with_cant_i_is_still_a_question():
    assert one_call("Can't I skip CoT entirely and still get good answers?")[0] == "explain"


@pytest.mark.parametrize("text, k", [
    ("add few-shot examples to every prompt in quiz.jsonl, 3 each", 3),
    ("pop a few worked examples in front of each prompt in quiz.jsonl. Four apiece.", 4),
    ("give every prompt in quiz.jsonl a couple of worked examples", 2),
    ("给 quiz.jsonl 加少样本示例:每条提示带示例数(2),新增条数(100)。", 2),
])
def test_examples_per_prompt(text, k):
    name, args = one_call(text)
    assert name == "add_few_shot" and args["k"] == k


def test_precise_duplicates_are_the_exact_ones():
    assert one_call("被标记的记录(精确重复) → 处理方式(删除)。") == ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})


@pytest.mark.parametrize("text, values", [
    ("call it Chanterelle, and the author is Barn 4 Growers", {"name": "Chanterelle", "author": "Barn 4 Growers"}),
    ('Let\'s call the assistant "Quince" and put "Orchard Digital" down as the author.', {"name": "Quince", "author": "Orchard Digital"}),
    ("identity.json inside the name put 小禾, author put Hehe Tech", {"name": "小禾", "author": "Hehe Tech"}),
    ("identity.json 里的名字麻烦填“小柚”,作者填“柚子科技”,谢谢!", {"name": "小柚", "author": "柚子科技"}),
    ("identity.json 里面的名字或许可以填成“知乎”,作者那里大概写“青山实验室”?麻烦了", {"name": "知乎", "author": "青山实验室"}),
    ("占位符那个名字写阿旺作者写老李工作室就行文件就是 identity.json", {"name": "阿旺", "author": "老李工作室"}),
    ('The placeholders in identity.json are to be filled in: the name is to be given as "Iris" and the author as "Kite HR".',
     {"name": "Iris", "author": "Kite HR"}),
    ("那个身份文件里有 {{name}},我想让它叫“暖心助手”,作者那里写“志愿者之家”,麻烦帮我填一下", {"name": "暖心助手", "author": "志愿者之家"}),
    ("the bot keeps saying {{name}}. FILL IT. identity.json, name = Echo, author = Fern Studio", {"name": "Echo", "author": "Fern Studio"}),
])
def test_placeholder_values_in_more_words(text, values):
    name, args = one_call(text)
    assert name == "fill_placeholders" and args["values"] == values


@pytest.mark.parametrize("text, call", [
    ("测一下 bins-lora-final 学得怎么样", ("evaluate_run", {"run_id": "bins-lora-final"})),
    ("faq-lora-7 和 faq-lora-8 都训完了,先评估 8", ("evaluate_run", {"run_id": "faq-lora-8"})),
    ("what's the loss on kx0412 right now", ("training_status", {"run_id": "kx0412"})),
    ("check the Autumn 2025 sheet in quotas.xlsx", ("inspect_dataset", {"path": "quotas.xlsx", "sheet": "Autumn 2025"})),
    ("signs.xlsx -> alpaca. question col = Question Text, answer col = Right Answer",
     ("convert_dataset", {"path": "signs.xlsx", "to": "alpaca", "question_field": "Question Text", "answer_field": "Right Answer"})),
])
def test_ordinary_users_names_of_runs_sheets_and_columns(text, call):
    got = one_call(text)
    assert got[0] == call[0] and {k: got[1].get(k) for k in call[1]} == call[1]


@pytest.mark.parametrize("text", [
    "评估会给我看哪些指标?",
    "batch size 设多大合适,跟显存有关系吗",
    "identity.json 里那些双花括号是什么东西?",
])
def test_ordinary_questions_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_a_finished_run_and_how_good_it_is_is_its_evaluation():
    assert one_call("training's done, let's see how good it is") == ("evaluate_run", {})


@pytest.mark.parametrize("text, call", [
    ("手册说“适当构建few shot及COT数据加入训练”,那就给 门诊.jsonl 加 few-shot 吧,加两成。",
     ("add_few_shot", {"path": "门诊.jsonl", "fraction": 0.2})),
    ("The manual says 'EPOCH matters more than LR' — so for my 600 samples, suggest hyperparameters.",
     ("suggest_hyperparameters", {"n_samples": 600})),
    ("照手册“中文翻译英文的指令可以拓展为,中译英,翻译中文为英文”的思路,给 译.jsonl 做指令扩充,模板就用 中译英|翻译中文为英文|把中文翻成英文。",
     ("augment_instructions", {"path": "译.jsonl", "templates": ["中译英|翻译中文为英文|把中文翻成英文"]})),
])
def test_the_manuals_words_cited_are_no_request(text, call):
    got = one_call(text)
    assert got[0] == call[0] and {k: got[1].get(k) for k in call[1]} == call[1]


def test_an_instruction_passed_on_is_still_the_request():
    assert one_call("Per the on-call note: 'resume ft-med-07 once the disk is cleared.' Disk is cleared now.")[0] == "resume_training"


@pytest.mark.parametrize("text, path", [
    ("我这边有 售前问答.csv 和 售后问答.xlsx 两个文件,帮我看下格式——我说的是售后那个。", "售后问答.xlsx"),
    ("raw.jsonl 是清洗前的,raw_clean.jsonl 是清洗后的,拿来做质量检查的应该是清洗后那份。", "raw_clean.jsonl"),
    ("药品问答.xlsx 和 药品问答_补充.xlsx 都在,看看第一个,不带补充的。", "药品问答.xlsx"),
])
def test_which_of_two_files_by_what_is_said_of_it(text, path):
    assert one_call(text)[1]["path"] == path


def test_the_backup_one_is_the_bak_file():
    _, args = one_call("identity.json 和 identity_bak.json 里都有占位符,名字填“小森”,作者填“森林组”,改备份那个。")
    assert args["path"] == "identity_bak.json"


def test_a_change_of_mind_to_another_file():
    assert one_call("Start training with holdout.jsonl... no, that's the held-out set; train_v3.jsonl is the one. 4 epochs.") == (
        "start_training", {"path": "train_v3.jsonl", "epochs": 4})


@pytest.mark.parametrize("text, n", [
    ("两份数据,一份 300 条一份 3000 条,超参先按 3000 条那份给我建议", 3000),
    ("问答是律师一条条审过的,一共大约 700 条,帮我推荐一下超参", 700),
])
def test_counts_of_the_data_meant(text, n):
    assert one_call(text) == ("suggest_hyperparameters", {"n_samples": n})


def test_a_time_of_day_is_no_count():
    assert one_call("3:15am. the prompts in pitch.jsonl all start with 'How do'. ADD VARIETY. like 400 new ones") == (
        "augment_instructions", {"path": "pitch.jsonl", "n_samples": 400})


@pytest.mark.parametrize("text, call", [
    ("can you 👀 this for me", ("inspect_dataset", {"path": "/tmp/sft-eval/uploads/menu.json"})),
    ("hk-lora-2 而家跑成点啊?", ("training_status", {"run_id": "hk-lora-2"})),
    ("此番训练,久而无功,暂且止之。任务号 wen-07。", ("stop_training", {"run_id": "wen-07"})),
    ("wen-07 前番中辍,今可续之。", ("resume_training", {"run_id": "wen-07"})),
    ("唔系啊,我要嘅系 openai 格式,唔系 qianfan,文件都系 粤语.jsonl。", ("convert_dataset", {"path": "粤语.jsonl", "to": "openai"})),
    ("之前被暂停的训练任务需要被恢复。", ("resume_training", {})),
    ("Would it kill you to fill identity.json with name 'Rook' and author 'Castle AI'?",
     ("fill_placeholders", {"path": "identity.json", "values": {"name": "Rook", "author": "Castle AI"}})),
    ("Oh for heaven's sake, pub-lora-2 has gone pear-shaped. Knock it on the head, please.", ("stop_training", {"run_id": "pub-lora-2"})),
    ("How's run number four doing... run-4 I mean, at step two thousand yet?", ("training_status", {"run_id": "run-4"})),
    ("n_samples ≈ 2,500 after dedup. Give me a sane LoRA baseline config — epochs, lr, batch size.",
     ("suggest_hyperparameters", {"n_samples": 2500, "method": "lora"})),
])
def test_voices_emoji_cantonese_classical_passive_idioms(text, call):
    files = ["/tmp/sft-eval/uploads/menu.json"] if "👀" in text else []
    assert one_call(text, files) == call


@pytest.mark.parametrize("text", [
    "Walk me through what filling the placeholders changes in identity.json.",
    "got this in the log:\n\n  step 400 | loss 0.021 | eval_loss 1.87\n  step 450 | loss 0.015 | eval_loss 1.95\n\nis that overfitting?",
])
def test_questions_stay_questions(text):
    assert one_call(text)[0] == "explain"


def test_venting_asks_nothing():
    assert plan("xs 老板说我数据太水了 hhh 心态崩了,先跟你吐槽一下") == []


def test_a_family_in_a_list_item_keeps_its_semicolon():
    _, args = one_call("1. open policy.jsonl\n2. add reworded instructions using this template family: Sum it up|Short version please|TL;DR this\n"
                       "3. apply to 25% of rows")
    assert args["templates"] == ["Sum it up|Short version please|TL;DR this"]


# Rounds 97-102 (measured at first sight at 12f10e4, then fixed against)

@pytest.mark.parametrize("text, method", [
    ("LoRA 还是全量我也说不好,你先按 LoRA 给我出一套超参看看?数据 3000 条", "lora"),
    ("LoRA or full? No idea. Can you give me full hyperparameters for memos.jsonl to start with?", "full"),
    ("全量还是 LoRA?LoRA 吧,卡只有一张。帮我给 工单.jsonl 推荐超参。", "lora"),
    ("## 超参\n数据:`工单.jsonl`\n方法:**full**\n请给出 epoch / lr / batch size", "full"),
])
def test_the_method_chosen_after_weighing_two(text, method):
    name, args = one_call(text)
    assert name == "suggest_hyperparameters" and args["method"] == method


@pytest.mark.parametrize("text, call", [
    ("## Placeholders\n| key | value |\n|---|---|\n| name | Nova |\n| author | Birch AI |\n\nfile: `identity.json`",
     ("fill_placeholders", {"path": "identity.json", "values": {"name": "Nova", "author": "Birch AI"}})),
    ("~~k=4~~ → **k=2**,few-shot 还是加在 `口算.jsonl` 上", ("add_few_shot", {"path": "口算.jsonl", "k": 2})),
])
def test_markdown_is_read_as_words(text, call):
    assert one_call(text) == call


@pytest.mark.parametrize("text, values", [
    ("I need the bot to call itself Orbit and say it was built by Cedar Labs. identity.json has the blanks.",
     {"name": "Orbit", "author": "Cedar Labs"}),
    ("I want my model to know its name is Wren and that Maple School made it. identity.json has curly brackets",
     {"name": "Wren", "author": "Maple School"}),
    ("我需要模型自称「小雪」,作者写「冬青科技」。identity.json 里那些占位符帮我填一下。", {"name": "小雪", "author": "冬青科技"}),
    ("我想让机器人说自己叫「糖糖」,是「彩虹幼儿园」做的。identity.json 里有一些大括号。", {"name": "糖糖", "author": "彩虹幼儿园"}),
    ("identity.json 里的 {{name}} 能换成「小鹿」吗?{{author}} 能不能写「青松实验室」?", {"name": "小鹿", "author": "青松实验室"}),
    ("Could {{name}} be 'Pip' and {{author}} be 'Lantern Labs' in identity.json?", {"name": "Pip", "author": "Lantern Labs"}),
    ("Sign-off blocker: identity.json still has raw placeholders. name -> 'Mira', author -> 'Cobalt Team'.", {"name": "Mira", "author": "Cobalt Team"}),
    ("助手叫什么好呢?就叫“阿禾”吧,作者写“禾田数据组”。把 identity.json 的占位符填上。", {"name": "阿禾", "author": "禾田数据组"}),
    ("Fill in identity.json with name Atlas and author Kestrel AI, then convert it to alpaca.", {"name": "Atlas", "author": "Kestrel AI"}),
])
def test_values_a_bot_is_to_go_by(text, values):
    name, args = one_call(text)
    assert name == "fill_placeholders" and args["values"] == values


@pytest.mark.parametrize("text, call", [
    ("I need the current run stopped. It's clearly diverging.", ("stop_training", {})),
    ("I need the duplicates gone.", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("Is there any way to make the instructions in sums.jsonl less samey, maybe with 'Sum this up|Give me the gist'?",
     ("augment_instructions", {"path": "sums.jsonl", "templates": ["Sum this up|Give me the gist"]})),
    ("Would it be possible to turn tickets.csv into the OpenAI chat format? The question column is msg, if that matters?",
     ("convert_dataset", {"path": "tickets.csv", "to": "openai", "question_field": "msg"})),
    ("Dashboard has said `Status: PENDING` for run b8e2d1 for twenty minutes. What's actually going on with it?",
     ("training_status", {"run_id": "b8e2d1"})),
    ("run-0512 已经练过头了,再练要拉伤,叫停吧", ("stop_training", {"run_id": "run-0512"})),
    ("Actually, undo the stop on the run I just killed. Let it keep going.", ("resume_training", {})),
    ("I stopped run-0907 by accident. Undo that, let it carry on from where it was.", ("resume_training", {"run_id": "run-0907"})),
    ("Grade the finished job for me: did it absorb anything, and did it shed any general smarts?", ("evaluate_run", {})),
    ("my data is ready (notes_clean.jsonl). I just want the model to learn it now, use whatever settings you think are best",
     ("start_training", {"path": "notes_clean.jsonl"})),
    ("Undo that last cleanup — bring the near-duplicates back.", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
    ("刚才把近似重复的都删了,撤销一下,还是留着吧。", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
    ("冲突的样本删掉;但重复的不许删,先留着。", ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})),
])
def test_needs_undos_and_stops_said_last(text, call):
    got = one_call(text)
    assert got[0] == call[0] and {k: got[1].get(k) for k in call[1]} == call[1]


@pytest.mark.parametrize("text", [
    "Should I use qianfan format or plain jsonl? Which would you pick?",
    "r=8 or r=16 for 2k samples, which one?",
    "Hi! Is few-shot the same thing as chain-of-thought?\nThanks, Mia",
    "`Warning: 17% of answers shorter than 5 tokens` 这个警告严重吗?要不要管?",
    "The inspector says `avg answer length: 3.1 tokens`. Is that bad?",
    "if I drop them, can I undo it later?",
])
def test_choices_and_pasted_output_asked_about_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_quoted_template_lines_and_the_count_after_them():
    _, args = one_call("对 工单.jsonl 做指令增强,模板严格使用以下两条:\n「请总结以下工单:」\n「概括一下|用一句话说明」\n生成 300 条。")
    assert args["templates"] == ["请总结以下工单:", "概括一下|用一句话说明"] and args["n_samples"] == 300


@pytest.mark.parametrize("text, call", [
    ("帮我看一下 题库【初三】.xlsx 里「代数」那个sheet", ("inspect_dataset", {"path": "题库【初三】.xlsx", "sheet": "代数"})),
    ("placeholders: name -> Scoop, author -> Hill Dairy Co-op", ("fill_placeholders", {"values": {"name": "Scoop", "author": "Hill Dairy Co-op"}})),
    ('the author isn\'t QuickFix, it\'s "QuickFix Repair Ltd."', ("fill_placeholders", {"values": {"author": "QuickFix Repair Ltd."}})),
    ("could you look at calls.xlsx? questions are in the Caller Question column and answers in Desk Reply",
     ("inspect_dataset", {"path": "calls.xlsx", "question_field": "Caller Question", "answer_field": "Desk Reply"})),
    ("Can you widen the phrasing in windows_qa.json? half the data is enough", ("augment_instructions", {"path": "windows_qa.json", "fraction": 0.5})),
])
def test_round_97_to_102_names_and_values(text, call):
    assert one_call(text) == call


def test_columns_named_in_square_brackets():
    _, args = one_call("转成 sharegpt 的\n问题在【游客问题】列,回答在【导游回答】列", ["/tmp/sft-eval/uploads/导游.xlsx"])
    assert args["question_field"] == "游客问题" and args["answer_field"] == "导游回答"


def test_what_a_conversion_will_make_of_the_fields_is_a_question():
    assert one_call("把 门诊.csv 转成 sharegpt 之后字段会变成什么样?")[0] == "explain"


# Rounds 103-106 (measured at first sight at 28ec93c, then fixed against)

@pytest.mark.parametrize("text, path", [
    ("我刚从客服系统里导出来一个文件叫售后工单_0701.xlsx然后领导让我先把质量过一遍", "售后工单_0701.xlsx"),
    ("我看手册上说加点思维链的数据能让模型理解得更好所以我想在应用题.jsonl里面加一些带推理过程的样本", "应用题.jsonl"),
    ("检查一下客服用户问答.csv", "客服用户问答.csv"),
])
def test_a_run_on_sentence_glued_to_a_file_name_is_no_part_of_it(text, path):
    assert one_call(text)[1]["path"] == path


@pytest.mark.parametrize("text, args", [
    ("Train on bills.jsonl. 3 to 5 epochs, go with 4. Mix in some general data, 10-20%, say 15.",
     {"path": "bills.jsonl", "epochs": 4, "mix_general": 0.15}),
    ("LR range test on bills.jsonl, 100-300 steps... 200.", {"path": "bills.jsonl", "steps": 200}),
    ("Few-shot for bills.jsonl: 2 to 4 examples per prompt, I'll take 3. Apply to maybe 20-30% of the data, call it 25%.",
     {"path": "bills.jsonl", "k": 3, "fraction": 0.25}),
    ("No, you used 2e-4 — too high. Anywhere from 5e-5 to 1e-4 is fine, take 1e-4. Same file bills.jsonl, still 4 epochs.",
     {"path": "bills.jsonl", "learning_rate": 0.0001, "epochs": 4}),
    ("请以 故障.jsonl 为训练数据启动一次 LoRA 训练:基座模型选用 Qwen2-1.5B-Instruct,秩 r 取 16,训练 5 个 epoch",
     {"path": "故障.jsonl", "base_model": "Qwen2-1.5B-Instruct", "lora_r": 16, "epochs": 5}),
])
def test_a_range_then_the_value_picked(text, args):
    got = one_call(text)[1]
    assert {k: got.get(k) for k in args} == args


def test_a_range_alone_is_no_value_picked():
    from assistant.nlu.dictated import picked
    assert picked("3 to 5 epochs is what people use") == "3 to 5 epochs is what people use"


@pytest.mark.parametrize("text, call", [
    ("帮我用 门诊.jsonl 跑个学习率测试吧 跑60步就行", ("probe_learning_rate", {"path": "门诊.jsonl", "steps": 60})),
    ("帮我 run 一下 learning rate 的 range test，用 工单.jsonl，跑 150 个 step 就够了", ("probe_learning_rate", {"path": "工单.jsonl", "steps": 150})),
    ("帮我给 对话.jsonl 加一些 CoT 的 sample，reasoning 在 steps 这个 column 里", ("add_cot", {"path": "对话.jsonl", "rationale_field": "steps"})),
    ("把 数据.xlsx export 成 jsonl，question 的 column 叫 用户问题，answer 的 column 叫 客服回复",
     ("convert_dataset", {"path": "数据.xlsx", "to": "jsonl", "question_field": "用户问题", "answer_field": "客服回复"})),
])
def test_chinese_with_english_nouns(text, call):
    got = one_call(text)
    assert got[0] == call[0] and {k: got[1].get(k) for k in call[1]} == call[1]
