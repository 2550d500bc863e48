"""Hyperparameter advice with the reasons and the arithmetic shown (manual: 选择SFT的超参数).

The manual's rules:
- epochs matter more than LR: 100 samples → 15 epochs, 1,000 → 10, 10,000 → 2 (we interpolate on
  log N between these anchors; 15–20 below 100 samples, 1–2 above 10,000);
- raise the global batch through gradient accumulation (32, 64) as data grows;
- LoRA takes a larger learning rate than full fine-tuning (Qianfan presets: 3e-4 vs 3e-5);
- measured, not the manual: a model under 1B parameters (the embedded one) learns with LoRA at 2e-3 in a
  third of the manual's epochs (``SMALL_MODEL_*``; the advice shows both);
- many epochs on little data forget general ability: mix general data in if that matters.
"""
from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tools.errors import UserError
from tools.train.trainconfig import TOKENS_PER_MICRO_BATCH

# (samples, epochs): the manual's three anchors plus the ends of its ranges (15–20 below 100
# samples, 1–2 above 10,000) so the curve is defined everywhere and never rises with N.
EPOCH_ANCHORS = [(10, 20), (100, 15), (1_000, 10), (10_000, 2), (100_000, 1)]
LEARNING_RATES = {"lora": 3e-4, "full": 3e-5}  # Qianfan's presets
SMALL_MODEL_PARAMS = 1_000_000_000
"""Below this many parameters (the embedded SmolLM2-135M) LoRA uses the calibrated settings below."""
SMALL_MODEL_LORA_LR = 2e-3
SMALL_MODEL_EPOCH_SCALE = 1 / 3
"""Chosen by measurement on the embedded model, not by the manual: the learning rate and epochs that
generalised best on made-up facts scored on phrasings never trained on (``bench/bench_lr_sweep.py``; the
table is in docs/benchmarks.md). Other sizes scale the manual's curve by the same third (not measured)."""
MAX_SEQ_CAP = 2048  # longer samples are truncated: memory and time grow with length (attention ~ L²)


@dataclass
class Advice:
    """Suggested settings; ``reasons`` explain each with its arithmetic, ``warnings`` flag risks."""

    n_samples: int
    method: str
    epochs: int
    learning_rate: float
    per_device_batch_size: int
    gradient_accumulation_steps: int
    global_batch_size: int
    optimizer_steps: int
    num_devices: int = 1
    lora_r: int | None = None
    lora_alpha: int | None = None
    lora_targets: str | None = None
    max_seq_length: int | None = None
    token_lengths: dict | None = None
    estimate: dict | None = None
    """Training time on this machine (``tools.train.estimate``), when the data's token lengths are known."""
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reasons_zh: list[str] = field(default_factory=list)
    warnings_zh: list[str] = field(default_factory=list)

    def why(self, en: str, zh: str) -> None:
        """Add a reason in English and Chinese (the assistant answers in the user's language)."""
        self.reasons.append(en)
        self.reasons_zh.append(zh)

    def warn(self, en: str, zh: str) -> None:
        self.warnings.append(en)
        self.warnings_zh.append(zh)

    def to_dict(self) -> dict:
        """Everything: the issue's keys first, then the details (LoRA, lengths, steps)."""
        brief = self.brief()
        return {**brief, **{k: v for k, v in asdict(self).items() if k not in brief}}

    def brief(self) -> dict:
        """Exactly the keys ``sft-assistant suggest --json`` prints (issue 5)."""
        keys = ("epochs", "learning_rate", "per_device_batch_size", "gradient_accumulation_steps", "global_batch_size", "reasons", "warnings")
        return {k: getattr(self, k) for k in keys}


def interpolated_epochs(n: int) -> float:
    """The manual's curve for ``n`` samples: its anchors exactly, log-N interpolation between them
    (to one decimal, as the reasons show it).

    >>> interpolated_epochs(316)  # halfway between 100 and 1,000 on a log scale: (15 + 10) / 2
    12.5
    """
    if n <= EPOCH_ANCHORS[0][0]:
        return EPOCH_ANCHORS[0][1]
    for (n0, e0), (n1, e1) in zip(EPOCH_ANCHORS, EPOCH_ANCHORS[1:]):
        if n <= n1:
            t = (math.log(n) - math.log(n0)) / (math.log(n1) - math.log(n0))
            return round(e0 + (e1 - e0) * t, 1)
    return EPOCH_ANCHORS[-1][1]


