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
    "tool_failed": ("失败", "failed"),
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
    "config": ("配置", "Config"),
    "stop": ("停止", "Stop"),
    "resume": ("继续训练", "Resume"),
    "new_run": ("新建训练", "New run"),
    "base_model": ("基座模型(留空 = 内置 SmolLM2-135M-Instruct)", "Base model (empty = embedded SmolLM2-135M-Instruct)"),
    "epochs": ("Epoch(留空 = 按数据量建议)", "Epochs (empty = advised from the data size)"),
    "learning_rate": ("学习率(留空 = 建议值)", "Learning rate (empty = advised)"),
    "max_steps": ("最多步数(0 = 不限)", "Max steps (0 = no limit)"),
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
}


def t(key: str, lang: str = DEFAULT) -> str:
    """The string ``key`` in ``lang`` (中文 or English); unknown languages get 中文."""
    zh, en = STRINGS[key]
    return en if lang == "English" else zh
