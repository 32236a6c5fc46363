"""Helpers for the LanguageTool tests: a fake server for failure paths, a process waiter."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# ---- fake server -------------------------------------------------------------------------

Behaviour = Callable[[BaseHTTPRequestHandler], None]
LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


def _send_json(handler: BaseHTTPRequestHandler, status: int, payload: object) -> None:
    body = json.dumps(payload).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class FakeLT:
    """A tiny LanguageTool stand-in: GET /v2/languages works, POST /v2/check does ``on_check``."""

    def __init__(self) -> None:
        fake = self
        self.on_check: Behaviour = lambda h: _send_json(h, 200, {"matches": []})
        self.on_languages: Behaviour = lambda h: _send_json(h, 200, LANGUAGES)
        self.release = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                fake.on_languages(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                self.rfile.read(length)
                fake.on_check(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def matches(self, payload: object) -> None:
        self.on_check = lambda h: _send_json(h, 200, payload)

    def reset_connection(self) -> None:
        def behave(h: BaseHTTPRequestHandler) -> None:
            h.close_connection = True
            h.connection.shutdown(2)

        self.on_check = behave

    def hang(self) -> None:
        self.on_check = lambda h: (self.release.wait(30), None)[1]

    def trickle(
        self, *, every: float = 0.5, headers: bool = False, languages: bool = False
    ) -> None:
        """Answer checks (or /v2/languages) one byte at a time: a per-read timeout never fires."""

        def behave(h: BaseHTTPRequestHandler) -> None:
            body = json.dumps({"matches": []}).encode() + b" " * 2000
            head = (
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
            )
            data = head + body
            if not headers:
                h.wfile.write(head)
                data = body
            for i in range(len(data)):
                if self.release.is_set():
                    return
                h.wfile.write(data[i : i + 1])
                h.wfile.flush()
                time.sleep(every)

        if languages:
            self.on_languages = behave
        else:
            self.on_check = behave

    def error(self, status: int, text: str) -> None:
        def behave(h: BaseHTTPRequestHandler) -> None:
            body = text.encode()
            h.send_response(status)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

        self.on_check = behave


def wait_gone(pid: int, timeout: float = 20.0) -> bool:
    from notelint._languagetool._daemon import pid_alive

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.1)
    return False


def wait_gone_path(path: Path, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not path.exists():
            return True
        time.sleep(0.1)
    return False
