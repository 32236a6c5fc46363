"""GitHub Actions workflow commands: one `::error file=...::message` annotation per finding."""

from __future__ import annotations

from notelint._format import View
from notelint._models import Output, Severity

_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(output: Output, view: View) -> str:
    lines = []
    for report in output.reports:
        path = report.path or "<text>"
        for f in report.findings:
            props = (
                f"file={_prop(path)},line={f.line},col={f.column},endLine={f.end_line},"
                f"endColumn={f.end_column},title={_prop('notelint ' + f.rule)}"
            )
            lines.append(f"::{_LEVEL[f.severity]} {props}::{_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
