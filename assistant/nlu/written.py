"""A tool call written out by hand, the way engineers who know the tools type it:

- ``probe_learning_rate path=v1_sft_demo.jsonl steps=100``
- ``fill_placeholders path=identity.json values={"name": "小慧", "author": "蓝鲸数据"}``
- ``stop_training()``, ``stop_training(run_id="run-0703")``
- ``stop_training,run_id 是 run-0703-b``
- ``inspect_dataset --path data/q.csv --question-field 问题 --answer-field 答案``, ``probe_lr --path x.jsonl --steps 200``
- ``fill_placeholders identity.json name=ops-bot author=infra-team``
- a chat command, the way bots and CLIs take them: ``/train data=x.jsonl lr=2e-4 epochs=2``, ``/status job_7f3a``,
  ``/fewshot --k 4 --n 250 trivia.jsonl``, and a command word with flags: ``convert --to openai --q 问题 kb.csv``

The tool is the one named; its arguments are those written as ``key=value`` (also ``key: value``, ``key 是 value``)
whose key the tool takes, each value read as the tool's schema types it (a JSON object for ``values``, a number for
``steps``). Command-line flags (``--run-id x``, ``--ppl``) are the same keys; the usual short names (``n``, ``lr``, ``r``,
``probe_lr``) are the tool's own; a file written first is the path; ``name=…`` for the fill is one of its ``values``.
Anything else in the message is left to the reader.

>>> call = written_call('probe_learning_rate path=v1_sft_demo.jsonl steps=100')
>>> call["name"], call["args"]
('probe_learning_rate', {'path': 'v1_sft_demo.jsonl', 'steps': 100})
>>> written_call('fill_placeholders path=identity.json values={"name": "Nova", "author": "Brightline Labs"}')["args"]["values"]
{'name': 'Nova', 'author': 'Brightline Labs'}
>>> written_call('stop_training()'), written_call('stop_training 是干嘛的?') is None
({'name': 'stop_training', 'args': {}}, True)
>>> written_call('add_few_shot --path data/x.jsonl --k 4 --fraction 0.25')["args"]
{'path': 'data/x.jsonl', 'k': 4, 'fraction': 0.25}
>>> written_call('fill_placeholders identity.json name=ops-bot author=infra-team')["args"]
{'path': 'identity.json', 'values': {'name': 'ops-bot', 'author': 'infra-team'}}
"""
from __future__ import annotations

import copy
import json
import re
from functools import cache, lru_cache

from assistant.nlu import rx
from assistant.nlu.amounts import KEY_NAMES
from assistant.nlu.paths import TOOL_NAMES as _NAMES
from assistant.nlu.paths import quoted

# The short names engineers type for a tool, and for its arguments.
_TOOL_ALIASES = {"probe_lr": "probe_learning_rate", "lr_probe": "probe_learning_rate", "lr_finder": "probe_learning_rate",
                 "lr_range_test": "probe_learning_rate", "suggest_hparams": "suggest_hyperparameters", "eval_run": "evaluate_run",
                 "quality_check": "check_quality", "suggest_hp": "suggest_hyperparameters", "suggest_hps": "suggest_hyperparameters"}
# A chat command's word ("/train", "/probe-lr"; "convert" when flags follow it) and the tool it runs.
_COMMANDS = {**{word: "start_training" for word in ("train", "finetune", "fine-tune", "ft", "sft", "lora")},
             **{word: "inspect_dataset" for word in ("inspect", "info", "look", "peek")},
             **{word: "convert_dataset" for word in ("convert", "export")},
             **{word: "add_few_shot" for word in ("fewshot", "few-shot", "few_shot", "shots")},
             **{word: "add_cot" for word in ("cot", "reasoning")},
             **{word: "augment_instructions" for word in ("augment", "aug", "diversify", "templates")},
             **{word: "check_quality" for word in ("quality", "qc", "check", "lint")},
             **{word: "fill_placeholders" for word in ("fill", "placeholders")},
             **{word: "suggest_hyperparameters" for word in ("hp", "hparams", "hyperparams", "suggest")},
             **{word: "probe_learning_rate" for word in ("probe", "probe-lr", "lr-probe", "lrprobe", "lr-find", "lrfind")},
             **{word: "training_status" for word in ("status", "progress")},
             **{word: "stop_training" for word in ("stop", "kill", "cancel")},
             **{word: "resume_training" for word in ("resume", "continue")},
             **{word: "evaluate_run" for word in ("eval", "evaluate", "compare")},
             **{word: "apply_quality_rule" for word in ("rule", "drop", "keep", "decide")}}
