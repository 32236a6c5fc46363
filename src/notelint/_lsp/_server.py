"""`notelint lsp`: a language server (pygls) on the public :class:`~notelint.Linter`.

Each open note is linted on open, on save and, debounced, on change. A check runs in two
passes so that typing never waits for LanguageTool: the fast rules first (milliseconds),
then every rule with spelling and grammar (a round trip to LanguageTool). A result whose
text is no longer the document's text is dropped. While the second pass is pending, the
previous LanguageTool findings outside the edited region are carried over, shifted.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer

from notelint import __version__
from notelint._engine import Linter, all_rule_classes
from notelint._errors import NotelintError
from notelint._fix import safe_fixes
from notelint._frontmatter import split_front_matter
from notelint._lsp._convert import (
    FIX_ALL_KIND,
    Positions,
    carry_over,
    code_actions,
    diagnostic,
    error_diagnostic,
    hover_markdown,
)
from notelint._models import Finding, Report

LANGUAGETOOL_RULES = ("spelling", "grammar")
DEFAULT_DEBOUNCE_MS = 300
log = logging.getLogger("notelint.lsp")


@dataclass
class DocState:
    """What was last published for one document, and for which text."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    lang: str = "en"
    complete: bool = False  # LanguageTool's findings are in (or no LanguageTool rule is on)
    lt_findings: list[Finding] = field(default_factory=list)


@dataclass
class Options:
    """Server options: `notelint lsp` flags, overridden by the client's initializationOptions."""

    grammar: bool = True
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    def update(self, raw: Any) -> None:
        if not isinstance(raw, dict):
            return
        if isinstance(raw.get("grammar"), bool):
            self.grammar = raw["grammar"]
        ms = raw.get("debounceMs", raw.get("debounce_ms"))
        if isinstance(ms, int) and not isinstance(ms, bool) and 0 <= ms <= 10_000:
            self.debounce_ms = ms


class NotelintServer(LanguageServer):
    def __init__(self, options: Options | None = None) -> None:
        super().__init__("notelint", __version__)
        self.options = options or Options()
        self.full = Linter()
        known = all_rule_classes()
        self.fast = Linter(ignore=[r for r in LANGUAGETOOL_RULES if r in known])
        self.docs: dict[str, DocState] = {}
        self.tasks: dict[str, asyncio.Task[None]] = {}
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="notelint-fast")
        self.lt_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notelint-lt")
        self._explain: dict[str, str] = {}

    # -- scheduling ----------------------------------------------------------------------

    def schedule(self, uri: str, delay_ms: int = 0) -> None:
        """(Re)start the check of ``uri`` after ``delay_ms``; a pending one is cancelled."""
        old = self.tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.get_running_loop().create_task(self._lint(uri, delay_ms / 1000))
        self.tasks[uri] = task
        task.add_done_callback(
            lambda t: self.tasks.pop(uri, None) if self.tasks.get(uri) is t else None
        )

    def _current(self, uri: str) -> tuple[str, int | None] | None:
        try:
            doc = self.workspace.get_text_document(uri)
            return doc.source, doc.version
        except Exception:  # closed meanwhile
            return None

    def _needs_languagetool(self, path: str | None) -> bool:
        if not self.options.grammar:
            return False
        rules = self.full.rules(Path(path) if path else None)
        return any("languagetool" in r.needs for r in rules)

    async def _lint(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            await self._check(uri)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug: say so in the editor's log, keep serving
            log.exception("checking %s failed", uri)
            self.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Error,
                    f"notelint: internal error: {type(exc).__name__}: {exc}",
                )
            )

    async def _check(self, uri: str) -> None:
        current = self._current(uri)
        if current is None:
            return
        text, version = current
        prev = self.docs.get(uri)
        if prev is not None and prev.text == text and prev.complete:
            self._publish(uri, version, prev)  # saved without a change: nothing to recompute
            return
        path = uris.to_fs_path(uri) if uri.startswith("file:") else None
        loop = asyncio.get_running_loop()
        try:
            with_lt = await loop.run_in_executor(self.pool, self._needs_languagetool, path)
            # without LanguageTool rules (or with --no-grammar) this pass is the whole check
            report = await loop.run_in_executor(self.pool, lambda: self.fast.check(text, path=path))
        except NotelintError as exc:
            return self._publish_error(uri, version, text, exc)
        if self._current(uri) != (text, version):
            return  # stale: the text changed while it was checked
        carried: list[Finding] = []
        if with_lt and prev is not None and prev.lt_findings:
            carried = carry_over(prev.text, text, prev.lt_findings)
        state = DocState(
            text,
            sorted([*report.findings, *carried], key=lambda f: (f.start, f.end, f.rule)),
            report.lang,
            complete=not with_lt,
            lt_findings=carried,
        )
        self.docs[uri] = state
        self._publish(uri, version, state)
        if not with_lt:
            return
        try:
            full = await loop.run_in_executor(
                self.lt_pool, lambda: self.full.check(text, path=path)
            )
        except NotelintError as exc:
            return self._publish_error(uri, version, text, exc)
        if self._current(uri) != (text, version):
            return  # stale: a newer check is on its way
        self._log_skips(full)
        lt = [f for f in full.findings if f.rule in LANGUAGETOOL_RULES]
        state = DocState(text, list(full.findings), full.lang, complete=True, lt_findings=lt)
        self.docs[uri] = state
        self._publish(uri, version, state)

    def _log_skips(self, report: Report) -> None:
        for s in report.skipped:
            self.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Warning, f"notelint: skipped {s.rule}: {s.reason}"
                )
            )

    # -- publishing ----------------------------------------------------------------------

    def positions(self, text: str) -> Positions:
        return Positions(
            text, str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        )

    def _publish(self, uri: str, version: int | None, state: DocState) -> None:
        pos = self.positions(state.text)
        diags = [diagnostic(f, pos) for f in state.findings]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diags, version))

    def _publish_error(self, uri: str, version: int | None, text: str, exc: NotelintError) -> None:
        if self._current(uri) != (text, version):
            return
        self.docs[uri] = DocState(text, complete=True)
        diag = error_diagnostic(exc.code, f"{exc.code} {exc.detail}", self.positions(text))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, [diag], version))

    def explain(self, rule: str) -> str:
        if not self._explain:
            from notelint._docs import rule_markdown

            self._explain = {rid: rule_markdown(cls) for rid, cls in all_rule_classes().items()}
        return self._explain.get(rule, "")

    def close(self) -> None:
        """Cancel pending checks and stop LanguageTool (no orphan JVM once the server exits)."""
        for task in list(self.tasks.values()):
            task.cancel()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.lt_pool.shutdown(wait=False, cancel_futures=True)
        self.fast.close()
        self.full.close()
        from notelint._languagetool import shutdown

        shutdown()


