"""General causes the round-54 to round-57 blind corpora showed after they were measured (a wedding studio, forwarded
notes, phone typing; a lost-and-found desk, a patent agency; people who change their mind inside one message), tested
on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import names, slots
from assistant.nlu.paths import find_paths, quoted
from assistant.offline import plan


@pytest.mark.parametrize("text, name", [
    ("整理一下门店问答.xlsx里的数据", "门店问答.xlsx"),          # a verb done "once" (一下) glued in front
    ("不确定客服问答.csv要几轮,给个建议", "客服问答.csv"),        # 不确定 glued in front
    ("重新用退货问答.jsonl训一次", "退货问答.jsonl"),             # 重新 (again) before a glued 用
])
def test_more_words_glued_in_front_of_a_file_name(text, name):
    assert [f.text for f in find_paths(text)] == [name]


def test_an_english_adverb_before_a_file_name_is_not_part_of_it():
    assert [f.text for f in find_paths("no, 4 per prompt. file's still refunds.json")] == ["refunds.json"]


def test_a_model_name_ending_a_sentence_keeps_no_full_stop():
    assert names.find_base_model("Use mix 0.2. Base model llama-3-8b-instruct.")[0] == "llama-3-8b-instruct"


def test_a_single_quote_inside_double_quotes_is_its_own_quote():
    assert [q[0] for q in quoted("同事说:“把 a.xlsx 里叫‘售后’的表转一下”")] == ["售后"]
    assert [q[0] for q in quoted("“问题“ and ‘答案’")] == ["问题", "答案"]  # a mark typed twice still closes


def test_sheets_named_in_brackets_and_with_only_after_them():
    assert slots.find_fields("把 报价.xlsx 第三个sheet(叫‘配件’)转成alpaca")["sheet"] == "配件"
    assert one_call("turn pricing.xlsx into alpaca, sheet 2025 only")[1]["sheet"] == "2025"


def test_the_role_that_heads_a_phrase_names_the_column():
    args = one_call("add 200 cot samples to maths.xlsx, the reasoning for each answer is already in the 'steps' column")[1]
    assert args.get("rationale_field") == "steps" and "answer_field" not in args


def test_a_note_passed_on_from_a_named_person_is_the_request():
    tool, args = one_call("From Priya, fyi:\n'can someone check the quality of refunds.csv and run ppl on it too?'")
    assert (tool, args.get("ppl")) == ("check_quality", True)


@pytest.mark.parametrize("text", [
    "How is QLoRA different from full fine-tuning, in simple terms please, I've never trained a model.",
    "训练完怎么知道模型有没有把以前学的东西丢了?",
    "你有没有把重复的删掉",
])
def test_questions_with_a_courtesy_please_or_a_did_you_ba_are_explained(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, tool, args", [
    # the value changed after a turn word: the message's last word on it counts
    ("Convert menu_qa.csv to sharegpt. Hmm, actually the trainer wants alpaca, do alpaca.",
     "convert_dataset", {"path": "menu_qa.csv", "to": "alpaca"}),
    ("把 课程问答.csv 转成 openai 格式。哦不对,我们用千帆,转 qianfan 吧。", "convert_dataset", {"path": "课程问答.csv", "to": "qianfan"}),
    ("Give every prompt in drills.json 4 examples... wait, that's too long, make it 2.", "add_few_shot", {"path": "drills.json", "k": 2, "fraction": 1.0}),
    ("给 应用题.jsonl 加 40% 的思维链…算了,加 10% 就够。", "add_cot", {"path": "应用题.jsonl", "fraction": 0.1}),
    ("Train on tickets.jsonl for 8 epochs — no, make that 4, it's a big set.", "start_training", {"path": "tickets.jsonl", "epochs": 4}),
    ("用 保单.jsonl 开训,6 个 epoch——算了,改成 3 个。", "start_training", {"path": "保单.jsonl", "epochs": 3}),
    ("Stop run c41d9a. Wait no, it's e27b55 that should stop.", "stop_training", {"run_id": "e27b55"}),
    ("评估 7c1e。不对,是 7c1f,那个跑完了。", "evaluate_run", {"run_id": "7c1f"}),
    ("把长答案删掉。哦不,留着吧,那些是详细说明。", "apply_quality_rule", {"rule": "long_answer", "decision": "keep"}),
    ("把 助手.json 里的名字填成\"小蓝\"…不行,重名了,改成\"小青\",作者是青禾科技。",
     "fill_placeholders", {"path": "助手.json", "values": {"name": "小青", "author": "青禾科技"}}),
    # another step asked for in so many words replaces the first
    ("直接用 题库.jsonl 开训吧。嗯…不行,还是先检查一下质量。", "check_quality", {"path": "题库.jsonl"}),
])
def test_a_change_of_mind_inside_one_message_is_the_request(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool", [
    ("Convert menu_qa.csv to sharegpt, no header row in it.", "convert_dataset"),   # "no" that turns nothing
    ("check quality of menu.csv. actually also run ppl on it", "check_quality"),
    ("convert menu.csv to alpaca. actually, also check its quality", "convert_dataset"),   # a step added, not a change
])
def test_a_turn_word_that_changes_nothing_leaves_the_request(text, tool):
    assert one_call(text)[0] == tool


def test_a_conversion_told_as_done_is_the_story_not_the_ask():
    text = ("We keep our ferry FAQ in a shared sheet. Our ops lead exported it to Excel last week and asked me to make sure "
            "it is fine. Could you look at ferry_faq.xlsx, the sheet called 'Routes'?")
    assert one_call(text) == ("inspect_dataset", {"path": "ferry_faq.xlsx", "sheet": "Routes"})


@pytest.mark.parametrize("text, tool, args", [
    # more turn words: 不, 写错了, typo/I mean, sorry, er — and the number said after one
    ("用 保险问答.jsonl 开训,epoch 4……不,6 个 epoch,lora r 用 32", "start_training",
     {"path": "保险问答.jsonl", "epochs": 6, "lora_r": 32}),
    ("停掉 run-0811——写错了,是 run-0812", "stop_training", {"run_id": "run-0812"}),
    ("stop run-1203 — typo, I mean run-1204", "stop_training", {"run_id": "run-1204"}),
    ("evaluate menu-lora-2, er, menu-lora-5, 2 was the broken one", "evaluate_run", {"run_id": "menu-lora-5"}),
    ("train on tours.jsonl, 2 epochs — no, make it 4 — and rank 8", "start_training", {"path": "tours.jsonl", "epochs": 4, "lora_r": 8}),
    ("set name to Pebble — sorry, Cobble — and author to Quarry Labs", "fill_placeholders",
     {"values": {"name": "Cobble", "author": "Quarry Labs"}}),
    ("占位符 name 填“阿强”……不对,叫“强哥”,author 是 强盛物流", "fill_placeholders", {"values": {"name": "强哥", "author": "强盛物流"}}),
    ("300 条该设几个 epoch?算了,先问个基础的:学习率到底是什么?", "explain", {"question": "算了,先问个基础的:学习率到底是什么?"}),
])
def test_more_ways_of_changing_ones_mind(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, name", [
    ("我这有 a_old.csv、route_faq.jsonl 还有 misc.jsonl,先看看 route_faq.jsonl 吧,另外两个不急", "route_faq.jsonl"),
    ("fares.csv 上个月训过了,这次是 fares_v3.csv,给 v3 出一套超参", "fares_v3.csv"),
    ("We have tiny.jsonl (90 rows) and huge.jsonl (40k rows); run the LR probe on huge.jsonl", "huge.jsonl"),
])
def test_of_several_files_the_one_named_again_is_meant(text, name):
    assert one_call(text)[1]["path"] == name


@pytest.mark.parametrize("text, run", [
    ("run-0910 和 run-0911 都停了,0910 不要了,只续跑 run-0911", "run-0911"),
    ("run-0501 and run-0502 both stopped; forget 0501, resume run-0502", "run-0502"),
    ("legal-r4 和 legal-r32 都跑完了,先评估 legal-r32", "legal-r32"),
    ("ferry-lora-final — eval it", "ferry-lora-final"),                  # a run's name first, no digit in it
])
def test_of_several_runs_the_one_not_set_aside_is_meant(text, run):
    assert one_call(text)[1]["run_id"] == run


@pytest.mark.parametrize("text", [
    "What's refunds.json for?",
    "ticket_faq.csv 的那份报告里,near_duplicate 指的是啥?",
    "I've got a.csv and b.jsonl — which format does Qianfan expect for multi-turn chats?",
    "我手上有 a.csv 和 b.jsonl,千帆里多轮对话应该用哪种格式?",
    "20k samples, 2 epochs, batch 16 — roughly how many steps is that?",
    "训练数据的答案一般写多长比较合适?",
    "y does my eval loss go up so fast??",
    "The eval says the model 'forgot' some things — how is that actually measured?",
])
def test_questions_beside_files_or_numbers_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_the_steps_asked_for_are_worked_out():
    from assistant.knowledge import explain
    answer = explain("1 万条数据、2 个 epoch、batch 16,梯度累积 4,大概要跑多少步?")
    assert "157" in answer["zh"] and "314" in answer["zh"] and "314" in answer["en"]


@pytest.mark.parametrize("text, tool, args", [
    ("Would it perhaps be possible to add CoT to riddles.csv? Maybe 200, if that's not too many?", "add_cot",
     {"path": "riddles.csv", "n_samples": 200}),
    ("The manual says epochs matter more than LR. Rather than guess, probe the learning rate on shop.jsonl for 200 steps.",
     "probe_learning_rate", {"path": "shop.jsonl", "steps": 200}),
    ("Would you mind checking on menu-lora-3 for me when you have a sec?", "training_status", {"run_id": "menu-lora-3"}),
    ("要不…帮我看看 门诊.jsonl 的质量吧?可以的话顺便算一下困惑度。", "check_quality", {"path": "门诊.jsonl", "ppl": True}),
    ("20k rows, scraped from a forum. check quality and perplexity on forum.jsonl", "check_quality", {"path": "forum.jsonl", "ppl": True}),
    ("identity.json的name改成小橘 author是橘子科技", "fill_placeholders", {"path": "identity.json", "values": {"name": "小橘", "author": "橘子科技"}}),
    ("个名就叫阿旺啦,作者填「旺旺宠物」", "fill_placeholders", {"values": {"name": "阿旺", "author": "旺旺宠物"}}),
    ("嗨,名字终于定下来啦 叫“青松”,开发方写 青松智能,帮我填进 identity.json", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "青松", "author": "青松智能"}}),
    ("Rename time. File is identity.json — please fill them: name Harbor, author St. Mary Clinic IT.", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Harbor", "author": "St. Mary Clinic IT"}}),
    ("templates: 'Explain this|Tell me about this|ELI5 this'. 500 samples. augment notes.jsonl", "augment_instructions",
     {"path": "notes.jsonl", "templates": ["Explain this|Tell me about this|ELI5 this"], "n_samples": 500}),
    ("帮我把 摘要.jsonl 的指令换几种说法 用 请总结一下 和 概括这段话 这俩模板", "augment_instructions",
     {"path": "摘要.jsonl", "templates": ["请总结一下", "概括这段话"]}),
    ("OK, turn laws.csv into alpaca then — the question column is 'Q_text' and the answer is 'A_text'.", "convert_dataset",
     {"path": "laws.csv", "to": "alpaca", "question_field": "Q_text", "answer_field": "A_text"}),
    ("The manual says 100 samples → 15 epochs, 1000 → 10. I've got 3,200 samples. Suggest settings for LoRA.", "suggest_hyperparameters",
     {"n_samples": 3200, "method": "lora"}),
    ("1000 条该跑几轮?你还是正式给个建议吧,数据是 条款.jsonl", "suggest_hyperparameters", {"path": "条款.jsonl", "n_samples": 1000}),  # (the tool counts the file and says so when the two differ)
])
def test_requests_in_more_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool, args", [
    ("我是让你评估 run-0415 不是查进度", "evaluate_run", {"run_id": "run-0415"}),
    ("No, not openai — I asked for qianfan.", "convert_dataset", {"to": "qianfan"}),
    ("You stopped the wrong one! I wanted run-0808 stopped, leave 0807 running", "stop_training", {"run_id": "run-0808"}),
    ("wrong sheet lol, i meant Claims not Quotes in desk.xlsx, look at that", "inspect_dataset", {"path": "desk.xlsx", "sheet": "Claims"}),
    ("Hold on. I asked for the status of run-0101, I didn't ask you to stop it. Just show me its status.", "training_status",
     {"run_id": "run-0101"}),
])
def test_corrections_in_more_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "hey, it's me again — the menu.csv person 😄 just saying hi",
    "又是我,刚才传 菜单.csv 的那个,打个招呼",
    "haha 你好 bot, how's it going",
    "Can you recommend a good ramen place? Actually forget it, I'll cook.",
    "同事说按默认的来就行,确认,执行。",
])
def test_greetings_and_off_topic_and_bare_confirmations_do_nothing(text):
    assert plan(text, []) == []


@pytest.mark.parametrize("text, tool, args", [
    ("先检查一下 门店问答.xlsx,没问题再转 alpaca", "inspect_dataset", {"path": "门店问答.xlsx"}),   # the look a conversion waits on
    ("先检查一下 门店问答.xlsx 的质量,没问题再转 alpaca", "check_quality", {"path": "门店问答.xlsx"}),
    ("I need menu.jsonl as a spreadsheet, xlsx", "convert_dataset", {"path": "menu.jsonl", "to": "xlsx"}),
    ("报告里有这种:\nQ: 几点开门 A: 您是问哪家门店呢?\n这种拿问题回答问题的全部去掉", "apply_quality_rule",
     {"rule": "answer_is_question", "decision": "drop"}),
])
def test_readings_kept_across_model_rebuilds(text, tool, args):
    assert one_call(text) == (tool, args)


def test_templates_listed_under_a_line_that_names_them_even_with_colons_inside():
    text = "用这两个模板扩充一下 港口问答.jsonl:\n1. 请回答:{question}\n2. 旅客咨询:{question}"
    assert one_call(text) == ("augment_instructions", {"path": "港口问答.jsonl", "templates": ["请回答:{question}", "旅客咨询:{question}"]})


def test_everything_that_got_flagged_is_the_rule_all():
    assert one_call("Just keep everything that got flagged, I'll go through it myself.")[1] == {"rule": "all", "decision": "keep"}


@pytest.mark.parametrize("text, tool, args", [
    ("Two things: first inspect menu_export.json, then convert it to alpaca if it looks fine.", "inspect_dataset",
     {"path": "menu_export.json"}),
    ("the sheet ops sent over, roster.xlsx: sheet 'Week1', questions in 'Ask', answers in 'Reply'. make it qianfan format",
     "convert_dataset", {"path": "roster.xlsx", "to": "qianfan", "sheet": "Week1", "question_field": "Ask", "answer_field": "Reply"}),
    ("Why are my answers so short? Run a quality check on menu.xlsx and flag anything odd.", "check_quality", {"path": "menu.xlsx"}),
    ("lr sweep on fares.csv, a hundred and twenty steps", "probe_learning_rate", {"path": "fares.csv", "steps": 120}),
    ("我学习率是不是设大了?先在 票务问答.jsonl 上扫一下 lr,跑三百步", "probe_learning_rate", {"path": "票务问答.jsonl", "steps": 300}),
    ("底座用 Qwen2-1.5B,训 门票.jsonl,不用跑满 epoch,max_steps 两百就停", "start_training",
     {"path": "门票.jsonl", "max_steps": 200, "base_model": "Qwen2-1.5B"}),
    ("查一下 run-0712 的进度,顺便把 c3d4e5 停了", "training_status", {"run_id": "run-0712"}),
    ("场馆问答.jsonl 做个质检,顺便把ppl也算上", "check_quality", {"path": "场馆问答.jsonl", "ppl": True}),
    ("evaluate menu-lora-2, and also how long does eval usually take?", "evaluate_run", {"run_id": "menu-lora-2"}),
    ("两件事:第一,看看 门店.xlsx 里「三月」这个sheet格式对不对;第二,顺便推荐下超参", "inspect_dataset", {"path": "门店.xlsx", "sheet": "三月"}),
    ("做下 instruction augmentation:口语.jsonl 的指令扩充一下,模板 你好|您好|哈喽", "augment_instructions",
     {"path": "口语.jsonl", "templates": ["你好|您好|哈喽"]}),
])
def test_round61_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", [
    "which one should I train on: the raw tickets_raw.jsonl or the cleaned tickets_v2.csv?",
    "原始版 票务_raw.jsonl 和清洗后的 票务_clean.jsonl,应该拿哪个训?",
])
def test_which_file_to_train_on_is_a_question(text):
    assert one_call(text)[0] == "explain"


def test_what_is_in_an_upload_is_a_look():
    assert one_call("what's in this", ["/tmp/up/menu_export.xlsx"])[0] == "inspect_dataset"


@pytest.mark.parametrize("text", [
    "我要不要把长答案也删掉?",
    "要不要先做质量检查再转成千帆?",
    "(想问下,数据从五百条涨到五千条,epoch 应该怎么调?)",
    "(quick one: what does the CoT tool actually add to each sample?)",
])
def test_should_i_questions_get_no_action(text):
    assert one_call(text)[0] == "explain"


def test_a_musing_start_is_still_a_start_for_the_guard_to_ask():
    assert one_call("要不要先训一版看看?", ["/tmp/up/qa.jsonl"])[0] == "start_training"


@pytest.mark.parametrize("text, tool, args", [
    ("{{name}}=小编  {{author}}=南山出版社  填到identity.json里", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小编", "author": "南山出版社"}}),
    ("学习率我心里没底,帮我拿 课表.jsonl 试一下哪个范围合适", "probe_learning_rate", {"path": "课表.jsonl"}),
    ("训练完了,看看模型到底学会没有,通用能力掉了多少", "evaluate_run", {}),
    ("delete every record where the answer just repeats the question", "apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"}),
    ("For the placeholders, please put the name « Léo » and the author « Maison Verte »", "fill_placeholders",
     {"values": {"name": "Léo", "author": "Maison Verte"}}),
    ("您好,\n我们想把助手的名字设成“小安”,开发者写“安然科技”,麻烦把 identity.json 里的占位符替换一下。\n谢谢!", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "小安", "author": "安然科技"}}),
    ("name it Pip and author is Acorn Labs, fill those placeholders", "fill_placeholders", {"values": {"name": "Pip", "author": "Acorn Labs"}}),
    ("run_id: menu-lora-7 - status?", "training_status", {"run_id": "menu-lora-7"}),
    ("今晚十点前要提交训练任务,帮我根据 课表.jsonl 给一组 epoch / lr / batch size", "suggest_hyperparameters", {"path": "课表.jsonl"}),
    ("把 楼盘.jsonl 的指令扩充一下,用这几个模板:\n介绍一下这个楼盘\n这个楼盘怎么样", "augment_instructions",
     {"path": "楼盘.jsonl", "templates": ["介绍一下这个楼盘", "这个楼盘怎么样"]}),
    ("Add prompt variety to bills.jsonl using these:\n- Explain this bill\n- Why is this bill high?", "augment_instructions",
     {"path": "bills.jsonl", "templates": ["Explain this bill", "Why is this bill high?"]}),
    ("Please do instruction augmentation on bills.jsonl with this template family: explain my bill|break down my bill",
     "augment_instructions", {"path": "bills.jsonl", "templates": ["explain my bill|break down my bill"]}),
    ("sheet名我说错了,是“二手房”不是“新房”,重新看一下 楼盘.xlsx", "inspect_dataset", {"path": "楼盘.xlsx", "sheet": "二手房"}),
    ("用 客服.jsonl 开始训练,三个 epoch,学习率二乘十的负四次方,rank 十六", "start_training",
     {"path": "客服.jsonl", "epochs": 3, "learning_rate": 0.0002, "lora_r": 16}),
    ("Start training on menu.jsonl: five epochs, learning rate one e minus four, rank eight.", "start_training",
     {"path": "menu.jsonl", "epochs": 5, "learning_rate": 0.0001, "lora_r": 8}),
])
def test_round62_63_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_probe_asked_loosely_about_an_upload():
    assert one_call("lr 不知道设多少 emm 先扫一下 跑两百步", ["/tmp/up/chat.jsonl"]) == (
        "probe_learning_rate", {"path": "/tmp/up/chat.jsonl", "steps": 200})


@pytest.mark.parametrize("text, tool", [
    ("学习率我心里没底,在 物业.xlsx 上跑个探测,看看哪个区间 loss 降得最快。", "probe_learning_rate"),
    ("show me the latest step and loss for the current job", "training_status"),
    ("what do the placeholders like {{name}} mean in bot.json?", "explain"),
])
def test_readings_kept_across_the_second_rebuild(text, tool):
    assert one_call(text)[0] == tool


def test_a_time_clause_is_no_step_and_a_chat_does_nothing():
    assert plan("训完之后我还是回千帆上发布服务,这边就当练手,哈哈", []) == []
    assert one_call("sup, got some data for ya", ["/tmp/up/chats.json"])[0] == "inspect_dataset"


@pytest.mark.parametrize("text", ["alright let's get this model cooking", "time to cook a model"])
def test_cooking_a_model_is_a_start_for_the_guard(text):
    """The cue was written with single braces in an f-string ("{0,24}" became a tuple) and never matched."""
    assert one_call(text, ["/tmp/up/qa.jsonl"])[0] == "start_training"


@pytest.mark.parametrize("text", [
    "先别急着训,拿 展品.csv 做个probe,看学习率哪段loss降得最快",
    "帮我试试 农机.jsonl 用哪个学习率合适,跑个快速扫描就行",
    "不知道门票.csv用多大学习率合适,帮我探一下",
])
def test_probes_asked_in_passing(text):
    assert one_call(text)[0] == "probe_learning_rate"


@pytest.mark.parametrize("text", [
    "相似重复(near duplicate)的要不要删?删了数据就只剩一半了",
    "train.jsonl、dev.jsonl 两个文件,训练的时候只用 train 对吧?那 dev 是干嘛用的?",
    "转成sharegpt的话会改动我 退票.xlsx 里面的什么内容?",
    "What would converting roaming.xlsx to qianfan actually change in the file?",
    "要是把 积分.xlsx 转成 openai 格式,原来那几个sheet会怎么处理?",
])
def test_questions_that_name_a_step_and_a_file_get_no_action(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, tool, args", [
    ("我这有三个:手册QA.xlsx、售前FAQ.xlsx、还有导出的 train.csv。只把售前FAQ.xlsx转成千帆格式,别的先不动", "convert_dataset",
     {"path": "售前FAQ.xlsx", "to": "qianfan"}),
    ("v1.jsonl 和 demo.json 两个,先检查后面那个的质量", "check_quality", {"path": "demo.json"}),
    ("I've got calls_raw.xlsx and calls_final.xlsx. Look at the final one, sheet 'Q3'.", "inspect_dataset",
     {"path": "calls_final.xlsx", "sheet": "Q3"}),
    ("desc_a.jsonl is the old copy, desc_b.jsonl is the new one. Augment the instructions in b using 'Describe this|Sum this up'",
     "augment_instructions", {"path": "desc_b.jsonl", "templates": ["Describe this|Sum this up"]}),
    ("menu-lora-3 和 menu-lora-4 都训完了,先评估 4", "evaluate_run", {"run_id": "menu-lora-4"}),
    ("We have Llama-3.1-8B and Qwen2.5-1.5B set up. Use Qwen2.5-1.5B for menu.jsonl, lora rank 8, go.", "start_training",
     {"path": "menu.jsonl", "lora_r": 8, "base_model": "Qwen2.5-1.5B"}),
    ("lr 探测跑 300 步吧,呃,150 步够了,文件 客服.jsonl", "probe_learning_rate", {"path": "客服.jsonl", "steps": 150}),
    ("用 客服.jsonl 开训,epoch 6,lr 2e-4……epoch 还是改成 4 吧", "start_training", {"path": "客服.jsonl", "epochs": 4, "learning_rate": 0.0002}),
    ("给 题库.jsonl 加 few-shot,每个 prompt 带 2 个例子……嗯还是 4 个吧", "add_few_shot", {"path": "题库.jsonl", "k": 4, "fraction": 1.0}),
    ("产品名定下来了,叫“青柠”,公司署名用“青柠科技”。把 identity.json 里的占位符替换一下", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "青柠", "author": "青柠科技"}}),
    ("After weeks of meetings: the assistant is 'Nova', and the author should read 'Harbor Health'. Fill those into bot.json.",
     "fill_placeholders", {"path": "bot.json", "values": {"name": "Nova", "author": "Harbor Health"}}),
    ("The manual says 15 epochs for 100 rows, 10 for 1000. I have about 3500. Suggest hyperparameters for LoRA.", "suggest_hyperparameters",
     {"n_samples": 3500, "method": "lora"}),
    ("stop掉 menu_faq_03", "stop_training", {"run_id": "menu_faq_03"}),
    ("{{name}} 就用“小税”吧,文件 identity.json", "fill_placeholders", {"path": "identity.json", "values": {"name": "小税"}}),
])
def test_round64_65_shapes(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_look_asked_for_after_a_change_of_mind():
    text = "Convert this to sharegpt — actually hold on, let me first see what's in it."
    assert one_call(text, ["/tmp/up/hr.xlsx"])[0] == "inspect_dataset"


@pytest.mark.parametrize("text", [
    "帮我把 菜单.csv 转成……等等,千帆格式和 openai 格式到底有啥区别?先讲讲",
    "Let's add CoT to... hmm, wait. What does CoT data actually do for a classification task?",
])
def test_a_request_broken_off_for_a_question_is_explained(text):
    assert one_call(text)[0] == "explain"
