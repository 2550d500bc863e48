"""Causes of misses of the round-535 to round-550 blind corpora (two waves, each measured at first sight before any fix of its
own, then mended); tested on phrasings of our own (a lighthouse museum's visitor desk), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, dictated, focus
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    # lettered options, then a letter alone picks one; what is said before the options stays
    ("beacon-run-3: A) stop it B) tell me how far it got. B", ("training_status", {"run_id": "beacon-run-3"})),
    ("beacon-run-4 现在:A) 停掉 B) 看下进度 —— B", ("training_status", {"run_id": "beacon-run-4"})),
    ("Garbled rows: A) drop B) keep. B.", ("apply_quality_rule", {"rule": "garbled", "decision": "keep"})),
    # a star before a word on the same line puts the word before it right
    ("convert lamp_qa.csv to alpaca *sharegpt", ("convert_dataset", {"path": "lamp_qa.csv", "to": "sharegpt"})),
    ("空答案删掉 *保留,空答案先都留着", ("apply_quality_rule", {"rule": "empty_answer", "decision": "keep"})),
    # a Chinese file name after a time clause or a modal verb glued in front, or one that opens with a verb-like word
    ("开训之前拿灯塔讲解问答.csv先探一下学习率", ("probe_learning_rate", {"path": "灯塔讲解问答.csv"})),
    ("刚才检查的文件搞错了,应该查灯塔讲解_v2.xlsx", ("check_quality", {"path": "灯塔讲解_v2.xlsx"})),
    ("给查档须知QA.jsonl加两成few-shot", ("add_few_shot", {"path": "查档须知QA.jsonl", "fraction": 0.2})),
    # words mixed up with ours
    ("用 lamp_qa.jsonl 跑个劳拉训练,轮回设成 6", ("start_training", {"path": "lamp_qa.jsonl", "epochs": 6})),
    ("check lamp_qa.jsonl and give me the perplexion score too", ("check_quality", {"path": "lamp_qa.jsonl", "ppl": True})),
    ("刚查出来的近亲重复都删了吧", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("900 rows, how many epics with Laura?", ("suggest_hyperparameters", {"n_samples": 900, "method": "lora"})),
    ("Do an LR sniff test on lamp_qa.jsonl, 120 steps", ("probe_learning_rate", {"path": "lamp_qa.jsonl", "steps": 120})),
    ("Train lamp_qa.jsonl 5 times over", ("start_training", {"path": "lamp_qa.jsonl", "epochs": 5})),
    # the epoch count put right after the one said, its unit left out; the manual's count is not the person's
    ("12个epoch太多了,lamp_qa.jsonl 改成7", ("start_training", {"path": "lamp_qa.jsonl", "epochs": 7})),
    ("The manual says 2 epochs for 10k rows. Not buying it: train on lamp_qa.jsonl with 3.",
     ("start_training", {"path": "lamp_qa.jsonl", "epochs": 3})),
    ("手册说 100 条用 15 个 epoch,我觉得太多,就用 lamp_qa.jsonl 跑 9 个", ("start_training", {"path": "lamp_qa.jsonl", "epochs": 9})),
    # of several files or runs, the newest, the biggest number, the cleaned one, the one with a told count
    ("lamp_0312.jsonl 和 lamp_0618.jsonl,日期新的那个做质量检查", ("check_quality", {"path": "lamp_0618.jsonl"})),
    ("status of the run with the bigger number: beacon-41, beacon-47", ("training_status", {"run_id": "beacon-47"})),
    ("讲解词_清洗前.xlsx 和 讲解词_清洗后.xlsx,用清洗过的那个转 jsonl", ("convert_dataset", {"path": "讲解词_清洗后.xlsx", "to": "jsonl"})),
    ("old.jsonl (800 rows) and new.jsonl (2,400 rows): convert the 2,400-row one to alpaca",
     ("convert_dataset", {"path": "new.jsonl", "to": "alpaca"})),
    # questions answered by the person in turn, then the step
    ("重复的要不要删?要。完全一样的那种?对。lamp_qa.csv 刚才已经查过了,直接删。",
     ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop", "path": "lamp_qa.csv"})),
    ("The short answers the check found: would you keep them? Yes? OK, keep them.",
     ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("刚才那条我是不是说反了?说反了。乱码的不是删,是留", ("apply_quality_rule", {"rule": "garbled", "decision": "keep"})),
    # permission asked, meaning the request
    ("Is it okay if I drop the placeholder answers the check found?", ("apply_quality_rule", {"rule": "placeholder", "decision": "drop"})),
    # a crossed-out value, then the ticked one; a value said as what is wanted
    ("❌ alpaca ✅ openai", ("convert_dataset", {"to": "openai"})),
    ("Hmm, A) jsonl was wrong, B) qianfan is what I need. B.", ("convert_dataset", {"to": "qianfan"})),
    # a sheet put right with nothing before it is looked at again
    ("no, the 'Keepers' sheet, not Visitors", ("inspect_dataset", {"sheet": "Keepers"})),
    # the run a worry names, resumed when the worry is answered
    ("续 beacon-run-9 会不会从头跑?不会的话就接着训", ("resume_training", {"run_id": "beacon-run-9"})),
    # a short training run said as a sanity run
    ("now do a quick sanity run on lamp_qa.jsonl, 50 steps max", ("start_training", {"path": "lamp_qa.jsonl", "max_steps": 50})),
    # other words for a rule: a conflict described, "get rid", "didn't mean drop"
    ("同一个问题答案却不一样的那些先别删", ("apply_quality_rule", {"rule": "conflict", "decision": "keep"})),
    ("empty answers, get rid", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("No, I didn't mean drop the short answers. Keep them.", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    # a count of a problem the check reports is the check; the method ruled out by "don't want"
    ("看看 lamp_qa.csv 里有几个是空答案", ("check_quality", {"path": "lamp_qa.csv"})),
    ("No full fine-tuning, I don't want full. LoRA, 1,500 examples: epochs?", ("suggest_hyperparameters", {"n_samples": 1500, "method": "lora"})),
])
def test_round535_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "ppl 这个分数是咋算出来的",
    "答案只有两个字算质量问题吗?",
    "I'm not asking you to do anything yet. Does the near-duplicate check compare answers too?",
    "Does the quality check remove the duplicates itself or only flag them?",
    "Which copy of a duplicate does it keep by default? I'd like to know.",
    "近似重复是何物?还请细细说清楚。",
    "手册上说 100 条能训 15 遍,是这个意思吧?",
    "am I better off with 8,000 noisy rows or 800 clean ones?",
    "Does converting lamp_qa.xlsx overwrite the original? Tell me before I decide.",
    "倘若混入三成通用语料,于讲解效果有何影响,请予分析。",
    "如果 100 条跑 40 个 epoch 会怎样?A) 更好 B) 过拟合 —— 我猜B",
])
def test_questions_never_act(text):
    assert all(c["name"] == "explain" for c in plan(text)), plan(text)


@pytest.mark.parametrize("text, want", [
    # several files, a step for each: the one to start with
    ("lamp_a.csv 先看看结构,lamp_b.jsonl 跑质检,lamp_c.xlsx 转 alpaca,按这个顺序来", ("inspect_dataset", {"path": "lamp_a.csv"})),
    ("Three files: keeper_a.csv, convert to xlsx; keeper_b.csv, quality check; keeper_c.csv, just look. Start with b.",
     ("check_quality", {"path": "keeper_b.csv"})),
    # a thread's numbering, a contract's "two (2)", a note after a ticked item, a tag after a request
    ("1/2 lamp_qa.csv 2/2 -> sharegpt pls", ("convert_dataset", {"path": "lamp_qa.csv", "to": "sharegpt"})),
    ("Commence training on lamp_qa.jsonl with exactly three (3) epochs.", ("start_training", {"path": "lamp_qa.jsonl", "epochs": 3})),
    ("[x] lamp_qa.csv → openai  ← wrong box, I wanted alpaca", ("convert_dataset", {"path": "lamp_qa.csv", "to": "alpaca"})),
    ("lamp_qa.csv 帮我跑一下质量检查,对吧?", ("check_quality", {"path": "lamp_qa.csv"})),
    ("jsonl ✗ → qianfan ✓", ("convert_dataset", {"to": "qianfan"})),
    # our report quoted back: the file it names
    ("\"Conversion done: lamp_alpaca.json\" — now check its quality.", ("check_quality", {"path": "lamp_alpaca.json"})),
    # our program's name before its command
    ("sft probe-lr lamp_qa.jsonl --steps 80", ("probe_learning_rate", {"path": "lamp_qa.jsonl", "steps": 80})),
])
def test_round543_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "I'll run the training myself on the museum server and come back later",
    "我自己在 Excel 里一条条对过 把重复的都删掉了 跟你说一声",
])
def test_done_or_to_be_done_by_hand_is_only_told(text):
    assert plan(text) == []


def test_a_condition_first_and_the_check_before_its_decisions():
    assert one_call("On condition that nothing is deleted without my sign-off, check lamp_qa.csv for duplicates.") == (
        "check_quality", {"path": "lamp_qa.csv"})
    assert one_call("quality check please, then drop the garbled ones") == ("check_quality", {})
    assert all(c["name"] == "explain" for c in plan("训练中途能停吧 停了以后是不是不用从头再来"))
    assert all(c["name"] == "explain" for c in plan("avg ppl 90.2 on my data, is that bad?"))


def test_cleaned_by_hand_is_only_told():
    assert plan("讲解词我都自己清洗好了") == []


def test_the_parts_alone():
    assert amounts.count_args("0618. two few-shot examples per prompt", few_shot=True) == {"k": 2}  # a zero-led label, no count
    assert dictated.star_inline("drop the *really* bad ones") == "drop the *really* bad ones"  # emphasis, not a correction
    assert focus.meant("lamp_0312.jsonl and lamp_0618.jsonl: the oldest one please", ["lamp_0312.jsonl", "lamp_0618.jsonl"]) == "lamp_0312.jsonl"
    assert amounts.training_args("epoch 3, max steps 改成 500") == {"epochs": 3, "max_steps": 500}  # another setting's put-right
