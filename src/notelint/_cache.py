"""The result cache: per-note rule results keyed by a content hash (docs/caching.md).

The key of a note covers everything its findings depend on: the note's text and path, its
effective context and language, the effective config (rule options included), the enabled
rules, the contents of every rule pack, the notelint version, and the installed rule code (the
size and modification time of every module that defines a rule, built-in or plugin). A changed
input gives a new key; old entries are never reused, only left behind (delete the folder at any
time).

An entry stores, per rule, the findings of the rules that actually ran: a rule that was
skipped (e.g. LanguageTool not installed) is not stored, so it is tried again next time. Writes
are atomic (a temporary file renamed into place); an entry that cannot be read or parsed is
ignored. A run where every note hits the cache imports neither spaCy nor LanguageTool.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from notelint._models import Finding, Stats

CACHE_VERSION = 1
ENV_DIR = "NOTELINT_RESULT_CACHE_DIR"
DEFAULT_DIR = ".notelint_cache"


def digest(*parts: Any) -> str:
    data = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """notelint's version and the size/mtime of every module that defines an installed rule."""
    from notelint import __version__
    from notelint._registry import discover

    files: set[str] = set()
    here = Path(__file__).resolve().parent
    files.update(str(p) for p in here.rglob("*.py"))
    for cls in discover().values():
        mod = sys.modules.get(cls.__module__)
        f = getattr(mod, "__file__", None)
        if f:
            files.add(str(Path(f).resolve()))
    stats = []
    for f in sorted(files):
        try:
            st = os.stat(f)
        except OSError:
            continue
        stats.append((f, st.st_size, st.st_mtime_ns))
    rules = sorted((rid, cls.__module__, cls.__qualname__) for rid, cls in discover().items())
    return digest(__version__, sys.version_info[:2], stats, rules)


def cache_dir(root: Path, configured: str | None) -> Path:
    """``$NOTELINT_RESULT_CACHE_DIR``, else the config's ``cache-dir`` (relative to the config's
    folder), else ``.notelint_cache`` in the config's folder (the working directory when no
    config file was found)."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    if configured:
        p = Path(configured).expanduser()
        return p if p.is_absolute() else root / p
    return root / DEFAULT_DIR


class ResultCache:
    """A folder of JSON entries, one per key (``v1/ab/abcdef....json``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ready = False
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"v{CACHE_VERSION}" / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: dict[str, Any]) -> None:
        """Write an entry atomically; a cache that cannot be written is silently skipped."""
        path = self._path(key)
        try:
            if not self._ready:
                self.folder.mkdir(parents=True, exist_ok=True)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# created by notelint\n*\n", encoding="utf-8")
                tag = self.folder / "CACHEDIR.TAG"
                if not tag.exists():
                    tag.write_text(
                        "Signature: 8a477f597d28d172789f06886806bc55\n"
                        "# This file is a cache directory tag created by notelint.\n",
                        encoding="utf-8",
                    )
                self._ready = True
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump({**data, "key": key}, fh, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return


def dump_findings(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.model_dump(mode="json") for f in findings]


def load_findings(raw: Any) -> list[Finding] | None:
    """Findings from an entry, or None when the entry is not what it should be."""
    if not isinstance(raw, list):
        return None
    try:
        return [Finding.model_validate(x) for x in raw]
    except ValueError:
        return None


def load_stats(raw: Any) -> Stats | None:
    try:
        return Stats.model_validate(raw)
    except ValueError:
        return None
