"""``sft-assistant model prepare``: convert the embedded GGUF once into a safetensors folder."""
from __future__ import annotations

import argparse

from cli.common import print_json


def register(sub) -> None:
    p = sub.add_parser("model", help="manage the embedded base model")
    msub = p.add_subparsers(dest="model_command", metavar="ACTION")
    prep = msub.add_parser("prepare", help="convert the embedded SmolLM2-135M-Instruct GGUF into a cached bf16 safetensors folder")
    prep.add_argument("--force", action="store_true", help="convert again even if the cache holds it")
    prep.add_argument("--quiet", action="store_true", help="print nothing when the model is already prepared")
    prep.add_argument("--json", action="store_true", help="print the result as JSON")
    prep.set_defaults(func=_prepare)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def _prepare(args: argparse.Namespace) -> int:
    from tools.models.models import prepare_embedded

    result = prepare_embedded(force=args.force)
    if args.json:
        print_json({"path": str(result.path), "converted": result.converted, "seconds": round(result.seconds, 2)})
    elif result.converted:
        print(f"Converted the embedded model into {result.path} in {result.seconds:.1f} s.")
    elif not args.quiet:
        print(f"The embedded model is ready at {result.path}.")
    return 0
