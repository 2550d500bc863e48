"""Read any supported dataset into canonical samples, write it in any format, describe it.

    r = read_dataset("qa.csv")     # r.format == "csv", r.samples: the usable samples, r.skipped: why rows were not

Input: CSV/TSV (UTF-8 ± BOM, GBK/GB18030, CRLF, quoted multi-line cells), Excel .xlsx
(the sheet holding the QA table is found), JSON (array, object, or a {"data": [...]}
wrapper) and JSONL in the layouts ``jsonl`` (question/answer fields), ``qianfan``,
``alpaca``, ``sharegpt`` and ``openai``. Output: ``FORMATS``. Reading never imports torch.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tools.data.changes import Changes
from tools.data.csvread import read_csv
from tools.data.readers import ReadResult, Skipped, excel_tables, no_gc, pick_sheet, read_json, table_result
from tools.data.samples import Sample
from tools.data.writers import SUFFIX, WRITERS, encode
from tools.errors import UserError
from tools.workspace import outputs_dir, unique_path

FORMATS = ["jsonl", "qianfan", "alpaca", "sharegpt", "openai", "csv", "xlsx"]
FORMAT_ALIASES = {
    # The one table of names people give the output formats (CLI, agent tools, offline planner).
    **{f: f for f in FORMATS},
    "千帆": "qianfan", "百度千帆": "qianfan", "羊驼": "alpaca", "baidu": "qianfan", "百度": "qianfan", "messages": "openai", "chatml": "openai", "gpt": "openai",
    "excel": "xlsx", "xls": "xlsx", "表格": "xlsx", "json": "jsonl", "ndjson": "jsonl",
    "llama-factory": "alpaca", "llamafactory": "alpaca", "tsv": "csv",
}
# Output suffixes each format may carry (a name that says another format is refused).
FORMAT_SUFFIXES = {"jsonl": {".jsonl", ".json", ".ndjson"}, "qianfan": {".jsonl", ".json"},
                   "alpaca": {".json"}, "sharegpt": {".json"}, "openai": {".jsonl", ".json"},
                   "csv": {".csv", ".txt"}, "xlsx": {".xlsx"}}
DATA_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".json", ".jsonl", ".ndjson"}


def canonical_format(name: str) -> str:
    """'QIANFAN', '千帆', 'Excel' → 'qianfan', 'qianfan', 'xlsx'; unknown names are a UserError."""
    key = str(name or "").strip().lower()
    if key not in FORMAT_ALIASES:
        raise UserError(f"Unknown target format '{name}'; choose one of: {', '.join(FORMATS)}.",
                        zh=f"不认识的目标格式 '{name}'；可选：{'、'.join(FORMATS)}（千帆即 qianfan）。")
    return FORMAT_ALIASES[key]
TABLE_SUFFIXES = {".csv", ".tsv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}

__all__ = ["FORMATS", "FORMAT_ALIASES", "canonical_format", "ReadResult", "Skipped", "ConvertResult", "read_dataset", "convert_dataset",
           "write_samples", "inspect_dataset"]


def read_dataset(path: str | os.PathLike, question_field: str | None = None, answer_field: str | None = None,
                 sheet: str | int | None = None, rationale_field: str | None = None) -> ReadResult:
    """Read a dataset file into samples; bad records are listed in ``.skipped``, never dropped silently.

    A rationale column (解析/analysis/explanation…, or ``rationale_field``) lands in
    ``sample.meta["rationale"]`` for chain-of-thought augmentation.

    Raises ``UserError`` (one sentence) only when the file as a whole cannot be read.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise UserError(f"File not found: {path}.", zh=f"找不到文件：{path}。")
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a dataset file.", zh=f"{path} 是文件夹，不是数据集文件。")
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        table, fields = pick_sheet(path, excel_tables(path), sheet, question_field, answer_field, rationale_field)
        result = table_result(table, fields, "xlsx")
        result.fields["sheet"] = table.name[len(path.name) + 1:-1]
    elif suffix in TABLE_SUFFIXES:
        result = read_csv(path, question_field, answer_field, rationale_field)
    elif suffix in JSON_SUFFIXES:
        result = read_json(path, question_field, answer_field, rationale_field)
    elif suffix == ".xls":
        raise UserError(f"{path.name} is an old Excel 97 .xls file; open it in Excel and save it as .xlsx (or CSV UTF-8).",
                        zh=f"{path.name} 是旧版 Excel 97 的 .xls 文件；请用 Excel 打开并另存为 .xlsx（或 CSV UTF-8）。")
    else:
        raise UserError(f"{path.name}: unsupported file type '{suffix or '(none)'}'; use CSV, TSV, .xlsx, JSON or JSONL.",
                        zh=f"{path.name}：不支持的文件类型 '{suffix or '（无）'}'；请使用 CSV、TSV、.xlsx、JSON 或 JSONL。")
    result.path = str(path)
    _report_garbled(result)
    if not result.samples and not result.skipped:
        raise UserError(f"{path.name} has no records (only a header or blank lines).",
                        zh=f"{path.name} 没有记录（只有表头或空行）。")
    return result


