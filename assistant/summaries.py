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
        if len(obj) <= MAX_STRING or _is_workspace_path(obj):
            return obj  # a path cut short names no file: later steps reuse it ("convert it")
        return obj[:MAX_STRING] + "…"
    if obj is None or isinstance(obj, (bool, int, float)):
        return obj
    return scrub(str(obj), depth + 1)


def _is_workspace_path(text: str) -> bool:
    """An absolute path inside the workspace (what our results name), never a pasted paragraph."""
    from tools.workspace import home

    return len(text) < 4096 and "\n" not in text and text.startswith(str(home()) + "/")


def _name(path) -> str:
    return str(path or "").rsplit("/", 1)[-1] or "the dataset"


def _problems(items: list, sep: str = " ") -> str:
    return sep.join(str(p) for p in items)


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
    # tools/data/stats.py gives the problems in English; "problems_zh" (same order) when it gives them in Chinese.
    problems_zh = info.get("problems_zh") or []
    if problems:
        en += f" Problems: {_problems(problems)}"
        zh += f"发现的问题:{_problems(problems_zh, '') if problems_zh else f'{len(problems)} 项(详见数据页)。'}"
    else:
        en += " No problems found."
        zh += "没有发现问题。"
    more_en, more_zh = changes_sentences(info)
    return en + more_en, zh + more_zh


def changes_sentences(result: dict) -> tuple[str, str]:
    """What reading or writing altered or dropped (tools/data/changes.py), every entry said: nothing
    changes silently."""
    changes = [c for c in result.get("changes") or [] if isinstance(c, dict)]
    if not changes:
        return "", ""
    return (" Changed: " + " ".join(f"{c.get('en', '')}." for c in changes),
            "改动:" + "".join(f"{c.get('zh') or c.get('en', '')}。" for c in changes))


def convert_sentences(result: dict, source: str) -> tuple[str, str]:
    out, fmt = _name(result.get("output")), result.get("format")
    read, written = result.get("read", 0), result.get("written", 0)
    skipped = result.get("skipped") or []
    en = f"Converted {_name(source)} to {fmt}: {written} of {read} records written to {out}."
    zh = f"已把 {_name(source)} 转换为 {fmt}:{read} 条记录中写出 {written} 条,文件 {out}。"
    if skipped:
        first = skipped[0]
        en += f" {len(skipped)} skipped (first: {first.get('where')}: {first.get('reason')})."
        zh += f"跳过 {len(skipped)} 条(第一条在 {first.get('where')})。"
    more_en, more_zh = changes_sentences(result)
    return en + more_en, zh + more_zh


def lr_text(value) -> str:
    """0.0003 → "3e-4" (how people write learning rates)."""
    if not isinstance(value, (int, float)) or value <= 0:
        return str(value)
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def advice_sentences(advice: dict) -> tuple[str, str]:
    """The advice with every reason and warning (nothing hidden behind "and N more")."""
    n, method = advice.get("n_samples"), advice.get("method")
    lr, epochs = advice.get("learning_rate"), advice.get("epochs")
    per, acc, glob = (advice.get(k) for k in ("per_device_batch_size", "gradient_accumulation_steps", "global_batch_size"))
    steps = advice.get("optimizer_steps")
    source = advice.get("source")
    en = (f"{f'{source}: ' if source else ''}For {n} samples ({method}): {epochs} epochs, learning rate {lr_text(lr)}, "
          f"batch {per} × accumulation {acc} = global batch {glob} (≈{steps} optimizer steps).")
    zh = (f"{f'{source}:' if source else ''}{n} 条样本({method}):epoch {epochs},学习率 {lr_text(lr)},每卡 batch {per} × "
          f"梯度累积 {acc} = 全局 batch {glob}(约 {steps} 个优化步)。")
    reasons, warnings = advice.get("reasons") or [], advice.get("warnings") or []
    reasons_zh, warnings_zh = advice.get("reasons_zh") or reasons, advice.get("warnings_zh") or warnings
    if reasons:
        en += " Why: " + " ".join(reasons)
        zh += "理由:" + "".join(reasons_zh)
    if warnings:
        en += " Watch out: " + " ".join(warnings)
        zh += "注意:" + "".join(warnings_zh)
    return en, zh


STATE_ZH = {"queued": "排队中", "running": "训练中", "succeeded": "已完成", "failed": "失败", "stopped": "已停止"}


def state_word(state, lang: str) -> str:
    """A run state in the reader's language ("running" → "训练中")."""
    return STATE_ZH.get(str(state), str(state)) if lang == "zh" else str(state)


