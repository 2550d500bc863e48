"""UI strings in 中文 and English.

Every visible label is looked up here by key, so the language switch can relabel the
whole page. The agent answers in the language the user writes in; this only covers
the page around it.
"""
from __future__ import annotations

LANGS = ("中文", "English")
DEFAULT = "中文"

STRINGS: dict[str, tuple[str, str]] = {
    # key: (中文, English)
    "title": ("# sft-assistant\n从一张问答表格到一个可以对话的 LoRA 微调模型。",
              "# sft-assistant\nFrom a spreadsheet of questions and answers to a LoRA-tuned model you can talk to."),
    "language": ("界面语言", "Language"),
    "tab_assistant": ("助手", "Assistant"),
    "tab_data": ("数据", "Data"),
    "tab_training": ("训练", "Training"),
    "tab_chat": ("对话测试", "Chat"),
    # assistant tab
    "assistant_chat": ("助手", "Assistant"),
    "assistant_welcome": (
        "**你好!我可以帮你把问答数据变成微调模型。** 上传 CSV / Excel / JSON / JSONL 文件,然后试试:\n\n"
        "- 这份数据有多少条?有什么问题?\n- 转成千帆格式 / 转成 alpaca\n- 检查数据质量\n"
        "- 我有1000条数据,epoch设置多少?\n- 开始LoRA训练 · 训练进度如何? · 停止训练\n- 什么是有监督微调?",
        "**Hi! I turn question-answer data into a fine-tuned model.** Upload a CSV / Excel / JSON / JSONL file, then try:\n\n"
        "- how many records does it have, any problems?\n- convert it to qianfan / alpaca\n- check the data quality\n"
        "- how many epochs for 1,000 samples?\n- start LoRA training · how is training going? · stop the run\n- what is SFT?",
    ),
    "assistant_input": ("输入问题,或上传 CSV / Excel / JSON / JSONL 数据文件",
                        "Ask something, or upload a CSV / Excel / JSON / JSONL data file"),
    "settings": ("模型后端设置(仅本会话)", "Language-model backend (this session only)"),
    "backend": ("后端", "Backend"),
    "backend_offline": ("离线(内置)", "offline (built in)"),
    "backend_openai": ("OpenAI 兼容接口", "OpenAI-compatible endpoint"),
    "base_url": ("Base URL", "Base URL"),
    "api_key": ("API Key", "API key"),
    "model_name": ("模型名", "Model"),
    "apply": ("应用", "Apply"),
    "backend_set_offline": ("本会话使用离线后端。", "This session uses the offline backend."),
    "backend_set_openai": ("本会话使用 {url} 上的 {model}。", "This session uses {model} at {url}."),
    "backend_missing": ("请填写 Base URL 和模型名。", "Fill in the base URL and the model name."),
    "tool": ("工具", "tool"),
    "tool_failed": ("未完成", "not done"),
    "pending_title": ("待确认", "Waiting for your confirmation"),
    "pending_hint": ("点「确认」执行,或「取消」放弃;也可以直接回复“好的”或“取消”。",
                     "Press Confirm to go ahead or Cancel to drop it; you can also reply \"yes\" or \"cancel\"."),
    "confirm": ("确认", "Confirm"),
    "cancel": ("取消", "Cancel"),
    "cancelled": ("已取消,什么都没有执行。", "Cancelled; nothing was done."),
    "nothing_pending": ("没有待确认的操作。", "Nothing is waiting for confirmation."),
    "run_card": ("训练任务 `{run_id}` · {state} · 第 {step} / {total} 步",
                 "Run `{run_id}` · {state} · step {step} / {total}"),
    "run_card_hint": ("点下方「在训练页查看这个训练任务」可以看进度和 loss 曲线。",
                      "Press \"Open the run in the Training tab\" below to follow its progress and loss."),
    "open_run": ("在训练页查看这个训练任务", "Open the run in the Training tab"),
    "turn_failed": ("这一步没有完成:{error}", "This step did not finish: {error}"),
    "clear": ("清空对话", "Clear conversation"),
    # data tab
    "dataset": ("数据集(本会话的上传和产出文件)", "Dataset (this session's uploads and outputs)"),
    "refresh": ("刷新", "Refresh"),
    "page": ("页码", "Page"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "preview": ("数据预览", "Preview"),
    "inspection": ("数据概况", "Inspection summary"),
    "quality": ("质量检查", "Quality check"),
    "run_quality": ("运行质量检查", "Run the quality check"),
    "flagged": ("被删除或标记的记录(请逐条复核)", "Removed and flagged records (review each)"),
    "with_ppl": ("同时计算困惑度(较慢)", "Also score perplexity (slower)"),
    "quality_files": ("清洗后的数据和复核报告", "Cleaned data and review report"),
    "page_info": ("第 {page} / {pages} 页 · {count} 条({fmt}),跳过 {skipped} 条",
                  "page {page} / {pages} · {count} records ({fmt}), {skipped} skipped"),
    "no_dataset": ("还没有数据集:先在「助手」页上传一个文件。", "No dataset yet: upload a file in the Assistant tab first."),
    # training tab
    "runs": ("训练任务", "Runs"),
    "progress": ("进度", "Progress"),
    "loss": ("损失 (loss)", "Loss"),
    "lr": ("学习率", "Learning rate"),
    # the plots' axis titles (the column names stay English: they are the data's keys)
    "axis_step": ("步数", "step"),
    "axis_loss": ("损失", "loss"),
    "axis_lr": ("学习率", "learning rate"),
    "axis_log10_lr": ("学习率 (log10)", "learning rate (log10)"),
    "axis_series": ("曲线", "series"),
    "config": ("配置", "Config"),
    "stop": ("停止", "Stop"),
    "resume": ("继续训练", "Resume"),
    "new_run": ("新建训练", "New run"),
    "base_model": ("基座模型(留空 = 内置 SmolLM2-135M-Instruct)", "Base model (empty = embedded SmolLM2-135M-Instruct)"),
    "epochs": ("Epoch(留空 = 建议值)", "Epochs (empty = the suggested value)"),
    "learning_rate": ("学习率(留空 = 建议值)", "Learning rate (empty = the suggested value)"),
    "max_steps": ("最多步数(留空 = 不限)", "Max steps (empty = no limit)"),
    "mix_general": ("混入通用数据 %(防遗忘,留空 = 不混)", "Mix in general data % (limits forgetting; empty = none)"),
    "unreadable": ("无法读取", "unreadable"),
    "unreadable_note": ("标记为「无法读取」的文件不能用于训练:{names}", "Files marked unreadable cannot be used for training: {names}"),
    "choose_dataset": ("请先选择数据集(在「助手」页上传)。", "Choose a dataset first (upload one in the Assistant tab)."),
    "cannot_resume": ("运行 {run_id} 的状态是「{state}」,没有可以继续的训练;要多训练,请新建一个训练。",
                      "Run {run_id} is in state \"{state}\": there is nothing to resume; start a new run to train further."),
    "cannot_stop": ("运行 {run_id} 的状态是「{state}」,不在训练,无需停止。",
                    "Run {run_id} is in state \"{state}\": it is not training, so there is nothing to stop."),
    "stopped_run": ("已停止运行 {run_id}。", "Stopped run {run_id}."),
    "resumed_run": ("已继续运行 {run_id}。", "Resumed run {run_id}."),
    "tokens_per_s": ("token/秒", "tokens/s"),
    "start": ("开始训练", "Start training"),
    "step": ("步", "step"),
    "elapsed": ("已用时", "elapsed"),
    "eta": ("预计剩余", "ETA"),
    "no_runs": ("还没有训练任务。", "No runs yet."),
    # chat tab
    "pick_run": ("已完成的训练", "Finished run"),
    "adapter_dir": ("或 adapter 文件夹路径", "or an adapter folder"),
    "side_by_side": ("与基座模型并排对比", "Side by side with the base model"),
    "max_new_tokens": ("最大生成 token 数", "Max new tokens"),
    "temperature": ("温度 (0 = 贪心)", "Temperature (0 = greedy)"),
    "tuned": ("微调后模型", "Tuned model"),
    "base": ("基座模型", "Base model"),
    "message": ("消息", "Message"),
    "send": ("发送", "Send"),
    "too_short": ("提示:运行 {run_id} 只训练了 {epochs} 个 epoch({steps} 步),还没学到东西,回答可能和基座模型差不多或者胡言乱语。多训练几个 epoch 再试。",
                  "Note: run {run_id} trained for only {epochs} epochs ({steps} steps), too short to have learned; "
                  "expect replies like the base model's, or nonsense. Train for more epochs and try again."),
    "flat_loss": ("提示:运行 {run_id} 的 loss 从 {first} 到 {last},几乎没有下降,模型还没学到东西,回答可能不可靠。",
                  "Note: run {run_id}'s loss went from {first} to {last}, barely down: the model has not learned yet; "
                  "do not trust its replies."),
    # data tab tables
    "col_metric": ("项目", "Item"),
    "col_value": ("数值", "Value"),
    "col_field": ("字段", "Field"),
    "col_min": ("最小", "min"),
    "col_mean": ("平均", "mean"),
    "col_p50": ("中位数", "median"),
    "col_p95": ("p95", "p95"),
    "col_max": ("最大", "max"),
    "file": ("文件", "File"),
    "format": ("格式", "Format"),
    "encoding": ("编码", "Encoding"),
    "count": ("可用样本", "Usable samples"),
    "skipped": ("跳过", "Skipped"),
    "multi_turn": ("多轮对话", "Multi-turn"),
    "with_system": ("带系统提示", "With a system prompt"),
    "blank": ("空行(已忽略)", "Blank rows (ignored)"),
    "with_rationale": ("带推理过程", "With a rationale"),
    "question_field": ("问题字段", "Question field"),
    "answer_field": ("答案字段", "Answer field"),
    "chars_question": ("问题字符数", "Question characters"),
    "chars_answer": ("答案字符数", "Answer characters"),
    "tokens_sample": ("每条样本 token 数", "Tokens per sample"),
    "tokens_question": ("问题 token 数", "Question tokens"),
    "tokens_answer": ("答案 token 数", "Answer tokens"),
    "problems": ("发现的问题", "Problems"),
    "no_problems": ("没有发现问题。", "No problems found."),
    "read": ("读到", "Read"),
    "kept": ("保留", "Kept"),
    "removed": ("删除", "Removed"),
    "flagged_count": ("待复核", "Flagged"),
    "cleaned_file": ("清洗后的文件", "Cleaned file"),
    "report_file": ("复核报告", "Review report"),
    "by_rule": ("按规则", "By rule"),
}

# Column headers of the data tab's tables, by UI language.
PREVIEW_HEADERS = {"中文": ["#", "位置", "系统提示", "问题", "回答", "轮数"],
                   "English": ["#", "where", "system", "question", "answer", "turns"]}
FINDING_HEADERS = {"中文": ["处理", "位置", "规则", "原因", "问题", "回答"],
                   "English": ["action", "where", "rule", "reason", "question", "answer"]}

# Series names in the plots' legends.
SERIES = {"loss": ("损失", "loss"), "smoothed": ("平滑", "smoothed"), "eval_loss": ("验证损失", "eval_loss"),
          "train": ("训练", "train"), "held-out": ("留出集", "held-out")}
STATES = {"queued": ("排队中", "queued"), "running": ("训练中", "running"), "succeeded": ("已完成", "succeeded"),
          "failed": ("失败", "failed"), "stopped": ("已停止", "stopped")}
ACTIONS = {"removed": ("已删除", "removed"), "flagged": ("待复核", "flagged")}
RULES = {
    "unreadable": ("无法读取", "unreadable"), "exact_duplicate": ("完全重复", "exact duplicate"),
    "near_duplicate": ("近似重复", "near duplicate"), "short_answer": ("答案过短", "short answer"),
    "long_answer": ("答案过长", "long answer"), "placeholder": ("未填的占位符", "unfilled placeholder"),
    "garbled": ("乱码", "garbled text"), "answer_is_question": ("答案重复问题", "answer repeats the question"),
    "empty_answer": ("答案为空", "empty answer"), "perplexity": ("困惑度异常", "perplexity outlier"),
}


def _tool_rules() -> dict[str, tuple[str, str]]:
    """The quality tool's own rule names (tools/quality/qrules.py), which win over the table above."""
    try:
        from tools.quality.qrules import RULES as named_rules
    except ImportError:
        return {}
    return {rule: (zh, en) for rule, (en, zh) in named_rules.items()}


RULES.update(_tool_rules())
TOOLS = {
    "inspect_dataset": ("检查数据", "Inspect the data"), "convert_dataset": ("转换格式", "Convert the format"),
    "add_few_shot": ("添加 few-shot 示例", "Add few-shot examples"), "add_cot": ("添加思维链", "Add chain of thought"),
    "augment_instructions": ("改写指令", "Reword instructions"), "check_quality": ("质量检查", "Check quality"),
    "suggest_hyperparameters": ("建议超参数", "Suggest hyperparameters"), "start_training": ("开始训练", "Start training"),
    "training_status": ("训练进度", "Training status"), "stop_training": ("停止训练", "Stop training"),
    "resume_training": ("继续训练", "Resume training"), "evaluate_run": ("评估模型", "Evaluate the run"),
    "explain": ("解释概念", "Explain"), "apply_quality_rule": ("处理质量问题", "Apply a quality rule"),
    "fill_placeholders": ("填写占位符", "Fill placeholders"),
}


def t(key: str, lang: str = DEFAULT) -> str:
    """The string ``key`` in ``lang`` (中文 or English); unknown languages get 中文."""
    zh, en = STRINGS[key]
    return en if lang == "English" else zh


def named(table: dict[str, tuple[str, str]], name: str, lang: str = DEFAULT) -> str:
    """A name from one of the tables above (a run state, a rule, a tool) in ``lang``;
    a name the table does not know is shown as it is."""
    zh, en = table.get(name, (name, name))
    return en if lang == "English" else zh


def agent_lang(lang: str) -> str:
    """The UI language as the agent names it: "中文" → "zh", "English" → "en"."""
    return "en" if lang == "English" else "zh"