def suggest_epochs(n: int) -> int:
    """Epochs for ``n`` samples: the interpolated curve rounded to a whole number (half up), since
    a run trains whole passes over the data.

    >>> [suggest_epochs(n) for n in (100, 1000, 10000)]
    [15, 10, 2]
    >>> suggest_epochs(316)  # 12.5 on the curve → 13
    13
    """
    return max(1, math.floor(interpolated_epochs(n) + 0.5))


def suggest_global_batch(n: int) -> int:
    """8 for small sets, rising to 32/64 as data grows (never more than the data itself)."""
    batch = 8 if n < 500 else 16 if n < 2_000 else 32 if n < 10_000 else 64
    while batch > 1 and batch > n:
        batch //= 2
    return batch


def suggest(n_samples: int | None = None, path: str | None = None, method: str = "lora",
            num_devices: int = 1, base_model: str | None = None) -> Advice:
    """Advice for ``n_samples`` samples, or for the dataset at ``path`` (its size and token lengths)."""
    if method not in LEARNING_RATES:
        raise UserError(f"method must be 'lora' or 'full', not '{method}'.",
                        zh=f"method 只能是 'lora' 或 'full',不能是 '{method}'。")
    lengths = None
    if path is not None:
        lengths = dataset_token_lengths(path, base_model)
        n_samples = len(lengths)
    if n_samples is None:
        raise UserError("Give a number of samples (--samples N) or a dataset file to base the advice on.",
                        zh="请给出样本数(--samples N)或一个数据集文件,建议要以它为依据。")
    if n_samples < 1:
        raise UserError(f"There must be at least one sample to train on (got {n_samples}).",
                        zh=f"至少要有一条样本才能训练(你给的是 {n_samples})。")
    if num_devices < 1:
        raise UserError(f"The number of devices must be at least 1 (got {num_devices}).",
                        zh=f"设备数至少为 1(你给的是 {num_devices})。")
    advice = _base_advice(n_samples, method, num_devices, max(lengths) if lengths else None, is_small_model(base_model))
    if lengths:
        _add_lengths(advice, lengths)
        _add_estimate(advice, sum(lengths) / len(lengths))
    _add_warnings(advice)
    return advice


def _add_estimate(advice: Advice, mean_tokens: float) -> None:
    """The time the advised run takes here, with its arithmetic and where the speed comes from."""
    from tools.train.estimate import estimate, minutes

    est = estimate(advice.optimizer_steps, advice.global_batch_size, mean_tokens)
    advice.estimate = est.to_dict()
    basis_en = f"measured in your run {est.run_id}" if est.basis == "last_run" else "a typical 2-core CPU figure: no run measured yet"
    basis_zh = f"取自你的运行 {est.run_id} 的实测速度" if est.basis == "last_run" else "按常见双核 CPU 速度估计:还没有实测过"
    advice.why(
        f"Time for {advice.epochs} epochs here ≈ {minutes(est.seconds)}: {advice.optimizer_steps:,} steps × {advice.global_batch_size} samples × "
        f"{mean_tokens:.0f} tokens ≈ {est.tokens:,.0f} tokens ÷ {est.tokens_per_s:.0f} tokens/s ({basis_en}) = "
        f"{minutes(est.training_s)} of training, plus about {minutes(est.overhead_s)} to load the model and evaluate the run.",
        f"{advice.epochs} 个 epoch 在本机预计耗时 ≈ {minutes(est.seconds, 'zh')}:{advice.optimizer_steps:,} 步 × {advice.global_batch_size} 条 × "
        f"{mean_tokens:.0f} token ≈ {est.tokens:,.0f} token ÷ {est.tokens_per_s:.0f} token/秒({basis_zh})= "
        f"{minutes(est.training_s, 'zh')} 训练,另加约 {minutes(est.overhead_s, 'zh')} 加载模型和评估。",
    )


