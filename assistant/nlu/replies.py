"""What the offline model says: answers written from tool results, questions back to the
user, and what it can do, in the user's language (zh when their message has CJK, else en)."""
from __future__ import annotations

import os

from assistant.envelope import ToolResult
from assistant.lang import language_of


def language(text: str) -> str:
    """"zh" or "en": the one language detector (assistant.lang.language_of)."""
    return language_of(text)


CAPABILITIES = {
    "en": ("I can: inspect a dataset (\"how many rows are in faq.xlsx?\"), convert it (\"convert to jsonl / qianfan / "
           "alpaca / sharegpt / openai / csv / xlsx\"), check its quality (duplicates, empty answers, perplexity), add "
           "few-shot or chain-of-thought samples, diversify instructions with templates, suggest hyperparameters "
           "(\"I have 1000 samples, how many epochs?\"), start, watch and stop a LoRA training run, and explain SFT "
           "concepts (\"why do epochs matter more than the learning rate?\"). Attach a file or name it in your message."),
    "zh": ("我可以:查看数据集(\"faq.xlsx 有多少条?\")、转换格式(jsonl / 千帆 / alpaca / sharegpt / openai / csv / xlsx)、"
           "检查数据质量(重复、空答案、困惑度)、加入 few-shot 或 CoT 思维链样本、用模板增强指令多样性、推荐超参数"
           "(\"我有1000条数据,epoch设多少?\")、启动/查看/停止 LoRA 训练,以及解释 SFT 相关概念(\"为什么 epoch 比学习率影响大?\")。"
           "请上传文件或在消息里写出文件名。"),
}
OFF_TOPIC = {
    "en": ("That's outside what I do. I can: inspect and convert datasets, check their quality, add few-shot or "
           "chain-of-thought samples, suggest hyperparameters, start, watch and stop LoRA training, and explain SFT concepts."),
    "zh": "这不在我能帮忙的范围内。我可以:查看和转换数据集、检查数据质量、加入 few-shot 或思维链样本、推荐超参数、启动/查看/停止 LoRA 训练,以及解释 SFT 概念。",
}
"""The short answer to an off-topic message (a recipe, the capital of Australia): what I can do, no guess."""
_ASK_FILE = {
    "en": "Which file should I use for {what}? Attach it (or name it, e.g. \"faq.xlsx\") and ask again.",
    "zh": "要对哪个文件{what}?请上传文件(或写出文件名,比如 \"faq.xlsx\")后再说一次。",
}
_WHAT = {
    "inspect_dataset": ("inspection", "查看"), "convert_dataset": ("the conversion", "转换格式"),
    "add_few_shot": ("few-shot samples", "加入 few-shot 示例"), "add_cot": ("chain-of-thought samples", "生成 CoT 样本"),
    "augment_instructions": ("instruction augmentation", "做指令增强"), "check_quality": ("the quality check", "检查质量"),
    "start_training": ("training", "训练"), "fill_placeholders": ("filling the placeholders", "填占位符"),
    "probe_learning_rate": ("the learning-rate probe", "做学习率探测"),
}
ASK_FORMAT = {
    "en": "Convert to which format? jsonl, qianfan, alpaca, sharegpt, openai, csv or xlsx.",
    "zh": "要转换成哪种格式?可选 jsonl、千帆(qianfan)、alpaca、sharegpt、openai、csv 或 xlsx。",
}
DROPPED = {"en": "OK, I won't do that.", "zh": "好的,那就不做了。"}
NOTHING_WAITING = {"en": "There is no plan waiting for your confirmation right now. Tell me what to run and I'll show the plan first.",
                   "zh": "现在没有等你确认的计划。告诉我要做什么,我会先把计划列给你确认。"}  # a yes to a plan shown, with none pending
