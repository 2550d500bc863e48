"""Tools over datasets: inspect, convert, augment (few-shot, CoT, instruction templates), quality.

Each binds one function of ``tools/`` (formats, augment, quality) and returns the JSON envelope;
docstrings are what the language model reads.
"""
from __future__ import annotations

from langchain_core.tools import tool

from assistant import summaries
from assistant.envelope import Refused, run_tool
from assistant.paths import resolve_input
from tools.data.formats import FORMAT_ALIASES  # the one table of format names (issue 10/11)


def target_format(to: str) -> str:
    key = str(to or "").strip().lower()
    if key not in FORMAT_ALIASES:
        raise Refused(
            f"Unknown target format '{to}'; choose one of: qianfan, alpaca, sharegpt, openai, jsonl, csv, xlsx.",
            f"不认识的目标格式 '{to}';可选:qianfan(千帆)、alpaca、sharegpt、openai、jsonl、csv、xlsx。",
        )
    return FORMAT_ALIASES[key]


@tool(parse_docstring=True)
def inspect_dataset(path: str, question_field: str | None = None, answer_field: str | None = None,
                    sheet: str | int | None = None) -> str:
    """Read a dataset (CSV, Excel .xlsx, JSON/JSONL in Qianfan, Alpaca, ShareGPT or OpenAI messages form) and report its format, number of usable samples, which fields hold the question and the answer, length statistics in characters and base-model tokens, and problems (skipped rows, duplicates, placeholders). Reads only; writes nothing.

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        question_field: the column/field holding the question, only when the user named it (detected otherwise).
        answer_field: the column/field holding the answer, only when the user named it (detected otherwise).
        sheet: the Excel sheet's name, or its position counted from 1 ('the second tab' is 2), only when the user said it.
    """
    from tools.data.formats import inspect_dataset as inspect

    def work():
        source = resolve_input(path)
        info = inspect(source, question_field, answer_field, sheet)
        keep = ("path", "format", "encoding", "count", "skipped_count", "skipped", "fields", "multi_turn",
                "with_system", "blank", "with_rationale", "with_tools", "chars", "tokens", "problems", "problems_zh",
                "changes")
        en, zh = summaries.inspect_sentences(info)
        return en, zh, {"source": source.name, **{k: info[k] for k in keep if k in info}}, []

    return run_tool("inspect_dataset", work)


@tool(parse_docstring=True)
def convert_dataset(path: str, to: str, question_field: str | None = None, answer_field: str | None = None,
                    sheet: str | int | None = None) -> str:
    """Convert a dataset to another format and write it as a NEW file in the workspace outputs (the input is never changed). Formats: qianfan (千帆 JSONL), alpaca (LLaMA-Factory JSON), sharegpt, openai (messages JSONL), jsonl, csv, xlsx (Excel).

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        to: the target format: qianfan, alpaca, sharegpt, openai, jsonl, csv or xlsx.
        question_field: the column/field holding the question, only when the user named it.
        answer_field: the column/field holding the answer, only when the user named it.
        sheet: the Excel sheet's name, or its position counted from 1 ('the second tab' is 2), only when the user said it.
    """
    from tools.data.formats import convert_dataset as convert

    def work():
        source = resolve_input(path)
        result = convert(source, target_format(to), None, question_field, answer_field, sheet).to_dict()
        en, zh = summaries.convert_sentences(result, str(source))
        return en, zh, {"source": source.name, **result}, [result["output"]]

    return run_tool("convert_dataset", work)


AUGMENT_KEYS = ("output", "method", "original", "added", "total", "skipped", "k", "seed", "from_column", "from_model",
                "without_rationale", "forms_before", "forms_after", "reworded", "wrapped", "changes")
"""What an augmentation result passes on: counts and the new file (never the new samples' text)."""


def _augment(name: str, run, path: str, default: dict | None = None):
    """Shared body of the three augmentation tools: ``run(source)`` returns an AugmentResult;
    ``default`` says which records were chosen when the user gave no count or share."""

    def work():
        source = resolve_input(path)
        result = run(source).to_dict()
        data = {"source": source.name, **{k: result[k] for k in AUGMENT_KEYS if k in result},
                **({"default": default} if default else {})}
        en, zh = summaries.augment_sentences(data, source.name)
        return en, zh, data, [result["output"]]

    return run_tool(name, work)


def _default(n_samples, fraction, en: str, zh: str) -> dict | None:
    return {"en": en, "zh": zh} if n_samples is None and fraction is None else None


