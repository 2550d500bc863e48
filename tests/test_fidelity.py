"""No silent change: every file × layout pair keeps read = written + skipped, and whatever the
target cannot hold is in the report (ConvertResult.changes), never dropped without a word."""
from __future__ import annotations

import json

import pytest

from tools.data.fields import cell_text
from tools.data.formats import FORMATS, convert_dataset, read_dataset
from tools.data.samples import parse_calls
from tools.data.writers import STRUCTURE, TOOL_FORMATS
from tools.errors import UserError

SHARED = ["qianfan/qa_pair.csv", "qianfan/multi_conversation.jsonl", "qianfan/file.jsonl",
          "qianfan/fin_cqa_train.jsonl", "alpaca_zh_demo.json", "identity.json", "v1_sft_demo.jsonl",
          "llamafactory/glaive_toolcall_en_demo.json", "llamafactory/glaive_toolcall_zh_demo.json"]


def _messages(s):
    return [(m.role, parse_calls(m.content) if m.role == "tool_call" else m.content) for m in s.messages]


def _user_fields(m):
    return {k: v for k, v in (m.extra or {}).items() if k not in STRUCTURE}


def check_fidelity(original, converted, to):
    """The converted file holds the same conversations; every loss is reported for its record."""
    assert converted.read == converted.written + len(converted.skipped)
    assert (converted.written, converted.skipped) == (len(original.samples), original.skipped)
    back = read_dataset(converted.output)
    assert (len(back.samples), back.skipped) == (converted.written, [])
    reported = {c.kind: set(c.where) for c in converted.changes}
    flattened = reported.get("flattened_tools", set())
    for a, b in zip(original.samples, back.samples):
        if a.where not in flattened:
            assert _messages(b) == _messages(a), a.where
            assert b.tools == a.tools, a.where
        extra_a, extra_b = a.meta.get("extra", {}), b.meta.get("extra", {})
        if to == "qianfan":
            assert not extra_a or a.where in reported["extra_fields"]
        elif to in ("csv", "xlsx"):  # cells are text; a column another row has is empty here
            assert {k: extra_b[k] for k in extra_a} == {k: cell_text(v) for k, v in extra_a.items()}
        else:
            assert extra_b == extra_a, a.where
        if a.where in flattened:
            continue
        for ma, mb in zip(a.messages, b.messages):
            fields = _user_fields(ma)
            if "response" in fields:
                assert _user_fields(mb).get("response") == fields["response"] if to == "qianfan" \
                    else a.where in reported["candidates"]
            fields.pop("response", None)
            if fields and to in TOOL_FORMATS:
                assert {k: _user_fields(mb).get(k) for k in fields} == fields, a.where
            elif fields:
                assert a.where in reported["message_fields"], a.where
    return back


@pytest.mark.parametrize("name", SHARED)
def test_every_shared_file_to_every_layout(shared_copy, name):
    source = shared_copy(name)
    original = read_dataset(source)
    for to in FORMATS:
        if to not in TOOL_FORMATS and any(s.uses_tools for s in original.samples):
            with pytest.raises(UserError, match="hold tool calls"):
                convert_dataset(source, to)
            converted = convert_dataset(source, to, flatten_tools=True)
            assert converted.changes.by_kind["flattened_tools"].count == sum(s.uses_tools for s in original.samples)
        else:
            converted = convert_dataset(source, to)
        check_fidelity(original, converted, to)


RICH = [
    {"id": 1, "category": "售后", "prompt": "  退货要多久？ ", "response": "\n一般3到5个工作日。\n", "system": " 你是客服。 "},
    {"id": 2, "category": "发票", "prompt": "怎么开发票？", "response": "在订单页面申请。", "history": [["在吗", "在的 "]]},
]


