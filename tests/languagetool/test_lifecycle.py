"""Server processes: no orphan JVM after a normal exit, Ctrl-C or SIGKILL; crash detection; daemon."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lt_helpers import wait_gone, wait_gone_path

from notelint._languagetool import (
    LanguageToolClient,
    LanguageToolUnavailable,
    Server,
    cmd_start,
    cmd_status,
    cmd_stop,
    daemon_status,
    find_server,
    start_daemon,
    stop_daemon,
)
from notelint._languagetool._daemon import pid_alive

pytestmark = pytest.mark.languagetool

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from notelint._languagetool import Server
    server = Server(languages=(), cache_dir=Path(sys.argv[1])).start()
    print(server.process.pid, server.log_path.parent, flush=True)
    if sys.argv[2] == "wait":
        time.sleep(120)
    """
)


def _child(cache: Path, mode: str) -> tuple[subprocess.Popen[str], int, Path]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(cache), mode], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert line and line[0].isdigit(), f"child did not start a server: {line!r}"
    return proc, int(line[0]), Path(line[1])


def test_no_orphan_jvm_after_sigkill_of_parent(isolated_cache: Path) -> None:
    proc, jvm, workdir = _child(isolated_cache, "wait")
    assert pid_alive(jvm) and workdir.is_dir()
    proc.kill()  # SIGKILL: no atexit, no finally; only the watchdog can clean up
    proc.wait(10)
    assert wait_gone(jvm), "JVM survived the SIGKILL of its parent"
    assert wait_gone_path(workdir), "the server's temporary folder was left behind"


def test_no_orphan_jvm_after_ctrl_c(isolated_cache: Path) -> None:
    proc, jvm, workdir = _child(isolated_cache, "wait")
    proc.send_signal(signal.SIGINT)  # KeyboardInterrupt in the child
    proc.wait(30)
    assert wait_gone(jvm, timeout=5)
    assert not workdir.exists()


def test_no_orphan_jvm_after_normal_exit(isolated_cache: Path) -> None:
    proc, jvm, workdir = _child(isolated_cache, "exit")
    assert proc.wait(30) == 0
    assert wait_gone(jvm, timeout=5)
    assert not workdir.exists()


def test_context_manager_stops_and_crash_is_detected(isolated_cache: Path) -> None:
    with Server(languages=(), cache_dir=isolated_cache) as server:
        assert server.process is not None
        jvm = server.process.pid
        client = LanguageToolClient(server.url, server=server, timeout=10)
        os.killpg(jvm, signal.SIGKILL)  # the JVM dies mid-run
        server.process.wait(10)
        with pytest.raises(LanguageToolUnavailable) as info:
            client.check("A short text.", "en")
        assert "crashed" in info.value.reason and "exit code -9" in info.value.reason
    assert not pid_alive(jvm)


def test_daemon_start_status_find_stop(
    isolated_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert daemon_status(cache_dir=isolated_cache) is None
    state = start_daemon(cache_dir=isolated_cache, languages=())
    try:
        assert find_server(cache_dir=isolated_cache) == state.url
        # Starting again reuses the running one.
        assert start_daemon(cache_dir=isolated_cache, languages=()).pid == state.pid
        assert cmd_start(cache_dir=isolated_cache) == 0
        assert cmd_status(cache_dir=isolated_cache) == 0
        out = capsys.readouterr().out
        assert f"running at {state.url} (pid {state.pid})" in out
    finally:
        assert cmd_stop(cache_dir=isolated_cache) == 0
    assert "stopped" in capsys.readouterr().out
    assert wait_gone(state.pid, timeout=5)
    assert find_server(cache_dir=isolated_cache) is None
    assert stop_daemon(cache_dir=isolated_cache) is False
    assert cmd_status(cache_dir=isolated_cache) == 0
    assert "not running" in capsys.readouterr().out


def test_stale_daemon_state_is_forgotten(isolated_cache: Path) -> None:
    from notelint._languagetool._daemon import DaemonState, _write_state

    dead = subprocess.Popen(["true"])
    dead.wait()
    _write_state(
        DaemonState(pid=dead.pid, port=9, version="6.8", url="http://127.0.0.1:9", heap="1g",
                    log="x", started_at=0.0),
        isolated_cache,
    )  # fmt: skip
    assert daemon_status(cache_dir=isolated_cache) is None
    assert find_server(cache_dir=isolated_cache) is None


def test_failed_warm_up_leaves_no_jvm_even_detached(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: Server, languages: object) -> None:
        raise LanguageToolUnavailable("warm-up failed", "none")

    monkeypatch.setattr(Server, "warm_up", fail)
    server = Server(cache_dir=isolated_cache, detached=True, workdir=isolated_cache / "daemon")
    with pytest.raises(LanguageToolUnavailable, match="warm-up failed"):
        server.start()
    assert server.process is not None
    assert not pid_alive(server.process.pid)
