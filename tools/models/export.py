"""Take the tuned model away: a merged Hugging Face folder, a GGUF file (f16 or Q8_0), or an Ollama folder.

- merged: the base model with the LoRA adapter folded in (``merge_and_unload``), saved in fp32 for
  models under 2B parameters, since a bf16 copy would round small LoRA updates away.
- gguf: written with the ``gguf`` package (``GGUFWriter``); tensor names come from its
  ``TensorNameMap`` for the Llama architecture, q/k projections are permuted into llama.cpp's rotary
  layout (as llama.cpp's converter does; transformers undoes it when loading), and the tokenizer
  (tokens, types, merges, special ids, chat template) goes in so llama.cpp, Ollama and transformers
  (``from_pretrained(dir, gguf_file=...)``) can all load it. 1-D tensors (norms) stay f32.
- ollama: the Q8_0 GGUF plus a ``Modelfile`` (chat template, stop token, system prompt).
Everything is written to ``RUN_DIR/export/`` through a temporary name, then renamed.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from tools.errors import UserError

TARGETS = ("merged", "gguf", "ollama")
QUANTS = {"f16": ("F16", 1), "q8_0": ("Q8_0", 7)}  # name → (GGMLQuantizationType, LlamaFileType)
LLAMA_FAMILY = {"llama", "mistral"}
FP32_BELOW = 2_000_000_000  # parameters


def merged_model(run_dir: Path):
    """(merged fp32 model, tokenizer, base model folder) for a run's adapter."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    adapter = run_dir / "adapter"
    if not (adapter / "adapter_config.json").is_file():
        raise UserError(f"{run_dir.name} has no adapter to export yet; wait until the run has finished.",
                        zh=f"{run_dir.name} 还没有可导出的适配器,请等训练结束。")
    import json

    base = json.loads((adapter / "adapter_config.json").read_text(encoding="utf-8"))["base_model_name_or_path"]
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    model = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    return model.eval(), AutoTokenizer.from_pretrained(str(adapter)), base


def save_merged(model, tokenizer, folder: Path) -> Path:
    """The merged model as a plain Hugging Face folder (fp32 under 2B parameters, else bf16)."""
    import torch

    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        big = sum(p.numel() for p in model.parameters()) >= FP32_BELOW
        (model.to(torch.bfloat16) if big else model).save_pretrained(str(tmp))
        tokenizer.save_pretrained(str(tmp))
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def _permute(w, n_head: int):
    """llama.cpp's rotary layout: per head, interleave the two halves (LlamaModel.permute)."""
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def _tensors(model, quant: str):
    """(gguf name, numpy array, raw dtype or None) for each tensor, in the model's order."""
    import gguf
    import numpy as np

    cfg = model.config
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, cfg.num_hidden_layers)
    kv_heads = cfg.num_key_value_heads or cfg.num_attention_heads
    qtype = getattr(gguf.GGMLQuantizationType, QUANTS[quant][0])
    for name, tensor in model.state_dict().items():
        if name == "lm_head.weight" and cfg.tie_word_embeddings:
            continue  # tied: llama.cpp reads the output head from token_embd
        data = tensor.detach().float().cpu().numpy()
        if name.endswith("q_proj.weight"):
            data = _permute(data, cfg.num_attention_heads)
        elif name.endswith("k_proj.weight"):
            data = _permute(data, kv_heads)
        new = names.get_name(name, try_suffixes=(".weight", ".bias"))
        if new is None:
            raise UserError(f"Cannot map tensor {name} to a GGUF name; only Llama-family models export to GGUF.")
        if data.ndim == 1:
            yield new, data.astype(np.float32), None
        elif qtype == gguf.GGMLQuantizationType.Q8_0 and data.shape[-1] % 32 == 0:
            yield new, gguf.quants.quantize(data, qtype), qtype
        else:
            yield new, data.astype(np.float16), None


def _vocab(tokenizer, vocab_size: int) -> tuple[list[str], list[int]]:
    """Tokens in id order and their types (normal / control for special added tokens), as llama.cpp does."""
    import gguf

    reverse = {i: tok for tok, i in tokenizer.get_vocab().items()}
    added = tokenizer.added_tokens_decoder
    tokens, types = [], []
    for i in range(vocab_size):
        if i not in reverse:
            tokens.append(f"[PAD{i}]")
            types.append(gguf.TokenType.UNUSED)
        elif i in added:
            tokens.append(reverse[i])
            types.append(gguf.TokenType.CONTROL if added[i].special else gguf.TokenType.USER_DEFINED)
        else:
            tokens.append(reverse[i])
            types.append(gguf.TokenType.NORMAL)
    return tokens, types


def _metadata(writer, model, tokenizer, tokenizer_dir: Path, name: str, quant: str) -> None:
    import gguf

    cfg = model.config
    head_dim = getattr(cfg, "head_dim", None) or cfg.hidden_size // cfg.num_attention_heads
    writer.add_name(name)
    writer.add_context_length(cfg.max_position_embeddings)
    writer.add_embedding_length(cfg.hidden_size)
    writer.add_block_count(cfg.num_hidden_layers)
    writer.add_feed_forward_length(cfg.intermediate_size)
    writer.add_head_count(cfg.num_attention_heads)
    writer.add_head_count_kv(cfg.num_key_value_heads or cfg.num_attention_heads)
    writer.add_rope_freq_base(float(getattr(cfg, "rope_theta", None) or (cfg.rope_parameters or {}).get("rope_theta", 10000.0)))
    writer.add_layer_norm_rms_eps(cfg.rms_norm_eps)
    writer.add_rope_dimension_count(head_dim)
    writer.add_vocab_size(cfg.vocab_size)
    writer.add_file_type(QUANTS[quant][1])
    tokens, types = _vocab(tokenizer, cfg.vocab_size)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("smollm" if "smollm" in name.lower() or "smollm" in str(tokenizer_dir).lower() else "default")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_add_bos_token(False)
    gguf.SpecialVocab(tokenizer_dir, load_merges=True, n_vocab=len(tokens)).add_to_gguf(writer, quiet=True)


