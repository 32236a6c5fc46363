"""reviewdog diagnostic format (rdjson), as ruff writes it: ``reviewdog -f=rdjson``.

Columns are 1-based UTF-8 byte columns (the format's definition), computed from the text
that was checked; without it they are code-point columns.
"""

from __future__ import annotations

import json
from typing import Any

from notelint._format import View
from notelint._models import Finding, Output, Severity
from notelint._text import LineIndex

_SEVERITY = {Severity.error: "ERROR", Severity.warning: "WARNING", Severity.info: "INFO"}


def _position(
    index: LineIndex | None, source: str | None, line: int, column: int
) -> dict[str, int]:
    if index is None or source is None:
        return {"line": line, "column": column}
    start = index.offset(line)
    prefix = source[start : start + column - 1]
    return {"line": line, "column": len(prefix.encode("utf-8")) + 1}


def _range(f: Finding, start: int, end: int, index: LineIndex | None, source: str | None) -> Any:
    if index is None or source is None:
        return {
            "start": {"line": f.line, "column": f.column},
            "end": {"line": f.end_line, "column": f.end_column},
        }
    sl, sc = index.position(start)
    el, ec = index.position(end)
    return {"start": _position(index, source, sl, sc), "end": _position(index, source, el, ec)}


def render(output: Output, view: View) -> str:
    diagnostics: list[dict[str, Any]] = []
    for report in output.reports:
        path = report.path or "<text>"
        source = view.sources.get(path)
        index = LineIndex(source) if source is not None else None
        for f in report.findings:
            diag: dict[str, Any] = {
                "message": f.message,
                "location": {"path": path, "range": _range(f, f.start, f.end, index, source)},
                "severity": _SEVERITY[f.severity],
                "code": {"value": f.rule, **({"url": f.url} if f.url else {})},
            }
            if f.fix is not None:
                diag["suggestions"] = [
                    {
                        "range": _range(f, f.fix.start, f.fix.end, index, source),
                        "text": f.fix.replacement,
                    }
                ]
            diagnostics.append(diag)
    doc = {
        "source": {"name": "notelint", "url": "https://notelint.readthedocs.io/"},
        "severity": "WARNING",
        "diagnostics": diagnostics,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
