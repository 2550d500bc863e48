"""Samples → token ids with the tokenizer's chat template, loss on the answers only, and a collator.

Why it looks like this (measured on this CPU, see bench/bench_train.py):
- Right padding and labels of -100 on padding and prompts let a causal model train WITHOUT an
  attention mask: a real token only attends to earlier tokens, which are never padding. Passing a
  mask would knock attention off its fast causal path (-22% tokens/s).
- Batches hold samples of similar length (``tools.train.batching``) so short SFT samples do not pay
  for the padding of a long neighbour, and each forward pass stays under a token budget; no
  sample ever attends to another.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tools.data.samples import Sample
from tools.errors import UserError

IGNORE = -100  # the label value torch's cross-entropy skips


@dataclass
class Encoded:
    """What ``encode_samples`` made of a list of samples."""

    rows: list[dict] = field(default_factory=list)
    """{"input_ids": [...], "labels": [...]} per kept sample, in input order."""

    truncated: int = 0
    """Samples cut at the maximum length (they keep what fits)."""

    dropped: list[str] = field(default_factory=list)
    """``where`` of samples left out because no answer token survived truncation."""

    @property
    def lengths(self) -> list[int]:
        return [len(r["input_ids"]) for r in self.rows]


def read_samples(path: str) -> list[Sample]:
    """The samples of a dataset file, through the one reader (``tools.data.formats.read_dataset``)."""
    from tools.data.formats import read_dataset

    return read_dataset(str(path)).samples


def render(tokenizer, messages: list[dict], add_generation_prompt: bool = False, tools: list | None = None) -> str:
    return tokenizer.apply_chat_template(messages, tools=tools, tokenize=False, add_generation_prompt=add_generation_prompt)


def answer_spans(tokenizer, sample: Sample) -> tuple[str, list[tuple[int, int]]]:
    """The chat text of ``sample`` and the character spans of its assistant turns.

    A span runs from the end of the rendered prompt (generation prompt included) to the end of
    the rendered turn, so the end-of-turn token is learned too and the model learns to stop.
    Templates that rewrite earlier turns (the rendered prefix is not a prefix of the whole) get
    the loss on the last answer only.
    """
    messages, tools = sample.chat_inputs(tokenizer)  # function calls and tool schemas too (issue 11)
    text = render(tokenizer, messages, tools=tools)
    spans = []
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        start = render(tokenizer, messages[:i], add_generation_prompt=True, tools=tools)
        end = render(tokenizer, messages[: i + 1], tools=tools)
        if text.startswith(start) and text.startswith(end) and len(end) > len(start):
            spans.append((len(start), len(end)))
    if not spans:
        start = render(tokenizer, messages[:-1], add_generation_prompt=True, tools=tools)
        if not text.startswith(start):
            raise UserError(f"The chat template of this model cannot mark where the answer starts in {sample.where or 'a sample'}.")
        spans = [(len(start), len(text))]
    return text, spans


def encode_samples(tokenizer, samples: list[Sample], max_len: int) -> Encoded:
    """Tokenise with the chat template; labels are the token ids inside answer spans, -100 elsewhere.

    "<|im_start|>user\\nHi<|im_end|>\\n<|im_start|>assistant\\n" gets -100 …; "Hello<|im_end|>\\n" keeps its ids.
    """
    texts, spans, out = [], [], Encoded()
    for sample in samples:
        if not sample.answer:
            out.dropped.append(sample.where or "?")
            continue
        text, sample_spans = answer_spans(tokenizer, sample)
        texts.append((sample, text))
        spans.append(sample_spans)
    if not texts:
        return out
    # One batched call on the fast tokenizer; offsets map each token back to characters.
    enc = tokenizer([t for _, t in texts], add_special_tokens=False, return_offsets_mapping=True)
    for (sample, _), ids, offsets, sample_spans in zip(texts, enc["input_ids"], enc["offset_mapping"], spans):
        labels = [tok if any(a <= s < b for a, b in sample_spans) else IGNORE for tok, (s, _) in zip(ids, offsets)]
        if len(ids) > max_len:
            out.truncated += 1
            ids, labels = ids[:max_len], labels[:max_len]
        if all(label == IGNORE for label in labels):
            out.dropped.append(sample.where or "?")
            continue
        out.rows.append({"input_ids": ids, "labels": labels})
    return out


def split_validation(rows: list[dict], size: int, seed: int) -> tuple[list[dict], list[dict]]:
    """A seeded random hold-out of ``size`` rows; the rest train."""
    import random

    if size <= 0:
        return rows, []
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    held = set(order[:size])
    return [r for i, r in enumerate(rows) if i not in held], [rows[i] for i in sorted(held)]


def default_validation_size(n: int) -> int:
    """5% of the data, at most 200, and only when that leaves ≥ 10 to evaluate (n ≥ 200)."""
    size = min(200, n // 20)
    return size if size >= 10 else 0


class PadCollator:
    """Right-pad a batch to its longest row; no attention mask (see the module docstring).

    Adds ``num_tokens`` (real, non-padding tokens in the batch) for the tokens/s metric and
    ``lengths`` (each row's real length) so the trainer can cut the batch into token-budget
    micro-batches (``tools.train.batching``); the trainer pops both before the forward pass.
    """

    def __init__(self, pad_id: int, pad_to_multiple_of: int = 1):
        self.pad_id = pad_id
        self.multiple = pad_to_multiple_of

    def __call__(self, rows: list[dict]) -> dict:
        import torch

        longest = max(len(r["input_ids"]) for r in rows)
        width = -(-longest // self.multiple) * self.multiple  # round up to the multiple
        ids = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
        labels = torch.full((len(rows), width), IGNORE, dtype=torch.long)
        for i, row in enumerate(rows):
            n = len(row["input_ids"])
            ids[i, :n] = torch.tensor(row["input_ids"])
            labels[i, :n] = torch.tensor(row["labels"])
        lengths = torch.tensor([len(r["input_ids"]) for r in rows])
        return {"input_ids": ids, "labels": labels, "num_tokens": lengths.sum(), "lengths": lengths}
