"""Which model to talk to: a run id, a run folder or an adapter folder → the base model and the LoRA
adapter on top of it. In the web app (inside a ``workspace.scoped`` block) only this owner's runs and
files, or folders the operator lists in ``SFT_ADAPTER_DIRS``, can be named.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from tools.errors import UserError


@dataclass
class ChatTarget:
    """What to talk to: a base model and, optionally, a LoRA adapter on top of it."""

    base_model: str
    """A folder ``from_pretrained`` accepts (already resolved)."""
    adapter: str | None = None
    """A peft adapter folder (holds ``adapter_config.json``), or None for the base model alone."""

    @property
    def label(self) -> str:
        return Path(self.adapter).parent.name if self.adapter else Path(self.base_model).name


def find_adapter(run_or_dir: str, confined: bool | None = None) -> Path:
    """A run id, a run directory or an adapter folder → the adapter folder. ``confined`` (the
    default inside a ``workspace.scoped`` block, i.e. the web app): only this owner's runs and
    files, or folders the operator lists in ``SFT_ADAPTER_DIRS``; anything else gets the same
    sentence whether or not it exists."""
    from tools import workspace
    from tools.workspace import runs_dir

    if confined is None:
        confined = workspace.current_owner() is not None
    if confined:
        candidates = [_confined_folder(run_or_dir)]
    else:
        candidates = [Path(run_or_dir).expanduser(), runs_dir() / run_or_dir]
    for path in candidates:
        for folder in (path, path / "adapter"):
            if (folder / "adapter_config.json").is_file():
                return folder.resolve()
    if any(p.is_dir() for p in candidates):
        raise UserError(
            f"'{run_or_dir}' has no adapter yet (no adapter_config.json): the run may still be training or it failed; "
            "pick a finished run."
        )
    raise UserError(f"'{run_or_dir}' is neither a run id, a run directory nor an adapter folder.")


def adapter_dirs() -> list[Path]:
    """Folders the operator allows adapters from besides the workspace (``SFT_ADAPTER_DIRS``,
    separated like PATH)."""

    return [Path(p).expanduser().resolve() for p in os.environ.get("SFT_ADAPTER_DIRS", "").split(os.pathsep) if p.strip()]


def _confined_folder(run_or_dir: str) -> Path:
    """The folder ``run_or_dir`` names if it is this owner's run (or lies inside one), inside the
    owner's workspace folder, or inside an ``SFT_ADAPTER_DIRS`` folder; else a UserError that says
    nothing about whether the folder exists."""
    from tools import workspace
    from tools.train.runs import get_run

    try:
        return get_run(run_or_dir).run_dir  # a run id or run folder: another owner's reads as missing
    except UserError:
        pass
    path = (workspace.owner_root() / run_or_dir) if not Path(run_or_dir).expanduser().is_absolute() else Path(run_or_dir).expanduser()
    resolved = path.resolve()
    runs = workspace.runs_dir().resolve()
    if runs in resolved.parents:
        try:  # a folder inside a run (a checkpoint): allowed when the run is this owner's
            get_run(resolved.relative_to(runs).parts[0])
            return resolved
        except UserError:
            pass
    elif any(root == resolved or root in resolved.parents for root in [workspace.owner_root().resolve(), *adapter_dirs()]):
        return resolved
    raise UserError(f"'{run_or_dir}' is neither one of your runs nor an adapter folder inside your workspace "
                    "(the operator can allow more folders with SFT_ADAPTER_DIRS).",
                    zh=f"'{run_or_dir}' 既不是你的训练运行,也不是你工作区里的适配器目录(管理员可用 SFT_ADAPTER_DIRS 允许更多目录)。")


def target_for(run_or_dir: str | None, base_model: str | None = None) -> ChatTarget:
    """Work out the base model: the one named, else the one the adapter was trained on."""
    from tools.models.models import resolve_base_model

    if not run_or_dir:
        return ChatTarget(resolve_base_model(base_model))
    adapter = find_adapter(run_or_dir)
    if base_model is None:
        base_model = _trained_on(adapter)
    return ChatTarget(resolve_base_model(base_model), str(adapter))


def _trained_on(adapter: Path) -> str | None:
    """The run's config.json names the base model; the adapter's own config does too."""
    for path, key in ((adapter.parent / "config.json", "base_model"), (adapter / "adapter_config.json", "base_model_name_or_path")):
        try:
            value = json.loads(path.read_text(encoding="utf-8")).get(key)
        except (OSError, ValueError):
            continue
        if value and (not Path(value).is_absolute() or Path(value).is_dir()):
            return value
    return None
