"""A real uvicorn server on 127.0.0.1 (a free port) for the API and browser tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest


class LiveServer:
    def __init__(self, app: object) -> None:
        import uvicorn

        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")  # type: ignore[arg-type]
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """The page and API without LanguageTool (fast); one server per test module."""
    from notelint._web._app import create_app

    app = create_app(grammar=False)
    with LiveServer(app) as url:
        yield url
    for linter in app.state.linters:
        linter.close()
