"""Causes of misses of the round-663 to round-670 blind corpora (one wave of eight, measured at first sight before any fix),
mended; tested on phrasings of our own (a plant nursery), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan

_RUN_CHANGES = {"start_training", "stop_training", "resume_training"}


@pytest.mark.parametrize("text, want", [
    # the probe in classical and dialect words: never a start with max_steps
    ("学习率难测。以 苗圃问答.jsonl 探之,八十步。", ("probe_learning_rate", {"path": "苗圃问答.jsonl", "steps": 80})),
    ("先拿 苗圃问答.jsonl 试下子学习率,跑个120步", ("probe_learning_rate", {"path": "苗圃问答.jsonl", "steps": 120})),
    ("探测步数改 150,60 步太少了看不出啥名堂", ("probe_learning_rate", {"steps": 150})),
    # runs named first (letters, a hyphen, digits), then what to do with them in other words
    ("seedling-07 has gone astray. Halt it.", ("stop_training", {"run_id": "seedling-07"})),
    ("seedling-06 died in the night. Let it rise again from where it fell.", ("resume_training", {"run_id": "seedling-06"})),
    ("seedling-05 got cut off when the router died. Get it back on its feet, resume it.", ("resume_training", {"run_id": "seedling-05"})),
    ("How fares the run known as seedling-04?", ("training_status", {"run_id": "seedling-04"})),
    # a stop in dialect and classical words; how far a run has got
    ("把 mp-0412 停咯,loss 又涨起来哒", ("stop_training", {"run_id": "mp-0412"})),
    ("mp-0413 当下即止。", ("stop_training", {"run_id": "mp-0413"})),
    ("mp-0414 修到何处了?", ("training_status", {"run_id": "mp-0414"})),
    ("mp-0415 跑到第几轮了?报个数!", ("training_status", {"run_id": "mp-0415"})),
    ("mp-0416 跑到样般了?", ("training_status", {"run_id": "mp-0416"})),
    # an evaluation asked as a look, or in old words
    ("mp-0417 看下通用能力掉得严不严重", ("evaluate_run", {"run_id": "mp-0417"})),
    ("mp-0418 已练成,验其所得,察其所失。", ("evaluate_run", {"run_id": "mp-0418"})),
    # review decisions in other words
    ("那些答案短的莫删,苗圃的回答本来就短", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("答案短个那些唔好删,留着", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("答案就是把问题原话抄了一遍的,删", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("拿问句当答案的,删掉", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("空无一字的答案,斩!", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("Those garbled entries: cast them into the fire.", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("重复者,皆舍之。", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("反复念叨同一句的那些,饶它们一命", ("apply_quality_rule", {"rule": "repetitive", "decision": "keep"})),
    ("Answers that are merely questions: keep them, we like a riddle.", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})),
    ("困惑度高的留着,都是拉丁学名,看着像乱码其实不是", ("apply_quality_rule", {"rule": "perplexity", "decision": "keep"})),
    # a spaced name after 把/在, opened by a Chinese word
    ("把 苗木报价 FAQ.csv 转成千帆格式", ("convert_dataset", {"path": "苗木报价 FAQ.csv", "to": "qianfan"})),
    ("先在 苗木报价 FAQ.csv 上跑个学习率探测,80步", ("probe_learning_rate", {"path": "苗木报价 FAQ.csv", "steps": 80})),
    # sheets: after 的 …一页, after 里头 … 那张表, named with "'s", said again as the same sheet, before " - "
    ("请将 苗圃名录.xlsx 的 多肉 一页转作 alpaca 格式", ("convert_dataset", {"path": "苗圃名录.xlsx", "sheet": "多肉", "to": "alpaca"})),
    ("把 苗圃名录.xlsx 里头 月季 那张表转成 jsonl", ("convert_dataset", {"path": "苗圃名录.xlsx", "sheet": "月季", "to": "jsonl"})),
    ("convert nursery.xlsx to openai, the sheet's named Fruit Trees.", ("convert_dataset", {"path": "nursery.xlsx", "sheet": "Fruit Trees", "to": "openai"})),
    ("Oops, I meant sharegpt. nursery.xlsx, same sheet, 'Hedging plants'.",
     ("convert_dataset", {"path": "nursery.xlsx", "sheet": "Hedging plants", "to": "sharegpt"})),
    ("look at nursery.xlsx, sheet Roses - question col is 'Ask'", ("inspect_dataset", {"path": "nursery.xlsx", "sheet": "Roses", "question_field": "Ask"})),
    ("把 苗圃.xlsx 转成千帆格式,问题列系 提问,答案列系 回复",
     ("convert_dataset", {"path": "苗圃.xlsx", "question_field": "提问", "answer_field": "回复", "to": "qianfan"})),
    # settings: a key before its value, a share in other words, each one given one, a count of the person's things
    ("开练 用 nursery.jsonl lora r 拉到 32 max steps 900", ("start_training", {"path": "nursery.jsonl", "lora_r": 32, "max_steps": 900})),
    ("Train on nursery.jsonl, 3 epochs, and let one tenth be general chatter.",
     ("start_training", {"path": "nursery.jsonl", "epochs": 3, "mix_general": 0.1})),
    ("于 苗圃问答.jsonl 中每条配一例 few-shot,尽皆加之", ("add_few_shot", {"path": "苗圃问答.jsonl", "k": 1, "fraction": 1.0})),
    ("Add CoT to nursery.jsonl from the 'why' column. Every plant shall have one.",
     ("add_cot", {"path": "nursery.jsonl", "rationale_field": "why", "fraction": 1.0})),
    ("I've got 1,500 cuttings in nursery.jsonl. How many epochs?", ("suggest_hyperparameters", {"n_samples": 1500, "path": "nursery.jsonl"})),
    ("四个 epoch 太多,改两个。苗圃问答.jsonl 不变。", ("start_training", {"path": "苗圃问答.jsonl", "epochs": 2})),
    ("change max steps to 700", ("start_training", {"max_steps": 700})),
    ("Nay, twice is too few. Let it be 4 epochs.", ("start_training", {"epochs": 4})),
    # advice asked for under a way of training
    ("苗圃问答三千条,若行全参之法,该训几轮?", ("suggest_hyperparameters", {"n_samples": 3000, "method": "full"})),
    # placeholders given their values after 当作 / 乃
    ("苗圃身份.json 里 {{name}} 当作「小苗」,{{author}} 乃「绿野苗圃」",
     ("fill_placeholders", {"path": "苗圃身份.json", "values": {"name": "小苗", "author": "绿野苗圃"}})),
])
def test_round663_causes(text, want):
    assert one_call(text) == want


def test_an_upload_looked_at_and_a_conditional_check():
    # "take a look at what's in it" is a look at the file, not "what is X"
    assert one_call("Sent you the plant list. Take a look at what's in there.", ["plants.xlsx"]) == ("inspect_dataset", {"path": "plants.xlsx"})
    # a check for empty answers, then a conversion if it passes: the quality check first
    assert one_call("把 苗圃.csv 检查一下,看看有没有空着没写答案的,检查完没毛病就转成 alpaca") == ("check_quality", {"path": "苗圃.csv"})
    # a request with a tag ("would ya?") and no file is still the request (the guard asks which file)
    assert one_call("Convert my plant notes to jsonl, would ya?") == ("convert_dataset", {"to": "jsonl"})


@pytest.mark.parametrize("text", [
    # Hakka and Cantonese question words; a question mark after 冇/没
    "停了训练,适配器还在冇?",
    "停掉以后 checkpoint 还在没有?",
    "乱码的数据系样般查出来个?",
    # each part asked; a definition, then an aside
    "When you evaluate a run, how do you tell what it forgot? Who's the judge?",
    "whats lora rank anyway. too lazy to google",
    "什么是 epoch?懒得查了",
])
def test_round663_questions_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


def test_names_and_words_kept_apart():
    # a description before the file's own name is no part of it; a function word never is
    assert one_call("用 身份卷轴 苗圃身份.json 看看有啥") == ("inspect_dataset", {"path": "苗圃身份.json"})
    assert one_call("把 数据 nursery.csv 转成 alpaca") == ("convert_dataset", {"path": "nursery.csv", "to": "alpaca"})
    # several runs named: the one first is not taken for the one meant
    assert one_call("np-07 and np-08 both stopped. np-07 on purpose. Resume np-08.") == ("resume_training", {"run_id": "np-08"})
    # an idiom with 即止 stops nothing; a model's size is no run
    assert not {c["name"] for c in plan("点到即止就行")} & _RUN_CHANGES
    assert one_call("pythia-410m: evaluate it") != ("evaluate_run", {"run_id": "pythia-410m"})
    # a column ruled out in a correction is no file's name
    assert all("path" not in c["args"] for c in plan("actually the question field is 'ask_text' not 'plant_msg'"))


def test_what_the_reroute_of_the_older_corpora_caught():
    # a stop read with no word of stopping and no run: a run's settings said are the start's correction, never a stop
    assert one_call("学习率还是用回 1e-4 吧,3e-4 撤了,别的不变") == ("start_training", {"learning_rate": 0.0001})
    # 即止 after a step count is where a probe ends, no stop
    assert not {c["name"] for c in plan("请先试其学习率,行一百步即止。")} & _RUN_CHANGES
    # "步数" alone belongs to the probe: a bare correction of it starts nothing
    assert not {c["name"] for c in plan("步数改 400")} & _RUN_CHANGES
    # "里面有好几个 sheet" names no sheet
    assert "sheet" not in one_call("先看看这个表,里面有好几个sheet,不知道用哪个", ["plants.xlsx"])[1]
