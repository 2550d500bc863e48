"""Nothing changes silently: what reading or writing alters reaches the person in the tool's summary."""
from __future__ import annotations

import json

from assistant import toolset


def _result(tool, **args) -> dict:
    return json.loads(tool.invoke(args))


def _csv_with_crlf_in_a_cell(workspace) -> str:
    uploads = workspace / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    path = uploads / "crlf.csv"
    path.write_bytes(b'question,answer\nq1,"line one\r\nline two"\nq2,a2\n')
    return str(path)


def test_a_convert_summary_says_what_was_normalised_in_both_languages(workspace):
    result = _result(toolset.convert_dataset, path=_csv_with_crlf_in_a_cell(workspace), to="jsonl")
    assert result["ok"], result
    assert result["data"]["changes"], "the tool reports the CRLF normalisation"
    assert "Changed:" in result["summary"]["en"] and "改动" in result["summary"]["zh"]
    assert result["data"]["changes"][0]["zh"] in result["summary"]["zh"]


def test_a_convert_that_changes_nothing_says_no_change(workspace, shared_copy):
    src = shared_copy("qianfan/qa_pair.csv", workspace / "uploads")
    result = _result(toolset.convert_dataset, path=str(src), to="alpaca")
    assert result["ok"], result
    assert not result["data"].get("changes")
    assert "Changed:" not in result["summary"]["en"] and "改动" not in result["summary"]["zh"]
