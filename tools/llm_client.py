"""A tiny client for an OpenAI-compatible chat endpoint (for CoT rationales).

Configured by the environment, like the OpenAI SDK: ``OPENAI_BASE_URL`` (e.g.
``http://127.0.0.1:8000/v1`` for vLLM/Ollama/llama.cpp, or a cloud API), ``OPENAI_API_KEY``
and ``SFT_LLM_MODEL`` (the model name to ask). Standard library only: ``tools/`` must not
depend on langchain, and one POST per sample needs nothing more.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
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
    return LLMConfig(values[0].rstrip("/"), values[1], values[2])


def chat(config: LLMConfig, messages: list[dict], temperature: float = 0.0, max_tokens: int = 512) -> str:
    """One non-streaming chat completion; returns the assistant's text or raises UserError."""
    body = json.dumps({"model": config.model, "messages": messages, "temperature": temperature,
                       "max_tokens": max_tokens, "stream": False}).encode()
    request = urllib.request.Request(
        f"{config.base_url}/chat/completions", data=body, method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {config.api_key}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=config.timeout_s) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:200]
        raise UserError(f"The model endpoint {config.base_url} answered HTTP {exc.code}: {detail}",
                        zh=f"模型服务 {config.base_url} 返回了 HTTP {exc.code}:{detail}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UserError(f"Cannot reach the model endpoint {config.base_url} ({reason}); check OPENAI_BASE_URL.",
                        zh=f"连不上模型服务 {config.base_url}({reason});请检查 OPENAI_BASE_URL。") from None
    except json.JSONDecodeError:
        raise UserError(f"The model endpoint {config.base_url} did not return JSON; is it OpenAI-compatible?",
                        zh=f"模型服务 {config.base_url} 返回的不是 JSON;它兼容 OpenAI 接口吗?") from None
    try:
        text = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise UserError(f"The model endpoint {config.base_url} returned no choices[0].message.content.",
                        zh=f"模型服务 {config.base_url} 的回复里没有 choices[0].message.content。") from None
    return (text or "").strip()
