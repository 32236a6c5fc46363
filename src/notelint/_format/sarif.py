"""SARIF 2.1.0 for code scanning (columns are Unicode code points, declared in the run)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from notelint._format import View
from notelint._models import Output, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def _uri(path: str | None) -> str:
    if not path or path in ("-", "<stdin>", "<text>"):
        return "stdin"
    return Path(path).as_posix()


def render(output: Output, view: View) -> str:
    used = sorted({f.rule for r in output.reports for f in r.findings})
    index = {rid: i for i, rid in enumerate(used)}
    driver_rules: list[dict[str, Any]] = []
    for rid in used:
        cls = view.rules.get(rid)
        entry: dict[str, Any] = {"id": rid, "name": rid}
        if cls is not None:
            sections = cls.doc_sections()
            entry["shortDescription"] = {"text": cls.summary() or rid}
            if "What it does" in sections:
                entry["fullDescription"] = {"text": sections["What it does"]}
            entry["defaultConfiguration"] = {"level": _LEVEL[cls.severity]}
            entry["help"] = {"text": "\n\n".join(f"{k}:\n{v}" for k, v in sections.items())}
        url = next(
            (f.url for r in output.reports for f in r.findings if f.rule == rid and f.url), None
        )
        if url:
            entry["helpUri"] = url
        driver_rules.append(entry)
    results = []
    for report in output.reports:
        for f in report.findings:
            region: dict[str, Any] = {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
                "charOffset": f.start,
                "charLength": f.end - f.start,
            }
            if f.text:
                region["snippet"] = {"text": f.text}
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(report.path)},
                            "region": region,
                        }
                    }
                ],
            }
            if f.fix is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace with {f.fix.replacement!r}"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(report.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": f.fix.start,
                                            "charLength": f.fix.end - f.fix.start,
                                        },
                                        "insertedContent": {"text": f.fix.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            if f.source is not None:
                result["properties"] = {"source": f.source.model_dump()}
            results.append(result)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "notelint",
                        "version": output.tool.version,
                        "informationUri": "https://notelint.readthedocs.io/",
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
