"""Mixing general data into training (``--mix-general``): how many, from where, and that the run uses them."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cli import main
from tools.errors import UserError
from tools.models.general import evaluation_prompts, load_prompts, mix_samples, mixing_prompts, parse_fraction
from tools.train.runs import FINISHED, get_run, list_runs, stop_run
from tools.train.trainconfig import TrainConfig


@pytest.fixture(autouse=True)
def general_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SFT_GENERAL_CACHE", str(tmp_path / "general-cache"))
    yield tmp_path / "general-cache"
    for run in list_runs():
        if run.state not in FINISHED:
            stop_run(run, grace_s=5)


def write_data(path: Path, n: int) -> Path:
    rows = [{"messages": [{"role": "user", "content": f"What is item {i}?"},
                          {"role": "assistant", "content": f"Item {i} is number {i * 7}."}]} for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def seed_cache(base_model: Path) -> dict[str, str]:
    """Cached 'base answers' for every general prompt (a random tiny model would answer nothing usable)."""
    from tools.models.general import cache_file

    answers = {r["prompt"]: f"Answer to {r['id']}." for r in load_prompts()}
    path = cache_file(str(base_model))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": r["id"], "prompt": r["prompt"], "answer": answers[r["prompt"]]}) + "\n"
                            for r in load_prompts()), encoding="utf-8")
    return answers


def test_the_general_set_has_200_prompts_in_both_languages_and_four_kinds():
    rows = load_prompts()
    assert len(rows) == 200 and len({r["id"] for r in rows}) == 200 and len({r["prompt"] for r in rows}) == 200
    assert {(r["lang"], r["kind"]) for r in load_prompts(8)} == {
        (lang, kind) for lang in ("zh", "en") for kind in ("everyday", "writing", "reasoning", "translation")}


def test_mixing_never_trains_on_a_prompt_the_forgetting_figure_uses(tiny_model, general_cache):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    scored = {r["id"] for r in evaluation_prompts()}
    assert len(scored) == 100 and scored.isdisjoint(r["id"] for r in mixing_prompts())
    assert {(r["lang"], r["kind"]) for r in mixing_prompts()} == {(r["lang"], r["kind"]) for r in evaluation_prompts()}
    seed_cache(tiny_model)
    model, tokenizer = AutoModelForCausalLM.from_pretrained(str(tiny_model)), AutoTokenizer.from_pretrained(str(tiny_model))
    samples, info = mix_samples(TrainConfig("d", str(tiny_model), mix_general=1.0), model, tokenizer, n_task=500)
    assert info["general_wanted"] == 500 and info["general_mixed"] == 100  # the whole pool, and the report says so
    assert not {s.where.removeprefix("general:") for s in samples} & scored


def test_shares_read_as_fractions_and_bad_ones_are_refused(tmp_path):
    assert [parse_fraction(v) for v in ("10%", "0.1", 10, "", None)] == [0.1, 0.1, 0.1, 0.0, 0.0]
    with pytest.raises(UserError, match="10% or 0.1"):
        parse_fraction("lots")
    with pytest.raises(UserError, match="between 0 and 1"):
        TrainConfig("d", "m", mix_general=2.0)
    with pytest.raises(UserError, match="does not exist"):
        TrainConfig("d", "m", general_file=str(tmp_path / "missing.jsonl"))


def test_mix_takes_the_share_from_the_base_models_answers_or_a_file(tmp_path, tiny_model, general_cache):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model, tokenizer = AutoModelForCausalLM.from_pretrained(str(tiny_model)), AutoTokenizer.from_pretrained(str(tiny_model))
    config = TrainConfig("d", str(tiny_model), mix_general=0.25)
    _, info = mix_samples(config, model, tokenizer, n_task=8)  # 25% of 8 = 2, generated now
    assert info["general_wanted"] == 2 and info["general_source"].startswith("base model's own answers")
    cached = [json.loads(line) for line in next(general_cache.glob("*.jsonl")).read_text().splitlines()]
    assert len(cached) == 2  # generated once, kept for the report and the next run
    answers = seed_cache(tiny_model)
    samples, info = mix_samples(config, model, tokenizer, n_task=8)
    assert info["general_mixed"] == 2 and [s.answer for s in samples] == [answers[s.question] for s in samples]
    assert all(s.where.startswith("general:") for s in samples)
    own = write_data(tmp_path / "general.jsonl", 5)
    samples, info = mix_samples(TrainConfig("d", str(tiny_model), mix_general=0.5, general_file=str(own)), model, tokenizer, 4)
    assert info == {"general_mixed": 2, "general_wanted": 2, "general_source": "general.jsonl"}
    assert all(s.question.startswith("What is item") for s in samples)
    assert mix_samples(TrainConfig("d", str(tiny_model)), model, tokenizer, 8) == ([], {})


@pytest.mark.slow
def test_train_mix_general_adds_the_samples_to_the_run(tmp_path, tiny_model, capsys):
    data = write_data(tmp_path / "qa.jsonl", 30)
    seed_cache(tiny_model)
    assert main(["train", str(data), "--base-model", str(tiny_model), "--max-steps", "1", "--mix-general", "25%",
                 "--no-eval", "--json"]) == 0
    run = json.loads(capsys.readouterr().out)
    deadline = time.monotonic() + 900
    while (info := get_run(run["run_dir"])).state not in FINISHED and time.monotonic() < deadline:
        time.sleep(0.2)
    assert info.state == "succeeded", info.error
    # 30 samples: 3 held out, 27 train; 25% of 27 ≈ 7 general samples join them
    assert (info.raw["general_mixed"], info.raw["train_samples"], info.raw["validation_samples"]) == (7, 34, 3)
    assert json.loads((info.run_dir / "config.json").read_text())["mix_general"] == 0.25
    assert not (info.run_dir / "eval.json").exists()  # --no-eval
