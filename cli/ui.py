"""``sft-assistant ui`` (the web app) and ``sft-assistant chat`` (talk to a tuned model)."""
from __future__ import annotations

import argparse


def add_server_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--auth", help="USER (password from $SFT_AUTH_PASSWORD) or user:pass (visible in ps); "
                                  "each user gets a workspace of their own; required with a non-local --host")
    p.add_argument("--auth-file", help="a file of user:password lines (keeps passwords out of ps)")
    p.add_argument("--insecure", action="store_true", help="allow a non-local --host without --auth")


def register(sub) -> None:
    p = sub.add_parser("ui", help="start the web app")
    add_server_options(p)
    p.set_defaults(func=_ui)

    p = sub.add_parser("chat", help="chat with a fine-tuned model (or the base model) in the terminal")
    p.add_argument("run", nargs="?", help="a run id or adapter folder (default: the base model)")
    p.add_argument("--base-model")
    p.add_argument("--max-new-tokens", type=int, default=256)
    p.add_argument("--temperature", type=float, default=0.0)
    p.set_defaults(func=_chat)


def _ui(args: argparse.Namespace) -> int:
    from ui.webapp import serve

    return serve(args)


def _chat(args: argparse.Namespace) -> int:
    """Interactive terminal chat: the reply streams as it is generated; /reset forgets, /exit quits."""
    import sys

    from tools.models.adapters import target_for
    from tools.models.chat import GenerationSettings, load, stream_reply

    settings = GenerationSettings(max_new_tokens=args.max_new_tokens, temperature=args.temperature)
    target = target_for(args.run, args.base_model)
    load(target)
    print(f"chatting with {target.adapter or target.base_model} (/reset to forget, /exit or Ctrl-D to quit)", file=sys.stderr)
    history: list[dict] = []
    while True:
        try:
            line = input("you> ").strip()
        except EOFError:
            print(file=sys.stderr)
            return 0
        if line in ("/exit", "/quit"):
            return 0
        if line == "/reset":
            history = []
            continue
        if not line:
            continue
        history.append({"role": "user", "content": line})
        shown = ""
        print("model> ", end="", flush=True)
        for text in stream_reply(history, target, settings):
            print(text[len(shown):], end="", flush=True)
            shown = text
        print(flush=True)
        history.append({"role": "assistant", "content": shown})
