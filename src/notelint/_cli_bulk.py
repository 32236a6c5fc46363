"""`notelint check --input NOTES.jsonl|.parquet` and `--scheduler ADDRESS`: many notes at once.

Without ``--scheduler`` the notes are checked in this process (``--jobs`` worker processes);
with it, on a Dask cluster (``local`` or ``local:N`` starts one on this machine). Results go
to ``--output`` as tables (``.jsonl`` or ``.parquet``: findings, and the per-note scores in
``<name>.notes<suffix>``) or, without Dask, in any ``--format``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any, TextIO

from notelint._errors import InputError, NotelintError, UsageError
from notelint._models import Severity
from notelint._records import (
    FINDING_COLUMNS,
    NOTE_COLUMNS,
    NoteRecord,
    finding_rows,
    is_record_file,
    note_row,
    notes_table_path,
    read_records,
    write_table,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def wants_bulk(args: argparse.Namespace) -> bool:
    return bool(args.input or args.scheduler or (args.output and is_record_file(args.output)))


def _fail_level(args: argparse.Namespace, linter: Any) -> Severity:
    if args.fail_level:
        return Severity(args.fail_level)
    return Severity(linter.config_for(Path.cwd() / "notes")[0].fail_level)


def _records_from_paths(args: argparse.Namespace, linter: Any, err: TextIO) -> list[NoteRecord]:
    from notelint._cli import collect
    from notelint._io import read_note_file

    cwd_config, _ = linter.config_for(Path.cwd())
    files, errors = collect(args.paths or ["."], cwd_config)
    if errors:
        raise errors[0]
    out = []
    for f in files:
        if f == "-":
            raise UsageError("U002", detail="- (stdin) cannot be combined with --scheduler")
        config, _ = linter.config_for(Path(f))
        text = read_note_file(Path(f), max_bytes=config.max_file_size, display=str(f))
        out.append(NoteRecord(id=str(f), text=text, path=str(f)))
    return out


def cmd_bulk(args: argparse.Namespace, linter: Any, err: TextIO) -> int:
    """Check records (or files) and write tables or a report; the exit code."""
    if args.fix or args.diff:
        raise UsageError("U002", detail="--fix and --diff work on files, not with --input")
    if args.partitions is not None and args.partitions < 1:
        raise UsageError("U002", detail="--partitions must be 1 or more")
    if args.input and args.paths:
        raise UsageError("U002", detail="give either --input FILE or paths, not both")
    table = bool(args.output and is_record_file(args.output))
    if args.scheduler and not table:
        raise UsageError(
            "U002", detail="--scheduler writes tables: add --output FILE.parquet (or .jsonl)"
        )
    records = read_records(args.input) if args.input else _records_from_paths(args, linter, err)
    start = time.perf_counter()
    if args.scheduler:
        findings, notes = _on_dask(args, linter, records, err)
    else:
        got = _in_process(args, linter, records, table, err)
        if isinstance(got, int):  # printed as a report: the exit code
            return got
        findings, notes = got
    took = time.perf_counter() - start
    out = Path(args.output)
    notes_out = notes_table_path(out)
    write_table(findings, out, FINDING_COLUMNS)
    write_table(notes, notes_out, NOTE_COLUMNS)
    failed = [n for n in notes if n["failed"]]
    for n in failed[:10]:
        err.write(f"notelint: {n['id']}: {n['failure']}\n")
    if len(failed) > 10:
        err.write(f"notelint: ... and {len(failed) - 10} more failed notes (see {notes_out})\n")
    skipped = sorted({s for n in notes for s in (n["skipped"] or [])})
    for line in skipped[:5]:  # e.g. LanguageTool could not run
        err.write(f"notelint: skipped {line}\n")
    rate = len(notes) / took if took > 0 else 0.0
    err.write(
        f"notelint: {len(notes)} notes, {len(findings)} findings, {len(failed)} failed "
        f"in {took:.1f} s ({rate:.0f} notes/s): {out}, {notes_out}\n"
    )
    if failed:
        return EXIT_ERROR
    level = _fail_level(args, linter)
    if args.exit_zero:
        return EXIT_OK
    hit = any(Severity(f["severity"]).rank >= level.rank for f in findings)
    return EXIT_FINDINGS if hit else EXIT_OK


def _in_process(
    args: argparse.Namespace, linter: Any, records: list[NoteRecord], table: bool, err: TextIO
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | int:
    """Check in this process: the two tables' rows, or the exit code of a printed report."""
    from notelint._cli_check import emit as _emit
    from notelint._cli_check import print_skips as _print_skips
    from notelint._progress import Progress

    with linter:
        parsed, failures = [], []
        for r in records:
            try:
                parsed.append((r, linter.parse(r.text, path=r.label, context=r.context)))
            except InputError as exc:
                failures.append((r, exc.line()))
        bar = Progress.maybe(len(parsed), err)
        reports = linter.check_parsed(
            [p for _, p in parsed],
            jobs=args.jobs,
            processes=True,
            progress=bar.step if bar else None,
        )
        if bar:
            bar.close()
    if not table:  # the usual report formats, the note's path (or id) as its file
        from notelint._format import View, render
        from notelint._models import Output
        from notelint._registry import discover

        for r, why in failures:
            err.write(f"notelint: {r.id}: {why}\n")
        _emit(render(args.format, Output.of(reports), View(rules=dict(discover()))), args.output)
        _print_skips(reports, err)
        if failures:
            return EXIT_ERROR
        level = _fail_level(args, linter)
        hit = any(f.severity.rank >= level.rank for rep in reports for f in rep.findings)
        return EXIT_FINDINGS if hit and not args.exit_zero else EXIT_OK
    findings = [
        f for (r, _), rep in zip(parsed, reports, strict=True) for f in finding_rows(r.id, rep)
    ]
    by_id = {
        r.id: note_row(r.id, rep.path, rep) for (r, _), rep in zip(parsed, reports, strict=True)
    }
    by_id.update({r.id: note_row(r.id, r.label, None, why) for r, why in failures})
    return findings, [by_id[r.id] for r in records]  # input order


