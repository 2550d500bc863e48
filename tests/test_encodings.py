"""Encodings: Big5 and Big5-HKSCS are read as themselves; when unsure, refuse with the candidates."""
from __future__ import annotations

import pytest

from tools.data.encoding import decode_bytes
from tools.data.formats import convert_dataset, inspect_dataset, read_dataset
from tools.errors import UserError

ROWS = [("台灣的首都是哪裡？", "台北市是中華民國的首都。"), ("請問營業時間？", "週一至週五上午九點到下午六點。"),
        ("退貨需要多久？", "一般需要三到五個工作天，遇假日順延。"), ("發票怎麼開？", "請在訂單頁面申請電子發票。")]


def _big5_csv(tmp_path, header, encoding="big5", rows=ROWS):
    path = tmp_path / f"tw-{encoding}.csv"
    text = header + "\r\n" + "".join(f"{q},{a}\r\n" for q, a in rows)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("header,fields", [("question,answer", ("question", "answer")), ("問題,答案", ("問題", "答案"))])
def test_big5_csv_is_read_as_big5(tmp_path, header, fields):
    path = _big5_csv(tmp_path, header)
    result = read_dataset(path)
    assert result.encoding == "big5"
    assert (result.fields["question"], result.fields["answer"]) == fields
    assert [(s.question, s.answer) for s in result.samples] == ROWS
    back = read_dataset(convert_dataset(path, "jsonl").output)  # converted text is the real text
    assert [(s.question, s.answer) for s in back.samples] == ROWS


def test_inspect_names_big5(tmp_path):
    info = inspect_dataset(_big5_csv(tmp_path, "question,answer"), tokens=False)
    assert info["encoding"] == "big5" and info["count"] == 4


def test_big5_hkscs_cantonese(tmp_path):
    rows = [("佢喺邊度？", "佢喺銅鑼灣，啱啱嚟咗。"), ("你食咗飯未？", "食咗啦，多謝。")]
    result = read_dataset(_big5_csv(tmp_path, "問題,答案", "big5hkscs", rows))
    assert result.encoding == "big5hkscs" and [(s.question, s.answer) for s in result.samples] == rows


def test_gbk_stays_gbk(tmp_path):
    rows = [("退货要多久？", "一般3到5个工作日。"), ("怎么开发票？", "在订单页面申请电子发票。")]
    result = read_dataset(_big5_csv(tmp_path, "问题,答案", "gbk", rows))
    assert result.encoding == "gb18030" and [(s.question, s.answer) for s in result.samples] == rows


def test_unsure_encoding_is_refused_with_candidates():
    # "你好" in GBK bytes is also two common Big5 characters: either reading could be right.
    with pytest.raises(UserError, match="Cannot tell the encoding.*gb18030.*big5.*UTF-8") as err:
        decode_bytes("你好".encode("gbk"), "hi.csv")
    assert "无法确定" in err.value.zh


def test_garbled_decoding_is_refused():
    # Big5 text plus one GBK-only byte pair: no Big5 reading exists, the GB18030 one is mojibake.
    data = "台灣的首都是哪裡營業時間週一至週五".encode("big5") + b"\x81\x80"
    with pytest.raises(UserError, match="Cannot tell the encoding"):
        decode_bytes(data, "bad.csv")


@pytest.mark.parametrize("bad", ["cafÃ© au lait", "Iâ€™m here", "退货\ufffd要多久",
                                 "测试一下这个问题的答案是什么".encode().decode("gbk", "replace")])
def test_mojibake_already_in_a_file_is_reported(tmp_path, bad):
    path = tmp_path / "m.jsonl"
    path.write_text('{"prompt": "ok", "response": "fine"}\n' + __import__("json").dumps({"prompt": bad, "response": "x"}) + "\n",
                    encoding="utf-8")
    result = read_dataset(path)
    assert [(c.kind, c.where) for c in result.changes] == [("garbled", ["m.jsonl:2"])]
    assert "乱码" in result.changes.to_list()[0]["zh"]


def test_real_text_is_not_called_garbled(shared_copy):
    for name in ("alpaca_zh_demo.json", "qianfan/fin_cqa_train.jsonl", "llamafactory/glaive_toolcall_zh_demo.json",
                 "identity.json", "v1_sft_demo.jsonl"):
        assert [c.kind for c in read_dataset(shared_copy(name)).changes] == [], name
