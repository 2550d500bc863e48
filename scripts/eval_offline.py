"""Accuracy and latency of the offline model's first routing step.

    .venv/bin/python scripts/eval_offline.py                      # shared examples + eval/*.jsonl
    .venv/bin/python scripts/eval_offline.py eval/utterances_heldout.jsonl --json
    .venv/bin/python scripts/eval_offline.py eval/dev/*.jsonl                  # the blind dev corpus

Each line of a corpus: {"text", "tool", "args", "file"?, "act"?}. ``tool`` is the expected first tool
(null: the model should answer in words, e.g. ask for confirmation); ``args`` is a subset check
(a ``path`` matches the same name or an attached file with that base name; numbers compare
within 1e-9 relative); ``file`` is attached as if uploaded. Latency is one
``OfflineChatModel.invoke`` (a routing step as the agent runs it), median and p95 over all lines; each call
reads its text as new (``memo.forget()`` first), as a person's new message is.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from langchain_core.messages import HumanMessage  # noqa: E402

from assistant.attachments import with_attachments  # noqa: E402
from assistant.nlu import classifier, memo  # noqa: E402
from assistant.nlu.classifier import IntentModel, labelled_lines, training_set  # noqa: E402
from assistant.offline import OfflineChatModel, plan  # noqa: E402

UPLOADS = "/tmp/sft-eval/uploads"


def default_files() -> list[Path]:
    shared = Path(os.environ.get("SFT_SHARED", ROOT.parent / "shared")) / "examples" / "utterances.jsonl"
    return [p for p in [shared, *sorted((ROOT / "eval").glob("utterances_*.jsonl"))] if p.exists()]


def same(expected, got) -> bool:
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return math.isclose(float(expected), float(got), rel_tol=1e-3)  # ("a third": 0.3333 as labelled, 1/3 as read)
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(same(e, g) for e, g in zip(expected, got))
    return expected == got


def args_match(expected: dict, got: dict) -> bool:
    for key, value in expected.items():
        if key == "path":
            if key not in got or not (got[key] == value or str(got[key]).endswith("/" + str(value))):
                return False
        elif key not in got or not same(value, got[key]):
            return False
    return True


def run_case(case: dict) -> dict:
    files = [f"{UPLOADS}/{case['file']}"] if case.get("file") else []
    calls = plan(case["text"], files)
    first = calls[0] if calls else {"name": None, "args": {}}
    want = case.get("tool") or None
    tool_ok = first["name"] == want
    return {"text": case["text"], "file": case.get("file"), "want": want, "want_args": case.get("args") or {},
            "got": first["name"], "got_args": first["args"], "tool_ok": tool_ok,
            "all_ok": tool_ok and args_match(case.get("args") or {}, first["args"])}


def never_act(cases: list[dict], results: list[dict]) -> list[int] | None:
    """[how many, of how many]: questions and hypotheticals (a line's "act") that got no action
    (no tool, or explain); None when the corpus labels no speech acts."""
    asked = [r for c, r in zip(cases, results) if c.get("act") in ("question", "hypothetical")]
    return [sum(r["got"] in (None, "explain") for r in asked), len(asked)] if asked else None


def latency_ms(cases: list[dict], repeats: int = 3) -> list[float]:
    model = OfflineChatModel()
    times = []
    for case in cases:
        files = [f"{UPLOADS}/{case['file']}"] if case.get("file") else []
        message = [HumanMessage(with_attachments(case["text"], files))]
        for _ in range(repeats):
            memo.forget()  # each call reads the text as new: no answer remembered from the repeat before
            start = time.perf_counter()
            model.invoke(message)
            times.append((time.perf_counter() - start) * 1000)
    return times


def load(path: Path) -> list[dict]:
    return labelled_lines(path)


def score(results: list[dict]) -> tuple[float, float]:
    n = max(1, len(results))
    return sum(r["tool_ok"] for r in results) / n, sum(r["all_ok"] for r in results) / n


def loco(paths: list[Path]) -> dict:
    """Leave one corpus out: for each corpus, the intent model trained on all the others, alone
    (its label against the expected tool; a null expectation labelled as in training) and as the
    router uses it (tool and arguments), beside the rules alone (no model)."""
    out = {}
    for held in paths:
        model = IntentModel.fit(training_set([other for other in paths if other != held]))
        labelled = training_set([held])
        alone = sum(model.predict(text).name == label for text, label in labelled) / max(1, len(labelled))
        cases = load(held)
        with classifier.using(None):
            rules = score([run_case(c) for c in cases])
        with classifier.using(model):
            both = [run_case(c) for c in cases]
        out[str(held)] = {"n": len(cases), "alone": alone, "rules": rules, "both": score(both),
                          "failures": [r for r in both if not r["all_ok"]]}
    return out


def print_loco(report: dict, quiet: bool) -> None:
    print("leave one corpus out (statistical model trained on the other corpora):")
    total = {"n": 0, "alone": 0.0, "rules": 0.0, "both": 0.0, "both_full": 0.0, "rules_full": 0.0}
    for name, f in report.items():
        print(f"{Path(name).name}: {f['n']} requests; model alone {f['alone']:.1%}; rules alone tool {f['rules'][0]:.1%} "
              f"(+args {f['rules'][1]:.1%}); router with the model tool {f['both'][0]:.1%} (+args {f['both'][1]:.1%})")
        for r in [] if quiet else f["failures"]:
            print(f"  ✗ {r['text']!r} want {r['want']} got {r['got']} {json.dumps(r['got_args'], ensure_ascii=False)}")
        for key, value in (("alone", f["alone"]), ("rules", f["rules"][0]), ("both", f["both"][0]),
                           ("rules_full", f["rules"][1]), ("both_full", f["both"][1])):
            total[key] += value * f["n"]
        total["n"] += f["n"]
    n = max(1, total["n"])
    print(f"overall: {total['n']} requests; model alone {total['alone'] / n:.1%}; rules alone tool {total['rules'] / n:.1%} "
          f"(+args {total['rules_full'] / n:.1%}); router with the model tool {total['both'] / n:.1%} (+args {total['both_full'] / n:.1%})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quiet", action="store_true", help="do not list failures")
    parser.add_argument("--loco", action="store_true", help="leave one corpus out: the intent model "
                        "trained on every other corpus, tested on the held-out one")
    parser.add_argument("--rules-only", action="store_true", help="route without the intent model (the rules' cues alone)")
    args = parser.parse_args(argv)
    if args.loco:
        print_loco(loco(args.files or default_files()), args.quiet)
        return 0
    if args.rules_only:
        classifier._override.append(None)
    report, all_cases = {"files": {}}, []
    for path in args.files or default_files():
        cases = labelled_lines(path)
        results = [run_case(c) for c in cases]
        all_cases += cases
        report["files"][str(path)] = {
            "n": len(results), "tool_acc": sum(r["tool_ok"] for r in results) / max(1, len(results)),
            "full_acc": sum(r["all_ok"] for r in results) / max(1, len(results)),
            "never_act": never_act(cases, results), "failures": [r for r in results if not r["all_ok"]]}
    n = sum(f["n"] for f in report["files"].values())
    report["overall"] = {
        "n": n,
        "tool_acc": sum(f["tool_acc"] * f["n"] for f in report["files"].values()) / max(1, n),
        "full_acc": sum(f["full_acc"] * f["n"] for f in report["files"].values()) / max(1, n)}
    times = sorted(latency_ms(all_cases))
    report["latency_ms"] = {"median": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))], "calls": len(times)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    for name, f in report["files"].items():
        acts = f" , questions never act {f['never_act'][0]}/{f['never_act'][1]}" if f["never_act"] else ""
        print(f"{name}: {f['n']} requests, tool {f['tool_acc']:.1%}, tool+args {f['full_acc']:.1%}{acts}")
        for r in [] if args.quiet else f["failures"]:
            print(f"  ✗ {r['text']!r}{' +' + r['file'] if r['file'] else ''}\n"
                  f"      want {r['want']} {json.dumps(r['want_args'], ensure_ascii=False)}\n"
                  f"      got  {r['got']} {json.dumps(r['got_args'], ensure_ascii=False)}")
    o, lat = report["overall"], report["latency_ms"]
    print(f"overall: {o['n']} requests, tool {o['tool_acc']:.1%}, tool+args {o['full_acc']:.1%}")
    print(f"latency of one routing step (OfflineChatModel.invoke): median {lat['median']:.2f} ms, "
          f"p95 {lat['p95']:.2f} ms over {lat['calls']} calls (target median < 20 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