def write_gguf(model, tokenizer, tokenizer_dir: Path, path: Path, quant: str = "f16", name: str = "model") -> Path:
    """One GGUF file of a merged Llama-family model (see the module docstring); written atomically."""
    import gguf

    if quant not in QUANTS:
        raise UserError(f"GGUF type must be one of {', '.join(QUANTS)}, not '{quant}'.",
                        zh=f"GGUF 类型必须是 {', '.join(QUANTS)} 之一,而不是 '{quant}'。")
    if model.config.model_type not in LLAMA_FAMILY:
        raise UserError(f"GGUF export supports Llama-family models; this one is '{model.config.model_type}'. "
                        "Export it as a merged folder and convert it with llama.cpp's convert_hf_to_gguf.py.",
                        zh=f"GGUF 导出只支持 Llama 系列模型,这个模型是“{model.config.model_type}”。请导出合并后的文件夹,再用 llama.cpp 转换。")
    tmp = path.with_name(f".{path.name}.tmp")
    writer = gguf.GGUFWriter(str(tmp), gguf.MODEL_ARCH_NAMES[gguf.MODEL_ARCH.LLAMA])
    _metadata(writer, model, tokenizer, tokenizer_dir, name, quant)
    for tensor_name, data, raw_dtype in _tensors(model, quant):
        writer.add_tensor(tensor_name, data, raw_dtype=raw_dtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    os.replace(tmp, path)
    return path


CHATML_TEMPLATE = """{{- if .System }}<|im_start|>system
{{ .System }}<|im_end|>
{{ end }}{{- range .Messages }}<|im_start|>{{ .Role }}
{{ .Content }}<|im_end|>
{{ end }}<|im_start|>assistant
"""


def modelfile(gguf_name: str, tokenizer, system: str | None) -> str:
    """An Ollama Modelfile: FROM the GGUF beside it, the chat template (ChatML models), the stop
    token and the system prompt."""
    template = tokenizer.chat_template or ""
    lines = [f"FROM ./{gguf_name}"]
    if "<|im_start|>" in template:
        lines += [f'TEMPLATE """{CHATML_TEMPLATE}"""', 'PARAMETER stop "<|im_end|>"']
    if system:
        lines.append(f'SYSTEM """{system}"""')
    lines.append("PARAMETER temperature 0.2")
    return "\n".join(lines) + "\n"


def _system_prompt(run_dir: Path, tokenizer) -> str | None:
    """The system prompt the run trained with (the first sample's), else the template's default one."""
    from tools.train.trainconfig import TrainConfig

    try:
        from tools.train.sftdata import read_samples

        samples = read_samples(TrainConfig.load(run_dir / "config.json").data_path)
        if samples and samples[0].system:
            return samples[0].system
    except (UserError, OSError):
        pass
    rendered = tokenizer.apply_chat_template([{"role": "user", "content": "x"}], tokenize=False)
    if rendered.startswith("<|im_start|>system\n"):
        return rendered.split("\n", 1)[1].split("<|im_end|>", 1)[0]
    return None


def export_run(run=None, to: str = "gguf", quant: str | None = None) -> dict:
    """Export a finished run to ``RUN_DIR/export/``; returns ``{"to", "files", "sizes", "folder"}``."""
    from tools.train.runs import get_run

    if to not in TARGETS:
        raise UserError(f"Export target must be one of {', '.join(TARGETS)}, not '{to}'.",
                        zh=f"导出目标必须是 {', '.join(TARGETS)} 之一,而不是 '{to}'。")
    info = get_run(run)
    out = info.run_dir / "export"
    out.mkdir(parents=True, exist_ok=True)
    model, tokenizer, base = merged_model(info.run_dir)
    if to == "merged":
        files = [save_merged(model, tokenizer, out / "merged")]
    else:
        quant = quant or ("q8_0" if to == "ollama" else "f16")
        folder = out / "ollama" if to == "ollama" else out
        folder.mkdir(parents=True, exist_ok=True)
        gguf_path = write_gguf(model, tokenizer, info.run_dir / "adapter", folder / f"{info.run_id}.{quant}.gguf",
                               quant, name=f"{Path(base).name}-{info.run_id}")
        files = [gguf_path]
        if to == "ollama":
            from tools.workspace import atomic_write_text

            text = modelfile(gguf_path.name, tokenizer, _system_prompt(info.run_dir, tokenizer))
            files.append(atomic_write_text(folder / "Modelfile", text))
    sizes = {f.name: _size(f) for f in files}
    return {"to": to, "quant": quant if to != "merged" else None, "folder": str(files[0].parent),
            "files": [str(f) for f in files], "sizes": sizes}


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size
