"""The local web page and JSON API behind `notelint serve` (needs the ``web`` extra)."""

from __future__ import annotations

import ipaddress
import sys
from typing import TextIO

from notelint._config import Config
from notelint._errors import UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _import_app() -> object:
    try:
        from notelint._web import _app
    except ImportError as exc:
        raise UsageError(
            "U002",
            detail=f"the web page needs the web extra ({exc.name} is missing): "
            "pip install 'notelint[web]'",
        ) from None
    return _app


def openapi_json() -> str:
    """The API's OpenAPI schema (committed as docs/schema/openapi.json)."""
    _import_app()
    from notelint._web._app import openapi_json as dump

    return dump()


def serve(
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    config: Config | None = None,
    grammar: bool = True,
    err: TextIO | None = None,
) -> int:
    """Run the page and the API with uvicorn until interrupted."""
    err = err or sys.stderr
    _import_app()
    import uvicorn

    from notelint._web._app import create_app

    if not 0 <= port <= 65535:
        raise UsageError("U002", detail=f"--port {port} is not a port number (0-65535)")
    if not is_loopback(host):
        err.write(
            f"notelint: warning: --host {host} is not a loopback address: anyone who can reach "
            "this machine can read and send notes through this server (there is no login)\n"
        )
    app = create_app(config, grammar=grammar)
    shown = f"[{host}]" if ":" in host else host
    err.write(f"notelint: serving on http://{shown}:{port}/ (Ctrl+C stops it)\n")
    err.flush()
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        for linter in app.state.linters:
            linter.close()
        from notelint._languagetool import shutdown

        shutdown()
    return 0
