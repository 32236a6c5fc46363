"""``concise``: `path:line:col: severity rule message`, like ruff and Vale, then a summary line."""

from __future__ import annotations

from notelint._format import View
from notelint._models import Output


def render(output: Output, view: View) -> str:
    lines = []
    for report in output.reports:
        path = report.path or "<text>"
        for f in report.findings:
            tip = (
                f" (suggestion: {f.suggestions[0]})"
                if f.suggestions and f.suggestions[0] and f.suggestions[0] not in f.message
                else ""
            )
            lines.append(
                f"{path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}{tip}"
            )
    lines.extend(summary_lines(output))
    return "\n".join(lines) + "\n"


def summary_lines(output: Output) -> list[str]:
    """The summary line (with what was not checked), as in every text format."""
    lines: list[str] = []
    s = output.summary
    if s.findings:
        parts = [
            f"{n} {name}"
            for n, name in ((s.error, "error"), (s.warning, "warning"), (s.info, "info"))
            if n
        ]
        plural = "s" if s.files != 1 else ""
        lines.append(
            f"Found {s.findings} finding{'s' if s.findings != 1 else ''} ({', '.join(parts)}) in {s.files} file{plural}."
        )
    elif s.files == 0:
        lines.append("No notes checked.")
    else:
        lines.append(
            f"All clear: {s.files} file{'s' if s.files != 1 else ''} checked, no findings."
        )
    skipped = sorted({sk.rule for r in output.reports for sk in r.skipped})
    if skipped and lines:
        lines[-1] += f" Not checked: {', '.join(skipped)} (the reason is on stderr)."
    return lines
