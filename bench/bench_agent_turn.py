"""What the agent graph costs on top of the offline model's routing, same requests, same run.

    .venv/bin/python bench/bench_agent_turn.py [--repeat 30]

Baseline: ``assistant.offline.plan(text)``, the offline model's routing step alone.
Ours: one whole ``Assistant.run`` turn through ``create_agent`` (checkpointer, middleware,
the ``explain`` tool, the written answer) for the same request. The ratio is ours /
baseline: how many routing steps' worth of time the agent machinery adds. Medians over
``--repeat`` runs of each request; the first turn (imports, graph compile) is timed apart.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REQUESTS = ["什么是SFT?", "why do epochs matter more than the learning rate?", "LoRA 的学习率要不要调大?",
            "what is gradient accumulation?"]


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    os.environ["SFT_HOME"] = tempfile.mkdtemp(prefix="bench-agent-")
    from assistant import offline
    from assistant.agent import Assistant
    from assistant.backends import BackendSettings

    assistant = Assistant(BackendSettings())
    start = time.perf_counter()
    assistant.run("warm", "什么是SFT?")
    print(f"first turn (graph build + imports): {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"{'request':52} {'routing ms':>10} {'turn ms':>8} {'ratio':>6}")
    for i, text in enumerate(REQUESTS):
        routing = median_ms(lambda text=text: offline.plan(text), args.repeat)
        # A fresh session per turn so memory does not grow; the agent is built per session.
        counter = iter(range(10**9))
        turn = median_ms(lambda i=i, counter=counter, text=text: assistant.run(f"s{i}-{next(counter)}", text), args.repeat)
        print(f"{text[:50]:52} {routing:10.2f} {turn:8.1f} {turn / routing:6.0f}×")


if __name__ == "__main__":
    main()
