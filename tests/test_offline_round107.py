"""General causes found after the models were rebuilt with rounds 91-106 and in the round-107 to round-112 blind corpora
once each was measured; tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, intents, paths, review
from assistant.offline import plan


def test_a_start_read_weakly_with_its_settings_given_is_a_start():
    assert one_call("整个 LoRA 训练,四轮", ["/tmp/u/kb.jsonl"]) == ("start_training", {"path": "/tmp/u/kb.jsonl", "epochs": 4})


def test_flaws_asked_of_the_data_at_hand_are_the_check():
    assert one_call("有没有乱码的问答?", ["/tmp/u/kb.jsonl"])[0] == "check_quality"


def test_a_hello_alone_asks_nothing():
    assert plan("你在吗?") == []


@pytest.mark.parametrize("text, steps", [
    ("第一步,用 摘要.jsonl 测一下学习率,两百步就够\n第二步,按最好的开训", 200),  # "第一步" is which step, not how many
    ("lr-find --data ./sft/router.jsonl --steps 80", 80),
])
def test_probe_steps(text, steps):
    name, args = one_call(text)
    assert name == "probe_learning_rate" and args["steps"] == steps


def test_a_runs_name_sets_no_rank():
    assert amounts.training_args("look at clinic-r16-0704 please") == {}
    assert one_call("wrong run, it's clinic-r16-0704 not 0703. check that one") == ("training_status", {"run_id": "clinic-r16-0704"})


@pytest.mark.parametrize("text, share", [
    ("ugh i said 30% not 60%, redo it", 0.3),  # what was said before is what was meant
    ("not fifty percent — a tenth only", 0.1),  # a share in words is ruled out like one in digits
])
def test_shares_said_against_shares_taken(text, share):
    assert amounts.find_fraction(text) == share


@pytest.mark.parametrize("text, k", [("每道题附例两则", 2), ("每个 prompt 塞仨例子", 3), ("每条提示配4个例题", 4)])
def test_examples_per_prompt(text, k):
    assert amounts.count_args(text, few_shot=True).get("k") == k


def test_a_question_with_is_is_no_placeholder_pair():
    assert review.placeholder_values("so what even is qlora") == {}
    assert review.placeholder_values("bot_name is Pico") == {"bot_name": "Pico"}


@pytest.mark.parametrize("text, tool", [
    ("run finished. evaluate it — did it learn our refund rules?", "evaluate_run"),
    ("It got stopped last night by the update. Please continue it from where it stopped.", "resume_training"),
    ("restart ops-cot-r4 from its last checkpoint", "resume_training"),  # "cot" in a run's name makes no CoT data
    ("上次停掉的那个还能继续吗?可以的话就接着训", "resume_training"),
    ("Data has been deduplicated by the team.\nGo ahead and train faq_final.jsonl", "start_training"),
])
def test_what_is_asked_for(text, tool):
    assert one_call(text)[0] == tool


def test_a_corrected_format_is_the_conversion():
    assert one_call("不是 sharegpt,是千帆格式!文件是 售后问答.csv") == ("convert_dataset", {"path": "售后问答.csv", "to": "qianfan"})


@pytest.mark.parametrize("text, name", [
    ("请你帮我给题库.jsonl加点思维链", "题库.jsonl"),
    ("那些空答案请你删除掉在工单问答.jsonl里面", "工单问答.jsonl"),
    ("对局复盘.jsonl 加思维链", "对局复盘.jsonl"),  # 对局 is a word of the name
    ("删掉在线客服.csv里的重复", "在线客服.csv"),
])
def test_chinese_file_names_glued_to_words(text, name):
    assert [f.text for f in paths.find_paths(text)] == [name]


@pytest.mark.parametrize("text, fields", [
    ("把 k.xlsx 转成alpaca格式问题在提问那一列答案在答复那一列", {"question_field": "提问", "answer_field": "答复"}),
    ("convert --in a.csv --to=alpaca --q-col ask --a-col reply", {"question_field": "ask", "answer_field": "reply"}),
    ("inspect b.jsonl. q-field = `problem`, a-field = `solution`", {"question_field": "problem", "answer_field": "solution"}),
    ("Convert c.xlsx to alpaca. Questions are under user_q and answers under staff_a",
     {"question_field": "user_q", "answer_field": "staff_a"}),
    ("Convert d.xlsx to openai.\nQ col = Guest Question\nA col = Front Desk Answer",
     {"question_field": "Guest Question", "answer_field": "Front Desk Answer"}),
])
def test_columns_as_people_write_them(text, fields):
    args = one_call(text)[1]
    assert {k: args.get(k) for k in fields} == fields


def test_a_quote_joined_to_its_role_by_a_longer_phrase():
    assert one_call("Add CoT to e.jsonl. The reasoning is already written up in the 'notes' column.")[1]["rationale_field"] == "notes"


@pytest.mark.parametrize("text, sheet", [
    ("convert f.xlsx (the sheet called Q4) to jsonl", "Q4"),
    ("look at g.xlsx, the only tab that matters is the one called Resolved", "Resolved"),
])
def test_sheets_named_in_passing(text, sheet):
    assert one_call(text)[1]["sheet"] == sheet


@pytest.mark.parametrize("text, values", [
    ('In identity.json please fill the name with "Juno" and the author with "Bay Labs".', {"name": "Juno", "author": "Bay Labs"}),
    ("- Bot name: Tali\n- Company: Reef Goods\n- Fill these into the placeholders in identity.json", {"name": "Tali", "author": "Reef Goods"}),
    ("助手的名字叫小禾作者是禾田科技把这两个填进去 identity.json", {"name": "小禾", "author": "禾田科技"}),
    ("name = Quill, author = Paper Trail Support. file is identity.json", {"name": "Quill", "author": "Paper Trail Support"}),
    ("烦请将 identity.json 中 {{name}} 代以“松风”,{{author}} 代以“竹里馆”。", {"name": "松风", "author": "竹里馆"}),
])
def test_placeholder_values_as_people_write_them(text, values):
    name, args = one_call(text)
    assert name == "fill_placeholders" and args["values"] == values


@pytest.mark.parametrize("text, call", [
    ("同一个问题有两个不同答案的那些,全部删掉", ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})),
    ("rm --flagged=garbled", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("把重复的都删掉,近似重复的也一起删", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("Remove the duplicates in h.jsonl, both the exact ones and the near ones",
     ("apply_quality_rule", {"rule": "duplicates", "decision": "drop", "path": "h.jsonl"})),
    ("h.csv 里标出来的近似重复都留着,那是同一个问题的不同问法", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep", "path": "h.csv"})),
])
def test_review_decisions(text, call):
    assert one_call(text) == call


@pytest.mark.parametrize("text", [
    "不好意思,请问这个工具支持哪些文件格式?",
    "Could you clarify which file formats are supported?",
    "cot 样本具体长啥样?",
    "alpaca 的 format 里 instruction 那个 field 是怎么 organize 的?",
    "what's a sensible lr for lora on a small model?",
    "warmup 设多少合适?",
])
def test_questions_are_explained(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text", ["跟微调无关哈,附近有啥好吃的?", "又是被 loss 折磨的一天 😮‍💨"])
def test_off_topic_and_venting_ask_nothing(text):
    assert plan(text) == []


def test_a_mix_item_of_a_list_is_the_runs_setting():
    name, args = one_call("- Start LoRA training on i.jsonl\n- 3 epochs\n- Mix in 5% general data so it keeps its manners")
    assert name == "start_training" and args["mix_general"] == 0.05


def test_a_rocket_cheering_on_another_step_launches_nothing():
    assert one_call("few-shot 安排上 j.jsonl 每条塞俩例子 🚀")[0] == "add_few_shot"


def test_a_narrated_then_is_no_second_step():
    assert intents.split_steps("we each collected rows and then Ana merged them, please check it") == [
        "we each collected rows and then Ana merged them, please check it"]


def test_the_quality_check_asked_by_name():
    assert one_call("同事整理的,感觉重复的不少,你帮我过一遍质量吧,看看大概有多少", ["/tmp/u/门店.xlsx"])[0] == "check_quality"


# Round 113-116 causes (measured first at 9cb2621), on phrasings of our own.
def test_something_else_stopped_stops_no_run():
    assert plan("今天停电,整栋楼的电梯都停了,无聊") == []


@pytest.mark.parametrize("text", [
    "昨晚断电了,那个训练好像断了。能不能请您让它接着之前的地方继续练?",
    "能不能让 kefu-2 接着跑?",  # "能不能让" asks politely; it does not keep the run from going on
])
def test_carrying_on_after_a_break(text):
    assert one_call(text)[0] == "resume_training"


@pytest.mark.parametrize("text", [
    "About 5k rows — how many epochs does the manual suggest?",
    "5000 条数据一般跑几个 epoch?手册里是怎么写的?",
    "per_device_train_batch_size: 8\ngradient_accumulation_steps: 8\n那 global batch 是多少",
    "should the lr for lora be higher or lower than for a full fine-tune?",
])
def test_questions_about_the_manual_and_arithmetic_are_explained(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text, tool", [
    ("I just want to know if the model actually learned our FAQ and didn't get dumber at everything else.", "evaluate_run"),
    ("我就想知道训完的模型学会我们的话术没有,会不会变傻了", "evaluate_run"),
    ("我不想让它再跑下去浪费显卡了", "stop_training"),
    ("Quickly try a few learning rates on faq.jsonl and tell me which one the loss likes best.", "probe_learning_rate"),
    ("学习率别瞎猜了,在 faq.jsonl 上快速试几个,看哪个 loss 降得最快", "probe_learning_rate"),
    ("Would you please begin the teaching of the model with faq.jsonl?", "start_training"),
    ("keep the short answers. plenty of our replies are one word, like OK or Done", "apply_quality_rule"),
])
def test_outcomes_said_as_wants(text, tool):
    assert one_call(text)[0] == tool


def test_columns_after_col_equals_run_to_the_phrase_end():
    args = one_call("convert site.xlsx to openai format. Q col = Hazard found, A col = Action taken")[1]
    assert (args["question_field"], args["answer_field"]) == ("Hazard found", "Action taken")


def test_a_verb_with_xia_glued_to_a_chinese_name():
    assert [f.text for f in paths.find_paths("检查下可疑订单问答.jsonl的质量")] == ["可疑订单问答.jsonl"]


def test_pasted_json_records_hold_no_templates():
    text = '{"instruction": "请翻译", "output": "..."}\n{"instruction": "请翻译", "output": "..."}\n\nfy.jsonl 全是这样,加两个模板:「翻成英文」「英文怎么说」'
    assert one_call(text)[1]["templates"] == ["翻成英文", "英文怎么说"]


def test_a_familys_last_wording_keeps_its_own_preposition():
    assert one_call("use the template family explain|break down|give me the gist of on notes.jsonl")[1]["templates"] == [
        "explain|break down|give me the gist of"]


# Round 118-120 causes (measured first at f0c5852), on phrasings of our own.
def test_a_hypothetical_with_a_short_demand_after_it_stays_hypothetical():
    assert one_call("假如我现在在第 500 步停掉,那个检查点还能用吗?说实话。")[0] == "explain"


@pytest.mark.parametrize("text, call", [
    ("Remind me what you did to faq.jsonl, then run the quality check on it.", ("check_quality", {"path": "faq.jsonl"})),
    ("先跟我说下你上一步干了啥,然后对 意图.jsonl 做个指令增强,一半就行", ("augment_instructions", {"path": "意图.jsonl", "fraction": 0.5})),
    ("要是 c4d2e1 的 loss 不动了就停掉它,还在降就接着跑", ("training_status", {"run_id": "c4d2e1"})),
    ("If run-22 is past epoch 3, evaluate it; otherwise leave it.", ("training_status", {"run_id": "run-22"})),
    ("the server crashed overnight. get my training going again", ("resume_training", {})),
    ("乱码那些全给我整没了", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("stop_training c0ffee7", ("stop_training", {"run_id": "c0ffee7"})),
    ("fill_placeholders identity.json name=Pip author=Harbor Light Co", ("fill_placeholders", {"path": "identity.json", "values": {"name": "Pip", "author": "Harbor Light Co"}})),
])
def test_round_118_to_120_shapes(text, call):
    assert one_call(text) == call


def test_a_name_made_into_a_value():
    assert one_call("名字就整成“大壮”,作者写“北方科技”,identity.json 里那俩给填上")[1]["values"] == {"name": "大壮", "author": "北方科技"}


def test_trying_learning_rates_once_is_the_probe():
    assert one_call("学习率我整不明白,你先拿 记录.csv 试一把,看看多少合适")[0] == "probe_learning_rate"
