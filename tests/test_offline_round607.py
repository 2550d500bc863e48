"""Causes of misses of the round-607 to round-614 blind corpora (one wave of eight, measured at first sight before any fix),
mended; tested on phrasings of our own (a lighthouse museum's visitor desk), not the corpora's."""
from __future__ import annotations

import json

import pytest
from routing import one_call

from assistant.nlu import dictated, names
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    # an idiom of thoroughness is no drop; a perplexity check asked beside it stays a check
    ("请对 灯塔问答.jsonl 开展一次质量检查,困惑度也算上,做到不留死角。", ("check_quality", {"path": "灯塔问答.jsonl", "ppl": True})),
    ("Check lamp_qa.csv, perplexity too, and keep it real.", ("check_quality", {"path": "lamp_qa.csv", "ppl": True})),
    # a probe named as the rate probed, or as "probing"
    ("Probe this rate on lamp_qa.jsonl, 60 steps.", ("probe_learning_rate", {"path": "lamp_qa.jsonl", "steps": 60})),
    ("A short warm-up: 90 steps of learning rate probing on lamp_qa.jsonl.", ("probe_learning_rate", {"path": "lamp_qa.jsonl", "steps": 90})),
    # how many epochs, asked beside the file
    ("灯塔问答.csv 两百来条,练几遍合适?", ("suggest_hyperparameters", {"path": "灯塔问答.csv", "n_samples": 200})),
    # the count said beside the file is kept (the tool counts the file and compares)
    ("lamp_qa.jsonl has about 900 rows; LoRA, what epochs?", ("suggest_hyperparameters", {"path": "lamp_qa.jsonl", "n_samples": 900, "method": "lora"})),
    ("灯塔问答.jsonl 一千二百条,不用lora用全量,参数给个数", ("suggest_hyperparameters", {"path": "灯塔问答.jsonl", "n_samples": 1200, "method": "full"})),
    ("Got 700 samples, full fine-tune, what's the lr?", ("suggest_hyperparameters", {"n_samples": 700, "method": "full"})),
    # counts of several files: the one trained on is counted by the tool
    ("我有 3 万条的 all.jsonl 和 900 条的 lamp.jsonl,只用 lamp.jsonl 训,参数怎么配?", ("suggest_hyperparameters", {"path": "lamp.jsonl"})),
    # a review rule decided, with a run's word in a figure of speech
    ("重复的那几条先留着,回头再议,继续前行。", ("apply_quality_rule", {"rule": "duplicates", "decision": "keep"})),
    # a run's setting put right with no plan in sight: the run's call, its file asked for by the guard
    ("change the lora rank to 8", ("start_training", {"lora_r": 8})),
    ("rank ain't 32, make it 8", ("start_training", {"lora_r": 8})),
    ("轮数四轮太少了,改六轮", ("start_training", {"epochs": 6})),
    ("lora_r 从 32 改成 8!", ("start_training", {"lora_r": 8})),
    ("the general data share should be 5 per cent, not ten", ("start_training", {"mix_general": 0.05})),
    ("通用数据比例调整为百分之五", ("start_training", {"mix_general": 0.05})),
    ("no. 300 steps is too many. 120.", ("probe_learning_rate", {"steps": 120})),
    ("不是 llama3-8b,底座换成 Qwen2-1.5B", ("start_training", {"base_model": "Qwen2-1.5B"})),
    ("混的通用数据不是5%,改成一成", ("start_training", {"mix_general": 0.1})),
    # a template's words are kept as written, beside courtesy and an error's shape
    ("Widen the instructions of lamp_qa.jsonl with 'Would you kindly explain {q}' and 'Warning: {q}'.",
     ("augment_instructions", {"path": "lamp_qa.jsonl", "templates": ["Would you kindly explain {q}", "Warning: {q}"]})),
    ("扩写 灯塔问答.jsonl 模板用 请问守塔人{q} 还有 {q}谢谢 全部都扩",
     ("augment_instructions", {"path": "灯塔问答.jsonl", "templates": ["请问守塔人{q}", "{q}谢谢"], "fraction": 1.0})),
    # drop and keep words of other voices
    ("一模一样的重复,统统斩去!", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("近似重复的,全部淘汰!", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("占位符的那些留着也没用,删了吧。", ("apply_quality_rule", {"rule": "placeholder", "decision": "drop"})),
    ("The answers left blank shall be kept.", ("apply_quality_rule", {"rule": "empty_answer", "decision": "keep"})),
    ("Answers of a word or two, keep them.", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("Conflicting answers? Your rules say drop them.", ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})),
    # a question nobody answers, then the decision that ends the message (of the rule it names)
    ("空答案的,跟没填有什么区别?全部删掉!", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("近似重复跟完全重复有啥区别?完全重复的删掉", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    # a share ruled out, then the one meant; a share of general data in words
    ("更正:通用数据比例不是百分之二十,调整为百分之五。", ("start_training", {"mix_general": 0.05})),
    ("Train on lamp_qa.jsonl for six epochs, mixing in ten per cent of general data.",
     ("start_training", {"path": "lamp_qa.jsonl", "epochs": 6, "mix_general": 0.1})),
    # a named run's state asked in so many words; a heading before the run named
    ("lh-0412 现在是啥情况?", ("training_status", {"run_id": "lh-0412"})),
    ("status of job lamp-77? it's been going all night.", ("training_status", {"run_id": "lamp-77"})),
    ("Night watch: evaluate run LH-009.", ("evaluate_run", {"run_id": "LH-009"})),
    # a CoT column taken in quotes; a file's name after a comma; a verb is no part of a name; "一条带" is each sample's
    ("用 灯塔问答.csv 里「守塔笔记」这一列,给一半样本加思维链", ("add_cot", {"path": "灯塔问答.csv", "rationale_field": "守塔笔记", "fraction": 0.5})),
    ("不是 alpaca,是千帆,灯塔问答 2024.csv 重新转", ("convert_dataset", {"path": "灯塔问答 2024.csv", "to": "qianfan"})),
    ("Kindly furnish lamp_qa.jsonl with few-shot examples, two apiece.", ("add_few_shot", {"path": "lamp_qa.jsonl", "k": 2})),
    ("灯塔问答.csv 加 few-shot,一条带三个例子", ("add_few_shot", {"path": "灯塔问答.csv", "k": 3})),
    # the conversion's sheet put right, said as the conversion's
    ("for the conversion, use sheet 'Tower' not 'Keeper'", ("convert_dataset", {"sheet": "Tower"})),
    ("转换的时候sheet选错了,应该是“灯塔”那张,不是“守塔人”", ("convert_dataset", {"sheet": "灯塔"})),
    # placeholder values given "as" and "let … be"
    ("Fill identity.json: let the name be Beacon, and the author be Harbour Trust.",
     ("fill_placeholders", {"path": "identity.json", "values": {"name": "Beacon", "author": "Harbour Trust"}})),
    ("Fill identity.json with its name as Beacon and its author as Harbour Trust.",
     ("fill_placeholders", {"path": "identity.json", "values": {"name": "Beacon", "author": "Harbour Trust"}})),
])
def test_round607_causes(text, want):
    assert one_call(text) == want


def test_an_upload_asked_how_it_looks_is_looked_at():
    assert one_call("Here's every visitor question from last summer. What does it look like?", ["visitors.xlsx"]) == (
        "inspect_dataset", {"path": "visitors.xlsx"})


@pytest.mark.parametrize("text", [
    "等下,few-shot 加进去真的有用吗?",
    "wait, is CoT even worth it for a museum FAQ? someone explain",
    "1/2 wait, is CoT even worth it for a museum FAQ? 2/2 someone explain",
    "等等,转千帆会不会丢字段?",
    "报告!停止训练以后,检查点还保不保留?",
    "续训是从哪一步接着跑的?",
    "近似重复的要删吗?我想先看看",
    "格式转换的时候问题列是咋认出来的?",
    "what's the alpaca format look like, how's it different from sharegpt, spit the facts",
])
def test_round607_questions_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


@pytest.mark.parametrize("text", [
    "I changed the lora rank to 32 last time and it was worse",
    "也许把 r 调到 64 会好点?算了随口一说,今天不训了",
    "ok ok the r=32 plan you posted is good, go",
])
def test_a_change_told_or_mused_is_no_setting_put_right(text):
    assert [c["name"] for c in plan(text)] != ["start_training"]


def test_a_thread_opening_with_its_mark_leaves_nothing_before_the_first_post():
    assert dictated.dictated("1/2 hello 2/2 check lamp.jsonl").lstrip().startswith("hello")


def test_a_heading_is_no_run_when_a_run_is_named_after():
    assert names.find_run_id("Post-watch: stop run LH-010.")[0] == "LH-010"
    assert names.find_run_id("lamp-lora-final — eval it")[0] == "lamp-lora-final"


def _advice(tmp_path, monkeypatch, **args):
    monkeypatch.setenv("SFT_HOME", str(tmp_path))
    from assistant.train_tools import suggest_hyperparameters
    from tools import workspace
    uploads = workspace.uploads_dir()
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / "lamp.jsonl").write_text("".join(json.dumps({"prompt": f"q{i}", "response": [[f"a{i}"]]}) + "\n" for i in range(120)),
                                        encoding="utf-8")
    return json.loads(suggest_hyperparameters.invoke(args))


