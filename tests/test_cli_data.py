"""The data subcommands' contract: what `inspect`, `convert`, `augment` and `quality` print."""
from __future__ import annotations

import json

from cli import main


def _json_out(capsys, argv) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_convert_json_contract(capsys, shared_copy, tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text('{"question": "一", "answer": "1"}\nnot json\n{"question": "二", "answer": "2"}\n', encoding="utf-8")
    out = _json_out(capsys, ["convert", str(src), "--to", "alpaca", "--json"])
    assert list(out) == ["output", "format", "read", "written", "skipped", "changes"]
    assert (out["format"], out["read"], out["written"]) == ("alpaca", 3, 2)
    assert out["skipped"] == [{"where": "mixed.jsonl:2", "reason": out["skipped"][0]["reason"]}]
    assert json.loads(open(out["output"], encoding="utf-8").read())[1]["instruction"] == "二"


def test_convert_to_named_output_with_fields(capsys, tmp_path):
    src = tmp_path / "t.csv"
    src.write_text("a_col,b_col\nq,r\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    out = _json_out(capsys, ["convert", str(src), "--to", "jsonl", "-o", str(target), "--question-field", "a_col",
                             "--answer-field", "b_col", "--json"])
    assert out["output"] == str(target)
    assert target.read_text(encoding="utf-8") == '{"prompt": "q", "response": "r"}\n'


def test_inspect_json_and_text(capsys, shared_copy):
    path = shared_copy("qianfan/qa_pair.csv")
    info = _json_out(capsys, ["inspect", str(path), "--json"])
    assert (info["format"], info["count"], info["fields"]["question"]) == ("csv", 86, "prompt")
    assert info["tokens"]["answer"]["total"] > 0 and info["chars"]["question"]["max"] == 22
    assert main(["inspect", str(path), "--no-tokens"]) == 0
    text = capsys.readouterr().out
    assert "86 samples" in text and "tokens" not in text


def test_errors_are_one_line_exit_1(capsys, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert main(["convert", str(path), "--to", "jsonl"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Could not tell") and "Traceback" not in err and err.count("\n") == 1


def test_augment_passes_field_options(capsys, tmp_path):
    src = tmp_path / "odd.csv"
    src.write_text("col_q,col_a\n猫喜欢吃什么？,鱼\n狗喜欢吃什么？,骨头\n", encoding="utf-8")
    assert main(["augment", str(src), "templates", "--question-field", "col_q", "--answer-field", "col_a", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["original"], out["added"]) == (2, 2)
