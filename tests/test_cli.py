"""The command line: every subcommand has --help; unknown work says so."""
from __future__ import annotations

import subprocess
import sys

import pytest

from cli import build_parser, main

SUBCOMMANDS = ["ui", "inspect", "convert", "augment", "quality", "suggest", "train", "runs", "stop", "chat", "ask", "model",
               "eval", "export"]


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_has_help(name, capsys):
    with pytest.raises(SystemExit) as exc:
        main([name, "--help"])
    assert exc.value.code == 0
    assert "usage: sft-assistant " + name in capsys.readouterr().out


def test_the_help_lists_every_subcommand_on_its_own_line():
    """Each subcommand is a line of ``sft-assistant --help`` ("    train   start a LoRA …"), and the
    parser knows no other: a subcommand dropped from the CLI or its help fails here."""
    import re

    listed = re.findall(r"^    (\w+)\s{2,}\S", build_parser().format_help(), flags=re.M)
    assert sorted(listed) == sorted(SUBCOMMANDS)


def test_console_script_starts_without_heavy_imports():
    code = "import sys, cli; cli.build_parser(); print(sorted(m for m in ('torch','transformers','gradio','langchain') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_model_prepare_json(capsys, embedded_model):
    assert main(["model", "prepare", "--json"]) == 0
    assert '"converted": false' in capsys.readouterr().out


def test_train_now_skips_the_queue_for_a_new_run_and_a_resume(monkeypatch, capsys):
    seen = []

    class Info:
        run_id, state, run_dir = "r1", "running", "/tmp/r1"

    monkeypatch.setattr("tools.train.runs.start_training", lambda *a, **kw: seen.append(("start", kw.get("run_now"))) or Info())
    monkeypatch.setattr("tools.train.runs.resume_run", lambda run, run_now=False: seen.append(("resume", run_now)) or Info())
    assert main(["train", "data.csv", "--now"]) == 0
    assert main(["train", "data.csv"]) == 0
    assert main(["train", "--resume", "r1", "--now"]) == 0
    assert seen == [("start", True), ("start", False), ("resume", True)]


def test_train_flags_and_the_docs_table_come_from_trainconfig():
    """One source for training options: every user option of TrainConfig is a `train` flag with the
    field's own help, and docs/training.md carries the table generated from the same fields."""
    import importlib.util
    from pathlib import Path

    from tools.train.trainconfig import USER_OPTIONS, cli_flags, field_docs

    train = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction").choices["train"]
    by_dest = {a.dest: a for a in train._actions}
    for name in USER_OPTIONS:
        assert cli_flags(name)[0] in by_dest[name].option_strings
        assert by_dest[name].help.replace("%%", "%") == field_docs()[name]
    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gen", root / "scripts" / "gen_train_options.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    doc = (root / "docs" / "training.md").read_text(encoding="utf-8")
    assert gen.render(doc) == doc, "docs/training.md is stale: run scripts/gen_train_options.py"


def test_train_flags_reach_the_run_config(monkeypatch):
    seen = {}

    class Info:
        run_id, state, run_dir = "r1", "running", "/tmp/r1"

    monkeypatch.setattr("tools.train.runs.start_training", lambda path, **kw: seen.update(kw) or Info())
    assert main(["train", "d.csv", "--epochs", "4", "--batch-size", "2", "--targets", "attention", "--no-eval",
                 "--mix-general", "10%", "--merge", "--lora-alpha", "8"]) == 0
    assert (seen["epochs"], seen["per_device_batch_size"], seen["lora_targets"], seen["evaluate"], seen["mix_general"],
            seen["merge"], seen["lora_alpha"]) == (4.0, 2, "attention", False, 0.1, True, 8)
    assert "method" not in seen and "seed" not in seen  # unset flags leave the advice to decide
