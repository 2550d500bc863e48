"""General causes found after the models were rebuilt with rounds 85-90 and, later, in the round-91 to round-96 blind
corpora once each was measured; tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text", [
    "80 条数据硬训 30 个 epoch,会咋样?",  # what would follow, not the values for 80 samples
    "Is more data always make the bot better? My boss say yes.",
])
def test_what_would_follow_is_explained(text):
    assert one_call(text)[0] == "explain"


def test_a_named_run_against_the_base_is_its_evaluation():
    assert one_call("is kefu-v3 really better than the original model?") == ("evaluate_run", {"run_id": "kefu-v3"})


def test_a_files_format_asked_while_checking_it_is_a_look():
    assert one_call("check menu_toolcall_demo.json for me — is it sharegpt-style like the LLaMA-Factory demos?") == (
        "inspect_dataset", {"path": "menu_toolcall_demo.json"})


def test_a_remark_that_asks_nothing_gets_no_explanation():
    assert plan("模型训完以后我还是放到千帆上去部署,这边就当练练手,哈哈") == []
