"""Tool-calling conversations (LLaMA-Factory's glaive demos): read, written and trained with their tools."""
from __future__ import annotations

import json

import pytest

from tools.data.formats import convert_dataset, read_dataset
from tools.data.samples import parse_calls
from tools.errors import UserError

GLAIVE = ["llamafactory/glaive_toolcall_en_demo.json", "llamafactory/glaive_toolcall_zh_demo.json"]


def _content(result):
    """Everything a sample says: messages (calls compared as parsed JSON) and its tool schemas."""
    out = []
    for s in result.samples:
        msgs = [(m.role, parse_calls(m.content) if m.role == "tool_call" else m.content) for m in s.messages]
        out.append((msgs, s.tools))
    return out


def _raw_tools(path):
    return [json.loads(r["tools"]) if r["tools"] else [] for r in json.loads(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("name", GLAIVE)
def test_glaive_reads_every_record_with_its_tools(shared_copy, name):
    source = shared_copy(name)
    result = read_dataset(source)
    assert (result.format, len(result.samples), result.skipped) == ("sharegpt", 300, [])
    assert [s.tools for s in result.samples] == _raw_tools(source)
    assert sum(m.role == "tool_call" for s in result.samples for m in s.messages) > 100
    assert sum(m.role == "tool" for s in result.samples for m in s.messages) > 100


@pytest.mark.parametrize("name", GLAIVE)
@pytest.mark.parametrize("first,second", [("sharegpt", "openai"), ("openai", "sharegpt"),
                                          ("sharegpt", "sharegpt"), ("openai", "openai")])
def test_glaive_round_trips_between_sharegpt_and_openai(shared_copy, name, first, second):
    original = read_dataset(shared_copy(name))
    one = convert_dataset(original.path, first)
    assert (one.read, one.written, one.skipped, one.changes.to_list()) == (300, 300, [], [])
    two = convert_dataset(one.output, second)
    assert (two.read, two.written, two.skipped, two.changes.to_list()) == (300, 300, [], [])
    back = read_dataset(two.output)
    assert len(back.samples) == 300 and _content(back) == _content(original)


def test_openai_output_is_native_tool_calling(shared_copy):
    converted = convert_dataset(shared_copy(GLAIVE[0]), "openai")
    records = [json.loads(line) for line in open(converted.output, encoding="utf-8")]
    rec = next(r for r in records if any("tool_calls" in m for m in r["messages"]))
    assert rec["tools"][0]["type"] == "function" and "name" in rec["tools"][0]["function"]
    call = next(m for m in rec["messages"] if "tool_calls" in m)
    result = rec["messages"][rec["messages"].index(call) + 1]
    fn = call["tool_calls"][0]["function"]
    assert isinstance(fn["arguments"], str) and isinstance(json.loads(fn["arguments"]), dict)
    assert result["role"] == "tool" and result["tool_call_id"] == call["tool_calls"][0]["id"]


def test_sharegpt_output_is_llamafactory_layout(shared_copy):
    converted = convert_dataset(shared_copy(GLAIVE[1]), "sharegpt")
    records = json.loads(open(converted.output, encoding="utf-8").read())
    assert isinstance(records[0]["tools"], str)  # LLaMA-Factory reads tools as a JSON string
    froms = {m["from"] for r in records for m in r["conversations"]}
    assert froms == {"human", "gpt", "function_call", "observation"}


@pytest.mark.parametrize("to", ["qianfan", "alpaca", "jsonl", "csv", "xlsx"])
def test_layouts_without_tools_refuse_with_the_count(shared_copy, workspace, to):
    with pytest.raises(UserError, match=r"^191 of 300 records hold tool calls.*--flatten-tools") as err:
        convert_dataset(shared_copy(GLAIVE[0]), to)
    assert "191" in err.value.zh and "sharegpt" in err.value.zh
    outputs = workspace / "outputs"
    assert not outputs.exists() or not any(outputs.iterdir())  # nothing written


def test_flattening_is_opt_in_and_reported(shared_copy):
    converted = convert_dataset(shared_copy(GLAIVE[0]), "alpaca", flatten_tools=True)
    assert (converted.read, converted.written) == (300, 300)
    [change] = converted.changes.to_list()
    assert change["kind"] == "flattened_tools" and change["count"] == 191 and "展平" in change["zh"]
    back = read_dataset(converted.output)
    first = back.samples[0]
    assert "<tools>" in first.system and '"search_recipes"' in first.system
    assert any("<tool_call>" in a for _, a in first.turns)


def test_openai_several_calls_keep_their_ids(tmp_path):
    src = tmp_path / "calls.jsonl"
    rec = {"messages": [
        {"role": "user", "content": "Weather in Paris and Rome?"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_a", "type": "function", "function": {"name": "weather", "arguments": '{"city": "Paris"}'}},
            {"id": "call_b", "type": "function", "function": {"name": "weather", "arguments": '{"city": "Rome"}'}}]},
        {"role": "tool", "tool_call_id": "call_a", "content": "18C"},
        {"role": "tool", "tool_call_id": "call_b", "content": "24C"},
        {"role": "assistant", "content": "Paris 18C, Rome 24C.", "weight": 1}],
        "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object"}}}], "id": 7}
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    again = json.loads(open(convert_dataset(src, "openai").output, encoding="utf-8").readline())
    assert again["messages"][1]["tool_calls"] == rec["messages"][1]["tool_calls"]
    assert again["messages"][2:] == rec["messages"][2:] and again["tools"] == rec["tools"] and again["id"] == 7


def _tokenizer():
    from tools.models.models import load_tokenizer, resolve_base_model

    return load_tokenizer(resolve_base_model(None))


def test_chat_template_without_tool_support_still_sees_calls_and_tools(shared_copy):
    from tools.train.sftdata import answer_spans

    sample = read_dataset(shared_copy(GLAIVE[0])).samples[0]
    text, spans = answer_spans(_tokenizer(), sample)
    assert "<tools>" in text and '"search_recipes"' in text
    learned = [text[a:b] for a, b in spans]
    assert any(span.startswith("<tool_call>") and "search_recipes" in span for span in learned)
    assert not any('"recipes": [' in span for span in learned)  # the tool's result is context, not a target


def test_chat_template_with_tool_support_receives_tools(shared_copy):
    from tools.train.sftdata import answer_spans

    tok = _tokenizer()
    tok.chat_template = (
        "{% if tools %}<|im_start|>system\nTOOLS:{% for t in tools %} {{ t.function.name }}{% endfor %}<|im_end|>\n{% endif %}"
        "{% for m in messages %}<|im_start|>{{ m.role }}\n{% if m.tool_calls %}{% for c in m.tool_calls %}"
        "CALL {{ c.function.name }} {{ c.function.arguments | tojson }}{% endfor %}{% else %}{{ m.content }}{% endif %}"
        "<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
    sample = read_dataset(shared_copy(GLAIVE[0])).samples[0]
    text, spans = answer_spans(tok, sample)
    assert text.startswith("<|im_start|>system\nTOOLS: search_recipes")
    assert any(text[a:b].startswith("CALL search_recipes") for a, b in spans)


def test_several_results_become_one_observation_in_sharegpt(tmp_path):
    src = tmp_path / "two.jsonl"
    rec = {"messages": [
        {"role": "user", "content": "Paris and Rome?"},
        {"role": "assistant", "content": "Checking both.", "tool_calls": [
            {"id": "a", "type": "function", "function": {"name": "weather", "arguments": '{"city": "Paris"}'}},
            {"id": "b", "type": "function", "function": {"name": "weather", "arguments": '{"city": "Rome"}'}}]},
        {"role": "tool", "tool_call_id": "a", "content": '{"c": 18}'},
        {"role": "tool", "tool_call_id": "b", "content": '{"c": 24}'},
        {"role": "assistant", "content": "18 and 24."}]}
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    converted = convert_dataset(src, "sharegpt")
    assert sorted(c.kind for c in converted.changes) == ["call_text", "merged_results"]
    conv = json.loads(open(converted.output, encoding="utf-8").read())[0]["conversations"]
    assert [t["from"] for t in conv] == ["human", "function_call", "observation", "gpt"]
    assert json.loads(conv[2]["value"]) == [{"c": 18}, {"c": 24}]
    assert [c["arguments"]["city"] for c in json.loads(conv[1]["value"])] == ["Paris", "Rome"]


def test_inspect_counts_tool_samples(shared_copy):
    from tools.data.formats import inspect_dataset

    info = inspect_dataset(shared_copy(GLAIVE[0]), tokens=False)
    assert (info["count"], info["with_tools"], info["changes"]) == (300, 191, [])
