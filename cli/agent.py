"""``sft-assistant ask``: one request to the assistant from the command line."""
from __future__ import annotations

from cli.common import not_implemented


def register(sub) -> None:
    p = sub.add_parser("ask", help="ask the assistant (offline by default)")
    p.add_argument("text", nargs="?")
    p.add_argument("--file", action="append", default=[], help="attach a file as if uploaded (repeatable)")
    p.add_argument("--json", action="store_true", help='print {"answer", "tool_calls": [{"name", "args"}]}')
    p.add_argument("--plan", action="store_true", help="print the tool calls the agent would make first, without running them")
    p.add_argument("--batch", help="JSONL file of {text, files}; prints one JSON result a line")
    p.set_defaults(func=not_implemented)
