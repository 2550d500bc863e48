"""A non-editable install understands exactly as the source tree does: the intent model is package
data inside the wheel, and an unpacked wheel routes a fixed sample of the corpora as the source does."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.offline import plan

ROOT = Path(__file__).resolve().parents[1]
ROUTE = """
import json, sys
import assistant
from assistant.offline import plan
assert assistant.__file__.startswith(sys.argv[1]), assistant.__file__  # the installed copy, not the source tree
cases = json.load(open(sys.argv[2], encoding="utf-8"))
print(json.dumps([plan(c["text"], c["files"]) for c in cases], ensure_ascii=False))
"""


SAMPLE_EVERY = 10  # a fixed tenth of the lines (every corpus is in it); the whole set is compared before each note


def _cases() -> list[dict]:
    lines = []
    for corpus in [*sorted((ROOT / "eval" / "dev").glob("*.jsonl")), ROOT / "eval" / "utterances_acts.jsonl"]:
        lines += [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"text": c["text"], "files": [f"/ws/uploads/{c['file']}"] if c.get("file") else []}
            for c in lines[::SAMPLE_EVERY]]


@pytest.mark.slow
def test_an_unpacked_wheel_routes_exactly_as_the_source_tree(tmp_path):
    source = tmp_path / "src"  # a clean copy: an in-tree build/ folder could hold stale files
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "app.py"):
        shutil.copy2(ROOT / name, source / name)
    for package in ("assistant", "tools", "cli", "ui"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "wheel")], check=True, capture_output=True, timeout=600)
    (wheel,) = (tmp_path / "wheel").glob("sft_assistant-*.whl")
    with zipfile.ZipFile(wheel) as z:
        assert {"assistant/nlu/intent_model.npz", "assistant/nlu/act_model.npz"} <= set(z.namelist())
        z.extractall(tmp_path / "site")
    cases = _cases()
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    out = subprocess.run([sys.executable, "-c", ROUTE, str(tmp_path / "site"), str(tmp_path / "cases.json")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=True).stdout
    installed = json.loads(out)
    source = [plan(c["text"], c["files"]) for c in cases]
    assert len(cases) > 300 and installed == source
    assert sum(1 for calls in source if calls) > 250  # the model routes them (not a copy that falls back to nothing)
