"""What remembering the readers' answers per text saves in one routing step, same requests, same run.

    .venv/bin/python bench/bench_routing.py [FILES] [--repeat 3]

Each line of the corpora (default: the blind rounds ``eval/dev/blind_round6*.jsonl``) is routed with
``OfflineChatModel.invoke`` twice per repeat, interleaved so the machine's drift hits both alike:
baseline with ``memo.off()`` (every reader works its answer out again each time it is asked), ours with
the remembered answers (``assistant/nlu/memo.py``). Both forget everything remembered before each call,
so each call reads its text as new, as a person's message is. Prints each side's median and p95 and the
ratio baseline / ours of the medians (above 1: ours is faster).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from langchain_core.messages import HumanMessage  # noqa: E402

from assistant.attachments import with_attachments  # noqa: E402
from assistant.nlu import memo  # noqa: E402
from assistant.nlu.classifier import labelled_lines  # noqa: E402
from assistant.offline import OfflineChatModel  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "eval" / "dev").glob("blind_round6*.jsonl"))
    messages = [[HumanMessage(with_attachments(c["text"], [f"/tmp/sft-eval/uploads/{c['file']}"] if c.get("file") else []))]
                for path in files for c in labelled_lines(path)]
    model = OfflineChatModel()
    for message in messages[:20]:  # imports, the shipped models, the first regular expressions compiled
        model.invoke(message)
    base, ours = [], []
    for _ in range(args.repeat):
        for message in messages:
            for side, times in ((memo.off, base), (None, ours)):
                memo.forget()
                start = time.perf_counter()
                if side is None:
                    model.invoke(message)
                else:
                    with side():
                        model.invoke(message)
                times.append((time.perf_counter() - start) * 1000)

    def line(name: str, times: list[float]) -> str:
        times = sorted(times)
        return f"{name}: median {statistics.median(times):.2f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.2f} ms"

    print(f"{len(messages)} requests from {len(files)} corpora, {args.repeat} repeats, one routing step each")
    print(line("baseline (every answer worked out again)", base))
    print(line("ours (answers remembered within the step)", ours))
    print(f"ratio baseline / ours (medians): {statistics.median(base) / statistics.median(ours):.2f}×")


if __name__ == "__main__":
    main()
