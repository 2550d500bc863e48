"""Where the product keeps the user's files: uploads, outputs and run directories.

One root, ``$SFT_HOME`` (default ``~/.sft-assistant``), so that the app, the CLI
and a training process started yesterday all agree on where things are.

Inside ``with scoped(owner):`` (a web session id, or the user name under ``--auth``)
uploads and outputs live in ``<home>/sessions/<owner>/`` and ``confine`` keeps every
path inside that folder, so one person never reads another's files. Unscoped (the
CLI) the whole workspace is one person's. The owner travels in a context variable,
so threads and asyncio tasks serving different sessions never mix them up.
"""
from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
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


_OWNER: contextvars.ContextVar[str | None] = contextvars.ContextVar("sft_owner", default=None)
_PLAIN_OWNER = re.compile(r"[A-Za-z0-9_-]{1,64}")


@contextlib.contextmanager
def scoped(owner: str | None) -> Iterator[None]:
    """Everything inside the block acts for ``owner``; None or "" means unscoped (CLI)."""
    token = _OWNER.set(str(owner) if owner else None)
    try:
        yield
    finally:
        _OWNER.reset(token)


def current_owner() -> str | None:
    """The owner of the enclosing ``scoped`` block, or None (unscoped)."""
    return _OWNER.get()


def safe_owner(owner: str) -> str:
    """A folder name for ``owner``: kept as it is when plain, otherwise cleaned and suffixed
    with a hash ("~" never appears in a plain name, so two owners never share a folder)."""
    if _PLAIN_OWNER.fullmatch(owner):
        return owner
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "_", owner)[:32]
    return f"{cleaned}~{hashlib.sha256(owner.encode('utf-8')).hexdigest()[:12]}"


def owner_root() -> Path:
    """The folder this owner's files live in: ``<home>/sessions/<owner>``, or the whole
    workspace when unscoped."""
    owner = current_owner()
    if not owner:
        return home()
    return subdir(f"sessions/{safe_owner(owner)}")


def uploads_dir() -> Path:
    return _made(owner_root() / "uploads")


def outputs_dir() -> Path:
    return _made(owner_root() / "outputs")


def runs_dir() -> Path:
    """Always the global runs folder: a run records its owner in its state instead."""
    return subdir("runs")


def _made(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def confine(path: str | os.PathLike, root: Path | None = None) -> Path:
    """Resolve ``path`` (relative paths are taken from the owner's folder: the workspace root
    when unscoped) and refuse anything that lands outside it, symlinks included. The sentence
    is the same whether or not the outside path exists."""
    base = Path(root or owner_root()).resolve()
    candidate = Path(path).expanduser()
    if not candidate.is_absolute():
        candidate = base / candidate
    resolved = candidate.resolve()
    if resolved != base and base not in resolved.parents:
        raise UserError(
            f"'{path}' is outside the workspace; upload the file or put it inside the workspace first.",
            zh=f"'{path}' 不在你的工作区内;请先上传该文件,或把它放进工作区。",
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


def write_error(path: Path, exc: OSError) -> UserError:
    """The sentence for a write that failed (disk full, no permission, …)."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(f"The disk is full: could not write {Path(path).name}. Free some space and try again; "
                         "nothing was left half-written.",
                         zh=f"磁盘已满:无法写入 {Path(path).name}。请清理空间后重试;没有留下写了一半的文件。")
    reason = exc.strerror or type(exc).__name__
    return UserError(f"Could not write {Path(path).name} ({reason}); nothing was left half-written.",
                     zh=f"无法写入 {Path(path).name}({reason});没有留下写了一半的文件。")


def current_umask() -> int:
    """The process umask, read without changing it (``os.umask`` sets it, for an instant, for
    every thread): Linux shows it in /proc/self/status."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write to a temporary file in the same folder, then rename: readers never see half a file.
    A failed write (disk full, …) removes the temporary file and raises a UserError sentence."""
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            # mkstemp makes the file private (0600); the finished file gets what the user's umask
            # gives any new file (0666 & ~022 = 0644), like a file the user saved themselves.
            os.fchmod(fh.fileno(), 0o666 & ~current_umask())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise write_error(path, exc) from None
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))
