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
