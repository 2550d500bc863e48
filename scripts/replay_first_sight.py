"""How much the n-gram fallback would have helped on first sight: the rules as they were just before
each fresh corpus was fixed (read from git history), with and without the statistical model trained
on every *other* corpus. Tool name only (arguments come from today's extractors either way).

    .venv/bin/python scripts/replay_first_sight.py        # needs the git history (not a shallow clone)

For each corpus the old ``assistant/`` tree is unpacked into a temporary folder and its planner is
asked for a decision and its rules' score; today's policy is then applied: where the old rules made
no tool call (``unknown``/``maybe``) the model's tool when its posterior is at least
``classifier.SURE``; where they scored under ``classifier.WEAK`` the model's tool when its posterior
is at least ``classifier.OVERRULE``; never an off-topic guess; a guessed start is only offered and
a guessed stop only asked about (no call either way); an ``explain`` guess needs a word of our domain.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.nlu import classifier  # noqa: E402
from assistant.nlu.classifier import IntentModel, corpus_examples  # noqa: E402
from assistant.nlu.intents import about_sft  # noqa: E402

# The commit that added each fresh corpus together with its fixes: its parent holds the rules
# that met the corpus first.
ADDED = {"utterances_fresh.jsonl": "3256dd4", "utterances_fresh2.jsonl": "97f553b", "utterances_fresh3.jsonl": "f216884",
         "utterances_fresh4.jsonl": "86b0d16", "utterances_fresh5.jsonl": "d2c10cd", "utterances_fresh6.jsonl": "9704265",
         "utterances_fresh7.jsonl": "7eace91", "utterances_fresh8.jsonl": "c909540",
         # the blind corpora met the rules of 773e8fa (the first fixes for them came in 8152c37)
         "utterances_blind_en.jsonl": "8152c37", "utterances_blind_zh.jsonl": "8152c37",
         "utterances_fresh9.jsonl": "8dde822"}
OLD_DECIDE = """
import json, sys
from assistant.attachments import with_attachments
from assistant.nlu.intents import classify
from assistant.nlu.planner import Turn, decide
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        case = json.loads(line)
        files = ["/tmp/sft-eval/uploads/" + case["file"]] if case.get("file") else []
        d = decide([Turn("user", with_attachments(case["text"], files))])
        score = classify(case["text"], has_file=bool(files)).score
        print(json.dumps({"kind": d.kind, "calls": [c["name"] for c in d.calls], "score": score}))
"""


def old_decisions(commit: str, corpus: Path, scratch: Path) -> list[dict]:
    tree = scratch / f"{commit}-{corpus.stem}"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", f"{commit}^", "assistant"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    out = subprocess.run([sys.executable, "-c", OLD_DECIDE, str(corpus)], cwd=tree, env={"PYTHONPATH": str(tree)},
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def with_fallback(text: str, decision: dict, model: IntentModel) -> str | None:
    rules = decision["calls"][0] if decision["kind"] == "tools" else None
    weak = decision["kind"] in ("tools", "ask_file", "confirm") and decision["score"] < classifier.WEAK
    if not weak and decision["kind"] not in ("unknown", "maybe"):
        return rules  # a clear reading, or a question back (confirm, a file, a format)
    guess = model.predict(text)
    needed = classifier.OVERRULE if weak else classifier.SURE
    if guess.name == classifier.NONE or guess.prob < needed or guess.name == "explain" and not about_sft(text):
        return rules
    read = rules or (decision["calls"][0] if decision["calls"] else None)
    if weak and guess.name == read:
        return rules  # the model agrees with a weak reading: it stands (a confirmation stays one)
    return None if guess.name in ("start_training", "stop_training") else guess.name


def main() -> int:
    corpora = sorted((ROOT / "eval").glob("utterances_*.jsonl"))
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory() as scratch:
        for corpus in corpora:
            if corpus.name not in ADDED:
                continue
            model = IntentModel.fit(p for other in corpora if other != corpus
                                    for p in corpus_examples(other, classifier._rules_label))
            cases = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
            decisions = old_decisions(ADDED[corpus.name], corpus, Path(scratch))
            rules = sum((d["calls"][0] if d["kind"] == "tools" else None) == (c.get("tool") or None) for c, d in zip(cases, decisions))
            both = sum(with_fallback(c["text"], d, model) == (c.get("tool") or None) for c, d in zip(cases, decisions))
            print(f"{corpus.name}: {len(cases)} requests; rules then {rules / len(cases):.1%}; with the model {both / len(cases):.1%}")
            totals = [totals[0] + len(cases), totals[1] + rules, totals[2] + both]
    n = max(1, totals[0])
    print(f"overall: {totals[0]} requests; rules at first sight {totals[1] / n:.1%}; with the model {totals[2] / n:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
