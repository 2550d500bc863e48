"""General causes found in the round-121 to round-132 blind corpora once each was measured; tested on phrasings of
our own."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import paths
from assistant.nlu.planner import steps_of
from assistant.offline import plan


@pytest.mark.parametrize("text, tool, args", [
    ("开训吧,lora rank 16,最多 900 步", "start_training", {"lora_r": 16, "max_steps": 900}),
    ("chain-of-thought for 120 of them", "add_cot", {"n_samples": 120}),
    ("few-shot 每题配两个例子", "add_few_shot", {"k": 2}),
])
def test_a_clear_request_with_settings_and_no_file_yet_is_called_and_the_guard_asks(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text", ["好,就按三个 epoch 来,开始。", "Fine, three epochs it is, go ahead."])
def test_agreeing_to_a_plan_with_its_values_starts_nothing_without_a_file(text):
    assert plan(text) == []  # the consent layer answers a plan waiting; with none, nothing is called


@pytest.mark.parametrize("text, tool, path", [
    ("inspect harbour_faq_v3 please", "inspect_dataset", "harbour_faq_v3"),
    ("把 售后语料_终版 转成 alpaca", "convert_dataset", "售后语料_终版"),
    ("fine-tune on clinic_notes_clean, 2 epochs", "start_training", "clinic_notes_clean"),
    ("check quality of tickets_2024.cvs", "check_quality", "tickets_2024.cvs"),
])
def test_a_dataset_named_without_its_extension_is_the_steps_file(text, tool, path):
    name, args = one_call(text)
    assert name == tool and args["path"] == path


@pytest.mark.parametrize("text", ["set max_steps to 500", "the answer is in the model_answer column", "stop run_0703",
                                  "q_col=subject a_col=reply", "eval_loss: 1.83"])
def test_settings_fields_and_runs_are_no_bare_dataset_names(text):
    assert paths.bare_dataset_name(text) is None


@pytest.mark.parametrize("text, first", [
    ("转成 sharegpt 再开训,不过转之前先把重复的删掉", "把重复的删掉"),
    ("开始训练吧;在此之前先看看 a.jsonl 有多少条", "看看 a.jsonl 有多少条"),
    ("train it for 3 epochs, but before that check the quality of b.csv", "check the quality of b.csv"),
    ("Convert it to alpaca — actually no, the dedupe has to come first", "the dedupe has to come first"),
])
def test_a_step_said_to_come_first_is_planned_first(text, first):
    assert steps_of(text)[0] == first


def test_seeing_the_plan_before_a_start_is_no_step_of_its_own():
    assert steps_of("帮我用这份数据做学习率探测,开跑之前先给我看下要多久") == ["帮我用这份数据做学习率探测,开跑之前先给我看下要多久"]


def test_a_step_said_first_without_its_file_works_on_the_file_named_later():
    assert one_call("kick off training on bot_identity.json, but its {{name}} needs to be Nova first") == (
        "fill_placeholders", {"path": "bot_identity.json", "values": {"name": "Nova"}})


@pytest.mark.parametrize("text, tool", [
    ("did the model pick up the bus stop announcements or not", "evaluate_run"),
    ("断掉的 run-0812 不应该继续跑吗?", "resume_training"),  # "shouldn't it go on?" asked
    ("上周那个停掉的,接着让它学吧", "resume_training"),  # the stop describes the run to carry on
    ("The team would like job-77b stopped, please.", "stop_training"),
    ("用 票务.xlsx 扫一下 learning rate", "probe_learning_rate"),
    ("run the lr tset on kb.jsonl", "probe_learning_rate"),
])
def test_runs_and_probes(text, tool):
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text", ["跑完了,它学会那些 e-stop 规程了没有", "add the e-stop FAQ to the few-shot file? no, just asking",
                                  "我们的 stop words 表要不要清洗"])
def test_a_noun_built_on_stop_stops_nothing(text):
    assert "stop_training" not in [call["name"] for call in plan(text)]


def test_a_word_inside_a_name_is_no_typo_of_a_keyword():
    from assistant.nlu.intents import fix_typos
    assert fix_typos("fin_cqa_trian") == "fin_cqa_trian" and fix_typos("convrt it") == "convert it"
    assert one_call("不是 kb_trian,是 kb_train.jsonl,重新看")[0] == "inspect_dataset"


@pytest.mark.parametrize("text, first", [
    ("先看→再转→开训,文件 kb.jsonl", "inspect_dataset"),
    ("check quality -> drop dupes -> train +", "check_quality"),
])
def test_a_chain_of_arrows_is_steps_in_order(text, first):
    files = ["/tmp/u/kb.jsonl"] if text.endswith("+") else []
    assert one_call(text.rstrip(" +"), files)[0] == first


@pytest.mark.parametrize("text", ["{{name}} -> Pip, {{author}} -> Acme", "loss 0.81 → 0.86 → 0.93, stop r-0721",
                                  "kb.jsonl >> few-shot(k=4) >> all records"])
def test_arrows_that_map_values_or_pipe_a_file_are_no_chain(text):
    from assistant.nlu.intents import split_steps
    assert len(split_steps(text)) < 3


# Readings the rebuild with rounds 121-132 moved, won back by general rules (our own phrasings).
@pytest.mark.parametrize("text, files, tool", [
    ("has fine-tuning damaged its general skills? check please", [], "evaluate_run"),
    ("why might too many epochs hurt general abilities?", [], "explain"),  # asked in general: explained
    ("what learning rate should we use", [], "suggest_hyperparameters"),
    ("批大小设多大合适?", ["/tmp/u/kb.jsonl"], "suggest_hyperparameters"),
    ("epoch 设多少合适,跟数据量有关系吗", [], "explain"),  # the relation asked: explained
    ("马上开训", ["/tmp/u/kb.jsonl"], "start_training"),
    ("ok here's the file", ["/tmp/u/kb.jsonl"], "inspect_dataset"),
    ("用 客服问答.jsonl 训一版看看", [], "start_training"),
    ("先给 faq.jsonl 做个 lr 探针", [], "probe_learning_rate"),
    ("打开 faq.jsonl 看看,它是 alpaca 还是 sharegpt", [], "inspect_dataset"),
    ("和原来的模型比,kb-run-3 好了多少?", [], "evaluate_run"),
])
def test_moved_readings_won_back(text, files, tool):
    assert one_call(text, files)[0] == tool


def test_a_question_after_a_hesitation_is_still_asked():
    text = "so, um, what if I trained without any general data? would it, uh, forget things?"
    assert plan(text)[0]["name"] == "explain"


@pytest.mark.parametrize("text", [
    "如果 epoch 改成 12、lr 调到 5e-4,会不会过拟合?只是问问,先别改",
    "What-if only, do not execute:\n1. mix in 30% general data\n2. would the domain answers get worse?",
    "hypothetically, 8 epochs on 400 samples — too many?",
])
def test_a_question_said_not_to_act_on_acts_on_nothing(text):
    assert [call["name"] for call in plan(text)] in ([], ["explain"])


def test_off_topic_with_just_curious_stays_off_topic():
    assert plan("what's your favourite film? just curious") == []


def test_a_look_said_with_dont_change_anything_is_still_the_look():
    assert one_call("What's in kb.jsonl? Just read it, don't change anything.")[0] == "inspect_dataset"


@pytest.mark.parametrize("text, tool, args", [
    ("学习率先给我探一探,用 kb.jsonl,80 步", "probe_learning_rate", {"path": "kb.jsonl", "steps": 80}),
    ("worth doing an lr probe first? yep. 120 steps on kb.jsonl", "probe_learning_rate", {"path": "kb.jsonl", "steps": 120}),
    ("Should we keep the blank-answer rows? No. Drop them.", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("短答案该不该留?算了,都留着吧", "apply_quality_rule", {"rule": "short_answer", "decision": "keep"}),
])
def test_a_question_answered_by_the_person_then_the_step(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool", [
    ("do one of those LR sweeps on kb.jsonl, 60 steps", "probe_learning_rate"),
    ("the probe looked odd. run it again on kb.jsonl", "probe_learning_rate"),  # (the probe, run again)
    ("Last night I asked you to stop kb-run-2. Start it back up where it left off.", "resume_training"),
    ("早上续上的那个还是停掉吧", "stop_training"),
    ("Big picture: check, clean, augment, train. For now just inspect kb.jsonl.", "inspect_dataset"),
    ("计划是这样:先查质量、再加思维链、最后开训。现在先查一下 kb.jsonl 的质量", "check_quality"),
])
def test_wave_four_causes(text, tool):
    assert one_call(text)[0] == tool


@pytest.mark.parametrize("text, rule, decision", [
    ("don't keep the near-duplicates", "near_duplicate", "drop"),
    ("不要保留冲突的那些", "conflict", "drop"),
    ("等等,乱码的别留,删了", "garbled", "drop"),
    ("别删短答案", "short_answer", "keep"),  # not dropping is still a keep
    ("never drop the long answers", "long_answer", "keep"),
])
def test_keeping_ruled_out_is_a_drop(text, rule, decision):
    from assistant.nlu import review
    assert review.rule_command(text) == (rule, decision)


@pytest.mark.parametrize("text, sheet", [
    ("排班表.xlsx 夜班安排那页转成 alpaca", "夜班安排"),
    ("roster.xlsx to sharegpt, sheet Night Shift", "Night Shift"),
    ("check roster.xlsx sheet Q4 and then convert it", "Q4"),  # a joining word is no part of the name
])
def test_sheet_names_in_more_shapes(text, sheet):
    assert one_call(text)[1]["sheet"] == sheet
