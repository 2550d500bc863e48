"""The n-gram intent model behind the rules: features, training, how the planner uses it, and the
leave-one-corpus-out measurement in scripts/eval_offline.py."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from assistant.nlu import classifier
from assistant.nlu.classifier import NONE, IntentModel, features, normalize
from assistant.nlu.intents import classify
from assistant.offline import plan

ROOT = Path(__file__).resolve().parents[1]
UP = "/ws/uploads"


def test_features_are_character_ngrams_with_files_quotes_and_digits_folded():
    assert normalize('把 "my file.jsonl" 转成 Alpaca,字段 “q”, 1,200 条') == "把 file 转成 alpaca,字段 q , 0 条"
    grams = features("转成 jsonl")
    assert {"转", "转成", " 转成", "w:jsonl"} <= set(grams) and " " not in grams
    assert normalize("convrt it") == "convert it"  # one-letter typos mended as the rules do


def test_a_tiny_model_learns_from_examples_and_knows_off_topic():
    model = IntentModel.fit([("把数据转成jsonl", "convert_dataset"), ("转换成千帆格式", "convert_dataset"),
                             ("训练进度怎么样", "training_status"), ("训练到第几步了", "training_status"),
                             ("今天天气怎么样", NONE), ("讲个笑话", NONE)])
    assert model.predict("转为 alpaca 格式").name == "convert_dataset"
    assert model.predict("现在训练到哪一步").name == "training_status"
    assert model.predict("讲一个冷笑话").name == NONE
    guess = model.predict("转成jsonl")
    assert 0.5 < guess.prob <= 1 and guess.second != guess.name


def test_the_default_model_is_trained_on_every_eval_corpus_once():
    model = classifier.default_model()
    assert model is classifier.default_model()  # built once, kept
    assert set(model.labels) == {"inspect_dataset", "convert_dataset", "add_few_shot", "add_cot", "augment_instructions",
                                 "check_quality", "suggest_hyperparameters", "start_training", "training_status",
                                 "stop_training", "explain", NONE}


def test_the_model_answers_when_the_rules_find_no_tool():
    text = "把数据捋一遍看有没有毛病"
    assert classify(text, has_file=True).name == ""  # no cue of the rules matches
    assert plan(text, [f"{UP}/qa.jsonl"]) == [{"name": "check_quality", "args": {"path": f"{UP}/qa.jsonl"}}]
    with classifier.using(None):
        assert plan(text, [f"{UP}/qa.jsonl"]) == []  # the rules alone say what they can do instead


def test_off_topic_requests_still_get_no_tool():
    for text in ["帮我订个机票", "tell me a joke", "今天天气怎么样", "write a bash script that renames files"]:
        assert plan(text, [f"{UP}/qa.jsonl"]) == [], text


def test_a_guessed_start_is_only_offered_and_a_guessed_stop_asked_about():
    from assistant.nlu.planner import Turn, decide

    turn = Turn("user", f"wanna kick it off\n[attached file: {UP}/qa.jsonl]")
    assert classify("wanna kick it off", has_file=True).name == ""
    decision = decide([turn])
    assert decision.kind == "confirm" and decision.calls[0]["name"] == "start_training"
    stop = IntentModel.fit([("熄火", "stop_training"), ("训练进度", "training_status"), ("讲个笑话", NONE)])
    with classifier.using(stop):
        decision = decide([Turn("user", "赶快熄火")])
    assert decision.kind == "maybe" and decision.calls[0]["name"] == "stop_training"


def test_routing_with_the_model_stays_fast():
    classifier.default_model()
    texts = ["把数据捋一遍看有没有毛病", "今天天气怎么样", "我有1000条数据,epoch设置多少?", "wanna kick it off"] * 25
    times = []
    for text in texts:
        start = time.perf_counter()
        plan(text, [f"{UP}/qa.jsonl"])
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.020


def test_eval_leave_one_corpus_out_reports_each_held_out_corpus(tmp_path):
    a, b = tmp_path / "utterances_a.jsonl", tmp_path / "utterances_b.jsonl"
    a.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"text": "把数据捋一遍看有没有毛病", "tool": "check_quality", "args": {}, "file": "qa.jsonl"},
        {"text": "讲个笑话", "tool": None, "args": {}}]), encoding="utf-8")
    b.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"text": "数据捋一捋有没有毛病", "tool": "check_quality", "args": {}, "file": "qa.jsonl"},
        {"text": "讲一个笑话吧", "tool": None, "args": {}}]), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_offline.py"), "--loco", str(a), str(b)],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert "utterances_a.jsonl: 2 requests; model alone 100.0%; rules alone tool 50.0%" in out
    assert "rules + model tool 100.0%" in out and out.strip().splitlines()[-1].startswith("overall: 4 requests")


def test_a_sure_model_overrules_a_weak_rule_but_not_a_clear_one():
    model = IntentModel.fit([("look at the answers for duplicates", "check_quality"), ("look at answers twice", "check_quality"),
                             ("convert to csv", "convert_dataset"), ("讲个笑话", NONE)])
    files = [f"{UP}/qa.csv"]
    weak = "look at the answers"
    assert classify(weak, has_file=True).score < classifier.WEAK  # one weak cue: inspect
    with classifier.using(None):
        assert plan(weak, files)[0]["name"] == "inspect_dataset"
    with classifier.using(model):
        assert model.predict(weak).prob >= classifier.OVERRULE
        assert plan(weak, files)[0]["name"] == "check_quality"
        clear = "preview the first 5 rows of the answers"  # two cues agree: the rules decide
        assert classify(clear, has_file=True).score >= classifier.WEAK
        assert plan(clear, files)[0]["name"] == "inspect_dataset"
