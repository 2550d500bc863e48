"""The knowledge behind the ``explain`` tool: short answers about SFT written from the
project's manual (``shared/seed/sft-quick-manual.zh.txt``), in Chinese and English.

Retrieval is deliberately simple and offline: each entry has keywords in both
languages; a question scores one point per character bigram (Chinese) or word
(English) it shares with an entry's keywords and title, plus 3 per whole keyword it
contains. The best entry wins when it scores at least ``MIN_SCORE``; otherwise the
answer lists the topics we can explain instead of guessing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MANUAL = "SFT调优快速手册 (2024-05-31)"
MIN_SCORE = 3


@dataclass(frozen=True)
class Entry:
    topic: str
    section: str
    """The manual section the answer comes from (cited in every answer)."""
    keywords: tuple[str, ...]
    zh: str
    en: str


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "what_is_sft", "SFT(有监督微调)概述 › 什么是SFT",
        ("sft", "什么是sft", "有监督微调", "监督微调", "微调", "supervised fine-tuning", "fine-tuning", "fine tuning",
         "what is sft", "why fine-tune", "为什么微调", "领域适应", "domain adaptation", "task-specific"),
        "有监督微调(SFT)是拿一个预训练好的模型,在你自己任务的少量有标注数据上再训练。它能提升特定任务的效果、"
        "让模型适应你所在领域的术语和表达、在标注数据有限时也能取得不错的效果,并用具体的任务信号约束模型的学习。",
        "Supervised fine-tuning (SFT) takes a pretrained model and trains it further on a small amount of labelled "
        "data for your own task. It improves task performance, adapts the model to your domain's terms and style, "
        "works when labelled data is scarce, and constrains learning with a concrete task signal.",
    ),
    Entry(
        "data_format", "准备数据 › 1.LLM大语言模型所需SFT数据",
        ("数据格式", "问答", "问题和答案", "字段", "jsonl", "excel", "csv", "格式", "data format", "format",
         "question and answer", "qa pair", "fields", "prepare data", "准备数据"),
        "SFT 数据以问答形式准备:每条样本一个问题(可带背景)和一个回应。文件可以是 JSONL、Excel 或 CSV,"
        "关键是保持问题和答案两个独立字段。",
        "Prepare SFT data as question/answer pairs: each sample has a question (optionally with context) and a "
        "response. JSONL, Excel or CSV all work; what matters is keeping the question and the answer as two "
        "separate fields.",
    ),
    Entry(
        "prompt_optimization", "准备数据 › 2.Prompt优化",
        ("prompt", "提示词", "prompt优化", "指令", "预测阶段", "训练阶段", "inference prompt", "instruction",
         "prompt engineering", "推理"),
        "Prompt 优化主要用在训练阶段,用来增加指令的多样性,让模型更好地理解指令。对特定下游任务,预测时的"
        "prompt 应与训练时保持一致或接近;预测阶段单独做 prompt 优化主要用于无法微调的场景。",
        "Prompt optimisation matters mostly at training time, to make instructions more diverse so the model "
        "understands them better. For a specific downstream task, keep the inference prompt the same as (or close "
        "to) the training prompt; optimising prompts only at inference is for when you cannot fine-tune.",
    ),
    Entry(
        "few_shot_cot", "准备数据 › 2.Prompt优化",
        ("few shot", "few-shot", "fewshot", "少样本", "示例", "cot", "chain of thought", "chain-of-thought",
         "思维链", "推理链", "多轮对话", "multi-turn"),
        "适当构建 few-shot(在问题前放几个示例问答)和 CoT(思维链,答案前先写推理过程)数据加入训练,"
        "有助于模型理解指令,也有助于多轮对话能力。用 add_few_shot 和 add_cot 工具可以生成这类样本。",
        "Adding some few-shot samples (a few example Q&A pairs before the question) and chain-of-thought samples "
        "(reasoning written before the answer) to the training data helps the model follow instructions and "
        "handle multi-turn dialogue. The add_few_shot and add_cot tools build such samples.",
    ),
    Entry(
        "quality_over_quantity", "准备数据 › 3.数据规模、数据多样性",
        ("数据量", "数据规模", "多少条", "多少数据", "质量", "数量", "精标", "1万", "一万", "how much data",
         "how many samples", "quantity", "quality", "data size", "dataset size", "more data"),
        "在 SFT 中数据规模的重要性低于数据质量:通常 1 万条左右的精标数据就能发挥良好效果。只扩大数据量而不增加"
        "提示多样性,收益会大大减少;而提升数据质量,收益会显著增加。",
        "In SFT, data quality matters more than quantity: about 10,000 carefully labelled samples usually work "
        "well. Adding more data without making the prompts more diverse brings much smaller gains, while "
        "improving data quality brings large ones.",
    ),
    Entry(
        "diversity_templates", "准备数据 › 3.数据规模、数据多样性",
        ("多样性", "diversity", "diverse", "模板", "template", "prompt_template", "数据增强", "augment",
         "augmentation", "同义指令", "paraphrase", "中译英"),
        "扩充数据时要注意多样性。除了从原始数据获取,也可以用 prompt_template 对指令做数据增强:例如“中文翻译英文”"
        "可以扩展为“中译英”“翻译中文为英文”等同义指令。augment_instructions 工具就是做这个的。",
        "When you add data, keep it diverse. Besides collecting it, you can widen instructions with prompt "
        "templates: 'translate Chinese to English' becomes 'zh→en', 'render this Chinese in English' and other "
        "instructions with the same meaning. The augment_instructions tool does this.",
    ),
    Entry(
        "data_quality_checks", "准备数据 › 4.数据质量",
        ("数据质量", "质量检查", "筛选", "ppl", "perplexity", "困惑度", "reward model", "奖励模型", "清洗",
         "check quality", "check", "data quality", "filter", "clean", "bad data", "错误数据"),
        "挑选高质量数据能有效提升模型效果,要避免错误或无意义的内容。可以先用 ppl(困惑度)、reward model、"
        "文本质量分类模型做初步评估,再人工筛选;自动筛选难免误筛。check_quality 工具会找出重复、空答案等问题,"
        "也能按困惑度标出离群样本。",
        "Choosing high-quality data clearly improves the model; avoid wrong or meaningless content. Screen first "
        "with perplexity, a reward model or a text-quality classifier, then review by hand, since automatic "
        "filters make mistakes. The check_quality tool finds duplicates, empty answers and similar problems and "
        "can flag perplexity outliers.",
    ),
    Entry(
        "epochs_vs_lr", "选择SFT的超参数",
        ("epoch", "epochs", "轮数", "训练几轮", "几个epoch", "学习率", "learning rate", "lr", "超参数",
         "hyperparameter", "hyperparameters", "how many epochs", "收敛", "converge"),
        "EPOCH 的影响比学习率大,应按数据规模调整:数据少时适当增大 epoch 让模型充分收敛。手册的例子:"
        "100 条数据 epoch 15,1000 条 epoch 10,10000 条 epoch 2。suggest_hyperparameters 会按你的数据量给出建议。",
        "Epochs matter more than the learning rate; set them by dataset size, with more epochs for small data so "
        "the model converges. The manual's examples: 100 samples → 15 epochs, 1,000 → 10, 10,000 → 2. "
        "suggest_hyperparameters applies this to your dataset.",
    ),
    Entry(
        "overfitting_forgetting", "选择SFT的超参数",
        ("过拟合", "遗忘", "灾难性遗忘", "通用能力", "通用nlp能力", "通用数据", "混合", "overfit", "overfitting",
         "forgetting", "catastrophic forgetting", "general ability", "general data", "mix"),
        "epoch 过高可能导致通用 NLP 能力的遗忘。如果只关心下游任务,通用能力略降影响不大;如果很在乎通用能力,"
        "可以在训练数据中混入通用的种子数据,尽量让通用能力不下降太多。",
        "Too many epochs can make the model forget general language abilities. If you only care about the "
        "downstream task, a small drop matters little; if you care about general ability, mix general-purpose "
        "seed data into the training set to limit the loss.",
    ),
    Entry(
        "gradient_accumulation", "选择SFT的超参数",
        ("batch", "batch size", "batch_size", "global batch", "梯度累积", "累积", "accumulate",
         "gradient accumulation", "accumulation steps", "吞吐", "throughput", "批大小"),
        "适当增大 global batch size,例如把梯度累积步数(accumulate step)设为 32 或 64;分布式节点增多时可以"
        "进一步增大 batch size,提高吞吐。global batch = 每卡 batch × 累积步数 × 卡数。",
        "Increase the global batch size moderately, e.g. gradient accumulation steps of 32 or 64; with more "
        "distributed nodes you can raise it further for throughput. Global batch = per-device batch × "
        "accumulation steps × devices.",
    ),
    Entry(
        "lora_lr", "选择SFT的超参数",
        ("lora", "peft", "lora学习率", "lora learning rate", "adapter", "适配器", "低秩", "rank", "lora_r",
         "larger learning rate", "增大学习率"),
        "对 LoRA 这类 PEFT 训练方式,可以适当增大学习率(只训练少量低秩参数,需要更大的步长)。",
        "For LoRA and other PEFT methods you can use a larger learning rate than for full fine-tuning (only a "
        "few low-rank parameters are trained, so they need bigger steps).",
    ),
)

GLOSSARY: tuple[Entry, ...] = (
    Entry(
        "terms_training", "术语(用于「选择SFT的超参数」)",
        ("what is an epoch", "what does epoch mean", "epoch mean", "meaning of epoch", "什么是epoch", "epoch是什么",
         "epoch是什么意思", "什么是学习率", "学习率是什么", "what is a learning rate", "what is the learning rate",
         "what is batch size", "batch size是什么", "什么是batch", "什么是步数", "what is a step", "定义", "definition"),
        "术语:一个 epoch 是把全部训练数据完整过一遍;学习率(LR)是每一步参数更新的幅度;batch size 是一步里"
        "一起计算梯度的样本数,global batch = 每卡 batch × 梯度累积步数 × 卡数;优化步数 ≈ 样本数 × epoch ÷ global batch。"
        "手册在「选择SFT的超参数」里讲如何设置它们。",
        "Terms: one epoch is one full pass over the training data; the learning rate (LR) is how far each update "
        "moves the weights; the batch size is how many samples one step's gradient is computed on, and global "
        "batch = per-device batch × accumulation steps × devices; optimizer steps ≈ samples × epochs ÷ global "
        "batch. The manual's section on choosing hyperparameters says how to set them.",
    ),
    Entry(
        "terms_lora", "术语(用于「选择SFT的超参数」)",
        ("what is lora", "lora是什么", "什么是lora", "what is peft", "什么是peft", "low-rank", "低秩适配", "lora rank",
         "lora秩"),
        "术语:LoRA 是一种 PEFT(参数高效微调)方法:冻结原模型,只在部分层旁加入低秩矩阵(秩 r,如 8 或 16)来训练,"
        "所以显存和时间都省,结果是一个小的适配器(adapter)文件夹。手册建议 LoRA 训练适当增大学习率。",
        "Terms: LoRA is a PEFT (parameter-efficient fine-tuning) method: the base model is frozen and small "
        "low-rank matrices (rank r, e.g. 8 or 16) beside some layers are trained, which saves memory and time and "
        "yields a small adapter folder. The manual advises a somewhat larger learning rate for LoRA.",
    ),
    Entry(
        "terms_runs", "术语(本工具的训练运行,用于「选择SFT的超参数」)",
        ("中途停", "停掉", "停止训练", "中断训练", "暂停训练", "暂停", "继续训练", "接着训", "断点", "检查点", "checkpoint",
         "resume", "resuming", "stop training", "stopped run", "stop a run", "pause", "kill the run", "优化器状态",
         "optimizer state", "从头开始"),
        "术语:停止训练时,进程会做完当前这一步、保存检查点(权重、优化器状态、学习率进度和步数),状态变为“已停止”;"
        "之后“继续训练”会从最近的检查点接着跑,步数和学习率计划都不变,不会从 0 开始。被强行杀掉(如断电)的训练"
        "也能从最近的检查点继续,只损失最后一个检查点之后的几步。开始、停止和继续都要你确认后才执行。",
        "Terms: stopping a run lets the process finish its current step and save a checkpoint (weights, optimizer "
        "state, learning-rate schedule and step count); it then shows as stopped. Resuming continues from the newest "
        "checkpoint with the same step count and schedule, not from 0. A run that was killed (a power cut) resumes "
        "the same way and loses only the steps after its last checkpoint. Starting, stopping and resuming happen "
        "only after you confirm.",
    ),
    Entry(
        "terms_eval", "术语(本工具的训练后评估,用于「过拟合与遗忘」)",
        ("评估", "评测", "指标", "效果怎么看", "学到了", "rouge", "rouge-l", "f1", "exact match", "困惑度", "遗忘",
         "forgetting", "evaluate", "evaluation", "metrics", "did it learn", "held-out", "验证集"),
        "术语:每次训练前会留出约 10% 的样本(最多 200 条)不参与训练;训练结束后,基座模型和微调后的模型在这些"
        "留出的问题上比较答案的损失/困惑度,以及生成答案的精确匹配、字符级 F1 和 ROUGE-L(中文按字计)。"
        "遗忘用一组通用问题衡量:微调后模型对基座模型自己答案的困惑度上升了多少(forgetting_pct);手册建议"
        "epoch 过高时混入通用数据来减少遗忘。",
        "Terms: before training about 10% of the samples (at most 200) are held out; after training the base and "
        "tuned models are compared on those held-out questions: answer loss and perplexity, and exact match, "
        "character F1 and ROUGE-L of their generated answers (per character for Chinese). Forgetting is measured on "
        "general prompts: how much the tuned model's perplexity on the base model's own answers rose "
        "(forgetting_pct); the manual's remedy for forgetting with high epochs is to mix general data in.",
    ),
    Entry(
        "terms_identity", "术语(自我认知数据,用于「准备数据」)",
        ("identity.json", "identity", "自我认知", "身份数据", "self-cognition", "who are you", "你是谁", "{{name}}", "{{author}}",
         "占位符", "placeholder", "placeholders"),
        "术语:identity.json 是 LLaMA-Factory 自带的“自我认知”数据(约 90 条,如“你是谁?”→“我是 {{name}},由 {{author}} "
        "开发……”),用来让模型说出你给它起的名字和开发方。训练前先把 {{name}} 和 {{author}} 填成你的助手名和机构名"
        "(告诉我值即可,我会写出一份填好的新文件,原文件不动),再和你的问答数据一起训练;没填的占位符会被质量检查标出来。",
        "Terms: identity.json is LLaMA-Factory's self-cognition dataset (about 90 samples such as \"Who are you?\" → \"I am "
        "{{name}}, developed by {{author}} …\") that teaches the model the name and maker you give it. Before training, fill "
        "{{name}} and {{author}} with your assistant's and your organisation's names (tell me the values and I write a filled "
        "copy; the original is not changed), then train it together with your Q&A data; the quality check flags any "
        "placeholder left unfilled.",
    ),
    Entry(
        "terms_registry", "术语(数据集注册与训练框架的格式,用于「准备数据」)",
        ("dataset_info.json", "dataset_info", "注册数据集", "注册", "register", "registry", "columns", "tags", "llama-factory",
         "llamafactory", "formatting"),
        "术语:这里不用注册数据集:上传或写出文件名即可,格式会自动识别。要拿到 LLaMA-Factory 里用,先转成 alpaca 或 sharegpt;"
        "sharegpt 输出用的就是它的默认键(conversations,from/value,human/gpt/function_call/observation,另有 system、tools),"
        "所以在 dataset_info.json 里只需写 {\"你的数据\": {\"file_name\": \"x.json\", \"formatting\": \"sharegpt\"}},"
        "带 system 或 tools 时在 columns 里加上 \"system\": \"system\"、\"tools\": \"tools\";alpaca 输出是 instruction/input/output,"
        "也是默认列名,写 file_name 即可。",
        "Terms: nothing needs registering here: upload a file or name it and its format is detected. To use the data in "
        "LLaMA-Factory, convert it to alpaca or sharegpt. The sharegpt output uses that tool's default keys (conversations; "
        "from/value; human/gpt/function_call/observation; plus system and tools), so its dataset_info.json entry only needs "
        "{\"your_data\": {\"file_name\": \"x.json\", \"formatting\": \"sharegpt\"}}, adding \"system\": \"system\" and "
        "\"tools\": \"tools\" under columns when those are present. The alpaca output is instruction/input/output, the "
        "default columns too: file_name is enough.",
    ),
    Entry(
        "terms_outputs", "术语(本工具的输出与确认,用于「准备数据」)",
        ("存哪", "存到哪", "保存在哪", "在哪里", "输出文件", "原文件", "覆盖", "删了", "删掉了", "已经删", "where did you save",
         "where is the file", "saved", "overwrite", "original", "a copy", "delete them", "already delete", "default base model",
         "默认基座", "默认的基座", "outputs", "删完", "还能恢复", "原始文件", "另存", "actual file", "a copy",
         "end up", "改原文件", "恢复", "撤销", "还原", "找回", "undo", "undone", "recover", "get them back", "reversible"),
        "术语:每一步都把结果写成新文件,放在工作区的 outputs 文件夹(每条回复都写出文件名,数据页也能下载),你上传的原文件从不改动、"
        "不会被覆盖。质量检查只自动去掉完全重复和空答案(写在报告里),其余标记的记录不会删;按规则删除、开始/停止/继续训练"
        "都要你确认后才执行,没确认就什么都没做。训练默认用内置的 SmolLM2-135M-Instruct 作基座,除非你指定别的模型文件夹。",
        "Terms: every step writes its result as a new file in the workspace's outputs folder (each reply names the file, and the "
        "Data tab offers it for download); the file you uploaded is never changed or overwritten. The quality check removes "
        "only exact duplicates and empty answers on its own (listed in its report) and deletes nothing else it flags; dropping "
        "records by a rule, and starting, stopping or resuming training, happen only after you confirm, so nothing was done "
        "until you did. Training uses the embedded SmolLM2-135M-Instruct as its base model unless you name another model folder.",
    ),
)
GLOSSARY = GLOSSARY + (
    Entry(
        "terms_files", "术语(本工具读写的文件,用于「准备数据」)",
        ("pdf", "word", "docx", "文档", "读", "直接读", "直接认", "识别", "支持", "accept", "accepts", "support", "supported",
         "which formats", "file formats", "file types", "xls", "excel", "workbook", "sheet", "列", "备注", "notes",
         "column", "columns", "其他列", "other columns", "qianfan", "千帆", "openai", "alpaca", "sharegpt", "only"),
        "术语:我读 CSV、TSV、txt(逗号或制表符分隔)、Excel .xlsx/.xlsm(可指定 sheet)、JSON 和 JSONL,能认出千帆、alpaca、sharegpt、"
        "openai messages 和普通问答表;读不了 PDF、Word 和旧版 .xls,请先另存为 .xlsx 或 CSV(UTF-8)。可以转成 千帆、alpaca、sharegpt、"
        "openai、jsonl、csv、xlsx 任一种。训练只用问题和答案两列(自动识别,也可以告诉我列名);备注、编号等其他列随记录保留,"
        "但不会进入训练文本,查看文件时会列出来。",
        "Terms: I read CSV, TSV and .txt (comma or tab separated), Excel .xlsx/.xlsm (any sheet you name), JSON and JSONL, and "
        "recognise Qianfan, Alpaca, ShareGPT, OpenAI messages and plain Q&A tables; PDF, Word and old .xls files cannot be read, "
        "so save them as .xlsx or CSV (UTF-8) first. I convert to any of qianfan, alpaca, sharegpt, openai, jsonl, csv and xlsx. "
        "Training uses only the question and the answer columns (found automatically, or name them); other columns such as "
        "notes or ids stay with each record but are not part of the training text, and a look at the file lists them.",
    ),
    Entry(
        "terms_offline", "术语(数据留在本机,用于「准备数据」)",
        ("外网", "联网", "上网", "云端", "服务器", "隐私", "泄露", "保密", "internet", "online", "cloud", "leave the machine", "privacy",
         "private", "confidential", "医院", "send our data", "send my data", "data anywhere", "sensitive", "外传", "敏感"),
        "术语:一切都在这台机器上完成:上传的文件放在你自己会话的工作区里,训练和评估都在本机跑,默认的助手模型也是离线的,"
        "不会把数据发到外网。只有你自己在设置里配置了 OpenAI 兼容的接口地址时,对话内容才会发往那个地址。",
        "Terms: everything happens on this machine: uploaded files stay in your own session's workspace, training and "
        "evaluation run locally, and the default assistant model is offline, so no data is sent to the internet. Only if you "
        "configure an OpenAI-compatible endpoint in the settings does the conversation go to that address.",
    ),
    Entry(
        "terms_duration", "术语(训练要多久,用于「训练」)",
        ("多久", "多长时间", "要跑多久", "跑多久", "耗时", "等多久", "how long", "take long", "duration", "time it takes", "slow",
         "太慢", "等到", "gpu", "显卡", "cpu", "电脑", "machine", "hardware", "硬件", "pcs", "old computer", "laptop", "笔记本"),
        "术语:训练要多久取决于样本数、epoch 和这台机器:开始前给你确认的计划里会写出预计时间,训练中问我进度会报已跑的步数和"
        "剩余时间。想更快:先用 max_steps 跑一小段看 loss,或者减少 epoch;数据量不变时,epoch 是最主要的时间开销。不需要 GPU:内置的 "
        "SmolLM2-135M 在普通电脑的 CPU 上就能训练;机器上有 GPU 时会自动用上,速度快很多。",
        "Terms: how long a run takes depends on the number of samples, the epochs and this machine: the plan you confirm before "
        "it starts shows the estimated time, and asking for progress during the run gives the steps done and the time left. To "
        "go faster, try a short run with max_steps to watch the loss first, or use fewer epochs; for the same data, epochs are "
        "what the time is spent on. No GPU is needed: the embedded SmolLM2-135M trains on an ordinary computer's CPU; when the "
        "machine has a GPU it is used, and runs are much faster.",
    ),
)
ENTRIES = ENTRIES + GLOSSARY
"""The manual's topics, then a short glossary of the terms they use (cited as such)."""

