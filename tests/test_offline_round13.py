"""General causes the round-13 blind corpus showed (formal Chinese, mixed zh/en, non-native English), tested on
phrasings of our own: status, resume and evaluation said in other words; "请问" and "what would you say" are no
requests; "若" opens a hypothetical; what a correction calls off goes; short run ids after a run verb; counts,
steps and values written in other word orders; folder names before a name with spaces; slang for getting going
on data."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts
from assistant.nlu.paths import find_paths
from assistant.nlu.review import placeholder_values
from assistant.offline import plan


@pytest.mark.parametrize("text, tool", [
    ("how is my training now, finish or not?", "training_status"),
    ("the run was stopped last night, please continue it again", "resume_training"),
    ("could you pick it up from the latest checkpoint? run sft-a1-0801", "resume_training"),
    ("从最近的检查点把任务 20241103_101500 恢复一下", "resume_training"),
    ("eval run-9 vs base, want rouge", "evaluate_run"),
    ("run is finished, please test the tuned model, it become better or not", "evaluate_run"),
    ("微调完了,和基座相比提升大不大,帮我测一下", "evaluate_run"),
])
def test_status_resume_and_evaluation_in_other_words(text, tool):
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text", [
    "请问训练数据该用哪种格式,问答是否必须分成两个字段?",
    "what would you say is the right way to think about warmup for lora?",
    "few-shot 示例对小模型真的有帮助吗",
    "若数据里有一半答案是错的,模型会学成什么样?",
    "Is bigger batch always make training better?",
])
def test_questions_and_hypotheticals_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_a_question_about_another_kind_of_training_is_not_ours():
    assert plan("how do I train my dog to sit", []) == []


@pytest.mark.parametrize("text, tool", [
    ("等等,cot 先不做了,改成 few-shot,文件还是 kb.jsonl", "add_few_shot"),
    ("不是要转换格式,而是想看一下 kb.jsonl 有多少条", "inspect_dataset"),
    ("wait, skip the cot, do few-shot on kb.jsonl", "add_few_shot"),
])
def test_what_a_correction_calls_off_goes(text, tool):
    assert acts.speech_act(text) == "correction"
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text, run", [("stop r3 now", "r3"), ("评估一下 r15 这次的效果", "r15"), ("resume 20250101_080000", "20250101_080000")])
def test_short_and_underscored_run_ids(text, run):
    assert one_call(text)[1]["run_id"] == run


def test_a_rank_written_r_space_number_is_no_run():
    tool, args = one_call("kick off lora on kb.jsonl, ep 3, lr 1e-4, r 16")
    assert (tool, args.get("lora_r"), args.get("run_id")) == ("start_training", 16, None)


@pytest.mark.parametrize("text, args", [
    ("给 kb.jsonl 做 few-shot,每个问题放 3 个带答案示例", {"k": 3}),
    ("kb.jsonl 跑个学习率探测,steps 就 30", {"steps": 30}),
    ("augment kb.jsonl instructions, rewrite each one of them", {"fraction": 1.0}),
])
def test_counts_in_other_words(text, args):
    got = one_call(text)[1]
    assert {k: got.get(k) for k in args} == args
    assert "n_samples" not in got


def test_doing_it_once_is_no_count():
    assert "n_samples" not in one_call("对 kb.jsonl 做一次指令增强")[1]


def test_a_clause_after_a_family_of_templates_is_not_a_template():
    args = one_call("对 kb.jsonl 做指令增强,参考:英译中|翻成中文|译为中文,每条改写一次即可")[1]
    assert args["templates"] == ["英译中|翻成中文|译为中文"]


@pytest.mark.parametrize("text, values", [
    ("把 bot.json 的占位符填上:{{name}} 用“小蓝”,{{author}} 用“蓝海团队”", {"name": "小蓝", "author": "蓝海团队"}),
    ("fill bot.json: name=Blue, author=ops team", {"name": "Blue", "author": "ops team"}),
])
def test_placeholder_values_in_other_forms(text, values):
    assert placeholder_values(text) == values


def test_a_sheet_name_is_no_placeholder():
    tool, args = one_call("pls look data/qa set (v2).xlsx, the sheet name is Tab3")
    assert (tool, args["path"], args["sheet"]) == ("inspect_dataset", "data/qa set (v2).xlsx", "Tab3")


def test_a_folder_before_a_name_with_spaces_and_brackets():
    assert [p.text for p in find_paths("open data/train set (final).xlsx")] == ["data/train set (final).xlsx"]


@pytest.mark.parametrize("text, rule", [("drop exact dups from the last check", "exact_duplicate"),
                                        ("答案短得离谱的先留着", "short_answer")])
def test_review_rules_in_other_words(text, rule):
    assert one_call(text)[1]["rule"] == rule


def test_a_look_that_asks_whether_the_format_is_right():
    assert one_call("kb.csv 帮我 scan 一下,format 对不对,有没有空的 answer")[0] == "inspect_dataset"


def test_slang_for_getting_going_on_cot_data_makes_the_data():
    assert one_call("cot 数据整起来!就用 kb.csv")[0] == "add_cot"
