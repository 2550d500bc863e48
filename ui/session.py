"""What one browser session owns: its id, its files and its backend choice.

Kept in a ``gr.State`` (one copy per browser tab / API client), so two sessions
never see each other's conversation or uploads: the agent's memory is keyed by
``id``, and every handler that touches files or runs works inside
``workspace.scoped(owner_of(session))``: uploads, outputs and runs of the session
(or, under ``--auth``, of the signed-in user) and nobody else's.
"""
from __future__ import annotations

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
    """Copy a file Gradio received into the session's upload folder (never overwriting)."""
    path = Path(src)
    dest = unique_path(session_uploads(session), path.stem, path.suffix)
    shutil.copyfile(path, dest)
    remember(session, str(dest))
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
