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


@pytest.mark.parametrize("text, want", [
    ("等下,epoch 写错了,应该是 5,faq.jsonl 重新训", {"epochs": 5}),
    ("Oops, not 2 epochs — make it 6. Same file, faq.jsonl.", {"epochs": 6}),
])
def test_a_corrected_value_after_it_was_said_wrong(text, want):
    tool, args = one_call(text)
    assert tool == "start_training" and {k: args.get(k) for k in want} == want


def test_the_probe_steps_changed():
    assert one_call("faq.jsonl 跑一下学习率范围测试,步数改成 45")[1]["steps"] == 45


@pytest.mark.parametrize("text, tool", [
    ("用 faq_qianfan.jsonl 起一个精调任务", "start_training"),
    ("faq.csv 全部做成链式推理的样本", "add_cot"),
    ("Work out the epochs and batch size for faq.jsonl.", "suggest_hyperparameters"),
    ("Score every record in faq.jsonl and flag whatever looks off.", "check_quality"),
    ("问法太单一了 faq.jsonl 扩 500 条", "augment_instructions"),
    ("faq-run-3 is done. Run the eval please.", "evaluate_run"),
    ("给上次训练出个评估报告", "evaluate_run"),
    ("在 data/faq.json 上训一版 LoRA,template 用 llama3,cutoff_len 1024", "start_training"),
    ("Summarise what the manual says about epochs.", "explain"),
    ("Before we train on faq.xlsx, check it for junk.", "check_quality"),
    ("Can you look over faq.jsonl and tell me if the format is valid?", "inspect_dataset"),
])
def test_requests_in_other_words(text, tool):
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text", ["Were I to double the data, would the model improve?", "要是只训 50 条,会出现什么情况",
                                  "Questions:\n1. Must the answer be its own field?\n2. Can a file mix languages?",
                                  "In alpaca format, which fields does each record need?"])
def test_more_questions_are_explained(text):
    assert one_call(text)[0] == "explain"


def test_a_polite_ask_to_run_the_probe(tmp_path):
    assert one_call("学习率我不会选……能不能在刚传的数据上跑一下学习率探测?", ["/tmp/u/faq.jsonl"])[0] == "probe_learning_rate"
    assert one_call("学习率探测是干嘛的,要跑多久")[0] == "explain"


def test_placeholder_values_in_other_words():
    assert one_call("Put Northwind as the {{author}} in identity.json.")[1]["values"] == {"author": "Northwind"}
    assert one_call("把 identity.json 的 {{name}} 改成 Kiki,{{author}} 写 Acme。")[1]["values"] == {"name": "Kiki", "author": "Acme"}


def test_review_rules_in_other_words():
    assert one_call("Answers that are also questions, remove them all.")[1] == {"rule": "answer_is_question", "decision": "drop"}
    assert one_call("我刚说删长答案是口误,长答案都保留")[1] == {"rule": "long_answer", "decision": "keep"}


def test_a_resume_said_of_the_run_that_should_be_resumed():
    assert one_call("Not run_11a — it's run_12 that should be resumed") == ("resume_training", {"run_id": "run_12"})


@pytest.mark.parametrize("text, tool", [
    ("Where's run qa-0099 at?", "training_status"),
    ("上次那个模型学到了多少?请评价一下。", "evaluate_run"),
    ("请恢复此前中止的训练任务 run-20250101-02。", "resume_training"),
    ("把 run_9c1d 接上往下训", "resume_training"),
    ("We have about 2,000 pairs now — what epochs and learning rate would you recommend?", "suggest_hyperparameters"),
])
def test_a_third_batch_of_phrasings(text, tool):
    assert one_call(text)[0] == tool


def test_a_third_batch_of_arguments():
    assert one_call("few-shot k=3 全量 faq.jsonl")[1]["fraction"] == 1.0
    assert one_call("探测改 25 步,还是 faq.jsonl") == ("probe_learning_rate", {"path": "faq.jsonl", "steps": 25})
    assert one_call("Please replace the {{name}} in identity.json by 'Miko'.")[1]["values"] == {"name": "Miko"}


def test_how_to_judge_forgetting_is_a_question():
    assert one_call("怎么判断模型有没有灾难性遗忘")[0] == "explain"


@pytest.mark.parametrize("text", ["万一答案里还留着 {{name}} 这种占位符没填就拿去训练,机器人会怎么回答用户",
                                  "如果把近似重复的都删掉,会怎么样?"])
def test_a_hypothetical_applies_no_review_rule(text):
    assert one_call(text)[0] == "explain"
