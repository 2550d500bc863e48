"""Reading the real shared datasets and converting every format both ways."""
from __future__ import annotations

import json

import pytest

from tools.data.formats import FORMATS, convert_dataset, inspect_dataset, read_dataset
from tools.errors import UserError

REAL = {
    # file → (layout detected, samples, multi-turn samples)
    "qianfan/qa_pair.csv": ("csv", 86, 0),
    "qianfan/multi_conversation.jsonl": ("qianfan", 5, 5),
    "qianfan/file.jsonl": ("qianfan", 3, 0),
    "alpaca_zh_demo.json": ("alpaca", 1000, 0),
    "identity.json": ("alpaca", 91, 0),
    "v1_sft_demo.jsonl": ("openai", 500, 0),
}


def _dicts(result):
    return [s.to_dicts() for s in result.samples]


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_files_read_completely(shared_copy, name):
    fmt, count, multi = REAL[name]
    result = read_dataset(shared_copy(name))
    assert (result.format, len(result.samples), result.skipped) == (fmt, count, [])
    assert sum(len(s.turns) > 1 for s in result.samples) == multi


def test_bom_csv_fields_and_first_row(shared_copy):
    result = read_dataset(shared_copy("qianfan/qa_pair.csv"))
    assert result.encoding == "utf-8-sig"
    assert result.fields == {"question": "prompt", "answer": "response"}  # no '\ufeffprompt'
    first = result.samples[0]
    assert (first.question, first.answer, first.where) == ("地球的自转周期是多久？", "大约24小时", "qa_pair.csv:2")


def test_qianfan_multi_turn_structure(shared_copy):
    sample = read_dataset(shared_copy("qianfan/multi_conversation.jsonl")).samples[0]
    assert sample.turns[0] == ("你知道《夜曲》这首歌吗", "我知道，这首歌入选了2005年的华语最佳单曲奖")
    assert len(sample.turns) == 3 and sample.where == "multi_conversation.jsonl:1"


def test_openai_typed_parts_become_text(shared_copy):
    sample = read_dataset(shared_copy("v1_sft_demo.jsonl")).samples[0]
    assert sample.to_dicts()[0] == {"role": "user", "content": "hi"}


@pytest.mark.parametrize("name", ["qianfan/qa_pair.csv", "qianfan/multi_conversation.jsonl", "alpaca_zh_demo.json", "v1_sft_demo.jsonl"])
@pytest.mark.parametrize("to", FORMATS)
def test_round_trip_keeps_every_record(shared_copy, tmp_path, name, to):
    source = shared_copy(name)
    original = read_dataset(source)
    converted = convert_dataset(source, to)
    assert (converted.read, converted.written, converted.skipped) == (len(original.samples),) * 2 + ([],)
    back = read_dataset(converted.output)
    assert back.format == ("xlsx" if to == "xlsx" else to)
    assert _dicts(back) == _dicts(original)
    # …and back to the original layout: A → B → A
    again = read_dataset(convert_dataset(converted.output, original.format if original.format in FORMATS else "jsonl").output)
    assert _dicts(again) == _dicts(original)


def test_system_prompt_survives_every_format(tmp_path):
    src = tmp_path / "sys.jsonl"
    rec = {"messages": [{"role": "system", "content": "你是客服"}, {"role": "user", "content": "在吗"},
                        {"role": "assistant", "content": "在的"}, {"role": "user", "content": "退货"},
                        {"role": "assistant", "content": "请提供订单号"}]}
    src.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    for to in FORMATS:
        back = read_dataset(convert_dataset(src, to).output)
        assert back.samples[0].to_dicts() == rec["messages"], to


def test_outputs_never_overwrite_and_input_untouched(shared_copy, workspace):
    source = shared_copy("qianfan/file.jsonl")
    before = source.read_bytes()
    first = convert_dataset(source, "alpaca").output
    second = convert_dataset(source, "alpaca").output
    assert first != second and first.endswith("file.alpaca.json") and second.endswith("file.alpaca-2.json")
    assert str(workspace) in first and source.read_bytes() == before
    with pytest.raises(UserError, match="already exists"):
        convert_dataset(source, "alpaca", output=first)
    with pytest.raises(UserError, match="input"):
        convert_dataset(source, "qianfan", output=source)


def test_inspect_reports_tokens_and_placeholders(shared_copy):
    info = inspect_dataset(shared_copy("identity.json"))
    assert info["count"] == 91 and info["format"] == "alpaca"
    assert info["tokens"]["sample"]["max"] > info["chars"]["answer"]["max"] / 10 > 0
    assert any("{{name}}" in p for p in info["problems"])
    json.dumps(info)  # JSON-able for the agent and --json


def test_reading_does_not_import_torch(shared_copy):
    import subprocess
    import sys

    path = shared_copy("alpaca_zh_demo.json")
    code = ("import sys; from tools.data.formats import read_dataset, convert_dataset; "
            f"read_dataset({str(path)!r}); convert_dataset({str(path)!r}, 'xlsx'); "
            "print([m for m in ('torch', 'transformers') if m in sys.modules])")
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout.strip()
    assert out == "[]"


def test_inspect_without_a_tokenizer_still_reports(shared_copy, monkeypatch):
    import tools.models.models

    def missing(name):
        raise UserError("The embedded model is not installed.")

    monkeypatch.setattr(tools.models.models, "resolve_base_model", missing)
    info = inspect_dataset(shared_copy("qianfan/file.jsonl"))
    assert "tokens" not in info and info["count"] == 3
    assert any(p.startswith("Token counts unavailable: The embedded model") for p in info["problems"])
