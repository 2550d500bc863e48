"""General causes the round-42 to round-45 blind corpora (a vet clinic, a tax office, a railway counter, game support;
people typing on a phone or dictating; teachers, nurses, HR; team leads, other tools' engineers, Hong Kong and Taiwan
users, pasted config and logs, long polite preambles) showed after they were measured, tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, names, reading, review, slots, variants
from assistant.nlu.paths import find_paths
from assistant.offline import plan


@pytest.mark.parametrize("text, name", [
    ("瞅瞅/srv/qa/退费问答.jsonl有多少条", "/srv/qa/退费问答.jsonl"),    # a verb glued to an absolute path
    ("跑个困惑度看看shop_faq_v2.jsonl", "shop_faq_v2.jsonl"),          # Chinese words ending in a verb, then an ASCII name
    ("麻烦根据门诊问答.xlsx给个参数", "门诊问答.xlsx"),                  # 根据 glued to a Chinese name
    ("开训 数据用售后记录.csv", "售后记录.csv"),                         # 数据用 glued after a space
    ("轮数改 4 还是用售后记录.csv", "售后记录.csv"),                     # 还是用: two glued words
])
def test_words_glued_in_front_of_a_file_name_are_not_the_name(text, name):
    assert [f.text for f in find_paths(text)] == [name]


@pytest.mark.parametrize("text, run", [
    ("先把b9e41d停了", "b9e41d"),                            # a short hex id between Chinese characters
    ("我要停的是run-1102不是run-1120", "run-1102"),         # two ids glued by 不是: the one ruled out is not taken
    ("把 sft_双十一_1111 停掉", "sft_双十一_1111"),          # Chinese between separators stays part of the id
])
def test_run_ids_glued_to_chinese_words(text, run):
    assert names.find_run_id(text)[0] == run


def test_a_column_named_after_its_role_and_na_lie():
    args = one_call("把 售后.csv 转成 alpaca,问题那列叫 cust_q,回答那一列叫 agent_a")[1]
    assert (args["question_field"], args["answer_field"]) == ("cust_q", "agent_a")
    assert one_call("给 推理题.xlsx 加思维链,理由那一列叫 why_text")[1]["rationale_field"] == "why_text"


@pytest.mark.parametrize("text, sheet", [
    ("看下 报价.xlsx 第三个sheet 叫退费的那个", "退费"),             # the pointing words after the name are not its own
    ("inspect rates.xlsx, the sheet called north region, fields as usual", "north region"),  # two words after "called"
    ("open rates.xlsx sheet 2023 and count rows", "2023"),                # a year is the sheet's name
    ("sheet选错了,要的是“二月”那张表,不是“一月”,文件 报价.xlsx", "二月"),  # 选错了 names no sheet
])
def test_sheet_names_in_more_shapes(text, sheet):
    assert slots.find_fields(text)["sheet"] == sheet


def test_format_names_said_apart_or_in_chinese_sounds():
    assert one_call("turn menu_qa.jsonl into open ai format")[1]["to"] == "openai"
    assert one_call("把 menu_qa.csv 转成阿帕卡格式")[1]["to"] == "alpaca"


def test_accented_letters_read_as_plain_ones():
    assert variants.plain_chinese("résumé run-77") == "resume run-77"
    assert one_call("résumé run-77") == ("resume_training", {"run_id": "run-77"})


def test_a_placeholder_value_put_right_is_a_fill_even_without_a_file():
    assert acts.speech_act("作者写错了,是「星河数据」不是「星河科技」") == "correction"
    assert one_call("作者写错了,是「星河数据」不是「星河科技」") == ("fill_placeholders", {"values": {"author": "星河数据"}})
    assert one_call("名字打錯了，是「阿寶」不是「阿保」") == ("fill_placeholders", {"values": {"name": "阿寶"}})  # as written
    assert one_call("The name should be 'Pip', not 'Pipp'") == ("fill_placeholders", {"values": {"name": "Pip"}})


def test_placeholder_values_with_an_ampersand_in_lower_case():
    assert one_call("set name to orbit and author to smith & sons in identity.json")[1]["values"] == {
        "name": "orbit", "author": "smith & sons"}


def test_placeholder_values_with_no_file_anywhere_go_out_without_a_path():
    """No file in the conversation: the call carries the values and no path; the tool guard asks for the file and the
    file sent next is filled (tests/test_agent_offline.py). Without values there is nothing to carry: asked back."""
    assert plan("机器人名字叫“小帆”,作者写“东站班组”", []) == [
        {"name": "fill_placeholders", "args": {"values": {"name": "小帆", "author": "东站班组"}}}]
    assert plan("帮我把占位符填一下", []) == []
    assert plan("你是机器人还是真人?", []) == []  # a question names no value


@pytest.mark.parametrize("text", ["drop everything the check flagged", "keep all the ones it found", "查出来的全部删掉"])
def test_everything_flagged_is_the_rule_all(text):
    assert one_call(text)[1]["rule"] == "all"


@pytest.mark.parametrize("text", [
    "What is a LoRA adapter, in simple terms please",          # a definition with a courtesy tail
    "你能直接读 tsv 吗",                                        # what the assistant can do
    "can you handle excel files with several tabs",
    "微调一次大概要多长时间",                                    # how long, asked in general
    "我这份数据只有问题和答案两列,能直接拿来训吗?",               # their data described, no file: a question
    "训完以后怎么判断模型有没有退化",                            # how one would tell
])
def test_questions_in_more_shapes_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_capability_and_definition_rules_leave_requests_alone():
    assert one_call("can you read faq.xlsx and count the rows")[0] == "inspect_dataset"
    assert one_call("你能帮我把 a.csv 转成 alpaca 吗")[0] == "convert_dataset"


@pytest.mark.parametrize("text", [
    "学习率心里没底,拿 售后.jsonl 测一下",
    "find me the right learning rate for shop.jsonl",
    "lr 扫一遍,数据 售后.jsonl",
    "sweep learning rates on shop.jsonl first",
])
def test_probe_asked_in_more_words(text):
    assert one_call(text)[0] == "probe_learning_rate"


def test_settings_asked_with_zapei():
    assert one_call("售后.jsonl 打算用 lora 训,超参咋配")[0] == "suggest_hyperparameters"


def test_a_told_step_before_then_is_no_step_of_its_own():
    name, args = one_call("嗯 我们上周不是把数据都整理好了嘛 就是 售后.jsonl 然后今天想开训 混一成通用数据")
    assert name == "start_training" and args["path"] == "售后.jsonl" and args["mix_general"] == 0.1
    assert [c["name"] for c in plan("把 a.csv 转成 jsonl 然后检查一下质量", [])] == ["convert_dataset"]  # real steps stay steps


@pytest.mark.parametrize("text, templates", [
    ("for menu.jsonl use the phrasing family how much is|what does it cost|price of", ["how much is|what does it cost|price of"]),
    ("augment menu.jsonl with templates translate to german|render in german", ["translate to german|render in german"]),
    ("菜单.jsonl 的问法换几种 比如 请介绍一下 还有 简单说说 还有 讲讲 就这三个", ["请介绍一下", "简单说说", "讲讲"]),
])
def test_template_families_and_spoken_lists(text, templates):
    assert one_call(text)[1]["templates"] == templates


def test_a_cleaned_file_exported_for_review_is_a_conversion():
    assert one_call("去重后的 outputs/menu_clean.jsonl 导一份 Excel 给店长看")[1]["to"] == "xlsx"


def test_the_focus_table_reads_parts_in_order():
    """One mechanism reads a part of the message: the quoted lines are context, the ask is the person's own."""
    assert [f.find.__name__ for f in reading._FOCI] == ["_beside_citation", "_after_so", "_after_possession", "_after_own_answer", "_after_when_clause", "_before_when_clause", "_before_questions",
                                                         "_own_lines", "_beside_log", "_want_line", "_after_paste"]
    assert one_call("> run-31 stopped at step 200\nresume it") == ("resume_training", {"run_id": "run-31"})


