"""Training batches: samples of similar length together, and every forward pass under a token budget.

Two pieces, used by ``tools.train.engine.SFTTrainer``:

- ``LengthBucketSampler`` orders one epoch so each optimizer step's samples (the global batch per
  process, ``batch`` samples) have similar lengths, so little of the step is padding. The order depends
  only on (seed, epoch), never on the global random state, so a run resumed from a checkpoint skips
  exactly the batches it already trained and sees the rest as the first run would have.
- ``split_by_tokens`` cuts one step's samples into micro-batches of at most ``budget`` padded tokens
  (count × longest), longest first: short samples share a forward pass, one long sample no longer
  shrinks every batch of the run. The number of micro-batches varies from step to step; the global
  batch (samples per optimizer step) stays what the run asked for.

No sample ever attends to another: each micro-batch is a padded rectangle, one sample per row.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

import torch

MEGA_BATCHES = 50  # like transformers' LengthGroupedSampler: sort within groups of up to 50 batches


class LengthBucketSampler(torch.utils.data.Sampler):
    """Indices of one epoch: batches of ``batch`` samples of similar length, batches in a seeded order.

    Shuffle, cut into groups of ``batch × k`` samples (k ≤ 50, and small enough that a small dataset
    still has ≥ 4 groups' worth of batches to shuffle), sort each group longest first, cut it into
    batches, then shuffle the full batches; the one short batch (if ``n`` is not a multiple of
    ``batch``) comes last so the DataLoader's fixed-size batching cuts exactly these batches.
    """

    def __init__(self, lengths: list[int], batch: int, seed: int):
        self.lengths, self.batch, self.seed, self.epoch = list(lengths), max(1, batch), seed, 0

    def set_epoch(self, epoch: int) -> None:
        """Called by Trainer (through accelerate) at the start of every epoch, resumed ones included."""
        self.epoch = epoch

    def batches(self) -> list[list[int]]:
        n, batch = len(self.lengths), self.batch
        rng = random.Random(self.seed * 1_000_003 + self.epoch)
        order = list(range(n))
        rng.shuffle(order)
        group = batch * max(1, min(MEGA_BATCHES, n // (batch * 4)))
        batches = []
        for start in range(0, n, group):
            ranked = sorted(order[start:start + group], key=lambda i: -self.lengths[i])
            batches += [ranked[j:j + batch] for j in range(0, len(ranked), batch)]
        full = [b for b in batches if len(b) == batch]
        rng.shuffle(full)
        return full + [b for b in batches if len(b) < batch]

    def __iter__(self) -> Iterator[int]:
        return iter([i for b in self.batches() for i in b])

    def __len__(self) -> int:
        return len(self.lengths)


def split_by_tokens(lengths: list[int], budget: int) -> list[list[int]]:
    """Positions of ``lengths`` (longest first) cut into chunks with count × longest ≤ ``budget``.

    A chunk always holds at least one sample (a sample longer than the budget goes alone).

    >>> split_by_tokens([300, 100, 900, 120], budget=1000)   # 900 alone; 300 × 3 = 900 ≤ 1000
    [[2], [0, 3, 1]]
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    chunks: list[list[int]] = []
    for i in order:
        if chunks and (len(chunks[-1]) + 1) * lengths[chunks[-1][0]] <= budget:
            chunks[-1].append(i)
        else:
            chunks.append([i])
    return chunks


def micro_batches(inputs: dict, budget: int) -> list[dict]:
    """One collated step (``input_ids``, ``labels``, ``lengths``, ``num_tokens``) → token-budget
    micro-batches, each cut to its own longest row. Other keys are left out."""
    lengths = inputs["lengths"].tolist()
    out = []
    for chunk in split_by_tokens(lengths, budget):
        width = max(lengths[i] for i in chunk)
        rows = torch.tensor(chunk)
        out.append({
            "input_ids": inputs["input_ids"][rows, :width], "labels": inputs["labels"][rows, :width],
            "num_tokens": torch.tensor(sum(lengths[i] for i in chunk)),
        })
    return out
