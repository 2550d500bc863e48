"""Tool results keep workspace paths whole, however long (later steps reuse them as the file to
work on), while long record text is still cut."""
from __future__ import annotations

from assistant.summaries import MAX_STRING, scrub
from tools import workspace


def test_a_long_workspace_path_survives_scrubbing_and_a_long_text_does_not():
    with workspace.scoped("a" * 40):
        long_path = str(workspace.outputs_dir() / ("qa_pair." + "qianfan.few-shot." * 8 + "jsonl"))
    assert len(long_path) > MAX_STRING
    out = scrub({"output": long_path, "note": "x" * 500, "files": [long_path]})
    assert out["output"] == long_path and out["files"] == [long_path]
    assert len(out["note"]) == MAX_STRING + 1


def test_a_path_outside_the_workspace_is_cut_like_any_text():
    outside = "/" + "d/" * 200 + "secret.txt"
    assert scrub({"output": outside})["output"].endswith("…")
