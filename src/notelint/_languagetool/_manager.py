"""Pick the server for this process: configured URL, else the daemon, else one managed JVM."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from ._client import DEFAULT_TIMEOUT_S, LanguageToolClient
from ._daemon import find_server
from ._errors import LanguageToolUnavailable
from ._server import DEFAULT_HEAP, DEFAULT_LANGUAGES, Server, is_healthy

_lock = threading.Lock()
_managed: Server | None = None


def connect(
    *,
    url: str | None = None,
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    heap: str = DEFAULT_HEAP,
    timeout: float = DEFAULT_TIMEOUT_S,
    cache_dir: Path | None = None,
    version: str | None = None,
) -> LanguageToolClient:
    """A client for the server this run uses; starts one JVM per process at most.

    Raises LanguageToolUnavailable (not installed, no Java, start failure, URL down).
    """
    global _managed
    # A configured server (local or shared) wins; it must answer.
    if url:
        if not is_healthy(url, timeout=min(timeout, 5.0)):
            raise LanguageToolUnavailable(
                f"LanguageTool at {url} does not answer",
                "start it, or remove `url` from [tool.notelint.languagetool]",
            )
        return LanguageToolClient(url, timeout=timeout)
    # A daemon from `notelint languagetool start`.
    if daemon_url := find_server(cache_dir=cache_dir):
        return LanguageToolClient(daemon_url, timeout=timeout)
    with _lock:
        if _managed is None or not _managed.is_running():
            server = Server(
                languages=languages, heap=heap, cache_dir=cache_dir, check_timeout=timeout
            )
            from notelint._progress import languagetool_starting

            with languagetool_starting():  # a spinner on the CLI's terminal
                server.start()
            _managed = server
        return LanguageToolClient(_managed.url, timeout=timeout, server=_managed)


def shutdown() -> None:
    """Stop the managed server of this process (also done at exit)."""
    global _managed
    with _lock:
        if _managed is not None:
            _managed.stop()
            _managed = None