@tool(parse_docstring=True)
def add_few_shot(path: str, k: int = 3, n_samples: int | None = None, fraction: float | None = None) -> str:
    """Add few-shot samples (manual: Prompt优化): for each chosen record, a new sample whose prompt first shows k solved examples taken from the most similar other questions of the same dataset, then the question. The originals are kept; the result is a NEW file in the workspace outputs. Without n_samples or fraction, 20% of the records are chosen.

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        k: how many solved examples each new prompt shows (default 3; "两个示例" = 2).
        n_samples: how many records get a few-shot sample, only when the user gave a count.
        fraction: the share of records that get one: 1.0 for "every record / 每条 / all", 0.2 for "20% / 两成".
    """
    from tools.augment.augment import DEFAULT_FRACTION, few_shot

    share = f"{DEFAULT_FRACTION:.0%}"
    return _augment("add_few_shot", lambda source: few_shot(source, k=k, n_samples=n_samples, fraction=fraction), path,
                    _default(n_samples, fraction, f"{share} of the records", f"{share} 的记录"))


@tool(parse_docstring=True)
def add_cot(path: str, n_samples: int | None = None, fraction: float | None = None,
            rationale_field: str | None = None) -> str:
    """Add chain-of-thought (CoT) samples (manual: Prompt优化): the prompt asks to reason step by step and the answer gives the reasoning before the original answer. The reasoning comes from a rationale column of the dataset (解析/analysis/explanation/rationale) or, when configured, an OpenAI-compatible model; nothing is invented. Writes a NEW file in the workspace outputs. Without n_samples or fraction, every record that has a rationale is used.

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        n_samples: how many records to turn into CoT samples, only when the user gave a count.
        fraction: the share of records to use: 1.0 for "every record / 每条 / all", 0.2 for "20% / 两成".
        rationale_field: the column holding the reasoning, only when the user named it.
    """
    from tools.augment.augment import add_cot as cot

    return _augment("add_cot", lambda source: cot(source, n_samples=n_samples, rationale_field=rationale_field,
                                                  fraction=fraction), path,
                    _default(n_samples, fraction, "every record that has a rationale", "所有带推理过程的记录"))


@tool(parse_docstring=True)
def augment_instructions(path: str, templates: list[str] | None = None, n_samples: int | None = None,
                         fraction: float | None = None) -> str:
    """Make instructions more diverse with prompt templates (manual: 数据规模、数据多样性): adds samples whose question is reworded into an equivalent instruction (e.g. 中译英 → 翻译中文为英文) with the same answer, and reports how many distinct instruction forms there are before and after. Writes a NEW file in the workspace outputs. Without n_samples or fraction, every record is reworded once.

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        templates: the user's own templates, only when given: wrappers containing {question}, or families of equivalent instructions written 'a|b|c'.
        n_samples: how many reworded samples to add, only when the user gave a count.
        fraction: the share of records to reword: 1.0 for "every record / 每条 / all", 0.2 for "20% / 两成".
    """
    from tools.augment.augment import augment_instructions as augment

    return _augment("augment_instructions",
                    lambda source: augment(source, templates=templates or None, n_samples=n_samples, fraction=fraction),
                    path, _default(n_samples, fraction, "every record", "全部记录"))


@tool(parse_docstring=True)
def check_quality(path: str, ppl: bool = False) -> str:
    """Check a dataset's quality (manual: 数据质量): scores every record and flags near duplicates, conflicting answers, too short or too long answers, placeholders and other defects for the user's review; only exact duplicates and empty answers are removed. With ppl=true also flags perplexity outliers under the base model (slower). Writes the cleaned data as a NEW file plus a review report (JSON and CSV) and a score table; the input is never changed. Use it for "check quality", "clean the data"; to drop flagged records by a rule use apply_quality_rule.

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        ppl: also score perplexity with the base model, only when the user asked for it.
    """
    from assistant.quality_tools import review_offer
    from tools.quality.quality import check_quality as check

    def work():
        source = resolve_input(path)
        report = check(source, ppl=bool(ppl)).to_dict()
        # removed_examples / flagged_examples hold record text: they stay in the report file.
        keep = ("output", "report", "report_csv", "scores_csv", "read", "kept", "removed", "flagged", "by_rule", "grouped",
                "groups", "ppl")
        data = {"source": source.name, **{k: report[k] for k in keep if k in report}}
        en, zh = summaries.quality_sentences(data, source.name)
        offer_en, offer_zh = review_offer(data)  # issue 12: counts, then the review on offer
        # The cleaned data last: the newest file of a turn is what "train it" then means.
        return en + offer_en, zh + offer_zh, data, [report["report"], report["report_csv"], report["scores_csv"],
                                                    report["output"]]

    return run_tool("check_quality", work)