GARBLE_SCAN = 2000
"""Samples checked for mojibake already in the file (the first ones: a file garbled by a wrong
decoding is garbled throughout)."""


def _report_garbled(result: ReadResult) -> None:
    from tools.data.encoding import looks_garbled

    for s in result.samples[:GARBLE_SCAN]:
        if looks_garbled("\n".join(m.content for m in s.messages)):
            result.changes.add("garbled", s.where)


@dataclass
class ConvertResult:
    output: str
    format: str
    read: int
    written: int
    skipped: list[Skipped] = field(default_factory=list)
    source_format: str = ""
    changes: Changes = field(default_factory=Changes)
    """What was normalised or dropped on the way (each with an English and a Chinese sentence)."""

    def to_dict(self) -> dict:
        """Exactly the CLI's ``convert --json`` object."""
        return {"output": self.output, "format": self.format, "read": self.read, "written": self.written,
                "skipped": [s.to_dict() for s in self.skipped], "changes": self.changes.to_list()}


def output_path(source: Path, fmt: str, output: str | os.PathLike | None, tag: str = "") -> Path:
    """A new file in the workspace outputs (``qa.alpaca.json``, ``qa.alpaca-2.json``…), or the
    user's ``output``, which must not exist yet, must not be the input, must name a file in a
    writable folder and must not carry another format's suffix."""
    if output is None:
        # qa.csv → qa.jsonl, qa.alpaca.json, qa.xlsx; the format is named when the suffix does not say it.
        named = "" if SUFFIX[fmt] == f".{fmt}" else f".{fmt}"
        return unique_path(outputs_dir(), f"{source.stem}{tag}{named}", SUFFIX[fmt])
    from tools.data.outpaths import check_output

    return check_output(source, fmt, output, FORMAT_SUFFIXES, DATA_SUFFIXES)


def write_samples(samples: list[Sample], fmt: str, path: Path, flatten_tools: bool = False,
                  changes: Changes | None = None) -> Path:
    """Serialise ``samples`` as ``fmt`` and write them atomically to ``path`` (with the user's
    umask, like any file they create); what ``fmt`` cannot hold is added to ``changes``."""
    from tools.data.outpaths import write_file

    if fmt not in WRITERS:
        raise UserError(f"Unknown output format '{fmt}'; choose one of: {', '.join(FORMATS)}.",
                        zh=f"不认识的输出格式 '{fmt}'；可选：{'、'.join(FORMATS)}。")
    return write_file(path, encode(samples, fmt, flatten_tools, changes))


def format_for(path: Path, fallback: str = "jsonl") -> str:
    """The output format a file name implies (used by augment/quality to keep the input's format):
    ``fallback`` when the name fits it (or says nothing), else the format its suffix names
    (qa.csv → -o clean.jsonl writes JSONL rather than CSV text in a .jsonl file)."""
    suffix = Path(path).suffix.lower()
    if suffix in FORMAT_SUFFIXES.get(fallback, ()) or suffix not in DATA_SUFFIXES:
        return fallback
    return {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".json": "jsonl", ".jsonl": "jsonl",
            ".ndjson": "jsonl"}.get(suffix, fallback)


def convert_dataset(path: str | os.PathLike, to: str, output: str | os.PathLike | None = None,
                    question_field: str | None = None, answer_field: str | None = None,
                    sheet: str | int | None = None, flatten_tools: bool = False) -> ConvertResult:
    """Convert a dataset to ``to`` (a name of ``FORMAT_ALIASES``, any case); the input file is never
    modified. Tool-calling records go to sharegpt/openai only, unless ``flatten_tools``."""
    to = canonical_format(to)
    source = Path(path).expanduser()
    # The samples live only inside this block: with the cyclic collector paused they are
    # freed by reference counting when it ends, so no collection ever walks them
    # (200,000 samples: ~0.2 s of collector time saved, see tools.data.readers.no_gc).
    with no_gc():
        result = read_dataset(source, question_field, answer_field, sheet)
        out = output_path(source, to, output)
        changes = result.changes
        write_samples(result.samples, to, out, flatten_tools, changes)
        written, skipped, fmt = len(result.samples), result.skipped, result.format
        del result
    return ConvertResult(str(out), to, written + len(skipped), written, skipped, fmt, changes)


def inspect_dataset(path: str | os.PathLike, question_field: str | None = None, answer_field: str | None = None,
                    sheet: str | int | None = None, tokens: bool = True, base_model: str | None = None) -> dict:
    """Format, record count, fields, length statistics (characters and base-model tokens), problems,
    ``changes`` (what reading normalised) and ``with_tools`` (samples with tool calls or schemas)."""
    from tools.data.stats import describe

    result = read_dataset(path, question_field, answer_field, sheet)
    info = describe(result, tokens=tokens, base_model=base_model)
    info["changes"] = result.changes.to_list()  # what reading normalised (CRLF in cells…)
    info["with_tools"] = sum(1 for s in result.samples if s.uses_tools)
    return info