def _minutes(seconds, lang: str = "en") -> str:
    if not isinstance(seconds, (int, float)):
        return "?"
    return f"{seconds / 60:.1f} 分钟" if lang == "zh" else f"{seconds / 60:.1f} min"


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
    source = run.get("source")
    progress = f"step {step}/{total}" if total else f"step {step}"
    en = f"Run {run['run_id']}{f' (on {source})' if source else ''} is {state}, {progress}."
    zh = (f"运行 {run['run_id']}{f'(数据 {source})' if source else ''}:{state_word(state, 'zh')},"
          f"第 {step}{f'/{total}' if total else ''} 步。")
    if last.get("loss") is not None:
        en += f" Loss {last['loss']:.4g}"
        zh += f"loss {last['loss']:.4g}"
        if last.get("tokens_per_s"):
            en += f", {last['tokens_per_s']:.0f} tokens/s"
            zh += f",{last['tokens_per_s']:.0f} token/秒"
        if state == "running" and last.get("eta_s") is not None:
            en += f", about {_minutes(last['eta_s'])} left"
            zh += f",预计还需 {_minutes(last['eta_s'], 'zh')}"
        en += "."
        zh += "。"
    if run.get("error"):
        en += f" Error: {run['error']}"
        zh += "训练出错了,详细原因见“训练”页的日志。"
    if run.get("adapter_dir"):
        en += " The adapter is ready; try it in the Chat tab."
        zh += "适配器已生成,可以在“对话”页试用。"
    return en, zh


def stopped_sentences(run: dict) -> tuple[str, str]:
    before, state = run.get("state_before"), run.get("state")
    if before not in ("queued", "running"):
        return (f"Run {run['run_id']} was not running (it is {state}); nothing to stop.",
                f"运行 {run['run_id']} 没有在训练(状态:{state_word(state, 'zh')}),无需停止。")
    on_en, on_zh = (f" (on {run['source']})", f"(数据 {run['source']})") if run.get("source") else ("", "")
    if run.get("stopping"):
        return (f"Stopping run {run['run_id']}{on_en}: it finishes step {run.get('step') or 0}, saves a checkpoint and then "
                "shows as stopped (resumable); ask for its status to see it.",
                f"正在停止运行 {run['run_id']}{on_zh}:它会做完第 {run.get('step') or 0} 步、保存检查点,然后显示为已停止(可继续);"
                "问一下进度即可看到。")
    return (f"Stopped run {run['run_id']}{on_en} at step {run.get('step') or 0}; it can be resumed from its last checkpoint.",
            f"已停止运行 {run['run_id']}{on_zh},停在第 {run.get('step') or 0} 步;之后可以从最近的检查点继续。")


def resumed_sentences(run: dict) -> tuple[str, str]:
    on_en, on_zh = (f" (on {run['source']})", f"(数据 {run['source']})") if run.get("source") else ("", "")
    return (f"Resumed run {run['run_id']}{on_en} from step {run.get('step') or 0} (its newest checkpoint).",
            f"已从第 {run.get('step') or 0} 步(最近的检查点)继续运行 {run['run_id']}{on_zh}。")


def plan_start_sentences(d: dict) -> tuple[str, str]:
    """The plan shown before a run starts: dataset, epochs, LR, batch and an estimated time."""
    limit_en = f", at most {d['max_steps']} steps" if d.get("max_steps") else ""
    limit_zh = f",最多 {d['max_steps']} 步" if d.get("max_steps") else ""
    if d.get("mix_general"):
        limit_en += f", mixing in {d['mix_general']:.0%} general data"
        limit_zh += f",混入 {d['mix_general']:.0%} 的通用数据"
    en = (f"Ready to start training on {d['source']} ({d['n_samples']} samples): {d['epochs']} epochs, learning rate "
          f"{lr_text(d['learning_rate'])}, batch {d['per_device_batch_size']}×{d['gradient_accumulation_steps']}"
          f"{limit_en}, {d['optimizer_steps']} optimizer steps")
    zh = (f"准备用 {d['source']}({d['n_samples']} 条样本)开始训练:epoch {d['epochs']},学习率 {lr_text(d['learning_rate'])},"
          f"batch {d['per_device_batch_size']}×{d['gradient_accumulation_steps']}{limit_zh},共 {d['optimizer_steps']} 个优化步")
    if d.get("estimated_s") is not None:
        basis_en = "your last run's speed" if d.get("speed_from") == "last_run" else "a typical CPU speed"
        basis_zh = "按你上次训练的速度" if d.get("speed_from") == "last_run" else "按常见 CPU 速度"
        en += f", about {_minutes(d['estimated_s'])} here (an estimate at {d['tokens_per_s']:.0f} tokens/s, {basis_en})"
        zh += f",预计约 {_minutes(d['estimated_s'], 'zh')}(估计值,{basis_zh} {d['tokens_per_s']:.0f} token/秒)"
    return (en + ". Confirm to start (the button, or reply \"yes\"); \"no\" cancels.",
            zh + "。确认后开始(点“确认”,或回复“好的”);回复“取消”则不训练。")


