"""What a tool result tells the model and the user: short sentences in both languages,
and data scrubbed of the user's record text.

A dataset's text is data. If an answer in a user's file says "call stop_training",
that sentence must never reach the language model, which could take it for an
instruction. So tool results keep numbers, field names, formats, file paths and
locations (``file.csv:12``): each binding picks the keys it passes on, and
:func:`scrub` then drops any key that holds record text and shortens long strings.
"""
from __future__ import annotations

# Keys that hold the user's own text (whole samples, previews). Keys such as "question" are
# kept: in our results they name fields or hold statistics ({"question": "prompt"}).
TEXT_KEYS = frozenset({
    "text", "content", "messages", "samples", "examples", "example", "preview", "previews", "records",
    "rows", "snippet", "snippets", "conversations", "raw_text", "generated",
})
MAX_STRING = 160
"""Longer strings are cut: paths and sentences we write fit, a pasted paragraph does not."""
MAX_ITEMS = 20
"""Longer lists are cut (their length is kept under ``<key>_count``), e.g. 1,000 skipped rows."""


def scrub(obj, depth: int = 0):
    """A copy of ``obj`` without record text (see the module docstring)."""
    if depth > 6:
        return None
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            if str(key).lower() in TEXT_KEYS:
                continue
            if isinstance(value, (list, tuple)) and len(value) > MAX_ITEMS and f"{key}_count" not in obj:
                out[f"{key}_count"] = len(value)
            out[str(key)] = scrub(value, depth + 1)
        return out
    if isinstance(obj, (list, tuple)):
        return [scrub(v, depth + 1) for v in list(obj)[:MAX_ITEMS]]
    if isinstance(obj, str):
        return obj if len(obj) <= MAX_STRING else obj[:MAX_STRING] + "…"
    if obj is None or isinstance(obj, (bool, int, float)):
        return obj
    return scrub(str(obj), depth + 1)


def _name(path) -> str:
    return str(path or "").rsplit("/", 1)[-1] or "the dataset"


def _problems(items: list, limit: int = 3, more: str = " (+{n} more)") -> str:
    return " ".join(str(p) for p in items[:limit]) + (more.format(n=len(items) - limit) if len(items) > limit else "")


def inspect_sentences(info: dict) -> tuple[str, str]:
    name, fmt, n = _name(info.get("path")), info.get("format", "?"), info.get("count", 0)
    fields = info.get("fields") or {}
    q, a = fields.get("question"), fields.get("answer")
    skipped = info.get("skipped_count", 0)
    en = f"{name}: {fmt}, {n} usable samples, {skipped} skipped."
    zh = f"{name}:{fmt} 格式,{n} 条可用样本,跳过 {skipped} 条。"
    if q or a:
        en += f" Question field '{q}', answer field '{a}'."
        zh += f"问题字段 '{q}',答案字段 '{a}'。"
    if info.get("multi_turn"):
        en += f" {info['multi_turn']} are multi-turn."
        zh += f"其中 {info['multi_turn']} 条是多轮对话。"
    tokens = (info.get("tokens") or {}).get("sample")
    if tokens:
        en += f" A sample averages {tokens['mean']} tokens (p95 {tokens['p95']}, max {tokens['max']})."
        zh += f"每条样本平均 {tokens['mean']} 个 token(p95 {tokens['p95']},最长 {tokens['max']})。"
    problems = info.get("problems") or []
    if problems:
        en += f" Problems: {_problems(problems)}"
        zh += f"发现的问题:{_problems(problems)}"
    else:
        en += " No problems found."
        zh += "没有发现问题。"
    return en, zh


def convert_sentences(result: dict, source: str) -> tuple[str, str]:
    out, fmt = result.get("output"), result.get("format")
    read, written = result.get("read", 0), result.get("written", 0)
    skipped = result.get("skipped") or []
    en = f"Converted {_name(source)} to {fmt}: {written} of {read} records written to {out}."
    zh = f"已把 {_name(source)} 转换为 {fmt}:{read} 条记录中写出 {written} 条,文件 {out}。"
    if skipped:
        first = skipped[0]
        en += f" {len(skipped)} skipped (first: {first.get('where')}: {first.get('reason')})."
        zh += f"跳过 {len(skipped)} 条(第一条:{first.get('where')}:{first.get('reason')})。"
    return en, zh


def lr_text(value) -> str:
    """0.0003 → "3e-4" (how people write learning rates)."""
    if not isinstance(value, (int, float)) or value <= 0:
        return str(value)
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def advice_sentences(advice: dict) -> tuple[str, str]:
    n, method = advice.get("n_samples"), advice.get("method")
    lr, epochs = advice.get("learning_rate"), advice.get("epochs")
    per, acc, glob = (advice.get(k) for k in ("per_device_batch_size", "gradient_accumulation_steps", "global_batch_size"))
    steps = advice.get("optimizer_steps")
    en = (f"For {n} samples ({method}): {epochs} epochs, learning rate {lr_text(lr)}, batch {per} × accumulation {acc} "
          f"= global batch {glob} (≈{steps} optimizer steps).")
    zh = (f"{n} 条样本({method}):epoch {epochs},学习率 {lr_text(lr)},每卡 batch {per} × 梯度累积 {acc} "
          f"= 全局 batch {glob}(约 {steps} 个优化步)。")
    reasons, warnings = advice.get("reasons") or [], advice.get("warnings") or []
    reasons_zh, warnings_zh = advice.get("reasons_zh") or reasons, advice.get("warnings_zh") or warnings
    if reasons:
        en += f" Why: {_problems(reasons, 2)}"
        zh += f"理由:{_problems(reasons_zh, 2, '(另有 {n} 条)')}"
    if warnings:
        en += f" Watch out: {_problems(warnings, 2)}"
        zh += f"注意:{_problems(warnings_zh, 2, '(另有 {n} 条)')}"
    return en, zh


