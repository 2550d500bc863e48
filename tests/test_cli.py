"""The command line: every subcommand has --help; unknown work says so."""
from __future__ import annotations

import subprocess
import sys

import pytest

from cli import build_parser, main

SUBCOMMANDS = ["ui", "inspect", "convert", "augment", "quality", "suggest", "train", "runs", "stop", "chat", "ask", "model"]


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_has_help(name, capsys):
    with pytest.raises(SystemExit) as exc:
        main([name, "--help"])
    assert exc.value.code == 0
    assert "usage: sft-assistant " + name in capsys.readouterr().out


def test_model_prepare_help_and_parser_lists_all():
    parser = build_parser()
    text = parser.format_help()
    for name in SUBCOMMANDS:
        assert name in text


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

    monkeypatch.setattr("tools.runs.start_training", lambda *a, **kw: seen.append(("start", kw.get("run_now"))) or Info())
    monkeypatch.setattr("tools.runs.resume_run", lambda run, run_now=False: seen.append(("resume", run_now)) or Info())
    assert main(["train", "data.csv", "--now"]) == 0
    assert main(["train", "data.csv"]) == 0
    assert main(["train", "--resume", "r1", "--now"]) == 0
    assert seen == [("start", True), ("start", False), ("resume", True)]
