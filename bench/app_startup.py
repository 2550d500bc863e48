"""Time from `sft-assistant ui` to its first page, against a bare Gradio app measured in the same run.

    .venv/bin/python bench/app_startup.py [--repeat 3]

Both are started as fresh processes and polled with HTTP GET / until the page answers 200;
the median of ``--repeat`` starts is printed for each, and the ratio (ours / bare). The bare
app is one ``gr.Blocks`` with a Markdown line, so the ratio is what our tabs add on top of
importing and starting Gradio itself.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = (
    "import gradio as gr, sys\n"
    "with gr.Blocks() as demo:\n    gr.Markdown('bare')\n"
    "demo.launch(server_name='127.0.0.1', server_port=int(sys.argv[1]))\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def time_to_page(cmd: list[str], port: int, env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                    if resp.status == 200:
                        return time.perf_counter() - start
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode} before serving") from None
                time.sleep(0.05)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
           "SFT_HOME": tempfile.mkdtemp(prefix="sft-bench-")}
    ours, bare = [], []
    for _ in range(args.repeat):  # interleaved, so a busy moment hits both alike
        port = free_port()
        bare.append(time_to_page([sys.executable, "-c", BARE, str(port)], port, env))
        port = free_port()
        ours.append(time_to_page([sys.executable, "-m", "cli", "ui", "--port", str(port)], port, env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare gradio app: {b:.2f} s to first page (median of {args.repeat}: {', '.join(f'{x:.2f}' for x in bare)})")
    print(f"sft-assistant ui: {o:.2f} s to first page (median of {args.repeat}: {', '.join(f'{x:.2f}' for x in ours)})")
    print(f"ratio ours / bare: {o / b:.2f}")


if __name__ == "__main__":
    main()