STATE_ZH = {"queued": "排队中", "running": "训练中", "succeeded": "已完成", "failed": "失败", "stopped": "已停止"}


def _minutes(seconds) -> str:
    return f"{seconds / 60:.1f} min" if isinstance(seconds, (int, float)) else "?"


def started_sentences(run: dict, source: str) -> tuple[str, str]:
    config = run.get("config") or {}
    steps = config.get("max_steps")
    limit_en = f", at most {steps} steps" if steps and steps > 0 else ""
    limit_zh = f",最多 {steps} 步" if steps and steps > 0 else ""
    en = (f"Started training run {run['run_id']} on {source}: {config.get('epochs')} epochs, learning rate "
          f"{lr_text(config.get('learning_rate'))}, LoRA r={config.get('lora_r')}{limit_en}. Ask for the status to follow it.")
    zh = (f"已开始训练,运行 ID {run['run_id']},数据 {source}:epoch {config.get('epochs')},学习率 "
          f"{lr_text(config.get('learning_rate'))},LoRA r={config.get('lora_r')}{limit_zh}。问我“训练进度如何”即可查看。")
    return en, zh


def status_sentences(run: dict) -> tuple[str, str]:
    state, step, total = run.get("state"), run.get("step") or 0, run.get("total_steps") or 0
    last = run.get("last") or {}
    progress = f"step {step}/{total}" if total else f"step {step}"
    en = f"Run {run['run_id']} is {state}, {progress}."
    zh = f"运行 {run['run_id']}:{STATE_ZH.get(state, state)},第 {step}{f'/{total}' if total else ''} 步。"
    if last.get("loss") is not None:
        en += f" Loss {last['loss']:.4g}"
        zh += f"loss {last['loss']:.4g}"
        if last.get("tokens_per_s"):
            en += f", {last['tokens_per_s']:.0f} tokens/s"
            zh += f",{last['tokens_per_s']:.0f} token/秒"
        if state == "running" and last.get("eta_s") is not None:
            en += f", about {_minutes(last['eta_s'])} left"
            zh += f",预计还需 {_minutes(last['eta_s'])}"
        en += "."
        zh += "。"
    if run.get("error"):
        en += f" Error: {run['error']}"
        zh += f"错误:{run['error']}"
    if run.get("adapter_dir"):
        en += f" The adapter is at {run['adapter_dir']}; try it in the Chat tab."
        zh += f"适配器在 {run['adapter_dir']},可以在“对话”页试用。"
    return en, zh


def stopped_sentences(run: dict) -> tuple[str, str]:
    before, state = run.get("state_before"), run.get("state")
    if before not in ("queued", "running"):
        return (f"Run {run['run_id']} was not running (it is {state}); nothing to stop.",
                f"运行 {run['run_id']} 没有在训练(状态:{STATE_ZH.get(state, state)}),无需停止。")
    return (f"Stopped run {run['run_id']} at step {run.get('step') or 0}; it can be resumed from its last checkpoint.",
            f"已停止运行 {run['run_id']},停在第 {run.get('step') or 0} 步;之后可以从最近的检查点继续。")


AUGMENT_NAMES = {"few-shot": ("few-shot", "few-shot"), "cot": ("chain-of-thought", "CoT 思维链"),
                 "templates": ("reworded-instruction", "指令改写")}


def augment_sentences(result: dict, source: str) -> tuple[str, str]:
    en_name, zh_name = AUGMENT_NAMES.get(result.get("method"), (result.get("method"), result.get("method")))
    added, original, out = result.get("added", 0), result.get("original", 0), result.get("output")
    en = f"Added {added} {en_name} samples to the {original} of {source} ({original + added} in all), written to {out}."
    zh = f"已为 {source} 的 {original} 条样本新增 {added} 条{zh_name}样本(共 {original + added} 条),文件 {out}。"
    if "forms_before" in result:
        en += f" Distinct instruction forms: {result['forms_before']} → {result['forms_after']}."
        zh += f"不同的指令形式:{result['forms_before']} → {result['forms_after']}。"
    if result.get("without_rationale"):
        en += f" {result['without_rationale']} samples had no rationale and were left out."
        zh += f"{result['without_rationale']} 条样本没有推理过程,未生成。"
    return en, zh


def quality_sentences(report: dict, source: str) -> tuple[str, str]:
    rules = report.get("by_rule") or {}
    listed = ", ".join(f"{rule} {n}" for rule, n in rules.items())
    en = (f"{source}: kept {report.get('kept')} of {report.get('read')} records, removed {report.get('removed')}, "
          f"flagged {report.get('flagged')} for review{f' ({listed})' if listed else ''}. Cleaned data: "
          f"{report.get('output')}; every finding is listed in {report.get('report_csv')}.")
    zh = (f"{source}:{report.get('read')} 条中保留 {report.get('kept')} 条,删除 {report.get('removed')} 条,"
          f"标记待复核 {report.get('flagged')} 条{f'({listed})' if listed else ''}。清洗后的数据:{report.get('output')};"
          f"每条发现都列在 {report.get('report_csv')}。")
    return en, zh
