"""The managed server's configuration: check threads per core, a check-time limit that agrees
with the client's timeouts, and both languages warmed at once."""

from __future__ import annotations

import threading
import time

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


def test_languages_warm_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    inside = 0
    most = 0
    seen: list[str] = []
    lock = threading.Lock()

    def check(self: object, text: str, lang: str, **_: object) -> list[object]:
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
            seen.append(lang)
        time.sleep(0.2)
        with lock:
            inside -= 1
        return []

    monkeypatch.setattr(_client.LanguageToolClient, "check", check)
    server = Server()
    server.port = 1
    server.warm_up(["en-US", "de-DE", "en"])  # 'en' is en-US again: warmed once
    assert sorted(seen) == ["de-DE", "en-US"]
    assert most == 2


def test_a_failed_warm_up_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    from notelint._languagetool import LanguageToolUnavailable

    def check(self: object, text: str, lang: str, **_: object) -> list[object]:
        if lang == "de-DE":
            raise LanguageToolUnavailable("no German", "fix")
        return []

    monkeypatch.setattr(_client.LanguageToolClient, "check", check)
    server = Server()
    server.port = 1
    with pytest.raises(LanguageToolUnavailable, match="no German"):
        server.warm_up(["en-US", "de-DE"])
