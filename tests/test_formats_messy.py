"""Real-world mess: GBK, CRLF, multi-line cells, Excel quirks, broken lines — reported, never silent."""
from __future__ import annotations

import json

import pytest

from tools.data.formats import convert_dataset, read_dataset
from tools.errors import UserError


def _gbk_csv(tmp_path, encoding="gbk"):
    text = (
        "编号,问题,答案,备注\r\n"
        "1,退货要多久？,\"一般3到5个工作日。\r\n如遇节假日顺延。\",\r\n"
        "\r\n"
        ",,,\r\n"
        "2,怎么开发票？,在订单页点击“申请发票”。,多余的列\r\n"
        "3,没有答案的问题,,\r\n"
        "4,\"含逗号,和\"\"引号\"\"的问题\",好的,\r\n"
    )
    path = tmp_path / "客服.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_encodings_crlf_multiline_blank_rows(tmp_path, encoding):
    result = read_dataset(_gbk_csv(tmp_path, encoding))
    assert result.fields == {"question": "问题", "answer": "答案"}
    assert [s.question for s in result.samples] == ["退货要多久？", "怎么开发票？", '含逗号,和"引号"的问题']
    # CRLF inside a cell becomes LF, and the report says so
    assert result.samples[0].answer == "一般3到5个工作日。\n如遇节假日顺延。"
    assert [(c.kind, c.where) for c in result.changes] == [("crlf", ["客服.csv:2"])]
    # the multi-line record spans lines 2–3, so the blank lines are 4–5 and the empty answer is on line 7
    assert [(s.where, s.reason) for s in result.skipped] == [("客服.csv:7", "empty answer ('答案')")]
    assert result.samples[2].where == "客服.csv:8" and result.blank == 2


def test_gb18030_only_characters(tmp_path):
    path = tmp_path / "rare.csv"
    path.write_bytes("question,answer\n𠀀字怎么读？,读作 hē。\n".encode("gb18030"))
    result = read_dataset(path)
    assert result.encoding == "gb18030" and result.samples[0].question == "𠀀字怎么读？"


