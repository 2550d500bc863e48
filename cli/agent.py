"""``sft-assistant ask``: one request to the assistant from the command line.

    sft-assistant ask "inspect this and convert it to alpaca" --file qa.csv
    sft-assistant ask "我有1000条数据,epoch设置多少?" --json
    sft-assistant ask "train it for 3 epochs" --file qa.csv --plan
    sft-assistant ask "train it for 3 epochs" --file qa.csv --yes   # start, stop, resume need --yes
    sft-assistant ask --batch requests.jsonl --plan      # one JSON result a line, one process

Starting, stopping and resuming training wait for the person's yes: without ``--yes`` the answer
shows the plan and nothing happens; with ``--yes`` the plan runs after the turn.

The backend is the offline model unless the environment names an OpenAI-compatible
endpoint (see ``assistant/backends.py``). Heavy imports happen inside the handler.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tools.errors import UserError


def register(sub) -> None:
    p = sub.add_parser("ask", help="ask the assistant (offline by default)")
    p.add_argument("text", nargs="?")
    p.add_argument("--file", action="append", default=[], help="attach a file as if uploaded (repeatable)")
    p.add_argument("--json", action="store_true", help='print {"answer", "tool_calls": [{"name", "args"}]}')
    p.add_argument("--plan", action="store_true", help="print the tool calls the agent would make first, without running them")
    p.add_argument("--yes", action="store_true",
                   help="confirm an action the request plans (start, stop or resume training); without it nothing starts")
    p.add_argument("--batch", help="JSONL file of {text, files}; prints one JSON result a line")
    p.set_defaults(func=ask)


def ask(args) -> int:
    if args.batch:
        return run_batch(Path(args.batch), plan_only=args.plan, yes=args.yes)
    if not args.text:
        raise UserError('Say what you want, e.g. sft-assistant ask "inspect this" --file data.csv (or use --batch FILE.jsonl).',
                        zh='请说出你的需求,例如 sft-assistant ask "看看这个文件" --file data.csv(或用 --batch FILE.jsonl)。')
    if args.plan:
        print(json.dumps({"tool_calls": plan(args.text, args.file)}, ensure_ascii=False))
        return 0
    from assistant.agent import Assistant
    from assistant.lang import language_of

    assistant, lang = Assistant(), language_of(args.text)
    if args.json:
        out, ok = ask_once(assistant, "cli", args.text, args.file, args.yes)
        print(json.dumps(out, ensure_ascii=False, default=str))
        return 0 if ok else 1
    code = print_turn(assistant.stream("cli", args.text, args.file))
    if code == 0 and assistant.pending("cli") is not None:
        if not args.yes:
            print(NOT_CONFIRMED[lang], file=sys.stderr)
            return 0
        code = print_turn(assistant.confirm("cli", lang=lang))
    return code


NOT_CONFIRMED = {"en": "(Nothing was done: run the same command with --yes to confirm.)",
                 "zh": "(尚未执行:确认请在同一命令后加 --yes 再运行一次。)"}


def ask_once(assistant, session: str, text: str, files: list[str], yes: bool) -> tuple[dict, bool]:
    """One request as ``{"answer", "tool_calls"}`` (plus ``"pending"`` when an action still waits;
    with ``yes`` it runs, and ``"confirmed"`` lists what ran), and whether the turn worked."""
    result = assistant.run(session, text, files)
    out = {"answer": result["answer"], "tool_calls": result["tool_calls"]}
    if result["pending"] is not None and yes:
        from assistant.lang import language_of

        steps = list(assistant.confirm(session, lang=language_of(text)))
        out["answer"] = steps[-1].text
        out["confirmed"] = [{"name": s.name, "args": s.args} for s in steps if s.kind == "tool_call"]
    elif result["pending"] is not None:
        out["pending"] = result["pending"]
    return out, result["ok"]


def print_turn(steps) -> int:
    """Tool steps on stderr (so stdout is the answer alone), answer tokens on stdout as they come."""
    streamed = False
    for step in steps:
        if step.kind == "tool_call":
            args = ", ".join(f"{k}={v!r}" for k, v in step.args.items())
            print(f"→ {step.name}({args})", file=sys.stderr)
        elif step.kind == "tool_result":
            print(f"  {'✓' if step.ok else '✗'} {step.summary} ({step.duration:.1f} s)", file=sys.stderr)
        elif step.kind == "pending":
            print(f"  ? {step.summary}", file=sys.stderr)
        elif step.kind == "token":
            streamed = True
            print(step.text, end="", flush=True)
        elif step.kind == "answer" and not step.ok:
            print(f"error: {step.text}", file=sys.stderr)
            return 1
        elif step.kind == "answer":
            print("" if streamed else step.text)
        elif step.kind == "error":
            print(f"error: {step.text}", file=sys.stderr)
            return 1
    return 0


def plan(text: str, files: list[str], history: list | None = None) -> list[dict]:
    """The tool calls the backend would make first for this request (nothing runs)."""
    from assistant.backends import BackendSettings

    settings = BackendSettings.from_env()
    # Nothing is read while planning, so a file need not exist (an accuracy corpus names files
    # like qa.csv); an existing one is made absolute, as an upload would be.
    paths = [str(Path(f).expanduser().resolve()) if Path(f).expanduser().exists() else str(f) for f in files]
    if settings.kind == "offline":
        from assistant import offline

        return [{"name": c["name"], "args": c["args"]} for c in offline.plan(text, paths, history or [])]
    from assistant.agent import plan_with_model

    return plan_with_model(settings, text, paths)


def run_batch(path: Path, plan_only: bool, yes: bool = False) -> int:
    """One JSON result per input line, in order; a bad line gets ``{"error": ...}`` and the rest go on."""
    from tqdm import tqdm

    if not path.is_file():
        raise UserError(f"The batch file {path} does not exist.")
    lines = [ln for ln in path.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
    assistant = None
    failures = 0
    for number, line in enumerate(tqdm(lines, desc="ask", unit="req", disable=not sys.stderr.isatty()), 1):
        try:
            request = parse_request(line, path, number)
            if plan_only:
                out = {"text": request["text"], "tool_calls": plan(request["text"], request["files"])}
            else:
                if assistant is None:
                    from assistant.agent import Assistant

                    assistant = Assistant()
                out, _ = ask_once(assistant, f"batch-{number}", request["text"], request["files"], yes)
                assistant.reset(f"batch-{number}")
        except UserError as exc:
            failures += 1
            out = {"error": str(exc)}
        print(json.dumps(out, ensure_ascii=False, default=str), flush=True)
    return 1 if failures == len(lines) and lines else 0


def parse_request(line: str, batch_file: Path, number: int) -> dict:
    """``{"text", "files"}`` from one JSONL line (a single ``"file"`` is accepted too, as in
    shared/examples/utterances.jsonl); relative paths are taken from the batch file's folder
    when they exist there."""
    try:
        request = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UserError(f"{batch_file.name}:{number}:{exc.colno}: not valid JSON ({exc.msg}).") from None
    if not isinstance(request, dict) or not isinstance(request.get("text"), str):
        raise UserError(f'{batch_file.name}:{number}: each line must be an object with a "text" string.')
    files = request.get("files") or ([request["file"]] if request.get("file") else [])
    if not isinstance(files, list):
        raise UserError(f'{batch_file.name}:{number}: "files" must be a list of paths.')
    resolved = [str(batch_file.parent / f) if (batch_file.parent / f).exists() and not Path(f).exists() else str(f)
                for f in files]
    return {"text": request["text"], "files": resolved}
