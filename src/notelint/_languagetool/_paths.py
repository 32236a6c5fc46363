"""Where LanguageTool lives on disk, and which versions we pin."""

from __future__ import annotations

import os
from pathlib import Path

# Newest first: install() pins the first one that resolves.
VERSIONS: tuple[str, ...] = ("6.8", "6.7")


def cache_root(cache_dir: Path | None = None) -> Path:
    """The notelint cache folder: argument, $NOTELINT_CACHE_DIR, $XDG_CACHE_HOME/notelint, ~/.cache/notelint."""
    if cache_dir is not None:
        return Path(cache_dir)
    if env := os.environ.get("NOTELINT_CACHE_DIR"):
        return Path(env)
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "notelint"
    return Path.home() / ".cache" / "notelint"


def lt_root(cache_dir: Path | None = None) -> Path:
    """Folder holding one subfolder per installed LanguageTool version, and the daemon state."""
    return cache_root(cache_dir) / "languagetool"


def version_dir(version: str, cache_dir: Path | None = None) -> Path:
    return lt_root(cache_dir) / version
