"""The managed server's configuration: check threads per core, a check-time limit that agrees
with the client's timeouts."""

from __future__ import annotations

import pytest

from notelint._languagetool import _client, _server
from notelint._languagetool._server import Server, properties, server_check_timeout


def _props(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if line)


def test_check_threads_follow_the_core_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_server.os, "cpu_count", lambda: 6)
    assert _props(properties(check_timeout_s=30))["maxCheckThreads"] == "6"
    monkeypatch.setattr(_server.os, "cpu_count", lambda: None)
    assert _props(properties(check_timeout_s=30))["maxCheckThreads"] == "1"
    assert _props(properties(check_timeout_s=30, threads=3))["maxCheckThreads"] == "3"


def test_check_time_limit_is_the_longest_client_wait() -> None:
    # A warm check waits `timeout`, a first check per language FIRST_CHECK_TIMEOUT_S; the
    # server must not give up on either while the client still waits.
    assert server_check_timeout(30.0) == _client.FIRST_CHECK_TIMEOUT_S
    assert server_check_timeout(500.0) == 500.0
    server = Server(check_timeout=30.0, start_timeout=10.0)
    server._prepare_workdir()
    try:
        assert server.log_path is not None
        props = _props((server.log_path.parent / "server.properties").read_text())
        assert props["maxCheckTimeMillis"] == str(int(_client.FIRST_CHECK_TIMEOUT_S * 1000))
    finally:
        server._cleanup_workdir()
