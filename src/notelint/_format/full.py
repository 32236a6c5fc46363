"""``full`` (the default text format): each finding with its source line and carets, like ruff.

::

    drafts/rita.md:9:10: error name-misspelled 'Izaguire' looks like a misspelling of ...
      |
    9 | Dear Ms. Izaguire,
      |          ^^^^^^^^
      |
      = suggestion: Izaguirre
      = fix available: replace with 'Izaguirre' (`notelint check --fix` applies it)

    drafts/rita.md: score 72/100

The first line of each finding is the ``concise`` line without its suggestion, and it is the
only line that names the rule, so grep works on both. Colour only when the view asks for it (a terminal, FORCE_COLOR; never with NO_COLOR).
"""

from __future__ import annotations

import unicodedata

from notelint._format import View
from notelint._format.text import summary_lines
from notelint._models import Finding, Output, Severity
from notelint._text import LineIndex

_SEVERITY_STYLE = {Severity.error: "1;31", Severity.warning: "1;33", Severity.info: "1;36"}
_CARET_STYLE = {Severity.error: "31", Severity.warning: "33", Severity.info: "36"}
MAX_SUGGESTIONS = 3


class _Paint:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, style: str) -> str:
        return f"\033[{style}m{text}\033[0m" if self.on and text else text


def _width(text: str) -> str:
    """Blanks as wide as ``text`` on a terminal (tabs stay tabs, wide characters count two)."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append("\t")
        elif unicodedata.combining(ch):
            continue
        else:
            out.append("  " if unicodedata.east_asian_width(ch) in ("W", "F") else " ")
    return "".join(out)


def _snippet(f: Finding, source: str | None, index: LineIndex | None, paint: _Paint) -> list[str]:
    if source is None or index is None or f.line > index.lines:
        return []
    start, end = index.line_span(f.line)
    line = source[start:end].rstrip("\r\n")
    col = f.column - 1
    span_end = f.end_column - 1 if f.end_line == f.line else len(line)
    marked = line[col:span_end]
    carets = "^" * max(1, len(_width(marked).expandtabs(4)) if marked else 1)
    more = f" (to line {f.end_line})" if f.end_line > f.line else ""
    num = str(f.line)
    pad = " " * len(num)
    bar = paint("|", "1;34")
    return [
        f"{pad} {bar}",
        f"{paint(num, '1;34')} {bar} {line}",
        f"{pad} {bar} {_width(line[:col])}{paint(carets, _CARET_STYLE[f.severity])}{more}",
        f"{pad} {bar}",
    ]


def _notes(f: Finding, pad: str, paint: _Paint) -> list[str]:
    out = []
    shown = [s for s in f.suggestions[:MAX_SUGGESTIONS] if s]
    if shown:
        out.append(f"{pad} {paint('=', '1;34')} suggestion: {', '.join(shown)}")
    if f.fix is not None:
        if f.fix.applicability == "safe":
            what = "fix available"
            how = "`notelint check --fix` applies it"
        else:
            what = "unsafe fix"
            how = "not applied by --fix; check it by hand"
        out.append(f"{pad} {paint('=', '1;34')} {what}: replace with {f.fix.replacement!r} ({how})")
    return out


def render(output: Output, view: View) -> str:
    paint = _Paint(view.color)
    lines: list[str] = []
    fixable = 0
    for report in output.reports:
        path = report.path or "<text>"
        source = view.sources.get(path)
        index = LineIndex(source) if source is not None else None
        for f in report.findings:
            sev = paint(f.severity.value, _SEVERITY_STYLE[f.severity])
            lines.append(
                f"{paint(path, '1')}:{f.line}:{f.column}: {sev} {paint(f.rule, '1')} {f.message}"
            )
            snippet = _snippet(f, source, index, paint)
            lines.extend(snippet)
            pad = " " * (len(str(f.line)) if snippet else 0)
            lines.extend(_notes(f, pad, paint))
            lines.append("")
            fixable += bool(f.fix is not None and f.fix.applicability == "safe")
        if report.findings:
            lines.append(f"{path}: score {report.score}/100")
            lines.append("")
    lines.extend(summary_lines(output))
    if fixable:
        lines.append(
            f"[*] {fixable} fixable with `notelint check --fix` (`--diff` shows the changes)."
        )
    return "\n".join(lines) + "\n"
