"""General causes the round-32 and round-33 blind corpora (a gym, an IT helpdesk, rider support, a dental clinic, a
bill office, a museum; six unusual voices) showed after they were measured, tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, amounts, reading, review, slots
from assistant.nlu.paths import find_paths


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
