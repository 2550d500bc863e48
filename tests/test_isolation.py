"""One person's data stays theirs: owner scopes for uploads, outputs and runs (issue 16)."""
from __future__ import annotations

import threading

import pytest
from test_app import served  # noqa: F401 - fixture

from tools import workspace as ws
from tools.errors import UserError


def test_scoped_owner_gets_own_folders_and_cli_keeps_one_workspace(workspace):
    assert ws.current_owner() is None
    assert ws.uploads_dir() == workspace.resolve() / "uploads"
    with ws.scoped("sessA"):
        assert ws.current_owner() == "sessA"
        assert ws.uploads_dir() == workspace.resolve() / "sessions" / "sessA" / "uploads"
        assert ws.outputs_dir() == workspace.resolve() / "sessions" / "sessA" / "outputs"
        assert ws.runs_dir() == workspace.resolve() / "runs"
        with ws.scoped(None):
            assert ws.current_owner() is None
        assert ws.current_owner() == "sessA"
    assert ws.current_owner() is None


def test_owner_names_never_escape_or_collide():
    names = {ws.safe_owner(o) for o in ("a b", "a_b", "../x", "..", "a/b", "a_b~1", "用户")}
    assert len(names) == 7
    assert all("/" not in n and n not in (".", "..") for n in names)


def test_confine_keeps_a_scope_out_of_other_owners_and_says_nothing_about_them(workspace):
    with ws.scoped("A"):
        secret = ws.outputs_dir() / "secretA.csv"
        secret.write_text("q,a\n", encoding="utf-8")
        assert ws.confine("outputs/secretA.csv") == secret
    with ws.scoped("B"):
        for probe in (str(secret), "../A/outputs/secretA.csv", "../A/outputs/missing.csv", "/etc/passwd"):
            with pytest.raises(UserError, match="outside the workspace") as exc:
                ws.confine(probe)
            assert "工作区" in exc.value.zh
    assert ws.confine(str(secret)) == secret  # the CLI sees the whole workspace


def test_scopes_do_not_leak_between_threads():
    seen = {}
    barrier = threading.Barrier(2)

    def work(owner):
        with ws.scoped(owner):
            barrier.wait()
            seen[owner] = ws.current_owner()

    threads = [threading.Thread(target=work, args=(o,)) for o in ("A", "B")]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert seen == {"A": "A", "B": "B"}


# --- two sessions through the web API --------------------------------------------------------

SECRET = "SECRET-A-4711"


