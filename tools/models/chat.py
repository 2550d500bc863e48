"""Talk to a tuned model: load the base model plus a LoRA adapter, stream the reply.

``tools.models.adapters`` says which model; one is kept loaded at a time (a 135M model is ~0.3 GB in bf16, a 7B one ~14 GB):
asking for a different base model or adapter releases the previous one first. The base
model's own answer comes from the same loaded weights with the adapter switched off
(``PeftModel.disable_adapter``), or side by side as the second row of the tuned reply's batched
``generate`` (``stream_pair``), so side-by-side costs no second copy and little extra time. Generation holds a
lock because switching the adapter off is a change to shared state, and the CPU has
no spare cores for two generations at once anyway.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from tools.errors import UserError
from tools.models.adapters import ChatTarget
from tools.models.models import inference_dtype


@dataclass
class GenerationSettings:
    """How to sample a reply."""

    max_new_tokens: int = 256
    """Upper bound on generated tokens; 1 to 4096."""
    temperature: float = 0.0
    """0 means greedy (deterministic); otherwise sampling temperature, at most 2."""

    def __post_init__(self) -> None:
        if not 1 <= int(self.max_new_tokens) <= 4096:
            raise UserError(f"max new tokens must be between 1 and 4096, got {self.max_new_tokens}.")
        if not 0.0 <= float(self.temperature) <= 2.0:
            raise UserError(f"temperature must be between 0 and 2, got {self.temperature}.")


BUSY_TIMEOUT_S = 300


class _Loaded:
    """The one model in memory and its key; swapped under a lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: tuple[str, str | None] | None = None
        self.model = None
        self.tokenizer = None


_LOADED = _Loaded()


def loaded_key() -> tuple[str, str | None] | None:
    """Which (base model, adapter) is in memory now, for tests and the UI."""
    return _LOADED.key


def _ensure_loaded(target: ChatTarget) -> None:
    """Load ``target`` unless it is already in memory (call with the lock held)."""
    key = (target.base_model, target.adapter)
    # A base-only request is served by a loaded adapter model with the adapter off.
    if _LOADED.key == key or (target.adapter is None and _LOADED.key and _LOADED.key[0] == target.base_model):
        return
    release()
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(target.base_model)
    model = AutoModelForCausalLM.from_pretrained(target.base_model, dtype=inference_dtype(target.base_model))
    if target.adapter:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, target.adapter)
    model.eval()
    _LOADED.model, _LOADED.tokenizer, _LOADED.key = model, tokenizer, key



def load(target: ChatTarget) -> None:
    """Load ``target`` now (the first reply is then as fast as the others)."""
    with _LOADED.lock:
        _ensure_loaded(target)


def release() -> None:
    """Drop the loaded model so its memory can be reused."""
    _LOADED.model = _LOADED.tokenizer = _LOADED.key = None
    gc.collect()


def stream_reply(
    messages: list[dict],
    target: ChatTarget,
    settings: GenerationSettings | None = None,
    use_adapter: bool = True,
) -> Iterator[str]:
    """Yield the reply as it grows (each item is the whole text so far).

    ``messages`` are ``{"role", "content"}`` dicts; the prompt is built by the tokenizer's
    own chat template, so the tuned model sees the format it was trained on.
    """
    settings = settings or GenerationSettings()
    if not _LOADED.lock.acquire(timeout=BUSY_TIMEOUT_S):
        raise UserError(f"The chat model is still busy with another reply after {BUSY_TIMEOUT_S} s; try again in a moment.")
    try:
        try:
            _ensure_loaded(target)
        except (OSError, ValueError, RuntimeError, KeyError) as exc:
            release()
            raise UserError(f"Could not load {target.adapter or target.base_model}: {exc}") from exc
        model, tokenizer = _LOADED.model, _LOADED.tokenizer
        adapter_off = target.adapter is None and _LOADED.key[1] is not None
        if adapter_off or not use_adapter:
            if not hasattr(model, "disable_adapter"):
                yield from _generate(model, tokenizer, messages, settings)
                return
            with model.disable_adapter():
                yield from _generate(model, tokenizer, messages, settings)
        else:
            yield from _generate(model, tokenizer, messages, settings)
    finally:
        _LOADED.lock.release()


def whole_chars(text: str) -> str:
    """The text without a character cut in half at its end. A byte-level tokenizer splits a
    Chinese character over 2-3 tokens; a reply stopped by ``max_new_tokens`` between them
    decodes its last bytes as U+FFFD ("�"), which is no character of the reply."""
    return text.rstrip("\ufffd")


def _generate(model, tokenizer, messages: list[dict], settings: GenerationSettings) -> Iterator[str]:
    from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

    if not messages or messages[-1].get("role") != "user":
        raise UserError("The conversation must end with a user message to get a reply.")
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
    streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True, timeout=300)
    kwargs = dict(**inputs, streamer=streamer, max_new_tokens=int(settings.max_new_tokens), pad_token_id=tokenizer.eos_token_id)
    if settings.temperature > 0:
        kwargs.update(do_sample=True, temperature=float(settings.temperature))
    else:
        kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
    # When the reader walks away (the user pressed stop, the browser closed), generation
    # must end too, or it would keep the lock and the CPU busy for max_new_tokens steps.
    abandoned = threading.Event()

    class _Abandoned(StoppingCriteria):
        def __call__(self, input_ids, scores, **_):
            return abandoned.is_set()

    kwargs["stopping_criteria"] = StoppingCriteriaList([_Abandoned()])
    failure: list[BaseException] = []

    thread = _generate_in_thread(model, kwargs, streamer, failure)
    text = ""
    try:
        for piece in streamer:
            text += piece
            yield whole_chars(text)
    finally:
        abandoned.set()
        thread.join()
    if failure:
        raise UserError(f"Generation failed: {failure[0]}")