# (the settings' names are the amount reader's own table, ``amounts.KEY_NAMES``)
_KEY_ALIASES = {**{name: setting for setting, names in KEY_NAMES.items() for name in names},
                "run": "run_id", "id": "run_id", "file": "path", "data": "path", "dataset": "path", "format": "to",
                "q_field": "question_field", "a_field": "answer_field", "q": "question_field", "a": "answer_field",
                "frac": "fraction", "share": "fraction", "tpl": "templates", "template": "templates", "rationale": "rationale_field",
                "mix": "mix_general", "general": "mix_general", "base": "base_model", "model": "base_model",
                "rationale_col": "rationale_field", "rationale_column": "rationale_field", "rationale-col": "rationale_field",
                **{f"{role[0]}_{word}": f"{role}_field" for role in ("question", "answer") for word in ("col", "column")},
                **{f"{role}_{word}": f"{role}_field" for role in ("question", "answer") for word in ("col", "column")}}
# A pasted dataset summary's count of records ("records": 300), the size advice is sized to (never how many to make).
_DATASET_SIZE_KEYS = ("records", "num_records", "total_records", "rows", "num_rows", "samples", "num_samples", "examples", "num_examples")
# The message opens with a tool's name, then its arguments: in brackets, or after a space, comma or colon.
_CALL = re.compile(rf"^\s*`?({'|'.join((*_NAMES, *_TOOL_ALIASES))})`?\s*(?:\((?P<inner>.*)\)\s*;?\s*$|(?P<rest>[\s,，:：].*)?$)", re.S)
# "/train data=x.jsonl", "/status job_7f3a": a chat command; "convert --to openai FILE": its word, then flags.
_COMMAND = re.compile(r"^\s*(?:/([A-Za-z][\w-]*)(?=\s|$)|([A-Za-z][\w-]*)(?=\s(?:.*\s)?--[A-Za-z]))(?P<rest>.*)$", re.S)
_ACTION_KEY = re.compile(r"^\s*(?:action|task|op|cmd|command)\s*[=:]\s*([A-Za-z][\w-]*)\s*(?=\S*\s*[A-Za-z_]+\s*=)", re.I)
# Flags that never take a value: "--ppl FILE" is the check with perplexity on FILE; "--all" is every record; "--list" asks
# the fill for its placeholders.
_BARE_FLAGS = ("ppl", "all", "list")
# A file named anywhere among a command's flags ("/fewshot --k 4 trivia.jsonl").
_ANY_FILE = re.compile(r"(?<!\S)([^\s=:,，'\"]+\.(?:jsonl|json|csv|xlsx|xls|tsv|txt|parquet))(?!\S)", re.I)
# "--question-field 用户描述", "--run_id=a7f3c2", "--ppl": a command-line flag is a key (a bare one is true).
_FLAG = re.compile(r"(?<!\S)--([A-Za-z][\w-]*)(?:\s*=\s*|\s+(?!--))?(?=(\S?))")
# A file written first, before any key: the path.
_LEADING_RUN = re.compile(r"^[\s,，:：]*([A-Za-z0-9][\w.-]*\d[\w.-]*)(?=\s*$|\s+[A-Za-z_]\w*\s*[=:])")
_LEADING_FILE = re.compile(r"^[\s,，:：]*([^\s=:,，]+\.[A-Za-z]{2,5})(?=\s|$)")
# key=value, key: value, key 是/为 value; a value is JSON ({…}, […]), quoted, or one word.
_PAIR = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*(?:=|:|：|\s是\s?|\s为\s?)\s*"
                   r"(\{.*?\}(?=\s*(?:[,，;；]|\s[A-Za-z_]\w*\s*[=:]|\)?\s*$))|\[.*?\](?=\s*(?:[,，;；]|\s[A-Za-z_]\w*\s*[=:]|\)?\s*$))|"
                   r"\"[^\"]*\"|'[^']*'|“[^”]*”|[^\s,，;；)]+(?:\s+(?-i:[A-Z])[^\s,，;；)=]*+(?!\s*[=:]))*)", re.S)  # ("author=Brightline Labs")


