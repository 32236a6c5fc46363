"""Start, health-check, warm up and stop a local LanguageTool HTTP server (one JVM)."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from ._deadline import call_with_deadline
from ._errors import LanguageToolUnavailable
from ._install import require_installation
from ._java import find_java
from ._watchdog import start_watchdog

DEFAULT_HEAP = "1g"
DEFAULT_LANGUAGES: tuple[str, ...] = ("en-US", "de-DE")
START_TIMEOUT_S = 120.0
HEALTH_PATH = "v2/languages"
START_FIX = "run `notelint languagetool status`; reinstall with `notelint languagetool install`"
_WARMUP_TEXT = {
    "en": "This is a short warm-up sentence.",
    "de": "Das ist ein kurzer Satz zum Aufwärmen.",
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def is_healthy(url: str, *, timeout: float = 2.0) -> bool:
    """True when ``GET <url>/v2/languages`` answers 200 within ``timeout`` (overall, not per
    read: a server that trickles its answer is not healthy)."""

    def probe() -> bool:
        with urllib.request.urlopen(url.rstrip("/") + "/" + HEALTH_PATH, timeout=timeout) as resp:
            return int(resp.status) == 200

    try:
        return call_with_deadline(probe, timeout)
    except (OSError, ValueError):  # DeadlineExceeded is an OSError (TimeoutError)
        return False


def check_threads() -> int:
    """Threads the server checks with: one per core (LanguageTool's default is 10, which on a
    2-core machine only adds switching)."""
    return max(1, os.cpu_count() or 1)


def properties(
    *,
    check_timeout_s: float,
    pool_size: int = 10,
    cache_size: int = 1000,
    threads: int | None = None,
) -> str:
    """The server's --config file: cache pipelines and results, bound text size and time,
    one check thread per core."""
    return "\n".join(
        [
            "pipelineCaching=true",
            f"maxCheckThreads={check_threads() if threads is None else threads}",
            f"maxPipelinePoolSize={pool_size}",
            "pipelineExpireTimeInSeconds=3600",
            f"cacheSize={cache_size}",
            "cacheTTLSeconds=600",
            "maxTextLength=50000",
            f"maxCheckTimeMillis={int(check_timeout_s * 1000)}",
            "",
        ]
    )


def server_check_timeout(client_timeout: float) -> float:
    """The server's ``maxCheckTimeMillis`` (in s) for clients that wait ``client_timeout`` per
    warm check: the client's own limit for a first check, so the server never gives up on a
    check the client still waits for."""
    from ._client import FIRST_CHECK_TIMEOUT_S

    return max(client_timeout, FIRST_CHECK_TIMEOUT_S)


class Server:
    """One LanguageTool JVM on 127.0.0.1 and a free port.

    Not detached (the default): stopped by ``stop()``, the context manager, atexit, and, if
    Python itself is killed, by a watchdog sidecar. Detached: left running for later runs
    (the daemon); its working folder is kept.
    """

    def __init__(
        self,
        *,
        languages: Iterable[str] = DEFAULT_LANGUAGES,
        heap: str = DEFAULT_HEAP,
        cache_dir: Path | None = None,
        version: str | None = None,
        start_timeout: float = START_TIMEOUT_S,
        check_timeout: float = 30.0,
        detached: bool = False,
        workdir: Path | None = None,
        cache_size: int = 1000,
    ) -> None:
        self.languages = tuple(languages)
        self.heap = heap
        self.cache_dir = cache_dir
        self.version = version
        self.start_timeout = start_timeout
        self.check_timeout = check_timeout
        self.detached = detached
        self.cache_size = cache_size
        self.port: int | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self._workdir = workdir
        self._own_workdir = False
        self._watchdog: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    # -- public -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("server not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path | None:
        return None if self._workdir is None else self._workdir / "server.log"

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def describe_exit(self) -> str:
        code = None if self.process is None else self.process.poll()
        tail = self._log_tail()
        return f"exit code {code}" + (f": {tail}" if tail else "")

    def start(self) -> Server:
        """Start the JVM, wait for health, warm up the languages; idempotent."""
        with self._lock:
            if self.is_running():
                return self
            installation = require_installation(cache_dir=self.cache_dir, version=self.version)
            self.version = installation.version
            java = find_java()
            self._prepare_workdir()
            classpath = os.pathsep.join(str(entry) for entry in installation.classpath)
            last_error: LanguageToolUnavailable | None = None
            for _attempt in range(3):
                try:
                    self._launch(java, classpath)
                    self._wait_healthy()
                    break
                except LanguageToolUnavailable as exc:
                    last_error = exc
                    self._kill()
                    # Another process took the port between probe and bind: try a new one.
                    if "Address already in use" not in exc.reason:
                        break
            if not self.is_running():
                self._cleanup_workdir()
                raise last_error or LanguageToolUnavailable(
                    "the LanguageTool server did not start", START_FIX
                )
        try:
            self.warm_up(self.languages)
        except LanguageToolUnavailable:
            # A server that cannot check is no use, detached or not: do not leave it behind.
            self.stop()
            raise
        return self

    def warm_up(self, languages: Iterable[str]) -> None:
        """One short check per language so the first real note does not pay for loading.

        One after the other: warming English and German in parallel took 1.22x as long (two
        alternating pairs, 63.6 s against 52.2 s) on a loaded 2-core machine; loading a
        language is CPU-bound (docs/languagetool.md)."""
        from ._client import LanguageToolClient, normalize_lang

        client = LanguageToolClient(self.url, timeout=self.start_timeout, server=self)
        for lang in languages:
            variant = normalize_lang(lang)
            client.check(_WARMUP_TEXT[variant[:2]], variant)

    def stop(self) -> None:
        """Stop the JVM (TERM, then KILL after 10 s) and the watchdog; idempotent."""
        with self._lock:
            self._kill()
            self._cleanup_workdir()
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- internals ----------------------------------------------------------------------
    def _prepare_workdir(self) -> None:
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="notelint-lt-"))
            self._own_workdir = True
        self._workdir.mkdir(parents=True, exist_ok=True)
        (self._workdir / "server.properties").write_text(
            properties(
                # The longest any client of ours waits for one check: the first check per
                # language (it loads dictionaries, and LanguageTool counts that against this
                # limit), FIRST_CHECK_TIMEOUT_S, or a longer configured timeout. A shorter
                # limit would fail a cold German check the client still waits for.
                check_timeout_s=max(server_check_timeout(self.check_timeout), self.start_timeout),
                cache_size=self.cache_size,
            ),
            encoding="utf-8",
        )

    def _cleanup_workdir(self) -> None:
        if self._own_workdir and self._workdir is not None and not self.detached:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None
            self._own_workdir = False

    def _launch(self, java: str, classpath: str) -> None:
        assert self._workdir is not None and self.log_path is not None
        self.port = free_port()
        # Java's temp files (dictionaries unpacked by LanguageTool) go to the work folder, not
        # /tmp regardless of TMPDIR; no hsperfdata file (always under /tmp) is written.
        java_tmp = self._workdir / "tmp"
        java_tmp.mkdir(exist_ok=True)
        cmd = [
            java, f"-Xmx{self.heap}", "-XX:+UseSerialGC", "-XX:-UsePerfData",
            f"-Djava.io.tmpdir={java_tmp}",
            "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
            "-cp", classpath, "org.languagetool.server.HTTPServer",
            "--port", str(self.port),
            "--config", str(self._workdir / "server.properties"),
        ]  # fmt: skip
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self._workdir,
                start_new_session=True,  # own process group: Ctrl-C does not reach it, killpg does
                close_fds=True,
            )
        if not self.detached:
            self._watchdog = start_watchdog(
                self.process.pid, self._workdir if self._own_workdir else None
            )
            atexit.register(self.stop)

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        delay = 0.05
        while time.monotonic() < deadline:
            # The JVM exited: bad jars, port taken, out of memory.
            if not self.is_running():
                raise LanguageToolUnavailable(
                    f"the LanguageTool server exited during start ({self.describe_exit()})",
                    START_FIX,
                )
            if is_healthy(self.url, timeout=2.0):
                return
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)
        raise LanguageToolUnavailable(
            f"the LanguageTool server was not healthy within {self.start_timeout:g} s", START_FIX
        )

    def _kill(self) -> None:
        proc = self.process
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(OSError):
                    os.killpg(proc.pid, signal.SIGKILL)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=5)
        watchdog = self._watchdog
        if watchdog is not None:
            with contextlib.suppress(OSError):
                if watchdog.stdin is not None:
                    watchdog.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                watchdog.wait(timeout=5)
            self._watchdog = None

    def _log_tail(self, lines: int = 2) -> str:
        path = self.log_path
        if path is None or not path.is_file():
            return ""
        try:
            content = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return ""
        interesting = [
            line for line in content if "Exception" in line or "Error" in line or "error" in line
        ]
        return " | ".join((interesting or content)[-lines:])[:300]
