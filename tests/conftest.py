"""Shared fixtures. Tests are offline: no hub, no analytics, a private workspace."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SFT_SHARED", ROOT.parent / "shared"))
DATASETS = SHARED / "datasets"


@pytest.fixture(autouse=True)
def workspace(tmp_path, monkeypatch) -> Path:
    """Every test gets its own empty workspace ($SFT_HOME)."""
    home = tmp_path / "sft-home"
    monkeypatch.setenv("SFT_HOME", str(home))
    return home


@pytest.fixture
def shared_copy(tmp_path):
    """Copy a file from ../shared/datasets into the test's temp dir (the originals are never touched)."""

    def _copy(relative: str, into: Path | None = None) -> Path:
        src = DATASETS / relative
        if not src.exists():
            pytest.fail(f"shared dataset missing: {src}")
        dest_dir = into or tmp_path / "data"
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = dest_dir / src.name
        shutil.copyfile(src, dest)
        return dest

    return _copy


@pytest.fixture(scope="session")
def embedded_model() -> Path:
    """The converted embedded model folder (converted once per cache, reused after)."""
    from tools.models.models import prepare_embedded

    return prepare_embedded().path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, embedded_model) -> Path:
    """A randomly initialised 2-layer Llama with the embedded model's tokenizer and chat template:
    trains in milliseconds per step, for tests of the training machinery (not of learning)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer, LlamaConfig

    folder = tmp_path_factory.mktemp("tiny-model")
    tokenizer = AutoTokenizer.from_pretrained(str(embedded_model))
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=2048,
                         tie_word_embeddings=True, bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id)
    AutoModelForCausalLM.from_config(config).save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """One app server for the tests that need no launch setting of their own and no file route blocked
    for their own workspace (those use ``served`` in test_app.py). Each test still gets its own
    workspace: the app reads $SFT_HOME per request, and the autouse ``workspace`` fixture sets it."""
    import socket

    from ui import webapp

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SFT_HOME", str(tmp_path_factory.mktemp("shared-server") / "sft-home"))
        demo = webapp.build_app()
        webapp.launch(demo, port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def pytest_collection_modifyitems(config, items):
    """Mark every test that serves the Gradio app (the ``served`` or ``app_url`` fixture) as ``server``, so
    the fast local lane (``bash scripts/dev.sh fast``: not slow, not browser, not server) can leave them out."""
    for item in items:
        if {"served", "app_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)
