"""GitLab code quality report (``artifacts:reports:codequality``), as ruff writes it.

A JSON list of issues: ``description``, ``check_name``, ``fingerprint`` (stable for the same
finding in the same file, unique within the report), ``severity`` and ``location`` with
1-based line and column ``positions``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from notelint._format import View
from notelint._models import Output, Severity

_SEVERITY = {Severity.error: "major", Severity.warning: "minor", Severity.info: "info"}


def render(output: Output, view: View) -> str:
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for report in output.reports:
        path = report.path or "<text>"
        for f in report.findings:
            base = hashlib.sha256(
                "\0".join((path, f.rule, f.message, f.text)).encode("utf-8")
            ).hexdigest()
            n = seen.get(base, 0)
            seen[base] = n + 1
            fingerprint = hashlib.sha256(f"{base}:{n}".encode()).hexdigest()[:32]
            issues.append(
                {
                    "description": f"{f.rule}: {f.message}",
                    "check_name": f"notelint:{f.rule}",
                    "fingerprint": fingerprint,
                    "severity": _SEVERITY[f.severity],
                    "location": {
                        "path": path,
                        "positions": {
                            "begin": {"line": f.line, "column": f.column},
                            "end": {"line": f.end_line, "column": f.end_column},
                        },
                    },
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
