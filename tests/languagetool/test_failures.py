"""Failure paths against a fake server and a doctored PATH: never hang, always explain."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from lt_helpers import FakeLT

from notelint._languagetool import (
    LanguageToolClient,
    LanguageToolUnavailable,
    _install,
    connect,
    install,
)
from notelint._languagetool._java import find_java, parse_java_major


def _script(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_crash_mid_run_connection_reset_raises_unavailable(fake_lt: FakeLT) -> None:
    client = LanguageToolClient(fake_lt.url, timeout=5)
    assert client.check("Fine text.", "en") == []
    fake_lt.reset_connection()
    with pytest.raises(LanguageToolUnavailable) as info:
        client.check("Fine text.", "en")
    assert "stopped mid-run" in info.value.reason
    assert "notelint languagetool" in info.value.fix


def test_hanging_server_times_out(fake_lt: FakeLT) -> None:
    fake_lt.hang()
    client = LanguageToolClient(fake_lt.url, first_timeout=0)
    started = time.monotonic()
    with pytest.raises(LanguageToolUnavailable) as info:
        client.check("Fine text.", "en", timeout=0.5)
    assert "did not answer within 0.5 s" in info.value.reason
    assert time.monotonic() - started < 10  # bounded, not the library's 300 s


def test_server_error_500_raises_unavailable(fake_lt: FakeLT) -> None:
    fake_lt.error(500, "Error: Internal Error: java.lang.OutOfMemoryError")
    with pytest.raises(LanguageToolUnavailable) as info:
        LanguageToolClient(fake_lt.url, timeout=5).check("Fine text.", "en")
    assert "OutOfMemoryError" in info.value.reason


def test_unexpected_json_shape_raises_unavailable(fake_lt: FakeLT) -> None:
    fake_lt.matches({"not": "matches"})
    with pytest.raises(LanguageToolUnavailable, match="unexpected answer"):
        LanguageToolClient(fake_lt.url, timeout=5).check("Fine text.", "en")


def test_malformed_match_raises_unavailable(fake_lt: FakeLT) -> None:
    fake_lt.matches({"matches": [{"message": "no offset"}]})
    with pytest.raises(LanguageToolUnavailable, match="malformed match"):
        LanguageToolClient(fake_lt.url, timeout=5).check("Fine text.", "en")


def test_configured_url_down_raises_unavailable() -> None:
    with pytest.raises(LanguageToolUnavailable) as info:
        connect(url="http://127.0.0.1:9", timeout=1)
    assert "does not answer" in info.value.reason


def test_offsets_converted_from_utf16_inside_and_before_match(fake_lt: FakeLT) -> None:
    text = "😀 Teh 𝒳𝒳 tset."
    # As LanguageTool reports them, in UTF-16 units: 'Teh' at 3, 'Teh 𝒳𝒳' spans 3..10, 'tset' at 11.
    fake_lt.matches(
        {
            "matches": [
                {"offset": 3, "length": 3, "message": "m", "replacements": [{"value": "The"}],
                 "rule": {"id": "R1", "issueType": "misspelling", "category": {"id": "TYPOS"}},
                 "context": {"text": text, "offset": 3, "length": 3}},
                {"offset": 3, "length": 8, "message": "m", "replacements": [],
                 "rule": {"id": "R2", "issueType": "grammar", "category": {"id": "GRAMMAR"}},
                 "context": {"text": text, "offset": 3, "length": 8}},
                {"offset": 12, "length": 4, "message": "m",
                 "replacements": [{"value": str(i)} for i in range(9)],
                 "rule": {"id": "R3", "issueType": "misspelling", "category": {"id": "TYPOS"}},
                 "context": {"text": text, "offset": 12, "length": 4}},
            ]
        }
    )  # fmt: skip
    found = LanguageToolClient(fake_lt.url, timeout=5).check(text, "en")
    assert [text[m.offset : m.end] for m in found] == ["Teh", "Teh 𝒳𝒳", "tset"]
    assert [m.context[m.context_offset : m.context_offset + m.context_length] for m in found] == [
        "Teh", "Teh 𝒳𝒳", "tset",
    ]  # fmt: skip
    assert found[2].replacements == ("0", "1", "2", "3", "4")
    assert found[0].category == "TYPOS" and found[1].category == "GRAMMAR"


def test_missing_java_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LanguageToolUnavailable) as info:
        find_java()
    assert "Java is not installed" in info.value.reason
    assert "Java 17" in info.value.fix


def test_install_without_java_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LanguageToolUnavailable, match="Java is not installed"):
        install(cache_dir=tmp_path / "cache")


def test_old_java_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _script(tmp_path, "java", "echo 'openjdk version \"11.0.21\" 2023-10-17' >&2")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LanguageToolUnavailable, match="Java 11 is too old"):
        find_java()


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_292"', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ('openjdk version "22-ea" 2024-03-19', 22),
        ("no version here", None),
    ],
)
def test_parse_java_major(output: str, major: int | None) -> None:
    assert parse_java_major(output) == major


@pytest.mark.parametrize("with_mvn", [True, False])
def test_install_picks_maven_or_download_by_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, with_mvn: bool
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _script(bin_dir, "java", "echo 'openjdk version \"17.0.1\"' >&2")
    if with_mvn:
        _script(bin_dir, "mvn", "exit 1")
    monkeypatch.setenv("PATH", str(bin_dir))
    used: list[str] = []

    def fake(name: str):  # type: ignore[no-untyped-def]
        def run(*args: object) -> object:
            used.append(name)
            raise LanguageToolUnavailable(f"{name} stub", "none")

        return run

    monkeypatch.setattr(_install, "_install_maven", fake("maven"))
    monkeypatch.setattr(_install, "_install_download", fake("download"))
    with pytest.raises(LanguageToolUnavailable):
        install(cache_dir=tmp_path / "cache")
    # Newest pinned version first, then the fallback version, same method.
    assert used == (["maven", "maven"] if with_mvn else ["download", "download"])


def test_failed_maven_leaves_no_marker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _script(bin_dir, "java", "echo 'openjdk version \"17.0.1\"' >&2")
    _script(bin_dir, "mvn", "echo 'Could not resolve dependencies' ; exit 1")
    monkeypatch.setenv("PATH", str(bin_dir))
    with pytest.raises(LanguageToolUnavailable, match="Could not resolve dependencies"):
        install(cache_dir=tmp_path / "cache", version="6.8")
    assert _install.find_installation(cache_dir=tmp_path / "cache") is None
    assert not any((tmp_path / "cache").rglob(_install.MARKER))


def test_server_start_without_installation_says_install(tmp_path: Path) -> None:
    from notelint._languagetool import Server

    with pytest.raises(LanguageToolUnavailable) as info:
        Server(cache_dir=tmp_path).start()
    assert info.value.fix == "run `notelint languagetool install`"


def test_cmd_status_not_installed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from notelint._languagetool import cmd_status, cmd_stop

    assert cmd_status(cache_dir=tmp_path) == 2
    assert "not installed" in capsys.readouterr().out
    assert cmd_stop(cache_dir=tmp_path) == 0
    assert "no LanguageTool server was running" in capsys.readouterr().out


def test_env_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from notelint._languagetool._paths import cache_root

    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "a"))
    assert cache_root() == tmp_path / "a"
    monkeypatch.delenv("NOTELINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_root() == tmp_path / "x" / "notelint"
    assert os.fspath(cache_root(tmp_path / "c")) == os.fspath(tmp_path / "c")


def test_first_check_per_language_gets_the_longer_limit(fake_lt: FakeLT) -> None:
    def slow(handler: Any) -> None:
        time.sleep(1.0)
        handler.send_response(200)
        body = b'{"matches": []}'
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    fake_lt.on_check = slow
    client = LanguageToolClient(fake_lt.url, timeout=0.3, first_timeout=10)
    assert client.check("Loading dictionaries.", "de-AT") == []  # slow but first: allowed
    with pytest.raises(LanguageToolUnavailable, match=r"did not answer within 0\.3 s"):
        client.check("Now warm.", "de-AT")
