"""What one browser session owns: its id, its files and its backend choice.

Kept in a ``gr.State`` (one copy per browser tab / API client), so two sessions
never see each other's conversation or uploads: the agent's memory is keyed by
``id``, and every handler that touches files or runs works inside
``workspace.scoped(owner_of(session))``: uploads, outputs and runs of the session
(or, under ``--auth``, of the signed-in user) and nobody else's.
"""
from __future__ import annotations

import filecmp
import os
import shutil
import uuid
from pathlib import Path

from tools import workspace
from tools.workspace import confine, unique_path, uploads_dir

DATA_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls", ".json", ".jsonl", ".txt")


def new_session() -> dict:
    return {"id": uuid.uuid4().hex, "files": [], "dataset": None, "backend": {"kind": "offline"}}


def ensure(session: dict | None) -> dict:
    """The session, created on its first event."""
    return session if session and session.get("id") else new_session()


def owner_of(session: dict | None, request=None) -> str:
    """Who owns this session's files and runs: the signed-in user under ``--auth`` (read from
    ``gr.Request.username`` and remembered in the session), else the session id."""
    session = ensure(session) if session is None else session
    user = getattr(request, "username", None) if request is not None else None
    if user:
        session["user"] = str(user)
    return session.get("user") or session["id"]


def scope(session: dict | None, request=None):
    """``with sess.scope(session, request):`` — the block acts for this session's owner."""
    return workspace.scoped(owner_of(session, request))


def session_uploads(session: dict) -> Path:
    """This session's own upload folder, so sessions never share files."""
    with workspace.scoped(owner_of(session)):
        return uploads_dir()


def import_upload(session: dict, src: str) -> str:
    """Copy a file Gradio received into the session's upload folder (never overwriting). A file
    with the same name and bytes as an earlier upload is that upload: attaching one file twice
    (or 10,000 times) makes one copy."""
    path = Path(src)
    folder = session_uploads(session)
    same = next((p for p in _same_name(folder, path) if filecmp.cmp(p, path, shallow=False)), None)
    if same is None:
        same = unique_path(folder, path.stem, path.suffix)
        part = same.with_name(f".{same.name}.part")
        try:
            shutil.copyfile(path, part)
            os.replace(part, same)  # readers never see half a file
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise workspace.write_error(same, exc) from None
    remember(session, str(same))
    return str(same)


def _same_name(folder: Path, source: Path):
    """``name.ext``, ``name-2.ext``, … as far as they exist."""
    candidate, n = folder / source.name, 2
    while candidate.is_file():
        yield candidate
        candidate, n = folder / f"{source.stem}-{n}{source.suffix}", n + 1


def public_copy(path: str) -> str:
    """A copy of a workspace file that a chat message or a ``gr.File`` may hand out: it lies in
    Gradio's upload folder under a random folder name, so its link cannot be guessed, while the
    workspace itself is never served (``allowed_paths`` does not cover it). A hard link when the
    file system allows (no bytes copied; outputs are replaced, never rewritten in place)."""
    import secrets

    from gradio.utils import get_upload_folder

    source = Path(path)
    if not source.is_file():
        return str(path)  # nothing to hand out (Gradio refuses the path itself)
    folder = Path(get_upload_folder()) / f"sft-{secrets.token_hex(16)}"
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / source.name
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)
    return str(dest)


def remember(session: dict, path: str) -> None:
    """Track a file this session uploaded or produced; a data file becomes the current dataset."""
    if path not in session["files"]:
        session["files"].append(path)
    if path.lower().endswith(DATA_SUFFIXES):
        session["dataset"] = path


def file_choices(session: dict | None) -> list[tuple[str, str]]:
    """(file name, path) pairs for a dropdown: the name to read, the path as the value."""
    return [(Path(f).name, f) for f in data_files(session)]


def data_files(session: dict | None) -> list[str]:
    """This session's data files, newest first, that still exist."""
    if not session:
        return []
    return [f for f in reversed(session["files"]) if f.lower().endswith(DATA_SUFFIXES) and Path(f).is_file()]


def workspace_file(path: str, session: dict | None = None) -> str:
    """A path a page sent back, checked to lie inside this owner's folder (a crafted request
    could name any file; ``confine`` refuses those with a sentence). Inside a scope the
    scope decides; ``session`` scopes the check when the caller has no scope open."""
    if session is not None and workspace.current_owner() is None:
        with workspace.scoped(owner_of(session)):
            return str(confine(path))
    return str(confine(path))
