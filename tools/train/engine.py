"""The training step itself: ``SFTTrainer``, a ``transformers.Trainer`` that fills forward passes up to a token
budget, projects only the answer positions onto the vocabulary and runs under bf16 autocast where the CPU
multiplies in bf16; and ``answer_loss``, the cross-entropy it (and the LR probe) computes. The run around it
(config, checkpoints, state, stop and resume) is ``tools.train.train``.
"""
from __future__ import annotations

import contextlib

import torch
from transformers import Trainer

from tools.train.sftdata import IGNORE


class SFTTrainer(Trainer):
    """``Trainer`` that runs the forward pass under bf16 autocast, projects only the positions that have
    a label onto the vocabulary, and counts real (non-padding) tokens for the tokens/s metric.

    The output head of a small model is a large share of its work and memory: SmolLM2's 576 × 49,152
    head is 28M of its 135M parameters, and its logits take 49,152 × (2 + 4) bytes per position in bf16
    plus the fp32 copy the loss needs. Prompt and padding positions carry no loss, so we skip them
    (``logits_to_keep`` with a boolean mask) and compute the cross-entropy ourselves (``answer_loss``).
    """

    def __init__(self, *args, autocast: bool = True, max_batch_tokens: int | None = None, **kwargs):
        super().__init__(*args, compute_loss_func=answer_loss, **kwargs)
        self.autocast = autocast
        self.max_batch_tokens = max_batch_tokens
        self.real_tokens = 0

    def _get_train_sampler(self, train_dataset=None):
        """Each Trainer batch is one optimizer step's samples (per process), of similar length, in an
        order fixed by (seed, epoch) so a resumed run continues exactly where it stopped."""
        from tools.train.batching import LengthBucketSampler

        dataset = train_dataset if train_dataset is not None else self.train_dataset
        return LengthBucketSampler([len(r["input_ids"]) for r in dataset], self.args.train_batch_size, self.args.seed)

    def training_step(self, model, inputs, num_items_in_batch=None):
        """Forward and backward over token-budget micro-batches of the step (``tools.train.batching``).

        Why the gradient is right with a varying number of micro-batches of varying size: each
        micro-batch's loss is its summed cross-entropy ÷ the labelled tokens of the WHOLE step
        (``num_items_in_batch``, counted by Trainer over the step's batch), so the gradients add up to
        the gradient of the step's mean token loss, e.g. 600 + 400 tokens: 600/1000 · mean₁ + 400/1000 ·
        mean₂ = the mean over all 1000, however the 8 samples were cut.
        """
        if not self.max_batch_tokens or "lengths" not in inputs:
            return super().training_step(model, inputs, num_items_in_batch)
        from tools.train.batching import micro_batches

        chunks = micro_batches(inputs, self.max_batch_tokens)
        total = None
        for i, chunk in enumerate(chunks):
            # Only the last backward of the step needs to reduce gradients across processes.
            sync = contextlib.nullcontext() if i == len(chunks) - 1 else self.accelerator.no_sync(model)
            with sync:
                loss = super().training_step(model, chunk, num_items_in_batch)
            total = loss if total is None else total + loss
        return total

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        inputs.pop("lengths", None)
        n = inputs.pop("num_tokens", None)
        if n is not None and model.training:
            self.real_tokens += int(n)
        labels = inputs["labels"]
        keep = torch.zeros_like(labels, dtype=torch.bool)
        keep[:, :-1] = labels[:, 1:] != IGNORE  # position i predicts token i + 1
        inputs = {**inputs, "logits_to_keep": keep}
        with torch.autocast(self.args.device.type, dtype=torch.bfloat16, enabled=self.autocast):
            return super().compute_loss(model, inputs, return_outputs=return_outputs, num_items_in_batch=num_items_in_batch)


def answer_loss(outputs, labels, num_items_in_batch=None):
    """Cross-entropy over the kept positions (row-major, the order ``logits_to_keep`` flattens them in),
    summed and divided by the labelled tokens of the whole accumulated batch (Trainer's count), so
    long and short micro-batches weigh by their tokens."""
    shifted = labels[:, 1:]
    targets = shifted[shifted != IGNORE]
    loss = torch.nn.functional.cross_entropy(outputs["logits"].float(), targets, reduction="sum")
    return loss / (num_items_in_batch if num_items_in_batch is not None else max(1, targets.numel()))
