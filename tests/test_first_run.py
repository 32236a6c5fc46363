"""The first run with LanguageTool (issue 13): what the user sees while it starts, when it is
required but missing, and when it cannot be installed."""

from __future__ import annotations

import io
import stat
import time
from pathlib import Path

import pytest

NOTE = "Thank you for the talk about the warehouse.\n"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_require_languagetool_prints_no_all_clear(run_cli, write) -> None:
    """Regression: "All clear: 1 file checked, no findings." was printed, then exit 2."""
    note = write("drafts/a.md", NOTE)
    write("drafts/notelint.toml", 'lang = "en"\n[languagetool]\nurl = "http://127.0.0.1:9"\n')
    r = run_cli("check", "--select", "spelling,grammar", "--require-languagetool", str(note))
    assert r.code == 2
    assert r.out == ""
    assert "All clear" not in r.err
    assert r.err.startswith("notelint: LanguageTool is required but could not run: ")
    assert "does not answer" in r.err


def test_languagetool_actions_are_subcommands_with_their_own_help(run_cli, capsys) -> None:
    from notelint._cli import main

    with pytest.raises(SystemExit) as info:
        main(["languagetool", "install", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: notelint languagetool install [-h] [--version VERSION]")
    assert "Maven (mvn)" in out and "Java 17" in out
    with pytest.raises(SystemExit):
        main(["languagetool", "start", "--help"])
    assert "--heap SIZE" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["languagetool", "--help"])
    listing = capsys.readouterr().out
    for action in ("install", "start", "stop", "status"):
        assert f"    {action} " in listing
    r = run_cli("languagetool")
    assert r.code == 2 and "required" in r.err


def _script(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_install_without_maven_says_what_is_missing_and_leaves_nothing(
    run_cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Regression: the message said to run the command that had just failed, and empty
    folders were left behind."""
    from language_tool_python import download_lt

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _script(bin_dir, "java", "echo 'openjdk version \"17.0.1\"' >&2")
    monkeypatch.setenv("PATH", str(bin_dir))
    cache = tmp_path / "cache"
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(cache))

    def offline(version: str) -> object:
        raise OSError("Temporary failure in name resolution")

    monkeypatch.setattr(download_lt.LocalLanguageTool, "from_version_name", offline)
    r = run_cli("languagetool", "install")
    assert r.code == 2
    last = r.err.strip().splitlines()[-1]
    assert last.startswith("notelint: Maven (mvn) is not on PATH and the download fallback failed")
    assert "Temporary failure in name resolution" in last
    assert "apt-get install maven" in last and "--no-grammar" in last
    assert not cache.exists()


def test_failed_install_keeps_an_existing_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from notelint._languagetool import LanguageToolUnavailable, _install, install

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _script(bin_dir, "java", "echo 'openjdk version \"17.0.1\"' >&2")
    monkeypatch.setenv("PATH", str(bin_dir))
    cache = tmp_path / "cache"
    (cache / "lemmas").mkdir(parents=True)

    def fail(version: str, cache_dir: Path | None, echo: object) -> object:
        (_install.version_dir(version, cache_dir) / "ltp").mkdir(parents=True)
        raise LanguageToolUnavailable("stub", "none")

    monkeypatch.setattr(_install, "_install_download", fail)
    with pytest.raises(LanguageToolUnavailable):
        install(cache_dir=cache)
    assert sorted(p.name for p in cache.iterdir()) == ["lemmas"]


def _fake_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from notelint._languagetool import _manager

    class FakeServer:
        url = "http://127.0.0.1:9"

        def __init__(self, **kwargs: object) -> None:
            self.running = False

        def start(self) -> None:
            time.sleep(0.2)
            self.running = True

        def is_running(self) -> bool:
            return self.running

        def stop(self) -> None:
            self.running = False

    monkeypatch.setattr(_manager, "Server", FakeServer)
    monkeypatch.setattr(_manager, "find_server", lambda **kw: None)
    monkeypatch.setattr(_manager, "_managed", None)
    # no live progress bar left over from another test in this worker process
    from notelint import _progress

    monkeypatch.setattr(_progress, "_active_bar", None)


def test_languagetool_start_says_what_happens_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from notelint import _progress
    from notelint._languagetool import _manager

    _fake_server(monkeypatch)
    monkeypatch.delenv("CI", raising=False)
    stream = Tty()
    monkeypatch.setattr(_progress, "notice_stream", stream)
    _manager.connect()
    shown = stream.getvalue()
    assert "Starting LanguageTool for the spelling and grammar rules" in shown
    assert "usually 20-60 s" in shown
    assert "notelint: LanguageTool started in 0 s" in shown


def test_languagetool_start_is_silent_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from notelint import _progress
    from notelint._languagetool import _manager

    _fake_server(monkeypatch)
    stream = io.StringIO()
    monkeypatch.setattr(_progress, "notice_stream", stream)
    _manager.connect()
    assert stream.getvalue() == ""


def test_progress_bar_is_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    import rich.progress

    from notelint._cli import Progress

    monkeypatch.delenv("CI", raising=False)
    bar = Progress.maybe(50, Tty())
    assert bar is not None
    assert isinstance(bar._bar, rich.progress.Progress)
    bar.step(25)
    bar.close()
    assert "25/50" in bar.stream.getvalue()  # type: ignore[attr-defined]


def test_languagetool_start_under_the_progress_bar_prints_above_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One live display at a time: with the progress bar running, no second spinner."""
    from notelint import _progress
    from notelint._cli import Progress
    from notelint._languagetool import _manager

    _fake_server(monkeypatch)
    monkeypatch.delenv("CI", raising=False)
    stream = Tty()
    monkeypatch.setattr(_progress, "notice_stream", stream)
    bar = Progress.maybe(50, stream)
    assert bar is not None
    try:
        _manager.connect()
    finally:
        bar.close()
    shown = stream.getvalue()
    assert "Starting LanguageTool" in shown and "LanguageTool started in" in shown
    assert "waiting for LanguageTool" not in shown
    assert _progress._active_bar is None
