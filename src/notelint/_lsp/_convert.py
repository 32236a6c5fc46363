"""From notelint's findings to LSP data: ranges, diagnostics, code actions, hover text.

notelint's offsets are code points into the whole text; LSP positions are (line, character)
with characters counted in the negotiated encoding (UTF-16 unless the client offers
another). Everything here is pure (no server state) so that it is tested without a client.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lsprotocol import types

from notelint._models import Finding, Fix, Severity
from notelint._text import LineIndex

SOURCE = "notelint"
FIX_ALL_KIND = "source.fixAll.notelint"

_SEVERITY = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.info: types.DiagnosticSeverity.Information,
}


def _units(chars: str, encoding: str) -> int:
    """Length of ``chars`` in the client's code units."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(chars)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(chars.encode("utf-8"))
    return len(chars.encode("utf-16-le")) // 2


class Positions:
    """Offsets of one text to LSP positions and back, in one position encoding."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.index = LineIndex(text)

    def position(self, offset: int) -> types.Position:
        line, column = self.index.position(offset)
        start = self.index.offset(line)
        return types.Position(
            line - 1, _units(self.text[start : start + column - 1], self.encoding)
        )

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, pos: types.Position) -> int:
        """The code-point offset of an LSP position (clamped to its line)."""
        if pos.line >= self.index.lines:
            return len(self.text)
        start, end = self.index.line_span(pos.line + 1)
        units = 0
        for i in range(start, end):
            if units >= pos.character:
                return i
            units += _units(self.text[i], self.encoding)
        return end


def diagnostic(finding: Finding, pos: Positions) -> types.Diagnostic:
    """One finding as an LSP diagnostic (rule id as the code, its docs as the code link)."""
    message = finding.message
    if finding.suggestions and not finding.fix:
        message += f" ({', '.join(finding.suggestions[:3])})"
    return types.Diagnostic(
        range=pos.range(finding.start, finding.end),
        message=message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=finding.url) if finding.url else None,
        source=SOURCE,
    )


def error_diagnostic(code: str, line: str, pos: Positions, start: int = 0) -> types.Diagnostic:
    """A note that cannot be checked (broken front matter, ...): one error at ``start``."""
    end = pos.index.line_span(pos.index.position(start)[0])[1]
    return types.Diagnostic(
        range=pos.range(start, max(start, end)),
        message=line,
        severity=types.DiagnosticSeverity.Error,
        code=code,
        source=SOURCE,
    )


def carry_over(old: str, new: str, findings: Iterable[Finding]) -> list[Finding]:
    """Findings of ``old`` that still stand in ``new``: outside the edited part, shifted.

    Used for LanguageTool's findings while a fresh grammar check is pending, so that they do
    not blink out at every keystroke. A finding touching the edit is dropped.
    """
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    old_tail, delta = len(old) - suffix, len(new) - len(old)
    kept: list[Finding] = []
    for f in findings:
        if f.end <= prefix and f.end < len(old):
            kept.append(f)
        elif f.start >= old_tail and f.start > prefix:
            kept.append(_shift(f, delta))
    return kept


def _shift(f: Finding, delta: int) -> Finding:
    fix = f.fix
    if fix is not None:
        fix = fix.model_copy(update={"start": fix.start + delta, "end": fix.end + delta})
    return f.model_copy(update={"start": f.start + delta, "end": f.end + delta, "fix": fix})


# -- code actions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """A replacement of ``text[start:end]`` (code points), turned into a TextEdit late."""

    start: int
    end: int
    new_text: str


def _action(
    title: str,
    uri: str,
    version: int | None,
    edits: Sequence[Edit],
    pos: Positions,
    *,
    kind: str = types.CodeActionKind.QuickFix,
    preferred: bool = False,
    diagnostics: list[types.Diagnostic] | None = None,
) -> types.CodeAction:
    text_edits: list[types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit] = [
        types.TextEdit(range=pos.range(e.start, e.end), new_text=e.new_text) for e in edits
    ]
    change = types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
        edits=text_edits,
    )
    return types.CodeAction(
        title=title,
        kind=kind,
        is_preferred=preferred or None,
        diagnostics=diagnostics,
        edit=types.WorkspaceEdit(document_changes=[change]),
    )


def _fix_title(fix: Fix, text: str) -> str:
    old = text[fix.start : fix.end]
    if not fix.replacement:
        what = f"remove '{old}'"
    elif not old:
        what = f"insert '{fix.replacement}'"
    else:
        what = f"replace '{old}' with '{fix.replacement}'"
    return f"notelint: {what}" + (
        " (unsafe fix: check the result)" if fix.applicability == "unsafe" else ""
    )


def code_actions(
    findings: Sequence[Finding],
    *,
    uri: str,
    version: int | None,
    pos: Positions,
    body_start: int,
    only: Sequence[str] | None = None,
    fix_all: Sequence[Fix] = (),
) -> list[types.CodeAction]:
    """Quick fixes for ``findings`` (those at the requested range) and the fix-all action."""
    text = pos.text
    out: list[types.CodeAction] = []

    def wanted(kind: str) -> bool:
        return only is None or any(kind == k or kind.startswith(k + ".") for k in only)

    if wanted(types.CodeActionKind.QuickFix):
        for f in findings:
            diag = [diagnostic(f, pos)]
            if f.fix is not None:
                out.append(
                    _action(
                        _fix_title(f.fix, text),
                        uri,
                        version,
                        [Edit(f.fix.start, f.fix.end, f.fix.replacement)],
                        pos,
                        preferred=f.fix.applicability == "safe",
                        diagnostics=diag,
                    )
                )
            for s in f.suggestions:
                if f.fix is not None and s == f.fix.replacement:
                    continue
                out.append(
                    _action(
                        f"notelint: replace '{f.text}' with '{s}'",
                        uri,
                        version,
                        [Edit(f.start, f.end, s)],
                        pos,
                        diagnostics=diag,
                    )
                )
            if f.start >= body_start:  # a comment inside the front matter would break the YAML
                line_start = pos.index.offset(pos.index.position(f.start)[0])
                comment = f"<!-- notelint-disable-next-line {f.rule} -->\n"
                out.append(
                    _action(
                        f"notelint: disable {f.rule} for this line",
                        uri,
                        version,
                        [Edit(line_start, line_start, comment)],
                        pos,
                        diagnostics=diag,
                    )
                )
            out.append(
                _action(
                    f"notelint: disable {f.rule} for this file",
                    uri,
                    version,
                    [Edit(body_start, body_start, f"<!-- notelint-disable-file {f.rule} -->\n")],
                    pos,
                    diagnostics=diag,
                )
            )
    if fix_all and wanted(FIX_ALL_KIND):
        out.append(
            _action(
                "notelint: apply all safe fixes",
                uri,
                version,
                [Edit(x.start, x.end, x.replacement) for x in fix_all],
                pos,
                kind=FIX_ALL_KIND,
            )
        )
    return out


# -- hover ---------------------------------------------------------------------------------

_LABELS = {
    "en": {"suggestions": "Suggestions", "fix": "Fix", "unsafe": "unsafe", "rule": "Rule"},
    "de": {"suggestions": "Vorschläge", "fix": "Korrektur", "unsafe": "unsicher", "rule": "Regel"},
}


def hover_markdown(findings: Sequence[Finding], explain: dict[str, str], lang: str) -> str:
    """The findings under the cursor, each with its rule's documentation (as `explain`)."""
    labels = _LABELS.get(lang.split("-")[0], _LABELS["en"])
    parts: list[str] = []
    for f in findings:
        lines = [f"**{f.severity.value}** `{f.rule}`: {f.message}"]
        if f.suggestions:
            lines.append(f"{labels['suggestions']}: " + ", ".join(f"`{s}`" for s in f.suggestions))
        if f.fix is not None:
            mark = f" ({labels['unsafe']})" if f.fix.applicability == "unsafe" else ""
            lines.append(f"{labels['fix']}{mark}: `{f.fix.replacement}`")
        doc = explain.get(f.rule)
        if doc:
            # the rule's title becomes a smaller heading under the finding
            lines += [
                "",
                doc.replace("\n# ", "\n### ").replace("# ", "### ", 1).replace("\n## ", "\n#### "),
            ]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)
