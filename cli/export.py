"""``sft-assistant export RUN --to merged|gguf|ollama``: take the tuned model to another runtime."""
from __future__ import annotations

from cli.common import print_json


def register(sub) -> None:
    p = sub.add_parser("export", help="export a run's model: merged HF folder, GGUF (llama.cpp) or Ollama")
    p.add_argument("run", nargs="?", help="run id or directory (default: the latest run)")
    p.add_argument("--to", choices=["merged", "gguf", "ollama"], default="gguf")
    p.add_argument("--type", dest="quant", choices=["f16", "q8_0"],
                   help="GGUF tensor type (default: f16 for gguf, q8_0 for ollama)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_export)


def run_export(args) -> int:
    from tools.models.export import export_run

    result = export_run(args.run, to=args.to, quant=args.quant)
    if args.json:
        print_json(result)
        return 0
    for name, size in result["sizes"].items():
        print(f"{name}: {size / 2**20:.1f} MiB")
    print(f"written to {result['folder']}")
    if args.to == "ollama":
        print(f"use it with: cd {result['folder']} && ollama create my-model -f Modelfile && ollama run my-model")
    return 0