def test_a_weak_start_with_the_data_at_hand_is_planned_for_the_guard(monkeypatch):
    """A start read weakly ("did you mean …?") with a file at hand is planned: the tool guard shows the run's plan and
    asks once, instead of the planner asking and the guard asking again. Without a file it stays a question back."""
    from assistant.nlu import planner

    weak = reading.Reading("", "start_training", "chitchat", 0.25)
    monkeypatch.setattr(planner.reading, "read", lambda *a, **k: weak)
    assert [c["name"] for c in plan("get it cooking", ["/tmp/up/qa.jsonl"])] == ["start_training"]
    weak_stop = reading.Reading("", "training_status", "chitchat", 0.25)
    monkeypatch.setattr(planner.reading, "read", lambda *a, **k: weak_stop)
    assert plan("how's it cooking", ["/tmp/up/qa.jsonl"]) == []  # not consequential: asked back, as before


def test_courtesy_ifs_are_no_hypotheticals():
    assert acts.speech_act("Could you check notes.jsonl for duplicates, if it's not too much trouble?") == "command"
    assert acts.speech_act("如果方便的话,帮我把 a.csv 转成 alpaca") == "command"
    assert acts.speech_act("if I trained for 30 epochs, would it overfit?") == "hypothetical"


def test_the_ask_before_a_closing_thanks_is_read():
    text = ("Morning! Sorry for the noise yesterday. The team found a leak of test answers in the data of qa-ft-9, so its "
            "numbers are meaningless. Would you mind stopping qa-ft-9 for me? Many thanks.")
    assert one_call(text) == ("stop_training", {"run_id": "qa-ft-9"})


