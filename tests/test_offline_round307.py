"""Causes of the misses in the round-307 to round-310 blind corpora (measured at first sight at 5503529, then mended);
tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


@pytest.mark.parametrize("text, tool, args", [
    ("学习率我在 1e-4 和 3e-4 之间纠结,还是用 3e-4 吧,menu.jsonl 开训", "start_training", {"path": "menu.jsonl", "learning_rate": 0.0003}),
    ("每个样本 3 个例子还是 5 个?5 个吧,给 menu.jsonl 里 20% 的数据加 few-shot", "add_few_shot", {"path": "menu.jsonl", "k": 5, "fraction": 0.2}),
    ("Either 2 or 4 epochs... going with 2. Start training on menu.jsonl.", "start_training", {"path": "menu.jsonl", "epochs": 2}),
    ("CoT on 50 samples or 200? 200 it is, for menu.jsonl.", "add_cot", {"path": "menu.jsonl", "n_samples": 200}),
    ("之前 few-shot 加了 5%,效果一般(准确率 52.4%),这次给 menu.jsonl 加到 30%", "add_few_shot", {"path": "menu.jsonl", "fraction": 0.3}),
    ("上次探测才跑了 200 步,这次给 menu.jsonl 跑 1200 步再测一次", "probe_learning_rate", {"path": "menu.jsonl", "steps": 1200}),
    ("混合通用数据之前是 5%,这次 mix 调到 15%,用 menu.jsonl 开训", "start_training", {"path": "menu.jsonl", "mix_general": 0.15}),
    ("Few-shot was k=2 with accuracy 48.5%. Bump to k=5 on menu.jsonl, 40% of records.", "add_few_shot", {"path": "menu.jsonl", "k": 5, "fraction": 0.4}),
    ("CoT samples: had 60, want 300 now for menu.jsonl.", "add_cot", {"path": "menu.jsonl", "n_samples": 300}),
    ("The probe on menu.jsonl showed best lr ~2e-4 after 100 steps; run it again for 600 steps.", "probe_learning_rate", {"path": "menu.jsonl", "steps": 600}),
    ("刚才说 r=8,改一下,lora_r 用 64", "start_training", {"lora_r": 64}),
    ("Sorry, I said max_steps 400 earlier - it should be 1200.", "start_training", {"max_steps": 1200}),
    ("menu.jsonl 一共 6,400 条,拿 1.5k 条做思维链,理由在 why 列", "add_cot", {"path": "menu.jsonl", "n_samples": 1500, "rationale_field": "why"}),
    ("LR range test on menu.jsonl, 2 500 steps", "probe_learning_rate", {"path": "menu.jsonl", "steps": 2500}),
    ("train on menu.jsonl:\nmax_steps 4 000\nlr 5e-5", "start_training", {"path": "menu.jsonl", "max_steps": 4000, "learning_rate": 5e-05}),
    ("冲突的那些下午我找主厨确认,现在先把空答案的都删掉", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("I'll check the conflicts with the chef later, but right now drop all the short answers", "apply_quality_rule", {"rule": "short_answer", "decision": "drop"}),
    ("Remember: keep your answers short. Now take a look at menu.xlsx, sheet 'Lunch'", "inspect_dataset", {"path": "menu.xlsx", "sheet": "Lunch"}),
    ("答案本身又是一个问句的那些记录,请删除", "apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"}),
    ("sorry, the mix should be 10% not 20%", "start_training", {"mix_general": 0.1}),
    ("查一下训练任务 20031 的进度", "training_status", {"run_id": "20031"}),
    ("Grand so, add few-shot to menu.jsonl, 2 examples a sample", "add_few_shot", {"path": "menu.jsonl", "k": 2}),
    ("Mia checked her phone and asked the assistant how run menu-cx-14 was doing.", "training_status", {"run_id": "menu-cx-14"}),
    ("这份 identity.json 是从 https://gitee.com/xx/menu-bot 拉下来的,帮我列一下里面有哪些占位符", "fill_placeholders", {"path": "identity.json"}),
])
def test_options_last_time_and_spaced_numbers(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_persons_own_name_fills_nothing():
    assert plan("Just remember my name's Mia, that's all for now") == []


def test_a_question_keeps_its_numbers():
    assert one_call("train loss 从 2.1 降到 0.04 了,这算过拟合吗?") == ("explain", {"question": "train loss 从 2.1 降到 0.04 了,这算过拟合吗?"})
