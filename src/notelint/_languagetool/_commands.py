"""`notelint languagetool install|start|stop|status`: one line each, exit code 0 or 2."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ._daemon import daemon_status, find_server, start_daemon, stop_daemon
from ._errors import LanguageToolUnavailable
from ._install import find_installation, install
from ._server import DEFAULT_HEAP


def _err(exc: LanguageToolUnavailable) -> int:
    print(f"notelint: {exc.reason}; fix: {exc.fix}", file=sys.stderr)
    return 2


def cmd_install(
    *, cache_dir: Path | None = None, version: str | None = None, quiet: bool = False
) -> int:
    started = time.monotonic()
    try:
        path = install(
            cache_dir=cache_dir,
            version=version,
            echo=None if quiet else (lambda line: print(line, file=sys.stderr)),
        )
    except LanguageToolUnavailable as exc:
        return _err(exc)
    print(f"LanguageTool ready in {path} ({time.monotonic() - started:.1f} s)")
    return 0


def cmd_start(*, cache_dir: Path | None = None, heap: str = DEFAULT_HEAP) -> int:
    try:
        state = start_daemon(cache_dir=cache_dir, heap=heap)
    except LanguageToolUnavailable as exc:
        return _err(exc)
    print(f"LanguageTool {state.version} running at {state.url} (pid {state.pid})")
    return 0


def cmd_stop(*, cache_dir: Path | None = None) -> int:
    was_running = stop_daemon(cache_dir=cache_dir)
    print("LanguageTool server stopped" if was_running else "no LanguageTool server was running")
    return 0


def cmd_status(*, cache_dir: Path | None = None) -> int:
    state = daemon_status(cache_dir=cache_dir)
    installed = find_installation(cache_dir=cache_dir)
    # Running and answering.
    if state is not None and find_server(cache_dir=cache_dir):
        print(f"LanguageTool {state.version} running at {state.url} (pid {state.pid})")
        return 0
    # Alive but not answering.
    if state is not None:
        print(f"LanguageTool (pid {state.pid}) is not answering at {state.url}; log: {state.log}")
        return 2
    if installed is None:
        print("LanguageTool is not installed; run `notelint languagetool install`")
        return 2
    print(
        f"LanguageTool {installed.version} installed, not running "
        "(a server starts per run; `notelint languagetool start` keeps one running)"
    )
    return 0
