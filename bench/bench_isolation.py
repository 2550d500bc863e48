"""Issue 16's probe, short version: path tricks on the file route, two sessions reaching for each
other's files, a trivial assistant turn at 20 concurrent sessions (p50/p95 against one session
alone, measured in the same run), the refusals' times, and the login rate limit.

    .venv/bin/python bench/bench_isolation.py [--sessions 20] [--turns 3]

Serves the app in-process on a free port of 127.0.0.1 with a temporary workspace. Figures depend
on the machine's load: say where they were measured.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("SFT_HOME", tempfile.mkdtemp(prefix="sft-bench-iso-"))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

TRIVIAL = "我有1000条数据,epoch设置多少?"
SECRET = "SECRET-A-4711"


def serve(auth=None) -> tuple[object, str]:
    from test_app import free_port

    from ui import webapp as app

    demo = app.build_app()
    port = free_port()
    app.launch(demo, port=port, prevent_thread_lock=True, quiet=True, auth=auth)
    return demo, f"http://127.0.0.1:{port}/"


def client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, httpx_kwargs={"timeout": 600})


def path_tricks(url: str, files: list[Path]) -> tuple[int, int]:
    """(held, tried): every trick must answer 403/404 for each of A's workspace files."""
    import httpx

    home = Path(os.environ["SFT_HOME"]).resolve()
    held = tried = 0
    for p in files:
        rel = p.relative_to(home)
        link = home / "uploads" / "link.csv"
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.exists():
            link.symlink_to(p)
        tricks = [str(p), f"{home}/sessions/../{rel}", f"{home}/%2e%2e/{home.name}/{rel}", str(p).replace("/", "%2f"),
                  str(p).replace("/", "%252f"), f"{home}/sessions/x/%2e%2e/%2e%2e/{rel}", f"/proc/self/root{p}",
                  f"/proc/self/cwd/../../..{p}", str(link), f"..{p}", f"//{str(p).lstrip('/')}", f"{p}%00.png",
                  "/etc/passwd", str(ROOT / "app.py"), f"{home}/runs/../{rel}", f"file://{p}", f"{p}/.",
                  f"{home}//sessions//{rel.relative_to('sessions')}", f"{home}/./{rel}", str(p).upper(), f"{p}?download=1"]
        for trick in tricks:
            tried += 1
            r = httpx.get(f"{url}gradio_api/file={trick}", timeout=10)
            held += r.status_code in (400, 403, 404) or SECRET not in r.text
    return held, tried


def cross_session(url: str, tmp: Path) -> tuple[int, int, list[Path]]:
    """(held, tried, A's files): B asks to inspect and convert A's files by name and by path."""
    from gradio_client import handle_file
    from test_app import files_of

    secret = tmp / "secretA.csv"
    secret.write_text("question,answer\n" + "\n".join(f"q{i} {SECRET},a{i} {SECRET}" for i in range(7)) + "\n")
    a, b = client(url), client(url)
    a.predict({"text": "inspect this file", "files": [handle_file(str(secret))]}, [], api_name="/assistant")
    a.predict({"text": "convert it to alpaca", "files": []}, [], api_name="/assistant")
    home = Path(os.environ["SFT_HOME"]).resolve()
    mine = sorted(p for p in home.rglob("secretA*") if p.is_file())
    held = tried = 0
    for target in ["secretA.csv", "secretA.alpaca.json", *map(str, mine)]:
        for ask in (f"inspect {target}", f"convert {target} to csv", f"check the quality of {target}"):
            tried += 1
            answer = b.predict({"text": ask, "files": []}, [], api_name="/assistant")
            said = json.dumps(answer, ensure_ascii=False)
            held += SECRET not in said and not files_of(answer) and "7 usable" not in said and "7 条" not in said
    return held, tried, mine


def turn_times(url: str, sessions: int, turns: int) -> tuple[list[float], int]:
    """Seconds of each trivial turn that answered, and how many failed."""
    failed = []

    def one(_):
        c, times = client(url), []
        for _ in range(turns):
            t = time.perf_counter()
            try:
                c.predict({"text": TRIVIAL, "files": []}, [], api_name="/assistant")
                times.append(time.perf_counter() - t)
            except Exception:  # noqa: BLE001 - counted and reported, the bench goes on
                failed.append(1)
        return times

    with ThreadPoolExecutor(sessions) as pool:
        return [t for ts in pool.map(one, range(sessions)) for t in ts], len(failed)


def refusals(url: str) -> dict:
    import httpx
    from test_limits import call, upload

    path = upload(url, "same.csv", b"question,answer\nq,a\n")
    one = {"path": path, "orig_name": "same.csv", "meta": {"_type": "gradio.FileData"}}
    out = {}
    for name, message in (("10 MB message", {"text": "x" * 10 * 1024 * 1024, "files": []}),
                          ("10,000-file message", {"text": "inspect", "files": [one] * 10_000}),
                          ("20,001-character message", {"text": "x" * 20_001, "files": []}),
                          ("21-file message", {"text": "inspect", "files": [one] * 21})):
        answer, seconds = call(url, message)
        out[name] = (seconds, json.dumps(answer, ensure_ascii=False)[:90])
    del httpx
    return out


def logins(url: str, tries: int = 100) -> tuple[int, int, float]:
    """(refused with 429, wrong-password answers, seconds) for ``tries`` wrong passwords in a row."""
    import httpx

    codes = []
    start = time.perf_counter()
    for i in range(tries):
        codes.append(httpx.post(f"{url}login", data={"username": "u", "password": f"wrong{i}"}, timeout=10).status_code)
    return codes.count(429), codes.count(400), time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=3)
    args = parser.parse_args()
    demo, url = serve()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            held, tried, mine = cross_session(url, Path(tmp))
            print(f"cross-session: {held}/{tried} requests by B held (no content, no file, no count of A's)")
            held, tried = path_tricks(url, mine)
            print(f"file route: {held}/{tried} path tricks held")
        for name, (seconds, said) in refusals(url).items():
            print(f"refused {name} in {seconds:.2f} s: {said}")
        alone, failed_alone = turn_times(url, 1, args.turns * 2)
        loaded, failed = turn_times(url, args.sessions, args.turns)
        print(f"trivial turn, 1 session: p50 {pct(alone, .5):.2f} s, p95 {pct(alone, .95):.2f} s "
              f"({len(alone)} turns, {failed_alone} failed)")
        print(f"trivial turn, {args.sessions} concurrent sessions: p50 {pct(loaded, .5):.2f} s, "
              f"p95 {pct(loaded, .95):.2f} s, mean {statistics.mean(loaded):.2f} s ({len(loaded)} turns, {failed} failed); "
              f"p95 ratio to 1 session: {pct(loaded, .95) / pct(alone, .95):.1f}x")
    finally:
        demo.close()
    demo, url = serve(auth=("u", "right-password"))
    try:
        refused, wrong, seconds = logins(url)
        print(f"login: 100 wrong passwords in {seconds:.2f} s: {wrong} answered 'incorrect', {refused} refused (429)")
    finally:
        demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