def test_a_count_said_beside_a_file_is_compared_with_the_files_own(tmp_path, monkeypatch):
    got = _advice(tmp_path, monkeypatch, path="lamp.jsonl", n_samples=600)
    assert got["ok"] and got["data"]["n_samples"] == 120
    assert "You said 600 samples; lamp.jsonl holds 120" in got["summary"]["en"] and "你说有 600 条样本" in got["summary"]["zh"]
    close = _advice(tmp_path, monkeypatch, path="lamp.jsonl", n_samples=118)
    assert close["ok"] and "You said" not in close["summary"]["en"]  # (near enough: nothing to say)


def test_a_count_said_beside_a_missing_file_is_the_advices(tmp_path, monkeypatch):
    got = _advice(tmp_path, monkeypatch, path="nowhere.jsonl", n_samples=600)
    assert got["ok"] and got["data"]["n_samples"] == 600
    assert "nowhere.jsonl" in got["summary"]["en"] and "600 samples you stated" in got["summary"]["en"]
    alone = _advice(tmp_path, monkeypatch, path="nowhere.jsonl")
    assert not alone["ok"]  # (no count said: the missing file is the answer)


def test_a_modal_verb_after_the_base_is_no_model():
    assert names.find_base_model("base model should be the one you recommended") is None
    assert names.find_base_model("基座用 chatglm3")[0] == "chatglm3"
