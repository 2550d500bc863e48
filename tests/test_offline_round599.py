"""Causes of misses of the round-595 to round-606 blind corpora (595–598 measured at first sight at the last stop's final code,
599–606 one wave of eight measured at first sight before any fix), mended; tested on phrasings of our own (a kite works'
training desk), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import amounts, dictated, names, paths
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    # a name that holds a preposition's character: 麻将, 大将 are the name's
    ("麻将风筝问答.csv 帮我看下有几列", ("inspect_dataset", {"path": "麻将风筝问答.csv"})),
    # a name in 《》, a versioned name after a colon or with a hyphenated head, a version with a suffix
    ("兹将《风筝售后FAQ v2.csv》转换为千帆格式", ("convert_dataset", {"path": "风筝售后FAQ v2.csv", "to": "qianfan"})),
    ("转 alpaca:风筝扎制问答 v3.csv", ("convert_dataset", {"path": "风筝扎制问答 v3.csv", "to": "alpaca"})),
    ("run a quality check on kite-repair v2.jsonl", ("check_quality", {"path": "kite-repair v2.jsonl"})),
    ("用 风筝话术 v2_alpaca.json 做一下学习率探测,跑 80 步", ("probe_learning_rate", {"path": "风筝话术 v2_alpaca.json", "steps": 80})),
    # values in ASCII single quotes after a Chinese key
    ("给 identity.json 填上名字'风筝仔',作者'潍坊风筝厂'。", ("fill_placeholders", {"path": "identity.json", "values": {"name": "风筝仔", "author": "潍坊风筝厂"}})),
    ("它叫'纸鸢',作者'风筝厂',填进 identity.json 里。", ("fill_placeholders", {"path": "identity.json", "values": {"name": "纸鸢", "author": "风筝厂"}})),
    # texting shorthand: "w/", "n"; a check that the order was heard after it
    ("fill identity.json w/ name Kitey n author KiteCo pls", ("fill_placeholders", {"path": "identity.json", "values": {"name": "Kitey", "author": "KiteCo"}})),
    ('Fill identity.json — name "Tail", author "Kite Works". Heard?', ("fill_placeholders", {"path": "identity.json", "values": {"name": "Tail", "author": "Kite Works"}})),
    # a second template after one that names the manual is no citation
    ("指令模板:“请根据说明书回答:{q}”、“{q} 请简短回答。”,用在 风筝问答.jsonl 的 30%。",
     ("augment_instructions", {"path": "风筝问答.jsonl", "templates": ["请根据说明书回答:{q}", "{q} 请简短回答。"], "fraction": 0.3})),
    # a file just sent, asked about; looked over in other words
    ("uploading the night-shift log now, what's in it?", ("inspect_dataset", {"path": "upload.jsonl"})),
    ("此乃在下毕生所学,请过目。", ("inspect_dataset", {"path": "upload.jsonl"})),
    # drop and keep words of other trades
    ("那些一字不差的重复,留之无益,统统逐出去!", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("完全重复的,全部踢出队伍", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("dupes in kites.csv, shred 'em", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop", "path": "kites.csv"})),
    ("Let the conflicting records be cast out.", ("apply_quality_rule", {"rule": "conflict", "decision": "drop"})),
    ("The empty answers, banish them.", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("Them near-duplicates? Leave 'em be.", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
    ("疑似重复的和完全重复的都删掉", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("答案是反问句的那些,清仓处理", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("车轱辘话的答案,请它们下台!", ("apply_quality_rule", {"rule": "repetitive", "decision": "drop"})),
    ("fold the near-dupes. muck em", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("86 the long answers!", ("apply_quality_rule", {"rule": "long_answer", "decision": "drop"})),
    ("各位旅客,完全重复的记录请在本站下车。", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("the near dupes stay. they're paraphrases on purpose.", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
    ("我们是决定保持那些长的答案。", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("Objection sustained, keep the near-duplicates; they're paraphrases, not copies.", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
    ("Answers that ask instead of tell: keep them.", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})),
    ("那些问题和答案一模一样的留着,是故意的", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})),
    ("风筝问答.csv 里“好好好好”这种重复字的删了", ("apply_quality_rule", {"rule": "repetitive", "decision": "drop", "path": "风筝问答.csv"})),
    # the kind right after the decision word is its object, whatever is said of another after it
    ("drop the long answers, the buyers want them short", ("apply_quality_rule", {"rule": "long_answer", "decision": "drop"})),
    ("keep the short answers, most of them are fine yes/no answers", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    # counts: a Chinese percentage for the mix, a value changed from one to another, "no N" ruled out, a log's day
    ("用 风筝问答.jsonl 启动训练,通用数据占比百分之二十。", ("start_training", {"path": "风筝问答.jsonl", "mix_general": 0.2})),
    ("用 风筝问答.jsonl 训练,epoch 由 4 改为 6", ("start_training", {"path": "风筝问答.jsonl", "epochs": 6})),
    ("更正:训练轮数由 9 轮调整为 4 轮,文件 风筝问答.jsonl", ("start_training", {"path": "风筝问答.jsonl", "epochs": 4})),
    ("change epochs from 3 to 7 and train on kites.jsonl", ("start_training", {"path": "kites.jsonl", "epochs": 7})),
    ("few-shot 每条示例数由 5 改为 3,文件 风筝问答.jsonl", ("add_few_shot", {"path": "风筝问答.jsonl", "k": 3})),
    ("不对不对,刚才说的两轮,改成五轮!风筝问答.jsonl", ("start_training", {"path": "风筝问答.jsonl", "epochs": 5})),
    ("no three epoch. SIX epoch. kites.jsonl.", ("start_training", {"path": "kites.jsonl", "epochs": 6})),
    ("Day 12. Add few-shot to kites.jsonl, 2 per sample.", ("add_few_shot", {"path": "kites.jsonl", "k": 2})),
    ("few-shot on 风筝问答.jsonl, k 等于 3", ("add_few_shot", {"path": "风筝问答.jsonl", "k": 3})),
    ("Widen the instructions on kites.csv with 'Hey, {q}', do every last one.", ("augment_instructions", {"path": "kites.csv", "templates": ["Hey, {q}"], "fraction": 1.0})),
    ("Add CoT to kites.jsonl using the \"why\" column, every single record.", ("add_cot", {"path": "kites.jsonl", "rationale_field": "why", "fraction": 1.0})),
    ("请开始一个训练对于 kites.xlsx,并且混合 10% 的一般数据。", ("start_training", {"path": "kites.xlsx", "mix_general": 0.1})),
    # the CoT's column said as its source
    ("kites.jsonl - add cot from the column calc_steps, 20%", ("add_cot", {"path": "kites.jsonl", "rationale_field": "calc_steps", "fraction": 0.2})),
    ("以 reasoning 列为思维之链,给 风筝问答.xlsx 生成 300 条 CoT 样本。", ("add_cot", {"path": "风筝问答.xlsx", "rationale_field": "reasoning", "n_samples": 300})),
    ("我老婆能从一个“嗯”推理出一切。给 风筝段子.csv 加 CoT,推理写在「思路」那一列。", ("add_cot", {"path": "风筝段子.csv", "rationale_field": "思路"})),
    # Taiwanese 栏位 for the fields; a quoted column's name keeps its abbreviation
    ("把 风筝FAQ.csv 转成千帆格式,问题栏位是 Q,答案栏位是 A", ("convert_dataset", {"path": "风筝FAQ.csv", "to": "qianfan", "question_field": "Q", "answer_field": "A"})),
    ('Convert "Kite QA v4.xlsx" to alpaca, questions in "Buyer Question", answers in "QC Answer".',
     ("convert_dataset", {"path": "Kite QA v4.xlsx", "to": "alpaca", "question_field": "Buyer Question", "answer_field": "QC Answer"})),
    # a probe by its length or in other words
    ("50-step probe on kites_clean.jsonl", ("probe_learning_rate", {"path": "kites_clean.jsonl", "steps": 50})),
    ("Probe the rate on kites.jsonl, 40 steps.", ("probe_learning_rate", {"path": "kites.jsonl", "steps": 40})),
    ("请先在 风筝客服.jsonl 上进行 100 步的学习率试运行。", ("probe_learning_rate", {"path": "风筝客服.jsonl", "steps": 100})),
    ("更正:试运行步数由 100 步调整为 300 步,风筝客服.jsonl 学习率探测", ("probe_learning_rate", {"path": "风筝客服.jsonl", "steps": 300})),
    # a run's state and its stop in other trades' words
    ("说时迟那时快,kite-1024 快快鸣金收兵!", ("stop_training", {"run_id": "kite-1024"})),
    ("列位,kite-1024 这一仗打到哪儿了?", ("training_status", {"run_id": "kite-1024"})),
    ("Cut off run-0707, it's had enough.", ("stop_training", {"run_id": "run-0707"})),
    ("How's kt-0099 holding up?", ("training_status", {"run_id": "kt-0099"})),
    ("请查询 K-2024-07 次列车当前的运行情况。", ("training_status", {"run_id": "K-2024-07"})),
    ("由于前方故障,K-2024-07 次列车临时停运,请立即停车。", ("stop_training", {"run_id": "K-2024-07"})),
    # a step taken back, then a setting put right; a setting's name is no run
    ("Abort that. lora_r 8, not 32.", ("start_training", {"lora_r": 8})),
    # "not X but Y" after an opener: the format meant stays
    ("Nay, not sharegpt but qianfan! Convert kites.xlsx thus.", ("convert_dataset", {"path": "kites.xlsx", "to": "qianfan"})),
    # values asked for a method before the word for them
    ("风筝问答_v1.jsonl 有多少条我也记不清了,帮我出一套lora的参数", ("suggest_hyperparameters", {"path": "风筝问答_v1.jsonl", "method": "lora"})),
    # a one-letter column before Chinese; CoT called think-steps
    ("问题列叫q 答案列叫a 你看下 风筝qa_v5.xlsx", ("inspect_dataset", {"path": "风筝qa_v5.xlsx", "question_field": "q", "answer_field": "a"})),
    ("make think-step data. kites.csv. think words live in column 'why'.", ("add_cot", {"path": "kites.csv", "rationale_field": "why"})),
    # a crosstalk act typed as quoted turns
    ("“嘿!”“您说。”“一千条数据,用 lora 训,学习率给多少合适?”“这我可说不好。”“那就问它!”", ("suggest_hyperparameters", {"n_samples": 1000, "method": "lora"})),
    ("“嘿!”“您说。”“不对不对,刚才说的三轮,改成八轮!”“您这变得也太快了!”", ("start_training", {"epochs": 8})),
])
def test_round599_causes(text, want):
    files = ["upload.jsonl"] if text.startswith(("uploading", "此乃")) else None
    got = one_call(text, files) if files else one_call(text)
    assert got == want


@pytest.mark.parametrize("text", [
    "Stopped, a run is. Its checkpoint kept, is it?",
    "the checkpoint is kept when you stop, isn't it?",
    "kite-3 鸣金收兵了吗?",
    "大家一般看哪些指标?",
    "“嘿!”“您说。”“风筝线是干嘛使的?”“风筝线啊,那就是……”“您别抢,让它说!”",
    "“嘿!”“您说。”“思维链是干嘛使的?”“思维链啊,那就是……”“您别抢,让它说!”",
])
def test_round599_questions_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"], ["training_status"])


def test_vocative_look_is_no_general_question():
    assert one_call("大家看这里,空答案的那些记录,咱们删掉") == ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})
    assert one_call("重复的都保留吧,保持原貌嘛") == ("apply_quality_rule", {"rule": "duplicates", "decision": "keep"})


def test_a_setting_name_is_never_a_run():
    assert names.find_run_id("stop lora_r") is None
    assert names.find_run_id("stop run-5, lora_r was too high")[0] == "run-5"


def test_thread_numbering_is_no_share():
    assert dictated.dictated("1/3 new kites 2/3 check kites.jsonl 3/3 more soon") == " new kites  / check kites.jsonl  / more soon"  # (nothing before the first post)
    assert one_call("add few-shot to 1/4 of kites.jsonl") == ("add_few_shot", {"path": "kites.jsonl", "fraction": 0.25})  # (no k of 1)
    assert dictated.dictated("2/4 the near dupes stay") == "2/4 the near dupes stay"  # one mark: no thread
    assert amounts.find_fraction("few-shot on 1/4 of a.jsonl") == pytest.approx(0.25)


def test_a_changed_value_keeps_its_unit_word():
    assert paths.find_paths("看下 kite-r8 final.xlsx")[0].text == "kite-r8 final.xlsx"
    assert dictated.dictated("change k from 4 to 2") == "change k to 2"
    assert dictated.dictated("we went from 1000 to 200 samples") == "we went from 1000 to 200 samples"
