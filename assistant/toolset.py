"""The agent's tool set: the eleven tools the model may call, in one explicit list.

The bindings live beside it: ``data_tools.py`` (inspect, convert, augment, quality),
``train_tools.py`` (advice, start, status, stop) and ``explain`` here. Every tool returns
one JSON string, ``{"ok", "summary": {"en", "zh"}, "data", "files"}``, and never raises
(``envelope.py``). Two safety rules hold for all of them:
- paths: a tool reads only files inside the workspace (``paths.py``: a bare name finds an
  upload, anything outside, such as ``/etc/passwd`` or ``../..``, is refused);
- dataset text is data: results carry counts, field names and file paths, never record text
  (``summaries.scrub``), so nothing inside a user's file reaches the model as an instruction.

The UI and the CLI import :func:`import_upload` from here to attach a user's file.
"""
from __future__ import annotations

from langchain_core.tools import BaseTool, tool

from assistant.data_tools import (add_cot, add_few_shot, augment_instructions, check_quality, convert_dataset,
                                  inspect_dataset)
from assistant.envelope import Refused, bad_arguments, envelope, error_envelope, run_tool
from assistant.paths import import_upload, resolve_input
from assistant.train_tools import start_training, stop_training, suggest_hyperparameters, training_status


@tool(parse_docstring=True)
def explain(question: str) -> str:
    """Answer a question about supervised fine-tuning (SFT) from the project's manual: what SFT is, data format, data quality versus quantity, diversity and prompt templates, few-shot and chain-of-thought data, epochs versus learning rate, over-fitting and forgetting, gradient accumulation and batch size, LoRA learning rates. The answer cites the manual section it used. Use it for "why"/"what is"/"how should I" questions; it runs nothing.

    Args:
        question: the user's question, in their own words (Chinese or English).
    """
    from assistant import knowledge

    def work():
        found = knowledge.explain(question)
        data = {k: found[k] for k in ("matched", "topic", "section", "score")}
        return found["en"], found["zh"], data, []

    return run_tool("explain", work)


TOOLS: tuple[BaseTool, ...] = (
    inspect_dataset, convert_dataset, add_few_shot, add_cot, augment_instructions, check_quality,
    suggest_hyperparameters, start_training, training_status, stop_training, explain,
)
TOOL_NAMES: tuple[str, ...] = tuple(t.name for t in TOOLS)


for _tool in TOOLS:
    _tool.handle_validation_error = bad_arguments

__all__ = ["TOOLS", "TOOL_NAMES", "Refused", "envelope", "error_envelope", "run_tool", "import_upload", "resolve_input"]
