"""Export: a merged folder, GGUF (f16, Q8_0) that transformers loads back with the same logits, Ollama.

The round trip is the test of the GGUF writer: tensor names (gguf's TensorNameMap), the q/k rotary
permutation, the tokenizer metadata and the chat template all have to be right for
``from_pretrained(dir, gguf_file=...)`` to give back the merged model's logits.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cli import main
from tools.errors import UserError
from tools.models.export import export_run
from tools.train.runs import FINISHED, get_run, start_training


def tuned_run(tmp_path, base_model: Path, steps: int):
    rows = [{"messages": [{"role": "system", "content": "You answer about items."},
                          {"role": "user", "content": f"What is item {i}?"},
                          {"role": "assistant", "content": f"Item {i} is number {i * 7}."}]} for i in range(12)]
    data = tmp_path / "qa.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run = start_training(str(data), base_model=str(base_model), max_steps=steps, learning_rate=1e-3, evaluate=False)
    deadline = time.monotonic() + 900
    while (info := get_run(run.run_dir)).state not in FINISHED and time.monotonic() < deadline:
        time.sleep(0.2)
    assert info.state == "succeeded", (info.error, (info.run_dir / "train.log").read_text()[-2000:])
    return info


def logits_gap(merged_dir: Path, gguf_file: Path, prompt: str = "What is item 3?") -> tuple[float, float]:
    """(max |merged − gguf| logit, share of positions whose top token agrees)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(gguf_file.parent), gguf_file=gguf_file.name)
    ids = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True,
                                        return_tensors="pt", return_dict=True)["input_ids"]
    merged = AutoModelForCausalLM.from_pretrained(str(merged_dir), dtype=torch.float32)
    loaded = AutoModelForCausalLM.from_pretrained(str(gguf_file.parent), gguf_file=gguf_file.name, dtype=torch.float32)
    with torch.no_grad():
        a, b = merged(ids).logits, loaded(ids).logits
    return (a - b).abs().max().item(), (a.argmax(-1) == b.argmax(-1)).float().mean().item()


def test_gguf_and_ollama_of_a_small_model_load_back(tmp_path, tiny_model):
    info = tuned_run(tmp_path, tiny_model, steps=2)
    merged = Path(export_run(info.run_id, to="merged")["files"][0])
    f16 = Path(export_run(info.run_id, to="gguf")["files"][0])
    gap, agree = logits_gap(merged, f16)
    assert gap < 0.01 and agree == 1.0
    ollama = export_run(info.run_id, to="ollama")
    gguf_file, modelfile = (Path(f) for f in ollama["files"])
    assert gguf_file.name.endswith(".q8_0.gguf") and gguf_file.stat().st_size < f16.stat().st_size
    gap, agree = logits_gap(merged, gguf_file)
    assert gap < 0.5 and agree >= 0.8  # Q8_0: 8-bit weights
    text = modelfile.read_text()
    assert text.startswith(f"FROM ./{gguf_file.name}") and "<|im_start|>{{ .Role }}" in text
    assert 'PARAMETER stop "<|im_end|>"' in text and 'SYSTEM """You answer about items."""' in text


def test_export_refuses_a_run_without_adapter_and_a_bad_target(tmp_path, tiny_model):
    data = tmp_path / "x.jsonl"
    data.write_text(json.dumps({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}) + "\n")
    run = start_training(str(data), base_model=str(tiny_model), launch_now=False)  # queued: no adapter
    with pytest.raises(UserError, match="no adapter"):
        export_run(run.run_id, to="gguf")
    with pytest.raises(UserError, match="merged, gguf, ollama"):
        export_run(run.run_id, to="onnx")


@pytest.mark.slow
def test_tuned_embedded_model_round_trips_through_gguf_f16(tmp_path, embedded_model, capsys):
    info = tuned_run(tmp_path, embedded_model, steps=2)
    assert main(["export", info.run_id, "--to", "merged", "--json"]) == 0
    merged = Path(json.loads(capsys.readouterr().out)["files"][0])
    assert main(["export", info.run_id, "--to", "gguf", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    f16 = Path(result["files"][0])
    assert result["sizes"][f16.name] == f16.stat().st_size > 200 * 2**20  # 135M parameters × 2 bytes
    gap, agree = logits_gap(merged, f16)
    print(f"\nGGUF f16 {f16.stat().st_size / 2**20:.1f} MiB, max logit gap {gap:.4f}, top-1 agreement {agree:.0%}")
    assert gap < 0.25 and agree >= 0.95  # measured here: 0.05 and 100% (f16 rounding only)


def test_q_and_k_go_into_llama_cpp_rotary_layout_that_the_gguf_reader_undoes():
    import numpy as np
    from transformers.modeling_gguf_pytorch_utils import LlamaTensorProcessor

    from tools.models.export import _permute

    q = np.arange(4 * 8 * 3, dtype=np.float32).reshape(4 * 8, 3)  # 4 heads of 8 rows, 3 columns
    k = np.arange(2 * 8 * 3, dtype=np.float32).reshape(2 * 8, 3)  # 2 key/value heads
    assert not np.array_equal(_permute(q, 4), q)
    reader = LlamaTensorProcessor()
    assert np.array_equal(reader._reverse_permute_weights(_permute(q, 4), 4, 4), q)
    assert np.array_equal(reader._reverse_permute_weights(_permute(k, 2), 4, 2), k)
