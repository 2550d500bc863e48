"""Where an output may go, said in a sentence when it may not; writing with the user's umask.

Every bad output path is a ``UserError`` that names the problem (empty name, a folder, a file used
as a folder, a folder that cannot be written, a suffix that says another format) instead of a
traceback or a misleading "already exists".
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from tools.errors import UserError
from tools.workspace import atomic_write_bytes


def _blocking_file(folder: Path) -> Path | None:
    """The first part of ``folder`` that exists and is a file (``x.csv`` in ``x.csv/out.jsonl``)."""
    for part in [folder, *folder.parents]:
        if part.exists():
            return part if not part.is_dir() else None
    return None


def check_output(source: Path, fmt: str, output, suffixes: dict, data_suffixes: set) -> Path:
    """The user's output path, or a UserError saying why it cannot be used."""
    text = str(output).strip() if output is not None else ""
    if not text:
        raise UserError("The output file name is empty; give a file name such as qa.jsonl, or leave -o out "
                        "to write into the workspace outputs.",
                        zh="输出文件名为空；请给出文件名（例如 qa.jsonl），或不写 -o，让结果写入工作区的 outputs 文件夹。")
    out = Path(text).expanduser()
    if out.exists() and out.is_dir() or text.endswith(("/", os.sep)):
        raise UserError(f"{out} is a folder; give a file name inside it (e.g. {out / ('data' + sorted(suffixes[fmt])[-1])}).",
                        zh=f"{out} 是文件夹；请给出其中的文件名（例如 {out / ('data' + sorted(suffixes[fmt])[-1])}）。")
    if out.resolve() == source.resolve():
        raise UserError(f"The output {out} is the input file; the input is never modified: choose another name.",
                        zh=f"输出 {out} 就是输入文件；输入文件从不修改：请换一个名字。")
    if out.exists():
        raise UserError(f"{out} already exists; choose another output name (nothing is overwritten).",
                        zh=f"{out} 已存在；请换一个输出文件名（不会覆盖任何文件）。")
    suffix = out.suffix.lower()
    if suffix in data_suffixes and suffix not in suffixes[fmt]:
        good = out.with_suffix(sorted(suffixes[fmt])[-1] if fmt != "jsonl" else ".jsonl").name
        raise UserError(f"{out.name} ends in {suffix}, but the format is {fmt}: name it {good}, or choose the format "
                        f"that {suffix} means.",
                        zh=f"{out.name} 的扩展名是 {suffix}，但格式是 {fmt}：请命名为 {good}，或选择与 {suffix} 相符的格式。")
    blocker = _blocking_file(out.parent)
    if blocker is not None:
        raise UserError(f"Cannot write {out}: {blocker} is a file, not a folder.",
                        zh=f"无法写入 {out}：{blocker} 是文件，不是文件夹。")
    _probe(out)
    return out


def _probe(out: Path) -> None:
    """Create and remove a temporary file where ``out`` will go (its nearest existing folder), so
    an unwritable place is told before the input is read, in the same sentence as a failed write."""
    import tempfile

    folder = next(p for p in [out.parent, *out.parent.parents] if p.exists())
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".probe.", suffix=".tmp")
    except OSError as exc:
        raise _write_error(out, exc) from None
    os.close(fd)
    os.unlink(tmp)


def _write_error(path: Path, exc: OSError) -> UserError:
    folder = path.parent
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason_en, reason_zh = "you do not have permission to write there", "没有写入该位置的权限"
    elif exc.errno == errno.ENOSPC:
        reason_en, reason_zh = "the disk is full", "磁盘已满"
    else:
        reason_en = reason_zh = exc.strerror or type(exc).__name__
    return UserError(f"Cannot write {path.name} into {folder}: {reason_en}; choose another folder.",
                     zh=f"无法把 {path.name} 写入 {folder}：{reason_zh}；请换一个文件夹。")


def write_file(path: Path, data: bytes) -> Path:
    """Write atomically; the file gets the permissions the user's umask gives new files."""
    try:
        atomic_write_bytes(path, data)  # with the user's umask
    except OSError as exc:
        raise _write_error(path, exc) from None
    return path
