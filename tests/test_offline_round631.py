"""Causes of misses of the round-631 to round-638 blind corpora (one wave of eight, measured at first sight before any fix),
mended; tested on phrasings of our own (a violin workshop), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, amounts, names, paths, review, slots
from assistant.offline import plan


@pytest.mark.parametrize("text, want", [
    # the rate tried out, in other words: never a start with max_steps
    ("先拿 琴弦问答.jsonl 试跑个学习率,跑 120 步", ("probe_learning_rate", {"path": "琴弦问答.jsonl", "steps": 120})),
    ("学习率啊,忽高忽低。请在 琴弦问答.jsonl 上试探 300 步。", ("probe_learning_rate", {"path": "琴弦问答.jsonl", "steps": 300})),
    ("以 琴弦问答.jsonl 做学习率试掘,凡 80 步。", ("probe_learning_rate", {"path": "琴弦问答.jsonl", "steps": 80})),
    # a figure of speech read weakly as a start, its file borrowed from the rest, which asks for the probe
    ("先调音再上弦。在 琴弦问答.jsonl 上跑个学习率试探,90 步。", ("probe_learning_rate", {"path": "琴弦问答.jsonl", "steps": 90})),
    # a file name with spaces: a number among its words, the same word twice
    ("turn violin shop 7 faq.xlsx into alpaca", ("convert_dataset", {"path": "violin shop 7 faq.xlsx", "to": "alpaca"})),
    ("Strings FAQ final FINAL.csv -> sharegpt", ("convert_dataset", {"path": "Strings FAQ final FINAL.csv", "to": "sharegpt"})),
    # a run's setting put right with a bare 改, and the general data's share put right
    ("rank 改 16", ("start_training", {"lora_r": 16})),
    ("epoch给少了 改8", ("start_training", {"epochs": 8})),
    ("通用数据一成太少,改作三成。", ("start_training", {"mix_general": 0.3})),
    ("不,不是一成,是两成——通用的多放点。", ("start_training", {"mix_general": 0.2})),
    ("改写的比例不对,是三成不是两成", ("augment_instructions", {"fraction": 0.3})),
    ("哎呀,底模说错了,换成 Qwen2-1.5B,其他不变", ("start_training", {"base_model": "Qwen2-1.5B"})),
    # a format ruled out stays ruled out where it is named again; "要的是" names the target
    ("no wait, not alpaca. openai. alpaca is old news", ("convert_dataset", {"to": "openai"})),
    ("不对不对,我要的是 csv 不是 jsonl,表格师傅看得懂", ("convert_dataset", {"to": "csv"})),
    # review decisions in other words
    ("空答案那几条啊,直接退回去,不要了。", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("答案本身又是个问句的那种,留着也是返工,删。", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("the near-duplicates? Cut 'em. They're dead wood.", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("the answer-is-the-question ones, keep them for now, I'll fix them by hand",
     ("apply_quality_rule", {"rule": "answer_is_question", "decision": "keep"})),
    ("冲突的那些我看过了,都保留,两种修法本来就都对", ("apply_quality_rule", {"rule": "conflict", "decision": "keep"})),
    ("那些答案就是把问题原样又说一遍的,删!", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("The exact duplicates — make them disappear.", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("答案太长了,谁看啊!不过长答案那些先留着吧,万一有用呢", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("答案长得像裹脚布的,过长的答案全删了。", ("apply_quality_rule", {"rule": "long_answer", "decision": "drop"})),
    ("不论完全相同还是近似的,重复的一概保留。", ("apply_quality_rule", {"rule": "duplicates", "decision": "keep"})),
    ("近似重复的删掉,完全重复的等会儿再说", ("apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})),
    ("重复性过高的那些(同一句反复出现的),予以剔除。", ("apply_quality_rule", {"rule": "repetitive", "decision": "drop"})),
    ("Dupes? Dump 'em. Exact and near, all of them.", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("Them empty answers? Hang on to 'em for now.", ("apply_quality_rule", {"rule": "empty_answer", "decision": "keep"})),
    # runs: a name of letters and digits before 被…停了, a word taken for a name beside one with a number
    ("vn0712 被我不小心停了 接着跑吧", ("resume_training", {"run_id": "vn0712"})),
    ("HOT-TAKE: cello-88 — how's the run doing?", ("training_status", {"run_id": "cello-88"})),
    ("They found the run half-done, vl-0021, stuck mid-step. Resume it.", ("resume_training", {"run_id": "vl-0021"})),
    ("Could I trouble you to evaluate cello-lora-2 now? Sorry, I'm just curious whether it forgot anything.",
     ("evaluate_run", {"run_id": "cello-lora-2"})),
    ("说说 cello-run-3 吧——它学会了什么,又丢了什么?", ("evaluate_run", {"run_id": "cello-run-3"})),
    # a few rows shown is a look, not few-shot
    ("open bows.csv and show me a few examples", ("inspect_dataset", {"path": "bows.csv"})),
    # columns and sheets
    ("琴弦.xlsx 里有几个sheet,问答在「维修问答」那张表,问题那列叫 客人问,答案那列叫 师傅答,帮我看一眼",
     ("inspect_dataset", {"path": "琴弦.xlsx", "sheet": "维修问答", "question_field": "客人问", "answer_field": "师傅答"})),
    ("帮我把 琴弦.csv 转成 jsonl,问题列是 客人问,答案列是 师傅答哦~",
     ("convert_dataset", {"path": "琴弦.csv", "to": "jsonl", "question_field": "客人问", "answer_field": "师傅答"})),
    ("琴弦.jsonl 里 缘由 一列是推理过程,用它生成思维链样本", ("add_cot", {"path": "琴弦.jsonl", "rationale_field": "缘由"})),
    ("Every repair has a story behind it. Add CoT to bows.jsonl using the 'notes' column.",
     ("add_cot", {"path": "bows.jsonl", "rationale_field": "notes"})),
    ("take a look at bows.xlsx, sheet 'B2', questions are 'client' answers are 'luthier'",
     ("inspect_dataset", {"path": "bows.xlsx", "sheet": "B2", "question_field": "client", "answer_field": "luthier"})),
    ("现将「琴谱 第二版.xlsx」之「调音」表转为 jsonl 格式。", ("convert_dataset", {"path": "琴谱 第二版.xlsx", "sheet": "调音", "to": "jsonl"})),
    ("There is a spreadsheet named bows.xlsx, and on its page called Spring the questions sit. Turn it into alpaca.",
     ("convert_dataset", {"path": "bows.xlsx", "sheet": "Spring", "to": "alpaca"})),
    # templates put right with none before: the rephrasing's, the one ruled out left out; a setting put right after a remark
    ("the template should be 'Fix q: {q}' not 'Fix question: {q}'", ("augment_instructions", {"templates": ["Fix q: {q}"]})),
    ("刚才那个lora_r不给力,改成32", ("start_training", {"lora_r": 32})),
    # a description said before the name is not the name's
    ("身份数据 琴行身份.json 里面的名字填“小提”,作者填“周记琴行”",
     ("fill_placeholders", {"path": "琴行身份.json", "values": {"name": "小提", "author": "周记琴行"}})),
    # 别撤掉 keeps what is named (and stops no run)
    ("占位符的那些先别撤掉", ("apply_quality_rule", {"rule": "placeholder", "decision": "keep"})),
    # the placeholders the data "still has" are no keep; the values are the fill
    ("这身份数据里还留着占位符,不像话。把 identity_琴.json 的名字填作“小提”,作者填作“周记琴行”。",
     ("fill_placeholders", {"path": "identity_琴.json", "values": {"name": "小提", "author": "周记琴行"}})),
])
def test_round631_causes(text, want):
    assert one_call(text) == want


def test_an_uploads_columns_asked_are_a_look():
    assert one_call("Here's our repair log, what columns does it have?", ["repair_log.xlsx"]) == (
        "inspect_dataset", {"path": "repair_log.xlsx"})
    assert [c["name"] for c in plan("what columns does the alpaca format have?")] in ([], ["explain"])


@pytest.mark.parametrize("text", [
    "yo does resuming pick up from the last checkpoint or start over? can't lose a day",
    "When you check quality, what exactly counts as a near duplicate?",
    "Sorry to ask, but does dropping the conflicts delete them from my file? Just being careful.",
    "建议参数里的学习率是按啥定出来的?",
    "few-shot 与 CoT,两者有何不同?请细细道来。",
    "短答案与空答案,在检测上如何区分?请予说明,以便整理。",
    "Query: when I resume, does the learning-rate schedule restart? Please advise.",
    "等一下等一下!裁判暂停!底座不是 Qwen2-7B,换成 Qwen2-1.5B!",
    "学习率探测跑完以后,曲线怎么看啊",
    # two that rounds 639–646 found at first sight (a stop and a resume proposed), mended after the measurement
    "if I stop a run halfway is the progress kept anywhere",
    "停掉以后 checkpoint 会保存吗?下周还能接着训不",
])
def test_round631_questions_never_act(text):
    calls = [c["name"] for c in plan(text)]
    assert "stop_training" not in calls and "resume_training" not in calls and "evaluate_run" not in calls
    if "换成" not in text:
        assert calls in ([], ["explain"])


def test_the_parts_read():
    assert [f.text for f in paths.find_paths("add cot 80 faq.jsonl")] == ["faq.jsonl"]  # (a count of a step before the name)
    assert [f.text for f in paths.find_paths("学习率探一下 绣品QA.jsonl 跑200步")] == ["绣品QA.jsonl"]  # (words before a Chinese name ask)
    assert slots.find_mix("few-shot 加两成,不是三成,通用数据别混") in (None, 0.0)
    assert names.find_run_id("stop tax-lora-final")[0] == "tax-lora-final"
    assert review.rule_command("近似重复的删掉,精确重复的等会儿再说") == ("near_duplicate", "drop")
    assert amounts.training_args("epoch 改 6") == {"epochs": 6}
    assert acts.only_view_asked("Please advise.") and not acts.only_view_asked("please stop it")
    assert plan("别撤掉 cello-9") == []
    # what the candidate dump of the older corpora caught, mended before the commit
    assert slots.find_mix("通用数据改成混 10% 就好,20% 太多了") == 0.1 and slots.find_mix("混通用数据改成一成就行,不用两成") == 0.1
    assert slots.find_mix("actually make it 10% general data instead of 5%") == 0.1
    assert slots.find_format("如果不是千帆格式,就把 FILE 转成千帆格式") == "qianfan"
    assert slots.find_format("就是把 FILE 转成那个 alpaca 呃不是 转成 openai 那种 messages 的 jsonl") == "openai"
    assert amounts.count_args("不是四个是两个,few-shot 示例改一改", few_shot=True) == {"k": 2}
    assert amounts.count_args("刚才例子太少了,3 个不够。重新做,k=6", few_shot=True) == {"k": 6}
    assert [f.text for f in paths.find_paths("hparams 4 bike_repair.jsonl? lora")] == ["bike_repair.jsonl"]
    assert [c["name"] for c in plan("May I trouble you to explain what a learning rate is?")] in ([], ["explain"])


@pytest.mark.parametrize("text, want", [
    # causes rounds 639–646 showed after their first-sight measurement (a7e804e), mended on phrasings of our own
    ("答案就是把问题原样抄一遍的那几条,请统一清理掉", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("占位符那些,甭删,留着,我自己填", ("apply_quality_rule", {"rule": "placeholder", "decision": "keep"})),
    ("一直讲同一句、重复来重复去的回答,删掉", ("apply_quality_rule", {"rule": "repetitive", "decision": "drop"})),
    ("Records with empty answers are useless. Jettison them.", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("那些一字不差的重复,请让它们离开吧。", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("完全重复的不要,差不多重复的也不留,两样重复统统丢掉", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    ("把 run-cello 停了,不用再训了", ("stop_training", {"run_id": "run-cello"})),
    ("评估下 vio0923,看看有没有忘东西", ("evaluate_run", {"run_id": "vio0923"})),
    ("How goes run vl-1147? Has it reached the coda?", ("training_status", {"run_id": "vl-1147"})),
    ("不对,r 取 16 太大了,改成 8", ("start_training", {"lora_r": 8})),
    ("no no. epoch 12 too many. make 6.", ("start_training", {"epochs": 6})),
    ("wait, lr 3e-4 was a typo, 3e-5", ("start_training", {"learning_rate": 3e-05})),
    ("Oops, 4 examples is too many, make it k=2.", ("add_few_shot", {"k": 2})),
    ("不是7b,换成qwen2.5-14b", ("start_training", {"base_model": "qwen2.5-14b"})),
    ("Not Llama-3-8B, use Qwen2.5-7B-Instruct.", ("start_training", {"base_model": "Qwen2.5-7B-Instruct"})),
    ("300步太多了,120步够了", ("probe_learning_rate", {"steps": 120})),
    ("Change that: 20% general data is too much, use 0.1.", ("start_training", {"mix_general": 0.1})),
    ("改一下,CoT 不要三成了,全部样本都加", ("add_cot", {"fraction": 1.0})),
    ("身份数据《identity_琴.json》中的名称占位符将填写为「小提」,作者填写为「周记琴行」",
     ("fill_placeholders", {"path": "identity_琴.json", "values": {"name": "小提", "author": "周记琴行"}})),
    ("嘘……identity_琴.json 里的名字……填「小提」……作者……填「周记琴行」……",
     ("fill_placeholders", {"path": "identity_琴.json", "values": {"name": "小提", "author": "周记琴行"}})),
])
def test_round639_causes(text, want):
    assert one_call(text) == want


def test_an_uploads_contents_asked_are_a_look():
    assert one_call("Attached is our repair log. What is in it?", ["repair_log.xlsx"]) == ("inspect_dataset", {"path": "repair_log.xlsx"})
    assert one_call("just tell me how many rows and what columns it has", ["repair_log.xlsx"]) == (
        "inspect_dataset", {"path": "repair_log.xlsx"})


def test_what_the_second_recheck_caught():
    from assistant.nlu import probe
    assert probe.probe_steps("探测跑500步吧,200步太少了") == 500 and probe.probe_steps("300步太多了,100步够了") == 100
    assert slots.find_mix("r=8 not 16. still FILE, lr 1e-4, 5% general, Qwen2-0.5B") == 0.05
    assert plan("Sorry for the rambling messages (it's 2am here and I've had way too much coffee)") == []
    assert review.rule_command("完全重复的删掉,近似重复的留着") == ("exact_duplicate", "drop")