@pytest.mark.parametrize("to", FORMATS)
def test_edge_whitespace_and_extra_fields_survive(tmp_path, to):
    src = tmp_path / "rich.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RICH), encoding="utf-8")
    original = read_dataset(src)
    assert original.samples[0].question == "  退货要多久？ " and original.samples[0].system == " 你是客服。 "
    assert original.samples[0].meta["extra"] == {"id": 1, "category": "售后"}
    back = check_fidelity(original, convert_dataset(src, to), to)
    assert back.samples[0].answer == "\n一般3到5个工作日。\n"


def test_qianfan_candidates_kept_or_reported(tmp_path):
    src = tmp_path / "cand.jsonl"
    src.write_text('[{"prompt": "q1", "response": [["A", "B"]]}]\n[{"prompt": "q2", "response": [["C"], ["D"]]}]\n'
                   '[{"prompt": "q3", "response": [["E"]]}]\n', encoding="utf-8")
    original = read_dataset(src)
    assert [s.answer for s in original.samples] == ["A", "C", "E"]
    same = convert_dataset(src, "qianfan")
    assert open(same.output, encoding="utf-8").read() == src.read_text(encoding="utf-8")  # byte for byte
    assert same.changes.to_list() == []
    other = convert_dataset(src, "alpaca")
    [change] = other.changes.to_list()
    assert (change["kind"], change["count"], change["where"]) == ("candidates", 2, ["cand.jsonl:1", "cand.jsonl:2"])
    assert "候选" in change["zh"]
    for to in FORMATS:
        check_fidelity(original, convert_dataset(src, to), to)


def test_openai_weight_and_message_fields(tmp_path):
    src = tmp_path / "w.jsonl"
    rec = {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello", "weight": 0}]}
    src.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert json.loads(open(convert_dataset(src, "openai").output).readline()) == rec
    csv = convert_dataset(src, "csv")
    assert [(c.kind, c.what) for c in csv.changes] == [("message_fields", {"weight"})]


def test_alpaca_keeps_instruction_and_input_apart(shared_copy):
    source = shared_copy("alpaca_zh_demo.json")
    again = json.loads(open(convert_dataset(source, "alpaca").output, encoding="utf-8").read())
    raw = json.loads(source.read_text(encoding="utf-8"))
    assert [(r["instruction"], r["input"], r["output"]) for r in again] == \
           [(r["instruction"], r["input"], r["output"]) for r in raw]


def test_excel_cell_over_the_limit_is_refused(tmp_path):
    src = tmp_path / "long.jsonl"
    src.write_text(json.dumps({"prompt": "q", "response": "长" * 40_000}) + "\n" +
                   json.dumps({"prompt": "q2", "response": "ok"}) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"1 records have a cell longer than Excel's limit.*long\.jsonl:1 \(40,000") as err:
        convert_dataset(src, "xlsx")
    assert "32,767" in err.value.zh
    assert read_dataset(convert_dataset(src, "csv").output).samples[0].answer == "长" * 40_000


def test_control_characters_in_xlsx_are_reported(tmp_path):
    src = tmp_path / "ctl.jsonl"
    src.write_text(json.dumps({"prompt": "q\x07", "response": "a"}) + "\n", encoding="utf-8")
    converted = convert_dataset(src, "xlsx")
    assert [c.kind for c in converted.changes] == ["illegal_xml"]


def test_alpaca_detected_when_the_first_record_is_malformed(tmp_path):
    src = tmp_path / "a.json"
    records = [{"instruction": "broken, no output"}] + [{"instruction": f"q{i}", "input": "", "output": f"a{i}"} for i in range(3)]
    src.write_text(json.dumps(records), encoding="utf-8")
    result = read_dataset(src)
    assert result.format == "alpaca" and len(result.samples) == 3
    assert [s.where for s in result.skipped] == ["a.json[0]"]


def test_xlsx_with_only_a_header_has_no_records(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["问题", "答案"])
    path = tmp_path / "empty.xlsx"
    book.save(path)
    with pytest.raises(UserError, match="has no records") as err:
        read_dataset(path)
    assert "没有记录" in err.value.zh
