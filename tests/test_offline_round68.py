"""General causes the round-66 to round-71 blind corpora showed after they were measured (tool calls typed by hand,
things ruled out beside the request, lists with one item picked, questions answered by their asker, conditions the
person judges, more questions that must not act), tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant import knowledge
from assistant.nlu import acts, names, planner
from assistant.nlu.paths import find_paths
from assistant.nlu.written import written_call
from assistant.offline import plan


@pytest.mark.parametrize("text, call", [
    ("check_quality path=hr_faq.jsonl ppl=true", ("check_quality", {"path": "hr_faq.jsonl", "ppl": True})),
    ("add_few_shot(path='tickets.csv', k=3, n_samples=200)", ("add_few_shot", {"path": "tickets.csv", "k": 3, "n_samples": 200})),
    ('fill_placeholders path=me.json values={"name": "Kiwi", "author": "Orchard Ltd"}',
     ("fill_placeholders", {"path": "me.json", "values": {"name": "Kiwi", "author": "Orchard Ltd"}})),
    ("resume_training,run_id 是 job-77", ("resume_training", {"run_id": "job-77"})),
    ("training_status()", ("training_status", {})),
])
def test_a_tool_call_typed_by_hand_is_that_call(text, call):
    assert one_call(text) == call


def test_a_tool_name_in_a_sentence_is_no_call():
    assert written_call("check_quality 到底查哪些东西?") is None
    assert written_call("what does add_cot need?") is None
    assert one_call("check_quality 到底查哪些东西?")[0] == "explain"


def test_an_uploaded_file_is_the_path_of_a_call_typed_without_one():
    assert plan("inspect_dataset sheet=Q3", ["/tmp/up/report.xlsx"]) == [
        {"name": "inspect_dataset", "args": {"path": "/tmp/up/report.xlsx", "sheet": "Q3"}}]


@pytest.mark.parametrize("text, call", [
    ("Don't touch old_faq.csv, just convert new_faq.csv to alpaca", ("convert_dataset", {"path": "new_faq.csv", "to": "alpaca"})),
    ("先别转格式,也别训练,就帮我看看 会员问答.xlsx", ("inspect_dataset", {"path": "会员问答.xlsx"})),
    ("要质检的是 新表.csv,不是旧表那个", ("check_quality", {"path": "新表.csv"})),
    ("no, I wanted pool-lora-4 evaluated, not pool-lora-3", ("evaluate_run", {"run_id": "pool-lora-4"})),
])
def test_what_a_message_rules_out_is_not_the_request(text, call):
    assert one_call(text) == call


def test_settings_and_quoted_words_are_never_ruled_out():
    assert acts.without_ruled_out("质检一下,别算ppl了") == "质检一下,别算ppl了"
    text = 'Use the template "Give a hint, not the answer" on kids.jsonl'
    assert acts.without_ruled_out(text) == text
    assert acts.without_ruled_out("别训了别训了,停掉 x-1") == "别训了别训了,停掉 x-1"  # "别训了" is itself the stop


@pytest.mark.parametrize("text, mix", [
    ("不要混通用数据,用 faq.jsonl 开训", 0.0),
    ("Start training on faq.jsonl without mixing in any general data", 0.0),
    ("用 faq.jsonl 开训,混一成通用数据", 0.1),
])
def test_no_general_data_is_a_share_of_zero(text, mix):
    assert one_call(text)[1]["mix_general"] == mix


@pytest.mark.parametrize("text, call", [
    ("Today:\n1. check quality of pets.jsonl\n2. convert it to qianfan\n3. train\nJust do #2 for now.",
     ("convert_dataset", {"path": "pets.jsonl", "to": "qianfan"})),
    ("待办:\n1. 探一下学习率(泳池.jsonl)\n2. 开训\n先做 1,跑 80 步", ("probe_learning_rate", {"path": "泳池.jsonl", "steps": 80})),
    ("报告看完了:\n- 长答案先留着\n- 冲突的以后再说\n先处理长答案,保留", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
])
def test_the_item_a_list_picks_is_the_request(text, call):
    assert one_call(text) == call


def test_a_company_in_a_list_of_identity_values_is_the_author():
    text = "Identity:\n- name: Pebble\n- company: Stone & Co\n- tone (later)\nFor now just fill name and company into identity.json"
    assert one_call(text) == ("fill_placeholders", {"path": "identity.json", "values": {"name": "Pebble", "author": "Stone & Co"}})


@pytest.mark.parametrize("text, values", [
    ("the assistant's name is Quill and author is Bureau of Land Records", {"name": "Quill", "author": "Bureau of Land Records"}),
    ("fill it in: name Pico, author Lumen AI. file's id.json", {"name": "Pico", "author": "Lumen AI"}),
    ("Set the name placeholder to 'Iris' and the author to 'Northstar' in id.json", {"name": "Iris", "author": "Northstar"}),
    ("identity.json 里开发单位为“市图书馆”,助手名称为“小书”", {"name": "小书", "author": "市图书馆"}),
])
def test_placeholder_values_in_more_words(text, values):
    assert one_call(text)[1]["values"] == values


@pytest.mark.parametrize("text, call", [
    ("id.json 能直接训吗?不能,里面还有{{name}}。名字填“小舟”", ("fill_placeholders", {"path": "id.json", "values": {"name": "小舟"}})),
    ("冲突的留着有用吗?没用。把冲突的删了", ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})),
    ("重复的留着干嘛,全删了", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("近似重复的是删了好还是留着好?算了,先留着吧", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
])
def test_a_question_the_person_answers_then_a_request(text, call):
    assert one_call(text) == call


@pytest.mark.parametrize("text, call", [
    ("看看 泳池.xlsx 有多少条,够一万条的话就开训", ("inspect_dataset", {"path": "泳池.xlsx"})),
    ("看看 run-0901 的 loss,要是降不下去就停了吧", ("training_status", {"run_id": "run-0901"})),
    ("evaluate pool-lora-2 and if it forgot a lot, retrain with 20% general data", ("evaluate_run", {"run_id": "pool-lora-2"})),
])
def test_a_condition_the_person_judges_comes_after_the_look_alone(text, call):
    assert one_call(text) == call
    assert len(plan(text)) == 1


@pytest.mark.parametrize("text", [
    "whats a learning rate exactly",
    "几个问题:\n1. 要多少条数据\n2. epoch 怎么定\n先回答第一个吧",
    "loss 到 0.05 了是不是就说明训好了?",
    "before I drop the near dupes from pets.jsonl — can that be undone?",
    "删完 泳池.jsonl 里的空答案,还能恢复吗",
    "把 泳池.xlsx 转成alpaca的话,原表会被覆盖吗?",
    "挂掉的那个如果续训,是接着断点还是从头",
    "你能不能直接读PDF?还是只能读excel",
    "Can you export straight to sharegpt, or is it only qianfan?",
    "which file formats does your tool accept for training data?",
    "我们表里有个“编号”列,这一列会被拿去训练吗?",
])
def test_questions_that_name_an_action_or_a_file_do_nothing(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


def test_a_question_about_the_data_uploaded_is_explained():
    assert plan("It's full of '???' where accents were. Do I fix those or just drop them?", ["/tmp/up/notes.json"])[0]["name"] == "explain"


def test_what_can_you_do_gets_the_list_of_what_it_can_do():
    assert plan("what can you actually do?") == [] and plan("你都能帮我干些什么?") == []
    decision = planner.decide([planner.Turn("user", "what can you actually do?")])
    assert decision.kind == "help"


def test_the_manual_and_the_product_answer_questions_about_files_and_time():
    assert knowledge.explain("你能不能直接读PDF?还是只能读jsonl")["topic"] == "terms_files"
    assert knowledge.explain("which file formats do you accept?")["topic"] == "terms_files"
    assert knowledge.explain("训练到底要跑多久?")["topic"] == "terms_duration"
    assert knowledge.explain("删完之后还能恢复吗")["topic"] == "terms_outputs"


@pytest.mark.parametrize("text, run", [
    ("resume 42, the power went out", "42"),
    ("0915那个接着跑", "0915"),
    ("是凌晨挂掉的那个,游泳-3", "游泳-3"),
    ("stop b3e9f1.", "b3e9f1"),
])
def test_more_ways_to_name_a_run(text, run):
    assert names.find_run_id(text)[0] == run


def test_a_bare_number_is_no_run_when_a_named_run_has_it():
    assert names.find_run_id("pool-lora-1 and pool-lora-2 are done; evaluate 2 first")[0] == "pool-lora-2"


@pytest.mark.parametrize("text, name", [
    ("add CoT to billing & refunds faq.xlsx", "billing & refunds faq.xlsx"),
    ("check calls_Q&A.jsonl", "calls_Q&A.jsonl"),
    ("probe the lr on wedding guests.csv", "wedding guests.csv"),
    ("嗯那个就是帮我看一下那个泳池问答.xlsx", "泳池问答.xlsx"),
])
def test_file_names_with_ampersands_spaces_and_spoken_filler(text, name):
    assert [f.text for f in find_paths(text)] == [name]


def test_the_typed_call_reader_knows_every_tool_but_explain():
    from assistant.nlu.written import _NAMES
    from assistant.toolset import TOOL_NAMES

    assert set(_NAMES) == set(TOOL_NAMES) - {"explain"}


# Rounds 72 and 73 (measured at first sight at c4aa909, then fixed against)

@pytest.mark.parametrize("text, call", [
    ("给 客服.jsonl 加思维链,先来 800 条……嗯,400 条吧", ("add_cot", {"path": "客服.jsonl", "n_samples": 400})),
    ("probe the lr on spa.jsonl, 400 steps... nah, too many. 120.", ("probe_learning_rate", {"path": "spa.jsonl", "steps": 120})),
    ("Augment spa.jsonl. A third? A quarter? Let's do a quarter.", ("augment_instructions", {"path": "spa.jsonl", "fraction": 0.25})),
    ("Train spa.jsonl. maybe 2 epochs? or 3. let's say 3. Mix in general data, 5%... no, 10%.",
     ("start_training", {"path": "spa.jsonl", "epochs": 3, "mix_general": 0.1})),
    ("在 spa.jsonl 上探一下学习率,步数 30 够吗?保险点,60 步", ("probe_learning_rate", {"path": "spa.jsonl", "steps": 60})),
])
def test_the_value_settled_on_is_the_one_used(text, call):
    assert one_call(text) == call


def test_a_value_said_after_a_comma_is_no_change_of_mind():
    assert one_call("Train on spa.jsonl with 400 rows a day in mind, 6 epochs.")[1]["epochs"] == 6
    assert one_call("给 spa.jsonl 加 few-shot,每个 prompt 带 2 个例子……嗯还是 3 个吧,2 个太少了")[1]["k"] == 3


@pytest.mark.parametrize("text, call", [
    ("Run finished. run_id=spa-lora-2, final train_loss=0.38\n评估一下这个", ("evaluate_run", {"run_id": "spa-lora-2"})),
    ("训练状态:已暂停  进度 40%\n继续吧", ("resume_training", {})),
    ("INFO: run 4d2a7c queued at 10:02\nis it actually running yet? check", ("training_status", {"run_id": "4d2a7c"})),
    ("> 已将 spa.csv 转换为 alpaca 格式\n错了,我要的是 sharegpt 格式", ("convert_dataset", {"path": "spa.csv", "to": "sharegpt"})),
    ("file: spa.jsonl | rationale column: why\nadd CoT samples", ("add_cot", {"path": "spa.jsonl", "rationale_field": "why"})),
])
def test_pasted_lines_say_what_it_is_about_and_the_last_line_what_to_do(text, call):
    assert one_call(text) == call


def test_a_question_under_pasted_lines_is_explained():
    assert one_call("质检报告:garbled 9 条\n这一项指的是什么?")[0] == "explain"
    assert names.find_run_id("eval_loss: 1.83  train_loss: 0.21") is None  # a metric is no run


@pytest.mark.parametrize("text, call", [
    ("spa.xlsx 里面第三个表“预约”,转成alpaca", ("convert_dataset", {"path": "spa.xlsx", "sheet": "预约", "to": "alpaca"})),
    ("重复的都删了,不管是一模一样的还是差不多的", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("the short answers can stay", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("name the bot Spa Buddy", ("fill_placeholders", {"values": {"name": "Spa Buddy"}})),
    ("Would you be able to tell me how the current training run is going?", ("training_status", {})),
])
def test_more_shapes_of_ordinary_requests(text, call):
    assert one_call(text) == call


def test_a_sentence_subject_is_no_placeholder():
    text = "Rebranding is eating my week. The bot is called Fern and the author is Oak Labs. Put those into identity.json."
    assert one_call(text)[1]["values"] == {"name": "Fern", "author": "Oak Labs"}
    assert [f.text for f in find_paths("我刚传了维修FAQ.csv,看看")] == ["维修FAQ.csv"]


@pytest.mark.parametrize("text, call", [
    ("got `Training started: run r_9a1b2c` this morning and then my laptop died. where's it at?", ("training_status", {"run_id": "r_9a1b2c"})),
    ("epochs for 600?", ("suggest_hyperparameters", {"n_samples": 600})),
    ("改口一下,停 job-0801-01 就好,02 还要接着跑", ("stop_training", {"run_id": "job-0801-01"})),
    ("gimme the verdict on run-0801-x", ("evaluate_run", {"run_id": "run-0801-x"})),
])
def test_readings_kept_when_the_model_was_rebuilt_with_more_corpora(text, call):
    assert one_call(text) == call


def test_a_stopped_run_to_carry_on_is_resumed():
    assert one_call("停掉的 run-0801 接着跑吧") == ("resume_training", {"run_id": "run-0801"})
    assert one_call("run-0802 先别停,让它接着跑")[0] != "stop_training"


# Rounds 74 to 76 (measured at first sight at 144e00e, then fixed against)

@pytest.mark.parametrize("text, run", [
    ("check how spa-lora-c did", "spa-lora-c"),
    ("resume the one named pool_lora_b", "pool_lora_b"),
    ("kill run 20250101-2", "20250101-2"),
    ("run-x 是我故意停的,run-y 是 OOM 挂的,恢复 run-y", "run-y"),
])
def test_runs_named_without_a_digit_or_with_a_short_suffix(text, run):
    assert names.find_run_id(text)[0] == run


def test_stop_before_a_gerund_is_no_run_stop():
    assert one_call("I need the bot to stop inventing opening hours. Is that a data problem or a settings problem?")[0] == "explain"
    assert one_call("stop training, the loss is exploding")[0] == "stop_training"


@pytest.mark.parametrize("text, call", [
    ("The loss went flat and then crept up, which is overfitting.\nYour one job right now: stop run-0901.", ("stop_training", {"run_id": "run-0901"})),
    ("Look at the flagged rows with me. They dodge.\nThe one thing to do now: drop the answers that are questions.",
     ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("短答案全部保留,我们的是非题本来就短", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("泳池.xlsx 里同一个问题两个答案对不上的那些,全部删除", ("apply_quality_rule", {"rule": "conflict", "decision": "drop", "path": "泳池.xlsx"})),
    ("the answers that are maybe a word or two long, drop those", ("apply_quality_rule", {"rule": "short_answer", "decision": "drop"})),
    ("刚才停电了,帮我把训练接回去", ("resume_training", {})),
    ("pool-lora-2 跑完未呀?", ("training_status", {"run_id": "pool-lora-2"})),
    ("Please you can test the learning rate for my file? It is called pool.jsonl. I want 90 step.", ("probe_learning_rate", {"path": "pool.jsonl", "steps": 90})),
])
def test_more_shapes_of_requests_after_a_story_or_in_few_words(text, call):
    assert one_call(text) == call


@pytest.mark.parametrize("text, values", [
    ("For {{name}} use PoolPal, {{author}} is Aqua Centre. File is id.json", {"name": "PoolPal", "author": "Aqua Centre"}),
    ("id.json 個 name 改做「泳池仔」,author 係「水上中心」", {"name": "泳池仔", "author": "水上中心"}),
    ('the bot should be called "Splash" and made by "Aqua Centre" in id.json', {"name": "Splash", "author": "Aqua Centre"}),
])
def test_placeholder_values_in_still_more_words(text, values):
    assert one_call(text)[1]["values"] == values


def test_questions_about_a_gpu_and_a_files_purpose_are_explained():
    assert knowledge.explain("Do I need a GPU for this? Our PCs are old")["topic"] == "terms_duration"
    assert one_call("identity.json is for what ah?")[0] == "explain"
    assert one_call("把短答案全删了会有什么影响")[0] == "explain"


# Rounds 77 and 78 (measured at first sight at 685c0f6, then fixed against): questions about what a step does to the
# person's files must never become that step

@pytest.mark.parametrize("text", [
    "删空答案是删我原始文件里的吗,还是另存一份",
    "When you drop empty answers, are the rows removed from my actual file or from a copy?",
    "填 id.json 的占位符会直接改原文件吗",
    "上传的文件会传到外网吗?我们是诊所的数据",
    "Where does the converted file end up?",
    "is 3,000 rows enough for a parking bot?",
    "batch size 一般设多少合适?",
])
def test_questions_about_files_data_and_usual_values_do_nothing(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


def test_the_product_answers_where_data_goes():
    assert knowledge.explain("上传的文件会传到外网吗?")["topic"] == "terms_offline"
    assert knowledge.explain("are the rows removed from my actual file or from a copy?")["topic"] == "terms_outputs"


def test_a_quoted_value_keeps_its_last_character_and_a_run_that_needs_stopping_is_stopped():
    assert one_call("名字不是“好停车”,是“停好啦”")[1]["values"] == {"name": "停好啦"}
    assert one_call("No, don't stop lot-2, it's lot-3 that needs stopping.") == ("stop_training", {"run_id": "lot-3"})


def test_a_format_needed_for_an_upload_is_a_conversion():
    assert plan("need this in csv, for the sales team", ["/tmp/up/pool.jsonl"]) == [
        {"name": "convert_dataset", "args": {"path": "/tmp/up/pool.jsonl", "to": "csv"}}]
