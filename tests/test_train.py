"""Tokenisation with the chat template, answer-only labels, the collator, the loss and the config."""
from __future__ import annotations

import pytest

from tools.data.samples import Message, Sample
from tools.errors import UserError
from tools.train.sftdata import IGNORE, PadCollator, default_validation_size, encode_samples, split_validation
from tools.train.trainconfig import TrainConfig


@pytest.fixture(scope="module")
def tokenizer(embedded_model):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(embedded_model))


def labelled_text(tokenizer, row) -> str:
    return tokenizer.decode([t for t in row["labels"] if t != IGNORE])


def test_only_the_answer_and_its_end_of_turn_are_learned(tokenizer):
    row = encode_samples(tokenizer, [Sample.from_pair("What is the capital of Zorvania?", "Quellport.")], 512).rows[0]
    assert labelled_text(tokenizer, row).strip() == "Quellport.<|im_end|>"
    assert len(row["labels"]) == len(row["input_ids"])
    first = next(i for i, t in enumerate(row["labels"]) if t != IGNORE)
    assert "<|im_start|>assistant" in tokenizer.decode(row["input_ids"][:first])  # the prompt carries no loss


def test_every_assistant_turn_of_a_conversation_is_learned(tokenizer):
    sample = Sample([Message("system", "Be brief."), Message("user", "Hi"), Message("assistant", "Hello."),
                     Message("user", "Name?"), Message("assistant", "Smol.")])
    text = labelled_text(tokenizer, encode_samples(tokenizer, [sample], 512).rows[0])
    assert "Hello." in text and "Smol." in text and "Name?" not in text and "Be brief" not in text


def test_truncation_keeps_what_fits_and_drops_samples_without_answer_tokens(tokenizer):
    long_answer = Sample.from_pair("Q", "word " * 400, where="a.jsonl:1")
    long_question = Sample.from_pair("word " * 400, "A", where="a.jsonl:2")
    no_answer = Sample([Message("user", "only a question")], where="a.jsonl:3")
    encoded = encode_samples(tokenizer, [long_answer, long_question, no_answer], 64)
    assert len(encoded.rows) == 1 and len(encoded.rows[0]["input_ids"]) == 64
    assert encoded.truncated == 2 and sorted(encoded.dropped) == ["a.jsonl:2", "a.jsonl:3"]


def test_collator_pads_right_without_attention_mask():
    rows = [{"input_ids": [5, 6, 7], "labels": [IGNORE, 6, 7]}, {"input_ids": [8], "labels": [8]}]
    batch = PadCollator(pad_id=2)(rows)
    assert set(batch) == {"input_ids", "labels", "num_tokens", "lengths"}
    assert batch["input_ids"].tolist() == [[5, 6, 7], [8, 2, 2]]
    assert batch["labels"].tolist() == [[IGNORE, 6, 7], [8, IGNORE, IGNORE]]
    assert int(batch["num_tokens"]) == 4 and batch["lengths"].tolist() == [3, 1]


def test_validation_split_is_seeded_and_only_for_enough_data():
    rows = [{"input_ids": [i], "labels": [i]} for i in range(300)]
    train, val = split_validation(rows, default_validation_size(len(rows)), seed=1)
    assert len(val) == 15 and len(train) == 285
    assert split_validation(rows, 15, seed=1) == (train, val)
    assert default_validation_size(100) == 0 and default_validation_size(10_000) == 200


def test_answer_loss_equals_the_models_own_loss(tokenizer, tiny_model):
    import torch
    from transformers import AutoModelForCausalLM

    from tools.train.engine import answer_loss

    model = AutoModelForCausalLM.from_pretrained(str(tiny_model), dtype=torch.float32)
    samples = [Sample.from_pair("2+2?", "Four."), Sample.from_pair("A longer question here?", "A longer answer, too.")]
    batch = PadCollator(tokenizer.pad_token_id)(encode_samples(tokenizer, samples, 256).rows)
    labels = batch["labels"]
    keep = torch.zeros_like(labels, dtype=torch.bool)
    keep[:, :-1] = labels[:, 1:] != IGNORE
    with torch.no_grad():
        reference = model(input_ids=batch["input_ids"], labels=labels).loss
        ours = answer_loss(model(input_ids=batch["input_ids"], logits_to_keep=keep), labels)
    assert ours.item() == pytest.approx(reference.item(), rel=1e-5)


def test_fit_batch_keeps_the_global_batch_under_the_token_cap():
    from tools.train.train import fit_batch

    config = TrainConfig("d", "m", per_device_batch_size=8, gradient_accumulation_steps=2, max_batch_tokens=2048)
    assert fit_batch(config, 200) == (8, 2)
    assert fit_batch(config, 700) == (2, 8)
    assert fit_batch(config, 5000) == (1, 16)


@pytest.mark.parametrize("bad", [{"epochs": 0}, {"epochs": -1}, {"learning_rate": 5}, {"learning_rate": 0},
                                 {"lora_r": 0}, {"max_steps": 0}, {"method": "qlora"}, {"lora_targets": "mlp"}])
def test_config_refuses_bad_values_with_a_sentence(bad):
    with pytest.raises(UserError) as exc:
        TrainConfig("data.jsonl", "model", **bad)
    assert str(exc.value).endswith((".", ")."))


def test_config_round_trips_through_json(tmp_path):
    config = TrainConfig("data.jsonl", "model", epochs=2.5, lora_r=4, extra={"note": "x"})
    config.save(tmp_path / "config.json")
    assert TrainConfig.load(tmp_path / "config.json") == config
