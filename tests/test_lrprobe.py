"""The learning-rate probe (issue 17): a detached range test on a sample of the user's data, on the
tiny random model (machinery, not learning): it finishes and writes its curve, suggests a rate inside
the probed range, never trains on its held-out slice, stops like a run, shows through the CLI, and
the assistant offers it as a plan first."""
from __future__ import annotations

import json
import time

import pytest

from tools.train import probes
from tools.train.lrprobe import ProbeSettings, probe, schedule


@pytest.fixture
def facts(tmp_path):
    """40 question/answer pairs whose answers share one easy pattern (a tiny model learns it fast)."""
    path = tmp_path / "facts.csv"
    rows = [f"What is the code of item {i}?,The code is yes." for i in range(40)]
    path.write_text("question,answer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _wait(predicate, timeout=120.0):
    deadline = time.monotonic() + timeout  # a ceiling for a loaded 2-core box, not a duration
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow  # a detached probe process (torch import + a few tiny steps)
def test_probe_finishes_writes_its_curve_and_suggests_a_rate_in_range(facts, tiny_model, monkeypatch):
    """Through the assistant's tool (what runs once the person confirms): a detached probe of 8 steps."""
    import tools.models.models
    from assistant.envelope import ToolResult
    from assistant.toolset import import_upload, tool_named

    monkeypatch.setattr(tools.models.models, "resolve_base_model", lambda name: str(tiny_model))
    answer = ToolResult.parse(tool_named("probe_learning_rate").invoke({"path": import_upload(facts).name, "steps": 8}))
    assert answer.ok, answer.summary_en
    done = probes.read_probe()
    assert done["state"] == "succeeded" and answer.data["probe_id"] == done["probe_id"]
    result = json.loads((probes.find_probe(done["probe_id"]) / "probe.json").read_text(encoding="utf-8"))
    assert result == done["result"] and answer.summary_en == result["en"] and answer.summary_zh == result["zh"]
    assert result["steps_done"] == 8 and len(result["lrs"]) == len(result["held_losses"]) == len(result["train_losses"]) == 8
    assert result["lrs"] == sorted(result["lrs"]) and result["lrs"][0] == pytest.approx(1e-5) and result["lrs"][-1] == pytest.approx(1e-2)
    assert result["suggested_lr"] is not None and result["lrs"][0] <= result["suggested_lr"] <= result["lrs"][-1]
    low, high = result["steep_range"]
    assert low <= result["steepest_lr"] <= high <= result["lr_at_min"]
    assert result["samples_used"] == result["samples_in_file"] == 40 and result["held_out_samples"] == 10
    assert result["default_lr"] == pytest.approx(2e-3) and "0.002" in result["en"]  # a small model: the calibrated rate
    assert f"{result['suggested_lr']:g}" in result["zh"] and "建议学习率" in result["zh"]
    assert answer.data["suggested_lr"] == result["suggested_lr"] and len(answer.data["curve"]["lrs"]) <= 12


def test_the_tool_is_a_plan_with_its_time_until_the_person_confirms(facts, workspace):
    from assistant import consent, guard
    from assistant.envelope import ToolResult
    from assistant.toolset import import_upload, tool_named

    tool = tool_named("probe_learning_rate")
    assert consent.is_consequential(tool)
    plan = ToolResult.parse(guard.plan(tool, {"path": import_upload(facts).name}))
    assert plan.ok and plan.pending["tool"] == "probe_learning_rate" and plan.pending["args"]["steps"] == 36
    assert plan.data["estimated_s"] > 0 and plan.data["samples_used"] == 40 and plan.data["speed_from"] == "typical_cpu"
    assert "Confirm to start" in plan.summary_en and "确认后开始" in plan.summary_zh and "36" in plan.summary_en
    assert not (workspace / "probes").is_dir() or not any((workspace / "probes").iterdir())  # nothing started


def test_the_advice_for_a_file_offers_the_probe(facts):
    from assistant.envelope import ToolResult
    from assistant.toolset import import_upload, tool_named

    advice = ToolResult.parse(tool_named("suggest_hyperparameters").invoke({"path": import_upload(facts).name}))
    assert advice.ok and advice.data["probe_offer"]["samples_used"] == 40
    assert 'say "run the probe"' in advice.summary_en and "跑一下学习率探测" in advice.summary_zh


def test_held_out_slice_is_never_trained_on(facts, tiny_model, monkeypatch):
    """The indices are disjoint, and no training batch carries a held-out row (watched at the source)."""
    import tools.train.lrprobe as lrprobe

    trained: list[list[int]] = []
    real = lrprobe._batch_loss

    def spy(model, rows, pad_id, autocast, backward):
        if backward:
            trained.append([tuple(r["input_ids"]) for r in rows])
        return real(model, rows, pad_id, autocast, backward)

    monkeypatch.setattr(lrprobe, "_batch_loss", spy)
    settings = ProbeSettings(data_path=str(facts), base_model=str(tiny_model), steps=4, max_samples=20, held_out=5)
    curve = probe(settings)
    assert len(curve["held_indices"]) == 5 and len(curve["train_indices"]) == 15
    assert not set(curve["held_indices"]) & set(curve["train_indices"])
    from tools.models.models import load_tokenizer
    from tools.train.sftdata import encode_samples

    samples = lrprobe.usable_samples(str(facts))
    held = {tuple(r["input_ids"]) for r in encode_samples(load_tokenizer(str(tiny_model)), [samples[i] for i in curve["held_indices"]], 2048).rows}
    assert trained and not held & {row for batch in trained for row in batch}


@pytest.mark.slow  # a detached probe process (torch import + a few tiny steps)
def test_stop_ends_the_probe_early_with_what_it_measured(facts, tiny_model):
    info = probes.start_probe(facts, steps=200, base_model=str(tiny_model))
    assert _wait(lambda: probes.read_probe(info["probe_id"])["step"] >= 2), probes.read_probe(info["probe_id"])
    stopped = probes.stop_probe(info["probe_id"], grace_s=120)
    assert stopped["state"] == "stopped"
    result = stopped["result"]
    assert result["stopped"] is True and 2 <= result["steps_done"] < 200  # the process itself stopped at a step
    assert "stopped early" in result["en"] and "提前停止" in result["zh"]


@pytest.mark.slow  # a detached probe process (torch import + a few tiny steps)
def test_cli_probe_json_has_the_result_keys(facts, tiny_model, capsys):
    from cli import main

    assert main(["suggest", str(facts), "--probe", "--steps", "4", "--base-model", str(tiny_model), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"lrs", "train_losses", "held_losses", "steep_range", "suggested_lr", "default_lr", "seconds", "samples_used",
            "en", "zh", "state", "estimate"} <= set(out)
    assert out["state"] == "succeeded" and len(out["lrs"]) == 4 and out["estimate"]["estimated_s"] > 0


def test_schedule_rises_exponentially_over_the_whole_range():
    lrs = schedule(36)
    assert lrs[0] == pytest.approx(1e-5) and lrs[-1] == pytest.approx(1e-2)
    ratios = {round(b / a, 6) for a, b in zip(lrs, lrs[1:])}
    assert len(ratios) == 1 and ratios.pop() > 1


def test_web_panel_shows_the_estimate_then_the_curve_and_advice_in_the_ui_language(facts, workspace):
    """The Training tab's probe panel: the time before it starts; a finished probe's curve (train and
    held-out series) and its advice in the page's language."""
    from assistant.toolset import import_upload
    from tools import workspace as ws
    from tools.train.lrprobe import CONFIG, CURVE
    from tools.train.runstate import update_state
    from ui import probe_panel
    from ui import session as sess

    session = sess.new_session()
    with sess.scope(session):
        upload = str(import_upload(facts))
        folder = ws.owner_root() / "probes" / "20260101-000000-facts"
    assert "1e-5" in probe_panel.estimate_text(upload, "English", session) and "约需" in probe_panel.estimate_text(upload, "中文", session)
    assert "outside the workspace" in probe_panel.estimate_text(str(facts), "English", session)  # a crafted path is refused
    folder.mkdir(parents=True)
    (folder / CONFIG).write_text(json.dumps({"data_path": str(facts), "base_model": "m"}), encoding="utf-8")
    curve = {"lrs": [1e-5, 1e-4, 1e-3], "train_losses": [2.0, 1.8, 1.2], "held_losses": [2.1, 1.9, None],
             "en": "Suggested learning rate: 0.0001.", "zh": "建议学习率:0.0001。"}
    (folder / CURVE).write_text(json.dumps(curve), encoding="utf-8")
    update_state(folder, state="succeeded", step=3, total_steps=3)
    words, frame, timer, stop_btn = probe_panel.show("中文", session)
    assert words == curve["zh"] and probe_panel.show("English", session)[0] == curve["en"]
    assert sorted(frame["series"].unique()) == sorted(["留出集", "训练"]) and len(frame) == 5  # the legend in the page language
    assert frame["log10_lr"].tolist()[:2] == [-5.0, -5.0]
    assert timer.active is False and stop_btn.interactive is False  # nothing left to follow or stop
    assert probe_panel.show("English", sess.new_session())[0] == ""  # another session sees none of it
