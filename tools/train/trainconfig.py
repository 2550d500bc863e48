"""The configuration of one training run: a dataclass, validated on construction, saved as config.json.

Everything the training process needs is in here, so ``python -m tools.train.train RUN_DIR`` can run (or
resume) from the run directory alone, whoever started it: the app, the CLI, or ``torchrun`` on a
cluster node.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from tools.errors import UserError

TOKENS_PER_MICRO_BATCH = 1024
"""Default cap on padded tokens per forward pass. Activations take ~1.4 MB per token for SmolLM2 in fp32
(30 layers), so 1,024 tokens keep a run of the embedded model near 4 GB; on this class of CPU a pass of
1,024 tokens is no slower per token than one of 2,048 (the matmuls stay large), see docs/benchmarks.md."""

# The settings a person gives when starting a run, in the order the CLI lists them: each becomes a
# ``sft-assistant train`` flag (``--`` + the name with dashes, plus the extra spellings here), with its
# type, choices and help taken from the field itself (``cli/train.py``, ``docs/training.md``); the
# Training tab's form shows the first four (``FORM_OPTIONS``).
USER_OPTIONS: dict[str, tuple[str, ...]] = {
    "epochs": (), "learning_rate": (), "max_steps": (), "mix_general": (), "general_file": (),
    "lora_r": (), "lora_alpha": (), "lora_dropout": (), "lora_targets": ("--targets",), "method": (),
    "per_device_batch_size": ("--batch-size",), "gradient_accumulation_steps": ("--grad-accum",),
    "max_seq_length": (), "max_batch_tokens": (), "warmup_ratio": (), "weight_decay": (), "save_steps": (), "seed": (),
    "validation_size": (), "validation_file": (), "evaluate": ("--no-eval",), "merge": (),
    "nproc_per_node": (), "deepspeed": (), "fsdp": (),
}
FORM_OPTIONS = ("epochs", "learning_rate", "max_steps", "mix_general")
CHOICES = {"method": ("lora", "full"), "lora_targets": ("all-linear", "attention")}

# Modules that LoRA adapts. "all-linear" is peft's shorthand for every linear layer except the
# output head; attention-only is cheaper but learns new facts much more slowly.
TARGET_CHOICES = CHOICES["lora_targets"]
ATTENTION_MODULES = ["q_proj", "k_proj", "v_proj", "o_proj"]


@dataclass
class TrainConfig:
    """One LoRA (or full) SFT run. Field docstrings are what the CLI and the docs show."""

    data_path: str
    """The dataset file (any format ``tools.data.formats.read_dataset`` reads). It is only read, never modified."""

    base_model: str
    """A local Hugging Face model folder (already resolved; the embedded SmolLM2 folder by default)."""

    epochs: float = 3.0
    """Passes over the training split. The manual's anchors: 100 samples → 15, 1,000 → 10, 10,000 → 2."""

    learning_rate: float = 3e-4
    """Peak learning rate (linear warm-up, then cosine decay). LoRA takes ~10× the full fine-tuning rate."""

    per_device_batch_size: int = 8
    """Samples per forward pass on each process/GPU."""

    gradient_accumulation_steps: int = 1
    """Forward passes per optimizer step; global batch = per-device batch × this × processes."""

    max_seq_length: int | None = None
    """Longer samples are truncated to this many tokens (answers past the cut get no loss); None = no cut
    below 2,048 (what ``suggest`` advises: the longest sample, capped at 2,048)."""

    max_batch_tokens: int = TOKENS_PER_MICRO_BATCH
    """Cap on padded tokens per forward pass (samples × the longest of them): activations take ~1.4 MB per
    token for SmolLM2 (30 layers, fp32), so 1,024 tokens keep a run near 4 GB. Each optimizer step's samples
    (per-device batch × accumulation, similar lengths) are cut into as many forward passes as this cap
    needs, so short samples share a pass, a long one goes alone, and the global batch stays the same."""

    method: str = "lora"
    """"lora" (adapters only, the default) or "full" (every weight; needs far more memory)."""

    lora_r: int = 16
    """LoRA rank: the width of the low-rank update."""

    lora_alpha: int = 32
    """LoRA scaling numerator: the update is scaled by alpha / r (32 / 16 = 2)."""

    lora_dropout: float = 0.0
    """Dropout on the LoRA input; 0 keeps the short runs on small data deterministic and fast."""

    lora_targets: str = "all-linear"
    """Which layers get adapters: "all-linear" (every linear layer) or "attention" (q/k/v/o only)."""

    warmup_ratio: float = 0.03
    """Fraction of the optimizer steps spent warming the learning rate up from 0."""

    weight_decay: float = 0.0
    """AdamW weight decay on the trained parameters."""

    max_steps: int = -1
    """Stop after this many optimizer steps (-1: run the full number of epochs)."""

    validation_size: int | None = None
    """Samples held out (before training) for the eval loss and the end-of-run report; None picks 10%
    (at most 200; none below 10 samples, then the report uses training samples and says so)."""

    validation_file: str | None = None
    """A dataset file of held-out samples to use instead of a split (then every sample trains)."""

    mix_general: float = 0.0
    """General samples to mix into training, as a fraction of the task samples (0.1 = 10%): the manual's
    remedy for forgetting. They are the base model's own answers to the general prompt set, or ``general_file``."""

    general_file: str | None = None
    """A dataset file of general samples to mix (instead of the base model's own answers)."""

    evaluate: bool = True
    """At the end, score base vs tuned on held-out and general prompts into eval.json (bounded: a handful of answers per model)."""

    save_steps: int | None = None
    """Checkpoint every this many optimizer steps (None: about 10 checkpoints per run, at least every 50 steps)."""

    logging_steps: int = 1
    """Write a metrics line every this many optimizer steps."""

    seed: int = 42
    """Seed for the train/validation split, adapter initialisation and data order."""

    merge: bool = False
    """Also write ``merged/``: the base model with the adapter folded in (a plain model folder)."""

    nproc_per_node: int = 1
    """Processes to start on this machine (one per GPU) through ``torchrun``; 1 = a plain process."""

    deepspeed: str | None = None
    """A DeepSpeed JSON config for ``Trainer`` (needs the deepspeed package); None = plain DDP."""

    fsdp: str = ""
    """``Trainer``'s FSDP options, e.g. "full_shard auto_wrap" (several GPUs); empty = plain DDP."""

    extra: dict = field(default_factory=dict)
    """Free-form notes kept with the run (e.g. the advice it came from); not used by the trainer."""

    def __post_init__(self) -> None:
        self._check_numbers()
        if self.method not in ("lora", "full"):
            raise UserError(f"method must be 'lora' or 'full', not '{self.method}'.",
                            zh=f"method 只能是 'lora' 或 'full',不能是 '{self.method}'。")
        if not 0 <= self.mix_general <= 1:
            raise UserError(f"mix_general must be a fraction between 0 and 1, e.g. 0.1 for 10% (you gave {self.mix_general}).",
                            zh=f"mix_general 必须是 0 到 1 之间的比例,例如 0.1 表示 10%(你给的是 {self.mix_general})。")
        for name in ("validation_file", "general_file"):
            if getattr(self, name) and not Path(getattr(self, name)).is_file():
                raise UserError(f"The {name.replace('_', ' ')} {getattr(self, name)} does not exist.",
                                zh=f"文件 {getattr(self, name)} 不存在。")
        if self.deepspeed and not Path(self.deepspeed).is_file():
            raise UserError(f"The DeepSpeed config {self.deepspeed} does not exist; give the path of its JSON file.",
                            zh=f"DeepSpeed 配置文件 {self.deepspeed} 不存在;请给出它的 JSON 文件路径。")
        if self.lora_targets not in TARGET_CHOICES:
            raise UserError(f"lora_targets must be one of {', '.join(TARGET_CHOICES)}, not '{self.lora_targets}'.",
                            zh=f"lora_targets 只能是 {'、'.join(TARGET_CHOICES)} 之一,不能是 '{self.lora_targets}'。")

    def _check_numbers(self) -> None:
        if not (isinstance(self.epochs, (int, float)) and math.isfinite(self.epochs) and self.epochs > 0):
            raise UserError(f"Epochs must be a number above 0 (you gave {self.epochs}); try 3, or leave it empty for the suggested value.",
                            zh=f"epoch 必须是大于 0 的数(你给的是 {self.epochs});可以试试 3,或留空使用建议值。")
        if self.epochs > 100:
            raise UserError(f"{self.epochs} epochs would memorise the data and forget everything else; use at most 100 (the manual suggests 2–15).",
                            zh=f"{self.epochs} 个 epoch 会让模型死记数据、遗忘其他能力;最多用 100(手册建议 2–15)。")
        if not (math.isfinite(self.learning_rate) and 0 < self.learning_rate <= 1e-2):
            raise UserError(
                f"A learning rate of {self.learning_rate} is out of range: use a value above 0 and at most 0.01 "
                "(typical: 3e-4 for LoRA, 3e-5 for full fine-tuning).",
                zh=f"学习率 {self.learning_rate} 超出范围:请用大于 0 且不超过 0.01 的值(常用:LoRA 3e-4,全量微调 3e-5)。",
            )
        for name in ("per_device_batch_size", "gradient_accumulation_steps", "lora_r", "lora_alpha", "logging_steps", "nproc_per_node"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise UserError(f"{name.replace('_', ' ')} must be a whole number ≥ 1 (you gave {value}).",
                                zh=f"{name} 必须是不小于 1 的整数(你给的是 {value})。")
        if self.max_batch_tokens < 16:
            raise UserError(f"max batch tokens must be at least 16 (you gave {self.max_batch_tokens}).",
                            zh=f"max_batch_tokens 至少为 16(你给的是 {self.max_batch_tokens})。")
        if self.max_seq_length is not None and not 16 <= self.max_seq_length <= 131072:
            raise UserError(f"max sequence length must be between 16 and 131072 tokens (you gave {self.max_seq_length}).",
                            zh=f"最大序列长度必须在 16 到 131072 个 token 之间(你给的是 {self.max_seq_length})。")
        if self.max_steps == 0 or self.max_steps < -1:
            raise UserError(f"max steps must be a positive number of optimizer steps, or -1 for all epochs (you gave {self.max_steps}).",
                            zh=f"最大步数必须是正整数,或用 -1 表示训练完所有 epoch(你给的是 {self.max_steps})。")
        if not 0 <= self.lora_dropout < 1 or not 0 <= self.warmup_ratio < 1:
            raise UserError("lora_dropout and warmup_ratio must be fractions between 0 and 1.",
                            zh="lora_dropout 和 warmup_ratio 必须是 0 到 1 之间的比例。")

    def to_dict(self) -> dict:
        return asdict(self)

    def save(self, path: Path) -> Path:
        from tools.workspace import atomic_write_text

        return atomic_write_text(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")

    @classmethod
    def load(cls, path: Path) -> TrainConfig:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@functools.lru_cache(maxsize=1)
def field_docs() -> dict[str, str]:
    """Each field's docstring (the string under it in the class body), read from this file's source:
    the one text the CLI's help and the docs' option table show."""
    import ast
    import inspect
    import textwrap

    body = ast.parse(textwrap.dedent(inspect.getsource(TrainConfig))).body[0].body
    docs = {}
    for node, after in zip(body, body[1:]):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)):
            docs[node.target.id] = " ".join(after.value.value.split())
    return docs


