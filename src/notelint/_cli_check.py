"""`notelint check`: collect files, run the linter, print a format, choose the exit code."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from notelint._config import Config, load_config_file, path_matches
from notelint._errors import InputError, NotelintError, UsageError
from notelint._io import NOTE_SUFFIXES, atomic_write, decode_note, resolved
from notelint._models import Output, Report, Severity
from notelint._progress import Progress

if TYPE_CHECKING:
    from notelint._engine import Linter, RuleSet
    from notelint._note import Note

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LANGUAGETOOL_RULES = ("spelling", "grammar")
_SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".tox",
    ".nox",
    "site",
}


def collect(
    paths: Sequence[str], excludes: Config | None = None
) -> tuple[list[Path | str], list[NotelintError]]:
    """Files to check, in a stable order; '-' stays '-'. Errors for missing or empty inputs."""
    out: list[Path | str] = []
    errors: list[NotelintError] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(
                    d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")
                )
                for name in sorted(filenames):
                    if name.lower().endswith(NOTE_SUFFIXES) and not name.startswith("."):
                        fp = Path(dirpath) / name
                        if excludes is not None and path_matches(
                            fp, excludes.exclude, excludes.root_path
                        ):
                            continue
                        found.append(fp)
            if not found:
                errors.append(InputError("E007", path=raw))
            for fp in found:
                if resolved(fp) not in seen:
                    seen.add(resolved(fp))
                    out.append(fp)
        elif p.is_symlink() or p.exists():
            if resolved(p) not in seen:
                seen.add(resolved(p))
                out.append(p)
        else:
            errors.append(InputError("E008", path=raw))
    return out, errors


def emit(text: str, output: str | None, stream: TextIO | None = None) -> None:
    if stream is not None:
        stream.write(text)
        return
    if output:
        write_output(Path(output), text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def write_output(target: Path, text: str) -> None:
    """Write the report to ``--output``: a regular file is replaced atomically; a device, FIFO
    or pipe (``/dev/stdout``, ``/dev/null``) is written through, never replaced by a file."""
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UsageError("U002", detail=f"--output {target}: {exc.strerror or exc}") from None
    try:
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise UsageError("U002", detail=f"--output {target}: is a folder; name a file")
        if st is not None and stat.S_ISREG(st.st_mode):
            atomic_write(target, text)
        else:
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
    except OSError as exc:
        raise UsageError("U002", detail=f"--output {target}: {exc.strerror or exc}") from None


def print_skips(reports: Sequence[Report], err: TextIO) -> None:
    reasons: dict[str, list[str]] = {}
    for r in reports:
        for s in r.skipped:
            rules = reasons.setdefault(s.reason, [])
            if s.rule not in rules:
                rules.append(s.rule)
    for reason, rules in reasons.items():
        err.write(f"notelint: skipped {', '.join(sorted(rules))}: {reason}\n")


def _validate(args: argparse.Namespace) -> Config | None:
    """Check option combinations; the --config file, if given."""
    if args.jobs < 1:
        raise UsageError("U002", detail="--jobs must be 1 or more")
    if args.fix and args.diff:
        raise UsageError("U002", detail="use either --fix or --diff, not both")
    if args.lang:
        from notelint._context import normalize_lang

        try:
            args.lang = normalize_lang(args.lang)
        except ValueError as exc:
            raise UsageError("U002", detail=f"--lang: {exc}") from None
    if not args.config:
        return None
    cfg_path = Path(args.config)
    if not cfg_path.is_file():
        raise UsageError("U002", detail=f"{args.config}: no such config file")
    explicit = load_config_file(cfg_path)
    if explicit is None:
        from notelint._errors import ConfigError

        raise ConfigError("C001", path=args.config, detail="no [tool.notelint] table")
    return explicit


def make_linter(args: argparse.Namespace) -> Linter:
    from notelint._engine import Linter

    explicit = _validate(args)
    return Linter(
        explicit,
        select=args.select,
        ignore=list(args.ignore),
        extend_select=args.extend_select,
        lang=args.lang,
        cache=not args.no_cache,
        grammar=not args.no_grammar,
    )


def _note_config(linter: Linter, note: Note) -> Config:
    path = Path(note.path) if note.path and note.path != "<stdin>" else None
    return linter.config_for(path)[0]


def read_notes(
    linter: Linter, files: Sequence[Path | str], args: argparse.Namespace, err: TextIO
) -> tuple[list[tuple[Note, RuleSet]], int]:
    """Parse every input; a line on stderr for each that cannot be read."""
    from notelint._io import read_note_file

    parsed: list[tuple[Note, RuleSet]] = []
    failed = 0
    for item in files:
        try:
            if item == "-":
                name = args.stdin_filename or "<stdin>"
                text = decode_note(sys.stdin.buffer.read(Config().max_file_size + 1), name=name)
                parsed.append(linter.parse(text, path=name))
            else:
                assert isinstance(item, Path)
                config, _ = linter.config_for(item)
                text = read_note_file(item, max_bytes=config.max_file_size, display=str(item))
                parsed.append(linter.parse(text, path=str(item)))
        except InputError as exc:
            err.write(exc.line() + "\n")
            failed += 1
    return parsed, failed


def cmd_check(args: argparse.Namespace, err: TextIO) -> int:
    from notelint._cli_extras import show_files, show_settings, watch

    if args.watch:
        return watch(args, err)
    linter = make_linter(args)
    if args.show_settings:
        return show_settings(linter, args.show_settings)
    from notelint._cli_bulk import cmd_bulk, wants_bulk

    if wants_bulk(args):  # --input, --scheduler, or tables (.jsonl/.parquet) as output
        return cmd_bulk(args, linter, err)
    cwd_config, _ = linter.config_for(Path.cwd())
    files, errors = collect(args.paths or ["."], cwd_config)
    for e in errors:
        err.write(e.line() + "\n")
    if args.show_files:
        return show_files(files, errors)
    with linter:
        return _check(linter, files, len(errors), args, err)


def _check(
    linter: Linter,
    files: Sequence[Path | str],
    failed_inputs: int,
    args: argparse.Namespace,
    err: TextIO,
) -> int:
    from notelint._cli_extras import statistics as render_statistics
    from notelint._format import View, render, use_color
    from notelint._registry import discover

    parsed, failed = read_notes(linter, files, args, err)
    failed_inputs += failed
    bar = Progress.maybe(len(parsed), err)
    reports = (
        linter.check_parsed(
            parsed, jobs=args.jobs, processes=True, progress=bar.step if bar else None
        )
        if parsed
        else []
    )
    if bar:
        bar.close()
    sources = {note.path or "<text>": note.source_text for note, _ in parsed}

    report_to_stderr = False
    if args.fix or args.diff:
        from notelint._cli_fix import apply_fixes

        reports, report_to_stderr, changed, fix_failures = apply_fixes(
            linter, parsed, reports, files, args, err, sources
        )
        failed_inputs += fix_failures
        if args.diff:
            print_skips(reports, err)
            return (
                EXIT_ERROR
                if failed_inputs
                else (EXIT_FINDINGS if changed and not args.exit_zero else EXIT_OK)
            )

    require = args.require_languagetool or any(
        _note_config(linter, n).languagetool.require for n, _ in parsed
    )
    lt_skips = [s for r in reports for s in r.skipped if s.rule in LANGUAGETOOL_RULES]
    if require and lt_skips:
        # no report: "All clear" next to exit 2 would contradict itself
        err.write(
            f"notelint: LanguageTool is required but could not run: {lt_skips[0].reason}; "
            "no report was printed (--require-languagetool or "
            "languagetool.require asked for it)\n"
        )
        return EXIT_ERROR

    output = Output.of(reports)
    # with stdin --fix the fixed text owns stdout: the report goes to stderr
    target_err = err if report_to_stderr and not args.output else None
    color_stream = target_err or (sys.stdout if not args.output else None)
    view = View(
        rules=dict(discover()),
        sources=sources,
        color=color_stream is not None and use_color(color_stream, args.color),
    )
    if args.statistics:
        emit(render_statistics(output, args.format, view), args.output, target_err)
    elif args.quiet and args.format in ("full", "text", "concise"):
        body = render("concise", output, view).splitlines(keepends=True)[:-1]
        emit("".join(body), args.output, target_err)
    else:
        emit(render(args.format, output, view), args.output, target_err)
    print_skips(reports, err)

    if failed_inputs:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    for (note, _), report in zip(parsed, reports, strict=False):
        level = (
            Severity(args.fail_level) if args.fail_level else _note_config(linter, note).fail_level
        )
        if any(f.severity.rank >= level.rank for f in report.findings):
            return EXIT_FINDINGS
    return EXIT_OK
