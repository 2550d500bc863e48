"""Tools over training: hyperparameter advice, start, status, stop, resume (``tools/train/hparams.py``,
``tools/train/runs.py``).

Start, stop and resume are consequential: the tool guard never runs them from a model's call.
It calls their planner (``metadata["plan"]``) instead, which checks the request and describes
what would happen; the session keeps that plan until the person confirms (``assistant.consent``).
A run reaches the chat as a run card (``ToolResult.run``), never as its folder.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from langchain_core.tools import tool

from assistant import summaries
from assistant.envelope import Refused, ToolResult, run_card, run_tool
from assistant.paths import base_model_arg, resolve_input


@tool(parse_docstring=True)
def suggest_hyperparameters(n_samples: int | None = None, path: str | None = None, method: str = "lora") -> str:
    """Suggest epochs, learning rate and batch size (per-device batch, gradient accumulation, global batch) for fine-tuning, with the reasoning and arithmetic (manual: epochs matter more than the learning rate; 100 samples → 15 epochs, 1,000 → 10, 10,000 → 2; LoRA takes a larger learning rate). Give either the number of samples or a dataset file (then its size and token lengths are used). Runs nothing.

    Args:
        n_samples: how many training samples the user has (e.g. 1000), as they state it (with a file too: the file's own count is used, and this one is compared with it).
        path: a dataset file (attached file's path or name, or a path inside the workspace); its sample count is used.
        method: "lora" (default) or "full" (full fine-tuning).
    """
    from tools.train.hparams import suggest

    def work():
        stated = int(n_samples) if n_samples is not None else None
        try:
            source = resolve_input(path) if path else None
        except Refused as missing:
            if stated is None:
                raise
            # "FILE has about 600 rows, what epochs?" with FILE not here: the count the person gave, said so
            source, note_en, note_zh = None, f"{missing} The advice below is for the {stated:,} samples you stated.", \
                f"{missing.zh or missing}下面的建议按你说的 {stated:,} 条样本给出。"
        else:
            note_en = note_zh = ""
        advice = suggest(n_samples=None if source else stated, path=str(source) if source else None,
                         method=str(method or "lora").lower())
        data = {**advice.to_dict(), **({"source": source.name} if source else {})}
        if source and stated is not None and abs(stated - advice.n_samples) > max(5, 0.1 * advice.n_samples):
            # "a.jsonl, about 600 rows" where a.jsonl holds 1,200: the file's count is the one used, and the two differ
            note_en = f"You said {stated:,} samples; {source.name} holds {advice.n_samples:,}, and the advice uses the file's count."
            note_zh = f"你说有 {stated:,} 条样本;{source.name} 实际有 {advice.n_samples:,} 条,建议按文件里的条数给出。"
        if note_en:
            data["count_note"] = note_en
        en, zh = summaries.advice_sentences(data)
        en, zh = (f"{note_en} {en}", f"{note_zh}{zh}") if note_en else (en, zh)
        if source:  # a file can be probed: offer the learning-rate probe with its time (assistant/probe_tools.py)
            from assistant.probe_tools import offer

            offer_en, offer_zh, data["probe_offer"] = offer(source, (advice.token_lengths or {}).get("mean"))
            en, zh = f"{en} {offer_en}", f"{zh}{offer_zh}"
        return en, zh, data, []

    return run_tool("suggest_hyperparameters", work)


def run_data(info, extra: dict | None = None) -> dict:
    """A run's state and settings for the model: ids, numbers, the dataset's name (no folders)."""
    data = info.to_dict()
    data.pop("raw", None)
    data.pop("run_dir", None)
    adapter = data.pop("adapter_dir", None)
    data["adapter_ready"] = bool(adapter)
    config_file = Path(info.run_dir) / "config.json"
    if config_file.is_file():
        config = json.loads(config_file.read_text(encoding="utf-8"))
        data["config"] = {k: config.get(k) for k in ("base_model", "epochs", "learning_rate", "lora_r", "max_steps",
                                                     "per_device_batch_size", "gradient_accumulation_steps")}
        data["source"] = Path(str(config.get("data_path") or "")).name or None
    return {**data, **(extra or {}), **({"adapter_dir": adapter} if adapter else {})}


@tool(parse_docstring=True)
def start_training(path: str, base_model: str | None = None, epochs: float | None = None,
                   learning_rate: float | None = None, lora_r: int | None = None, max_steps: int | None = None,
                   mix_general: float | None = None) -> str:
    """Start a LoRA fine-tuning run on a dataset as a background process. Call it when the user asks to train; it does not start at once: the user sees the plan (dataset, epochs, learning rate, batch, estimated time) and confirms it. Never call it for a question about training. Settings left out are chosen from the dataset size (the manual's rules, as suggest_hyperparameters gives them).

    Args:
        path: the training dataset: an attached file's path or name, or a path inside the workspace (e.g. a converted file from outputs).
        base_model: the model to tune; leave it out for the embedded SmolLM2-135M-Instruct.
        epochs: number of passes over the data, only when the user gave it (e.g. 3).
        learning_rate: only when the user gave it (e.g. 0.0001 for "lr 1e-4").
        lora_r: LoRA rank, only when the user gave it (e.g. 8 or 16).
        max_steps: stop after this many optimizer steps, only when the user gave a step limit.
        mix_general: share of general data to mix in against forgetting, only when the user asked (e.g. 0.1 for "mix 10% general data").
    """
    from tools.train.runs import start_training as start

    def work():
        source = resolve_input(path)
        mix = {"mix_general": float(mix_general)} if mix_general else {}
        info = start(str(source), base_model_arg(base_model), epochs, learning_rate, lora_r, max_steps, **mix)
        data = run_data(info)
        en, zh = summaries.started_sentences(data, source.name)
        return en, zh, data, [], run_card(data)

    return run_tool("start_training", work)


@tool(parse_docstring=True)
def training_status(run_id: str | None = None) -> str:
    """Report a training run's state (queued, running, succeeded, failed, stopped), progress (step / total steps), latest loss, speed in tokens per second, time left, and whether the adapter is ready. Use it for "how is training going", "进度如何".

    Args:
        run_id: the run's id; leave it out for this conversation's most recent run.
    """
    from tools.train.runs import get_run

    def work():
        data = run_data(get_run(run_id or None))
        en, zh = summaries.status_sentences(data)
        return en, zh, data, [], run_card(data)

    return run_tool("training_status", work)


@tool(parse_docstring=True)
def stop_training(run_id: str | None = None) -> str:
    """Stop a running training run (it saves a checkpoint first, so it can be resumed). Call it when the user asks to stop; the user confirms before it stops. Never call it for a question.

    Args:
        run_id: the run's id; leave it out for this conversation's most recent run.
    """
    from tools.train.runs import FINISHED, get_run, stop_run

    def work():
        before = get_run(run_id or None)
        after = stop_run(before, wait=False)  # the signal is sent; the run finishes its step, checkpoints, stops
        data = run_data(after, {"state_before": before.state, "stopping": after.state not in FINISHED})
        en, zh = summaries.stopped_sentences(data)
        return en, zh, data, [], run_card(data)

    return run_tool("stop_training", work)


@tool(parse_docstring=True)
def resume_training(run_id: str | None = None) -> str:
    """Resume a stopped or failed training run from its newest checkpoint. Call it when the user asks to resume or continue training; the user confirms before it resumes.

    Args:
        run_id: the run's id; leave it out for this conversation's most recent run.
    """
    from tools.train.runs import resume_run

    def work():
        data = run_data(resume_run(run_id or None))
        en, zh = summaries.resumed_sentences(data)
        return en, zh, data, [], run_card(data)

    return run_tool("resume_training", work)


def _pending(name: str, args: dict, details: dict, sentences: tuple[str, str], run: dict | None = None) -> ToolResult:
    data = {**{k: v for k, v in details.items() if k != "pending"}}
    return ToolResult(True, *sentences, data, [], run_card(run), {"tool": name, "args": dict(args), "details": details})


def plan_start(args: dict) -> ToolResult:
    """What ``start_training`` would do with ``args``: the settings it would use (the same advice
    ``tools.train.runs.start_training`` applies) and an estimate of the time."""
    from tools.train.hparams import suggest
    from tools.train.trainconfig import TrainConfig

    source = resolve_input(args.get("path"))
    n, mean_tokens = _dataset_size(source)
    advice = suggest(n_samples=n)
    epochs = args.get("epochs") or advice.epochs
    lr = args.get("learning_rate") or advice.learning_rate
    checked = {k: args[k] for k in ("lora_r", "max_steps", "mix_general") if args.get(k) is not None}
    TrainConfig(data_path=str(source), base_model="", epochs=epochs, learning_rate=lr, **checked)  # bad numbers: a sentence now
    base_model_arg(args.get("base_model"))
    per, acc = advice.per_device_batch_size, advice.gradient_accumulation_steps
    steps = math.ceil(n * epochs / (per * acc))  # samples × epochs ÷ global batch
    if args.get("max_steps") and args["max_steps"] > 0:
        steps = min(steps, int(args["max_steps"]))
    details = {"source": source.name, "n_samples": n, "epochs": epochs, "learning_rate": lr, "per_device_batch_size": per,
               "gradient_accumulation_steps": acc, "optimizer_steps": steps, "max_steps": args.get("max_steps"),
               "lora_r": args.get("lora_r") or advice.lora_r, "mix_general": args.get("mix_general"), "estimated_s": None}
    if mean_tokens:
        from tools.train.estimate import estimate

        est = estimate(steps, per * acc, mean_tokens)  # steps × global batch × mean tokens ÷ measured tokens/s
        details.update(estimated_s=est.seconds, tokens_per_s=est.tokens_per_s, speed_from=est.basis)
    return _pending("start_training", {**args, "path": str(source)}, details, summaries.plan_start_sentences(details))


def _dataset_size(source: Path) -> tuple[int, float | None]:
    """Usable samples (with an answer) and their mean length in tokens (None when no tokenizer)."""
    from tools.data.formats import read_dataset
    from tools.train.hparams import dataset_token_lengths

    n = sum(1 for s in read_dataset(str(source)).samples if s.answer.strip())
    if not n:
        raise Refused(f"{source.name} holds no sample with an answer; training needs a question and a non-empty answer.",
                      f"{source.name} 里没有带答案的样本;训练需要问题和非空的答案。")
    try:
        lengths = dataset_token_lengths(str(source))
    except Exception:  # noqa: BLE001 - no tokenizer: the plan goes on without a time estimate
        return n, None
    return n, sum(lengths) / len(lengths)


def plan_stop(args: dict) -> ToolResult:
    """Which run ``stop_training`` would stop; a run that is not running needs no confirmation."""
    from tools.train.runs import get_run

    run = run_data(get_run(args.get("run_id") or None))
    if run["state"] not in ("queued", "running"):
        en, zh = summaries.stopped_sentences({**run, "state_before": run["state"]})
        return ToolResult(True, en, zh, run, [], run_card(run))
    return _pending("stop_training", {"run_id": run["run_id"]}, run, summaries.plan_stop_sentences(run), run)


def plan_resume(args: dict) -> ToolResult:
    """Which run ``resume_training`` would resume; one that cannot be resumed is said at once."""
    from tools.train.runs import get_run

    run = run_data(get_run(args.get("run_id") or None))
    if run["state"] in ("queued", "running"):
        raise Refused(f"Run {run['run_id']} is still {run['state']}; there is nothing to resume.",
                      f"运行 {run['run_id']} 仍在{summaries.state_word(run['state'], 'zh')},无需继续。")
    if run["state"] == "succeeded":
        raise Refused(f"Run {run['run_id']} already finished; start a new run to train further.",
                      f"运行 {run['run_id']} 已经完成;要继续训练请开始一个新的运行。")
    return _pending("resume_training", {"run_id": run["run_id"]}, run, summaries.plan_resume_sentences(run), run)


for _tool, _plan in ((start_training, plan_start), (stop_training, plan_stop), (resume_training, plan_resume)):
    _tool.metadata = {"consequential": True, "plan": _plan}
