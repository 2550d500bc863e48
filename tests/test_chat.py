"""tools/models/chat.py and `sft-assistant chat`: base + adapter loading, streaming, switching, side by side."""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from tools.errors import UserError
from tools.models import adapters, chat

ROOT = Path(__file__).resolve().parents[1]
QUESTION = [{"role": "user", "content": "What is the capital of France?"}]


def make_adapter(base: Path, folder: Path, seed: int) -> Path:
    """A run directory holding a random (non-zero) LoRA adapter, as training would leave it."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_pretrained(str(base), dtype=torch.bfloat16)
    # init_lora_weights=False: B is random too, so the adapter really changes the output.
    peft = get_peft_model(model, LoraConfig(r=4, lora_alpha=64, target_modules=["q_proj", "v_proj"], init_lora_weights=False))
    peft.save_pretrained(str(folder / "adapter"))
    (folder / "config.json").write_text(json.dumps({"base_model": str(base)}))
    return folder


@pytest.fixture(scope="module")
def runs(embedded_model, tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("runs")
    return make_adapter(embedded_model, root / "run-a", 1), make_adapter(embedded_model, root / "run-b", 2)


def reply(messages, target, **kw) -> list[str]:
    return list(chat.stream_reply(messages, target, chat.GenerationSettings(max_new_tokens=12), **kw))


def test_target_from_run_dir_adapter_dir_and_run_id(runs, embedded_model, workspace):
    run_a, _ = runs
    target = adapters.target_for(str(run_a))
    assert target.adapter == str(run_a / "adapter") and target.base_model == str(embedded_model)
    assert adapters.target_for(str(run_a / "adapter")).adapter == target.adapter
    runs_home = workspace / "runs"
    runs_home.mkdir(parents=True, exist_ok=True)
    (runs_home / "my-run").symlink_to(run_a)
    assert adapters.target_for("my-run").adapter.endswith("adapter")
    assert adapters.target_for(None).adapter is None


def test_unfinished_run_and_unknown_name_are_sentences(tmp_path):
    (tmp_path / "training").mkdir()
    with pytest.raises(UserError, match="no adapter yet"):
        adapters.find_adapter(str(tmp_path / "training"))
    with pytest.raises(UserError, match="neither a run id"):
        adapters.find_adapter("no-such-run")
    with pytest.raises(UserError, match="max new tokens"):
        chat.GenerationSettings(max_new_tokens=0)
    with pytest.raises(UserError, match="temperature"):
        chat.GenerationSettings(temperature=3)


@pytest.mark.slow
def test_reply_streams_and_the_adapter_changes_it(runs):
    target = adapters.target_for(str(runs[0]))
    tuned = reply(QUESTION, target)
    assert len(tuned) > 3, "the reply should arrive in several pieces"
    assert all(b.startswith(a) for a, b in zip(tuned, tuned[1:])), "each piece extends the previous one"
    base_same_weights = reply(QUESTION, target, use_adapter=False)
    assert chat.loaded_key() == (target.base_model, target.adapter), "side by side reuses the loaded model"
    assert tuned[-1] != base_same_weights[-1]
    chat.release()
    base_alone = reply(QUESTION, adapters.target_for(None))
    assert base_alone[-1] == base_same_weights[-1], "adapter switched off == the base model"
    assert "Paris" in base_alone[-1]


@pytest.mark.slow
def test_switching_runs_releases_the_previous_model(runs):
    first, second = (adapters.target_for(str(r)) for r in runs)
    reply(QUESTION, first)
    old = weakref.ref(chat._LOADED.model)
    reply(QUESTION, second)
    gc.collect()
    assert chat.loaded_key()[1] == second.adapter
    assert old() is None, "the first model must be freed when switching"


@pytest.mark.slow
def test_abandoned_reply_stops_generation(runs):
    target = adapters.target_for(str(runs[0]))
    stream = chat.stream_reply(QUESTION, target, chat.GenerationSettings(max_new_tokens=2000))
    next(stream)
    stream.close()  # the reader walked away: the lock must be free again at once
    assert chat._LOADED.lock.acquire(timeout=5)
    chat._LOADED.lock.release()


@pytest.mark.slow
def test_cli_chat_streams_a_reply_and_exits(runs):
    proc = subprocess.run(
        [sys.executable, "-m", "cli", "chat", str(runs[0]), "--max-new-tokens", "8"],
        input="Hello!\n/reset\n/exit\n", capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "model> " in proc.stdout and len(proc.stdout.split("model> ", 1)[1].strip()) > 0
    assert "chatting with" in proc.stderr and "adapter" in proc.stderr


def test_a_broken_adapter_is_a_sentence(tmp_path, embedded_model):
    bad = tmp_path / "bad" / "adapter"
    bad.mkdir(parents=True)
    (bad / "adapter_config.json").write_text("{}")
    target = adapters.ChatTarget(str(embedded_model), str(bad))
    with pytest.raises(UserError, match="Could not load"):
        next(chat.stream_reply(QUESTION, target))
    assert chat.loaded_key() is None and chat._LOADED.lock.acquire(timeout=1)
    chat._LOADED.lock.release()


@pytest.mark.slow
def test_side_by_side_is_one_batched_generate_with_each_models_own_reply(runs, monkeypatch):
    target = adapters.target_for(str(runs[0]))
    settings = chat.GenerationSettings(max_new_tokens=12)
    tuned_alone = reply(QUESTION, target)[-1]
    base_alone = reply(QUESTION, target, use_adapter=False)[-1]
    calls = []
    generate = chat._LOADED.model.generate
    monkeypatch.setattr(chat._LOADED.model, "generate", lambda **kw: calls.append(kw.get("adapter_names")) or generate(**kw))
    longer = QUESTION + [{"role": "assistant", "content": "Paris."}, {"role": "user", "content": "And of Italy?"}]
    pieces = list(chat.stream_pair(QUESTION, longer, target, settings))
    assert calls == [["default", "__base__"]], "both replies come from one generate, the base row without the adapter"
    assert len(pieces) > 3 and all(b[0].startswith(a[0]) and b[1].startswith(a[1]) for a, b in zip(pieces, pieces[1:]))
    assert _same_reply(pieces[-1][0], tuned_alone, other=base_alone), "the tuned row is the tuned model's own reply"
    assert _same_reply(pieces[-1][1], reply(longer, target, use_adapter=False)[-1]), "the base row answers its own (longer) history"
    assert _same_reply(list(chat.stream_pair(QUESTION, QUESTION, target, settings))[-1][1], base_alone, other=tuned_alone)


def _same_reply(got: str, alone: str, other: str | None = None) -> bool:
    """``got`` (a row of the batched generate) is the reply generated alone: the same text, or the same text up to a
    token where greedy decoding of a padded batch may break a near tie differently (the test adapter is tiny and its
    logits are nearly flat: CI once saw a 12-token reply part after 20 of 33 characters). It must share at least half of
    itself with its own model's reply, and more than with the other model's."""
    shared = len(os.path.commonprefix([got, alone]))
    if other is not None and other != alone and shared <= len(os.path.commonprefix([got, other])):
        return False
    return got == alone or shared >= 0.5 * min(len(got), len(alone))
