"""General causes the round-17 blind corpus (three teams over a month) showed, tested on phrasings of our own."""
from __future__ import annotations

from routing import one_call

from assistant.nlu.review import rule_command


def test_a_quoted_instruction_that_belongs_to_the_family_is_the_familys():
    args = one_call("kb.jsonl 的指令都是“英译中”,帮我拿这组模板做指令增强:英译中|翻成中文|译为中文")[1]
    assert args["templates"] == ["英译中|翻成中文|译为中文"]


def test_a_message_opening_with_a_training_verb_is_a_run():
    tool, args = one_call("Train on the file I just uploaded, mix in 10% general data.", ["/tmp/u/npc.json"])
    assert (tool, args["path"], args["mix_general"]) == ("start_training", "/tmp/u/npc.json", 0.1)


def test_a_dashed_run_id_at_the_end_of_a_sentence():
    assert one_call("Evaluate faq-lora-7.")[1]["run_id"] == "faq-lora-7"


def test_a_rule_left_alone_is_not_the_one_meant():
    assert rule_command("等下,我说的是删掉近似重复的,完全重复的不用动") == ("near_duplicate", "drop")


def test_the_step_count_taken_back_is_not_used():
    assert one_call("Oops, I said 10 steps. Make the LR probe on kb.csv 40 steps instead.") == (
        "probe_learning_rate", {"path": "kb.csv", "steps": 40})
