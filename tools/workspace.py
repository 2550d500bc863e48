"""Where the product keeps the user's files: uploads, outputs and run directories.

One root, ``$SFT_HOME`` (default ``~/.sft-assistant``), so that the app, the CLI
and a training process started yesterday all agree on where things are.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tools.errors import UserError


def home() -> Path:
    """The workspace root, created on first use."""
    root = Path(os.environ.get("SFT_HOME") or Path.home() / ".sft-assistant").expanduser()
    root.mkdir(parents=True, exist_ok=True)
    return root.resolve()


def subdir(name: str) -> Path:
    path = home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def uploads_dir() -> Path:
    return subdir("uploads")


def outputs_dir() -> Path:
    return subdir("outputs")


def runs_dir() -> Path:
    return subdir("runs")


def confine(path: str | os.PathLike, root: Path | None = None) -> Path:
    """Resolve ``path`` (relative paths are taken from the workspace root) and refuse
    anything that lands outside the workspace, symlinks included."""
    base = (root or home()).resolve()
    candidate = Path(path).expanduser()
    if not candidate.is_absolute():
        candidate = base / candidate
    resolved = candidate.resolve()
    if resolved != base and base not in resolved.parents:
        raise UserError(
            f"'{path}' is outside the workspace ({base}); upload the file or put it inside the workspace first."
        )
    return resolved


def unique_path(directory: Path, stem: str, suffix: str) -> Path:
    """``directory/stem+suffix``, or ``stem-2``, ``stem-3``… so that nothing is overwritten."""
    directory.mkdir(parents=True, exist_ok=True)
    candidate = directory / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = directory / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write to a temporary file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))
