"""What one browser session owns: its id, its files and its backend choice.

Kept in a ``gr.State`` (one copy per browser tab / API client), so two sessions
never see each other's conversation or uploads: the agent's memory is keyed by
``id``, and uploads go to a folder of their own under the workspace.
"""
from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from tools.workspace import confine, unique_path, uploads_dir

DATA_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls", ".json", ".jsonl", ".txt")


def new_session() -> dict:
    return {"id": uuid.uuid4().hex, "files": [], "dataset": None, "backend": {"kind": "offline"}}


def ensure(session: dict | None) -> dict:
    """The session, created on its first event."""
    return session if session and session.get("id") else new_session()


def session_uploads(session: dict) -> Path:
    """This session's own upload folder, so sessions never share files."""
    folder = uploads_dir() / session["id"][:16]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


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


def workspace_file(path: str) -> str:
    """A path a page sent back, checked to lie inside the workspace (a crafted request could
    name any file; ``confine`` refuses those with a sentence)."""
    return str(confine(path))
