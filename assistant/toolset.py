"""The agent's tools: thin langchain bindings over ``tools/*``.

Every tool returns one JSON string, ``{"ok", "summary": {"en", "zh"}, "data", "files"}``,
and never raises: a bad argument, a refused path or a failing tool comes back as
``"ok": false`` with a sentence in both languages (:func:`run_tool`).

Two safety rules live here:
- paths: a tool reads only files inside the workspace (uploads, outputs, runs); a bare
  file name finds an upload, a relative path is taken from the workspace root, and
  anything else (``/etc/passwd``, ``../..``) is refused (:func:`resolve_input`);
- dataset text is data: results carry counts, field names and file paths, never record
  text (:func:`assistant.summaries.scrub`), so nothing inside a user's file can reach the
  model as an instruction.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

from langchain_core.tools import BaseTool, tool

from assistant import summaries
from tools import workspace
from tools.errors import UserError


class Refused(UserError):
    """A UserError that also carries its Chinese sentence."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.zh = zh


def envelope(ok: bool, en: str, zh: str, data: dict | None = None, files: list | None = None) -> str:
    return json.dumps({"ok": ok, "summary": {"en": en, "zh": zh}, "data": data or {},
                       "files": [str(f) for f in files or []]}, ensure_ascii=False, default=str)


def error_envelope(exc: BaseException, tool_name: str = "") -> str:
    """Any failure as a sentence: a UserError's own words, otherwise its type and message
    (never a traceback)."""
    if isinstance(exc, UserError):
        en = str(exc)
        zh = getattr(exc, "zh", None) or en  # tools/ speak English; a Chinese reply wraps the sentence
    else:
        en = f"{tool_name or 'The tool'} failed: {type(exc).__name__}: {exc}".strip()
        zh = f"{tool_name or '工具'} 执行失败:{type(exc).__name__}: {exc}"
    return envelope(False, en, zh, {"error": type(exc).__name__})


def run_tool(name: str, work: Callable[[], tuple[str, str, dict, list]]) -> str:
    """Run one tool body (returns en, zh, data, files) and wrap it in the JSON envelope."""
    try:
        en, zh, data, files = work()
    except Exception as exc:  # noqa: BLE001 - every failure becomes a sentence, by contract
        return error_envelope(exc, name)
    return envelope(True, en, zh, summaries.scrub(data), files)


# ---- paths ---------------------------------------------------------------------------

def import_upload(src: str | Path) -> Path:
    """Copy a user's file into the workspace uploads folder (never moved or modified) and
    return the copy; a file already inside the workspace is returned as it is."""
    source = Path(src).expanduser()
    if not source.is_file():
        raise Refused(f"Cannot attach '{src}': there is no such file.", f"无法附加 '{src}':文件不存在。")
    resolved = source.resolve()
    home = workspace.home()
    if home == resolved or home in resolved.parents:
        return resolved
    dest = workspace.unique_path(workspace.uploads_dir(), source.stem, source.suffix)
    shutil.copyfile(resolved, dest)
    return dest


def resolve_input(path: str) -> Path:
    """The workspace file that ``path`` names, or a :class:`Refused` sentence."""
    raw = str(path or "").strip().strip("'\"“”‘’")
    if not raw:
        raise Refused("No file was named; attach a dataset or give its name.", "没有指定文件;请上传数据集或给出文件名。")
    candidate = Path(raw).expanduser()
    if not candidate.is_absolute() and len(candidate.parts) == 1:
        # A bare name: an upload first, then an output. (confine below still checks where it leads.)
        for folder in (workspace.uploads_dir(), workspace.outputs_dir()):
            if (folder / raw).is_file():
                candidate = folder / raw
                break
    try:
        resolved = workspace.confine(candidate)
    except UserError:
        raise Refused(
            f"Refused: '{raw}' is outside the workspace ({workspace.home()}). I only read files you upload "
            "or files inside the workspace; upload the file instead.",
            f"已拒绝:'{raw}' 不在工作区({workspace.home()})内。我只读取你上传的文件或工作区里的文件,请先上传该文件。",
        ) from None
    if not resolved.is_file():
        raise Refused(
            f"There is no file '{raw}' in the workspace; upload it or check the name.",
            f"工作区里没有文件 '{raw}';请先上传,或检查文件名。",
        )
    return resolved


# ---- tools ---------------------------------------------------------------------------

@tool(parse_docstring=True)
def explain(question: str) -> str:
    """Answer a question about supervised fine-tuning (SFT) from the project's manual: what SFT is, data format, data quality versus quantity, diversity and prompt templates, few-shot and chain-of-thought data, epochs versus learning rate, over-fitting and forgetting, gradient accumulation and batch size, LoRA learning rates. The answer cites the manual section it used. Use it for "why"/"what is"/"how should I" questions; it runs nothing.

    Args:
        question: the user's question, in their own words (Chinese or English).
    """
    from assistant import knowledge

    def work():
        found = knowledge.explain(question)
        data = {k: found[k] for k in ("matched", "topic", "section", "score")}
        return found["en"], found["zh"], data, []

    return run_tool("explain", work)


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