_WORD = re.compile(r"[a-z0-9_]+")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _units(text: str) -> set[str]:
    """English words and Chinese character bigrams (single characters for 1-char runs)."""
    text = text.lower()
    units = set(_WORD.findall(text))
    for run in _HAN.findall(text):
        units.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return units


def _contains(text: str, keyword: str) -> bool:
    """Chinese keywords match as substrings; English ones only as whole words ("format" is not
    in "information")."""
    if keyword.isascii():
        return re.search(rf"(?<![a-z0-9]){re.escape(keyword)}(?![a-z0-9])", text) is not None
    return keyword in text


def score(question: str, entry: Entry) -> int:
    q = question.lower()
    exact = sum(3 for k in entry.keywords if _contains(q, k))
    overlap = len(_units(question) & _units(" ".join(entry.keywords)))
    return exact + overlap


def retrieve(question: str) -> tuple[Entry | None, int]:
    """The best entry for ``question`` and its score (None when nothing scores ``MIN_SCORE``)."""
    best = max(ENTRIES, key=lambda e: score(question, e))
    best_score = score(question, best)
    return (best if best_score >= MIN_SCORE else None), best_score


_BATCH = re.compile(r"(?<!global )batch(?:[ _]?size)?\s*(?:=|:|：|of|是|为|设成|设为)?\s*(\d+)\b|\b(\d+)\s*的?\s*batch", re.I)
_ACCUM = re.compile(r"(?:grad(?:ient)?[ _]?)?accum\w*(?:[ _]steps?)?\s*(?:=|:|of)?\s*(\d+)|梯度累[积加](?:步数)?\s*(?:=|:|：|是|为|设成|设为)?\s*(\d+)", re.I)


