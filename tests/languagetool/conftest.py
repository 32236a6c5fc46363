"""Fixtures: one real LanguageTool server for the session; a fake one for failure paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from lt_helpers import FakeLT

from notelint._languagetool import LanguageToolClient, LanguageToolUnavailable, connect, install
from notelint._languagetool._install import find_installation


@pytest.fixture(scope="session")
def lt_installation() -> Path:
    """The real installation in the user's cache (installed once; a no-op afterwards)."""
    try:
        return install()
    except LanguageToolUnavailable as exc:  # pragma: no cover - depends on the machine
        if os.environ.get("NOTELINT_REQUIRE_LANGUAGETOOL"):
            pytest.fail(f"LanguageTool required but unavailable: {exc}")
        pytest.skip(f"LanguageTool unavailable: {exc}")


@pytest.fixture(scope="session")
def lt_client(lt_installation: Path) -> LanguageToolClient:
    """The server the engine uses too: a running daemon, else this process's managed one."""
    return connect(languages=("en-US", "de-DE"))


@pytest.fixture
def isolated_cache(tmp_path: Path, lt_installation: Path) -> Path:
    """A private cache dir (own daemon state) that links to the real installation."""
    found = find_installation()
    assert found is not None
    root = tmp_path / "cache"
    (root / "languagetool").mkdir(parents=True)
    (root / "languagetool" / found.version).symlink_to(found.path)
    return root


@pytest.fixture
def fake_lt() -> Iterator[FakeLT]:
    fake = FakeLT()
    fake.thread.start()
    yield fake
    fake.release.set()
    fake.httpd.shutdown()
    fake.httpd.server_close()
