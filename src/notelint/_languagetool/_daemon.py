"""One detached LanguageTool server kept running between runs (pre-commit), found by state file."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ._paths import lt_root
from ._server import DEFAULT_HEAP, DEFAULT_LANGUAGES, Server, is_healthy

STATE_FILE = "daemon.json"


class DaemonState(BaseModel):
    """What ``daemon.json`` records about the running daemon."""

    model_config = ConfigDict(frozen=True)

    pid: int
    port: int
    version: str
    url: str
    heap: str
    log: str
    started_at: float


def _state_path(cache_dir: Path | None) -> Path:
    return lt_root(cache_dir) / STATE_FILE


def _read_state(cache_dir: Path | None) -> DaemonState | None:
    try:
        return DaemonState.model_validate_json(_state_path(cache_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_state(state: DaemonState, cache_dir: Path | None) -> None:
    path = _state_path(cache_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(state.model_dump_json(indent=2), encoding="utf-8")
    os.replace(tmp, path)


def pid_alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie child of ours is reaped and counts as gone)."""
    with contextlib.suppress(ChildProcessError, OSError):
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # An exited process nobody reaped yet (e.g. PID 1 in a container does not) is gone too.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


SERVER_CLASS = "org.languagetool.server.HTTPServer"


def _command_line(pid: int) -> str | None:
    """The command line of ``pid`` (/proc, else ``ps``), or None when it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return raw.replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        pass
    try:
        proc = subprocess.run(
            ["ps", "-ww", "-p", str(pid), "-o", "command="],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 and proc.stdout.strip() else None


def is_our_server(state: DaemonState) -> bool:
    """Whether ``state.pid`` is still the LanguageTool server the state file recorded (a PID
    reused by another process after a reboot or crash is not); unverifiable counts as not."""
    command = _command_line(state.pid)
    if command is None:
        return False
    return SERVER_CLASS in command and f"--port {state.port} " in f"{command} "


def daemon_status(*, cache_dir: Path | None = None) -> DaemonState | None:
    """The running daemon's state, or None (a stale state file is removed)."""
    state = _read_state(cache_dir)
    if state is None:
        return None
    # The recorded JVM is gone, or its PID now belongs to another process: forget it (and
    # never signal that process).
    if not pid_alive(state.pid) or not is_our_server(state):
        with contextlib.suppress(OSError):
            _state_path(cache_dir).unlink()
        return None
    return state


def find_server(*, cache_dir: Path | None = None, timeout: float = 2.0) -> str | None:
    """URL of a running, healthy daemon, or None."""
    state = daemon_status(cache_dir=cache_dir)
    if state is None or not is_healthy(state.url, timeout=timeout):
        return None
    return state.url


def start_daemon(
    *,
    cache_dir: Path | None = None,
    heap: str = DEFAULT_HEAP,
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    version: str | None = None,
) -> DaemonState:
    """Start the daemon unless one already runs; return its state."""
    running = daemon_status(cache_dir=cache_dir)
    if running is not None and is_healthy(running.url):
        return running
    # A state file for a process that is alive but unhealthy: replace that server.
    if running is not None:
        stop_daemon(cache_dir=cache_dir)
    workdir = lt_root(cache_dir) / "daemon"
    server = Server(
        languages=languages, heap=heap, cache_dir=cache_dir, version=version,
        detached=True, workdir=workdir,
    )  # fmt: skip
    server.start()
    assert server.process is not None and server.port is not None and server.version is not None
    state = DaemonState(
        pid=server.process.pid,
        port=server.port,
        version=server.version,
        url=server.url,
        heap=heap,
        log=str(server.log_path),
        started_at=time.time(),
    )
    _write_state(state, cache_dir)
    return state


def stop_daemon(*, cache_dir: Path | None = None, timeout: float = 10.0) -> bool:
    """Stop the daemon (TERM, then KILL); True if one was running."""
    state = daemon_status(cache_dir=cache_dir)
    with contextlib.suppress(OSError):
        _state_path(cache_dir).unlink()
    if state is None:
        return False
    # The JVM leads its own process group (started in a new session).
    with contextlib.suppress(OSError):
        os.killpg(state.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while pid_alive(state.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if pid_alive(state.pid):
        with contextlib.suppress(OSError):
            os.killpg(state.pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while pid_alive(state.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
    return True
