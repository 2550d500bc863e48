"""Causes of the misses in the round-391 to round-414 blind corpora (each wave measured at first sight before any fix, then
mended); tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu import acts, amounts, dictated, names, numbers, paths, review, slots
from assistant.offline import plan


@pytest.mark.parametrize("text", [
    # a what-if or a question, framed as a letter, a radio call, or with a remark after it
    "敬启者:倘若中途将 kiln-07 停止,此前之检查点可否续用?仅作设想,恳请示知。\n此致\n敬礼",
    "Dear Sir or Madam,\nShould I halt a run midway, would its adapter survive? I ask only out of curiosity.\nYours faithfully",
    "If I stop kiln_final RIGHT NOW do we lose everything?? yes or no",
    "Kiln-Two. Hypothetical: if I pull the plug on kiln-2b mid-epoch, is the checkpoint kept? Over.",
    "q - does dropping dupes keep one of each or remove them all?",
    "问:判定「长答案」的标准是多少字以上?请写出依据。",
    # questions in general, the file or run only their setting
    "请问一般从哪一步开始比较好?我们攒了三年的陶艺课问答",
    "Does the column order in glaze_faq.csv matter?",
    "is it ok that glaze_faq.csv has a notes column? will that mess anything up?",
    "本人想知道 identity.json 这种身份文件是拿来干嘛的",
    "The user would like to know what a rationale column is for",
    "The user wonders when chain-of-thought samples help",
    "if I only have 30 examples can it still learn anything?!? 😭",
    "Are you sure epochs matter more than learning rate?",
    "Kindly define, for the avoidance of doubt, the term \"LoRA\".",
    "表格里如果有好几个sheet,是全读进去还是只读第一页?",
    "占位符到底是什么意思呀?为什么不直接写名字进去呢?",
    "```\nKeyError: 'output'\n```\n这报错啥意思",
    "loss 曲线一直 flat 是什么 reason?",
    # about the assistant itself, a greeting, venting
    "你自己是什么模型啊?背后是谁做的?",
    "早上好 今天也是被数据折磨的一天 xswl",
    "Morning. I teach pottery and students ask the same 60 questions. Bear with me, I'm not a computer person.",
    # a plan shown before, agreed to, with nothing pending here
    "乙方已审阅上述训练方案,兹确认无异议,请执行。",
    "I have read the training plan you set out and find it satisfactory. Pray proceed.",
    "Roger, plan received, all values check out. You are cleared to begin training. Over.",
    # a start with no data named, asked for quickly
    "帮我训个模型 越快越好",
    # wave 12: how to tell, a rule's consequence, a question about a setting
    "练完了我咋知道它到底学会了没有?",
    "how would I know if it learned anything?",
    "近似重复的要不要删?删了就只剩一半了",
    "用lora训练的话会不会忘掉通用能力?",
    # wave 13
    "停了以后明天再接着跑,是不是又得从头来一遍?",
    "恢复训练会从头开始吗?应该不会,是从 checkpoint 接着跑的吧?",
    "Hello, should I stop run kiln-311 midway, would its checkpoint be retained? Kindly advise.",
    "你给我讲个笑话我就继续干活",
    "欠拟合了咋看出来啊",
    "近似重复的要不要删?删了数据就只剩一半了",
    "学习率探测是干嘛的,跟直接给超参建议有啥区别",
])
def test_no_step_is_taken(text):
    assert [c["name"] for c in plan(text, [])] in ([], ["explain"])


@pytest.mark.parametrize("text, tool, args", [
    # stops and resumes read right
    ("敬启者:上月暂停之训练 kiln_job_03,今欲自检查点续行,烦请办理。\n此致敬礼\n陶坊 敬上", "resume_training", {"run_id": "kiln_job_03"}),
    ("kiln_lyric_02\n已经停下\n请让它\n从断处继续", "resume_training", {"run_id": "kiln_lyric_02"}),
    ("contineu the run i paused, its id is glaze-lora", "resume_training", {"run_id": "glaze-lora"}),
    ("```\nKilled\nexit code 137\n```\n接着从checkpoint跑 jobK-12", "resume_training", {"run_id": "jobK-12"}),
    ("把昨天停的那个kl4410继续跑起来吧", "resume_training", {"run_id": "kl4410"}),
    ("It's boiling over! Turn off the heat on job-33fe right now", "stop_training", {"run_id": "job-33fe"}),
    ("STATUS ON run-kiln-demo. WHERE IS IT.", "training_status", {"run_id": "run-kiln-demo"}),
    ("陶艺v2 已经跑完了,帮我跟原来的模型对比一下效果", "evaluate_run", {"run_id": "陶艺v2"}),
    # the probe, its steps, and what was done before
    ("学习率我不懂,要不先拿陶艺问答_2024.jsonl试跑一下找个合适的,跑120步", "probe_learning_rate", {"path": "陶艺问答_2024.jsonl", "steps": 120}),
    ("甲方要求就 kiln.jsonl 开展学习率区间测试,步数以九十(90)步为限。", "probe_learning_rate", {"path": "kiln.jsonl", "steps": 90}),
    ("正式训练前先用 釉料问答.jsonl 跑个学习率范围测试,步数60就够了。", "probe_learning_rate", {"path": "釉料问答.jsonl", "steps": 60}),
    ("The range test looked fine. Please start training on glaze.jsonl, 2 epochs.", "start_training", {"path": "glaze.jsonl", "epochs": 2}),
    # advice, asked for a case
    ("两千四百条左右的数据,如果做全量微调,参数怎么设比较好呢?", "suggest_hyperparameters", {"n_samples": 2400, "method": "full"}),
    ("三百首诗\n三百个问答\n该训练几轮呢", "suggest_hyperparameters", {"n_samples": 300}),
    ("釉料问答.jsonl 要是用全参训,参数你帮我定一下", "suggest_hyperparameters", {"path": "釉料问答.jsonl", "method": "full"}),
    ("老师们陆陆续续整理了,有两千条,麻烦按两千条的规模推荐一下 epoch 和学习率", "suggest_hyperparameters", {"n_samples": 2000}),
    # looks and fills
    ("陶艺课.csv 先过一遍 看看有没有缺字段的", "inspect_dataset", {"path": "陶艺课.csv"}),
    ("Could you check kiln_log.jsonl for missing fields?", "inspect_dataset", {"path": "kiln_log.jsonl"}),
    ("陶艺课.csv 质检一下,重复和缺字段的都标出来", "check_quality", {"path": "陶艺课.csv"}),
    ("【批注】kiln_notes.jsonl:请先查看文件,统计条数。", "inspect_dataset", {"path": "kiln_notes.jsonl"}),
    ("identity.json里还有哪些花括号没填的,列出来", "fill_placeholders", {"path": "identity.json"}),
    ("list the blanks in identity.json that I need to fill", "fill_placeholders", {"path": "identity.json"}),
    ("鄙坊身份文件 identity.json 尚有 {{name}}、{{author}} 两处空缺。兹定名为「陶陶」,作者为「泥巴工坊」,烦请填入。", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "陶陶", "author": "泥巴工坊"}}),
    ("In potter_identity.json, fill {{name}} and {{author}} with 'Clay' and 'Wheel House' respectively.", "fill_placeholders",
     {"path": "potter_identity.json", "values": {"name": "Clay", "author": "Wheel House"}}),
    ("想让模型说自己叫“釉小助”,由“泥巴工坊”开发,请把 identity.json 里的占位符填上。", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "釉小助", "author": "泥巴工坊"}}),
    ("The nameplate in kiln_identity.json is unfinished: {{name}} should be 'Kiln Pal', {{author}} should be 'Studio 9'.", "fill_placeholders",
     {"path": "kiln_identity.json", "values": {"name": "Kiln Pal", "author": "Studio 9"}}),
    ("先把 identity.json 给我填好!!名字叫 陶艺助手!!", "fill_placeholders", {"path": "identity.json", "values": {"name": "陶艺助手"}}),
    # conversions: sheets named in other ways
    ("glaze.xlsx - the third sheet, 'Cones', turn that into jsonl", "convert_dataset", {"path": "glaze.xlsx", "sheet": "Cones", "to": "jsonl"}),
    ("convert glaze.xlsx Kilns sheet to alpaca", "convert_dataset", {"path": "glaze.xlsx", "sheet": "Kilns", "to": "alpaca"}),
    ("兹委托对《釉料.xlsx》(以下简称“标的文件”)中名为“高温”的工作表进行查阅。", "inspect_dataset", {"path": "釉料.xlsx", "sheet": "高温"}),
    ("客人问法五花八门 给茶陶问答.jsonl 全部都扩一下说法", "augment_instructions", {"path": "茶陶问答.jsonl", "fraction": 1.0}),
    ("帮我给 陶艺.jsonl 的提问换换花样,随机 50 条就行", "augment_instructions", {"path": "陶艺.jsonl", "n_samples": 50}),
    # settings, the data made, and what was put right
    ("1. file: kiln.jsonl\n2. few-shot samples\n3. k = 5\n4. a tenth of the records", "add_few_shot", {"path": "kiln.jsonl", "k": 5, "fraction": 0.1}),
    ("Correction to the training request:\n1. not 4 epochs\n2. 7 epochs", "start_training", {"epochs": 7}),
    ("give each one\nthree worked examples\nin glaze_qa.jsonl", "add_few_shot", {"path": "glaze_qa.jsonl", "k": 3}),
    ("add few-shot to glaze.jsonl, each sample have 4 example, make 60 sample", "add_few_shot", {"path": "glaze.jsonl", "k": 4, "n_samples": 60}),
    ("fewshot k4 glaze.jsonl", "add_few_shot", {"path": "glaze.jsonl", "k": 4}),
    ("**修正**:few-shot 的比例写错了,应该是 `0.3`,不是 `0.03`。", "add_few_shot", {"fraction": 0.3}),
    ("**Correction:** the few-shot `k` should be `5`, not `3`.", "add_few_shot", {"k": 5}),
    ("I beg to inform you of an error: the examples per sample ought to have been five, not two.", "add_few_shot", {"k": 5}),
    ("刚说 9 个 epoch 那个,改回 5 吧,9 太多了", "start_training", {"epochs": 5}),
    ("通用数据改成20%,别的不动", "start_training", {"mix_general": 0.2}),
    ("strat training on this one max steps 900", "start_training", {"max_steps": 900}),
    ("ok let's add that to kiln.jsonl then, maybe 40 samples? the explanations are in a column called 'why'", "add_cot",
     {"path": "kiln.jsonl", "n_samples": 40, "rationale_field": "why"}),
    # decisions on flagged records
    ("乱码那几条也不要了,估计是扫描出来的", "apply_quality_rule", {"rule": "garbled", "decision": "drop"}),
    ("哦不对 乱码的先别删 留着 我自己再核对", "apply_quality_rule", {"rule": "garbled", "decision": "keep"}),
    ("the garbled lines,\nlet them go", "apply_quality_rule", {"rule": "garbled", "decision": "drop"}),
    ("the ones where the answer is just the question pasted again, get rid of those", "apply_quality_rule",
     {"rule": "answer_is_question", "decision": "drop"}),
    ("去重 kiln.jsonl", "check_quality", {"path": "kiln.jsonl"}),
    # wave 12: runs
    ("I'm afraid I hit stop on glaze-run-02 by mistake. Could you start it again from where it left off?", "resume_training",
     {"run_id": "glaze-run-02"}),
    ("釉料改好了 kl_run_0923 接着之前的断点训吧", "resume_training", {"run_id": "kl_run_0923"}),
    ("假设中断不影响收敛。恢复 kiln_sweep_b,看看 loss 能否接上。", "resume_training", {"run_id": "kiln_sweep_b"}),
    ("回来了,虚惊一场。kiln_fire_02 继续", "resume_training", {"run_id": "kiln_fire_02"}),
    ("ok try resuming kl-004 i think it was a fluke", "resume_training", {"run_id": "kl-004"}),
    ("展览放完了,kiln-lora-01 接着上回的跑吧", "resume_training", {"run_id": "kiln-lora-01"}),
    ("kiln_fire_02 已经跑完了,跟原模型对比下", "evaluate_run", {"run_id": "kiln_fire_02"}),
    ("小李让我问问 exp-kl-12 是不是已经跑完了", "training_status", {"run_id": "exp-kl-12"}),
    ("kiln7 how's it doing", "training_status", {"run_id": "kiln7"}),
    ("Glaze loss hasn't moved in 2 hours, why are we still running kl_0715b? Stop it.", "stop_training", {"run_id": "kl_0715b"}),
    # the probe, asked in other ways
    ("lr_range_test:\n  data: glaze_en.jsonl\n  steps: 200\nrun it", "probe_learning_rate", {"path": "glaze_en.jsonl", "steps": 200}),
    ("> 开训前建议先在 kiln.jsonl 上做学习率探测,要跑多少步?\n80 步,跑吧", "probe_learning_rate", {"path": "kiln.jsonl", "steps": 80}),
    ("> Before training on glaze.jsonl I'd suggest a quick LR probe. How many steps?\n120, go", "probe_learning_rate",
     {"path": "glaze.jsonl", "steps": 120}),
    ("bangwo ceshi yixia xuexilv, wenjian shi kiln.jsonl, pao 80 bu", "probe_learning_rate", {"path": "kiln.jsonl", "steps": 80}),
    ("did I say 100 steps for the LR probe? wrong, 300 steps.", "probe_learning_rate", {"steps": 300}),
    # to-do lists, run-on sentences, rhetorical orders
    ("[ ] 填 identity.json: name=小陶 author=泥巴工坊\n[ ] 评估", "fill_placeholders", {"path": "identity.json", "values": {"name": "小陶", "author": "泥巴工坊"}}),
    ("To do:\n[ ] fill identity.json — name: Clay, author: Wheel House\n[ ] lunch\n[ ] start run", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Clay", "author": "Wheel House"}}),
    ("☐ 看看 kiln.jsonl 是啥格式\n☐ 问下老板要不要加cot", "inspect_dataset", {"path": "kiln.jsonl"}),
    ("I've got glaze.jsonl ready and then I want to train on it with 3 epochs and then lora rank 8 and then mix in 10% general data, start it",
     "start_training", {"path": "glaze.jsonl", "epochs": 3, "lora_r": 8, "mix_general": 0.1}),
    ("It's been sitting there all morning, why don't you just start training on glaze.jsonl already?", "start_training", {"path": "glaze.jsonl"}),
    ("There's a 'steps' column right there, so why not add CoT to every record of kiln.jsonl?", "add_cot",
     {"path": "kiln.jsonl", "fraction": 1.0, "rationale_field": "steps"}),
    ("你为啥不先把 kiln.jsonl 的质量查一下再说?", "check_quality", {"path": "kiln.jsonl"}),
    ("Are we keeping the one-word answers as trophies or what? Get rid of them.", "apply_quality_rule", {"rule": "short_answer", "decision": "drop"}),
    # values, fields and rules
    ("kiln_errors.csv has a 'diagnosis' column with the why. Build CoT samples from it for 20% of the rows", "add_cot",
     {"path": "kiln_errors.csv", "rationale_field": "diagnosis", "fraction": 0.2}),
    ("我们大概有900条数据,用lora训练的话您建议怎么设?", "suggest_hyperparameters", {"n_samples": 900, "method": "lora"}),
    ("釉料问答.xlsx 这个练几遍好 用lora", "suggest_hyperparameters", {"path": "釉料问答.xlsx", "method": "lora"}),
    ("In identity.json please put {{name}} as 'Kiln Helper' and {{author}} as 'St Anne's Pottery Guild'", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Kiln Helper", "author": "St Anne's Pottery Guild"}}),
    ("名字填 '小陶',zuozhe 填 '泥巴工坊',文件 identity.json", "fill_placeholders", {"path": "identity.json", "values": {"name": "小陶", "author": "泥巴工坊"}}),
    ("行,那就用陶艺问答_alpaca.json开始训吧,epoch 4", "start_training", {"path": "陶艺问答_alpaca.json", "epochs": 4}),
    ("还有空着没写答案的 也删掉", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("the ones where the answer just repeats the same word over n over, drop those", "apply_quality_rule", {"rule": "repetitive", "decision": "drop"}),
    # wave 13: two named, the one the request at the end names
    ("我有 glaze_old.xlsx 和 glaze_new.xlsx 两个文件,旧的不用管了,看一下 glaze_new.xlsx 的字段和条数。", "inspect_dataset", {"path": "glaze_new.xlsx"}),
    ("kl-07 and kl-08 both stopped last night. kl-07 I stopped on purpose. Resume kl-08.", "resume_training", {"run_id": "kl-08"}),
    ("There's kiln_small.jsonl and kiln_full.jsonl. small was just a smoke test. Start training on kiln_full.jsonl, 2 epochs.", "start_training",
     {"path": "kiln_full.jsonl", "epochs": 2}),
    # the probe and the rest
    ("学习率我不会定 你拿 釉料.jsonl 跑个测试吧", "probe_learning_rate", {"path": "釉料.jsonl"}),
    ("学习率应被探测,文件为 kiln.jsonl,步数 200。", "probe_learning_rate", {"path": "kiln.jsonl", "steps": 200}),
    ("identity.json: keep {{name}} as yesterday's 'Clay', set {{author}} to Wheel House", "fill_placeholders",
     {"path": "identity.json", "values": {"name": "Clay", "author": "Wheel House"}}),
    ("身份数据构建:对 kiln_persona.json 中的占位符进行填充,{{name}} 取值「陶陶」,{{author}} 取值「泥巴工坊」。", "fill_placeholders",
     {"path": "kiln_persona.json", "values": {"name": "陶陶", "author": "泥巴工坊"}}),
    ("把我上传的这个转成 jsonl 就行 用第一个工作表 名字叫 Sheet1 谢谢", "convert_dataset", {"sheet": "Sheet1", "to": "jsonl"}),
    ("identity.json 里有些双大括号的东西,你先给我列出来都有哪些,先别填", "fill_placeholders", {"path": "identity.json"}),
    ("kiln-003 says done! can you test it against the original model", "evaluate_run", {"run_id": "kiln-003"}),
    ("Given dataset kiln.jsonl, When few-shot is added, Then 100 samples are produced, each with 4 examples.", "add_few_shot",
     {"path": "kiln.jsonl", "n_samples": 100, "k": 4}),
    ("完全一摸一样的那些删了", "apply_quality_rule", {"rule": "exact_duplicate", "decision": "drop"}),
    ("师傅讲拉坯的时候都会说为啥这么做,我单独放在“缘由”那一列了,拿 拉坯问答.csv 做一批思维链的数据,做200条", "add_cot",
     {"path": "拉坯问答.csv", "n_samples": 200, "rationale_field": "缘由"}),
    ("我有八百条数据用罗拉训练 帮我建议一下 epoch 和学习率设多少", "suggest_hyperparameters", {"n_samples": 800, "method": "lora"}),
    ("续训会从最后一个checkpoint开始吗?应该会。那把 陶艺-lora-5 续上", "resume_training", {"run_id": "陶艺-lora-5"}),
])
def test_read_as_meant(text, tool, args):
    got_tool, got_args = one_call(text, ["/ws/uploads/final.jsonl"] if "this one" in text else [])
    assert got_tool == tool and {k: got_args.get(k) for k in args} == args, (got_tool, got_args)


def test_the_parts_read_alone():
    assert [n.value for n in numbers.find_numbers("give each one two worked examples")] == [2.0]
    assert [n.value for n in numbers.find_numbers("twenty one samples, one two three")] == [21.0, 1.0, 2.0, 3.0]
    assert [n.value for n in numbers.find_numbers("train on this one, max steps 900")] == [900.0]
    assert amounts.count_args("1. file: FILE\n2. k = 4", few_shot=True) == {"k": 4}
    assert dictated.unlettered("Dear Sir or Madam,\nPray proceed.\nYours faithfully") == "Pray proceed."
    assert dictated.unlettered("Dear team, convert x.csv") == "Dear team, convert x.csv"
    assert dictated.dictated("老师们陆陆续续整理的,壹佰伍拾步") == "老师们陆陆续续整理的,一百五十步"
    assert names.find_run_id("run-of-the-mill advice, please") is None
    assert [f.text for f in paths.find_paths("[draft] product_qa.xlsx 看一下")] == ["[draft] product_qa.xlsx"]
    assert slots.find_fields("(hereinafter \"the Book\") the sheet named \"Q2\"").get("sheet") == "Q2"
    assert review.placeholder_values("Fill identity.json NOW: name is DealBot, author is Kiln Co. NOW.") == {"name": "DealBot", "author": "Kiln Co."}
    assert acts.speech_act("sorry, meant xlsx not csv") == "correction"
