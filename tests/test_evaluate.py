"""The evaluation report: scores, the end-of-run eval.json, ``eval`` on demand, the judge, the verdict.

Runs train a 2-layer random model (``tiny_model``) for a couple of steps, so the report's numbers
mean nothing here; what is checked is that the report is made, from the right prompts, with both
models, in the same process as training. Whether the report tells a tuned model from its base is
measured on the made-up-facts data (closing note of issue 13), not in the suite.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, text

from cli import main
from tools.models import evalmetrics as m
from tools.models.evaluate import GENERAL_SUBSET, holdout_size, load_report, summary, verdict
from tools.train.runs import FINISHED, get_run, list_runs, start_training, stop_run


@pytest.fixture(autouse=True)
def general_cache(tmp_path, monkeypatch):
    """Each test caches the base model's general answers in its own folder (the subprocess inherits it)."""
    monkeypatch.setenv("SFT_GENERAL_CACHE", str(tmp_path / "general-cache"))
    yield tmp_path / "general-cache"
    for run in list_runs():
        if run.state not in FINISHED:
            stop_run(run, grace_s=5)


def write_data(path: Path, n: int = 30) -> Path:
    rows = [{"messages": [{"role": "user", "content": f"What is item {i}?"},
                          {"role": "assistant", "content": f"Item {i} is number {i * 7}."}]} for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def finished(run, timeout: float = 600):
    deadline = time.monotonic() + timeout
    while (info := get_run(run.run_dir)).state not in FINISHED and time.monotonic() < deadline:
        time.sleep(0.2)
    return info


def test_scores_are_character_level_for_chinese_and_word_level_for_english():
    assert m.exact_match("The capital is Quellport.", "the capital is quellport") == 1.0
    assert m.exact_match("Quellport", "Valdoran") == 0.0
    assert m.units("北京是首都") == ["北", "京", "是", "首", "都"]
    assert m.units("The capital, Quellport!") == ["the", "capital", "quellport"]
    assert m.rouge_l("北京是中国的首都", "中国的首都是北京") == pytest.approx(5 / 8)  # LCS 中国的首都
    assert m.rouge_l("a b c d", "a c d e") == pytest.approx(0.75)  # LCS a c d: P = R = 3/4
    assert m.char_f1("abc", "abd") == pytest.approx(2 / 3)
    assert m.scores(["x", "北京"], ["x", "上海"]) == {"exact_match": 0.5, "char_f1": 0.5, "rouge_l": 0.5}


def test_holdout_is_ten_percent_capped_and_none_for_tiny_data():
    assert (holdout_size(9), holdout_size(10), holdout_size(80), holdout_size(100_000)) == (0, 1, 8, 200)


@pytest.mark.slow
def test_every_run_ends_with_a_report_on_its_held_out_split(tmp_path, tiny_model):
    data = write_data(tmp_path / "qa.jsonl")
    info = finished(start_training(str(data), base_model=str(tiny_model), max_steps=2))
    assert info.state == "succeeded", (info.error, (info.run_dir / "train.log").read_text()[-2000:])
    assert info.raw["validation_samples"] == 3 and info.raw["train_samples"] == 27  # 10% of 30 held out
    report = load_report(info.run_dir)
    task, general = report["task"], report["general"]
    assert task["held_out_from"] == "held-out split" and task["samples"] == 3 and task["generated"] == 3
    for side in ("base", "tuned"):
        assert {"loss", "perplexity", "exact_match", "char_f1", "rouge_l"} <= set(task[side])
        assert {"loss", "perplexity"} <= set(general[side])
    assert general["prompts"] == GENERAL_SUBSET and general["references_generated_now"] == GENERAL_SUBSET
    assert {"rouge_l", "char_f1"} <= set(general["tuned"]) and "forgetting_pct" in general
    held_out = {r["question"] for r in report["examples"]}
    trained = {json.loads(line)["messages"][0]["content"] for line in data.read_text().splitlines()}
    assert held_out < trained and len(held_out) == 3
    assert task["base"]["loss"] != task["tuned"]["loss"]  # two models, not one scored twice
    assert len(summary(report, "zh")) >= 3 and "遗忘" in summary(report, "zh")[2]
    v = verdict(info.run_dir)
    assert v["learned"] is not None and v["reason_en"] and v["reason_zh"]


@pytest.mark.slow
def test_eval_on_demand_with_a_file_and_a_judge(tmp_path, tiny_model, monkeypatch, capsys, general_cache):
    data = write_data(tmp_path / "qa.jsonl")
    info = finished(start_training(str(data), base_model=str(tiny_model), max_steps=1, evaluate=False))
    assert info.state == "succeeded" and load_report(info.run_dir) is None
    held = write_data(tmp_path / "other.jsonl", n=4)
    with FakeOpenAI(lambda body: text("7")) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
        monkeypatch.setenv("SFT_LLM_MODEL", "judge-model")
        assert main(["eval", info.run_id, "--data", str(held), "--json"]) == 0
        asked = len(server.requests)
    report = json.loads(capsys.readouterr().out)
    assert report["on_demand"] and report["task"]["held_out_from"] == "other.jsonl" and report["task"]["samples"] == 4
    assert report["task"]["base"]["judge"] == report["task"]["tuned"]["judge"] == pytest.approx(6 / 9, abs=1e-4)  # (7 − 1) ÷ 9
    assert asked == 8 and report["judge"] == "judge-model"  # 4 answers × 2 models
    assert load_report(info.run_dir) == report
    cached = list(general_cache.glob("*.jsonl"))
    assert len(cached) == 1 and len(cached[0].read_text().splitlines()) == GENERAL_SUBSET


def test_verdict_says_plainly_when_a_run_was_too_short(tmp_path):
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    assert verdict(run_dir)["learned"] is None
    (run_dir / "state.json").write_text(json.dumps({"step": 5}))
    side = {"loss": 3.0, "perplexity": 20.0, "exact_match": 0.0, "char_f1": 0.3, "rouge_l": 0.20}
    report = {"task": {"base": side, "tuned": {**side, "loss": 2.9, "rouge_l": 0.22}}}
    (run_dir / "eval.json").write_text(json.dumps(report))
    v = verdict(run_dir)
    assert v["learned"] is False and "too short" in v["reason_en"] and "5 步" in v["reason_zh"]
    report["task"]["tuned"].update(loss=1.0, rouge_l=0.9)
    (run_dir / "eval.json").write_text(json.dumps(report))
    assert verdict(run_dir)["learned"] is True and verdict(run_dir)["score"] == 0.9


def fake_report() -> dict:
    side = {"loss": 3.0, "perplexity": 20.09, "exact_match": 0.0, "char_f1": 0.3, "rouge_l": 0.2}
    return {"task": {"samples": 8, "generated": 8, "held_out_from": "held-out split", "base": side,
                     "tuned": {**side, "loss": 0.5, "perplexity": 1.65, "exact_match": 0.75, "rouge_l": 0.9}},
            "general": {"prompts": 16, "base": {"loss": 1.0, "perplexity": 2.72},
                        "tuned": {"loss": 1.2, "perplexity": 3.32, "exact_match": 0.1, "char_f1": 0.6, "rouge_l": 0.5},
                        "forgetting_pct": 22.1},
            "examples": [{"question": "Capital of Zorvania?", "reference": "Quellport", "base": "Paris", "tuned": "Quellport"}]}


def test_training_tab_panel_shows_verdict_figures_and_examples_in_both_languages(workspace):
    from tools.workspace import runs_dir
    from ui.eval_panel import report_markdown

    run_dir = runs_dir() / "r1"
    run_dir.mkdir(parents=True)
    (run_dir / "config.json").write_text("{}")
    (run_dir / "state.json").write_text(json.dumps({"run_id": "r1", "state": "succeeded", "step": 100}))
    assert "Not evaluated yet" in report_markdown("r1", "English")
    (run_dir / "eval.json").write_text(json.dumps(fake_report()))
    en, zh = report_markdown("r1", "English"), report_markdown("r1", "中文")
    assert "It learned the task" in en and "forgetting +22.1%" in en and "| Capital of Zorvania? | Quellport | Paris |" in en
    assert "模型学到了任务" in zh and "遗忘 +22.1%" in zh and "| 问题 | 参考答案 | 基座模型 | 微调后 |" in zh


def test_one_batched_generation_gives_the_same_answers_as_base_and_tuned_apart(tiny_model):
    """The report answers base-task, tuned-task and tuned-general rows in one peft mixed-adapter batch;
    each row must come out exactly as if its model had answered alone."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from tools.models.evaluate import all_answers
    from tools.models.general import base_context, generate

    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(str(tiny_model))
    base = AutoModelForCausalLM.from_pretrained(str(tiny_model), dtype=torch.float32)
    model = get_peft_model(base, LoraConfig(r=4, target_modules="all-linear", init_lora_weights=False)).eval()
    with torch.no_grad():  # an adapter far from zero, so base and tuned answers differ
        for name, p in model.named_parameters():
            if "lora_" in name:
                p.mul_(50)
    task = [[{"role": "user", "content": q}] for q in ("What is item 1?", "第二题是什么?", "Name a colour.")]
    general = [[{"role": "user", "content": "Translate 'hello' into French."}]]
    got = all_answers(model, tokenizer, task, general)
    with base_context(model):
        base_alone = generate(model, tokenizer, task, 48)
    tuned_alone = generate(model, tokenizer, task + general, 48)
    assert got == (base_alone, tuned_alone[:3], tuned_alone[3:])
    assert got[0] != got[1]  # the adapter was really on for the tuned rows
