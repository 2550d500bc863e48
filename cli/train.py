"""Training subcommands: suggest, train, runs, stop."""
from __future__ import annotations

from cli.common import not_implemented


def register(sub) -> None:
    p = sub.add_parser("suggest", help="suggest epochs, learning rate and batch size, with the reasoning")
    p.add_argument("path", nargs="?", help="a dataset (its size and token lengths are used)")
    p.add_argument("--samples", type=int, help="number of samples, when no dataset is given")
    p.add_argument("--method", choices=["lora", "full"], default="lora")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)

    p = sub.add_parser("train", help="start a LoRA fine-tuning run (a detached process)")
    p.add_argument("path")
    p.add_argument("--base-model", help="local Hugging Face model folder (default: the embedded SmolLM2-135M-Instruct)")
    p.add_argument("--epochs", type=float)
    p.add_argument("--learning-rate", type=float)
    p.add_argument("--lora-r", type=int)
    p.add_argument("--max-steps", type=int)
    p.add_argument("--output", help="run directory")
    p.add_argument("--resume", help="resume a stopped or killed run (its id or directory)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)

    p = sub.add_parser("runs", help="list training runs and their state")
    p.add_argument("run", nargs="?", help="show one run in detail")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)

    p = sub.add_parser("stop", help="stop a training run")
    p.add_argument("run")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=not_implemented)