@pytest.mark.parametrize("text", [
    "what file types do you support? can I give you parquet?",
    "Can a 7B model be trained on a laptop?",
    "LLaMA-Factory 要在 dataset_info.json 里登记数据,这里还要吗?",       # a trainer's registry named as a concept
    "identity.json 是做什么用的",                                       # what a known file is for
    "曲线是这样的:\nstep 50 loss 1.9\nstep 100 loss 0.2\nstep 150 loss 0.01\n这正不正常?",  # a pasted log, then a question
])
def test_more_questions_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_registry_and_identity_are_explained_from_the_glossary():
    from assistant.knowledge import explain

    assert explain("do I need to register the data in dataset_info.json?")["topic"] == "terms_registry"
    assert explain("what is identity.json for")["topic"] == "terms_identity"


def test_a_pasted_log_is_context_for_the_request_after_it():
    assert one_call("{'loss': 0.9, 'epoch': 1.0}\n{'loss': 0.2, 'epoch': 2.0}\nplease stop exp-4") == (
        "stop_training", {"run_id": "exp-4"})


def test_a_date_like_run_id_before_a_word():
    assert names.find_run_id("1130-legal 评估一下")[0] == "1130-legal"
    assert names.find_run_id("跑个 500-step 的") is None  # an amount with its unit


def test_whether_it_is_one_format_or_another_is_a_look():
    assert one_call("open exports/chat.json, I need to know if it's alpaca or sharegpt style")[0] == "inspect_dataset"


def test_settings_named_as_other_trainers_name_them():
    text = "在千帆上 epoch、batch_size 都是默认。这回给 claims.jsonl 推荐一下这些怎么设"
    assert one_call(text) == ("suggest_hyperparameters", {"path": "claims.jsonl"})


def test_fields_named_by_the_role_they_play():
    args = one_call("Turn kb.csv into alpaca; title is the question, body is the answer.")[1]
    assert (args["question_field"], args["answer_field"]) == ("title", "body")
    assert one_call("our table has columns q, a, why\nadd CoT to kb.jsonl using the why column as the rationale")[1][
        "rationale_field"] == "why"


def test_the_maker_said_in_words_is_the_author():
    args = one_call("Fill the placeholders in identity.json: the bot is called Ivy and it is made by Moss & Fern Ltd.")[1]
    assert args["values"] == {"name": "Ivy", "author": "Moss & Fern Ltd."}
    assert review.placeholder_values("The data was built by merging two exports") == {}  # not a maker of the assistant


def test_cantonese_name_of_the_assistant():
    assert one_call("identity.json 個助手個名叫「阿寶」,幫我填返")[1]["values"] == {"name": "阿寶"}


def test_templates_listed_under_a_heading_are_one_request():
    text = "Reword faq.jsonl with these templates:\n- how do I {q}|what is the way to {q}\n- Could you tell me {q}"
    assert one_call(text)[1]["templates"] == ["how do I {q}|what is the way to {q}", "Could you tell me {q}"]


@pytest.mark.parametrize("text, tool, args", [
    ("again but xlsx this time", "convert_dataset", {"to": "xlsx"}),                  # the last request again, changed
    ("再来一次,这回 lr 改成 1e-4", "start_training", {"learning_rate": 0.0001}),
    ("每条都加 cot,文件还是上面那个", "add_cot", {"fraction": 1.0}),                     # the file meant is one used before
    ("same data as before, sweep the lr with 80 steps", "probe_learning_rate", {"steps": 80}),
])
def test_requests_that_refer_back_go_out_without_a_file(text, tool, args):
    """No earlier turn here: the call goes out without a path, and the tool guard finds the conversation's newest file
    (or asks for one, and the request waits for it)."""
    assert one_call(text) == (tool, args)


