"""The learned intent model: features, training, the shipped weights, how the planner uses it, and
the held-out measurement in scripts/eval_offline.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from assistant.nlu import classifier
from assistant.nlu.classifier import MODEL_FILE, NONE, IntentModel, features, normalize
from assistant.nlu.planner import Turn, decide
from assistant.offline import plan

ROOT = Path(__file__).resolve().parents[1]
UP = "/ws/uploads"
TINY = [("把数据转成jsonl", "convert_dataset"), ("转换成千帆格式", "convert_dataset"), ("训练进度怎么样", "training_status"),
        ("训练到第几步了", "training_status"), ("今天天气怎么样", NONE), ("讲个笑话", NONE), ("熄火", "stop_training")]


def test_features_are_character_ngrams_with_files_quotes_and_digits_folded():
    assert normalize('把 "my file.jsonl" 转成 Alpaca,字段 “q”, 1,200 条') == "把 file 转成 alpaca,字段 q , 0 条"
    grams = features("转成 jsonl")
    assert {"转", "转成", " 转成", "w:jsonl"} <= set(grams) and " " not in grams
    assert normalize("convrt it") == "convert it"  # one-letter typos mended as the rules do


def test_a_tiny_model_learns_from_examples_and_knows_off_topic():
    model = IntentModel.fit(TINY, steps=200)
    assert model.predict("转为 alpaca 格式").name == "convert_dataset"
    assert model.predict("现在训练到哪一步").name == "training_status"
    assert model.predict("讲一个冷笑话").name == NONE
    guess = model.predict("转成jsonl")
    assert 0.5 < guess.prob <= 1 and guess.second != guess.name


def test_a_saved_model_loads_with_the_same_predictions(tmp_path):
    model = IntentModel.fit(TINY, steps=100)
    model.save(tmp_path / "m.npz")
    again = IntentModel.load(tmp_path / "m.npz")
    for text in ["转为 alpaca 格式", "讲一个冷笑话", "熄火吧"]:
        assert again.predict(text).name == model.predict(text).name
        assert np.allclose(again.probs(text), model.probs(text), atol=1e-2)  # weights stored as float16


def test_the_shipped_model_is_package_data_not_trained_at_run_time(monkeypatch, tmp_path):
    assert MODEL_FILE.parent == Path(classifier.__file__).parent and MODEL_FILE.is_file()
    monkeypatch.setattr(classifier, "EVAL_DIR", tmp_path / "nothing")  # no corpora: nothing to train on
    classifier.default_model.cache_clear()
    try:
        model = classifier.default_model()
        assert model is classifier.default_model()  # loaded once, kept
    finally:
        classifier.default_model.cache_clear()
    assert set(model.labels) == {"inspect_dataset", "convert_dataset", "add_few_shot", "add_cot", "augment_instructions",
                                 "check_quality", "suggest_hyperparameters", "start_training", "training_status",
                                 "stop_training", "resume_training", "evaluate_run", "explain", "probe_learning_rate", NONE}


def test_the_model_decides_the_tool_not_the_rules():
    text = "赶快熄火"
    with classifier.using(IntentModel.fit(TINY, steps=200)):
        decision = decide([Turn("user", text)])
    assert decision.kind == "tools" and decision.calls[0]["name"] == "stop_training"  # proposed; the guard asks first
    with classifier.using(None):
        assert decide([Turn("user", text)]).kind != "tools"  # no cue of the rules matches


def test_off_topic_requests_still_get_no_tool():
    for text in ["帮我订个机票", "tell me a joke", "今天天气怎么样", "write a bash script that renames files",
                 "what's the capital of australia", "红烧肉怎么做"]:
        assert plan(text, [f"{UP}/qa.jsonl"]) == [], text


def test_eval_leave_one_corpus_out_reports_each_held_out_corpus(tmp_path):
    a, b = tmp_path / "utterances_a.jsonl", tmp_path / "utterances_b.jsonl"
    a.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"text": "把数据捋一遍看有没有毛病", "tool": "check_quality", "args": {}, "file": "qa.jsonl"},
        {"text": "讲个笑话", "tool": None, "args": {}}]), encoding="utf-8")
    b.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"text": "数据捋一捋有没有毛病", "tool": "check_quality", "args": {}, "file": "qa.jsonl"},
        {"text": "讲一个笑话吧", "tool": None, "args": {}}]), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_offline.py"), "--loco", str(a), str(b)],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    assert "utterances_a.jsonl: 2 requests; model alone 100.0%; rules alone tool 50.0%" in out
    assert "router with the model tool 100.0%" in out and out.strip().splitlines()[-1].startswith("overall: 4 requests")


def test_a_tool_written_as_the_string_null_is_no_tool(tmp_path):
    """A writer's label "null" (a string) reads as no tool in training, in the speech-act labels and in the evaluation."""
    corpus = tmp_path / "blind_x.jsonl"
    corpus.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"text": "在吗在吗", "tool": "null", "act": "chitchat", "args": {}},
        {"text": "confirmed", "tool": "null", "act": "confirmation", "args": {}},
        {"text": "what is lora?", "tool": "explain", "act": "question", "args": {}}]), encoding="utf-8")
    assert [c["tool"] for c in classifier.labelled_lines(corpus)] == [None, None, "explain"]
    assert classifier.corpus_examples(corpus) == [("在吗在吗", NONE), ("what is lora?", "explain")]
    assert classifier.act_examples([corpus]) == [("confirmed", classifier.ACTS), ("what is lora?", classifier.ASKS)]
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_offline
    assert [eval_offline.run_case(c)["tool_ok"] for c in eval_offline.load(corpus)] == [True, True, True]
