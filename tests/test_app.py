"""The web app through a real client: gradio_client against the app served in-process."""
from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ui import webapp as app

ASK_EPOCHS = "我有1000条数据,epoch设置多少?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(workspace, request):
    """The app on a free port of 127.0.0.1 for this test alone (its workspace blocked on the file route), closed
    afterwards; tests that need neither use the shared ``app_url`` (conftest).
    ``@pytest.mark.launch(max_file_size=...)`` overrides launch settings."""
    marker = request.node.get_closest_marker("launch")
    demo = app.build_app()
    port = free_port()
    app.launch(demo, port=port, prevent_thread_lock=True, quiet=True, **(marker.kwargs if marker else {}))
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False)


def text_of(message: dict) -> str:
    return "".join(p.get("text", "") for p in message["content"] if p.get("type") == "text")


def files_of(history: list[dict]) -> list[str]:
    return [p["file"] for m in history for p in m["content"] if p.get("type") == "file" and m["role"] == "assistant"]


def test_page_and_public_api(app_url):
    with urllib.request.urlopen(app_url, timeout=10) as resp:
        assert resp.status == 200 and "sft-assistant" in resp.read().decode()
    api = client(app_url).view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(api) == {"/assistant", "/chat"}, "only the two chat events are public"
    params = [p["parameter_name"] for p in api["/assistant"]["parameters"]]
    assert params == ["message", "history"]


def test_assistant_answers_epochs_for_1000_samples(app_url):
    job = client(app_url).submit({"text": ASK_EPOCHS, "files": []}, [], api_name="/assistant")
    history = job.result()
    statuses = [(m.get("metadata") or {}).get("status") for update in job.outputs() for m in update]
    assert "pending" in statuses, "the tool step shows while it runs, before its result"
    from ui.i18n import TOOLS

    titles = {*TOOLS.get("suggest_hyperparameters", ()), "suggest_hyperparameters"}  # the title is in the UI language
    tool = [m for m in history if (m.get("metadata") or {}).get("title", "") in titles]
    assert tool and tool[0]["metadata"]["status"] == "done" and "duration" in tool[0]["metadata"]
    answer = text_of(history[-1])
    assert history[-1]["role"] == "assistant"
    assert re.search(r"(?i)epochs?\D{0,6}10\b|\b10\s*(个|轮)?\s*epochs?", answer), answer


def test_upload_and_convert_returns_a_file(app_url, shared_copy, workspace):
    from gradio_client import handle_file

    src = shared_copy("qianfan/qa_pair.csv")
    before = src.read_bytes()
    history = client(app_url).predict({"text": "把它转换成alpaca格式", "files": [handle_file(str(src))]}, [], api_name="/assistant")
    files = files_of(history)
    assert len(files) == 1 and files[0].endswith(".json"), history
    rows = json.loads(Path(files[0]).read_text(encoding="utf-8"))
    assert len(rows) == 86 and {"instruction", "output"} <= set(rows[0])
    assert src.read_bytes() == before, "the user's file is never modified"
    uploads = list(workspace.rglob("qa_pair.csv"))
    assert len(uploads) == 1 and uploads[0].parent.parent.parent == workspace / "sessions", "uploads go to a per-session folder"


def test_sessions_keep_their_own_files(app_url, shared_copy):
    from gradio_client import handle_file

    src = shared_copy("qianfan/qa_pair.csv")
    a, b = client(app_url), client(app_url)
    a.predict({"text": "看看这个文件", "files": [handle_file(str(src))]}, [], api_name="/assistant")
    history = b.predict({"text": "inspect the data", "files": []}, [], api_name="/assistant")
    assert "qa_pair" not in json.dumps(history, ensure_ascii=False), "session B must not see A's upload"


@pytest.mark.slow
def test_chat_endpoint_streams_tokens(app_url, tmp_path, embedded_model, monkeypatch):
    from test_chat import make_adapter

    run = make_adapter(embedded_model, tmp_path / "run", seed=3)
    monkeypatch.setenv("SFT_ADAPTER_DIRS", str(tmp_path))  # an adapter outside the workspace, listed by the operator
    job = client(app_url).submit("Hello! Who are you?", [], [], None, str(run), True, 16, 0.0, api_name="/chat")
    updates = list(job)
    tuned = [u[0][-1]["content"][0]["text"] for u in updates if u[0] and u[0][-1]["role"] == "assistant" and u[0][-1]["content"]]
    assert len(set(tuned)) >= 3, "the tuned reply should arrive token by token"
    final_tuned, final_base = job.outputs()[-1]
    assert final_base and final_base[-1]["role"] == "assistant", "side by side also answers with the base model"


def test_errors_come_back_as_sentences(app_url, tmp_path):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="neither one of your runs"):
        client(app_url).predict("hi", [], [], None, str(tmp_path / "nothing"), False, 8, 0.0, api_name="/chat")


def test_no_file_is_served_by_its_path(served, workspace):
    """Neither the workspace (downloads are copies under unguessable links) nor anything else."""
    inside = workspace / "outputs" / "ok.txt"
    inside.parent.mkdir(parents=True, exist_ok=True)
    inside.write_text("fine")
    for path in (inside, "/etc/passwd", Path(app.__file__).resolve()):  # nor the project's own files
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{served}gradio_api/file={path}", timeout=10)
        assert err.value.code in (403, 404)


@pytest.mark.launch(max_file_size="1kb")
def test_uploads_over_the_size_limit_are_refused(served, tmp_path, workspace):
    from gradio_client import handle_file

    big = tmp_path / "big.csv"
    big.write_text("q,a\n" + "x,y\n" * 1000)
    with pytest.raises(Exception, match="(?i)size|large|exceed"):
        client(served).predict({"text": "inspect it", "files": [handle_file(str(big))]}, [], api_name="/assistant")
    assert not list(workspace.rglob("big.csv")), "nothing of a refused upload reaches the workspace"
