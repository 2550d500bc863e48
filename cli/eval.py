"""``sft-assistant eval RUN``: score the base and the tuned model on held-out and general prompts."""
from __future__ import annotations

from cli.common import print_json


def register(sub) -> None:
    p = sub.add_parser("eval", help="did it learn, what did it forget: base vs tuned on held-out and general prompts")
    p.add_argument("run", nargs="?", help="run id or directory (default: the latest run)")
    p.add_argument("--data", help="a dataset of held-out samples to score on (default: the run's own held-out split)")
    p.add_argument("--full", action="store_true", help="answer 50 held-out prompts and all 100 general evaluation prompts (the default report: 10 and 8)")
    p.add_argument("--json", action="store_true", help="print the whole report as JSON")
    p.set_defaults(func=run_eval)


def run_eval(args) -> int:
    from tools.models.evaluate import evaluate_run, summary, verdict
    from tools.train.runs import get_run

    report = evaluate_run(args.run, data=args.data, full=args.full)
    if args.json:
        print_json(report)
        return 0
    for line in summary(report):
        print(line)
    print(verdict(get_run(args.run).run_dir)["reason_en"])
    for row in report.get("examples", [])[:3]:
        print(f"\nQ: {row['question']}\n  reference: {row['reference']}\n  base:  {row['base']}\n  tuned: {row['tuned']}")
    return 0
