"""The ``sft-assistant`` command line.

Each group of subcommands lives in its own module and registers its parsers
(explicit list below, no plugin discovery). Handlers import their heavy
dependencies lazily, so ``sft-assistant --help`` starts fast.
"""
from __future__ import annotations

import argparse
import os
import sys

from cli import agent, data, model, train, ui
from cli import eval as eval_cli
from cli import export as export_cli
from tools.errors import UserError

GROUPS = (ui, data, train, agent, model, eval_cli, export_cli)


def set_offline_defaults() -> None:
    """No analytics, no hub look-ups, unless the user asked for them."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sft-assistant",
        description="From a spreadsheet of questions and answers to a LoRA-tuned model you can talk to.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    set_offline_defaults()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
