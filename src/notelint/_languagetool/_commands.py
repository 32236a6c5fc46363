"""`notelint languagetool install|start|stop|status`: one line each, exit code 0 or 2.

The core CLI calls these with ``version`` (``--version``) and ``config`` (a loaded
``Config`` from ``--config``, or None); ``[tool.notelint.languagetool]`` gives heap and version.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ._daemon import daemon_status, find_server, start_daemon, stop_daemon
from ._errors import LanguageToolUnavailable
from ._install import find_installation, install
from ._server import DEFAULT_HEAP

if TYPE_CHECKING:
    from notelint._config import Config


def _err(exc: LanguageToolUnavailable) -> int:
    print(f"notelint: {exc.reason}; fix: {exc.fix}", file=sys.stderr)
    return 2


def _version(version: str | None, config: Config | None) -> str | None:
    return version or (config.languagetool.version if config is not None else None)


def cmd_install(
    *,
    version: str | None = None,
    config: Config | None = None,
    cache_dir: Path | None = None,
    quiet: bool = False,
) -> int:
    started = time.monotonic()
    try:
        path = install(
            cache_dir=cache_dir,
            version=_version(version, config),
            echo=None if quiet else (lambda line: print(line, file=sys.stderr)),
        )
    except LanguageToolUnavailable as exc:
        return _err(exc)
    print(f"LanguageTool ready in {path} ({time.monotonic() - started:.1f} s)")
    return 0


def cmd_start(
    *,
    version: str | None = None,
    config: Config | None = None,
    cache_dir: Path | None = None,
    heap: str | None = None,
) -> int:
    from notelint._progress import languagetool_starting

    chosen_heap = heap or (config.languagetool.heap if config is not None else DEFAULT_HEAP)
    try:
        waiting = find_server(cache_dir=cache_dir) is None
        with languagetool_starting() if waiting else contextlib.nullcontext():  # a spinner
            state = start_daemon(
                cache_dir=cache_dir, heap=chosen_heap, version=_version(version, config)
            )
    except LanguageToolUnavailable as exc:
        return _err(exc)
    print(f"LanguageTool {state.version} running at {state.url} (pid {state.pid})")
    return 0


def cmd_stop(
    *, version: str | None = None, config: Config | None = None, cache_dir: Path | None = None
) -> int:
    was_running = stop_daemon(cache_dir=cache_dir)
    print("LanguageTool server stopped" if was_running else "no LanguageTool server was running")
    return 0


def cmd_status(
    *, version: str | None = None, config: Config | None = None, cache_dir: Path | None = None
) -> int:
    state = daemon_status(cache_dir=cache_dir)
    # Running and answering.
    if state is not None and find_server(cache_dir=cache_dir):
        print(f"LanguageTool {state.version} running at {state.url} (pid {state.pid})")
        return 0
    # Alive but not answering.
    if state is not None:
        print(f"LanguageTool (pid {state.pid}) is not answering at {state.url}; log: {state.log}")
        return 2
    installed = find_installation(cache_dir=cache_dir, version=_version(version, config))
    if installed is None:
        print("LanguageTool is not installed; run `notelint languagetool install`")
        return 2
    print(
        f"LanguageTool {installed.version} installed in {installed.path}, not running "
        "(each run starts its own; `notelint languagetool start` keeps one running)"
    )
    return 0
