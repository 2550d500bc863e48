"""Who may log in and how often, and where the --auth password comes from (issue 16)."""
from __future__ import annotations

import httpx
import pytest
from test_app import served  # noqa: F401 - fixture

from ui import security
from ui import webapp as app


def test_the_password_comes_from_the_environment_or_a_file(tmp_path, monkeypatch):
    monkeypatch.delenv(security.PASSWORD_ENV, raising=False)
    with pytest.raises(SystemExit, match="user:password"):
        app.check_bind("0.0.0.0", "alice", False)
    monkeypatch.setenv(security.PASSWORD_ENV, "s3cret")
    assert app.check_bind("0.0.0.0", "alice", False) == ("alice", "s3cret")
    users = tmp_path / "users.txt"
    users.write_text("# who may log in\nalice:one\nbob:two:with:colons\n")
    assert app.check_bind("0.0.0.0", None, False, str(users)) == [("alice", "one"), ("bob", "two:with:colons")]
    users.write_text("alice\n")
    with pytest.raises(SystemExit, match="line 1"):
        app.check_bind("0.0.0.0", None, False, str(users))


@pytest.mark.launch(auth=("alice", "right"))
def test_login_attempts_are_rate_limited_per_address(served):
    def login(password):
        return httpx.post(f"{served}login", data={"username": "alice", "password": password}, timeout=10)

    codes = [login(f"wrong{i}").status_code for i in range(security.LOGIN_LIMIT + 3)]
    assert codes[:security.LOGIN_LIMIT] == [400] * security.LOGIN_LIMIT
    assert codes[security.LOGIN_LIMIT:] == [429] * 3, codes
    refused = login("right")
    assert refused.status_code == 429 and "wait a minute" in refused.json()["detail"], "even the right password waits"


@pytest.mark.launch(auth=("alice", "right"))
def test_a_good_login_clears_the_count(served):
    def login(password):
        return httpx.post(f"{served}login", data={"username": "alice", "password": password}, timeout=10).status_code

    assert [login("wrong") for _ in range(security.LOGIN_LIMIT - 1)] == [400] * (security.LOGIN_LIMIT - 1)
    assert login("right") == 200
    assert [login("wrong") for _ in range(security.LOGIN_LIMIT - 1)] == [400] * (security.LOGIN_LIMIT - 1)
