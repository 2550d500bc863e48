"""A tool call written out by hand, the way engineers who know the tools type it:

- ``probe_learning_rate path=v1_sft_demo.jsonl steps=100``
- ``fill_placeholders path=identity.json values={"name": "小慧", "author": "蓝鲸数据"}``
- ``stop_training()``, ``stop_training(run_id="run-0703")``
- ``stop_training,run_id 是 run-0703-b``

The tool is the one named; its arguments are those written as ``key=value`` (also ``key: value``, ``key 是 value``)
whose key the tool takes, each value read as the tool's schema types it (a JSON object for ``values``, a number for
``steps``). Anything else in the message is left to the reader.

>>> call = written_call('probe_learning_rate path=v1_sft_demo.jsonl steps=100')
>>> call["name"], call["args"]
('probe_learning_rate', {'path': 'v1_sft_demo.jsonl', 'steps': 100})
>>> written_call('fill_placeholders path=identity.json values={"name": "Nova", "author": "Brightline Labs"}')["args"]["values"]
{'name': 'Nova', 'author': 'Brightline Labs'}
>>> written_call('stop_training()'), written_call('stop_training 是干嘛的?') is None
({'name': 'stop_training', 'args': {}}, True)
"""
from __future__ import annotations

import json
import re
from functools import cache

_NAMES = ("inspect_dataset", "convert_dataset", "add_few_shot", "add_cot", "augment_instructions", "check_quality",
          "suggest_hyperparameters", "start_training", "training_status", "stop_training", "resume_training",
          "apply_quality_rule", "fill_placeholders", "evaluate_run", "probe_learning_rate")
# The message opens with a tool's name, then its arguments: in brackets, or after a space, comma or colon.
_CALL = re.compile(rf"^\s*`?({'|'.join(_NAMES)})`?\s*(?:\((?P<inner>.*)\)\s*;?\s*$|(?P<rest>[\s,，:：].*)?$)", re.S)
# key=value, key: value, key 是/为 value; a value is JSON ({…}, […]), quoted, or one word.
_PAIR = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*(?:=|:|：|\s是\s?|\s为\s?)\s*"
                   r"(\{.*?\}(?=\s*(?:[,，;；]|\s[A-Za-z_]\w*\s*[=:]|\)?\s*$))|\[.*?\](?=\s*(?:[,，;；]|\s[A-Za-z_]\w*\s*[=:]|\)?\s*$))|"
                   r"\"[^\"]*\"|'[^']*'|“[^”]*”|[^\s,，;；)]+)", re.S)


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
        try:
            return json.loads(value)
        except ValueError:
            return None
    if "integer" in kinds and re.fullmatch(r"-?\d+", value):
        return int(value)
    if "number" in kinds and re.fullmatch(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE]-?\d+)?", value):
        return float(value)
    if "boolean" in kinds and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value if "string" in kinds or not kinds - {None} else None


def written_call(text: str) -> dict | None:
    """``{"name", "args"}`` when ``text`` opens with a tool's name written as a call, else None."""
    m = _CALL.match(text)
    if not m:
        return None
    schema = _schema(m.group(1))
    written = m.group("inner") or m.group("rest") or ""
    if re.search(r"\w", _PAIR.sub(" ", written)):
        return None  # "stop_training 是干嘛的?": the name in a sentence, not a call
    args = {}
    for key, raw in _PAIR.findall(written):
        if key in schema and (value := _typed(raw, schema[key])) not in (None, ""):
            args[key] = value
    return {"name": m.group(1), "args": args}
