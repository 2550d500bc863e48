"""Hyperparameter advice follows the manual (选择SFT的超参数) and shows its arithmetic."""
from __future__ import annotations

import json
import math

import pytest

from cli import main
from tools.errors import UserError
from tools.train import hparams
from tools.train.hparams import interpolated_epochs, suggest, suggest_epochs

GRID = sorted({int(10 ** (k / 20)) for k in range(0, 121)})  # 1 … 1,000,000 on a log grid


@pytest.fixture(autouse=True)
def billion_parameter_model(monkeypatch, request):
    """The manual's rules are for the models it was written for; the embedded small model's calibrated
    settings have their own tests (marked ``small_model``)."""
    if "small_model" not in request.keywords:
        monkeypatch.setattr(hparams, "is_small_model", lambda base_model: False)


@pytest.mark.small_model
def test_the_embedded_model_gets_the_measured_rate_and_a_third_of_the_manuals_epochs_with_both_shown():
    advice = suggest(n_samples=80)
    assert hparams.is_small_model(None) and 1e8 < hparams.model_parameters(None) < 2e8
    assert (advice.epochs, advice.learning_rate, advice.optimizer_steps) == (5, 2e-3, 50)
    text = " ".join(advice.reasons)
    assert "Manual: 16 epochs" in text and "pass --epochs 16 to follow the manual" in text and "20/20" in text
    assert "手册:16 个 epoch" in " ".join(advice.reasons_zh)
    assert [suggest(n_samples=n).epochs for n in (100, 1_000, 10_000)] == [5, 3, 1]
    assert suggest(n_samples=80, method="full").learning_rate == 3e-5  # the calibration is for LoRA only


def test_epochs_hit_the_manual_anchors_exactly():
    assert [suggest(n_samples=n).epochs for n in (100, 1_000, 10_000)] == [15, 10, 2]


def test_epochs_never_rise_with_more_data_and_stay_in_the_manual_ranges():
    epochs = [suggest_epochs(n) for n in GRID]
    assert all(a >= b for a, b in zip(epochs, epochs[1:]))
    assert all(15 <= suggest_epochs(n) <= 20 for n in GRID if n < 100)
    assert all(1 <= suggest_epochs(n) <= 2 for n in GRID if n > 10_000)


def test_epochs_interpolate_on_log_n():
    # 316 ≈ 10^2.5: halfway between 100 (15) and 1,000 (10) on a log scale.
    assert interpolated_epochs(316) == pytest.approx(12.5, abs=0.05)
    assert interpolated_epochs(3_162) == pytest.approx(6.0, abs=0.05)  # halfway between 10 and 2


def test_epochs_are_whole_numbers_and_the_reason_keeps_the_arithmetic():
    assert all(isinstance(suggest_epochs(n), int) for n in GRID)
    assert suggest_epochs(316) == 13 and suggest_epochs(86) == 15  # 12.5 rounds half up; 86 → 15.3 → 15
    advice = suggest(n_samples=86)
    assert advice.epochs == 15 and isinstance(advice.epochs, int)
    assert any("≈ 15.3 → 15" in r for r in advice.reasons) and any("≈ 15.3 → 15" in r for r in advice.reasons_zh)


def test_global_batch_grows_through_accumulation():
    small, large, huge = (suggest(n_samples=n) for n in (100, 5_000, 50_000))
    assert small.global_batch_size < large.global_batch_size <= huge.global_batch_size
    assert large.global_batch_size == 32 and huge.global_batch_size == 64
    for advice in (small, large, huge):
        assert advice.global_batch_size == advice.per_device_batch_size * advice.gradient_accumulation_steps
    assert huge.gradient_accumulation_steps > 1


def test_devices_divide_the_accumulation():
    one, four = suggest(n_samples=50_000), suggest(n_samples=50_000, num_devices=4)
    assert four.global_batch_size == one.global_batch_size == 64
    assert four.gradient_accumulation_steps == one.gradient_accumulation_steps // 4
    small = suggest(n_samples=100, num_devices=4)
    assert small.global_batch_size == 8 and small.per_device_batch_size == 2


def test_lora_learning_rate_is_larger_than_full():
    lora, full = suggest(n_samples=1_000), suggest(n_samples=1_000, method="full")
    assert (lora.learning_rate, full.learning_rate) == (3e-4, 3e-5)
    assert lora.lora_r and full.lora_r is None


def test_reasons_show_the_step_arithmetic():
    advice = suggest(n_samples=1_000)
    steps = math.ceil(1_000 * advice.epochs / advice.global_batch_size)
    assert advice.optimizer_steps == steps
    assert any(f"1,000 samples × 10 epochs ÷ {advice.global_batch_size} = {steps:,}" in r for r in advice.reasons)
    assert any("log" in r for r in suggest(n_samples=500).reasons)


def test_small_sets_warn_about_overfitting_and_forgetting_with_the_remedy():
    warning = " ".join(suggest(n_samples=40).warnings)
    assert "over-fitting" in warning and "forget" in warning and "mix general" in warning
    assert not [w for w in suggest(n_samples=20_000).warnings if "CPU core" not in w]