def _findings_at(state: DocState, start: int, end: int) -> list[Finding]:
    return [f for f in state.findings if f.start <= end and start <= f.end]


def build_server(options: Options | None = None) -> NotelintServer:
    server = NotelintServer(options)

    @server.feature(types.INITIALIZE)
    def initialize(ls: NotelintServer, params: types.InitializeParams) -> None:
        ls.options.update(params.initialization_options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: NotelintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: NotelintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.options.debounce_ms)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: NotelintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: NotelintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.docs.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    def code_action(ls: NotelintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        state, current = ls.docs.get(uri), ls._current(uri)
        if state is None or current is None or current[0] != state.text:
            return []  # not checked yet, or stale: offsets would point at the wrong text
        pos = ls.positions(state.text)
        start, end = pos.offset(params.range.start), pos.offset(params.range.end)
        try:
            body_start = split_front_matter(state.text)[1]
        except NotelintError:
            body_start = 0
        return code_actions(
            _findings_at(state, start, end),
            uri=uri,
            version=current[1],
            pos=pos,
            body_start=body_start,
            only=params.context.only,
            fix_all=safe_fixes(state.findings),
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NotelintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        state, current = ls.docs.get(uri), ls._current(uri)
        if state is None or current is None or current[0] != state.text:
            return None
        pos = ls.positions(state.text)
        at = pos.offset(params.position)
        found = [f for f in state.findings if f.start <= at < max(f.end, f.start + 1)]
        if not found:
            return None
        md = hover_markdown(found, {f.rule: ls.explain(f.rule) for f in found}, state.lang)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=md),
            range=pos.range(found[0].start, found[0].end),
        )

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NotelintServer, params: Any) -> None:
        ls.close()

    return server


def run(*, grammar: bool = True, debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> int:
    """Serve LSP over stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="notelint lsp: %(message)s")
    server = build_server(Options(grammar=grammar, debounce_ms=debounce_ms))
    try:
        server.start_io()
    finally:
        server.close()
    return 0