# "【文件】保险理赔问答_v3.xlsx", "【步数】150": a ticket's bracketed labels, each the key of what follows it.
_BRACKET_LABEL = re.compile(r"【([^【】\n]{1,16})】(?![ \t]*(?:列|栏|字段|那列|这列|sheet|工作表))[ \t]*")  # (not "问题在【游客问题】列")


# "轮数(8)", "epochs (8)", "sheet (Q2)": a value in brackets right after its label (not a part of a name, "客服(2).xlsx").
_BRACKETED_VALUE = re.compile(r"(?<=[^\W\d])[ \t]?[(（]([^()（）\n,，;；\s]{1,40}(?: [^()（）\n,，;；\s]{1,20})?)[)）](?!\.\w|[A-Za-z0-9_])")


def unbracketed(text: str) -> str:
    """``text`` with ticket-style labels written as "key: value" ("【文件】a.csv" → "文件: a.csv"), and values given in
    brackets after their labels ("轮数(8)" → "轮数: 8"), the way the reader reads labelled values. Either is read so
    only when the message labels two values or more: one bracket is part of a name ("【内部】产品FAQ.xlsx") or an aside.

    >>> unbracketed("【任务】LR 范围测试 【数据】v1_sft_demo.jsonl 【步数】150")
    '任务: LR 范围测试 数据: v1_sft_demo.jsonl 步数: 150'
    >>> unbracketed("Probe learning rate on (legal_qa.jsonl), steps (300).")
    'Probe learning rate on legal_qa.jsonl , steps: 300 .'
    """
    if len(_BRACKET_LABEL.findall(text)) >= 2:
        text = _BRACKET_LABEL.sub(lambda m: m.group(1) + ": ", text)
    inside = [(a, b) for _, a, b in quoted(text)]  # a quoted name keeps its brackets: "Agent Reply (final)"
    labelled = [m for m in _BRACKETED_VALUE.finditer(text) if not any(a <= m.start() < b for a, b in inside)]
    if len(labelled) >= 2:
        for m in reversed(labelled):
            text = text[:m.start()] + (" " if _LINKED.search(text[:m.start()]) else ": ") + m.group(1).strip() + " " + text[m.end():]
    return text


# "格式是(sharegpt)不是(alpaca)", "convert (a.csv) to (openai)": after a linking word the value is only unwrapped.
_LINKED = re.compile(r"(?:是|为|成|用|在|给|把|从|和|跟|与|\b(?:to|not|is|are|on|with|from|use|than|of|into|as|and|or|instead of))\s*$", re.I)


@cache
def _schema(name: str) -> dict:
    """The tool's argument names and JSON types (from its binding's schema)."""
    from assistant.toolset import tool_named  # the bindings are only needed once a call is written out

    tool = tool_named(name)
    return {key: spec for key, spec in (tool.args if tool else {}).items()}


def _typed(raw: str, spec: dict):
    value = raw.strip()
    if value[:1] in "\"'“" and value[-1:] in "\"'”":
        value = value[1:-1]
    kinds = {spec.get("type")} | {s.get("type") for s in spec.get("anyOf", ())}
    if kinds & {"object", "array"}:
        for written in (value, value.replace("'", '"')):  # ("values={'name': 'Orion'}": Python's quotes)
            try:
                return json.loads(written)
            except ValueError:
                continue
        return None
    if kinds & {"integer", "number"} and rx.fullmatch(r"-?\d+", value):  # ("epochs=2": 2, as written)
        return int(value)
    if "number" in kinds and rx.fullmatch(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE]-?\d+)?", value):
        return float(value)
    if "number" in kinds and rx.fullmatch(r"\d+(?:\.\d+)?%", value):
        return float(value[:-1]) / 100  # "mix_general=10%"
    if "boolean" in kinds and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value if "string" in kinds or not kinds - {None} else None


