"""Run directories: refusal before start, a finished run's files, stop, kill -9 + resume, torchrun.

The training machinery runs for real (a detached ``python -m tools.train.train``) on a 2-layer random model
with the embedded tokenizer (the ``tiny_model`` fixture), so each run takes seconds.
"""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from cli import main
from tools.errors import UserError
from tools.train.runs import FINISHED, get_run, list_runs, process_alive, read_metrics, resume_run, start_training, stop_run
from tools.workspace import runs_dir

METRIC_KEYS = {"step", "epoch", "loss", "learning_rate", "tokens_per_s", "eta_s", "elapsed_s"}


def write_data(path: Path, n: int = 40) -> Path:
    lines = [json.dumps({"messages": [{"role": "user", "content": f"What is item {i}?"},
                                      {"role": "assistant", "content": f"Item {i} is a thing number {i * 7}."}]})
             for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def wait_for(predicate, timeout: float = 600.0, every: float = 0.05):  # a loaded 2-core CI box; end-of-run eval included
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("timed out waiting")


def finished(run) -> object:
    return wait_for(lambda: (lambda r: r if r.state in FINISHED else None)(get_run(run.run_dir)))


def group_gone(pgid: int) -> bool:
    process_alive(pgid)  # reaps our own child (the group leader) if it has exited: a zombie still counts
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture(autouse=True)
def no_orphans():
    """Whatever a test does or fails to do, no training process outlives it."""
    yield
    for run in list_runs():
        if run.state not in FINISHED:
            stop_run(run, grace_s=5)


@pytest.fixture
def data(tmp_path) -> Path:
    return write_data(tmp_path / "qa.jsonl")


@pytest.mark.parametrize("case, hint", [
    ("empty", "empty"), ("no answers", "answer"), ("missing model", "does not exist"), ("epochs 0", "above 0"), ("lr 5", "learning rate"),
])
def test_bad_input_is_refused_before_any_process_starts(case, hint, tmp_path, data, tiny_model):
    kwargs = {"base_model": str(tiny_model)}
    if case == "empty":
        data = tmp_path / "empty.jsonl"
        data.write_text("")
    elif case == "no answers":
        data = tmp_path / "noans.csv"
        data.write_text("question,answer\nq1,\nq2,\n")
    elif case == "missing model":
        kwargs["base_model"] = str(tmp_path / "no-such-model")
    elif case == "epochs 0":
        kwargs["epochs"] = 0
    else:
        kwargs["learning_rate"] = 5
    with pytest.raises(UserError) as exc:
        start_training(str(data), **kwargs)
    assert hint in str(exc.value)
    assert list(runs_dir().iterdir()) == []


def test_a_run_finishes_with_a_peft_adapter_metrics_and_state(data, tiny_model):
    run = start_training(str(data), base_model=str(tiny_model), max_steps=4, merge=True)
    assert run.state in ("queued", "running") and run.run_dir.parent == runs_dir()
    done = finished(run)
    assert done.state == "succeeded", (done.error, (done.run_dir / "train.log").read_text()[-2000:])
    assert done.step == done.total_steps == 4
    adapter = done.run_dir / "adapter"
    assert (adapter / "adapter_config.json").is_file() and (adapter / "adapter_model.safetensors").is_file()
    assert json.loads((adapter / "adapter_config.json").read_text())["base_model_name_or_path"] == str(tiny_model)
    assert (done.run_dir / "merged" / "config.json").is_file()
    metrics = read_metrics(done)
    steps = [m for m in metrics if "loss" in m]
    assert [m["step"] for m in steps] == [1, 2, 3, 4]
    assert METRIC_KEYS <= set(steps[-1])  # evaluation lines carry eval_loss and no speed
    assert all("tokens_per_s" not in m for m in metrics if "eval_loss" in m)
    assert done.raw["peak_rss_mb"] > 0 and done.raw["finished_at"]
    assert get_run(None).run_dir == done.run_dir == list_runs()[0].run_dir
    assert done.to_dict()["adapter_dir"] == str(adapter)


def test_stop_ends_the_process_group_and_leaves_a_stopped_state(data, tiny_model):
    run = start_training(str(data), base_model=str(tiny_model), max_steps=100_000)
    wait_for(lambda: get_run(run.run_dir).step >= 3)
    stopped = stop_run(run, grace_s=60)
    assert stopped.state == "stopped" and stopped.raw["finished_at"] and stopped.raw["stop_requested_at"]
    assert group_gone(stopped.raw["pgid"])
    # SIGTERM lets it finish its step and checkpoint there, so --resume loses nothing.
    assert (stopped.run_dir / "checkpoints" / f"checkpoint-{stopped.step}").is_dir()
    assert stop_run(run).state == "stopped"  # stopping twice is harmless


def test_kill_9_then_resume_continues_the_step_count_and_schedule(data, tiny_model):
    run = start_training(str(data), base_model=str(tiny_model), max_steps=2_000, save_steps=5)
    wait_for(lambda: get_run(run.run_dir).step >= 12)
    os.killpg(run.raw["pgid"], signal.SIGKILL)
    wait_for(lambda: group_gone(run.raw["pgid"]), timeout=20)
    dead = get_run(run.run_dir)
    assert dead.state == "failed" and "--resume" in dead.error
    before = {m["step"]: m["learning_rate"] for m in read_metrics(dead) if "loss" in m}
    checkpoint = max(int(p.name.split("-")[1]) for p in (dead.run_dir / "checkpoints").glob("checkpoint-*"))
    assert checkpoint >= 10

    resumed = resume_run(dead)
    assert resumed.step == checkpoint
    wait_for(lambda: (lambda r: r.raw.get("resumed_from") and r.step >= checkpoint + 3)(get_run(run.run_dir)))
    stop_run(resumed, grace_s=60)
    info = get_run(run.run_dir)
    assert info.raw["resumed_from"].endswith(f"checkpoint-{checkpoint}")
    steps = [m["step"] for m in read_metrics(info) if "loss" in m]
    assert steps == list(range(1, steps[-1] + 1))  # no gap, no repeat: continued from the checkpoint
    after = {m["step"]: m["learning_rate"] for m in read_metrics(info) if "loss" in m}
    for step in range(checkpoint + 1, checkpoint + 3):
        if step in before:
            assert after[step] == pytest.approx(before[step])  # the same point of the LR schedule


def test_resume_refuses_a_finished_run(data, tiny_model):
    done = finished(start_training(str(data), base_model=str(tiny_model), max_steps=1))
    with pytest.raises(UserError, match="already finished"):
        resume_run(done)


def test_cli_train_wait_runs_and_stop(data, tiny_model, capsys):
    assert main(["train", str(data), "--base-model", str(tiny_model), "--max-steps", "2", "--wait", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["state"] == "succeeded" and info["adapter_dir"]
    assert main(["runs", "--json"]) == 0
    assert [r["run_id"] for r in json.loads(capsys.readouterr().out)] == [info["run_id"]]
    assert main(["runs", info["run_id"]]) == 0
    assert "succeeded" in capsys.readouterr().out
    assert main(["stop", info["run_id"]]) == 0
    assert main(["runs", "no-such-run"]) == 1


@pytest.mark.slow
def test_two_processes_with_torchrun_on_gloo(data, tiny_model):
    run = start_training(str(data), base_model=str(tiny_model), max_steps=3, nproc_per_node=2)
    assert "torch.distributed.run" in run.raw["command"]
    done = finished(run)
    log = (done.run_dir / "train.log").read_text()
    assert done.state == "succeeded", (done.error, log[-3000:])
    assert (done.run_dir / "adapter" / "adapter_model.safetensors").is_file()
    assert done.step == 3
    wait_for(lambda: group_gone(done.raw["pgid"]), timeout=60)  # torchrun and both ranks exit


def test_a_sigterm_nobody_asked_for_under_torchrun_reads_failed(tmp_path, monkeypatch):
    """torchrun sends SIGTERM to the other ranks when one fails: that run failed, it was not stopped. stop_run writes
    stop_requested_at before it signals, so the trainer can tell the two apart."""
    from tools.train.runstate import update_state
    from tools.train.train import torn_down

    update_state(tmp_path, state="running")
    monkeypatch.setenv("WORLD_SIZE", "2")
    assert torn_down(tmp_path)
    update_state(tmp_path, stop_requested_at="2026-12-05T01:00:00Z")
    assert not torn_down(tmp_path)
    monkeypatch.setenv("WORLD_SIZE", "1")
    update_state(tmp_path, stop_requested_at=None)
    assert not torn_down(tmp_path)  # one process: a SIGTERM is a stop, whoever sent it


def test_no_start_writes_a_run_that_python_m_tools_train_runs(data, tiny_model, capsys):
    import subprocess
    import sys

    assert main(["train", str(data), "--base-model", str(tiny_model), "--max-steps", "2", "--no-start", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["state"] == "queued" and "pid" not in info["raw"]
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "tools.train.train", info["run_dir"]], cwd=root, check=True, capture_output=True)
    done = get_run(info["run_dir"])
    assert done.state == "succeeded" and done.raw["pid"] == done.raw["worker_pid"] and done.step == 2