def _secret_file(folder):
    path = folder / "secretA.csv"
    rows = [f"question {i} {SECRET},answer {i} {SECRET}" for i in range(7)]
    path.write_text("question,answer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _said(history) -> str:
    import json

    return json.dumps(history, ensure_ascii=False)


def test_session_b_cannot_inspect_convert_download_nor_fetch_what_a_uploaded_or_produced(served, tmp_path, workspace):
    import urllib.error
    import urllib.request

    from gradio_client import handle_file
    from test_app import client, files_of

    a, b = client(served), client(served)
    first = a.predict({"text": "inspect this file", "files": [handle_file(str(_secret_file(tmp_path)))]}, [], api_name="/assistant")
    assert "7" in _said(first[-1:])
    made = a.predict({"text": "convert it to alpaca", "files": []}, [], api_name="/assistant")
    assert files_of(made), made
    mine = sorted(p for p in workspace.rglob("secretA*") if p.is_file())
    assert {p.name for p in mine} >= {"secretA.csv", "secretA.alpaca.json"}
    assert all("sessions" in p.parts for p in mine), "A's files live in A's own folder"

    for target in ["secretA.csv", "secretA.alpaca.json", *map(str, mine), f"../{mine[0].parent.parent.name}/uploads/secretA.csv"]:
        for ask in (f"inspect {target}", f"convert {target} to csv"):
            answer = b.predict({"text": ask, "files": []}, [], api_name="/assistant")
            assert SECRET not in _said(answer) and not files_of(answer), (ask, answer)
            assert "7 " not in _said(answer[-1:]) and "7条" not in _said(answer[-1:]), (ask, answer)
    assert sorted(p for p in workspace.rglob("secretA*") if p.is_file()) == mine, "nothing of A's was copied for B"

    # A raw GET of the file route serves none of A's files, whatever the path trick.
    root = workspace.resolve()
    for p in mine:
        rel = p.relative_to(root)
        for trick in (str(p), f"{root}/sessions/../{rel}", f"{root}/%2e%2e/{root.name}/{rel}",
                      str(p).replace("/", "%2f"), f"{root}/sessions/x/../../{rel}".replace("..", "%2e%2e")):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(f"{served}gradio_api/file={trick}", timeout=10)
            assert err.value.code in (403, 404), trick


def test_a_downloads_through_an_unguessable_copy(served, tmp_path, workspace):
    from gradio_client import Client, handle_file

    a = Client(served, verbose=False, download_files=False)
    history = a.predict({"text": "convert this to alpaca", "files": [handle_file(str(_secret_file(tmp_path)))]}, [],
                        api_name="/assistant")
    links = [p["file"] for m in history for p in m["content"] if p.get("type") == "file" and m["role"] == "assistant"]
    assert links, history
    for link in links:
        path = link["path"] if isinstance(link, dict) else link
        assert str(workspace.resolve()) not in path and "/sft-" in path, path


def test_runs_are_listed_and_found_only_for_their_owner(tmp_path, tiny_model):
    from test_runs import write_data

    from tools.train.runs import get_run, list_runs, start_training

    data = write_data(tmp_path / "qa.jsonl", n=8)
    with ws.scoped("A"):
        upload = ws.uploads_dir() / "qa.jsonl"
        upload.write_bytes(data.read_bytes())
        run = start_training(str(upload), base_model=str(tiny_model), max_steps=1, launch_now=False)
        assert run.owner == "A" and [r.run_id for r in list_runs()] == [run.run_id]
        assert get_run(None).run_id == run.run_id
    with ws.scoped("B"):
        assert list_runs() == []
        for name in (run.run_id, str(run.run_dir)):
            with pytest.raises(UserError, match="No training run"):
                get_run(name)
        with pytest.raises(UserError, match="no training runs yet"):
            get_run(None)
        with pytest.raises(UserError, match="outside the workspace"):
            start_training(str(upload), base_model=str(tiny_model), max_steps=1, launch_now=False)
    (run.run_dir / "state.json").unlink()  # the owner survives a lost state.json (config.json keeps it)
    with ws.scoped("B"):
        assert list_runs() == []
    assert [r.run_id for r in list_runs()] == [run.run_id], "the CLI sees every run"


def test_the_chat_adapter_folder_is_confined_and_says_nothing_about_outside_folders(tmp_path, monkeypatch):
    from tools.models.adapters import find_adapter

    outside = tmp_path / "elsewhere" / "adapter"
    outside.mkdir(parents=True)
    (outside / "adapter_config.json").write_text("{}")
    sentences = set()
    with ws.scoped("A"):
        for probe in (str(outside), str(outside.parent), str(tmp_path / "missing"), "/root/.ssh", "../../../etc"):
            with pytest.raises(UserError) as exc:
                find_adapter(probe)
            sentences.add(str(exc.value).replace(probe, "X"))
        assert len(sentences) == 1 and "SFT_ADAPTER_DIRS" in sentences.pop()
        monkeypatch.setenv("SFT_ADAPTER_DIRS", str(tmp_path / "elsewhere"))
        assert find_adapter(str(outside.parent)) == outside.resolve()
    assert find_adapter(str(outside)) == outside.resolve(), "the CLI is not confined"


def test_a_full_disk_is_a_sentence_and_leaves_no_partial_file(tmp_path, monkeypatch):
    import errno
    import os

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out" / "data.jsonl"
    with pytest.raises(UserError, match="disk is full") as exc:
        ws.atomic_write_text(target, "x" * 1000)
    assert "磁盘已满" in exc.value.zh
    assert list((tmp_path / "out").iterdir()) == []
