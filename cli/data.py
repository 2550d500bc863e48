"""Data subcommands: inspect, convert, augment, quality."""
from __future__ import annotations

import sys

from cli.common import print_json
from tools.data.formats import FORMATS, canonical_format  # the one table of format names (any case)
from tools.errors import UserError


def _format(name: str) -> str:
    """--to through the one alias table; an unknown name is argparse's usage error, not a traceback."""
    import argparse

    try:
        return canonical_format(name)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _field_options(p) -> None:
    p.add_argument("--question-field", help="the column/field that holds the question (detected when omitted)")
    p.add_argument("--answer-field", help="the column/field that holds the answer (detected when omitted)")
    p.add_argument("--sheet", help="Excel sheet name, or its position counted from 1 (detected when omitted)")


def _fields(args) -> dict:
    return {"question_field": args.question_field, "answer_field": args.answer_field, "sheet": args.sheet}


def _stats_line(name: str, s: dict) -> str:
    return f"  {name:<9} min {s['min']}, median {s['p50']}, mean {s['mean']}, p95 {s['p95']}, max {s['max']}"


def run_inspect(args) -> int:
    from tools.data.formats import inspect_dataset

    info = inspect_dataset(args.path, tokens=not args.no_tokens, **_fields(args))
    if args.json:
        print_json(info)
        return 0
    fields = ", ".join(f"{k}={v}" for k, v in info["fields"].items())
    print(f"{info['path']}: {info['format']} ({info['encoding'] or 'binary'}), {info['count']} samples, "
          f"{info['skipped_count']} skipped, {info['multi_turn']} multi-turn, {info['with_system']} with a system prompt")
    print(f"fields: {fields or '(by layout)'}")
    print("characters:")
    for name, s in info["chars"].items():
        print(_stats_line(name, s))
    if "tokens" in info:
        print("tokens (base model tokenizer):")
        for name, s in info["tokens"].items():
            print(_stats_line(name, s))
    for s in info["skipped"][:10]:
        print(f"skipped {s['where']}: {s['reason']}")
    for p in info["problems"]:
        print(f"problem: {p}")
    for change in info.get("changes", []):
        print(f"changed: {change['en']}")
    if info.get("with_tools"):
        print(f"{info['with_tools']} samples carry tool calls or tool schemas (kept in sharegpt and openai)")
    return 0


def run_convert(args) -> int:
    from tools.data.formats import convert_dataset

    result = convert_dataset(args.path, args.to, args.output, flatten_tools=args.flatten_tools, **_fields(args))
    if args.json:
        print_json(result.to_dict())
        return 0
    print(f"wrote {result.written} of {result.read} records as {result.format} to {result.output}")
    for s in result.skipped:
        print(f"skipped {s.where}: {s.reason}")
    for change in result.changes:
        print(f"changed: {change.sentence()}", file=sys.stderr if change.kind == "flattened_tools" else sys.stdout)
    return 0


def run_augment(args) -> int:
    from tools.augment import augment

    common = {"n_samples": args.n_samples, "output": args.output, **_fields(args)}
    if args.method == "fill":
        from tools.data.fill import fill_placeholders, parse_values

        filled = fill_placeholders(args.path, parse_values(args.values), output=args.output, **_fields(args))
        print_json(filled.to_dict()) if args.json else print(filled.summary())
        return 0
    if args.values:
        raise UserError(f"Unexpected values {' '.join(args.values)}: only 'fill' takes name=value pairs.",
                        zh=f"多余的参数 {' '.join(args.values)}:只有 fill 需要 名称=值。")
    if args.method == "few-shot":
        result = augment.few_shot(args.path, k=args.k, fraction=args.fraction, seed=args.seed, **common)
    elif args.method == "cot":
        result = augment.add_cot(args.path, rationale_field=args.rationale_field, **common)
    else:
        result = augment.augment_instructions(args.path, templates=args.template or None, seed=args.seed, **common)
    if args.json:
        print_json(result.to_dict())
        return 0
    print(result.summary())
    return 0


