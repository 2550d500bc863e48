"""Tools over training: hyperparameter advice, start, status, stop (``tools/hparams.py``, ``tools/runs.py``)."""
from __future__ import annotations

import json
from pathlib import Path

from langchain_core.tools import tool

from assistant import summaries
from assistant.envelope import run_tool
from assistant.paths import base_model_arg, resolve_input


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
