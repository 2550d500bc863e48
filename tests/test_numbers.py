"""Numbers as people write them in requests (assistant/nlu/numbers.py)."""
from __future__ import annotations

import pytest

from assistant.nlu.numbers import find_numbers, parse_number


@pytest.mark.parametrize("text, value", [
    ("1200", 1200), ("1,200", 1200), ("12,000", 12000), ("1.2k", 1200), ("5K", 5000), ("2w", 20000), ("3W", 30000),
    ("3万", 30000), ("1.5万", 15000), ("1万5", 15000), ("2 万", 20000), ("两千", 2000), ("一千五百", 1500),
    ("一千五", 1500), ("两万三", 23000), ("十五", 15), ("二十", 20), ("3百", 300), ("两百五十", 250),
    ("三十万", 300000), ("一千零五", 1005), ("1千5百", 1500), ("1e-4", 0.0001), ("2E-5", 0.00002),
    ("0.0001", 0.0001), ("1x10^-4", 0.0001), ("万分之一", 0.0001), ("十万分之五", 0.00005),
    ("five thousand", 5000), ("a hundred", 100), ("twenty five", 25), ("20 thousand", 20000), ("1.5 million", 1_500_000),
])
def test_one_number(text, value):
    (num,) = find_numbers(text)
    assert num.value == pytest.approx(value)
    assert text[num.start:num.end] == num.text


def test_numbers_in_a_sentence_keep_their_order_and_spans():
    text = "我有两千条数据,学习率1e-4, 3w条也行, 1,200 rows"
    found = find_numbers(text)
    assert [n.value for n in found] == pytest.approx([2000, 0.0001, 30000, 1200])
    assert [text[n.start:n.end] for n in found] == ["两千", "1e-4", "3w", "1,200"]


@pytest.mark.parametrize("text", ["千帆", "转成千帆格式", "一下", "增强一下", "一些数据", "一共", "5kg", "3words"])
def test_words_that_only_look_like_numbers(text):
    assert [n for n in find_numbers(text) if n.value >= 1000 or n.text in ("一", "千")] == []


@pytest.mark.parametrize("token", ["千帆", "一下", "万一", "12三", ""])
def test_parse_number_refuses_non_numbers(token):
    assert parse_number(token) is None
