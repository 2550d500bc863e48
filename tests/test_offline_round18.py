"""General causes the round-18 to round-21 blind corpora (fine-tuning veterans, ordinary users, a spread of voices,
two teams over a project) showed, tested on phrasings of our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, slots
from assistant.nlu.paths import resolve_named
from assistant.nlu.variants import plain_chinese


@pytest.mark.parametrize("text", ["LoRA 跟全量微调到底差在哪", "一条样本最少要几个字段", "whats few-shot data",
                                  "honestly, how many samples does fine-tuning need?", "Is forgetting a real risk with tiny data?",
                                  "手册里说的“梯度累积”是怎么回事?"])
def test_a_question_in_plain_form_is_explained(text):
    assert one_call(text)[0] == "explain"


@pytest.mark.parametrize("text", ["训完了,效果怎么样", "训练进度怎么样"])
def test_how_the_users_own_run_went_is_no_concept_question(text):
    assert one_call(text)[0] in ("evaluate_run", "training_status")


def test_traditional_and_cantonese_wording_is_read_as_mandarin():
    assert plain_chinese("幫我睇下呢個檔案有幾筆資料,點解咁少?") == "帮我看下呢个文件有几条数据,为什么这么少?"
    assert plain_chinese("模型训练好了么") == "模型训练好了么"  # Simplified text is left alone (no 么 → 幺)
    assert one_call("可唔可以將 faq.csv 轉做千帆嘅格式?") == ("convert_dataset", {"path": "faq.csv", "to": "qianfan"})
    assert one_call("質檢出嚟啲重複嘅全部刪走佢")[1] == {"rule": "duplicates", "decision": "drop"}


def test_a_name_the_user_wrote_in_traditional_characters_is_kept():
    args = one_call("把 商品問答.xlsx 轉成 alpaca,問題欄是「顧客提問」")[1]
    assert args["to"] == "alpaca" and args["question_field"] == "顧客提問" and args["path"] == "商品問答.xlsx"


def test_a_list_items_label_is_no_part_of_the_file_name():
    assert [f.text for f in resolve_named("- 数据:售后对话.jsonl\n- 示例数:2", [])] == ["售后对话.jsonl"]
    assert [f.text for f in resolve_named("再做一批:faq_v2.jsonl", [])] == ["faq_v2.jsonl"]
    assert [f.text for f in resolve_named("用 C:\\data\\qa.csv", [])] == ["C:\\data\\qa.csv"]


@pytest.mark.parametrize("text, fields", [
    ("FILE 的 退货 sheet 读一下", {"sheet": "退货"}),
    ("Convert FILE (sheet Returns) to csv", {"sheet": "Returns"}),
    ("FILE 有三个 sheet,我要“二期”那个", {"sheet": "二期"}),
    ("问题字段 客户原话,答案字段 标准答复", {"question_field": "客户原话", "answer_field": "标准答复"}),
    ("- target: csv\n- answer field: output_text", {"answer_field": "output_text"}),
    ("按 推理 列做 CoT", {"rationale_field": "推理"}),
    ("推理过程取 why 那一列", {"rationale_field": "why"}),
])
def test_sheet_and_field_names_in_more_phrasings(text, fields):
    assert slots.find_fields(text) == fields


def test_n_percent_is_a_share():
    assert one_call("Add CoT to 15 percent of faq.jsonl")[1]["fraction"] == 0.15


def test_one_round_is_the_run_when_an_epoch_count_follows():
    assert amounts.training_args("开一轮 LoRA,4 个 epoch") == {"epochs": 4}
    assert amounts.training_args("学习率 1e-4 跑一轮") == {"learning_rate": 0.0001, "epochs": 1}


@pytest.mark.parametrize("text", ["The box restarted overnight and my run crashed. Please continue it from the last checkpoint.",
                                  "昨天断电,训练停了,帮我接着往下训"])
def test_a_resume_told_as_a_story(text):
    assert one_call(text)[0] == "resume_training"


def test_mixing_general_data_is_a_setting_of_the_run():
    assert one_call("用 faq.csv 微调,担心遗忘,混 20% 通用数据") == ("start_training", {"path": "faq.csv", "mix_general": 0.2})


def test_how_good_the_model_from_a_run_is():
    assert one_call("how good is the model from 5c0ffe") == ("evaluate_run", {"run_id": "5c0ffe"})


def test_a_placeholder_value_taken_back_and_a_made_value():
    assert one_call("author 写错了,应该是“北辰科技”,identity.json 再填一次")[1]["values"] == {"author": "北辰科技"}
    assert one_call("make name 'Juniper' in identity.json")[1]["values"] == {"name": "Juniper"}
    assert one_call("identity.json: name = 'Kit', author = 'Dawn Labs'") == (
        "fill_placeholders", {"path": "identity.json", "values": {"name": "Kit", "author": "Dawn Labs"}})


def test_a_conversion_with_its_fields_is_a_conversion():
    assert one_call("faq.jsonl 改成 openai 格式,问题字段是 ask")[0] == "convert_dataset"