def test_a_plain_confirmation_opening_a_chat_still_asks_nothing():
    assert plan("好的,开始吧", []) == [] and plan("Looks good, launch it.", []) == []


@pytest.mark.parametrize("text, run", [
    ("看下 售后lora-v3 的进度", "售后lora-v3"),        # a Chinese name glued in front of an id
    ("继续跑法务lora-2", "法务lora-2"),                 # …with a verb glued before it
    ("把 合同-r8 那个 run 停了", "合同-r8"),            # a Chinese name, a dash, letters and digits
    ("停掉lora-2", "lora-2"),
    ("我说的是run-0615不是run-0651", "run-0615"),
    ("评估 20261203-041500-客服问答 这个", "20261203-041500-客服问答"),  # the product's own id keeps a Chinese dataset name
])
def test_run_ids_with_chinese_names(text, run):
    assert names.find_run_id(text)[0] == run


@pytest.mark.parametrize("text, rule", [
    ("remove both exact and near duplicates from the set", ("duplicates", "drop")),
    ("完全重复和近似重复都删掉", ("duplicates", "drop")),
    ("no, KEEP the near dups", ("near_duplicate", "keep")),
])
def test_both_kinds_of_duplicates_and_near_dups(text, rule):
    assert review.rule_command(text) == rule


@pytest.mark.parametrize("text, values", [
    ("author is 'Orbit Labs' not 'Orbit Lab'. name is still Vega", {"author": "Orbit Labs", "name": "Vega"}),
    ("占位符:名字叫 小舟,作者 远帆科技", {"name": "小舟", "author": "远帆科技"}),       # a key, a space, the value
    ("名字改成 小鲸,作者不变,还是 深海AI", {"name": "小鲸", "author": "深海AI"}),
    ("名字弄错了,应该叫“小贝”", {"name": "小贝"}),
])
def test_placeholder_values_in_more_shapes(text, values):
    assert review.placeholder_values(text) == values


def test_a_request_then_another_question_after_another():
    calls = plan("售后.jsonl 里答案是问句的那些去掉。另外冲突是按什么判的?", [])
    assert calls[0]["name"] == "apply_quality_rule" and calls[0]["args"]["rule"] == "answer_is_question"
    name, args = one_call("turn this into sharegpt — does it keep the system column?", ["/tmp/up/logs.csv"])
    assert (name, args["to"]) == ("convert_dataset", "sharegpt")


def test_a_statement_last_in_a_long_story_is_the_request():
    text = ("上个月我们把门诊的常见问题整理成了问答,已经按你说的检查过质量、删了重复的,文件是 outputs/门诊_cleaned.jsonl。"
            "院长明天要看效果,所以现在就开始训练吧,轮数就按 6 轮来。")
    assert one_call(text) == ("start_training", {"epochs": 6, "path": "outputs/门诊_cleaned.jsonl"})


@pytest.mark.parametrize("text", ["what's mix_general for?", "验证集留多大比例合适?", "留出集一般占多少比较好?"])
def test_questions_on_held_out_and_mixing(text):
    assert one_call(text)[0] == "explain"


def test_templates_on_one_line_after_a_colon():
    text = "给 水务.jsonl 做指令增强,模板用这两个:请问{q}、{q},怎么处理?"
    assert one_call(text)[1]["templates"] == ["请问{q}", "{q},怎么处理?"]
    assert one_call("augment farm.jsonl using manure|dung|muck as synonyms")[1]["templates"] == ["manure|dung|muck"]
    assert one_call("news.jsonl 的指令改写一下,模版用这两个:\n- 请概括\n- 说重点")[1]["templates"] == ["请概括", "说重点"]


def test_the_wording_there_now_is_no_template():
    assert "templates" not in one_call("our questions are literally all 'Translate:' haha. diversify trans.jsonl")[1]


@pytest.mark.parametrize("text, values", [
    ("名字不是小明,是“小光”,作者填 市图书馆", {"name": "小光", "author": "市图书馆"}),
    ("名字不是小智,是小志", {"name": "小志"}),
])
def test_a_value_ruled_out_then_the_one_meant(text, values):
    assert review.placeholder_values(text) == values


def test_a_list_whose_items_describe_the_data_then_the_step():
    text = "1. 文件是 报修.xlsx 里的“二月”那个sheet\n2. 问题在 Q 列\n3. 转成 sharegpt 格式"
    assert one_call(text)[0] == "convert_dataset"
    text = "- file: repairs.xlsx\n- sheet: March\n- output: alpaca format"
    assert one_call(text) == ("convert_dataset", {"path": "repairs.xlsx", "sheet": "March", "to": "alpaca"})


