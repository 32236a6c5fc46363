"""`path:line:col: severity rule message`, like ruff and Vale, then a summary line."""

from __future__ import annotations

from collections.abc import Mapping

from notelint._models import Output
from notelint._rule import Rule


def render(output: Output, rules: Mapping[str, type[Rule]]) -> str:
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
    return "\n".join(lines) + "\n"
