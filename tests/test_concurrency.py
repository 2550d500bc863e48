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

from test_app import client, files_of, text_of

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


def test_twenty_concurrent_sessions_without_errors_or_cross_talk(app_url, tmp_path):
    paths = [dataset(tmp_path, i) for i in range(SESSIONS)]
    start = time.perf_counter()
    with ThreadPoolExecutor(SESSIONS) as pool:
        results = list(pool.map(lambda i: conversation(app_url, paths[i], i), range(SESSIONS)))
    elapsed = time.perf_counter() - start
    for r in results:
        i = r["i"]
        mentioned = set(re.findall(r"\bs(\d+)\.", r["inspect"] + r["convert"]))
        assert mentioned == {str(i)}, f"session {i} saw files of sessions {mentioned}: {r}"
        assert f"{5 + i} " in r["inspect"] or f"{5 + i}条" in r["inspect"], f"session {i}: wrong count in {r['inspect']}"
        assert len(r["files"]) == 1 and Path(r["files"][0]).name.startswith(f"s{i}.")
        assert len(Path(r["files"][0]).read_text(encoding="utf-8").splitlines()) == 5 + i
    print(f"\n{SESSIONS} sessions × 2 turns (upload+inspect, convert) in {elapsed:.1f} s, no errors, no cross-talk")


def test_concurrent_requests_with_the_model_cache_deleted_prepare_it_once(tmp_path, monkeypatch):
    """Three requests find no model cache at once: one converts, the others wait and load its result."""
    import threading

    from tools.models import models

    monkeypatch.setenv("SFT_MODEL_CACHE", str(tmp_path / "cache"))
    conversions, lock = [], threading.Lock()

    def fake_convert(target: Path) -> None:  # the real one takes ~16 s; its folder layout is what matters
        with lock:
            conversions.append(target)
        time.sleep(0.5)  # long enough that the other requests arrive while it runs
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.mkdir(parents=True)
        (tmp / "config.json").write_text("{}")
        (tmp / models._MARKER).write_text("{}")
        tmp.rename(target)

    monkeypatch.setattr(models, "_convert", fake_convert)
    with ThreadPoolExecutor(3) as pool:
        paths = list(pool.map(lambda _: models.resolve_base_model(None), range(3)))
    assert len(conversions) == 1, f"{len(conversions)} preparations ran at once"
    assert len(set(paths)) == 1 and models.is_prepared(Path(paths[0]))


def test_an_interrupted_preparation_leaves_no_folder_that_loads(tmp_path, monkeypatch):
    import transformers

    from tools.models import models

    monkeypatch.setenv("SFT_MODEL_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache" / f".{models.EMBEDDED_NAME}.killed").mkdir(parents=True)  # a conversion killed earlier

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(transformers.AutoModelForCausalLM, "from_pretrained", interrupted)
    try:
        models.prepare_embedded()
    except KeyboardInterrupt:
        pass
    assert not models.is_prepared() and not models.embedded_dir().exists()
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.is_dir()] == []
