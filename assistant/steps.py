"""What one assistant turn looks like to a renderer (the UI, the CLI): a stream of steps."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

StepKind = Literal["tool_call", "tool_result", "token", "answer", "error"]


@dataclass
class Step:
    """One thing that happened in a turn, in order.

    - ``tool_call``: the agent calls ``name`` with ``args`` (``id`` pairs it with its result);
    - ``tool_result``: ``summary`` is a short sentence, ``ok`` False for a tool error,
      ``duration`` in seconds, ``files`` the files it produced (absolute paths);
    - ``token``: a piece of the answer as it streams (``text``);
    - ``answer``: the whole final answer (``text``), always last on success;
    - ``error``: the turn failed (``text`` is a sentence, never a traceback).
    """

    kind: StepKind
    name: str = ""
    args: dict = field(default_factory=dict)
    id: str = ""
    summary: str = ""
    ok: bool = True
    duration: float = 0.0
    files: list[str] = field(default_factory=list)
    text: str = ""
