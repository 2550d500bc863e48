"""A run named by a shortened id resolves to the one run it fits (as git resolves a short hash), never to a guess."""
from __future__ import annotations

import json

import pytest

from tools.errors import UserError
from tools.train import runs
from tools.workspace import runs_dir


def _run(name: str) -> None:
    folder = runs_dir() / name
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "state.json").write_text(json.dumps({"run_id": name, "state": "stopped"}), encoding="utf-8")


def test_a_shortened_run_id_names_the_one_run_it_fits(workspace):
    _run("20261203-041500-客服问答")
    _run("20261203-051500-医疗lora-3")
    assert runs.get_run("20261203-041500").run_id == "20261203-041500-客服问答"  # its start
    assert runs.get_run("医疗lora-3").run_id == "20261203-051500-医疗lora-3"    # its end
    assert runs.get_run("20261203-041500-客服问答停掉").run_id == "20261203-041500-客服问答"  # words glued after it


def test_a_shortened_id_that_fits_several_runs_or_none_is_refused(workspace):
    _run("20261203-041500-faq")
    _run("20261203-041501-faq")
    with pytest.raises(UserError):
        runs.get_run("20261203-0415")  # fits both: no guess
    with pytest.raises(UserError):
        runs.get_run("lora-9")
