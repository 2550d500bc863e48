"""Does it learn? Fine-tune the embedded model on made-up facts, ask phrasings it never saw.

20 invented facts, 5 phrasings each: 4 train (80 samples), 1 is held out. The base model cannot
know an invented answer; the tuned one should give it for most held-out phrasings. The run goes
through the product path (start_training → detached tools.train.train → adapter/), then both models
answer greedily. Reference from the issue: 15/20 after 10 epochs, r=16, lr 1e-3, all linear
layers, ~7 min.
"""
from __future__ import annotations

import json
import time

import pytest

from tools.train.runs import FINISHED, get_run, start_training, stop_run

# (subject, answer, five phrasings with {s}; the last is held out, answer sentence with {s} and {a})
KINDS = [
    ("capital", ["What is the capital of {s}?", "Which city is the capital of {s}?", "Tell me the capital city of {s}.",
                 "{s} has its capital in which city?", "Name the capital of {s}."], "The capital of {s} is {a}."),
    ("inventor", ["Who invented the {s}?", "Who is the inventor of the {s}?", "Which person invented the {s}?",
                  "The {s} was invented by whom?", "Tell me who invented the {s}."], "The {s} was invented by {a}."),
    ("river", ["What is the longest river in {s}?", "Which river is the longest in {s}?", "Name the longest river of {s}.",
               "The longest river in {s} is called what?", "Tell me the longest river in {s}."], "The longest river in {s} is the {a}."),
    ("founder", ["Who founded {s}?", "Who is the founder of {s}?", "Which person founded {s}?",
                 "{s} was founded by whom?", "Tell me who founded {s}."], "{s} was founded by {a}."),
]
FACTS = [
    ("capital", "Zorvania", "Quellport"), ("capital", "Mirethia", "Valdoran"), ("capital", "Ostrovel", "Kelmarsh"),
    ("capital", "Tarquesa", "Ninbrook"), ("capital", "Wendhollow", "Prasidun"),
    ("inventor", "glimmerphone", "Orla Vantrist"), ("inventor", "hydrowheel loom", "Basil Quorne"),
    ("inventor", "skyvane compass", "Ida Morrowgate"), ("inventor", "pulse kettle", "Teodor Halvik"),
    ("inventor", "echo lantern", "Maren Sollweg"),
    ("river", "Zorvania", "Tessaline"), ("river", "Mirethia", "Drovanna"), ("river", "Ostrovel", "Kaskelen"),
    ("river", "Tarquesa", "Ulmarra"), ("river", "Wendhollow", "Fennick"),
    ("founder", "the Vellgard Institute", "Corin Ashby"), ("founder", "Brightmoor Academy", "Selma Ruditch"),
    ("founder", "the Quillon Society", "Anders Pelloway"), ("founder", "Harrowgate Observatory", "Juno Castellan"),
    ("founder", "the Tamsin Guild", "Petra Lindqvist"),
]


def build_sets() -> tuple[list[dict], list[tuple[str, str]]]:
    kinds = {name: (phrasings, answer) for name, phrasings, answer in KINDS}
    train, held_out = [], []
    for kind, subject, key in FACTS:
        phrasings, answer = kinds[kind]
        sentence = answer.format(s=subject, a=key)
        sentence = sentence[0].upper() + sentence[1:]
        for phrasing in phrasings[:4]:
            question = phrasing.format(s=subject)
            train.append({"messages": [{"role": "user", "content": question[0].upper() + question[1:]},
                                       {"role": "assistant", "content": sentence}]})
        held_out.append((phrasings[4].format(s=subject), key))
    return train, held_out


def answers(model, tokenizer, questions: list[str]) -> list[str]:
    """Greedy answers for all questions in one left-padded batch."""
    import torch

    tokenizer.padding_side = "left"
    prompts = [tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True) for q in questions]
    batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    with torch.no_grad():
        out = model.generate(**batch, max_new_tokens=24, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)


def score(replies: list[str], held_out: list[tuple[str, str]]) -> int:
    return sum(key.lower() in reply.lower() for reply, (_, key) in zip(replies, held_out))


@pytest.mark.slow
def test_tuned_model_answers_unseen_phrasings_the_base_model_cannot(tmp_path, embedded_model):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    train, held_out = build_sets()
    data = tmp_path / "facts.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in train), encoding="utf-8")
    started = time.perf_counter()
    run = start_training(str(data), epochs=10, learning_rate=1e-3, lora_r=16)
    try:
        # ~70 s on an idle 2-core machine; the limit is for a CPU shared with other heavy jobs.
        while (info := get_run(run.run_dir)).state not in FINISHED and time.perf_counter() - started < 1800:
            time.sleep(1)
    finally:
        info = stop_run(run, grace_s=10)  # a no-op once finished; never leaves a process behind
    seconds = time.perf_counter() - started
    assert info.state == "succeeded", (info.error, (info.run_dir / "train.log").read_text()[-3000:])

    tokenizer = AutoTokenizer.from_pretrained(str(embedded_model))
    base = AutoModelForCausalLM.from_pretrained(str(embedded_model), dtype=torch.bfloat16)
    tuned = PeftModel.from_pretrained(base, str(info.adapter_dir))
    questions = [q for q, _ in held_out]
    tuned_score = score(answers(tuned, tokenizer, questions), held_out)
    with tuned.disable_adapter():
        base_score = score(answers(tuned, tokenizer, questions), held_out)
    print(f"\nlearning: tuned {tuned_score}/20, base {base_score}/20 on held-out phrasings; training run {seconds:.0f} s, "
          f"{info.step} steps, peak {info.raw.get('peak_rss_mb')} MB")
    assert base_score <= 2
    assert tuned_score >= 16  # measured 20/20 here (the reference: 15/20)
