"""Which language model drives the agent: the offline model (the default) or any
OpenAI-compatible endpoint with tool calling (OpenAI, DeepSeek, Qwen/DashScope,
Qianfan, vLLM, Ollama's ``/v1``).

The choice comes from the environment, or from settings the UI passes for one chat
session (:meth:`BackendSettings.from_dict`). A stray ``OPENAI_API_KEY`` alone never
sends a conversation off the machine: the OpenAI path is taken only when
``SFT_LLM_BACKEND=openai``, or when ``OPENAI_BASE_URL`` or ``SFT_LLM_MODEL`` is set and
``SFT_LLM_BACKEND`` is not ``offline``.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from tools.errors import UserError

KINDS = ("offline", "openai")
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


@dataclass(frozen=True)
class BackendSettings:
    kind: str = "offline"
    """``offline`` (our own tool-routing model, no network) or ``openai`` (an OpenAI-compatible endpoint)."""
    base_url: str | None = None
    """The endpoint's base URL ending in ``/v1`` (e.g. ``https://api.deepseek.com/v1``); None = api.openai.com."""
    api_key: str | None = None
    """The endpoint's key; local servers (vLLM, Ollama) accept any non-empty string."""
    model: str | None = None
    """The model name the endpoint knows (``deepseek-chat``, ``qwen-plus``, ``llama3.1``…)."""
    temperature: float = 0.0
    """Sampling temperature; 0 keeps tool choice as repeatable as the endpoint allows."""
    timeout_s: float = 60.0
    """Seconds to wait for one model response before the turn fails with a sentence."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise UserError(f"Unknown assistant backend '{self.kind}'; use one of: {', '.join(KINDS)}.")
        if self.base_url and not self.base_url.startswith(("http://", "https://")):
            raise UserError(f"The model endpoint '{self.base_url}' must start with http:// or https://.")
        if not 0.0 <= self.temperature <= 2.0:
            raise UserError(f"Temperature {self.temperature} is out of range; use a value from 0 to 2.")
        if self.timeout_s <= 0:
            raise UserError("The model timeout must be a positive number of seconds.")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> BackendSettings:
        """``SFT_LLM_BACKEND``, ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``SFT_LLM_MODEL``,
        ``SFT_LLM_TEMPERATURE`` (see the module docstring for how the kind is chosen)."""
        env = os.environ if env is None else env
        explicit = (env.get("SFT_LLM_BACKEND") or "").strip().lower()
        base_url = env.get("OPENAI_BASE_URL") or None
        model = env.get("SFT_LLM_MODEL") or None
        kind = explicit or ("openai" if (base_url or model) else "offline")
        if kind == "offline":
            return cls()
        return cls(kind=kind, base_url=base_url, api_key=env.get("OPENAI_API_KEY") or None, model=model,
                   temperature=float(env.get("SFT_LLM_TEMPERATURE") or 0.0))

    @classmethod
    def from_dict(cls, values: Mapping) -> BackendSettings:
        """Settings from the UI (unknown keys ignored, empty strings treated as unset)."""
        names = {f for f in cls.__dataclass_fields__}
        clean = {k: v for k, v in values.items() if k in names and v not in ("", None)}
        return cls(**clean)

    def describe(self) -> str:
        """A one-line description that never shows the key."""
        if self.kind == "offline":
            return "offline assistant model (no network)"
        return f"{self.model_name()} at {self.base_url or 'https://api.openai.com/v1'}"

    def model_name(self) -> str:
        return self.model or DEFAULT_OPENAI_MODEL

    def to_dict(self) -> dict:
        """For display and logs: the key is masked."""
        out = asdict(self)
        out["api_key"] = "***" if self.api_key else None
        return out


def make_chat_model(settings: BackendSettings):
    """The langchain chat model for ``settings`` (imports the heavy parts lazily)."""
    if settings.kind == "offline":
        from assistant.offline import OfflineChatModel

        return OfflineChatModel()
    return _openai_model(settings)


def _openai_model(settings: BackendSettings):
    from langchain_openai import ChatOpenAI

    api_key = settings.api_key
    if not api_key:
        if not settings.base_url:
            raise UserError("The OpenAI backend needs a key: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server).")
        api_key = "not-needed"  # vLLM and Ollama ignore the key but the client insists on one
    # One retry only: a wrong URL or key should fail the turn in seconds, not minutes.
    return ChatOpenAI(model=settings.model_name(), base_url=settings.base_url, api_key=api_key,
                      temperature=settings.temperature, timeout=settings.timeout_s, max_retries=1)