def steps_worked_out(question: str) -> tuple[str, str] | None:
    """(en, zh) arithmetic for "10k samples, 3 epochs, batch 32 — how many steps?", or None when a number is missing.

    >>> steps_worked_out("10k samples, 3 epochs, batch 32, grad accum 4 - how many steps is that?")[0]
    '10,000 samples ÷ global batch 128 (32 × 4 accumulation) = 79 steps an epoch; × 3 epochs ≈ 237 optimizer steps.'
    """
    from assistant.nlu import amounts  # the request parser reads the counts; imported here to keep this module light

    batch = _BATCH.search(question)
    samples, epochs = amounts.count_args(question).get("n_samples"), amounts.training_args(question).get("epochs")
    if not (amounts.STEPS_ASKED.search(question) and batch and samples and epochs):
        return None
    size = int(batch.group(1) or batch.group(2))
    accum = _ACCUM.search(question)
    times = int(accum.group(1) or accum.group(2)) if accum else 1
    per_epoch = -(-samples // (size * times))
    shown = f"{size * times} ({size} × {times} accumulation)" if times > 1 else f"{size}"
    shown_zh = f"{size * times}({size} × 梯度累积 {times})" if times > 1 else f"{size}"
    return (f"{samples:,} samples ÷ global batch {shown} = {per_epoch:,} steps an epoch; × {epochs} epochs ≈ "
            f"{per_epoch * epochs:,} optimizer steps.",
            f"{samples} 条 ÷ global batch {shown_zh} = 每个 epoch {per_epoch} 步;× {epochs} 个 epoch ≈ {per_epoch * epochs} 个优化步。")


def explain(question: str) -> dict:
    """``{"matched", "topic", "section", "score", "en", "zh"}``: the answer in both languages,
    ending with the manual section it cites. A question that asks how many steps, with the numbers in it, gets
    the arithmetic first."""
    worked = steps_worked_out(question)
    if worked is not None:
        terms = next(e for e in GLOSSARY if e.topic == "terms_training")
        return {"matched": True, "topic": terms.topic, "section": terms.section, "score": MIN_SCORE,
                "en": f"{worked[0]} {terms.en} (Source: {MANUAL}, section “{terms.section}”.)",
                "zh": f"{worked[1]}{terms.zh}(出处:《{MANUAL}》 {terms.section})"}
    entry, points = retrieve(question)
    if entry is None:
        topics_zh = "什么是SFT、数据格式、Prompt优化、few-shot与CoT、数据质量与数量、数据多样性、质量检查、epoch与学习率、过拟合与遗忘、梯度累积、LoRA学习率"
        topics_en = ("what SFT is, data format, prompts, few-shot and CoT, quality vs quantity, diversity, quality "
                     "checks, epochs vs learning rate, over-fitting and forgetting, gradient accumulation, LoRA learning rates")
        return {"matched": False, "topic": None, "section": None, "score": points,
                "zh": f"手册里没有找到这个问题的答案。我可以解释:{topics_zh}。",
                "en": f"The manual has nothing on that. I can explain: {topics_en}."}
    return {"matched": True, "topic": entry.topic, "section": entry.section, "score": points,
            "zh": f"{entry.zh}(出处:《{MANUAL}》 {entry.section})",
            "en": f"{entry.en} (Source: {MANUAL}, section “{entry.section}”.)"}