def test_the_opener_said_twice_and_a_stop_by_number():
    assert one_call("错了错了,我说的是 ward-lora-5,不是4,停5") == ("stop_training", {"run_id": "ward-lora-5"})


def test_a_sheet_pointed_at_after_a_negation():
    assert slots.find_fields("不是这个sheet,要看“三月新增”那个")["sheet"] == "三月新增"


@pytest.mark.parametrize("text, tool", [
    ("训完了,帮我测测它学会了我们的问答没有", "evaluate_run"),
    ("训练完模型会不会把原来学的东西都忘掉", "explain"),               # asked in general
    ("学习率探测是干嘛用的,和超参建议有什么区别", "explain"),          # what a tool is, not values
    ("学习率没把握,拿 水务.xlsx 实际试一下学习率范围", "probe_learning_rate"),
    ("帮我查一下水务问答.jsonl的数据质量", "check_quality"),
])
def test_more_readings_from_rounds_48_and_49(text, tool):
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text", [
    "你是不是已经把近似重复的删了?我还没点确认",                 # asked about what was done: never a rule applied
    "did you already drop them?",
    "Hold on, did the last step overwrite my original xlsx?",
    "转好的文件放哪了?",
    "where did you save the cleaned file?",
])
def test_questions_about_what_the_assistant_did_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_what_the_assistant_did_is_answered_from_the_glossary():
    from assistant.knowledge import explain

    assert explain("where did you save the converted file?")["topic"] == "terms_outputs"
    assert explain("你是不是已经把重复的删了?")["topic"] == "terms_outputs"


def test_did_it_learn_is_still_the_runs_report():
    assert one_call("did it learn anything?")[0] == "evaluate_run"


def test_the_one_request_among_other_sentences_is_read():
    text = ("The manual says two fields are enough. Why does it keep failing then? Whatever, convert menu.xlsx to jsonl")
    assert one_call(text) == ("convert_dataset", {"path": "menu.xlsx", "to": "jsonl"})
    text = "我们是做保险的,客户老问为什么拒赔。\n\n所以想在 拒赔.csv 里加一些 COT 数据,200 条就行。\n\n别乱编条款号。"
    assert one_call(text) == ("add_cot", {"path": "拒赔.csv", "n_samples": 200})
    text = "上回训出来格式都学不会,真是气人。给 条款.jsonl 生成300条带示例的样本,k用3"
    assert one_call(text) == ("add_few_shot", {"path": "条款.jsonl", "n_samples": 300, "k": 3})


@pytest.mark.parametrize("text, run", [
    ("如果 run-88 的 loss 已经到 0.3 以下我就停,你先看看它现在多少", "run-88"),
    ("If ft-77 is past epoch 3 I'll stop it. Where's it at?", "ft-77"),
    ("Is a1b2c3 actually doing anything or just burning power?", "a1b2c3"),
])
def test_a_conditional_stop_or_a_run_asked_about_is_a_look_first(text, run):
    assert one_call(text) == ("training_status", {"run_id": run})


def test_put_off_for_later_asks_nothing():
    assert plan("又崩了,烦……算了明天再说", []) == []
    assert one_call("老板说先停下来,明天再说") == ("stop_training", {})


@pytest.mark.parametrize("text, values", [
    ("Author's wrong, it's 'Heron Labs' not 'Heron Lab'", {"author": "Heron Labs"}),
    ("the bot's name should be Pip and the author Northside Clinic", {"name": "Pip", "author": "Northside Clinic"}),
])
def test_english_values_put_right_or_given_without_a_verb(text, values):
    assert review.placeholder_values(text) == values


def test_leave_as_is_is_no_value():
    assert review.placeholder_values("Set {{name}} to Juno, leave the author as is") == {"name": "Juno"}


def test_template_family_after_a_naming_word_and_an_example_quoted_before():
    args = one_call("widen prompts in faq.jsonl using the family how much|what price|cost of")[1]
    assert args["templates"] == ["how much|what price|cost of"]
    args = one_call("手册里的例子是“中译英”。我的 问法.jsonl 也这么扩,模板就用:怎么办|咋办|如何处理")[1]
    assert args["templates"] == ["怎么办|咋办|如何处理"]


def test_own_count_over_the_manuals():
    assert one_call("手册说 1000 条用 10 个 epoch。我有 1500 条,按 lora 给个建议")[1] == {"n_samples": 1500, "method": "lora"}
    assert slots.find_method("give me the full LoRA recommendation") == "lora"
    assert slots.find_method("lora or full?") is None