@tool(parse_docstring=True)
def suggest_hyperparameters(n_samples: int | None = None, path: str | None = None, method: str = "lora") -> str:
    """Suggest epochs, learning rate and batch size (per-device batch, gradient accumulation, global batch) for fine-tuning, with the reasoning and arithmetic (manual: epochs matter more than the learning rate; 100 samples → 15 epochs, 1,000 → 10, 10,000 → 2; LoRA takes a larger learning rate). Give either the number of samples or a dataset file (then its size and token lengths are used). Runs nothing.

    Args:
        n_samples: how many training samples the user has (e.g. 1000), when no dataset file is given.
        path: a dataset file (attached file's path or name, or a path inside the workspace); its sample count is used.
        method: "lora" (default) or "full" (full fine-tuning).
    """
    from tools.hparams import suggest

    def work():
        source = str(resolve_input(path)) if path else None
        advice = suggest(n_samples=None if source else n_samples, path=source, method=str(method or "lora").lower())
        data = advice.to_dict()
        en, zh = summaries.advice_sentences(data)
        return en, zh, data, []

    return run_tool("suggest_hyperparameters", work)


def base_model_arg(base_model: str | None) -> str | None:
    """A model name passes through (``tools.models.resolve_base_model`` checks it); a path must
    lie inside the workspace or the model cache, like any other file a tool reads."""
    name = str(base_model or "").strip()
    if not name:
        return None
    looks_like_path = (name.startswith((".", "/", "~", "\\")) or Path(name).expanduser().exists()
                       or (workspace.home() / name).exists())
    if not looks_like_path:
        return name  # "embedded", "SmolLM2-135M-Instruct", or a hub id such as "Qwen/Qwen2.5-0.5B-Instruct"
    from tools.models import cache_root

    folder = Path(name).expanduser()
    for root in (workspace.home(), cache_root()):
        try:
            return str(workspace.confine(folder, Path(root)))
        except UserError:
            continue
    raise Refused(f"Refused: the base model folder '{name}' is outside the workspace and the model cache.",
                  f"已拒绝:基座模型目录 '{name}' 不在工作区或模型缓存目录内。")


def run_data(info, extra: dict | None = None) -> dict:
    data = info.to_dict()
    data.pop("raw", None)
    config_file = Path(data["run_dir"]) / "config.json"
    if config_file.is_file():
        config = json.loads(config_file.read_text(encoding="utf-8"))
        data["config"] = {k: config.get(k) for k in ("data_path", "base_model", "epochs", "learning_rate", "lora_r",
                                                     "max_steps", "per_device_batch_size", "gradient_accumulation_steps")}
    return {**data, **(extra or {})}


@tool(parse_docstring=True)
def start_training(path: str, base_model: str | None = None, epochs: float | None = None,
                   learning_rate: float | None = None, lora_r: int | None = None, max_steps: int | None = None) -> str:
    """Start a LoRA fine-tuning run on a dataset as a background process and return its run id. Only call this when the user clearly asked to start training; otherwise ask them to confirm first. Settings left out are chosen from the dataset size (the manual's rules, as suggest_hyperparameters gives them).

    Args:
        path: the training dataset: an attached file's path or name, or a path inside the workspace (e.g. a converted file from outputs).
        base_model: the model to tune; leave it out for the embedded SmolLM2-135M-Instruct.
        epochs: number of passes over the data, only when the user gave it (e.g. 3).
        learning_rate: only when the user gave it (e.g. 0.0001 for "lr 1e-4").
        lora_r: LoRA rank, only when the user gave it (e.g. 8 or 16).
        max_steps: stop after this many optimizer steps, only when the user gave a step limit.
    """
    from tools.runs import start_training as start

    def work():
        source = resolve_input(path)
        info = start(str(source), base_model_arg(base_model), epochs, learning_rate, lora_r, max_steps)
        data = run_data(info)
        en, zh = summaries.started_sentences(data, source.name)
        return en, zh, data, [data["run_dir"]]

    return run_tool("start_training", work)


@tool(parse_docstring=True)
def training_status(run_id: str | None = None) -> str:
    """Report a training run's state (queued, running, succeeded, failed, stopped), progress (step / total steps), latest loss, speed in tokens per second, time left, and where the adapter is when done. Use it for "how is training going", "进度如何".

    Args:
        run_id: the run's id; leave it out for the most recent run.
    """
    from tools.runs import get_run

    def work():
        data = run_data(get_run(run_id or None))
        en, zh = summaries.status_sentences(data)
        return en, zh, data, [data["adapter_dir"]] if data.get("adapter_dir") else []

    return run_tool("training_status", work)


@tool(parse_docstring=True)
def stop_training(run_id: str | None = None) -> str:
    """Stop a running training run (it saves a checkpoint first, so it can be resumed). Only call this when the user asked to stop.

    Args:
        run_id: the run's id; leave it out for the most recent run.
    """
    from tools.runs import get_run, stop_run

    def work():
        before = get_run(run_id or None).state
        data = run_data(stop_run(run_id or None), {"state_before": before})
        en, zh = summaries.stopped_sentences(data)
        return en, zh, data, []

    return run_tool("stop_training", work)


TOOLS: tuple[BaseTool, ...] = (inspect_dataset, convert_dataset, suggest_hyperparameters, start_training, training_status,
                                stop_training, explain)
TOOL_NAMES: tuple[str, ...] = tuple(t.name for t in TOOLS)


def _bad_arguments(error) -> str:
    """Arguments that do not fit a tool's schema (a word where a number belongs…) as the envelope."""
    problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in getattr(error, "errors", list)())
    return envelope(False, f"The tool's arguments are not valid ({problems or error}); correct them and try again.",
                    f"工具参数无效({problems or error});请改正后重试。", {"error": "ValidationError"})


for _tool in TOOLS:
    _tool.handle_validation_error = _bad_arguments
