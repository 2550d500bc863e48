"""The app serves its page on 127.0.0.1, and refuses a network bind without a password."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from ui import webapp as app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_ui_serves_page_on_localhost(tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cli", "ui", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                    assert resp.status == 200
                    assert "sft-assistant" in resp.read().decode("utf-8", "replace")
                    break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    pytest.fail(f"app did not start: {proc.stdout.read() if proc.poll() is not None else 'timeout'}")
                time.sleep(0.5)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_network_bind_needs_auth():
    with pytest.raises(SystemExit, match="--auth"):
        app.check_bind("0.0.0.0", None, False)
    assert app.check_bind("0.0.0.0", "u:p", False) == ("u", "p")
    assert app.check_bind("0.0.0.0", None, True) is None
    assert app.check_bind("127.0.0.1", None, False) is None
    with pytest.raises(SystemExit, match="user:password"):
        app.check_bind("127.0.0.1", "nopassword", False)
