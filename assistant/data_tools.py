"""Tools over datasets: inspect, convert, augment (few-shot, CoT, instruction templates), quality.

Each binds one function of ``tools/`` (formats, augment, quality) and returns the JSON envelope;
docstrings are what the language model reads.
"""
from __future__ import annotations

from langchain_core.tools import tool

from assistant import summaries
from assistant.envelope import Refused, run_tool
from assistant.paths import resolve_input


FORMAT_ALIASES = {
    "千帆": "qianfan", "qianfan": "qianfan", "alpaca": "alpaca", "sharegpt": "sharegpt", "openai": "openai",
    "messages": "openai", "chatml": "openai", "csv": "csv", "excel": "xlsx", "xlsx": "xlsx", "jsonl": "jsonl",
    "json": "jsonl", "llama-factory": "alpaca", "llamafactory": "alpaca",
}


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
                    sheet: str | None = None) -> str:
    """Read a dataset (CSV, Excel .xlsx, JSON/JSONL in Qianfan, Alpaca, ShareGPT or OpenAI messages form) and report its format, number of usable samples, which fields hold the question and the answer, length statistics in characters and base-model tokens, and problems (skipped rows, duplicates, placeholders). Reads only; writes nothing.

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        question_field: the column/field holding the question, only when the user named it (detected otherwise).
        answer_field: the column/field holding the answer, only when the user named it (detected otherwise).
        sheet: the Excel sheet name, only when the user named it.
    """
    from tools.formats import inspect_dataset as inspect

    def work():
        info = inspect(resolve_input(path), question_field, answer_field, sheet)
        keep = ("path", "format", "encoding", "count", "skipped_count", "skipped", "fields", "multi_turn",
                "with_system", "blank", "with_rationale", "chars", "tokens", "problems")
        en, zh = summaries.inspect_sentences(info)
        return en, zh, {k: info[k] for k in keep if k in info}, []

    return run_tool("inspect_dataset", work)


@tool(parse_docstring=True)
def convert_dataset(path: str, to: str, question_field: str | None = None, answer_field: str | None = None,
                    sheet: str | None = None) -> str:
    """Convert a dataset to another format and write it as a NEW file in the workspace outputs (the input is never changed). Formats: qianfan (千帆 JSONL), alpaca (LLaMA-Factory JSON), sharegpt, openai (messages JSONL), jsonl, csv, xlsx (Excel).

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        to: the target format: qianfan, alpaca, sharegpt, openai, jsonl, csv or xlsx.
        question_field: the column/field holding the question, only when the user named it.
        answer_field: the column/field holding the answer, only when the user named it.
        sheet: the Excel sheet name, only when the user named it.
    """
    from tools.formats import convert_dataset as convert

    def work():
        source = resolve_input(path)
        result = convert(source, target_format(to), None, question_field, answer_field, sheet).to_dict()
        en, zh = summaries.convert_sentences(result, str(source))
        return en, zh, result, [result["output"]]

    return run_tool("convert_dataset", work)