NOTED = {"en": "Good to know. Tell me when you want the next step.", "zh": "好的,知道了。需要下一步时告诉我。"}  # what the person did themselves
NOT_UNDERSTOOD = {"en": "I'm not sure what you want me to do. ", "zh": "我没太明白你想让我做什么。"}
_NEXT = {
    "inspect_dataset": ("Next you can convert it (\"convert to jsonl\"), check its quality, or ask for hyperparameters.",
                        "下一步可以转换格式(\"转成jsonl\")、检查质量,或让我推荐超参数。"),
    "convert_dataset": ("Next: check its quality, or ask me for hyperparameters and start training.",
                        "下一步:检查数据质量,或让我推荐超参数后开始训练。"),
    "check_quality": ("Next: ask for hyperparameters, or start training on the cleaned file.",
                      "下一步:让我推荐超参数,或用清洗后的文件开始训练。"),
    "add_few_shot": ("Next: check its quality or start training on the new file.", "下一步:检查质量,或用新文件开始训练。"),
    "add_cot": ("Next: check its quality or start training on the new file.", "下一步:检查质量,或用新文件开始训练。"),
    "augment_instructions": ("Next: check its quality or start training on the new file.", "下一步:检查质量,或用新文件开始训练。"),
    "suggest_hyperparameters": ("Say \"start training with these settings\" to use them.", "说\"用推荐的参数开始训练\"即可按这些参数训练。"),
    "start_training": ("Ask \"how is it going?\" for progress, or \"stop training\" to stop it.", "问我\"训练进度如何?\"查看进度,说\"停止训练\"可以停下。"),
    "stop_training": ("You can start a new run whenever you like.", "需要时可以重新开始训练。"),
    "explain": ("", ""),
}
_FAILED = {"en": "That did not work: {text}", "zh": "没有成功:{text}"}


def needs_file(tool: str) -> tuple[str, str]:
    """What the tool guard says (en, zh) to a call that needs a dataset and came without one: the step waits for the file."""
    what = _WHAT.get(tool, ("this step", "这一步"))
    return (f"No dataset yet in this conversation for {what[0]}: attach a file (or name one) and I'll go on with it.",
            f"这次对话里还没有数据集,没法{what[1]}:请上传文件(或写出文件名),我接着做。")


def ask_file(tool: str, lang: str) -> str:
    what = _WHAT.get(tool, ("this", "处理"))
    return _ASK_FILE[lang].format(what=what[0] if lang == "en" else what[1])


_EXAMPLES = {
    "inspect_dataset": ("\"how many rows are in faq.xlsx?\"", "\"faq.xlsx 有多少条?\""),
    "convert_dataset": ("\"convert it to jsonl\"", "\"转成 jsonl\""),
    "check_quality": ("\"check the data quality\"", "\"检查数据质量\""),
    "add_few_shot": ("\"add 3 few-shot examples\"", "\"加入3条few-shot示例\""),
    "add_cot": ("\"add chain-of-thought samples\"", "\"生成CoT思维链样本\""),
    "augment_instructions": ("\"diversify the instructions\"", "\"增强一下指令多样性\""),
    "suggest_hyperparameters": ("\"I have 1000 samples, how many epochs?\"", "\"我有1000条数据,epoch设置多少?\""),
    "start_training": ("\"start training with 3 epochs\"", "\"开始训练,3个epoch\""),
    "training_status": ("\"how is training going?\"", "\"训练进度如何?\""),
    "stop_training": ("\"stop training\"", "\"停止训练\""),
    "explain": ("\"what is LoRA?\"", "\"什么是LoRA?\""),
}


