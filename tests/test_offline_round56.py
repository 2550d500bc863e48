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
