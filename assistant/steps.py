"""What one assistant turn looks like to a renderer (the UI, the CLI): a stream of steps."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

StepKind = Literal["tool_call", "tool_result", "pending", "token", "answer", "error"]


@dataclass
class Step:
    """One thing that happened in a turn, in order.

    - ``tool_call``: the agent calls ``name`` with ``args`` (``id`` pairs it with its result);
    - ``tool_result``: ``summary`` is a short sentence in the turn's language, ``ok`` False for a
      tool error, ``duration`` in seconds, ``files`` the files it wrote (absolute paths, never a
      directory), ``run`` a run card ``{"run_id", "state", "step", "total_steps"}`` when the tool
      started, stopped, resumed or reported a run, ``data`` the result's data (``data["source"]``
      names the file the tool read);
    - ``pending``: an action waits for the user's confirmation: ``name`` is the tool, ``args`` its
      arguments, ``summary`` the plan as a sentence, ``data`` its details (dataset, epochs,
      learning rate, batch, estimated time…). Confirm with ``Assistant.confirm``, drop with
      ``Assistant.cancel``;
    - ``token``: a piece of the answer as it streams (``text``);
    - ``answer``: the whole final answer (``text``), always last. ``ok`` is False when the turn
      itself failed (endpoint down…): ``text`` is then that failure as a sentence in the turn's
      language, shown like any answer;
    - ``error``: kept for renderers that build their own failure steps; the assistant never ends
      a turn with it.
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
    run: dict | None = None
    data: dict = field(default_factory=dict)
