"""The `notelint` command line (design.md section 6).

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage, config,
input or internal error (one line on stderr; a traceback only with --debug).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from notelint import __version__
from notelint._config import Config, load_config_file, path_matches
from notelint._errors import InputError, NotelintError, UsageError, hint
from notelint._io import NOTE_SUFFIXES, atomic_write, decode_note
from notelint._models import Output, Report, Severity

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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, like every other error
        raise UsageError("U002", detail=f"{self.prog}: {message} (see `{self.prog} --help`)")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="notelint", description="Lint job-interview follow-up notes before they are sent."
    )
    p.add_argument("--version", action="version", version=f"notelint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="check note files, folders or stdin (-)")
    c.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders (recursed: .md .markdown .txt) or - for stdin",
    )
    c.add_argument("--format", choices=["text", "json", "sarif", "github", "junit"], default="text")
    c.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout"
    )
    c.add_argument(
        "--fail-level",
        choices=[s.value for s in Severity],
        help="lowest severity that fails (default: warning)",
    )
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    c.add_argument(
        "--select", type=_csv, metavar="RULE,...", help="only these rules (ALL for every rule)"
    )
    c.add_argument(
        "--extend-select", type=_csv, default=[], metavar="RULE,...", help="these rules too"
    )
    c.add_argument("--ignore", type=_csv, default=[], metavar="RULE,...", help="not these rules")
    c.add_argument(
        "--lang", help="en or de (with a region: en-GB, de-AT), unless front matter says otherwise"
    )
    c.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    c.add_argument(
        "--diff", action="store_true", help="print safe fixes as a unified diff, write nothing"
    )
    c.add_argument(
        "--no-grammar", action="store_true", help="skip the LanguageTool rules (spelling, grammar)"
    )
    c.add_argument(
        "--require-languagetool", action="store_true", help="exit 2 when LanguageTool cannot run"
    )
    c.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="check notes in N parallel workers"
    )
    c.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    c.add_argument(
        "--config", metavar="FILE", help="use this config file instead of searching for one"
    )
    c.add_argument("--stdin-filename", metavar="PATH", help="the path to report for - (stdin)")
    c.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only, no summary line"
    )
    c.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")

    r = sub.add_parser("rules", help="list the rules with severity and what they need")
    r.add_argument("--format", choices=["text", "json"], default="text")
    r.add_argument("--config", metavar="FILE", help="also list rules from this config's packs")

    e = sub.add_parser("explain", help="show a rule's documentation")
    e.add_argument("rule")

    sub.add_parser("schema", help="print the JSON Schema of `check --format json`")

    lt = sub.add_parser(
        "languagetool", help="install, start, stop or inspect the local LanguageTool server"
    )
    lt.add_argument("action", choices=["install", "start", "stop", "status"])
    lt.add_argument(
        "--version", dest="lt_version", metavar="VERSION", help="LanguageTool version to install"
    )
    lt.add_argument("--config", metavar="FILE")

    ls = sub.add_parser("lsp", help="run the language server on stdin/stdout (for editors)")
    ls.add_argument("--no-grammar", action="store_true", help="skip spelling and grammar")
    ls.add_argument(
        "--debounce-ms", type=int, default=300, metavar="MS", help="wait after typing (300)"
    )
    ls.add_argument("--stdio", action="store_true", help="accepted; stdio is the transport")

    sv = sub.add_parser("serve", help="run the local web page and JSON API")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    sv.add_argument("--port", type=int, default=8765, help="port to listen on (8765)")
    sv.add_argument("--no-grammar", action="store_true", help="skip spelling and grammar")
    sv.add_argument("--config", metavar="FILE", help="use this config file (else the nearest)")
    sv.add_argument("--openapi", action="store_true", help="print the API's OpenAPI schema")
    return p


# -- collecting files --------------------------------------------------------------------


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
                if fp.resolve() not in seen:
                    seen.add(fp.resolve())
                    out.append(fp)
        elif p.exists() or p.is_symlink():
            if p.resolve() not in seen:
                seen.add(p.resolve())
                out.append(p)
        else:
            errors.append(InputError("E008", path=raw))
    return out, errors


# -- commands ----------------------------------------------------------------------------


def _emit(text: str, output: str | None, stream: TextIO | None = None) -> None:
    if stream is not None:
        stream.write(text)
        return
    if output:
        target = Path(output)
        if target.exists():
            atomic_write(target, text)
        else:
            target.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def cmd_check(args: argparse.Namespace, err: TextIO) -> int:
    from notelint._engine import Linter, RuleSet
    from notelint._fix import fix_text, safe_fixes, unified_diff, write_fixed
    from notelint._format import render
    from notelint._note import Note

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
    explicit = None
    if args.config:
        cfg_path = Path(args.config)
        if not cfg_path.is_file():
            raise UsageError("U002", detail=f"{args.config}: no such config file")
        explicit = load_config_file(cfg_path)
        if explicit is None:
            from notelint._errors import ConfigError

            raise ConfigError("C001", path=args.config, detail="no [tool.notelint] table")
    ignore = list(args.ignore)
    if args.no_grammar:
        ignore.extend(LANGUAGETOOL_RULES)
    from notelint._registry import discover

    known = discover()
    ignore = [r for r in ignore if r in known or r not in LANGUAGETOOL_RULES]
    linter = Linter(
        explicit,
        select=args.select,
        ignore=ignore,
        extend_select=args.extend_select,
        lang=args.lang,
        cache=not args.no_cache,
    )
    paths = args.paths or ["."]
    cwd_config, _ = linter.config_for(Path.cwd())
    files, errors = collect(paths, cwd_config)
    for e in errors:
        err.write(e.line() + "\n")
    parsed: list[tuple[Note, RuleSet]] = []
    failed_inputs = len(errors)
    with linter:
        for item in files:
            try:
                if item == "-":
                    name = args.stdin_filename or "<stdin>"
                    text = decode_note(sys.stdin.buffer.read(Config().max_file_size + 1), name=name)
                    parsed.append(linter.parse(text, path=args.stdin_filename or "<stdin>"))
                else:
                    assert isinstance(item, Path)
                    from notelint._io import read_note_file

                    config, _ = linter.config_for(item)
                    text = read_note_file(item, max_bytes=config.max_file_size, display=str(item))
                    parsed.append(linter.parse(text, path=str(item)))
            except InputError as exc:
                err.write(exc.line() + "\n")
                failed_inputs += 1
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

        stdin_path = args.stdin_filename or "<stdin>"
        report_to_stderr = False
        if args.fix or args.diff:
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
                    sys.stdout.write(
                        unified_diff(note.path or "<stdin>", note.source_text, new_text)
                    )
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
                        failed_inputs += 1
                        fixed_reports.append(report)
                        continue
                n_fixed = len(fixes)
                err.write(f"{note.path}: fixed {n_fixed} finding{'s' if n_fixed != 1 else ''}\n")
                fixed_reports.append(linter.check(new_text, path=note.path))
            reports = fixed_reports
            if args.diff:
                changed = any(safe_fixes(r.findings) for r in reports)
                _print_skips(reports, err)
                return (
                    EXIT_ERROR
                    if failed_inputs
                    else (EXIT_FINDINGS if changed and not args.exit_zero else EXIT_OK)
                )

        output = Output.of(reports)
        rules_by_id = dict(known)
        # with stdin --fix the fixed text owns stdout: the report goes to stderr
        target_err = err if report_to_stderr and not args.output else None
        if not (args.quiet and args.format == "text"):
            _emit(render(args.format, output, rules_by_id), args.output, target_err)
        else:
            body = render("text", output, rules_by_id).splitlines(keepends=True)[:-1]
            _emit("".join(body), args.output, target_err)
        _print_skips(reports, err)

        require = args.require_languagetool or any(
            linter.config_for(Path(n.path) if n.path and n.path != "<stdin>" else None)[
                0
            ].languagetool.require
            for n, _ in parsed
        )
        if require:
            lt_skips = [s for r in reports for s in r.skipped if s.rule in LANGUAGETOOL_RULES]
            if lt_skips:
                err.write(
                    f"notelint: LanguageTool is required but could not run: {lt_skips[0].reason}\n"
                )
                return EXIT_ERROR
        if failed_inputs:
            return EXIT_ERROR
        if args.exit_zero:
            return EXIT_OK
        for (note, _), report in zip(parsed, reports, strict=False):
            level = (
                Severity(args.fail_level)
                if args.fail_level
                else linter.config_for(
                    Path(note.path) if note.path and note.path != "<stdin>" else None
                )[0].fail_level
            )
            if any(f.severity.rank >= level.rank for f in report.findings):
                return EXIT_FINDINGS
        return EXIT_OK


class Progress:
    """A one-line progress bar on stderr: only on a terminal, never in CI logs."""

    MIN_FILES = 20

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream, self.n = total, stream, 0

    @classmethod
    def maybe(cls, total: int, stream: TextIO) -> Progress | None:
        isatty = getattr(stream, "isatty", None)
        if total <= cls.MIN_FILES or os.environ.get("CI") or not (callable(isatty) and isatty()):
            return None
        return cls(total, stream)

    def step(self, n: int = 1) -> None:
        self.n += n
        width = 30
        full = width * self.n // max(1, self.total)
        self.stream.write(
            f"\rnotelint: [{'#' * full}{'.' * (width - full)}] {self.n}/{self.total} notes"
        )
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()


def _print_skips(reports: Sequence[Report], err: TextIO) -> None:
    reasons: dict[str, list[str]] = {}
    for r in reports:
        for s in r.skipped:
            rules = reasons.setdefault(s.reason, [])
            if s.rule not in rules:
                rules.append(s.rule)
    for reason, rules in reasons.items():
        err.write(f"notelint: skipped {', '.join(sorted(rules))}: {reason}\n")


def cmd_rules(args: argparse.Namespace) -> int:
    from notelint._engine import all_rule_classes
    from notelint._packs import Packs

    packs = None
    if args.config:
        cfg = load_config_file(Path(args.config))
        if cfg is not None:
            packs = Packs(tuple(str((cfg.root_path / p).resolve()) for p in cfg.packs))
    rules = all_rule_classes(packs)
    rows = [cls.describe() for _, cls in sorted(rules.items())]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        needs = ", ".join([*r["needs"], *r["requires"]]) or "-"
        fix = " (fixable)" if r["fixable"] else ""
        sys.stdout.write(
            f"{r['id']:<{width}}  {r['severity']:<7}  {'/'.join(r['languages']):<5}  needs: {needs:<22} {r['summary']}{fix}\n"
        )
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from notelint._docs import rule_markdown
    from notelint._engine import all_rule_classes

    rules = all_rule_classes()
    cls = rules.get(args.rule)
    if cls is None:
        raise UsageError("U001", rule=args.rule, hint=hint(args.rule, list(rules)))
    sys.stdout.write(rule_markdown(cls))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from notelint._models import output_schema

    sys.stdout.write(json.dumps(output_schema(), indent=2) + "\n")
    return EXIT_OK


def cmd_languagetool(args: argparse.Namespace) -> int:
    try:
        from notelint import _languagetool as lt  # type: ignore[attr-defined,unused-ignore]
    except ImportError:  # pragma: no cover - always shipped
        raise UsageError(
            "U002", detail="LanguageTool support is not part of this installation"
        ) from None
    handler = getattr(lt, f"cmd_{args.action}")
    config = load_config_file(Path(args.config)) if args.config else None
    return int(handler(version=args.lt_version, config=config))


def cmd_lsp(args: argparse.Namespace) -> int:
    from notelint._lsp import run

    if not 0 <= args.debounce_ms <= 10_000:
        raise UsageError("U002", detail="--debounce-ms must be between 0 and 10000")
    return run(grammar=not args.no_grammar, debounce_ms=args.debounce_ms)


def cmd_serve(args: argparse.Namespace, err: TextIO) -> int:
    from notelint import _web

    if args.openapi:
        sys.stdout.write(_web.openapi_json())
        return EXIT_OK
    if args.config:
        config = load_config_file(Path(args.config))
        if config is None:
            raise UsageError(
                "U002", detail=f"{args.config}: no such config file or no [tool.notelint]"
            )
    else:
        from notelint._config import find_config_file

        found = find_config_file(Path.cwd())
        config = load_config_file(found) if found else None
    return _web.serve(
        host=args.host, port=args.port, config=config, grammar=not args.no_grammar, err=err
    )


def main(argv: Sequence[str] | None = None) -> int:
    err = sys.stderr
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help(sys.stdout)
            return EXIT_ERROR
        if args.command == "check":
            return cmd_check(args, err)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
        if args.command == "schema":
            return cmd_schema(args)
        if args.command == "lsp":
            return cmd_lsp(args)
        if args.command == "serve":
            return cmd_serve(args, err)
        return cmd_languagetool(args)
    except NotelintError as exc:
        if debug:
            traceback.print_exc(file=err)
        err.write(f"notelint: {exc.line()}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.write("notelint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: still one line unless --debug
        if debug:
            traceback.print_exc(file=err)
        err.write(
            f"notelint: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)\n"
        )
        return EXIT_ERROR
