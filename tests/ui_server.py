"""The real web app, started once per test session over the session's ``searcher`` (see conftest).

Both UI test modules ask for it through their own ``app_url`` fixture; the first one starts the
server and registers its shutdown at the end of the session, the other reuses it.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from qa.app.ui import build_app

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

_running: dict = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shared_app_url(searcher, request) -> str:
    """The URL of the app over ``searcher``, launched in-process on a free port on first use."""
    if "url" not in _running:
        app = build_app(searcher)
        port = free_port()
        app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
        _running.update(app=app, url=f"http://127.0.0.1:{port}/")

        def close():
            _running.pop("app").close()
            _running.clear()

        request.session.config.add_cleanup(close)
    return _running["url"]
