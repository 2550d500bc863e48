"""The web app itself: ``build_app`` (one small function per tab) and ``launch`` (the product's safety
settings), and ``serve`` for ``sft-assistant ui`` and ``python app.py``. Imports neither ``app`` nor ``cli``."""
from __future__ import annotations

import argparse
import os

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_UPLOAD = "200mb"


def build_app():
    """Build the Blocks app from one small function per tab."""
    import gradio as gr

    from ui import assistant_tab, chat_tab, data_tab, training_tab
    from ui import session as sess
    from ui.i18n import DEFAULT, LANGS, t

    with gr.Blocks(title="sft-assistant") as demo:
        # Per-session state: one copy per browser tab / API client (see ui/session.py).
        session = gr.State(None, delete_callback=assistant_tab.forget)
        lang = gr.State(DEFAULT)
        # The language choice lives in the browser (localStorage), so a reload keeps it. A fixed
        # secret: the value is no secret, and it must survive a restart of the server.
        remembered = gr.BrowserState(DEFAULT, storage_key="sft-assistant-language", secret="sft-assistant-language")
        with gr.Row():
            title = gr.Markdown(t("title"))
            switch = gr.Radio(list(LANGS), value=DEFAULT, label=t("language"), scale=0, min_width=200, elem_id="lang-switch")
        with gr.Tabs(elem_id="main-tabs") as tabs:
            with gr.Tab(t("tab_assistant"), id="assistant") as tab_a:
                labels, open_run = assistant_tab.build(session, lang)
            with gr.Tab(t("tab_data"), id="data", elem_id="tab-data") as tab_d:
                labels += data_tab.build(session, lang, tab_d)
            with gr.Tab(t("tab_training"), id="training", elem_id="tab-training") as tab_t:
                labels += training_tab.build(session, lang, tab_t, opener=open_run)
            with gr.Tab(t("tab_chat"), id="chat", elem_id="tab-chat") as tab_c:
                labels += chat_tab.build(lang, tab_c, session)
        labels += [(title, "value", "title"), (switch, "label", "language"), (tab_a, "label", "tab_assistant"),
                   (tab_d, "label", "tab_data"), (tab_t, "label", "tab_training"), (tab_c, "label", "tab_chat")]
        # The chat's run card opens the Training tab (training_tab selects the run).
        open_run.click(lambda: gr.Tabs(selected="training"), None, tabs, api_visibility="private")

        # One update per component, carrying every attribute it needs relabelled.
        components = list(dict.fromkeys(c for c, _, _ in labels))
        demo.sft_labels = labels  # what the language switch relabels (tests check nothing is left out)

        def relabel(choice: str):
            changes: dict = {c: {} for c in components}
            for component, attr, key in labels:
                changes[component][attr] = _text(attr, key, choice)
            return [choice, choice, *(gr.update(**changes[c]) for c in components)]

        def restore(session_value, stored):
            """Page load: this tab's session, and the language the browser remembers."""
            return sess.ensure(session_value), stored if stored in LANGS else DEFAULT

        demo.load(restore, [session, remembered], [session, switch], api_visibility="private")
        switch.change(relabel, [switch], [lang, remembered, *components], api_visibility="private")
    return demo


def _text(attr: str, key, lang: str):
    """A label in ``lang``; for ``choices`` the key is a list of (string key, value) pairs."""
    from ui.i18n import t

    return [(t(k, lang), v) for k, v in key] if attr == "choices" else t(key, lang)


def launch(demo, host: str = "127.0.0.1", port: int | None = None, auth=None, max_file_size: str = MAX_UPLOAD, **kwargs):
    """Serve ``demo`` with the product's safety settings: uploads capped, errors shown as sentences,
    login attempts rate-limited and absurd requests refused at the door (``ui.security``), and no
    file of the workspace served by its path:
    the workspace is blocked on the file route, and a file a person may download is handed out as
    a copy under an unguessable link (``ui.session.public_copy``)."""
    from starlette.middleware import Middleware

    from tools.workspace import home
    from ui.security import LoginLimiter, RequestGuard

    demo.queue(default_concurrency_limit=8)
    app_kwargs = dict(kwargs.pop("app_kwargs", None) or {})
    app_kwargs["middleware"] = [*app_kwargs.get("middleware", []), Middleware(LoginLimiter), Middleware(RequestGuard)]
    return demo.launch(
        server_name=host, server_port=port, auth=auth, show_error=True, max_file_size=max_file_size,
        allowed_paths=[], blocked_paths=[str(home())], app_kwargs=app_kwargs,
        # Gradio's footer ("Use via API · Built with Gradio · Settings") is English whatever the UI
        # language; the README documents the API for scripting.
        footer_links=kwargs.pop("footer_links", []), **kwargs,
    )


def check_bind(host: str, auth: str | None, insecure: bool, auth_file: str | None = None):
    """Refuse to expose the app beyond this machine without a password (or an explicit --insecure).
    The password may come from $SFT_AUTH_PASSWORD or --auth-file instead of the command line."""
    from ui.security import credentials

    pairs = credentials(auth, auth_file)
    if host not in LOCAL_HOSTS and pairs is None and not insecure:
        raise SystemExit(f"error: binding to {host} exposes the app to the network; add --auth USER with "
                         "SFT_AUTH_PASSWORD set, or --auth-file FILE (or --insecure if you mean it).")
    if pairs is None:
        return None
    return pairs[0] if len(pairs) == 1 else pairs


def serve(args: argparse.Namespace) -> int:
    """Serve the app as ``sft-assistant ui`` was asked to (host, port, auth)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    creds = check_bind(args.host, args.auth, args.insecure, getattr(args, "auth_file", None))
    demo = build_app()
    print(f"sft-assistant: serving on http://{args.host}:{args.port}", flush=True)
    launch(demo, args.host, args.port, creds)
    return 0