def test_tsv_and_explicit_fields(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("id\tq_text\ta_text\n1\t你好\t你好！\n", encoding="utf-8")
    with pytest.raises(UserError, match="--question-field"):
        read_dataset(path)
    result = read_dataset(path, question_field="q_text", answer_field="a_text")
    assert (result.format, result.samples[0].answer) == ("tsv", "你好！")
    with pytest.raises(UserError, match="no question field named 'nope'.*q_text"):
        read_dataset(path, question_field="nope")


def _workbook(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本表由客服部整理，请勿修改格式"])
    data = book.create_sheet("问答")
    data.append(["数据导出 2024-05"])  # a title row above the header
    data.append([])
    data.append(["序号", "用户提问", "标准回复", "解析"])
    data.append([1, "一打是几个？", 12, "dozen = 12"])
    data.append([2, "圆周率约等于？", 3.14, None])
    data.append([None, None, None, None])
    data.append([3, "空答案", None, None])
    data.append([4, "=1+1 等于几", "=2", None])  # text that looks like a formula, stored as text below
    for row in data.iter_rows(min_row=8, max_row=8):
        for cell in row[1:3]:
            cell.data_type = "s"
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def test_excel_finds_the_qa_sheet_and_keeps_numbers(tmp_path):
    result = read_dataset(_workbook(tmp_path))
    assert result.format == "xlsx" and result.fields["sheet"] == "问答"
    assert (result.fields["title_rows"], result.fields["header"]) == (1, "book.xlsx[问答]!row 3")
    assert [(s.question, s.answer) for s in result.samples] == [("一打是几个？", "12"), ("圆周率约等于？", "3.14"), ("=1+1 等于几", "=2")]
    assert result.samples[0].where == "book.xlsx[问答]!row 4" and result.samples[0].meta == {
        "rationale": "dozen = 12", "extra": {"序号": "1", "解析": "dozen = 12"}}  # other columns are kept
    assert [(s.where, s.reason) for s in result.skipped] == [("book.xlsx[问答]!row 7", "empty answer ('标准回复')")]


def test_excel_sheet_option(tmp_path):
    path = _workbook(tmp_path)
    assert len(read_dataset(path, sheet="问答").samples) == 3
    with pytest.raises(UserError, match="no sheet named 'Sheet1'.*说明, 问答"):
        read_dataset(path, sheet="Sheet1")
    with pytest.raises(UserError, match="Could not tell"):
        read_dataset(path, sheet="说明")


def test_excel_sheet_by_position(tmp_path):
    """"The second tab" is the sheet counted from 1, as people count; a count past the last sheet says how many there are."""
    path = _workbook(tmp_path)
    assert read_dataset(path, sheet=2).fields["sheet"] == "问答" and len(read_dataset(path, sheet="2").samples) == 3
    with pytest.raises(UserError, match="Could not tell"):
        read_dataset(path, sheet=1)  # the first sheet is the notes page
    with pytest.raises(UserError, match="has 2 sheet.*no sheet number 3.*说明, 问答"):
        read_dataset(path, sheet=3)


def test_jsonl_broken_lines_are_skipped_with_line_numbers(tmp_path):
    path = tmp_path / "broken.jsonl"
    lines = [
        json.dumps({"prompt": "一", "response": "1"}, ensure_ascii=False),
        '{"prompt": "二", "response": ',
        "",
        json.dumps({"prompt": "三", "response": ""}, ensure_ascii=False),
        "[1, 2]",
        json.dumps({"prompt": "四", "response": "4", "extra": 1}, ensure_ascii=False),
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    result = read_dataset(path)
    assert [s.question for s in result.samples] == ["一", "四"]
    assert [s.where for s in result.skipped] == ["broken.jsonl:2", "broken.jsonl:4", "broken.jsonl:5"]
    assert result.skipped[0].reason.startswith("bad JSON") and "empty answer" in result.skipped[1].reason
    converted = convert_dataset(path, "openai")
    assert converted.to_dict()["skipped"][0] == {"where": "broken.jsonl:2", "reason": result.skipped[0].reason}
    assert (converted.read, converted.written) == (5, 2)


def test_bad_records_in_each_layout_are_reasoned(tmp_path):
    path = tmp_path / "conv.json"
    records = [
        {"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}], "system": "be nice"},
        {"conversations": [{"from": "human", "value": "weather?"}, {"from": "observation", "value": "{}"}]},
        {"conversations": [{"from": "human", "value": "only a question"}]},
        {"conversations": [{"from": "gpt", "value": "a"}, {"from": "human", "value": "q"}]},
    ]
    path.write_text(json.dumps({"data": records}), encoding="utf-8")
    result = read_dataset(path)
    assert result.format == "sharegpt" and result.samples[0].system == "be nice"
    reasons = {s.where: s.reason for s in result.skipped}
    assert "'tool' where 'assistant' or 'tool_call' was expected" in reasons["conv.json[1]"]
    assert "without an answer" in reasons["conv.json[2]"]
    assert "'user' was expected" in reasons["conv.json[3]"]


@pytest.mark.parametrize("name,content,message", [
    ("bad.json", '[{"prompt": "a", "response": "b"},\n {"prompt": }]', "not valid JSON.*line 2"),
    ("empty.csv", "", "is empty"),
    ("header.csv", "问题,答案\n\n", "no records"),
    ("notes.txt", "hello world\nthis is prose\n", "Could not tell"),
    ("data.parquet", "x", "unsupported file type"),
    ("old.xls", "x", "save it as .xlsx"),
    ("fake.xlsx", "not a zip", "not a readable .xlsx"),
])
def test_unreadable_files_are_one_sentence(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        read_dataset(path)


def test_undecodable_bytes_name_the_line(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(b"question,answer\nok,fine\n" + bytes(range(128, 256)) * 3 + b"\n")
    with pytest.raises(UserError, match="line 3.*re-save it as UTF-8"):
        read_dataset(path)


def test_western_code_page_is_decoded(tmp_path):
    path = tmp_path / "fr.csv"
    path.write_bytes("question,answer\nUn café ?,Oui, un café crème s'il vous plaît.\n".replace("Oui, un", "Oui un").encode("cp1252"))
    result = read_dataset(path)
    assert result.samples[0].answer == "Oui un café crème s'il vous plaît."


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fast_and_row_by_row_csv_paths_agree(tmp_path, monkeypatch, newline):
    import tools.data.csvread as csvread

    rows = ["问题,答案,备注", '第一问,"第一行' + newline + '第二行' + newline + '第三行",x', "第二问,答二,",
            ',,', "第三问,,y", '"多行' + newline + '问题",答四,z', "第五问,答五,"]
    path = tmp_path / "big.csv"
    path.write_bytes((newline.join(rows) + newline).encode("utf-8-sig"))
    calls = []
    real = csvread._arrow_pairs
    monkeypatch.setattr(csvread, "_arrow_pairs", lambda *a: calls.append(1) or real(*a))
    fast = read_dataset(path)
    assert calls == [1] and fast.encoding == "utf-8-sig"
    monkeypatch.setattr(csvread, "_fast_path_fits", lambda *a: False)
    slow = read_dataset(path)
    assert [(s.where, s.to_dicts()) for s in fast.samples] == [(s.where, s.to_dicts()) for s in slow.samples]
    assert [s.where for s in fast.samples] == ["big.csv:2", "big.csv:5", "big.csv:8", "big.csv:10"]
    assert fast.skipped == slow.skipped == [csvread.Skipped("big.csv:7", "empty answer ('答案')")]
    assert fast.blank == slow.blank == 1  # the ",," row


def test_ragged_rows_fall_back_to_the_row_parser(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("问题,答案,备注\n一,1\n二,2,x,多出来的\n", encoding="utf-8")
    result = read_dataset(path)
    assert [(s.where, s.question, s.answer) for s in result.samples] == [("ragged.csv:2", "一", "1"), ("ragged.csv:3", "二", "2")]


TRICKY_CSV = {
    "mid_quote": 'q,a\n他说"你好"吗,回答\nx,y\n',
    "quote_then_text": 'q,a\n"abc"def,回答\nx,y\n',
    "padded": "q,a\n  问题  ,  答案 \nx,y",
    "semicolon": "q;a\n问题;答案\nx;y\n",
    "empty_quoted": 'q,a\n"",答案\nx,""\n',
    "ideographic_space": "q,a\n\u3000问题\u3000,答案\u00a0\n",
    "trailing_blank_lines": "q,a\n问题,答案\n\n\n",
    "crlf_trailing_blank": "q,a\r\n问题,答案\r\n\r\n",
    "whitespace_last_line": "q,a\n问题,答案\n   \n",
    "title_row_with_commas": "标题行,,\nq,a,\n问题,答案,\n",
}


@pytest.mark.parametrize("name", sorted(TRICKY_CSV))
def test_fast_path_matches_row_parser_on_tricky_csv(tmp_path, monkeypatch, name):
    import tools.data.csvread as csvread

    path = tmp_path / f"{name}.csv"
    path.write_text(TRICKY_CSV[name], encoding="utf-8")
    fast = read_dataset(path)
    monkeypatch.setattr(csvread, "_fast_path_fits", lambda *a: False)
    slow = read_dataset(path)
    assert [(s.where, s.to_dicts()) for s in fast.samples] == [(s.where, s.to_dicts()) for s in slow.samples]
    assert (fast.skipped, fast.blank, fast.fields) == (slow.skipped, slow.blank, slow.fields)


def test_jsonl_saved_as_json_is_read_line_by_line(shared_copy, tmp_path):
    source = shared_copy("qianfan/multi_conversation.jsonl")
    renamed = tmp_path / "multi.json"
    renamed.write_bytes(source.read_bytes())
    result = read_dataset(renamed)
    assert (result.format, len(result.samples), result.fields["container"]) == ("qianfan", 5, "jsonl")


def test_invalid_bytes_after_a_valid_utf8_head_are_still_caught(tmp_path):
    path = tmp_path / "late.csv"
    rows = "".join(f"问题{i},答案{i}\n" for i in range(2000)).encode("utf-8")
    path.write_bytes("问题,答案\n".encode() + rows + b"\xff\xff,\xff\n")
    with pytest.raises(UserError, match="line 2002"):
        read_dataset(path)
