"""A sidecar that kills the JVM's process group when the Python process that owns it dies.

The owner keeps the write end of the sidecar's stdin pipe. Any exit of the owner, a
SIGKILL included, closes that pipe; the sidecar reads EOF and kills the group. Unlike
PR_SET_PDEATHSIG it does not fire when merely the starting *thread* ends, and it runs
without importing notelint (fast, and independent of the package state).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_SCRIPT = r"""
import os, shutil, signal, sys, time
pgid = int(sys.argv[1])
cleanup = sys.argv[2] if len(sys.argv) > 2 else ""
signal.signal(signal.SIGINT, signal.SIG_IGN)
try:
    sys.stdin.buffer.read()
except Exception:
    pass
def alive():
    try:
        os.killpg(pgid, 0)
        return True
    except OSError:
        return False
if alive():
    try:
        os.killpg(pgid, signal.SIGTERM)
    except OSError:
        pass
    deadline = time.monotonic() + 5
    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    if alive():
        try:
            os.killpg(pgid, signal.SIGKILL)
        except OSError:
            pass
if cleanup and not alive():
    shutil.rmtree(cleanup, ignore_errors=True)
"""


def start_watchdog(pgid: int, cleanup: Path | None = None) -> subprocess.Popen[bytes]:
    """Start the sidecar for process group ``pgid``; close its stdin to fire it.

    ``cleanup``: a folder to delete once the group is gone (the server's temporary folder).
    """
    return subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", _SCRIPT, str(pgid), str(cleanup or "")],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
