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
