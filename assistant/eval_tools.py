"""The ``evaluate_run`` tool: did the run learn, and what did it forget (``tools/models/evaluate.py``).

It reads the run's ``eval.json`` (written when the run ended), or evaluates the run now when there
is none; either way it only reads and scores, so it needs no confirmation.
"""
from __future__ import annotations

from langchain_core.tools import tool

from assistant.envelope import run_card, run_tool


@tool(parse_docstring=True)
def evaluate_run(run_id: str | None = None) -> str:
    """Report how well a finished training run learned and what it forgot: base versus tuned model on held-out samples (loss, perplexity, exact match, character F1, ROUGE-L, LLM judge when configured) and on a general prompt set (the forgetting figure), with a plain verdict. Use it for "did it learn?", "效果怎么样", "how good is the model", "有没有遗忘". Runs nothing consequential.

    Args:
        run_id: the run's id; leave it out for the most recent run.
    """
    from tools.models.evaluate import evaluate_run as evaluate
    from tools.models.evaluate import load_report, summary, verdict
    from tools.train.runs import get_run

    def work():
        info = get_run(run_id or None)
        report = load_report(info.run_dir)
        fresh = report is None or "task" not in report
        if fresh:
            report = evaluate(info.run_dir)
        v = verdict(info.run_dir)
        en = " ".join([v["reason_en"], *summary(report, "en")])
        zh = " ".join([v["reason_zh"], *summary(report, "zh")])
        data = {"run_id": info.run_id, "source": "eval.json", "evaluated_now": fresh, "learned": v["learned"],
                "task": report.get("task"), "general": report.get("general"), "judge": report.get("judge")}
        return (f"{en} (from {info.run_id}/eval.json)", f"{zh}(来自 {info.run_id}/eval.json)", data,
                [str(info.run_dir / "eval.json")], run_card(info.to_dict()))

    return run_tool("evaluate_run", work)