def test_probe_steps_with_a_ceiling_and_both_kinds_said_loosely():
    assert one_call("拿 a.jsonl 先试一下学习率,步数别超过 60")[1]["steps"] == 60
    assert review.rule_command("重复的都删,一模一样的和差不多的都删") == ("duplicates", "drop")


def test_a_review_decision_read_weakly_as_data_making():
    assert one_call("keep the near dupes, they're deliberate rewordings")[1] == {"rule": "near_duplicate", "decision": "keep"}


@pytest.mark.parametrize("text, tool", [
    ("will converting menu.xlsx to alpaca overwrite it? eh, I have a backup, go ahead and convert it", "convert_dataset"),
    ("would adding cot mess up my data? it keeps a copy right? ok whatever, do it on the english version", "add_cot"),
    ("加 few-shot 会不会改掉原数据?不会吧。那就给上面那份加上", "add_few_shot"),
    ("停了以后还能续吗?反正先停了吧,卡要用", "stop_training"),
])
def test_a_worry_then_the_go_ahead_is_the_action(text, tool):
    assert one_call(text)[0] == tool


def test_a_worry_then_the_go_ahead_on_a_review_rule():
    assert one_call("will dropping the conflicts lose much? meh. drop them") == (
        "apply_quality_rule", {"rule": "conflict", "decision": "drop"})
    assert one_call("删掉乱码的会不会少很多?算了,删吧")[1] == {"rule": "garbled", "decision": "drop"}


def test_a_worry_alone_still_acts_on_nothing():
    assert one_call("would converting it to sharegpt change anything?")[0] == "explain"
    assert one_call("say I skip the dedupe and train anyway, how bad could it get?")[0] == "explain"


@pytest.mark.parametrize("text, tool", [
    ("quality check on the big file please", "check_quality"),           # a file of this conversation named loosely
    ("那份大的转成 jsonl 吧", "convert_dataset"),
    ("能不能给英文那版加点少样本示例", "add_few_shot"),
])
def test_loose_names_for_a_file_of_the_conversation(text, tool):
    assert one_call(text)[0] == tool


def test_money_and_the_data_size_are_no_counts_to_make():
    assert one_call("Recommend settings for stats.jsonl, budget is $300 of GPU time")[1] == {"path": "stats.jsonl"}
    assert one_call("预算只有800块钱,给 税务.jsonl 推荐一组参数")[1] == {"path": "税务.jsonl"}
    assert one_call("We have 2,000 rows in kb.jsonl. Add 250 new few-shot samples, 3 shots each")[1] == {
        "path": "kb.jsonl", "n_samples": 250, "k": 3}


def test_more_field_value_and_template_shapes():
    assert slots.find_fields("columns are Prompt and Answer, sheet called Q1")["question_field"] == "Prompt"
    assert review.placeholder_values("placeholders - bot name Kiwi, made by Orchard AI") == {"name": "Kiwi", "author": "Orchard AI"}
    assert one_call("identity.json:名字“小岚”,作者“岚山科技”")[1]["values"] == {"name": "小岚", "author": "岚山科技"}
    assert one_call("Diversify faq.jsonl with 'What's the fee|How much is it' as one family")[1]["templates"] == [
        "What's the fee|How much is it"]  # an apostrophe inside single quotes


def test_dont_delete_yet_show_me_is_a_look():
    assert one_call("先别删,给我看看 商品.csv 里哪些是重复的")[0] == "check_quality"


def test_resume_aimed_at_the_run_named_in_a_correction():
    assert one_call("搞错了,不是 exp-05,是 exp-06,恢复那个") == ("resume_training", {"run_id": "exp-06"})


def test_upload_questions_about_its_format_or_size_are_looks():
    assert one_call("Just uploaded it. Does the format look usable?", ["/tmp/up/kb.xlsx"])[0] == "inspect_dataset"
    assert one_call("一共多少条?", ["/tmp/up/kb.xlsx"])[0] == "inspect_dataset"


def test_a_stop_read_with_no_word_of_stopping_is_a_misreading():
    assert one_call("Recommend training params for tractor.jsonl, we want a full fine-tune") == (
        "suggest_hyperparameters", {"path": "tractor.jsonl", "method": "full"})
    assert one_call("这次训练废了,干掉")[0] == "stop_training"      # slang for stopping still stops
    assert one_call("need the gpu back, take the training down")[0] == "stop_training"