def _flags_as_pairs(written: str) -> str:
    """"--run-id x --ppl" as "run_id=x ppl=true"."""
    def pair(m: re.Match) -> str:
        key = m.group(1).replace("-", "_")
        if key.lower() in _BARE_FLAGS and not m.group(0).rstrip().endswith("="):
            return f"{key}=true" + m.group(0)[len(m.group(1)) + 2:]
        bare = not m.group(0).rstrip().endswith("=") and (not m.group(2) or m.group(0) == "--" + m.group(1))
        return f"{key}=true " if bare and (m.end() >= len(written) or written[m.end():].lstrip().startswith("--")) else f"{key}="
    return _FLAG.sub(pair, written)


# A JSON object pasted into a sentence: in a code fence, or bare with a quoted first key.
JSON_OBJECT = re.compile(r"```[ \t]*(?:json)?[ \t]*\n?\s*(\{.*?\})\s*```|(?<![\w{])(\{\s*\"[^{}]*\})(?![\w}])", re.S)
_PATH_KEYS = ("path", "file", "data", "dataset")


def json_snippet(text: str) -> tuple[str, dict] | None:
    """(``text`` with the pasted JSON object replaced by the file it names, if any, and the object) when the person pasted
    one ("看下 FILE:```json {"sheet": "售后", …}```", "开训:```json {"data": "x.jsonl", "epochs": 3}```"); else None.

    >>> json_snippet('开训: {"data": "fin.jsonl", "epochs": 3}')
    ('开训:  fin.jsonl ', {'data': 'fin.jsonl', 'epochs': 3})
    """
    m = JSON_OBJECT.search(text)
    if not m:
        return None
    try:
        obj = json.loads(m.group(1) or m.group(2))
    except ValueError:
        return None
    if not isinstance(obj, dict) or not obj:
        return None
    path = next((obj[k] for k in _PATH_KEYS if isinstance(obj.get(k), str)), "")
    return text[:m.start()] + f" {path} " + text[m.end():], obj


# A step's word in Chinese, as a pasted object's key ('{"填充": "identity.json", "name": …}').
_ZH_COMMANDS = {"填充": "fill_placeholders", "填写": "fill_placeholders", "转换": "convert_dataset", "训练": "start_training",
                "停止": "stop_training", "恢复": "resume_training", "评估": "evaluate_run", "状态": "training_status",
                "查看": "inspect_dataset", "质检": "check_quality", "探测": "probe_learning_rate"}
_ACTION_KEYS = ("op", "action", "cmd", "command", "task", "tool")


def _tool_of(word: str) -> str | None:
    """The tool a command's word, a short name or a tool's own name stands for ("train", "probe-lr", "check_quality")."""
    word = word.strip().lower()
    snake = word.replace("-", "_")
    return _COMMANDS.get(word) or _TOOL_ALIASES.get(snake) or (snake if snake in _NAMES else None)


def object_call(obj: dict) -> dict | None:
    """The call a pasted object asks for on its own: its action under "op"/"action"/… ('{"op": "convert", "file": "x.csv",
    "to": "alpaca"}'), or a step's word as a key with its run or file ('{"resume": "job-7f3c"}', '{"填充": "identity.json", …}').

    >>> object_call({"op": "convert", "file": "qa.csv", "to": "alpaca"}), object_call({"resume": "job-7f3c"})
    ({'name': 'convert_dataset', 'args': {'path': 'qa.csv', 'to': 'alpaca'}}, {'name': 'resume_training', 'args': {'run_id': 'job-7f3c'}})
    """
    if {"rule", "decision"} <= set(obj):  # '{"rule": "answer_is_question", "decision": "drop"}': a decision on a rule
        return {"name": "apply_quality_rule", "args": with_snippet("apply_quality_rule", {}, obj)}
    for key, value in obj.items():
        if isinstance(value, dict) and (name := _tool_of(key) or _ZH_COMMANDS.get(key)):
            path = next((value[k] for k in _PATH_KEYS if isinstance(value.get(k), str)), None)
            return {"name": name, "args": with_snippet(name, {"path": path} if path else {}, value)}  # '{"probe": {"file": …, "steps": 150}}'
        if not isinstance(value, str):
            continue
        rest = {k: v for k, v in obj.items() if k != key}
        if key.lower() in _ACTION_KEYS and (name := _tool_of(value)):
            return {"name": name, "args": with_snippet(name, {}, rest)}
        name = _tool_of(key) or _ZH_COMMANDS.get(key)
        if name:
            schema = _schema(name)
            target = "path" if "path" in schema and rx.search(r"\.\w{2,5}$", value) else "run_id" if "run_id" in schema else None
            return {"name": name, "args": with_snippet(name, {target: value} if target else {}, rest)}
    return None