def model_parameters(base_model: str | None) -> int | None:
    """About how many parameters a local model has, from its config.json (embeddings + per-layer attention
    and MLP weights), without loading it; None when there is no readable config."""
    import json

    from tools.models.models import resolve_base_model

    try:
        cfg = json.loads((Path(resolve_base_model(base_model)) / "config.json").read_text(encoding="utf-8"))
        hidden, layers = int(cfg["hidden_size"]), int(cfg["num_hidden_layers"])
        inter, vocab = int(cfg.get("intermediate_size") or 4 * hidden), int(cfg.get("vocab_size") or 0)
    except (OSError, ValueError, KeyError, TypeError, UserError):
        return None
    return vocab * hidden + layers * (4 * hidden * hidden + 3 * hidden * inter)


def is_small_model(base_model: str | None) -> bool:
    params = model_parameters(base_model)
    return params is not None and params < SMALL_MODEL_PARAMS


def _base_advice(n: int, method: str, devices: int, longest: int | None, small: bool = False) -> Advice:
    manual_epochs = suggest_epochs(n)
    epochs = max(1, round(manual_epochs * SMALL_MODEL_EPOCH_SCALE)) if small and method == "lora" else manual_epochs
    target = suggest_global_batch(n)
    per_device = 8
    if longest:  # keep one forward pass within the token budget: budget ÷ longest, a power of two, 1–8
        per_device = max(1, min(8, 2 ** int(math.log2(max(1, TOKENS_PER_MICRO_BATCH // min(longest, MAX_SEQ_CAP))))))
    per_device = max(1, min(per_device, target // devices))  # several devices share the target batch
    accumulation = max(1, target // (per_device * devices))
    global_batch = per_device * accumulation * devices
    steps = math.ceil(n * epochs / global_batch)
    lr = SMALL_MODEL_LORA_LR if small and method == "lora" else LEARNING_RATES[method]
    advice = Advice(n, method, epochs, lr, per_device, accumulation, global_batch, steps, devices)
    manual_en, manual_zh = _epoch_reason(n, manual_epochs)
    if epochs != manual_epochs:  # the manual's rule is shown, then what this model measured
        manual_en = manual_en.replace(f"Epochs {manual_epochs}:", f"Manual: {manual_epochs} epochs —", 1)
        manual_zh = manual_zh.replace(f"Epoch {manual_epochs}:", f"手册:{manual_epochs} 个 epoch——", 1)
    advice.why(manual_en, manual_zh)
    if epochs != manual_epochs:
        manual_steps = math.ceil(n * manual_epochs / global_batch)
        advice.why(
            f"Epochs {epochs}, not the manual's {manual_epochs}: measured on the embedded model, LoRA at {lr:g} learns as much in a "
            f"third of the manual's epochs (made-up facts, 80 samples, phrasings never trained on: 5 epochs → 20/20 English, "
            f"19/20 Chinese; bench/bench_lr_sweep.py). {manual_epochs} epochs would take {manual_steps:,} steps instead of "
            f"{steps:,} and forget more; pass --epochs {manual_epochs} to follow the manual.",
            f"Epoch {epochs},而不是手册的 {manual_epochs}:在内置模型上实测,LoRA 用 {lr:g} 时,手册轮数的三分之一就能学到同样多"
            f"(虚构事实 80 条,用从未训练过的问法测:5 个 epoch → 英文 20/20、中文 19/20;bench/bench_lr_sweep.py)。"
            f"{manual_epochs} 个 epoch 要 {manual_steps:,} 步而不是 {steps:,} 步,遗忘也更多;想按手册来请传 --epochs {manual_epochs}。",
        )
    advice.why(
        f"Global batch {global_batch} = {per_device} per device × {accumulation} accumulation step(s) × {devices} device(s): "
        f"larger data takes larger batches (the manual raises accumulation to 32/64), which also smooths the gradient.",
        f"全局 batch {global_batch} = 每卡 {per_device} × 梯度累积 {accumulation} × {devices} 张卡:数据越多 batch 越大"
        f"(手册建议把累积步数提到 32/64),梯度也更平稳。",
    )
    if longest and per_device < 8:
        advice.why(
            f"Per-device batch {per_device}: a forward pass holds at most {TOKENS_PER_MICRO_BATCH:,} padded tokens (memory), "
            f"and the longest sample has {longest:,}: {TOKENS_PER_MICRO_BATCH:,} ÷ {longest:,} → {per_device} (a power of two).",
            f"每卡 batch {per_device}:一次前向最多容纳 {TOKENS_PER_MICRO_BATCH:,} 个(含填充的)token,最长样本 {longest:,} 个:"
            f"{TOKENS_PER_MICRO_BATCH:,} ÷ {longest:,} → {per_device}(取 2 的幂)。",
        )
    advice.why(f"Optimizer steps = {n:,} samples × {epochs} epochs ÷ {global_batch} = {steps:,}.",
               f"优化步数 = {n:,} 条 × {epochs} 个 epoch ÷ {global_batch} = {steps:,}。")
    if method == "lora" and small:
        advice.lora_r, advice.lora_alpha, advice.lora_targets = 16, 32, "all-linear"
        advice.why(
            f"Learning rate {lr:g}: measured on the embedded model (under 1B parameters), where Qianfan's LoRA preset 3e-4 "
            "learns too slowly (14/20 unseen phrasings after 16 epochs) and 2e-3 learns the same facts in 5 epochs; "
            "the manual raises the rate for LoRA, and small models take a higher one still.",
            f"学习率 {lr:g}:在内置模型(不到 10 亿参数)上实测,千帆的 LoRA 预设 3e-4 学得太慢(16 个 epoch 后新问法 14/20 对),"
            "2e-3 只要 5 个 epoch 就学会同样的事实;手册说 LoRA 可适当增大学习率,小模型还要更大一些。",
        )
    elif method == "lora":
        advice.lora_r, advice.lora_alpha, advice.lora_targets = 16, 32, "all-linear"
        advice.why(
            f"Learning rate {lr:g}: LoRA trains only small adapters, so it takes about 10× the full fine-tuning rate "
            "(Qianfan presets: 3e-4 for LoRA, 3e-5 for full).",
            f"学习率 {lr:g}:LoRA 只训练小的适配器,可用约 10 倍于全量微调的学习率(千帆预设:LoRA 3e-4,全量 3e-5)。",
        )
        advice.why("LoRA r=16, alpha=32 on all linear layers: adapting the MLPs too learns new facts much faster than attention alone.",
                   "LoRA r=16、alpha=32,作用于所有线性层:连 MLP 一起适配,比只改注意力层更快学会新知识。")
    else:
        advice.why(f"Learning rate {lr:g}: full fine-tuning moves every weight, so it takes a small rate (Qianfan preset 3e-5).",
                   f"学习率 {lr:g}:全量微调会改动所有权重,需要较小的学习率(千帆预设 3e-5)。")
    return advice


def _epoch_reason(n: int, epochs: float) -> tuple[str, str]:
    """Why this many epochs, in English and Chinese."""
    for (n0, e0), (n1, e1) in zip(EPOCH_ANCHORS, EPOCH_ANCHORS[1:]):
        if n in (n0, n1) and n in (100, 1_000, 10_000):
            return (f"Epochs {epochs}: the manual's rule for {n:,} samples; few samples need more passes to converge.",
                    f"Epoch {epochs}:手册的规则({n:,} 条数据 → {epochs} 个 epoch);数据越少,越需要多轮才能收敛。")
        if n0 < n < n1:
            formula = (f"{e0} + ({e1} − {e0}) × log({n:,}/{n0:,})/log({n1:,}/{n0:,}) ≈ {interpolated_epochs(n)}"
                       f"{'' if interpolated_epochs(n) == epochs else f' → {epochs}'}")
            return (f"Epochs {epochs}: {n:,} samples lies between the anchors {n0:,} → {e0} and {n1:,} → {e1} epochs; "
                    f"interpolated on log N: {formula} (a whole number of passes).",
                    f"Epoch {epochs}:{n:,} 条介于手册的锚点 {n0:,} → {e0} 与 {n1:,} → {e1} 之间,按 log N 插值:{formula}"
                    f"(取整数轮)。")
    edge = "10 or fewer" if n <= EPOCH_ANCHORS[0][0] else "100,000 or more"
    edge_zh = "不超过 10 条" if n <= EPOCH_ANCHORS[0][0] else "10 万条以上"
    return (f"Epochs {epochs}: with {edge} samples the advice stays at the end of the manual's range.",
            f"Epoch {epochs}:数据{edge_zh}时,取手册范围的端点。")


def _add_lengths(advice: Advice, lengths: list[int]) -> None:
    ordered = sorted(lengths)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    longest = ordered[-1]
    max_len = min(MAX_SEQ_CAP, -(-longest // 64) * 64)  # the longest sample, rounded up to a multiple of 64
    advice.max_seq_length = max_len
    advice.token_lengths = {"min": ordered[0], "mean": round(sum(ordered) / len(ordered), 1), "p95": p95, "max": longest}
    mean = advice.token_lengths["mean"]
    advice.why(
        f"Max sequence length {max_len}: the longest sample is {longest} tokens with the chat template (p95 {p95}, mean "
        f"{mean}); rounded up to a multiple of 64, capped at {MAX_SEQ_CAP}.",
        f"最大序列长度 {max_len}:套用对话模板后最长样本 {longest} 个 token(p95 {p95},平均 {mean}),"
        f"向上取整到 64 的倍数,上限 {MAX_SEQ_CAP}。",
    )
    cut = sum(1 for n in lengths if n > max_len)
    if cut:
        advice.warn(f"{cut} sample(s) are longer than {max_len} tokens and will be truncated; shorten or split them.",
                    f"有 {cut} 条样本超过 {max_len} 个 token,会被截断;请缩短或拆分。")


SMALL_MACHINE_CORES = 4
"""At or below this many cores one training run saturates the machine: runs queue (tools/train/runlock.py)."""


def _add_warnings(advice: Advice) -> None:
    n, epochs = advice.n_samples, advice.epochs
    if n < 100:
        advice.warn(
            f"Only {n} samples: {epochs} epochs will make the model memorise them (over-fitting) and can make it forget "
            "general abilities. The manual's remedy: mix general-purpose instruction data into the training set (e.g. a few "
            "hundred general samples; `train --mix-general 10%` mixes the base model's own general answers), and add more phrasings of each question (instruction templates) to reach ≥ 100.",
            f"只有 {n} 条样本:{epochs} 个 epoch 会让模型死记硬背(过拟合),也可能遗忘通用能力。手册的办法:在训练集中混入"
            "通用指令数据(例如几百条;`train --mix-general 10%` 会混入基座模型自己的通用回答),并用指令模板为每个问题增加说法,使样本达到 100 条以上。",
        )
    elif epochs >= 10:
        advice.warn(
            f"{epochs} epochs on {n:,} samples can cost some general ability; if that matters, mix general data in "
            "(the manual's remedy: `train --mix-general 10%`, or the general-data share in the form) or use fewer epochs.",
            f"在 {n:,} 条样本上训练 {epochs} 个 epoch 可能损失一些通用能力;若在意,请混入通用数据(手册的办法:`train --mix-general 10%`,或表单里的通用数据比例)或减少 epoch。",
        )
    cores = os.cpu_count() or 1
    if cores <= SMALL_MACHINE_CORES:
        advice.warn(
            f"This machine has {cores} CPU core(s): one run uses all of them (and about 2.7 GB for the embedded model), "
            "so a second run waits in the queue until the first ends; start it anyway only if the machine has room.",
            f"这台机器只有 {cores} 个 CPU 核心:一次训练会用满所有核心(内置模型约占 2.7 GB 内存),所以第二个训练会排队,"
            "等第一个结束再开始;只有机器资源充足时才选择“仍然开始”。",
        )
    if advice.method == "full":
        advice.warn("Full fine-tuning needs ~4× the model's size in memory for weights, gradients and Adam states; LoRA is the usual choice.",
                    "全量微调需要约 4 倍模型大小的内存(权重、梯度和 Adam 状态);通常选 LoRA。")


def dataset_token_lengths(path: str, base_model: str | None = None) -> list[int]:
    """Tokens per usable sample with the base model's chat template (answers included)."""
    from tools.models.models import load_tokenizer
    from tools.train.sftdata import encode_samples, read_samples

    samples = read_samples(path)
    encoded = encode_samples(load_tokenizer(base_model), samples, max_len=10**9)
    if not encoded.rows:
        raise UserError(f"{path} has no sample with an answer; each record needs a question and a non-empty answer.",
                        zh=f"{path} 里没有带答案的样本;每条记录都需要问题和非空的答案。")
    return encoded.lengths
