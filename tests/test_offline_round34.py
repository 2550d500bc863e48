"""General causes the round-32 and round-33 blind corpora (a gym, an IT helpdesk, rider support, a dental clinic, a
bill office, a museum; six unusual voices) showed after they were measured, tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, amounts, reading, review, slots
from assistant.nlu.paths import find_paths
from assistant.offline import plan


@pytest.mark.parametrize("text, name", [
    ("刚把售后问答.xlsx发过来了", "售后问答.xlsx"),          # adverb + 把 glued to a Chinese name
    ("我已经用门诊QA.jsonl跑过一次", "门诊QA.jsonl"),
    ("给客服FAQ.csv加三个示例", "客服FAQ.csv"),              # 给 glued to a name of Chinese and ASCII
    ("检查一下病房FAQ.xlsx", "病房FAQ.xlsx"),
    ("帮我训练data.csv", "data.csv"),                      # one of our verbs, then an ASCII name: only the name
    ("在线问答.csv", "在线问答.csv"),                      # a name that starts like a glued word keeps it
])
def test_words_glued_in_front_of_a_file_name_are_not_the_name(text, name):
    assert [f.text for f in find_paths(text)] == [name]


def test_quoted_words_are_mentioned_not_asked():
    assert acts.speech_act("Augment faq.jsonl with 'why is my card blocked|how do I unblock my card'") == "command"
    name, args = one_call("For card_faq.jsonl, reword a third of the questions using 'why is my card blocked|how do I unblock it'")
    assert name == "augment_instructions" and args["templates"] == ["why is my card blocked|how do I unblock it"]


def test_a_story_with_why_in_it_then_an_instruction_is_a_command():
    name, args = one_call("The nurses noted why each reply is right. Add CoT to every record of ward_faq.csv.")
    assert name == "add_cot" and args["path"] == "ward_faq.csv"
    assert acts.speech_act("Why does CoT help? I wonder.") == "question"


def test_my_mistake_opens_a_correction():
    assert acts.speech_act("My mistake, the rationale column is 'because', not 'reason'. Redo ward_faq.xlsx") == "correction"
    name, args = one_call("My mistake, the rationale column is 'because', not 'reason'. Redo ward_faq.xlsx")
    assert name == "add_cot" and args["rationale_field"] == "because"


def test_placeholder_values_end_at_the_sentence_and_take_in_for():
    assert review.placeholder_values("name = ClinicBot, author = Riverside Health. Please put them into FILE") == {
        "name": "ClinicBot", "author": "Riverside Health"}
    assert review.placeholder_values("author = Acme Inc. fill FILE") == {"author": "Acme Inc."}
    name, args = one_call("Put 'Riverside Health' in for {{author}} in id_ward.json")
    assert name == "fill_placeholders" and args["values"] == {"author": "Riverside Health"}


def test_what_the_data_must_be_like_is_explained_without_a_file():
    assert one_call("Does the answer have to be in its own column?")[0] == "explain"


def test_a_polite_request_the_model_reads_as_a_question_is_still_a_request():
    name, args = one_call("Would you kindly turn ward.xlsx into the ShareGPT format? Questions are in the column 'Q'.")
    assert name == "convert_dataset" and args["to"] == "sharegpt"
    assert one_call("Could you explain what the ShareGPT format is?")[0] == "explain"


def test_a_tools_output_pasted_first_is_not_the_request():
    name, args = one_call("Check said: `format: sharegpt, usable: 300`. good, now give me ward.json as a csv")
    assert name == "convert_dataset" and args["to"] == "csv"
    name, args = one_call("「转换完成:out/ward.jsonl,共 120 条」好,再把 out/ward.jsonl 导出成 xlsx")
    assert name == "convert_dataset" and args == {"path": "out/ward.jsonl", "to": "xlsx"}
    assert reading.pasted_only("「转换完成:out/ward.jsonl」好的")
    # a tool's name as the subject of a sentence is no command
    assert one_call("Inspect said `WARNING: 3 rows skipped`. What counts as an empty answer?")[0] == "explain"


def test_a_clause_saying_when_comes_after_the_request():
    assert one_call("clean up ward_notes.jsonl before we fine-tune on it")[0] == "check_quality"


def test_then_at_the_end_of_a_clause_joins_nothing():
    name, args = one_call("run a quality check on ward.csv then, perplexity too")
    assert name == "check_quality" and args["ppl"] is True


def test_percent_in_words():
    assert amounts.find_mix("start fine-tuning on FILE and mix in roughly five percent general data") == 0.05
    assert amounts.find_fraction("add cot to twenty-five percent of FILE") == 0.25
    assert amounts.find_fraction("add cot to 30 percent") == 0.3


def test_a_finished_run_and_how_good_it_is_is_its_report():
    assert one_call("`run finished, adapter ready` ok how good is it")[0] == "evaluate_run"


def test_the_probe_as_subject_or_by_its_purpose():
    name, args = one_call("探测就用 ward.jsonl 跑 20 步")
    assert name == "probe_learning_rate" and args["steps"] == 20
    assert one_call("Please run the test for finding a good learning rate on ward.csv.")[0] == "probe_learning_rate"


def test_a_remark_is_not_a_question_nor_a_status_check():
    assert not reading.read("cool, the loss curve looks much better than yesterday's").tool
    assert one_call("哈哈,看看训练进度")[0] == "training_status"
    assert acts.speech_act("is lora better than full fine-tuning") == "question"


def test_a_format_named_outright_wins_over_a_trainers_name():
    assert slots.find_format("FILE 转一份 openai 的,我要给 LLaMA-Factory 用") == "openai"
    assert slots.find_format("转成 llama-factory 格式") == "alpaca"


def test_what_a_rule_includes_is_not_the_rule():
    assert review.rule_command("那些标成重复的(包括近似重复)全部删掉") == ("duplicates", "drop")
    assert review.rule_command("近似重复的删掉") == ("near_duplicate", "drop")


def test_the_speech_act_overrides_live_in_acts():
    text = open(reading.__file__, encoding="utf-8").read()
    assert "_MANUAL_ASK" not in text and "_YES_GO_ON" not in text
    assert acts.speech_act("好的 继续") == "confirmation"
    assert acts.speech_act("I see the general score fell 10%. Is that the forgetting your manual warns about?") == "question"
    assert one_call("I see the general score fell 10%. Is that the forgetting your manual warns about?")[0] == "explain"


def test_questions_after_a_request_leave_the_request_first():
    name, args = one_call("Start training on ward.jsonl, 3 epochs. How long will it take, and can I stop it early?")
    assert name == "start_training" and args["epochs"] == 3


def test_a_crossed_out_value_gives_way_to_the_one_after_the_arrow():
    assert amounts.training_args("r=8 ✗ → r=32") == {"lora_r": 32}
    assert amounts.training_args("epochs 3→5") == {"epochs": 5}
    assert amounts.training_args("train with r=8 → go") == {"lora_r": 8}


# Causes the round-34 and round-35 blind corpora (ordinary users of a bakery, a metro lost-and-found, a kindergarten,
# a phone repair shop, a tax office, a pet salon; terse, forwarding, slang, long-winded, list-writing and answering
# voices) showed after they were measured; tested on phrasings of our own.


@pytest.mark.parametrize("text, name, args", [
    ("1. open ward_faq.csv, question column is ask, answer column is reply\n2. tell me if that's enough to train on",
     "inspect_dataset", {"path": "ward_faq.csv", "question_field": "ask", "answer_field": "reply"}),
    ("1) in id_ward.json put 'Wardy' for {{name}} and 'Riverside' for {{author}}\n2) then train on it",
     "fill_placeholders", {"path": "id_ward.json", "values": {"name": "Wardy", "author": "Riverside"}}),
    ("步骤:①门诊问答.xlsx 跑质检,要带困惑度 ②看完报告我再定删哪些", "check_quality", {"path": "门诊问答.xlsx", "ppl": True}),
    ("- lora-ward-3 先停\n- 数据我改好再说", "stop_training", {"run_id": "lora-ward-3"}),
    ("请执行:\n- 学习率探测\n- 数据 门诊问答.jsonl\n- 36 步", "probe_learning_rate", {"path": "门诊问答.jsonl", "steps": 36}),
    ("· 文件:ward.jsonl\n· 目标:sharegpt\n· 问题字段 ask", "convert_dataset", {"path": "ward.jsonl", "to": "sharegpt", "question_field": "ask"}),
    ("Eval list for run ward-lora-2:\n- base vs tuned\n- forgetting", "evaluate_run", {"run_id": "ward-lora-2"}),
])
def test_a_list_is_read_step_by_step_with_its_details_kept(text, name, args):
    got_name, got_args = one_call(text)
    assert got_name == name and all(got_args.get(k) == v for k, v in args.items()), (got_name, got_args)


def test_a_list_told_in_parts_is_one_request():
    assert one_call("1. dataset: ward.jsonl\n2. few-shot, 3 examples each\n3. apply to 20% of records")[0] == "add_few_shot"
    assert one_call("1. The run I started at noon used the wrong file\n2. Please stop it")[0] == "stop_training"


def test_an_instruction_passed_on_in_quotes_is_the_request():
    name, args = one_call("Forwarding my lead's note: 'Build CoT samples from ward.csv; the reasoning is in why_col.'")
    assert name == "add_cot" and args == {"path": "ward.csv", "rationale_field": "why_col"}
    name, args = one_call("Per the pager note: 'resume ward-lora-07 from checkpoint once the disk is free.' It is free now.")
    assert name == "resume_training" and args["run_id"] == "ward-lora-07"
    assert one_call("领导原话:「把门诊问答.xlsx 转成千帆格式,明天要用」")[1] == {"path": "门诊问答.xlsx", "to": "qianfan"}
    # a quoted template is no instruction passed on
    name, args = one_call("Use these templates on ward.jsonl: 'The nurse says: {question}' and 'Reply kindly to: {question}'")
    assert args["templates"] == ["The nurse says: {question}", "Reply kindly to: {question}"]


def test_a_run_named_in_words_and_a_run_where_it_is_at():
    assert one_call("The box rebooted overnight. The run was called ward-night; can you pick it up from its checkpoint?")[1] == {
        "run_id": "ward-night"}
    assert one_call("Where is run ward-ft-01 at?") == ("training_status", {"run_id": "ward-ft-01"})
    assert one_call("Halt run ward-0907.") == ("stop_training", {"run_id": "ward-0907"})


def test_a_story_told_first_then_the_ask():
    name, args = one_call("病人问“你是谁”,它说自己是别家的助手,被投诉了。我查了一下,是 id_ward.json 里的占位符没填。"
                          "名字用“小护”,作者用“仁和医院”,帮我填上。")
    assert name == "fill_placeholders" and args["values"] == {"name": "小护", "author": "仁和医院"}
    assert one_call("我们做的是门诊问答,上次训出来的模型专业问题还行,但写个通知都不利索了,被同事笑话。"
                    "下次训练前想先搞明白:怎样才能尽量不丢掉通用能力?")[0] == "explain"
    assert one_call("I trained before lunch and then got pulled into meetings, and the laptop slept. Anyway, could you tell "
                    "me where ward-ft-2 is at?") == ("training_status", {"run_id": "ward-ft-2"})


def test_how_a_run_did_asked_in_more_ways():
    assert one_call("Did run ward-train-02 actually learn our answers, or is it making stuff up?") == (
        "evaluate_run", {"run_id": "ward-train-02"})
    assert one_call("Is the clinic bot any good now? The last run finished an hour ago.")[0] == "evaluate_run"
    assert one_call("所以调完的模型行不行啊,给句痛快话")[0] == "evaluate_run"
    assert one_call("is the model actually good now or did it forget everything")[0] == "evaluate_run"
    assert one_call("how much does fine-tuning usually forget?")[0] == "explain"


def test_terse_and_other_small_forms():
    assert one_call("epochs for 600?") == ("suggest_hyperparameters", {"n_samples": 600})
    assert one_call("就拿这个训", ["/tmp/u/ward.jsonl"])[0] == "start_training"
    assert one_call("more prompt variety", ["/tmp/u/ward.csv"])[0] == "augment_instructions"
    assert one_call("检查质量的时候它到底在查什么?")[0] == "explain"
    assert one_call("so what's exact match measuring there?")[0] == "explain"
    assert acts.is_request("麻烦帮我看下") and not acts.is_request("让它写个请假条")


def test_values_and_rules_said_again():
    assert review.placeholder_values("作者名写错了,是“仁和医院”不是“仁爱医院”,FILE 重新填一下") == {"author": "仁和医院"}
    assert review.placeholder_values("名字用“小护”,作者用“仁和医院”") == {"name": "小护", "author": "仁和医院"}
    assert review.rule_command("Earlier I said keep the long answers, but they are boilerplate. Please drop the long_answer "
                               "ones instead.") == ("long_answer", "drop")
    assert review.rule_command("报告里那些还带着 {{型号}} 没填的,直接删了") == ("placeholder", "drop")


def test_a_sheet_ruled_out_and_a_sheet_said_as_that_page():
    name, args = one_call("No, not the 'Old_Q' tab — I need 'New_Q' from ward_book.xlsx converted to Qianfan.")
    assert name == "convert_dataset" and args["sheet"] == "New_Q"
    assert one_call("不好意思,门诊问答库.xlsx 我要看的是“儿科”那张,不是“内科”")[1]["sheet"] == "儿科"
    assert one_call("哦不对,我说的是“儿科”那个 sheet。门诊问答库.xlsx 重新转一次千帆格式。")[0] == "convert_dataset"


# Causes the round-36 and round-37 blind corpora (hurried ordinary users with typos; engineers from LLaMA-Factory,
# Qianfan, the OpenAI API, TRL, Unsloth and Ollama) showed after they were measured; tested on phrasings of our own.


@pytest.mark.parametrize("text, name", [
    ("few-shot样本从病房问答.csv里出 要30条", "病房问答.csv"),        # what comes before 从 is the request's
    ("搞错了 示例给2个 文件是病房问答_v3.jsonl", "病房问答_v3.jsonl"),  # 文件是 / 数据还是 are no part of the name
    ("说错了 epoch改成4 数据还是病房问答.csv", "病房问答.csv"),
])
def test_more_words_glued_before_a_file_name(text, name):
    assert [f.text for f in find_paths(text)] == [name]


def test_typed_in_a_hurry():
    assert one_call("lets train on ward.xlsx now, 3 eopchs") == ("start_training", {"path": "ward.xlsx", "epochs": 3})
    name, args = one_call("fewshot on ward.csv, 2 exmaples each, 120 samples")
    assert name == "add_few_shot" and args["k"] == 2 and args["n_samples"] == 120
    assert one_call("clean up ward.xlsx and do the perplexty scoring too")[1]["ppl"] is True
    assert one_call("ward_qa.xlsx -> josnl please, the Beds tab only") == (
        "convert_dataset", {"path": "ward_qa.xlsx", "to": "jsonl", "sheet": "Beds"})
    # a keyword's own forms are no typos
    assert one_call("Make CoT versions of all the billing questions in ward.csv")[1]["fraction"] == 1.0


def test_settings_beside_each_other():
    assert amounts.training_args("开始微调吧 lr 2e-4 rank 16") == {"learning_rate": 0.0002, "lora_r": 16}
    assert amounts.training_args('with {"n_epochs": 6, "batch_size": 8}') == {"epochs": 6}
    assert amounts.find_fraction("I said 10% earlier but I want 30% reworded") == 0.3


def test_a_run_id_glued_to_chinese_and_a_value_put_right():
    assert one_call("查下ward-lora-03状态") == ("training_status", {"run_id": "ward-lora-03"})
    assert one_call("把 sft_病房_0612 这个 job 先 stop 掉") == ("stop_training", {"run_id": "sft_病房_0612"})
    assert one_call("不是停 ward-ft-02,是 ward-ft-03。") == ("stop_training", {"run_id": "ward-ft-03"})
    assert one_call("is the adapter for ward-lora-2 ready yet") == ("training_status", {"run_id": "ward-lora-2"})


def test_fields_said_in_more_ways():
    assert one_call("ward.csv 问题在病人提问列 答案在护士回复列 你读一下看有没有毛病")[1] == {
        "path": "ward.csv", "question_field": "病人提问", "answer_field": "护士回复"}
    assert one_call("ward.csv  questions are in 'Patient Ask' col answers in 'Nurse Reply' pls read it")[1] == {
        "path": "ward.csv", "question_field": "Patient Ask", "answer_field": "Nurse Reply"}
    assert slots.find_fields("FILE 的列名是 q 和 a,统计一下") == {"question_field": "q", "answer_field": "a"}
    assert slots.find_fields("FILE 里有个 解析 字段,用它生成 CoT") == {"rationale_field": "解析"}
    assert slots.find_fields("错了 是儿科那个sheet FILE") == {"sheet": "儿科"}
    assert review.placeholder_values("FILE 里的名字占位符,填“小护”") == {"name": "小护"}


def test_values_asked_for_are_advice_not_a_run():
    assert one_call("Recommend a learning rate and epoch count for ward.json, we'll train with LoRA.")[0] == "suggest_hyperparameters"
    assert one_call("ward.jsonl 准备用 LoRA 训,你帮我配一下 epoch、学习率和 batch。")[0] == "suggest_hyperparameters"
    name, args = one_call("Work out per_device_train_batch_size and gradient_accumulation_steps for ward.jsonl — I'm on a 24GB card.")
    assert name == "suggest_hyperparameters" and "n_samples" not in args
    assert one_call("train on ward.jsonl with the settings you recommended")[0] == "start_training"


def test_other_tools_words_asked_about_are_explained():
    assert one_call("lora_alpha 一般设成 rank 的几倍?")[0] == "explain"
    assert one_call("学习率一般取多少,我用 lora")[0] == "suggest_hyperparameters"  # a value asked for
    assert one_call("dataset_info.json 里 formatting 写 alpaca 还是 sharegpt,取决于什么?")[0] == "explain"
    assert one_call("Is target_modules=['q_proj','v_proj'] enough, or should I target all linear layers?")[0] == "explain"
    assert one_call("lr at 1e-2, would that blow up the training or just make it faster")[0] == "explain"
    assert one_call("Before the real run, do a quick LR-finder pass on ward.jsonl.")[0] == "probe_learning_rate"


def test_the_file_in_a_when_clause_is_not_the_one_meant():
    assert one_call("Before I register it in dataset_info.json, sanity-check ward_alpaca.json — format and lengths.") == (
        "inspect_dataset", {"path": "ward_alpaca.json"})


# Causes the round-38 and round-39 blind corpora (a library, a travel agency, customer success, a licence office, a
# photo studio, a vaccination desk; quoting, checklist, story-telling, mixed and telegraphic voices) showed after
# they were measured; tested on phrasings of our own.


def test_a_question_asks_no_rule_applied():
    assert one_call("Just dropped our ward export in here. What format is it and how long are the answers?",
                    ["/tmp/u/ward.jsonl"])[0] == "inspect_dataset"
    assert review.rule_command("还留着没填占位符的记录,直接剔除") == ("placeholder", "drop")
    assert review.rule_command('You said "dropping 12 near duplicates" — no, I wanted those kept, not dropped.') == (
        "near_duplicate", "keep")


def test_a_request_then_a_question_after_a_dash():
    assert one_call("给 病房问答.csv 里两成的记录加 few-shot,示例用 3 个 —— 这样会不会把原始数据覆盖掉?") == (
        "add_few_shot", {"path": "病房问答.csv", "k": 3, "fraction": 0.2})
    assert one_call("Fill the placeholders in id_ward.json with name \"Wardy\" and author \"Riverside\" — does that overwrite it?")[0] == (
        "fill_placeholders")
    assert one_call("Say I ran 40 epochs on 300 examples — what would that do to the model?")[0] == "explain"


def test_thanks_and_venting_ask_for_nothing():
    assert not plan("今天病房机器人终于上线了。折腾了两周,训练挂了两回。就是想跟你说一声,辛苦啦。", [])
    assert not plan("Long shift. Two code blues and the vending machine ate my coins. Just venting, no task right now.", [])


def test_key_value_lines_with_the_ask_on_its_own_line():
    assert one_call("dataset: ward_v2.jsonl\nmethod: full fine-tune\nneed: epochs / lr / batch") == (
        "suggest_hyperparameters", {"path": "ward_v2.jsonl", "method": "full"})


def test_quoted_lines_and_pasted_output_before_the_ask():
    assert one_call("> placeholders found: {{name}}, {{author}}\n填吧:id_ward.json 里 name 用 Wardy,author 用 仁和。")[1] == {
        "path": "id_ward.json", "values": {"name": "Wardy", "author": "仁和"}}
    assert one_call("placeholder {{name}} found in 40 records\nPut Wardy in for name in id_ward.json.")[1]["values"] == {"name": "Wardy"}
    assert one_call("Error: run r-0718 failed\n别续跑了,直接在 ward.csv 上从头开一个新的训练,2 个 epoch")[0] == "start_training"
    assert one_call("质检 + ppl:ward_v2.jsonl") == ("check_quality", {"path": "ward_v2.jsonl", "ppl": True})


def test_more_requests_and_questions():
    assert one_call("Give me a short rundown of over-fitting and forgetting so I can brief the ward")[0] == "explain"
    assert one_call("Go ahead and fine-tune on ward.jsonl with whatever defaults you think are best")[0] == "start_training"
    assert one_call("Last time I guessed the learning rate and the loss went flat. This time, probe it on ward.csv first.")[0] == (
        "probe_learning_rate")
    assert one_call("epoch 改成 4,别用2了,数据还是 病房问答.jsonl") == ("start_training", {"path": "病房问答.jsonl", "epochs": 4})
    assert one_call("搞错了,author 应该是“仁和医院”不是仁爱,文件是 id_ward.json")[1]["values"] == {"author": "仁和医院"}
    assert one_call("加思维链到底图个啥?")[0] == "explain"
    assert one_call("grad accumulation — what's it for?")[0] == "explain"
    assert one_call("按 病房问答.jsonl 的条数给我出一套超参数")[0] == "suggest_hyperparameters"
    assert one_call("The sheet is called Beds. Check ward_book.xlsx for me.")[1]["sheet"] == "Beds"


# Causes the round-40 and round-41 blind corpora (ordinary users of a supermarket, a thesis office, an outage
# hotline, a swimming school, a housing-fund office, a hotel; eight mixed voices) showed after they were measured at
# the final tested commit; tested on phrasings of our own.


def test_a_line_quoted_with_a_marker_is_context_for_the_ask():
    assert one_call("> conflict: 9 条(同一问题答案不一致)\n这 9 条都丢掉") == ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})
    assert one_call("> run ward-7781 failed: out of memory; checkpoint-800 saved\nFreed the GPU, pick it back up please") == (
        "resume_training", {"run_id": "ward-7781"})
    assert one_call("> perplexity: 12 records flagged as outliers\nThose look fine to me, keep them.") == (
        "apply_quality_rule", {"rule": "perplexity", "decision": "keep"})


def test_few_shot_examples_in_more_words():
    assert amounts.count_args("每条前面带 3 个相似的已答问题", few_shot=True) == {"k": 3}
    assert amounts.count_args("提示里放 2 个例题", few_shot=True) == {"k": 2}
    assert amounts.count_args("just one solved example in each prompt", few_shot=True) == {"k": 1}


def test_two_rules_a_decision_each():
    assert review.rule_command("短回答要留着 我说删的是重复的") == ("duplicates", "drop")
    assert review.rule_command("些答案太短的不要删,全部留着") == ("short_answer", "keep")
    assert one_call("啲答案太短嘅唔好刪,全部留返")[1] == {"rule": "short_answer", "decision": "keep"}
    assert one_call("冲突样本到底留还是删比较好")[0] == "explain"
    assert one_call("Scratch that, I didn't mean all duplicates. Only drop the exact duplicates.")[1] == {
        "rule": "exact_duplicate", "decision": "drop"}


def test_more_small_forms_from_round_40():
    assert one_call("更正一下:id_ward.json 里 {{name}} 应该填“小护”")[1]["values"] == {"name": "小护"}
    assert one_call("幫我將 id_ward.json 入面個 name 填做「阿護」")[1]["values"] == {"name": "阿護"}
    assert one_call("How much time is left on ward-run3") == ("training_status", {"run_id": "ward-run3"})
    assert one_call("Before I commit to a long run, probe learning rates on ward.jsonl")[0] == "probe_learning_rate"
    assert not plan("明天台风,估计又要停电,哈哈", [])
    assert one_call("恢复 job_ward_0529,从最新 ckpt") == ("resume_training", {"run_id": "job_ward_0529"})
    assert one_call("Please propose epochs, learning rate and batch for full fine-tuning on ward.jsonl.")[0] == "suggest_hyperparameters"
    assert one_call("Fill id_ward.json the LLaMA-Factory way: {{name}} -> Wardy, {{author}} -> Riverside")[0] == "fill_placeholders"
