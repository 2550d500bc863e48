"""General causes the round-54 to round-57 blind corpora showed after they were measured (a wedding studio, forwarded
notes, phone typing; a lost-and-found desk, a patent agency; people who change their mind inside one message), tested
on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import names, slots
from assistant.nlu.paths import find_paths, quoted


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
])
def test_a_turn_word_that_changes_nothing_leaves_the_request(text, tool):
    assert one_call(text)[0] == tool


def test_a_conversion_told_as_done_is_the_story_not_the_ask():
    text = ("We keep our ferry FAQ in a shared sheet. Our ops lead exported it to Excel last week and asked me to make sure "
            "it is fine. Could you look at ferry_faq.xlsx, the sheet called 'Routes'?")
    assert one_call(text) == ("inspect_dataset", {"path": "ferry_faq.xlsx", "sheet": "Routes"})
