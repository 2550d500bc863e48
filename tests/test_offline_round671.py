"""Causes of misses of the round-671 to round-678 blind corpora (one wave of eight, measured at first sight before any fix),
mended; tested on phrasings of our own (a pottery workshop), not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan

_RUN_CHANGES = {"start_training", "stop_training", "resume_training"}


@pytest.mark.parametrize("text, want", [
    # a probe said by its purpose, in dialect, or with 学习率 cut short: never a start with max_steps
    ("拿 陶艺问答.jsonl 跑 40 步,看看学习率合不合适", ("probe_learning_rate", {"path": "陶艺问答.jsonl", "steps": 40})),
    ("用 陶艺问答.jsonl 先测一哈学习率,跑 60 步", ("probe_learning_rate", {"path": "陶艺问答.jsonl", "steps": 60})),
    ("以 陶艺问答.jsonl 试学率,行八十步。", ("probe_learning_rate", {"path": "陶艺问答.jsonl", "steps": 80})),
    # a game's save point is the checkpoint: a resume, never a stop
    ("kiln-0902 断电中断了,从存档点接着跑", ("resume_training", {"run_id": "kiln-0902"})),
    ("kiln-0903 自存档处续之", ("resume_training", {"run_id": "kiln-0903"})),
    # how a named run is, asked in words no cue lists
    ("kiln-0904 眼下是怎样?", ("training_status", {"run_id": "kiln-0904"})),
    ("敢问 kiln-0905,炼至何处?", ("training_status", {"run_id": "kiln-0905"})),
    ("kiln-0906 现在是按怎?", ("training_status", {"run_id": "kiln-0906"})),
    # stops and evaluations in Shanghainese and classical words
    ("kiln-0907 覅跑了,停脱伊", ("stop_training", {"run_id": "kiln-0907"})),
    ("kiln-0908 火候已过,停之。", ("stop_training", {"run_id": "kiln-0908"})),
    ("kiln-0909 已出窑,得失几何,请评之。", ("evaluate_run", {"run_id": "kiln-0909"})),
    ("Order of the workshop: run kiln-0910 shall cease.", ("stop_training", {"run_id": "kiln-0910"})),
    # review decisions in dialect, metaphor and courtesy
    ("乱码的覅要了,统统掼脱", ("apply_quality_rule", {"rule": "garbled", "decision": "drop"})),
    ("空起答案的那些删了", ("apply_quality_rule", {"rule": "empty_answer", "decision": "drop"})),
    ("答案短的那几条是对的,留到留到", ("apply_quality_rule", {"rule": "short_answer", "decision": "keep"})),
    ("又臭又长的答案,删掉", ("apply_quality_rule", {"rule": "long_answer", "decision": "drop"})),
    ("答案倒作问句的,一概去之", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("answers that are mostly questions back: drop them", ("apply_quality_rule", {"rule": "answer_is_question", "decision": "drop"})),
    ("Answers that repeat, repeat: bin them", ("apply_quality_rule", {"rule": "repetitive", "decision": "drop"})),
    ("the glaze notes with {{placeholders}} still in: get rid o' them", ("apply_quality_rule", {"rule": "placeholder", "decision": "drop"})),
    ("those exact copies? wipe them out", ("apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"})),
    ("The duplicates, identical and similar alike: we should be obliged if they were removed.", ("apply_quality_rule", {"rule": "duplicates", "decision": "drop"})),
    # the kind named beside the decision, not the one in the reason after it
    ("重复的都留着,不同陶工本来就会问相似的问题", ("apply_quality_rule", {"rule": "duplicates", "decision": "keep"})),
    # settings said with other set words
    ("用 陶艺问答.jsonl 开训,epoch 定作 4,lora_r 给我弄 16,max_steps 限制 900", ("start_training", {"path": "陶艺问答.jsonl", "epochs": 4, "lora_r": 16, "max_steps": 900})),
    ("train on glaze.csv, 6 epochs, and a fifth part general data", ("start_training", {"path": "glaze.csv", "epochs": 6, "mix_general": 0.2})),
    ("Correction: the general data share should be a tenth, not a fifth.", ("start_training", {"mix_general": 0.1})),
    ("Sorry, I meant 20% o' the general stuff, not 30.", ("start_training", {"mix_general": 0.2})),
    # corrections with no plan before them: the step each names
    ("整错了,lora_r 不要 64,整 8 就行", ("start_training", {"lora_r": 8})),
    ("刚才扩指令的比例说错了,是三成", ("augment_instructions", {"fraction": 0.3})),
    ("学习率非 3e-4,乃是 5e-5", ("start_training", {"learning_rate": 5e-05})),
    ("思维链不取两成了,改作四成", ("add_cot", {"fraction": 0.4})),
    ("sheet for the conversion should be 'Stoneware' not Porcelain", ("convert_dataset", {"sheet": "Stoneware"})),
    ("转换的时候 sheet 弄错了,应该是'釉料'那张", ("convert_dataset", {"sheet": "釉料"})),
    ("刚才转换的时候工作表选错了,要“青瓷2024”那张", ("convert_dataset", {"sheet": "青瓷2024"})),
    # placeholders given in other words
    ("kiln_identity.json 里 {{name}} 给我填「泥巴」,{{author}} 题「窑火工坊」", ("fill_placeholders", {"path": "kiln_identity.json", "values": {"name": "泥巴", "author": "窑火工坊"}})),
    ("kiln_identity.json 的 {{name}} 赐名 陶陶,{{author}} 叫「窑火工坊」", ("fill_placeholders", {"path": "kiln_identity.json", "values": {"name": "陶陶", "author": "窑火工坊"}})),
    ("We would be grateful if kiln_identity.json were completed: the name \"Clay\", the author \"Kiln Works\".", ("fill_placeholders", {"path": "kiln_identity.json", "values": {"name": "Clay", "author": "Kiln Works"}})),
    # sheets and fields
    ("釉料配方.xlsx 的 2024春季 表转 alpaca", ("convert_dataset", {"path": "釉料配方.xlsx", "sheet": "2024春季", "to": "alpaca"})),
    ("把 釉料配方.xlsx 的“青瓷”一卷转作 sharegpt", ("convert_dataset", {"path": "釉料配方.xlsx", "sheet": "青瓷", "to": "sharegpt"})),
    ("Please inspect glaze book.xlsx, sheet name is Batch 7", ("inspect_dataset", {"path": "glaze book.xlsx", "sheet": "Batch 7"})),
    ("glaze.csv keeps the questions in a column called 'Potter Q' and the answers in 'Master A'. Convert it to alpaca.",
     ("convert_dataset", {"path": "glaze.csv", "to": "alpaca", "question_field": "Potter Q", "answer_field": "Master A"})),
    ("kiln_log.json has a firing_notes column with the reasoning, make 50 cot samples from it", ("add_cot", {"path": "kiln_log.json", "n_samples": 50, "rationale_field": "firing_notes"})),
    ("add CoT to kiln_log.json using column glaze_reasoning for 40% of rows", ("add_cot", {"path": "kiln_log.json", "rationale_field": "glaze_reasoning", "fraction": 0.4})),
    # counts and templates
    ("一例不够看,为 陶艺问答.jsonl 每条配 2 例,做三成", ("add_few_shot", {"path": "陶艺问答.jsonl", "k": 2, "fraction": 0.3})),
    ("陶艺问答.jsonl 做指令扩写,模板就用这俩:师傅问一下,{q} 和 {q}?求教 ——扩两成",
     ("augment_instructions", {"path": "陶艺问答.jsonl", "templates": ["师傅问一下,{q}", "{q}?求教"], "fraction": 0.2})),
    ("陶艺问答.jsonl 加两个模板:师傅,{q} 和 请教{q} ,一半的数据", ("augment_instructions", {"path": "陶艺问答.jsonl", "templates": ["师傅,{q}", "请教{q}"], "fraction": 0.5})),
    # values asked in other words
    ("我们有 800 道题,全量微调,帮我算一算要学几遍", ("suggest_hyperparameters", {"n_samples": 800, "method": "full"})),
    ("about 3000 rows, going full finetune, hook me up with epochs and lr", ("suggest_hyperparameters", {"n_samples": 3000, "method": "full"})),
    ("I have 700 questions, how many epochs? Full training, no' the lora thing.", ("suggest_hyperparameters", {"n_samples": 700, "method": "full"})),
    # in English, the check a conversion waits on is the quality check; in Chinese 检查一下 … 没问题再转 stays a look
    ("check glaze notes v2.json, then if it looks ok convert it to alpaca", ("check_quality", {"path": "glaze notes v2.json"})),
])
def test_round671_causes(text, want):
    assert one_call(text) == want


@pytest.mark.parametrize("text", [
    # a question in Shanghainese (伐), a step's effect on the file, two methods compared, our words defined
    "停脱训练以后,适配器还在伐?",
    "Will adding CoT make the file bigger? My disk is small.",
    "LoRA 跟全量微调比,哪个省显存?",
    "what's a placeholder, in plain words",
    "Please explain what 'max_steps' means and why I'd set it.",
])
def test_round671_questions_never_act(text):
    assert [c["name"] for c in plan(text)] == ["explain"]


def test_what_stays_as_it_was():
    # something else that stopped for an afternoon stops no run
    assert not {c["name"] for c in plan("窑炉停了一下午,今天风大")} & _RUN_CHANGES
    # 存档 as keeping a file is no checkpoint; 升学率 is no learning rate
    assert not {c["name"] for c in plan("把数据存档一下")} & _RUN_CHANGES
    assert "probe_learning_rate" not in {c["name"] for c in plan("我们学校的升学率很高")}
    # "非" inside a word is no "not … but"
    assert one_call("学习率 2e-4 并非随便定的,就用它在 glaze.csv 上开训") == ("start_training", {"path": "glaze.csv", "learning_rate": 0.0002})
    # a run's name asked about is not how it is doing
    assert "training_status" not in {c["name"] for c in plan("kiln-0911 这个名字如何?")}
    # the first of several counts of examples stays when none says "each"
    assert one_call("给 glaze.csv 加 few-shot,k=3,做两成") == ("add_few_shot", {"path": "glaze.csv", "k": 3, "fraction": 0.2})
    # in Chinese, "检查一下 FILE,没问题再转" is a look at the file
    assert one_call("先检查一下 釉料.xlsx,没问题再转千帆") == ("inspect_dataset", {"path": "釉料.xlsx"})