def stream_pair(
    tuned_messages: list[dict],
    base_messages: list[dict],
    target: ChatTarget,
    settings: GenerationSettings | None = None,
) -> Iterator[tuple[str, str]]:
    """Yield (tuned reply so far, base reply so far) for the side-by-side view.

    Both replies come from ONE batched ``generate`` on the one loaded model: peft's mixed-adapter
    batches (``adapter_names=["default", "__base__"]``) add the LoRA update to the tuned row only,
    so the two rows share every base-weight matmul and the KV-cached decoding loop. Each side keeps
    its own conversation (the two histories differ after the first turn), left-padded to one width.
    """
    settings = settings or GenerationSettings()
    if not _LOADED.lock.acquire(timeout=BUSY_TIMEOUT_S):
        raise UserError(f"The chat model is still busy with another reply after {BUSY_TIMEOUT_S} s; try again in a moment.",
                        zh=f"聊天模型在 {BUSY_TIMEOUT_S} 秒后仍在生成另一条回复,请稍后再试。")
    try:
        try:
            _ensure_loaded(target)
        except (OSError, ValueError, RuntimeError, KeyError) as exc:
            release()
            raise UserError(f"Could not load {target.adapter or target.base_model}: {exc}",
                            zh=f"无法加载 {target.adapter or target.base_model}:{exc}") from exc
        model, tokenizer = _LOADED.model, _LOADED.tokenizer
        extra = {}
        if hasattr(model, "disable_adapter"):  # an adapter is loaded: the base row goes without it
            extra["adapter_names"] = ["default" if target.adapter else "__base__", "__base__"]
        yield from _generate_rows(model, tokenizer, [tuned_messages, base_messages], settings, extra)
    finally:
        _LOADED.lock.release()


class _RowStreamer:
    """A ``generate`` streamer for several rows (transformers' text streamers take one): queues each
    step's new token ids, one per row; the first ``put`` (the prompts) is skipped."""

    def __init__(self, timeout: float):
        import queue

        self.queue, self.timeout, self.prompt_seen = queue.Queue(), timeout, False

    def put(self, value) -> None:
        if not self.prompt_seen:
            self.prompt_seen = True
            return
        self.queue.put(value.reshape(-1).tolist())

    def end(self) -> None:
        self.queue.put(None)

    def __iter__(self):
        while (item := self.queue.get(timeout=self.timeout)) is not None:
            yield item


def _generate_rows(model, tokenizer, conversations: list[list[dict]], settings: GenerationSettings, extra: dict) -> Iterator[list[str]]:
    """Generate a reply to each conversation in one batch; yield every row's text so far after each step."""
    from transformers import StoppingCriteria, StoppingCriteriaList

    if any(not c or c[-1].get("role") != "user" for c in conversations):
        raise UserError("The conversation must end with a user message to get a reply.",
                        zh="对话的最后一条必须是用户消息,才能得到回复。")
    prompts = [tokenizer.apply_chat_template(c, add_generation_prompt=True, tokenize=False) for c in conversations]
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    tokenizer.padding_side = "left"  # a batch of prompts ends together, where the replies start
    inputs = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    eos = model.generation_config.eos_token_id
    eos = set(eos if isinstance(eos, list) else [eos if eos is not None else tokenizer.eos_token_id])
    streamer, abandoned, failure = _RowStreamer(timeout=300), threading.Event(), []

    class _Abandoned(StoppingCriteria):
        def __call__(self, input_ids, scores, **_):
            return abandoned.is_set()

    kwargs = dict(**inputs, **extra, streamer=streamer, max_new_tokens=int(settings.max_new_tokens), pad_token_id=pad_id,
                  use_cache=True, stopping_criteria=StoppingCriteriaList([_Abandoned()]))
    if settings.temperature > 0:
        kwargs.update(do_sample=True, temperature=float(settings.temperature))
    else:
        kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)

    thread = _generate_in_thread(model, kwargs, streamer, failure)
    ids: list[list[int]] = [[] for _ in conversations]
    done = [False] * len(conversations)
    try:
        for step in streamer:
            for row, token in enumerate(step):
                done[row] = done[row] or token in eos  # after its end a row only gets padding
                if not done[row]:
                    ids[row].append(token)
            # Decoding the whole row each step keeps multi-byte characters whole; a cut one is held back.
            yield [whole_chars(tokenizer.decode(r, skip_special_tokens=True)) for r in ids]
    finally:
        abandoned.set()
        thread.join()
    if failure:
        raise UserError(f"Generation failed: {failure[0]}", zh=f"生成失败:{failure[0]}")


def _generate_in_thread(model, kwargs: dict, streamer, failure: list) -> threading.Thread:
    """Run ``model.generate(**kwargs)`` in a daemon thread that feeds ``streamer``; an exception is put
    in ``failure`` (the caller raises it in its own thread) and ends the stream."""
    import torch

    def work() -> None:
        try:
            with torch.inference_mode():
                model.generate(**kwargs)
        except BaseException as exc:  # surfaced by the caller, in its own thread
            failure.append(exc)
            streamer.end()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread
