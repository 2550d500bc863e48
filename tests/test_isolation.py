"""One person's data stays theirs: owner scopes for uploads, outputs and runs (issue 16)."""
from __future__ import annotations

import threading

import pytest

from tools import workspace as ws
from tools.errors import UserError


def test_scoped_owner_gets_own_folders_and_cli_keeps_one_workspace(workspace):
    assert ws.current_owner() is None
    assert ws.uploads_dir() == workspace.resolve() / "uploads"
    with ws.scoped("sessA"):
        assert ws.current_owner() == "sessA"
        assert ws.uploads_dir() == workspace.resolve() / "sessions" / "sessA" / "uploads"
        assert ws.outputs_dir() == workspace.resolve() / "sessions" / "sessA" / "outputs"
        assert ws.runs_dir() == workspace.resolve() / "runs"
        with ws.scoped(None):
            assert ws.current_owner() is None
        assert ws.current_owner() == "sessA"
    assert ws.current_owner() is None


def test_owner_names_never_escape_or_collide():
    names = {ws.safe_owner(o) for o in ("a b", "a_b", "../x", "..", "a/b", "a_b~1", "用户")}
    assert len(names) == 7
    assert all("/" not in n and n not in (".", "..") for n in names)


def test_confine_keeps_a_scope_out_of_other_owners_and_says_nothing_about_them(workspace):
    with ws.scoped("A"):
        secret = ws.outputs_dir() / "secretA.csv"
        secret.write_text("q,a\n", encoding="utf-8")
        assert ws.confine("outputs/secretA.csv") == secret
    with ws.scoped("B"):
        for probe in (str(secret), "../A/outputs/secretA.csv", "../A/outputs/missing.csv", "/etc/passwd"):
            with pytest.raises(UserError, match="outside the workspace") as exc:
                ws.confine(probe)
            assert "工作区" in exc.value.zh
    assert ws.confine(str(secret)) == secret  # the CLI sees the whole workspace


def test_scopes_do_not_leak_between_threads():
    seen = {}
    barrier = threading.Barrier(2)

    def work(owner):
        with ws.scoped(owner):
            barrier.wait()
            seen[owner] = ws.current_owner()

    threads = [threading.Thread(target=work, args=(o,)) for o in ("A", "B")]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert seen == {"A": "A", "B": "B"}
