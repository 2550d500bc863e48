"""Attaching a file respects the owner scope: a session's own upload is used in place, another
session's file is never attachable (as if it did not exist), an outside file is copied in."""
from __future__ import annotations

import pytest

from assistant.envelope import Refused
from assistant.paths import import_upload
from tools import workspace


def _upload_of(owner: str, name: str = "qa.csv"):
    with workspace.scoped(owner):
        path = workspace.uploads_dir() / name
    path.write_text("question,answer\nq,a\n", encoding="utf-8")
    return path


def test_a_sessions_own_upload_is_used_in_place():
    mine = _upload_of("alice")
    with workspace.scoped("alice"):
        assert import_upload(mine) == mine.resolve()


def test_another_sessions_upload_cannot_be_attached_and_the_refusal_reveals_nothing():
    theirs = _upload_of("alice")
    with workspace.scoped("bob"), pytest.raises(Refused) as refused:
        import_upload(theirs)
    assert "alice" not in str(refused.value) and str(workspace.home()) not in str(refused.value)
    with workspace.scoped("bob"):
        assert not any(workspace.uploads_dir().iterdir())


def test_an_outside_file_is_copied_into_the_sessions_uploads(tmp_path):
    outside = tmp_path / "mine.csv"
    outside.write_text("question,answer\nq,a\n", encoding="utf-8")
    with workspace.scoped("bob"):
        copy = import_upload(outside)
        assert copy.parent == workspace.uploads_dir() and copy.read_text() == outside.read_text()
