"""Causes of misses left from the round-439 to round-446 blind corpora and of the round-447 to round-454 corpora (measured at
first sight before any fix, then mended); tested on phrasings of our own (a pottery studio), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import dictated
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    ("tan yixia xuexilv, yong pottery_qa.jsonl, pao 300 bu", ("probe_learning_rate", {"path": "pottery_qa.jsonl", "steps": 300})),
    ("kankan pottery_qa.jsonl", ("inspect_dataset", {"path": "pottery_qa.jsonl"})),
])
def test_pinyin_probe_and_look_are_read_as_the_characters(text, want):
    assert one_call(text) == want


def test_pinyin_one_syllable_words_are_read_only_in_a_pinyin_message():
    assert dictated.pinyin("tan yixia xuexilv") == "探一下学习率"
    assert dictated.pinyin("yong the glaze file") == "yong the glaze file"


@pytest.mark.parametrize("text", [
    "First check quality, then drop near duplicates, then train with lora r 16",
    "先检查质量,再去掉近似重复,然后用 lora r 16 训练",
])
def test_a_list_said_first_then_with_no_file_is_its_first_step_not_the_last_ones_settings(text):
    calls = plan(text)
    assert [c["name"] for c in calls] == ["check_quality"] and "path" not in calls[0]["args"]
    assert one_call(text, ["/tmp/sft-eval/uploads/pottery_qa.csv"])[0] == "check_quality"
