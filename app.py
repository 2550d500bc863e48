"""The sft-assistant web app (Gradio): assistant chat, data, training and a chat tab.

``python app.py`` or ``sft-assistant ui`` serves it on 127.0.0.1:7860.
"""
from __future__ import annotations

import argparse
import os
import sys

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def build_app():
    """Build the Blocks app from one small function per tab."""
    import gradio as gr

    with gr.Blocks(title="sft-assistant") as demo:
        gr.Markdown("# sft-assistant\nFrom a spreadsheet of questions and answers to a LoRA-tuned model you can talk to.")
    return demo


def check_bind(host: str, auth: str | None, insecure: bool) -> tuple[str, str] | None:
    """Refuse to expose the app beyond this machine without a password (or an explicit --insecure)."""
    creds = None
    if auth:
        user, sep, password = auth.partition(":")
        if not sep or not user or not password:
            raise SystemExit("error: --auth must look like user:password")
        creds = (user, password)
    if host not in LOCAL_HOSTS and creds is None and not insecure:
        raise SystemExit(f"error: binding to {host} exposes the app to the network; add --auth user:pass (or --insecure if you mean it).")
    return creds


def main_from_args(args: argparse.Namespace) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    creds = check_bind(args.host, args.auth, args.insecure)
    demo = build_app()
    demo.queue(default_concurrency_limit=8)
    print(f"sft-assistant: serving on http://{args.host}:{args.port}", flush=True)
    demo.launch(server_name=args.host, server_port=args.port, auth=creds, show_error=True, max_file_size="200mb")
    return 0


def main(argv: list[str] | None = None) -> int:
    from cli import build_parser, set_offline_defaults

    set_offline_defaults()
    args = build_parser().parse_args(["ui", *(argv if argv is not None else sys.argv[1:])])
    return main_from_args(args)


if __name__ == "__main__":
    sys.exit(main())
