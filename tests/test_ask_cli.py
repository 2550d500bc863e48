"""``sft-assistant ask``: --json, --file, --plan, --batch, offline and against the fake endpoint."""
from __future__ import annotations

import hashlib
import json

import pytest
from fake_openai import FakeOpenAI, call, script, text

from cli import main


@pytest.fixture(autouse=True)
def offline_env(monkeypatch):
    for name in ("SFT_LLM_BACKEND", "OPENAI_BASE_URL", "OPENAI_API_KEY", "SFT_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)


def ask(capsys, *argv) -> tuple[int, str, str]:
    code = main(["ask", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_answer_and_tool_calls(capsys):
    code, out, _ = ask(capsys, "我有1000条数据,epoch设置多少?", "--json")
    result = json.loads(out)
    assert code == 0 and set(result) == {"answer", "tool_calls"}
    assert result["tool_calls"] == [{"name": "suggest_hyperparameters", "args": {"n_samples": 1000}}]
    assert "epoch 3" in result["answer"] and "10 个 epoch" in result["answer"]  # measured, and the manual's shown


def test_file_is_attached_as_an_upload_and_left_unchanged(capsys, shared_copy, workspace):
    data = shared_copy("qianfan/qa_pair.csv")
    before = hashlib.sha256(data.read_bytes()).hexdigest()
    code, out, _ = ask(capsys, "inspect this", "--file", str(data), "--json")
    result = json.loads(out)
    assert code == 0 and result["tool_calls"] == [{"name": "inspect_dataset", "args": {"path": str(workspace / "uploads" / "qa_pair.csv")}}]
    assert "86" in result["answer"] and hashlib.sha256(data.read_bytes()).hexdigest() == before


def test_plain_output_puts_steps_on_stderr_and_the_answer_on_stdout(capsys):
    code, out, err = ask(capsys, "what is LoRA learning rate?")
    assert code == 0 and "→ explain(" in err and "✓" in err
    assert "larger learning rate" in out and "explain(" not in out


def test_plan_runs_nothing(capsys, workspace):
    code, out, _ = ask(capsys, "train it for 3 epochs with lr 1e-4", "--file", "qa.csv", "--plan")
    (planned,) = json.loads(out)["tool_calls"]
    assert code == 0 and planned["name"] == "start_training"
    assert planned["args"]["epochs"] == 3 and planned["args"]["learning_rate"] == pytest.approx(1e-4)
    assert not (workspace / "runs").exists() or not any((workspace / "runs").iterdir())


def test_batch_one_process_one_line_each(capsys, tmp_path, shared_copy):
    data = shared_copy("qianfan/qa_pair.csv")
    batch = tmp_path / "requests.jsonl"
    lines = [{"text": "100条样本应该训练几个epoch"}, {"text": "inspect this", "files": [str(data)]}, "oops",
             {"text": "stop the run"}, {"text": "什么是SFT", "file": "qa.csv"}]
    batch.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    code, out, _ = ask(capsys, "--batch", str(batch), "--plan")
    planned = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(planned) == 5
    assert planned[0]["tool_calls"] == [{"name": "suggest_hyperparameters", "args": {"n_samples": 100}}]
    assert planned[1]["tool_calls"][0]["name"] == "inspect_dataset"
    assert "requests.jsonl:3" in planned[2]["error"]
    assert planned[3]["tool_calls"][0]["name"] == "stop_training" and planned[4]["tool_calls"][0]["name"] == "explain"

    code, out, _ = ask(capsys, "--batch", str(batch))
    ran = [json.loads(line) for line in out.splitlines()]
    assert len(ran) == 5 and "86" in ran[1]["answer"] and "error" in ran[2]
    assert ran[3]["tool_calls"] == [{"name": "stop_training", "args": {}}] and "no training runs" in ran[3]["answer"]


def test_openai_endpoint_from_the_environment(capsys, monkeypatch):
    with FakeOpenAI(script([call("explain", question="epochs vs lr"), text("Epochs matter more."),
                            call("suggest_hyperparameters", n_samples=5000, method="full")])) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
        monkeypatch.setenv("SFT_LLM_MODEL", "deepseek-chat")
        code, out, _ = ask(capsys, "epochs or learning rate?", "--json")
        assert code == 0 and json.loads(out) == {"answer": "Epochs matter more.",
                                                 "tool_calls": [{"name": "explain", "args": {"question": "epochs vs lr"}}]}
        code, out, _ = ask(capsys, "5k examples, full fine-tuning", "--plan")
        assert json.loads(out)["tool_calls"] == [{"name": "suggest_hyperparameters", "args": {"n_samples": 5000, "method": "full"}}]
        assert len(server.requests) == 3 and server.requests[0]["model"] == "deepseek-chat"
        monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong")
        code, _, err = ask(capsys, "hello")
        assert code == 1 and "refused the API key" in err and "Traceback" not in err


def test_no_request_is_a_sentence(capsys):
    code, _, err = ask(capsys)
    assert code == 1 and "error: Say what you want" in err