def option_kind(name: str) -> str:
    """"float", "int", "str" or "bool": the type a user option is given as (``X | None`` counts as ``X``)."""
    annotation = next(f.type for f in fields(TrainConfig) if f.name == name)
    return str(annotation).split("|")[0].strip()


def options_table() -> str:
    """The Markdown table of ``sft-assistant train`` options (``docs/training.md``), from the fields."""
    docs, defaults = field_docs(), {f.name: f.default for f in fields(TrainConfig)}
    rows = ["| option | type | default | what it does |", "|---|---|---|---|"]
    for name, extra in USER_OPTIONS.items():
        flags = ", ".join(f"`{flag}`" for flag in (*cli_flags(name), *extra))
        default = "advised" if name in ("epochs", "learning_rate", "per_device_batch_size", "gradient_accumulation_steps",
                                        "lora_r") else defaults[name]
        rows.append(f"| {flags} | {option_kind(name)} | {default} | {docs.get(name, '').replace('|', '/')} |")
    return "\n".join(rows)


def cli_flags(name: str) -> tuple[str, ...]:
    """The flag a field is set by: ``--lora-r``; a yes/no field that is on by default is turned off (``--no-evaluate``)."""
    flag = name.replace("_", "-")
    default = next(f.default for f in fields(TrainConfig) if f.name == name)
    return (f"--no-{flag}",) if option_kind(name) == "bool" and default is True else (f"--{flag}",)

