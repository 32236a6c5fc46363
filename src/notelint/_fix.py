"""Applying fixes: only safe ones, never overlapping, from the end of the text backwards."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path

from notelint._errors import InputError
from notelint._io import atomic_write
from notelint._models import Finding, Fix


def safe_fixes(findings: Iterable[Finding]) -> list[Fix]:
    """The safe fixes of ``findings`` that do not overlap (first one wins), in text order."""
    fixes = sorted(
        {f.fix for f in findings if f.fix is not None and f.fix.applicability == "safe"},
        key=lambda x: (x.start, x.end, x.replacement),
    )
    chosen: list[Fix] = []
    for fx in fixes:
        if chosen and fx.start < chosen[-1].end:
            continue  # overlapping edits are refused; the next run picks it up if still needed
        if chosen and fx.start == chosen[-1].start == fx.end == chosen[-1].end:
            continue  # two insertions at one point
        chosen.append(fx)
    return chosen


class OverlappingFixes(ValueError):
    """Two fixes edit the same part of the text; neither is applied by :func:`apply_fixes`."""


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with ``fixes`` applied; OverlappingFixes if two of them overlap.

    A fix whose span already holds its replacement changes nothing (idempotent).
    """
    ordered = sorted(fixes, key=lambda x: (x.start, x.end))
    for a, b in itertools.pairwise(ordered):
        if b.start < a.end or (a.start == a.end == b.start == b.end and a != b):
            raise OverlappingFixes(f"fixes at {a.start}-{a.end} and {b.start}-{b.end} overlap")
    for fx in ordered:
        if fx.end > len(text):
            raise ValueError(f"fix at {fx.start}-{fx.end} is outside the text")
    parts: list[str] = []
    pos = 0
    for fx in ordered:
        parts.append(text[pos : fx.start])
        parts.append(fx.replacement)
        pos = fx.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, check: Callable[[str], Iterable[Finding]], *, passes: int = 4) -> str:
    """Apply safe fixes until none is left (fixes refused as overlapping get a later pass)."""
    for _ in range(passes):
        fixes = safe_fixes(check(text))
        new = apply_fixes(text, fixes)
        if new == text:
            break
        text = new
    return text


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff (a/ and b/ prefixes like git); a missing final newline is marked."""
    lines: list[str] = []
    for line in difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path.lstrip('/')}",
        tofile=f"b/{path.lstrip('/')}",
    ):
        if line.endswith("\n"):
            lines.append(line)
        else:
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def write_fixed(path: Path, before: str, after: str) -> None:
    """Write ``after`` over ``path`` atomically, if the file still holds ``before``.

    A byte-order mark the file started with is kept. InputError (E011) when the file changed
    on disk since it was read (an editor saved it meanwhile) or cannot be written: the file
    is left as it was.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("E006", path=str(path), detail=exc.strerror or str(exc)) from None
    bom = data.startswith(b"\xef\xbb\xbf")
    current = data[3:] if bom else data
    if current.decode("utf-8", errors="replace") != before:
        raise InputError("E011", path=str(path), detail="it changed on disk while being checked")
    try:
        atomic_write(path, ("\ufeff" if bom else "") + after)
    except OSError as exc:
        raise InputError("E011", path=str(path), detail=exc.strerror or str(exc)) from None
