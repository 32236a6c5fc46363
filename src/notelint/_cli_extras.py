"""`notelint check` modes besides linting: --statistics, --show-settings, --show-files, --watch."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from notelint._errors import NotelintError, UsageError
from notelint._models import Output

if TYPE_CHECKING:
    from notelint._engine import Linter
    from notelint._format import View

EXIT_OK, EXIT_ERROR = 0, 2


def statistics(output: Output, fmt: str, view: View) -> str:
    """Counts per rule, most frequent first (ruff's --statistics)."""
    counts: Counter[str] = Counter()
    severity: dict[str, str] = {}
    fixable: Counter[str] = Counter()
    for report in output.reports:
        for f in report.findings:
            counts[f.rule] += 1
            severity.setdefault(f.rule, f.severity.value)
            if f.fix is not None and f.fix.applicability == "safe":
                fixable[f.rule] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        data = [
            {"rule": rid, "count": n, "severity": severity[rid], "fixable": fixable[rid]}
            for rid, n in rows
        ]
        return json.dumps(data, indent=2) + "\n"
    if not rows:
        return "No findings.\n"
    width = max(len(rid) for rid, _ in rows)
    digits = max(len(str(n)) for _, n in rows)
    lines = [
        f"{n:>{digits}}  {rid:<{width}}  {severity[rid]:<7}"
        + (f"  [*] {fixable[rid]} fixable" if fixable[rid] else "")
        for rid, n in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def show_files(files: Sequence[Path | str], errors: Sequence[NotelintError]) -> int:
    """The files `check` would read, one a line (ruff's --show-files)."""
    for item in files:
        sys.stdout.write(f"{item}\n")
    return EXIT_ERROR if errors else EXIT_OK


def settings_for(linter: Linter, path: Path) -> dict[str, Any]:
    """The effective config, context, language and rules for one note file."""
    from notelint._io import read_note_file

    config, source = linter.config_for(path)
    text = read_note_file(path, max_bytes=config.max_file_size, display=str(path))
    note, rs = linter.parse(text, path=str(path))
    origin = source.split("\0")[0]
    return {
        "file": str(path),
        "config_file": None if origin in ("defaults", "config") else origin,
        "lang": note.lang_tag,
        "lang_detected": note.lang_detected,
        "template": note.context.template,
        "context": note.dump_context(),
        "context_problems": [msg for _key, msg, _ in note.context_problems],
        "rules": [r.id for r in rs.for_note(note)],
        "config": config.model_dump(mode="json", by_alias=True),
    }


def show_settings(linter: Linter, file: str) -> int:
    path = Path(file)
    if not path.is_file():
        raise UsageError("U002", detail=f"--show-settings: {file} is not a file")
    data = settings_for(linter, path)
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    return EXIT_OK


def _watch_filter(change: Any, path: str) -> bool:
    from notelint._io import NOTE_SUFFIXES

    name = Path(path).name
    return name.lower().endswith((*NOTE_SUFFIXES, ".toml", ".yaml", ".yml"))


def watch(args: argparse.Namespace, err: TextIO, *, stop: threading.Event | None = None) -> int:
    """Check, then check again whenever a note or config under the paths changes."""
    import watchfiles

    from notelint._cli_check import cmd_check

    if "-" in args.paths:
        raise UsageError("U002", detail="--watch cannot read stdin (-)")
    if args.fix or args.diff:
        raise UsageError("U002", detail="--watch does not combine with --fix or --diff")
    paths = args.paths or ["."]
    once = argparse.Namespace(**{**vars(args), "watch": False})

    def run() -> None:
        try:
            cmd_check(once, err)
        except NotelintError as exc:
            err.write(f"notelint: {exc.line()}\n")
        err.write("notelint: watching for changes (Ctrl-C to stop)\n")
        err.flush()

    run()
    roots = sorted({str(Path(p).parent if Path(p).is_file() else Path(p)) for p in paths})
    try:
        for _changes in watchfiles.watch(
            *roots, watch_filter=_watch_filter, stop_event=stop, debounce=200, step=50
        ):
            sys.stdout.write("\n")
            run()
    except KeyboardInterrupt:
        pass
    return EXIT_OK
