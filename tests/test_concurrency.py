"""20 gradio_client sessions talk to the assistant at once: no errors, no cross-talk.

Each session uploads its own file (a distinct name and row count), asks about it, then
converts "it" in a second turn that names no file, so the answer depends on that
session's own memory. Any mix-up between sessions shows as another session's file name
or row count.
"""
from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from test_app import client, files_of, served, text_of  # noqa: F401 - served is a fixture

SESSIONS = 20


def dataset(folder: Path, i: int) -> Path:
    """Session i's file: s{i}.csv with 5 + i question/answer rows."""
    path = folder / f"s{i}.csv"
    rows = [f"问题{i}-{r},答案{i}-{r}" for r in range(5 + i)]
    path.write_text("问题,答案\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def conversation(url: str, path: Path, i: int) -> dict:
    from gradio_client import handle_file

    c = client(url)
    first = c.predict({"text": "这个文件有多少条数据?", "files": [handle_file(str(path))]}, [], api_name="/assistant")
    # History is for display; the agent remembers "it" per session on the server.
    second = c.predict({"text": "把它转换成jsonl格式", "files": []}, [], api_name="/assistant")
    return {"i": i, "inspect": text_of(first[-1]), "convert": text_of(second[-1]), "files": files_of(second)}


def test_twenty_concurrent_sessions_without_errors_or_cross_talk(served, tmp_path):
    paths = [dataset(tmp_path, i) for i in range(SESSIONS)]
    start = time.perf_counter()
    with ThreadPoolExecutor(SESSIONS) as pool:
        results = list(pool.map(lambda i: conversation(served, paths[i], i), range(SESSIONS)))
    elapsed = time.perf_counter() - start
    for r in results:
        i = r["i"]
        mentioned = set(re.findall(r"\bs(\d+)\.", r["inspect"] + r["convert"]))
        assert mentioned == {str(i)}, f"session {i} saw files of sessions {mentioned}: {r}"
        assert f"{5 + i} " in r["inspect"] or f"{5 + i}条" in r["inspect"], f"session {i}: wrong count in {r['inspect']}"
        assert len(r["files"]) == 1 and Path(r["files"][0]).name.startswith(f"s{i}.")
        assert len(Path(r["files"][0]).read_text(encoding="utf-8").splitlines()) == 5 + i
    print(f"\n{SESSIONS} sessions × 2 turns (upload+inspect, convert) in {elapsed:.1f} s, no errors, no cross-talk")