def with_snippet(name: str, args: dict, obj: dict) -> dict:
    """``args`` of a call to ``name`` with the pasted object's settings the tool takes (its own keys or their usual short
    names; for the fill, other keys are placeholder values). What the object says wins over what the words said."""
    schema, out = _schema(name), dict(args)
    for key, value in obj.items():
        if isinstance(value, str) and rx.fullmatch(r"\s*\{\{\s*\w+\s*\}\}\s*", value):
            continue  # '{"name": "{{name}}"}': the file's placeholder shown as it is, no value for it
        if name == "suggest_hyperparameters" and key.lower() in _DATASET_SIZE_KEYS:
            key = "n_samples"  # '{"records": 300, "avg_tokens": 210}': the size of the data the advice is for
        key = key if key in schema else _KEY_ALIASES.get(key.lower(), key)
        kinds = {schema.get(key, {}).get("type")} | {k.get("type") for k in schema.get(key, {}).get("anyOf", ())}
        if key in schema and isinstance(value, (int, float)) and not isinstance(value, bool) and kinds & {"number", "integer"}:
            out[key] = value  # a number stays the number it was written as (3, not 3.0)
        elif key in schema:
            typed = _typed(json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value), schema[key])
            if typed not in (None, ""):
                out[key] = typed
        elif "values" in schema and isinstance(value, str):
            out.setdefault("values", {})[key] = value
    return out


def written_call(text: str) -> dict | None:
    """``{"name", "args"}`` when ``text`` opens with a tool's name written as a call, or is a chat command, else None.
    (Read once per text: the planner asks for a message's call in two places; each caller gets its own copy.)

    >>> written_call('/train data=qianfan/x.jsonl lr=2e-4 epochs=2 r=16 --mix 0.15')["args"]
    {'path': 'qianfan/x.jsonl', 'learning_rate': 0.0002, 'epochs': 2, 'lora_r': 16, 'mix_general': 0.15}
    >>> written_call('/quality --ppl contracts.jsonl')
    {'name': 'check_quality', 'args': {'path': 'contracts.jsonl', 'ppl': True}}
    >>> written_call("/augment --file b.jsonl --all --tpl 'Q: {q}' --tpl 'Asks: {q}'")["args"]
    {'path': 'b.jsonl', 'fraction': 1.0, 'templates': ['Q: {q}', 'Asks: {q}']}
    >>> written_call('/status job_7f3a'), written_call('convert --to openai --q 问题 --a 答案 kb.csv')["args"]
    ({'name': 'training_status', 'args': {'run_id': 'job_7f3a'}}, {'path': 'kb.csv', 'to': 'openai', 'question_field': '问题', 'answer_field': '答案'})
    """
    return copy.deepcopy(_written_call(text))


