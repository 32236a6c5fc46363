"""Issue 14: a LanguageTool server that misbehaves, and the daemon's state file.

Hangs are bounded through a subprocess timeout, never by timing the test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from lt_helpers import FakeLT, _send_json

import notelint
from notelint._languagetool import LanguageToolClient, LanguageToolUnavailable, Server
from notelint._languagetool._daemon import (
    DaemonState,
    _write_state,
    daemon_status,
    pid_alive,
    stop_daemon,
)

HERE = Path(__file__).resolve().parent

TRICKLE = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from lt_helpers import FakeLT
    from notelint._languagetool import LanguageToolClient, LanguageToolUnavailable
    fake = FakeLT()
    fake.thread.start()
    part = sys.argv[2]
    fake.trickle(every=0.5, headers=part in ("headers", "health"), languages=part == "health")
    if sys.argv[2] == "health":
        from notelint._languagetool._server import is_healthy
        print(f"healthy={is_healthy(fake.url, timeout=2)}")
        sys.exit(0)
    try:
        LanguageToolClient(fake.url, timeout=2, first_timeout=0).check("Fine text.", "en")
    except LanguageToolUnavailable as exc:
        print(exc.reason)
    """
)


@pytest.mark.parametrize("part", ["body", "headers", "health"])
def test_item4_trickling_server_hits_an_overall_deadline(part: str) -> None:
    # 2,000 bytes at one every 0.5 s: per-read timeouts (the old code) wait 1,000 s
    r = subprocess.run(
        [sys.executable, "-c", TRICKLE, str(HERE), part],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    last = r.stdout.splitlines()[-1]
    if part == "health":
        assert last == "healthy=False"
    else:
        assert last.endswith("did not answer within 2 s")


def test_item7_languages_answer_of_the_wrong_shape_means_unavailable(fake_lt: FakeLT) -> None:
    fake_lt.on_languages = lambda h: _send_json(h, 200, {"languages": "all of them"})
    with pytest.raises(LanguageToolUnavailable) as info:
        LanguageToolClient(fake_lt.url, timeout=5).check("Fine text.", "en")
    assert info.value.reason.startswith(
        f"LanguageTool at {fake_lt.url} sent a malformed answer (AttributeError: "
    )
    # through the engine: the LanguageTool rules are skipped with that reason, nothing crashes
    config = notelint.Config(select=["spelling"], languagetool={"url": fake_lt.url})
    report = notelint.Linter(config).check("Dear Ms. Ortiz, thank you for the tour.")
    assert [s.rule for s in report.skipped] == ["spelling"]
    assert "sent a malformed answer (AttributeError" in report.skipped[0].reason


def _stranger() -> subprocess.Popen[bytes]:
    """An unrelated process leading its own process group, like the daemon's JVM."""
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"],
                            start_new_session=True)  # fmt: skip


def test_item12_stale_state_file_never_signals_a_reused_pid(tmp_path: Path) -> None:
    stranger = _stranger()
    try:
        state = DaemonState(
            pid=stranger.pid, port=8081, version="6.8", url="http://127.0.0.1:8081",
            heap="1g", log=str(tmp_path / "server.log"), started_at=0.0,
        )  # fmt: skip
        _write_state(state, tmp_path)
        assert daemon_status(cache_dir=tmp_path) is None  # `start` would otherwise stop it
        _write_state(state, tmp_path)
        assert stop_daemon(cache_dir=tmp_path, timeout=2) is False
        assert pid_alive(stranger.pid)
        assert not (tmp_path / "languagetool" / "daemon.json").exists()
    finally:
        os.kill(stranger.pid, signal.SIGKILL)
        stranger.wait(timeout=10)


def test_jvm_temp_files_go_to_the_work_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import notelint._languagetool._server as server_mod

    seen: list[list[str]] = []

    class FakePopen:
        pid = 0

        def __init__(self, cmd: list[str], **kwargs: Any) -> None:
            seen.append(cmd)

    monkeypatch.setattr(server_mod.subprocess, "Popen", FakePopen)
    server = Server(detached=True, workdir=tmp_path)
    server._prepare_workdir()
    server._launch("java", "lt.jar")
    assert f"-Djava.io.tmpdir={tmp_path / 'tmp'}" in seen[0]
    assert "-XX:-UsePerfData" in seen[0]  # no /tmp/hsperfdata_<user>/<pid>
    assert (tmp_path / "tmp").is_dir()
