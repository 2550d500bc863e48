"""Benchmark: ``inspect`` and ``quality`` on a big Chinese QA file (default 500,000 rows, ~200 MB).

    .venv/bin/python bench/bench_quality.py [--rows 500000] [--keep DIR]

Generates the file in a temporary folder (random Chinese questions of 15–35 characters and answers
of 70–140, 1% exact duplicates, 1% near duplicates), then runs, each in a fresh process:
- the baseline: ``read_dataset`` alone (the reading every command pays);
- ``inspect_dataset`` with token statistics (sampled: ``tools.data.stats.TOKEN_SAMPLE`` records);
- ``check_quality`` without model scores (perplexity / reward / judge report their own rate).
It prints wall and CPU seconds, peak resident memory and each command's ratio to the baseline.
The targets are under 60 s and under 2 GB each; a loaded machine shows in wall ≫ CPU.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MEASURE = r"""
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
start, c0 = time.perf_counter(), cpu()
what, path = sys.argv[1], sys.argv[2]
if what == "read":
    from tools.data.formats import read_dataset
    n = len(read_dataset(path).samples)
elif what == "inspect":
    from tools.data.formats import inspect_dataset
    n = inspect_dataset(path)["count"]
else:
    from tools.quality.quality import check_quality
    d = check_quality(path).to_dict()
    n = (d["read"], d["removed"], d["flagged"], d["by_rule"])
print(json.dumps({"what": what, "wall_s": round(time.perf_counter() - start, 1), "cpu_s": round(cpu() - c0, 1),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "result": n},
                 ensure_ascii=False))
"""


def generate(path: Path, rows: int, seed: int = 0) -> None:
    """Random Chinese QA as JSONL {"question", "answer"}; 1% exact and 1% near copies of earlier rows."""
    rng = random.Random(seed)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    written: list[tuple[str, str]] = []
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(rows):
            roll = rng.random()
            if written and roll < 0.01:
                q, a = rng.choice(written)
            elif written and roll < 0.02:
                q, a = rng.choice(written)
                a = a[:-3] + "".join(rng.choices(pool, k=2)) + "。"
            else:
                q = "".join(rng.choices(pool, k=rng.randint(15, 35))) + "？"
                a = "".join(rng.choices(pool, k=rng.randint(70, 140))) + "。"
                if len(written) < 10_000:
                    written.append((q, a))
            fh.write(json.dumps({"question": q, "answer": a}, ensure_ascii=False) + "\n")


def run(what: str, path: Path, home: Path) -> dict:
    env = {"SFT_HOME": str(home), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
           "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    out = subprocess.run([sys.executable, "-c", MEASURE, what, str(path)], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--keep", help="generate into this folder and keep the file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        data = folder / f"qa_{args.rows}.jsonl"
        if not data.exists():
            generate(data, args.rows)
        print(f"{data.name}: {args.rows} rows, {data.stat().st_size / 1e6:.0f} MB")
        base = run("read", data, Path(tmp) / "home")
        print(f"baseline read_dataset: {base['wall_s']} s wall, {base['cpu_s']} s CPU, peak {base['peak_mb']} MB")
        for what in ("inspect", "quality"):
            r = run(what, data, Path(tmp) / "home")
            print(f"{what}: {r['wall_s']} s wall, {r['cpu_s']} s CPU, peak {r['peak_mb']} MB "
                  f"({r['cpu_s'] / max(base['cpu_s'], 0.1):.1f}× the baseline's CPU) -> {r['result']}")


if __name__ == "__main__":
    main()
