"""The sft-assistant web app (Gradio): assistant chat, data, training and a chat tab.

``python app.py [--host H] [--port P] [--auth USER]`` or ``sft-assistant ui`` serves it on 127.0.0.1:7860;
``ui/webapp.py`` builds and launches it. This file is only the entry point.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from cli import build_parser, set_offline_defaults
    from ui.webapp import serve

    set_offline_defaults()
    args = build_parser().parse_args(["ui", *(argv if argv is not None else sys.argv[1:])])
    return serve(args)


if __name__ == "__main__":
    sys.exit(main())
