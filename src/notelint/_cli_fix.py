"""`notelint check --fix` / `--diff`: apply or show the safe fixes, then re-check."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from notelint._errors import InputError
from notelint._models import Report

if TYPE_CHECKING:
    from notelint._engine import Linter, RuleSet
    from notelint._note import Note


def apply_fixes(
    linter: Linter,
    parsed: Sequence[tuple[Note, RuleSet]],
    reports: Sequence[Report],
    files: Sequence[Path | str],
    args: argparse.Namespace,
    err: TextIO,
    sources: dict[str, str],
) -> tuple[list[Report], bool, bool, int]:
    """(reports after fixing, report goes to stderr, anything to change, files not fixed).

    ``sources`` is updated with the fixed texts, so the report shows what is now on disk.
    """
    from notelint._fix import fix_text, safe_fixes, unified_diff, write_fixed

    stdin_path = args.stdin_filename or "<stdin>"
    report_to_stderr = False
    failures = 0
    fixed_reports: list[Report] = []
    for (note, _rs), report in zip(parsed, reports, strict=False):
        from_stdin = "-" in files and note.path == stdin_path
        fixes = safe_fixes(report.findings)
        if not fixes:
            if args.fix and from_stdin:
                sys.stdout.write(note.source_text)  # stdin --fix always echoes the text
                report_to_stderr = True
            fixed_reports.append(report)
            continue
        new_text = fix_text(
            note.source_text,
            lambda t, p=note.path: linter.check(t, path=p).findings,  # type: ignore[misc]
        )
        if args.diff:
            sys.stdout.write(unified_diff(note.path or "<stdin>", note.source_text, new_text))
            fixed_reports.append(report)
            continue
        if from_stdin:
            sys.stdout.write(new_text)
            report_to_stderr = True
        else:
            try:
                write_fixed(Path(note.path or ""), note.source_text, new_text)
            except InputError as exc:
                err.write(exc.line() + "\n")
                failures += 1
                fixed_reports.append(report)
                continue
        n_fixed = len(fixes)
        err.write(f"{note.path}: fixed {n_fixed} finding{'s' if n_fixed != 1 else ''}\n")
        sources[note.path or "<text>"] = new_text
        fixed_reports.append(linter.check(new_text, path=note.path))
    changed = any(safe_fixes(r.findings) for r in fixed_reports)
    return fixed_reports, report_to_stderr, changed, failures
