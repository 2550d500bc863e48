"""First-sight figures of a corpus, replayed with the router of an old commit: the figures the
corpus got when it first met the router, before any fix made because of it.

    .venv/bin/python scripts/replay_first_sight.py b280fe4 eval/dev/blind_dev.jsonl   # needs git history

The commit's ``assistant/``, ``scripts/`` and ``eval/`` are unpacked into a temporary folder and its
own ``scripts/eval_offline.py`` routes each line there (so the model or rules of that commit decide),
in a separate process. Printed: tool, tool+args, and how many questions and hypotheticals (a line's
``"act"``) got no action (no tool, or ``explain``), overall and per speech act.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.nlu.classifier import labelled_lines  # noqa: E402

ROUTE = """
import json, sys
sys.path.insert(0, "scripts")
import eval_offline
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        case = json.loads(line)
        if isinstance(case.get("tool"), str) and case["tool"].strip().lower() in ("null", "none", ""):
            case["tool"] = None  # a tool written "null" is none (an older tree's loader may not know; see labelled_lines)
        r = eval_offline.run_case(case)
        print(json.dumps({"got": r["got"], "tool_ok": r["tool_ok"], "all_ok": r["all_ok"]}))
"""


def replay(commit: str, corpus: Path) -> list[dict]:
    """Each line of ``corpus`` routed by the router of ``commit``."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "assistant", "scripts", "eval"],
                                 capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout, check=True)
        out = subprocess.run([sys.executable, "-c", ROUTE, str(corpus.resolve())], cwd=tree,
                             env={"PYTHONPATH": tree, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"},
                             capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def figures(cases: list[dict], results: list[dict]) -> str:
    n = max(1, len(results))
    line = (f"{len(results)} requests; tool {sum(r['tool_ok'] for r in results) / n:.1%}; "
            f"tool+args {sum(r['all_ok'] for r in results) / n:.1%}")
    asked = [r for c, r in zip(cases, results) if c.get("act") in ("question", "hypothetical")]
    if asked:
        line += f"; questions never act {sum(r['got'] in (None, 'explain') for r in asked)}/{len(asked)}"
    return line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit")
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args(argv)
    cases = labelled_lines(args.corpus)
    results = replay(args.commit, args.corpus)
    print(f"{args.corpus.name} with the router of {args.commit}: {figures(cases, results)}")
    for act in sorted({c.get("act") for c in cases if c.get("act")}):
        pairs = [(c, r) for c, r in zip(cases, results) if c.get("act") == act]
        print(f"  {act}: {figures([c for c, _ in pairs], [r for _, r in pairs])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
