"""The `notelint` command line (design.md section 6).

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage, config,
input or internal error (one line on stderr; a traceback only with --debug).

This module holds the parser and the dispatch; `check` lives in ``_cli_check`` (with
``_cli_fix`` and ``_cli_extras``), the LanguageTool actions in ``_languagetool._commands``.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from notelint import __version__
from notelint._cli_check import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    LANGUAGETOOL_RULES,
    cmd_check,
    collect,
)
from notelint._config import load_config_file
from notelint._errors import NotelintError, UsageError, hint
from notelint._format import FORMATS
from notelint._models import Severity
from notelint._progress import Progress

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "LANGUAGETOOL_RULES",
    "Progress",
    "build_parser",
    "collect",
    "main",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, like every other error
        raise UsageError("U002", detail=f"{self.prog}: {message} (see `{self.prog} --help`)")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _add_check(sub: Any) -> None:
    c = sub.add_parser("check", help="check note files, folders or stdin (-)")
    c.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders (recursed: .md .markdown .txt) or - for stdin",
    )
    c.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=FORMATS,
        default="full",
        metavar="FORMAT",
        help="full (default: source line and carets), concise (one line per finding), json, "
        "sarif, github, junit, gitlab (code quality), rdjson (reviewdog); text = full",
    )
    c.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout"
    )
    c.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        metavar="WHEN",
        help="colour the text formats: auto (on a terminal; NO_COLOR and FORCE_COLOR are "
        "honoured), always, never",
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
        "--require-languagetool",
        action="store_true",
        help="exit 2, reporting nothing, when LanguageTool cannot run",
    )
    c.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule"
    )
    c.add_argument(
        "--show-settings",
        metavar="FILE",
        help="print the effective config, context, language and rules for FILE, then exit",
    )
    c.add_argument(
        "--show-files", action="store_true", help="print the files that would be checked, then exit"
    )
    c.add_argument(
        "--watch", "-w", action="store_true", help="check again whenever a note or config changes"
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
        "--input",
        metavar="FILE",
        help="check the notes of a .jsonl or .parquet file (one note a line or row: text, id, path, context keys)",
    )
    c.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="check on a Dask cluster (tcp://HOST:PORT, or local[:N] to start one); needs notelint[dask] and --output FILE.parquet|.jsonl",
    )
    c.add_argument(
        "--partitions", type=int, metavar="N", help="Dask partitions (default: 4 per worker)"
    )
    c.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only (concise), no summary line"
    )
    c.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")


def _add_languagetool(sub: Any) -> None:
    lt = sub.add_parser(
        "languagetool",
        help="install, start, stop or inspect the local LanguageTool server",
        description="The LanguageTool server behind the spelling and grammar rules.",
    )
    actions = lt.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--config", metavar="FILE", help="read [tool.notelint.languagetool] from this file"
        )

    i = actions.add_parser(
        "install",
        help="download LanguageTool into the cache folder (needs Java 17+; Maven or a download)",
        description="Assemble LanguageTool (server, English, German) in the notelint cache "
        "folder (~/.cache/notelint/languagetool, or $NOTELINT_CACHE_DIR). Uses Maven (mvn) "
        "when it is on PATH, else language-tool-python's download. Needs Java 17 or newer. "
        "A no-op when already installed.",
    )
    i.add_argument(
        "--version", dest="lt_version", metavar="VERSION", help="LanguageTool version to install"
    )
    common(i)
    s = actions.add_parser(
        "start",
        help="start a shared server that every run reuses until `stop`",
        description="Start one LanguageTool server in the background; `notelint check` uses it "
        "instead of starting its own (saves 20-60 s per run).",
    )
    s.add_argument("--heap", metavar="SIZE", help="Java heap, e.g. 1g (default from config)")
    s.add_argument("--version", dest="lt_version", metavar="VERSION", help=argparse.SUPPRESS)
    common(s)
    st = actions.add_parser(
        "stop", help="stop the shared server", description="Stop the server `start` started."
    )
    common(st)
    stat = actions.add_parser(
        "status",
        help="is it installed, is a shared server running",
        description="Say whether LanguageTool is installed and whether a shared server runs; "
        "exit 2 when it is not installed or not answering.",
    )
    stat.add_argument("--version", dest="lt_version", metavar="VERSION", help=argparse.SUPPRESS)
    common(stat)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="notelint", description="Lint job-interview follow-up notes before they are sent."
    )
    p.add_argument("--version", action="version", version=f"notelint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_check(sub)

    r = sub.add_parser("rules", help="list the rules with severity and what they need")
    r.add_argument("--format", choices=["text", "json"], default="text")
    r.add_argument("--config", metavar="FILE", help="also list rules from this config's packs")

    e = sub.add_parser("explain", help="show a rule's documentation")
    e.add_argument("rule")

    sub.add_parser("schema", help="print the JSON Schema of `check --format json`")
    _add_languagetool(sub)

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


# -- commands ----------------------------------------------------------------------------


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
    from notelint import _languagetool as lt

    handler = getattr(lt, f"cmd_{args.action}")
    config = load_config_file(Path(args.config)) if args.config else None
    kwargs: dict[str, Any] = {"version": getattr(args, "lt_version", None), "config": config}
    if args.action == "start" and args.heap:
        kwargs["heap"] = args.heap
    return int(handler(**kwargs))


def _dispatch(args: argparse.Namespace, err: TextIO) -> int:
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
        from notelint import _progress

        _progress.notice_stream = err  # the LanguageTool start-up spinner, on a terminal
        try:
            return _dispatch(args, err)
        finally:
            _progress.notice_stream = None
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
