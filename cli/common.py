"""Helpers shared by the CLI modules."""
from __future__ import annotations

import json
import sys


def not_implemented(args) -> int:
    print(f"sft-assistant {args.command}: not implemented yet.", file=sys.stderr)
    return 3


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
