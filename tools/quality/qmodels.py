"""The model scores of a quality check (perplexity, reward model, LLM judge) and the flags they raise.

Each is optional and slow, so each reports its own rate and calls ``progress(done, total)``.
Flags: perplexity outliers (robust z on log ppl, ``perplexity.flag_outliers``); reward scores far
below the rest (robust z = (median − x) / (1.4826 · MAD) > 3.5, the same test one-sided); a judge
score of 1 or 2 on the rubric's 1–5 scale.
"""
from __future__ import annotations

import statistics

from tools.quality.scores import Progress


def _finding(samples, i: int, rule: str, en: str, zh: str):
    from tools.quality.quality import Finding

    s = samples[i]
    return Finding(s.where, rule, en, "flagged", s.question, s.answer, zh, i)


def _column(table: dict, name: str, n: int, rows: list[int], values: list) -> None:
    column = table.setdefault(name, [""] * n)
    for i, v in zip(rows, values):
        column[i] = v


def low_outliers(values: list[float], z: float = 3.5) -> list[int]:
    """Indexes of values far below the median (robust z > ``z``); none for fewer than 5 values."""
    if len(values) < 5:
        return []
    med = statistics.median(values)
    mad = statistics.median(abs(v - med) for v in values) * 1.4826 or 1e-9
    return [i for i, v in enumerate(values) if (med - v) / mad > z]


def score_models(samples, gone: set[int], table: dict[str, list], findings: list, ppl: bool = False,
                 base_model: str | None = None, ppl_batch_size: int = 16, reward_model: str | None = None,
                 judge: bool = False, progress: Progress | None = None) -> tuple[dict, dict | None]:
    """Score the records that stay (not ``gone``); add columns to ``table``, append to ``findings``.
    Returns ({"reward": rate, "judge": rate}, perplexity summary or None)."""
    scored = [i for i in range(len(samples)) if i not in gone]
    subset = [samples[i] for i in scored]
    models, ppl_info = {}, None
    if ppl and subset:
        from tools.quality.perplexity import flag_outliers, perplexities

        values = perplexities(subset, base_model, batch_size=ppl_batch_size)
        ppl_info, outliers = flag_outliers(values)
        for j, reason in outliers:
            findings.append(_finding(samples, scored[j], "perplexity", reason, "困惑度异常:" + reason))
        _column(table, "ppl", len(samples), scored, [round(v, 3) for v in values])
    if reward_model and subset:
        from tools.quality.scores import reward_scores

        values, models["reward"] = reward_scores(subset, reward_model, progress=progress)
        med = statistics.median(values)
        for j in low_outliers(values):
            en = f"reward {values[j]:.3f} is far below the median {med:.3f}"
            findings.append(_finding(samples, scored[j], "reward_low", en, f"奖励分 {values[j]:.3f} 远低于中位数 {med:.3f}"))
        _column(table, "reward", len(samples), scored, [round(v, 4) for v in values])
    if judge and subset:
        from tools.quality.scores import judge_scores

        verdicts, models["judge"] = judge_scores(subset, progress=progress)
        _column(table, "judge", len(samples), scored, [v[0] for v in verdicts])
        _column(table, "judge_reason", len(samples), scored, [v[1] for v in verdicts])
        for i, (score, reason) in zip(scored, verdicts):
            if score is not None and score <= 2:
                findings.append(_finding(samples, i, "judge_low", f"LLM judge gave {score}/5: {reason}",
                                         f"大模型评审打分 {score}/5:{reason}"))
    return models, ppl_info
