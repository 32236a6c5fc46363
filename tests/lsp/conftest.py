"""Fixtures for the language server tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def lt_cache(tmp_path: Path) -> Path:
    """A private cache folder (no shared daemon) linked to the real LanguageTool install."""
    from notelint._languagetool import LanguageToolUnavailable, install
    from notelint._languagetool._install import find_installation

    try:
        install()
    except LanguageToolUnavailable as exc:  # pragma: no cover - depends on the machine
        if os.environ.get("NOTELINT_REQUIRE_LANGUAGETOOL"):
            pytest.fail(f"LanguageTool required but unavailable: {exc}")
        pytest.skip(f"LanguageTool unavailable: {exc}")
    found = find_installation()
    assert found is not None
    root = tmp_path / "cache"
    (root / "languagetool").mkdir(parents=True)
    (root / "languagetool" / found.version).symlink_to(found.path)
    return root