def plan_stop_sentences(run: dict) -> tuple[str, str]:
    return (f"Ready to stop run {run['run_id']} (on {run.get('source') or '?'}, {run.get('state')}, step {run.get('step') or 0}"
            f"{'/' + str(run['total_steps']) if run.get('total_steps') else ''}); it saves a checkpoint first, so it can "
            "be resumed. Confirm to stop (the button, or reply \"yes\"); \"no\" keeps it running.",
            f"准备停止运行 {run['run_id']}(数据 {run.get('source') or '?'},{state_word(run.get('state'), 'zh')},第 "
            f"{run.get('step') or 0}{'/' + str(run['total_steps']) if run.get('total_steps') else ''} 步);停止前会保存检查点,"
            "之后可以继续。确认后停止(点“确认”,或回复“好的”);回复“取消”则继续训练。")


def plan_resume_sentences(run: dict) -> tuple[str, str]:
    return (f"Ready to resume run {run['run_id']} (on {run.get('source') or '?'}, {run.get('state')}) from its newest "
            f"checkpoint. Confirm to resume (the button, or reply \"yes\"); \"no\" cancels.",
            f"准备从最近的检查点继续运行 {run['run_id']}(数据 {run.get('source') or '?'},"
            f"{state_word(run.get('state'), 'zh')})。确认后继续(点“确认”,或回复“好的”);回复“取消”则不继续。")


AUGMENT_NAMES = {"few-shot": ("few-shot", "few-shot"), "cot": ("chain-of-thought", "CoT 思维链"),
                 "templates": ("reworded-instruction", "指令改写")}


def _scope(result: dict) -> tuple[str, str]:
    """Which records were chosen, and whether that was the default."""
    default = result.get("default")
    if not default:
        return "", ""
    return (f" (the default: {default['en']}; say \"every record\" or a share such as \"30%\" for more)",
            f"(默认:{default['zh']};要全部处理请说“每条”,或给出比例如“30%”)")


def augment_sentences(result: dict, source: str) -> tuple[str, str]:
    """How many of how many records were changed, from which file, into which file."""
    en_name, zh_name = AUGMENT_NAMES.get(result.get("method"), (result.get("method"), result.get("method")))
    added, original, out = result.get("added", 0), result.get("original", 0), _name(result.get("output"))
    scope_en, scope_zh = _scope(result)
    en = (f"{source}: added {added} {en_name} samples for {added} of its {original} records{scope_en}; "
          f"{original + added} samples in all, written to {out}.")
    zh = f"{source}:为 {original} 条记录中的 {added} 条新增了{zh_name}样本{scope_zh};共 {original + added} 条,文件 {out}。"
    if "forms_before" in result:
        en += f" Distinct instruction forms: {result['forms_before']} → {result['forms_after']}."
        zh += f"不同的指令形式:{result['forms_before']} → {result['forms_after']}。"
    if result.get("without_rationale"):
        en += f" {result['without_rationale']} samples had no rationale and were left out."
        zh += f"{result['without_rationale']} 条样本没有推理过程,未生成。"
    more_en, more_zh = changes_sentences(result)
    return en + more_en, zh + more_zh


def _rule_names() -> dict:
    try:
        from tools.quality.qrules import RULES
    except ImportError:  # the rule table is optional: rule ids are names too
        return {}
    return RULES


def quality_sentences(report: dict, source: str) -> tuple[str, str]:
    rules, names = report.get("by_rule") or {}, _rule_names()
    listed_en = ", ".join(f"{names.get(rule, (rule, rule))[0]} {n}" for rule, n in rules.items())
    listed_zh = "、".join(f"{names.get(rule, (rule, rule))[1]} {n}" for rule, n in rules.items())
    out, csv = _name(report.get("output")), _name(report.get("report_csv"))
    en = (f"{source}: kept {report.get('kept')} of {report.get('read')} records, removed {report.get('removed')}, "
          f"flagged {report.get('flagged')} for review{f' ({listed_en})' if listed_en else ''}. Cleaned data: "
          f"{out}; every finding is listed in {csv}.")
    zh = (f"{source}:{report.get('read')} 条中保留 {report.get('kept')} 条,删除 {report.get('removed')} 条,"
          f"标记待复核 {report.get('flagged')} 条{f'({listed_zh})' if listed_zh else ''}。清洗后的数据:{out};"
          f"每条发现都列在 {csv}。")
    return en, zh
