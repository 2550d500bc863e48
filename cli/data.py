"""Data subcommands: inspect, convert, augment, quality."""
from __future__ import annotations

from cli.common import not_implemented

FORMATS = ["jsonl", "qianfan", "alpaca", "sharegpt", "openai", "csv", "xlsx"]


def _field_options(p) -> None:
    p.add_argument("--question-field", help="the column/field that holds the question (detected when omitted)")
    p.add_argument("--answer-field", help="the column/field that holds the answer (detected when omitted)")
    p.add_argument("--sheet", help="Excel sheet name (detected when omitted)")


def register(sub) -> None:
    p = sub.add_parser("inspect", help="format, record count, fields, lengths and problems of a dataset")
    p.add_argument("path")
    _field_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)

    p = sub.add_parser("convert", help="convert a dataset between CSV, Excel, JSON/JSONL and trainer formats")
    p.add_argument("path")
    p.add_argument("--to", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", help="output file (default: a new file in the workspace outputs)")
    _field_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)

    p = sub.add_parser("augment", help="add few-shot or chain-of-thought samples, or widen instructions with templates")
    p.add_argument("path")
    p.add_argument("method", choices=["few-shot", "cot", "templates"])
    p.add_argument("-o", "--output")
    _field_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)

    p = sub.add_parser("quality", help="duplicates, empty/short/long answers, placeholders, perplexity outliers")
    p.add_argument("path")
    p.add_argument("--ppl", action="store_true", help="also score perplexity under the base model")
    p.add_argument("-o", "--output")
    _field_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)
