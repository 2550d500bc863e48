"""Causes of misses of the round-567 to round-586 blind corpora (three waves, each measured at first sight before any fix of
its own, then mended); tested on phrasings of our own (a cable-car station's help desk), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import dictated, focus, paths
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    # a telegram's STOP between two clauses is a full stop, not a run stopped
    ("EVALUATE cab-run-7 STOP REPORT BACK", ("evaluate_run", {"run_id": "cab-run-7"})),
    ("CORRECTION STOP NOT ALPACA STOP OPENAI STOP FILE cable_faq.csv", ("convert_dataset", {"path": "cable_faq.csv", "to": "openai"})),
    # two people's views relayed, then one taken
    ("Lena says 4 epochs, Omar says 6 — go with Omar. data: cable_qa.jsonl", ("start_training", {"path": "cable_qa.jsonl", "epochs": 6})),
    ("老赵说探测跑 200 步,小钱说 400 步,按小钱的。数据 缆车问答.jsonl", ("probe_learning_rate", {"path": "缆车问答.jsonl", "steps": 400})),
    ("小周说转 alpaca,阿梅说转 openai,我觉得阿梅有道理。文件 缆车问答.jsonl", ("convert_dataset", {"path": "缆车问答.jsonl", "to": "openai"})),
    # Roman numerals that count
    ("train cable_qa.jsonl for IV epochs, lora r VIII", ("start_training", {"path": "cable_qa.jsonl", "epochs": 4, "lora_r": 8})),
    ("few-shot: III examples per prompt on XX% of cable_qa.jsonl", ("add_few_shot", {"path": "cable_qa.jsonl", "k": 3, "fraction": 0.2})),
    # a step's time or cost asked, then a go-ahead
    ("How long would 3 epochs on cable_qa.jsonl take? ok go.", ("start_training", {"path": "cable_qa.jsonl", "epochs": 3})),
    ("检查 缆车问答.jsonl 的困惑度要花多久?行,直接跑。", ("check_quality", {"path": "缆车问答.jsonl", "ppl": True})),
    ("How much GPU time does resuming cab-run-2 cost? ok go.", ("resume_training", {"run_id": "cab-run-2"})),
    ("给 缆车问答.jsonl 每条加 3 个例子会让训练时间翻倍吗?好吧那就加", ("add_few_shot", {"path": "缆车问答.jsonl", "k": 3})),
    # files or runs each described, then one picked by its description or its count
    ("我有 x.csv 是旧的票务数据,y.csv 是新标的安全问答。先看看安全问答那份", ("inspect_dataset", {"path": "y.csv"})),
    ("old.csv (last winter's tickets), safety.csv (freshly labelled). Convert the freshly labelled one to alpaca",
     ("convert_dataset", {"path": "safety.csv", "to": "alpaca"})),
    ("cab_a.jsonl has 3k rows, cab_b.jsonl 7k, cab_c.jsonl 500. Check quality on the biggest.", ("check_quality", {"path": "cab_b.jsonl"})),
    ("cab-1 used lr 1e-4 and cab-2 used 3e-4. Stop the one with the higher learning rate.", ("stop_training", {"run_id": "cab-2"})),
    # a rhetorical question against not doing a step
    ("缆车问答.csv 不转成千帆格式,难道还要我一条条复制?", ("convert_dataset", {"path": "缆车问答.csv", "to": "qianfan"})),
    ("You're not seriously keeping the empty answers in cable_qa.jsonl, are you?",
     ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop", "path": "cable_qa.jsonl"})),
    ("Are we really going to train on cable_qa.jsonl without checking it first?", ("check_quality", {"path": "cable_qa.jsonl"})),
    # a number said, then the percentage meant
    ("Add CoT to 30 of the samples in cable_qa.jsonl — sorry, 30 percent, not 30 rows.", ("add_cot", {"path": "cable_qa.jsonl", "fraction": 0.3})),
    # a decision put right after the assistant's proposal; a decision word quoted for stress
    ("你刚才要删长答案——我们商量了半天,最后定的是留着", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("我说的是“保留”近似重复,不是删除!", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "keep"})),
    ("头先你话要删乱码,唔好删住,留低佢哋", ("apply_quality_rule", {"rule": "garbled", "decision": "keep"})),
    # words: the names of the rules, slang, a commit message's type, a format ruled out
    ("打架的那些先留着", ("apply_quality_rule", {"rule": "conflict", "decision": "keep"})),
    ("keep the ones flagged answer-is-a-question", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})),
    ("Make the garbled scallywags walk the plank!", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("feat: identity.json 填占位符 name=小缆 author=缆车站", ("fill_placeholders", {"path": "identity.json", "values": {"name": "小缆", "author": "缆车站"}})),
    ("不对,我说的是千帆格式,不是通用 jsonl,把 缆车问答.xlsx 重新转一下", ("convert_dataset", {"path": "缆车问答.xlsx", "to": "qianfan"})),
    ("identity.json 里面的占位符,名就填「小缆」,作者填「缆车站」", ("fill_placeholders", {"path": "identity.json", "values": {"name": "小缆", "author": "缆车站"}})),
    ("给 cable.jsonl 加思维链,三成太多了,做一成就行", ("add_cot", {"path": "cable.jsonl", "fraction": 0.1})),
    ("so um, like, how many epochs should I, uh, do for like three thousand rows?", ("suggest_hyperparameters", {"n_samples": 3000})),
    # rounds 575–582: runs named by a short r-number or by a date; a state asked of one, then a step on its answer
    ("r31 接着跑。", ("resume_training", {"run_id": "r31"})),
    ("探测别跑200步了,改500步,还是用 cable.jsonl", ("probe_learning_rate", {"path": "cable.jsonl", "steps": 500})),
    ("is she done yet? r12", ("training_status", {"run_id": "r12"})),
    ("Kill the 0612 run, wrong config.", ("stop_training", {"run_id": "0612"})),
    ("r7 效果好吗?好的话就用同样的设置在 cable.csv 上再训一次", ("evaluate_run", {"run_id": "r7"})),
    ("cab-run-3 的评估结果怎么样?要是不行就在 cable_v2.csv 上重训", ("evaluate_run", {"run_id": "cab-run-3"})),
    ("I already looked at r18, it's decent. now train on cable.jsonl with lr 3e-5", ("start_training", {"path": "cable.jsonl", "learning_rate": 3e-05})),
    # a step put off to later; a run planned, its settings asked now
    ("明天开始训练 cable.jsonl,今晚机器要维护,现在别跑。", None),
    ("Tomorrow start training on cable.jsonl — not now, the GPU is busy tonight.", None),
    ("Planning to train on cable.jsonl next week, about 3,000 rows — what epochs and LR should I pencil in?",
     ("suggest_hyperparameters", {"path": "cable.jsonl", "n_samples": 3000})),  # (the count said is kept; the tool counts the file and compares)
    # shares and rules said by what is left out; quotes around every value; a name put right mid-message
    ("cable.jsonl 除了 30% 的样本不动,其余的都加 few-shot。", ("add_few_shot", {"path": "cable.jsonl", "fraction": 0.7})),
    ("Add CoT to all of cable.jsonl except 25% of it.", ("add_cot", {"path": "cable.jsonl", "fraction": 0.75})),
    ("重复的里面,除了近似重复的,完全一样的都删掉。", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ('train on "cable.jsonl" with "epochs" = "5" and "lora_r" = "8"', ("start_training", {"path": "cable.jsonl", "epochs": 5, "lora_r": 8})),
    ('fill "identity.json": "name" = "Gondo", "author" = "Cable Co"', ("fill_placeholders", {"path": "identity.json", "values": {"name": "Gondo", "author": "Cable Co"}})),
    ("看一下 cable_qas.csv —— 不好意思,是 cable_qa.csv。", ("inspect_dataset", {"path": "cable_qa.csv"})),
    ("Convert cabel_faq.jsonl, er, cable_faq.jsonl, to alpaca.", ("convert_dataset", {"path": "cable_faq.jsonl", "to": "alpaca"})),
    # a question passed on from a customer
    ("客户问:「我只有 500 条数据,用 LoRA 训几个 epoch 合适?」", ("suggest_hyperparameters", {"n_samples": 500, "method": "lora"})),
])
def test_round567_causes(text, want):
    if want is None:
        assert plan(text) == []
        return
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "Slide 4 title: 'Why does a larger LR suit LoRA?' — explain it so I can write the notes",
    "会议主题:「冲突到底怎么判定?」——开会前你给我讲讲",
    "@bot @Mia wants to know whether adding few-shot changes the original file",
    "is your quality check the same kind of thing as OpenAI's file validation?",
    "质量检查会自动把数据删掉吗?",
    "I bet 3 epochs on 8k rows is enough — would 6 have been better though?",
    "手册里说数据一万条就够,真的假的",
    "Sorry, dumb question: is k the number of examples per prompt?",
    "Wouldn't training 50 epochs on 300 rows just make it memorize everything?",
    "how much of the dataset should be chain-of-thought?",
    "0801 died halfway — does resuming pick up from the last checkpoint or start from scratch?",
    "Customer question: 'Does converting change my original file?' Please clarify so I can reply.",
    "甲方询问:格式转换是否会改动甲方的原始文件?请乙方答复。",
    "whichever base model finishes first, how would you compare the two afterwards?",
])
def test_round567_questions_stay_questions(text):
    assert [c["name"] for c in plan(text)] == ["explain"]


@pytest.mark.parametrize("text", [
    "日志:`killed by OOM at step 300, run_id=cab-9`\n我已经自己把 batch 改小重新提交了,跟你说一声",
    "`exit code 137, run cab-9`\nalready resubmitted it myself with a smaller batch, fyi",
    "b 也来一遍?算了,b.csv 我已经自己手动转好了,不用你弄",
    "Never mind b.csv, I already converted it myself.",
])
def test_round567_nothing_to_do(text):
    assert plan(text) == []


def test_a_short_r_number_is_a_run_where_runs_are_talked_about_and_a_rank_beside_lora():
    from assistant.nlu import amounts, names
    assert names.short_run("r7 状态?")[0] == "r7"
    assert names.short_run("train cable.jsonl with r16") is None
    assert amounts.training_args("train cable.jsonl, lora r8, 3 epochs") == {"lora_r": 8, "epochs": 3}
    assert "lora_r" not in amounts.training_args("用 r7 的设置去训 cable.csv")


def test_a_telegram_stop_is_never_a_run_stopped_only_between_clauses():
    assert dictated.telegram("PLEASE STOP RUN-5 NOW") == "PLEASE STOP RUN-5 NOW"
    assert one_call("URGENT STOP TRAINING cab-run-9 NOW") == ("stop_training", {"run_id": "cab-run-9"})


def test_roman_numerals_count_only_beside_what_they_count():
    assert dictated.halfwidth("status of run-XII?") == "status of run-XII?"
    assert dictated.halfwidth("I need V for Vendetta") == "I need V for Vendetta"
    assert dictated.halfwidth("XV% of faq_vIII.jsonl") == "15% of faq_vIII.jsonl"


def test_a_relative_word_asked_of_something_else_changes_nothing():
    assert dictated.worked_out("每条加 2 个例子会让训练时间翻倍吗") == "每条加 2 个例子会让训练时间翻倍吗"


def test_a_description_picks_only_when_one_description_matches_best():
    names = ["a.csv", "b.csv"]
    assert focus._by_description("a.csv 是旧数据,b.csv 也是旧数据,看看旧的那份", names) is None
    assert focus.meant("a.csv 是旧数据,b.csv 是新数据,看看新数据那份", names) == "b.csv"


def test_names_keep_their_own_words_and_lose_words_around_them():
    assert [f.text for f in paths.find_paths("检查站通关问答.xlsx 先看看")] == ["检查站通关问答.xlsx"]
    assert [f.text for f in paths.find_paths("In LLaMA-Factory I'd edit identity.json by hand")] == ["identity.json"]
    assert [f.text for f in paths.find_paths("【只看】cable_faq.jsonl,别改")] == ["cable_faq.jsonl"]


@pytest.mark.parametrize("text, want", [
    # what the candidate dumps of the older corpora found, mended: a quoted word named as a slip is no stress; a list's bullet is
    # no star putting a name right; a customer's question with our step asked after it; templates quoted are no questions
    ("更正:前述指令中“保留”一词系笔误,应为“删除”。即乱码记录应予删除。", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("options:\n* cab_a.jsonl — 1,000 rows\n* cab_b.jsonl — 5,000 rows\n* cab_c.jsonl — 2,000 rows\ntrain on the one with the most rows",
     ("start_training", {"path": "cab_b.jsonl"})),
    ('Customer asked: "How much better is the tuned bot than the stock one?" Evaluate cab-run-4.', ("evaluate_run", {"run_id": "cab-run-4"})),
    ("augment the prompts in cable.jsonl with these templates: 'How do I {q}?', 'Explain: {q}'",
     ("augment_instructions", {"path": "cable.jsonl", "templates": ["How do I {q}?", "Explain: {q}"]})),
    ("you did save a checkpoint before it crashed, right? then pick cab-run-2 back up", ("resume_training", {"run_id": "cab-run-2"})),
    ("老板说明天要看效果,所以先别跑满,max_steps 设 300,用 cable.jsonl 起一个训练", ("start_training", {"path": "cable.jsonl", "max_steps": 300})),
])
def test_round567_older_lines_kept(text, want):
    assert one_call(text) == want


def test_why_would_i_want_stays_a_question_unless_a_correction_follows():
    assert [c["name"] for c in plan("Why would I want to reword instructions at all? Our questions are real guest emails.")] == ["explain"]
    assert one_call("Why would I want alpaca? I said sharegpt. Same file, cable.csv.") == ("convert_dataset", {"path": "cable.csv", "to": "sharegpt"})


def test_a_weak_reading_names_every_step_in_the_person_s_language():
    from assistant.nlu import replies
    from assistant.nlu.paths import TOOL_NAMES
    for name in TOOL_NAMES:
        for lang in ("zh", "en"):
            assert name not in replies.did_you_mean({"name": name, "args": {}}, lang), (name, lang)


@pytest.mark.parametrize("text, want", [
    # rounds 583–586: steps numbered, one picked; options then a bare pick; a run named by its data; a Markdown link
    ("计划:1. 体检 cable.csv 2. 删重复 3. 开训。今天只做第 1 步", ("check_quality", {"path": "cable.csv"})),
    ("一、试学习率 二、正式训练 三、评估。先做第一项,数据 cable.jsonl,跑 100 步", ("probe_learning_rate", {"path": "cable.jsonl", "steps": 100})),
    ("1) few-shot 2) CoT 3) augment. Just step 2 now: add CoT to cable.jsonl, the reasoning is in the 'why' column",
     ("add_cot", {"path": "cable.jsonl", "rationale_field": "why"})),
    ("Step 1 convert, step 2 train, step 3 evaluate — we're at step 3, run cab-lora-02", ("evaluate_run", {"run_id": "cab-lora-02"})),
    ("三个办法:①删掉长答案 ②保留长答案 ③先不管\n②", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("1 = alpaca, 2 = qianfan, 3 = sharegpt. cable.csv -> 3", ("convert_dataset", {"path": "cable.csv", "to": "sharegpt"})),
    ("a) drop the garbled ones b) keep them\nb", ("apply_quality_rule", {"rule": "garbled", "decision": "keep"})),
    ("评估一下用 cable.csv 训出来的那个", ("evaluate_run", {})),
    ("resume the run trained on cable.jsonl", ("resume_training", {})),
    ("[缆车问答](data/cable.csv)", ("inspect_dataset", {"path": "data/cable.csv"})),
])
def test_round583_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    "Sorry for the confusion before. My real question: can the quality check drop good rows by mistake?",
    "请问加思维链会不会改动答案内容呀?麻烦您解答一下,多谢多谢!",
    "I'd like to know how big a share of the data few-shot samples should be",
    "给我个大概时间:如果今天在 cable.jsonl 上开训,明天上午能出结果吗?能的话我就批",
])
def test_round583_questions_stay_questions(text):
    assert [c["name"] for c in plan(text)] == ["explain"]


@pytest.mark.parametrize("text", [
    "1. train 2. eval 3. ship it. 1 and 2 are done on my side and 3 is up to ops, so nothing for you right now",
    "morning! picking up where we left off yesterday",
    "Great, the cable.csv run looks solid. Thanks.",
])
def test_round583_nothing_to_do(text):
    assert plan(text) == []


def test_a_file_asked_about_by_i_d_like_to_know_is_still_a_look():
    assert one_call("I'd like to know if cable.csv has dupes") == ("check_quality", {"path": "cable.csv"})
