"""Token-budget batching (tools/train/batching.py and tools/train/engine.py): steps of similar-length samples in a
seeded order, cut into micro-batches under a token budget without changing the gradient."""
from __future__ import annotations

import random

import pytest
import torch

from tools.data.samples import Sample
from tools.train.batching import LengthBucketSampler, micro_batches, split_by_tokens
from tools.train.sftdata import IGNORE, PadCollator, encode_samples
from tools.train.trainconfig import TrainConfig

_RNG = random.Random(7)
LENGTHS = [_RNG.randint(20, 900) for _ in range(203)]


def test_every_sample_once_per_epoch_in_steps_of_similar_length():
    sampler = LengthBucketSampler(LENGTHS, batch=8, seed=1)
    batches = sampler.batches()
    assert sorted(i for b in batches for i in b) == list(range(len(LENGTHS)))
    assert [len(b) for b in batches] == [8] * 25 + [3], "full batches first, the one short batch last"
    assert list(sampler) == [i for b in batches for i in b]

    def padding(groups):
        return sum(len(g) * max(LENGTHS[i] for i in g) - sum(LENGTHS[i] for i in g) for g in groups)

    shuffled = list(range(len(LENGTHS)))
    random.Random(3).shuffle(shuffled)
    random_batches = [shuffled[i:i + 8] for i in range(0, len(shuffled), 8)]
    assert padding(batches) < padding(random_batches) / 3, "bucketing should cut most of the padding"


def test_the_order_depends_only_on_seed_and_epoch():
    first = LengthBucketSampler(LENGTHS, batch=8, seed=1)
    again = LengthBucketSampler(LENGTHS, batch=8, seed=1)
    torch.manual_seed(123)
    random.seed(456)  # a resumed run's global random state differs: the order must not
    assert first.batches() == again.batches()
    first.set_epoch(1)
    assert first.batches() != again.batches(), "a new epoch, a new order"
    again.set_epoch(1)
    assert first.batches() == again.batches()
    assert LengthBucketSampler(LENGTHS, batch=8, seed=2).batches() != LengthBucketSampler(LENGTHS, batch=8, seed=1).batches()


def test_split_keeps_each_forward_pass_under_the_budget():
    chunks = split_by_tokens(LENGTHS, budget=2048)
    assert sorted(i for c in chunks for i in c) == list(range(len(LENGTHS)))
    for chunk in chunks:
        assert len(chunk) * max(LENGTHS[i] for i in chunk) <= 2048
    assert split_by_tokens([5000, 10], budget=2048) == [[0], [1]], "a sample over the budget goes alone"
    assert split_by_tokens([100] * 8, budget=2048) == [list(range(8))], "short samples share one pass"


def test_micro_batches_cut_rows_to_their_own_longest():
    rows = [{"input_ids": [1] * n, "labels": [2] * n} for n in (10, 3, 9, 2)]
    parts = micro_batches(PadCollator(pad_id=0)(rows), budget=20)
    assert [p["input_ids"].shape for p in parts] == [torch.Size([2, 10]), torch.Size([2, 3])]
    assert [int(p["num_tokens"]) for p in parts] == [19, 5]
    assert parts[1]["labels"].tolist() == [[2, 2, 2], [2, 2, IGNORE]]


@pytest.fixture(scope="module")
def rows(tiny_model):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tiny_model))
    samples = [Sample.from_pair(f"Question {i}: " + "why " * (3 * i), "Because " + "so " * (5 * i + 1)) for i in range(6)]
    return encode_samples(tokenizer, samples, 512).rows, tokenizer


def step_gradient(tiny_model, rows, tokenizer, tmp_path, budget):
    """The LoRA gradient of one optimizer step over all ``rows``, through SFTTrainer.training_step."""
    from tools.train.engine import SFTTrainer
    from tools.train.train import load_model, training_args

    torch.manual_seed(0)
    config = TrainConfig("d", str(tiny_model), per_device_batch_size=len(rows), max_batch_tokens=budget or 2048, save_steps=10)
    model = load_model(config, bf16=False)
    for name, p in model.named_parameters():  # B starts at 0 (no gradient reaches A): make both matter
        if "lora_B" in name:
            torch.nn.init.normal_(p, std=0.02)
    args = training_args(config, tmp_path, len(rows), False, torch.device("cpu"), max(len(r["input_ids"]) for r in rows))
    trainer = SFTTrainer(model=model, args=args, train_dataset=rows, data_collator=PadCollator(tokenizer.pad_token_id),
                         processing_class=tokenizer, autocast=False, max_batch_tokens=budget)
    batch = next(iter(trainer.get_train_dataloader()))
    items = int((batch["labels"][:, 1:] != IGNORE).sum())
    loss = trainer.training_step(trainer.model, batch, items)
    grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}
    return loss.item(), grads, len(micro_batches(batch, budget)) if budget else 1, trainer


def test_cut_step_has_the_gradient_of_the_whole_step(tiny_model, rows, tmp_path):
    rows, tokenizer = rows
    whole_loss, whole, passes, _ = step_gradient(tiny_model, rows, tokenizer, tmp_path, None)
    cut_loss, cut, cut_passes, trainer = step_gradient(tiny_model, rows, tokenizer, tmp_path, max(len(r["input_ids"]) for r in rows) + 1)
    assert passes == 1 and cut_passes > 2, "the budget must really cut the step"
    assert trainer.real_tokens == sum(len(r["input_ids"]) for r in rows), "every real token counted once"
    assert cut_loss == pytest.approx(whole_loss, rel=1e-5)
    for name, grad in whole.items():
        assert torch.allclose(cut[name], grad, rtol=1e-4, atol=1e-7), name


def test_the_trainer_feeds_whole_steps_from_the_bucket_sampler(tiny_model, rows, tmp_path):
    from tools.train.train import training_args

    rows, _ = rows
    config = TrainConfig("d", str(tiny_model), per_device_batch_size=2, gradient_accumulation_steps=2)
    args = training_args(config, tmp_path, len(rows), False, torch.device("cpu"), 100)
    assert (args.per_device_train_batch_size, args.gradient_accumulation_steps) == (4, 1), "one Trainer batch = the global batch"
    config = TrainConfig("d", str(tiny_model), per_device_batch_size=8, gradient_accumulation_steps=1, max_batch_tokens=2048)
    assert training_args(config, tmp_path, 100, True, torch.device("cpu"), 700).per_device_eval_batch_size == 2, \
        "evaluation batches still keep batch × longest ≤ the budget"
