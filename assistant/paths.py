"""Which files a tool may touch: only those inside the workspace.

A bare file name finds an upload (then an output), a relative path is taken from the
workspace root, and anything else (``/etc/passwd``, ``../..``, a symlink out) is refused
with a sentence in both languages.
"""
from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

from assistant.envelope import Refused
from tools import workspace
from tools.errors import UserError

NEEDS_PATH = ("inspect_dataset", "convert_dataset", "add_few_shot", "add_cot", "augment_instructions", "check_quality",
              "start_training", "fill_placeholders", "probe_learning_rate")
"""The tools whose ``path`` argument is required (one list, for the guard and the offline planner;
tests/test_toolset.py checks it against the tools' schemas)."""


def import_upload(src: str | Path) -> Path:
    """Copy a user's file into the workspace uploads folder (never moved or modified) and
    return the copy. A file already inside the workspace is returned as it is, and so is an
    earlier upload with the same name and the same bytes (``ask --batch`` attaching one file
    to 500 requests makes one copy); a different file of the same name gets ``name-2``."""
    source = Path(src).expanduser()
    if not source.is_file():
        raise Refused(f"Cannot attach '{src}': there is no such file.", f"无法附加 '{src}':文件不存在。")
    resolved = source.resolve()
    # Already this owner's file: the web app copies each upload into the session's folder first.
    if workspace.owner_root() in resolved.parents:
        return resolved
    if workspace.home() in resolved.parents:  # another session's file: never attachable
        raise Refused(f"Cannot attach '{source.name}': there is no such file.", f"无法附加 '{source.name}':文件不存在。")
    uploads = workspace.uploads_dir()
    same = next((p for p in _same_name(uploads, source) if filecmp.cmp(p, resolved, shallow=False)), None)
    if same is not None:
        return same
    dest = workspace.unique_path(uploads, source.stem, source.suffix)
    tmp = dest.with_name(f".{dest.name}.part")
    shutil.copyfile(resolved, tmp)
    os.replace(tmp, dest)  # readers never see half a file
    return dest


def _same_name(folder: Path, source: Path):
    """``name.ext``, ``name-2.ext``, … as far as they exist."""
    candidate, n = folder / source.name, 2
    while candidate.is_file():
        yield candidate
        candidate, n = folder / f"{source.stem}-{n}{source.suffix}", n + 1


def resolve_input(path: str) -> Path:
    """The workspace file that ``path`` names, or a :class:`Refused` sentence."""
    raw = str(path or "").strip().strip("'\"“”‘’")
    if not raw:
        raise Refused("No file was named; attach a dataset or give its name.", "没有指定文件;请上传数据集或给出文件名。")
    candidate = Path(raw).expanduser()
    if not candidate.is_absolute() and len(candidate.parts) == 1:
        # A bare name: an upload first, then an output. (confine below still checks where it leads.)
        for folder in (workspace.uploads_dir(), workspace.outputs_dir()):
            if (folder / raw).is_file():
                candidate = folder / raw
                break
        else:
            candidate = _meant_file(raw) or candidate
    try:
        resolved = workspace.confine(candidate)
    except UserError:
        raise Refused(
            f"Refused: '{raw}' is outside the workspace. I only read files you upload "
            "or files inside the workspace; upload the file instead.",
            f"已拒绝:'{raw}' 不在工作区内。我只读取你上传的文件或工作区里的文件,请先上传该文件。", path=raw,
        ) from None
    if not resolved.is_file():
        raise Refused(
            f"There is no file '{raw}' in the workspace; upload it or check the name.",
            f"工作区里没有文件 '{raw}';请先上传,或检查文件名。", path=raw,
        )
    return resolved


def _meant_file(raw: str) -> Path | None:
    """The one upload (then output) a bare name can only mean when no file has it: the name without its extension
    ("fin_cqa_train"), or a letter or two off ("fin_cqa_trian", "qa_pari.cvs"). The tool's result names the file it
    read, so the person sees the guess; two or more close files, or none, mean no guess (the name is refused as it is)."""
    from assistant.nlu.fuzzy import distance
    from assistant.nlu.paths import EXTENSIONS  # the one list of data extensions

    want = raw.lower()
    want_stem = want.rsplit(".", 1)[0] if "." in want else want
    for folder in (workspace.uploads_dir(), workspace.outputs_dir()):
        files = [f for f in folder.iterdir() if f.is_file() and not f.name.startswith(".") and f.suffix.lower().lstrip(".") in EXTENSIONS.split("|")] \
            if folder.is_dir() else []
        for close in (lambda f: f.stem.lower() == want_stem,
                      lambda f: len(want_stem) >= 5 and distance(want_stem, f.stem.lower(), 2) <= (1 if len(want_stem) <= 6 else 2)):
            found = [f for f in files if close(f)]
            if len(found) == 1:
                return found[0]
            if found:
                return None
    return None


def base_model_arg(base_model: str | None) -> str | None:
    """A model name passes through (``tools.models.models.resolve_base_model`` checks it); a path must
    lie inside the workspace or the model cache, like any other file a tool reads."""
    name = str(base_model or "").strip()
    if not name:
        return None
    looks_like_path = (name.startswith((".", "/", "~", "\\")) or Path(name).expanduser().exists()
                       or (workspace.home() / name).exists())
    if not looks_like_path:
        return name  # "embedded", "SmolLM2-135M-Instruct", or a hub id such as "Qwen/Qwen2.5-0.5B-Instruct"
    from tools.models.models import cache_root

    folder = Path(name).expanduser()
    for root in (workspace.home(), cache_root()):
        try:
            return str(workspace.confine(folder, Path(root)))
        except UserError:
            continue
    raise Refused(f"Refused: the base model folder '{name}' is outside the workspace and the model cache.",
                  f"已拒绝:基座模型目录 '{name}' 不在工作区或模型缓存目录内。")
