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

Entries are not trusted: each is signed with a per-user secret key (HMAC-SHA256; the key lives
in the user's cache folder, mode 0600), so an entry someone else wrote into the cache folder is
ignored, and the engine checks every cached finding against the note's text (spans inside the
text, the quoted text equal to the text at the span) before using it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from notelint._models import Finding, Stats

CACHE_VERSION = 2  # 2: signed entries
ENV_DIR = "NOTELINT_RESULT_CACHE_DIR"
DEFAULT_DIR = ".notelint_cache"


def digest(*parts: Any) -> str:
    data = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    # surrogatepass: a lone surrogate (from a file name or API text) is data, not an error
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


KEY_FILE = "result-cache.key"
MAX_ENTRY_BYTES = 64 << 20


@lru_cache(maxsize=1)
def signing_key() -> bytes:
    """This user's secret key for signing cache entries (created on first use, mode 0600).

    Where the user cache folder cannot be written, a key for this process only is used (the
    cache then only helps within one run).
    """
    from notelint._errors import InputError
    from notelint._io import read_regular_file
    from notelint._languagetool._paths import cache_root

    path = cache_root() / KEY_FILE
    for _attempt in range(2):
        try:
            key = read_regular_file(path, 256)
            if len(key) >= 32:
                return key
        except InputError:
            pass
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-key-")
            try:
                os.write(fd, os.urandom(32).hex().encode("ascii"))
            finally:
                os.close(fd)
            if hasattr(os, "link"):
                with contextlib.suppress(FileExistsError):  # another process was first: use its
                    os.link(tmp, path)
                os.unlink(tmp)
            else:  # pragma: no cover - platforms without hard links
                os.replace(tmp, path)
        except OSError:
            break
    return os.urandom(32)


def _sign(payload: bytes) -> str:
    return hmac.new(signing_key(), payload, hashlib.sha256).hexdigest()


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
        """The entry under ``key``, or None when it is missing, unsigned, forged or damaged."""
        from notelint._errors import InputError
        from notelint._io import read_regular_file

        try:
            raw = read_regular_file(self._path(key), MAX_ENTRY_BYTES)
            mac, _, payload = raw.partition(b"\n")
            if not hmac.compare_digest(mac, _sign(payload).encode("ascii")):
                raise ValueError("not signed with this user's key")
            data = json.loads(payload.decode("utf-8"))
        except (InputError, ValueError, RecursionError):
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
                payload = json.dumps({**data, "key": key}).encode("ascii")
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_sign(payload).encode("ascii") + b"\n" + payload)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return


def dump_findings(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.model_dump(mode="json") for f in findings]


def load_findings(raw: Any, text: str | None = None) -> list[Finding] | None:
    """Findings from an entry, or None when the entry is not what it should be.

    With ``text`` (the note's text the findings were computed on), every finding must fit it:
    its span inside the text, its quoted text equal to the text at the span, its fix inside the
    text. A cached fix is never applied to text it was not made for.
    """
    if not isinstance(raw, list):
        return None
    try:
        found = [Finding.model_validate(x) for x in raw]
    except (ValueError, RecursionError):
        return None
    if text is not None and not all(fits(f, text) for f in found):
        return None
    return found


def fits(finding: Finding, text: str) -> bool:
    """Whether ``finding`` can have been made for ``text``."""
    if not finding.start <= finding.end <= len(text):
        return False
    if text[finding.start : finding.end] != finding.text:
        return False
    fix = finding.fix
    return fix is None or fix.start <= fix.end <= len(text)


def load_stats(raw: Any) -> Stats | None:
    try:
        return Stats.model_validate(raw)
    except (ValueError, RecursionError):
        return None
