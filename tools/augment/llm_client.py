"""One chat completion from an OpenAI-compatible endpoint (CoT rationales, the LLM judge), through the
``openai`` SDK: its timeouts, and its retries with exponential backoff on 408/409/429/5xx and lost
connections, so a rate limit slows a batch down instead of silently skipping samples.

Configured by the environment, like the SDK itself: ``OPENAI_BASE_URL`` (e.g.
``http://127.0.0.1:8000/v1`` for vLLM/Ollama/llama.cpp, or a cloud API), ``OPENAI_API_KEY``
and ``SFT_LLM_MODEL`` (the model name to ask). ``tools/`` does not depend on langchain.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from tools.errors import UserError

ENV_VARS = ("OPENAI_BASE_URL", "OPENAI_API_KEY", "SFT_LLM_MODEL")


@dataclass
class LLMConfig:
    base_url: str
    """Endpoint root, up to and including ``/v1``; ``/chat/completions`` is appended."""
    api_key: str
    """Sent as ``Authorization: Bearer …``; local servers accept any non-empty value."""
    model: str
    """Model name the endpoint serves."""
    timeout_s: float = 120.0
    """Per request; a rationale is a few hundred tokens."""
    max_retries: int = 4
    """Retries after a 408/409/429/5xx answer or a lost connection, with the SDK's exponential backoff
    (about 0.5, 1, 2, 4 s, or what the server's Retry-After asks)."""

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise UserError(f"OPENAI_BASE_URL must start with http:// or https:// (got '{self.base_url}').",
                            zh=f"OPENAI_BASE_URL 必须以 http:// 或 https:// 开头(现在是 '{self.base_url}')。")
        if self.timeout_s <= 0:
            raise UserError("The LLM timeout must be positive.", zh="大模型请求的超时时间必须大于 0。")


def config_from_env() -> LLMConfig | None:
    """The configured endpoint, or None when any of the three variables is unset."""
    values = [os.environ.get(name, "").strip() for name in ENV_VARS]
    if not all(values):
        return None
    retries = os.environ.get("SFT_LLM_MAX_RETRIES", "").strip()
    return LLMConfig(values[0].rstrip("/"), values[1], values[2],
                     max_retries=int(retries) if retries.isdigit() else LLMConfig.max_retries)


@functools.lru_cache(maxsize=4)
def _client(base_url: str, api_key: str, timeout_s: float, max_retries: int):
    """One SDK client (and its connection pool) per endpoint, reused across the samples of a batch."""
    import openai

    return openai.OpenAI(base_url=base_url, api_key=api_key, timeout=timeout_s, max_retries=max_retries)


def chat(config: LLMConfig, messages: list[dict], temperature: float = 0.0, max_tokens: int = 512) -> str:
    """One non-streaming chat completion; returns the assistant's text or raises UserError (after the retries)."""
    import openai

    client = _client(config.base_url, config.api_key, config.timeout_s, config.max_retries)
    try:
        response = client.chat.completions.create(model=config.model, messages=messages, temperature=temperature,
                                                  max_tokens=max_tokens, stream=False)
    except openai.APIStatusError as exc:
        detail = (exc.message or "")[:200]
        raise UserError(f"The model endpoint {config.base_url} answered HTTP {exc.status_code}: {detail}",
                        zh=f"模型服务 {config.base_url} 返回了 HTTP {exc.status_code}:{detail}") from None
    except openai.APIConnectionError as exc:  # includes timeouts
        raise UserError(f"Cannot reach the model endpoint {config.base_url} ({exc.message}); check OPENAI_BASE_URL.",
                        zh=f"连不上模型服务 {config.base_url}({exc.message});请检查 OPENAI_BASE_URL。") from None
    except openai.APIError:
        raise UserError(f"The model endpoint {config.base_url} did not answer as an OpenAI-compatible API does.",
                        zh=f"模型服务 {config.base_url} 的回复不符合 OpenAI 接口;它兼容 OpenAI 接口吗?") from None
    choices = getattr(response, "choices", None) or []
    if not choices or choices[0].message is None:
        raise UserError(f"The model endpoint {config.base_url} returned no choices[0].message.content.",
                        zh=f"模型服务 {config.base_url} 的回复里没有 choices[0].message.content。")
    return (choices[0].message.content or "").strip()