def _on_dask(
    args: argparse.Namespace, linter: Any, records: list[NoteRecord], err: TextIO
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Check on a Dask cluster: the two tables' rows (the config of the working folder)."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster

        from notelint import dask as nd
    except ImportError:
        raise UsageError(
            "U002", detail="--scheduler needs Dask: pip install 'notelint[dask]'"
        ) from None
    from notelint._cli import LANGUAGETOOL_RULES, Progress

    # the config that applies here, as in-process runs find it (workers search for none)
    config, _ = linter.config_for(Path.cwd() / "notes")
    settings: dict[str, Any] = {
        "config": config,
        "select": args.select,
        "ignore": list(args.ignore) + (list(LANGUAGETOOL_RULES) if args.no_grammar else []),
        "extend_select": args.extend_select,
        "lang": args.lang,
    }
    address = args.scheduler
    cluster = None
    if address == "local" or address.startswith("local:"):
        n = int(address.split(":", 1)[1]) if ":" in address else args.jobs
        cluster = LocalCluster(n_workers=max(1, n), threads_per_worker=1, processes=True)
        address = cluster.scheduler_address
    try:
        with Client(address) as client:
            spec = nd.register(client, **settings)
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            parts = args.partitions or max(1, min(len(records) // 50 + 1, workers * 4))
            items = [
                {"id": r.id, "path": r.label, "text": r.text, "context": r.context} for r in records
            ]
            bag = db.from_sequence(items, npartitions=parts)
            result = nd.lint(bag, **{**settings, "threads": spec.threads})
            bar = Progress.maybe(result.total, err)
            got = result.compute(progress=bar.step if bar else None)
            if bar:
                bar.close()
    except NotelintError:
        raise
    except OSError as exc:
        raise UsageError(
            "U002", detail=f"cannot reach the Dask scheduler {address}: {exc}"
        ) from None
    finally:
        if cluster is not None:
            cluster.close()
    from notelint.dask._run import _missing

    def rows(frame: Any) -> list[dict[str, Any]]:
        return [
            {k: (None if _missing(v) else v) for k, v in r.items()}
            for r in frame.to_dict("records")
        ]

    return rows(got.findings), rows(got.notes)