@lru_cache(maxsize=256)
def _written_call(text: str) -> dict | None:
    text = _ACTION_KEY.sub(r"/\1 ", text)  # "ACTION=probe FILE=x.jsonl STEPS=100": a bot's template, the action its command
    text = rx.sub(r"^\s*\$\s*(?:sft(?:-assistant)?\s+)?(?=[A-Za-z])", "/", text)  # "$ sft status r2d2-lora": typed as at a shell prompt
    program = rx.match(r"^\s*sft(?:-assistant)?\s+([A-Za-z][\w-]*)(?=\s)", text)
    if program and _tool_of(program.group(1)) and program.group(1).lower() not in ("rule", "drop", "keep"):
        # "sft probe-lr kefu.jsonl --steps 200": our program's name, then its command ("sft rule conflict --drop" is read as it is)
        text = "/" + text[program.start(1):]
    command = _COMMAND.match(text)
    word = (command.group(1) or command.group(2) or "").lower() if command else ""
    if word and (name := _tool_of(word)):
        return _command_call(name, (word + " " if word in ("drop", "keep") else "") + command.group("rest"))
    m = _CALL.match(text)
    if not m:
        return None
    name = _TOOL_ALIASES.get(m.group(1), m.group(1))
    call = _command_call(name, m.group("inner") or m.group("rest") or "")
    aimed = _AIMED.match(m.group("rest") or "") if call is None and not rx.search(r"\w\s*=|--\w", m.group("rest") or "") else None
    reason = (m.group("rest") or "")[aimed.end() - 1:] if aimed else ""
    if aimed and not rx.search(r"[?？\d]|\b(?:no|wait|actually|instead|but)\b|不|改|_", reason, re.I):
        # "stop_training on gpu-hog-12, it's eating the whole node": the target, then a reason (no settings, no change of mind)
        call = _command_call(name, " " + aimed.group(1))
    return call


# A tool's name, "on"/"for" its run or file, then a clause of the person's own.
_AIMED = re.compile(r"\s+(?:on|for)\s+([\w./-]+?)\s*(?:[,;，；—–]|\s-\s|\.\s)\s*\S", re.I)


def _command_call(name: str, written: str) -> dict | None:
    """The call to ``name`` with the arguments ``written`` after its name; None when words other than arguments follow."""
    schema = _schema(name)
    written = _flags_as_pairs(rx.sub(r"[。.]\s*$", "", written))  # ("…,steps=150。": the sentence's full stop)
    written = rx.sub(r"(?<!\S)(?:with|and|using)(?=\s+[A-Za-z_]\w*\s*=)", " ", written)  # "with path='x' and values={…}"
    if name == "apply_quality_rule":  # "/rule garbled drop", "/drop exact_duplicate": the rule and the decision as words
        written = rx.sub(r"(?<![\w=])(drop|keep)(?![\w=])", r"decision=\1", written, flags=re.I)
        written = rx.sub(r"(?<![\w=])([a-z]+_[a-z_]+|duplicates|conflict|garbled|placeholder|repetitive|perplexity)(?![\w=])",
                         r"rule=\1", written, flags=re.I)
    lead = _LEADING_FILE.match(written) if "path" in schema else None
    if lead:
        written = written[lead.end():]
    run = _LEADING_RUN.match(written) if "run_id" in schema and not lead else None
    if run:
        written = written[run.end():]  # "stop_training b91e04": the run, written where its name goes
    anywhere = _ANY_FILE.search(_PAIR.sub(" ", written)) if "path" in schema and not lead else None
    if anywhere:
        written = written.replace(anywhere.group(1), " ", 1)  # "/fewshot --k 4 --n 250 trivia.jsonl"
    if rx.search(r"\w", _PAIR.sub(" ", written)):
        return None  # "stop_training 是干嘛的?": the name in a sentence, not a call
    args: dict = {"path": (lead or anywhere).group(1)} if lead or anywhere else {"run_id": run.group(1)} if run else {}
    for key, raw in _PAIR.findall(written):
        key = key if key in schema else key.lower() if key.lower() in schema else _KEY_ALIASES.get(key.lower(), key)
        if key.lower() in _BARE_FLAGS and key not in schema:
            if key.lower() == "all" and "fraction" in schema:
                args["fraction"] = 1.0  # "--all": every record
            continue
        if key == "templates" and key in schema and not raw.lstrip().startswith("["):
            args.setdefault("templates", []).append(_typed(raw, {"type": "string"}))  # "--tpl 'Q: {q}' --tpl '…'"
        elif key in schema and (value := _typed(raw, schema[key])) not in (None, ""):
            args[key] = value
        elif key in schema and {"object", "array"} & ({schema[key].get("type")} | {k.get("type") for k in schema[key].get("anyOf", ())}):
            return None  # "VALUES={name: Pixel, author: …}": a value written as no JSON; the reader reads it
        elif "values" in schema and key not in schema and (value := _typed(raw, {"type": "string"})):
            args.setdefault("values", {})[key] = value  # "fill_placeholders identity.json name=ops-bot": one of the values
    return {"name": name, "args": args}
