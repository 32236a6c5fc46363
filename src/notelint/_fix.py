"""Applying fixes: only safe ones, never overlapping, from the end of the text backwards."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

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


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with non-overlapping ``fixes`` applied."""
    out = text
    for fx in sorted(fixes, key=lambda x: (x.start, x.end), reverse=True):
        if out[fx.start : fx.end] == fx.replacement:
            continue
        out = out[: fx.start] + fx.replacement + out[fx.end :]
    return out


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