def test_a_small_machine_is_told_that_a_second_run_queues(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    advice = suggest(n_samples=20_000)
    assert any("waits in the queue" in w for w in advice.warnings)
    assert any("排队" in w for w in advice.warnings_zh)
    monkeypatch.setattr("os.cpu_count", lambda: 64)
    assert not suggest(n_samples=20_000).warnings


@pytest.mark.parametrize("kwargs", [{}, {"n_samples": 0}, {"n_samples": 10, "method": "qlora"}, {"n_samples": 10, "num_devices": 0}])
def test_bad_requests_are_sentences(kwargs):
    with pytest.raises(UserError):
        suggest(**kwargs)


def test_cli_json_has_exactly_the_issue_keys(capsys):
    assert main(["suggest", "--samples", "1000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["epochs", "learning_rate", "per_device_batch_size", "gradient_accumulation_steps",
                          "global_batch_size", "reasons", "warnings"]
    assert data["epochs"] == 10


def test_cli_text_explains(capsys):
    assert main(["suggest", "--samples", "60"]) == 0
    out = capsys.readouterr().out
    assert "why: Optimizer steps" in out and "warning:" in out


@pytest.mark.slow
def test_a_dataset_adds_token_lengths(shared_copy, embedded_model):
    path = shared_copy("alpaca_zh_demo.json")
    advice = suggest(path=str(path))
    assert advice.n_samples == 1000 and advice.epochs == 10
    lengths = advice.token_lengths
    assert 0 < lengths["min"] <= lengths["p95"] <= lengths["max"]
    assert advice.max_seq_length >= min(lengths["max"], 2048) and advice.max_seq_length % 64 == 0
    assert any("Max sequence length" in r for r in advice.reasons)


def test_reasons_and_warnings_come_in_chinese_too():
    """The assistant answers a Chinese user in Chinese: every reason and warning has a Chinese twin."""
    import re

    from assistant.summaries import advice_sentences

    for n, method in ((50, "lora"), (316, "lora"), (1000, "full"), (20000, "lora")):
        advice = suggest(n_samples=n, method=method)
        assert len(advice.reasons_zh) == len(advice.reasons) and len(advice.warnings_zh) == len(advice.warnings)
        for text in advice.reasons_zh + advice.warnings_zh:
            assert re.search(r"[\u4e00-\u9fff]", text), text
    en, zh = advice_sentences(suggest(n_samples=1000).to_dict())
    assert "手册" in zh and "the manual" not in zh and "the manual" in en


def test_the_advice_sentence_shows_every_reason():
    from assistant.summaries import advice_sentences

    advice = suggest(n_samples=86)
    en, zh = advice_sentences(advice.to_dict())
    assert len(advice.reasons) > 3 and "另有" not in zh and "more)" not in en
    assert all(r in en for r in advice.reasons) and all(r in zh for r in advice.reasons_zh)
    assert all(w in zh for w in advice.warnings_zh)


def test_errors_come_in_chinese_too():
    with pytest.raises(UserError) as caught:
        suggest(n_samples=0)
    assert caught.value.zh and "至少" in caught.value.zh


def test_advice_on_a_file_estimates_the_time_from_this_machines_last_run(tmp_path, workspace):
    """No run yet: the typical figure, said so; after a run that logged its speed: that run's median speed."""
    from tools.train.estimate import TYPICAL_CPU_TOKENS_PER_S, estimate, measured_speed
    from tools.workspace import runs_dir

    data = tmp_path / "qa.jsonl"
    data.write_text("".join(json.dumps({"question": f"问题{i}", "answer": "答" * 40}) + "\n" for i in range(100)), encoding="utf-8")
    before = suggest(path=str(data))
    assert before.estimate["basis"] == "typical_cpu" and before.estimate["tokens_per_s"] == TYPICAL_CPU_TOKENS_PER_S
    assert any("15 epochs" in r and "typical" in r for r in before.reasons)
    run = runs_dir() / "20261202-000000-qa"
    run.mkdir(parents=True)
    (run / "state.json").write_text(json.dumps({"run_id": run.name, "state": "running"}), encoding="utf-8")
    (run / "config.json").write_text(json.dumps({"data_path": str(data)}), encoding="utf-8")
    (run / "metrics.jsonl").write_text("".join(json.dumps({"step": i, "loss": 1.0, "tokens_per_s": s, "elapsed_s": i})
                                               + "\n" for i, s in enumerate([50.0, 1000.0, 1000.0], 1)), encoding="utf-8")
    assert measured_speed().tokens_per_s == 1000.0  # the median: one slow first step does not skew it
    after = suggest(path=str(data))
    assert after.estimate["basis"] == "last_run" and after.estimate["run_id"] == run.name
    assert after.estimate["training_s"] == round(after.estimate["tokens"] / 1000.0)
    assert any(run.name in r for r in after.reasons) and any(run.name in r for r in after.reasons_zh)
    assert estimate(10, 8, 100.0).tokens == 8000  # steps × global batch × mean tokens