_DOING = {
    "inspect_dataset": ("inspect", "查看"), "convert_dataset": ("convert", "转换格式"),
    "check_quality": ("check the quality of", "检查质量"), "add_few_shot": ("add few-shot samples to", "加入 few-shot 示例"),
    "add_cot": ("add chain-of-thought samples to", "生成 CoT 样本"), "augment_instructions": ("diversify the instructions of", "增强指令多样性"),
    "suggest_hyperparameters": ("suggest hyperparameters", "推荐超参数"), "start_training": ("start LoRA training on", "开始 LoRA 训练"),
    "training_status": ("show the training status", "查看训练进度"), "stop_training": ("stop the training run", "停止训练"),
    "resume_training": ("resume the training run", "恢复训练"), "evaluate_run": ("evaluate the run", "评估训练效果"),
    "probe_learning_rate": ("probe the learning rate on", "探测学习率"), "fill_placeholders": ("fill the placeholders in", "填写占位符"),
    "apply_quality_rule": ("apply the quality rule", "处理质检标出的记录"), "explain": ("explain", "解释"),
}


def did_you_mean(call: dict, lang: str) -> str:
    """A weak reading offered as a question: nothing runs until the user says yes."""
    args = dict(call["args"])
    target = os.path.basename(str(args.pop("path", ""))) if call["name"] != "suggest_hyperparameters" else ""
    args.pop("question", None)
    extra = ", ".join(f"{k}={v}" for k, v in args.items())
    doing = _DOING.get(call["name"], (call["name"], call["name"]))[0 if lang == "en" else 1]
    what = " ".join(p for p in (doing, target) if p) + (f" ({extra})" if extra else "")
    if lang == "zh":
        return f"我不太确定你的意思。你是想{what}吗?回复\"是\"就照做,或者换个说法。"
    return f"I'm not sure I understood. Did you mean: {what}? Reply \"yes\" to go ahead, or say it another way."


def unknown(lang: str, maybe: str | None = None) -> str:
    """Not understood: say so, offer the closest request as an example (no guess is acted on),
    then list what the assistant can do."""
    if maybe in _EXAMPLES:
        example = _EXAMPLES[maybe][0 if lang == "en" else 1]
        hint = f"If you meant something like {example}, say it that way. " if lang == "en" else f"如果你是想说类似 {example} 的意思,可以这样说。"
        return NOT_UNDERSTOOD[lang] + hint + CAPABILITIES[lang]
    return NOT_UNDERSTOOD[lang] + CAPABILITIES[lang]


def _status_hint(data: dict, lang: str) -> str:
    state = str((data or {}).get("state", ""))
    if state in ("queued", "running"):
        return "Ask again in a minute for fresh numbers." if lang == "en" else "过一会儿再问我,可以看到最新进度。"
    if state == "succeeded":
        return "Try the tuned model in the Chat tab." if lang == "en" else "可以到“对话”页试试微调后的模型。"
    if state in ("failed", "stopped"):
        return "You can fix the cause and start a new run." if lang == "en" else "排除原因后可以重新开始训练。"
    return ""


def from_result(tool: str, content: str, lang: str) -> tuple[str, bool]:
    """One tool result as a sentence for the user, and whether the tool succeeded."""
    result = ToolResult.parse(content)
    text = result.summary(lang) or str(content)[:500]
    return (text if result.ok else _FAILED[lang].format(text=text)), result.ok


def answer(results: list[tuple[str, str]], lang: str) -> str:
    """The final answer after the tools ran: each result, then one next-step hint."""
    parts, last_tool, all_ok, data = [], "", True, {}
    for tool, content in results:
        sentence, ok = from_result(tool, content, lang)
        parts.append(sentence)
        last_tool, all_ok = tool, all_ok and ok
        data = ToolResult.parse(content).data
    i = 0 if lang == "en" else 1
    if not all_ok:
        hint = "Fix that and ask me again." if lang == "en" else "修正后再告诉我。"
    elif data.get("pending"):
        hint = ""  # a plan waiting for the person's yes: its summary already says how to confirm
    elif last_tool == "training_status":
        hint = _status_hint(data, lang)
    else:
        hint = _NEXT.get(last_tool, ("", ""))[i]
    sep = "\n\n"
    return sep.join(p for p in parts if p) + (sep + hint if hint else "")
