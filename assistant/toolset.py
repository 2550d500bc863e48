"""The agent's tool set: the tools the model may call, in one explicit list.

The bindings live beside it: ``data_tools.py`` (inspect, convert, augment, quality),
``train_tools.py`` (advice, start, status, stop, resume) and ``explain`` here. Every tool returns
one JSON string, read back with ``envelope.ToolResult.parse``, and never raises (``envelope.py``).
Start, stop and resume act only after the person confirms (``consent.py``, ``guard.py``). Two safety rules hold for all of them:
- paths: a tool reads only files inside the workspace (``paths.py``: a bare name finds an
  upload, anything outside, such as ``/etc/passwd`` or ``../..``, is refused);
- dataset text is data: results carry counts, field names and file paths, never record text
  (``summaries.scrub``), so nothing inside a user's file reaches the model as an instruction.

The UI and the CLI import :func:`import_upload` from here to attach a user's file.
"""
from __future__ import annotations

from langchain_core.tools import BaseTool, tool

from assistant.data_tools import add_cot, add_few_shot, augment_instructions, check_quality, convert_dataset, inspect_dataset
from assistant.envelope import Refused, ToolResult, bad_arguments, envelope, error_envelope, run_tool
from assistant.eval_tools import evaluate_run
from assistant.paths import NEEDS_PATH, import_upload, resolve_input
from assistant.probe_tools import probe_learning_rate
from assistant.quality_tools import apply_quality_rule, fill_placeholders
from assistant.train_tools import resume_training, start_training, stop_training, suggest_hyperparameters, training_status


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
    suggest_hyperparameters, start_training, training_status, stop_training, resume_training, explain,
    apply_quality_rule, fill_placeholders, evaluate_run, probe_learning_rate,
)
TOOL_NAMES: tuple[str, ...] = tuple(t.name for t in TOOLS)


def tool_named(name: str, tools=None) -> BaseTool | None:
    """The tool called ``name`` (in ``tools``, default :data:`TOOLS`)."""
    return next((t for t in (tools if tools is not None else TOOLS) if t.name == name), None)


for _tool in TOOLS:
    _tool.handle_validation_error = bad_arguments

__all__ = ["TOOLS", "TOOL_NAMES", "NEEDS_PATH", "Refused", "ToolResult", "envelope", "error_envelope", "run_tool",
           "import_upload", "resolve_input", "tool_named"]