def _progress():
    """A progress bar on stderr for the slow model scores (tqdm ships with transformers)."""
    from tqdm import tqdm

    bar = {}

    def update(done: int, total: int) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, unit="rec", file=sys.stderr)
        bar["bar"].update(done - bar["bar"].n)
        if done >= total:
            bar.pop("bar").close()

    return update


def run_quality(args) -> int:
    if args.apply:
        from tools.quality.review import apply_review

        applied = apply_review(args.apply, by=args.by, output=args.output)
        if args.json:
            print_json(applied.to_dict())
        else:
            print(f"kept {applied.kept} of {applied.read} records ({applied.dropped} dropped, {applied.edited} edited): "
                  f"{applied.output}\naudit log: {applied.audit}")
        return 0
    if not args.path:
        raise UserError("Name the dataset to check (or --apply REPORT).", zh="请给出要检查的数据集(或 --apply 复核表)。")
    from tools.quality.quality import check_quality

    report = check_quality(args.path, ppl=args.ppl, output=args.output, near_threshold=args.near_threshold,
                           min_answer_chars=args.min_answer_chars, max_answer_chars=args.max_answer_chars,
                           reward_model=args.reward_model, judge=args.judge, progress=_progress(), **_fields(args))
    if args.json:
        print_json(report.to_dict())
        return 0
    print(report.summary())
    return 0


def register(sub) -> None:
    p = sub.add_parser("inspect", help="format, record count, fields, lengths and problems of a dataset")
    p.add_argument("path")
    _field_options(p)
    p.add_argument("--no-tokens", action="store_true", help="skip token counts (no tokenizer is loaded)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_inspect)

    p = sub.add_parser("convert", help="convert a dataset between CSV, Excel, JSON/JSONL and trainer formats")
    p.add_argument("path")
    p.add_argument("--to", required=True, type=_format, metavar="{" + ",".join(FORMATS) + "}",
                   help="target format (any case; 千帆/excel/json are understood too)")
    p.add_argument("-o", "--output", help="output file (default: a new file in the workspace outputs)")
    p.add_argument("--flatten-tools", action="store_true",
                   help="write tool calls as plain text for layouts that cannot hold them (qianfan, alpaca, jsonl, csv, xlsx)")
    _field_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_convert)

    p = sub.add_parser("augment", help="add few-shot or chain-of-thought samples, or widen instructions with templates")
    p.add_argument("path")
    p.add_argument("method", choices=["few-shot", "cot", "templates", "fill"])
    p.add_argument("values", nargs="*", help="fill: placeholder values, e.g. name=Helper author=ACME")
    p.add_argument("-o", "--output")
    p.add_argument("-n", "--n-samples", type=int, help="how many samples to build (default: all, or --fraction)")
    p.add_argument("--fraction", type=float, help="few-shot: share of the samples that get examples (0–1)")
    p.add_argument("-k", type=int, default=3, help="few-shot: solved examples per prompt (default 3)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rationale-field", help="cot: the column with the reasoning (detected: 解析/analysis/explanation…)")
    p.add_argument("--template", action="append", help="templates: an extra phrasing, e.g. '请把下面的中文翻译成英文：{instruction}' (repeatable)")
    _field_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_augment)

    p = sub.add_parser("quality", help="duplicates, empty/short/long answers, placeholders, perplexity outliers")
    p.add_argument("path", nargs="?")
    p.add_argument("--apply", metavar="REPORT", help="apply an edited review file (the .report.csv's decision column)")
    p.add_argument("--by", help="--apply: who decided, for the audit log (default: your user name)")
    p.add_argument("--ppl", action="store_true", help="also score perplexity under the base model")
    p.add_argument("--reward-model", metavar="FOLDER", help="also score with a local sequence-classification reward model")
    p.add_argument("--judge", action="store_true", help="also score with the configured OpenAI-compatible model (LLM judge)")
    p.add_argument("-o", "--output", help="cleaned dataset file (the review report goes next to it)")
    p.add_argument("--near-threshold", type=float, default=0.8, help="Jaccard similarity that counts as a near duplicate")
    p.add_argument("--min-answer-chars", type=int, default=2)
    p.add_argument("--max-answer-chars", type=int, default=8000)
    _field_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_quality)
