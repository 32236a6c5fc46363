"""JUnit XML: one test case per note file; a note with findings at or above warning fails.

Each failing case has exactly one ``<failure>`` listing all its findings (one per line);
``tests`` and ``failures`` agree on ``<testsuites>`` and ``<testsuite>``. Info findings go to
the case's ``<system-out>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from notelint._format import View
from notelint._models import Finding, Output, Severity


def _line(path: str, f: Finding) -> str:
    return f"{path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}"


def render(output: Output, view: View) -> str:
    tests = len(output.reports)
    failed = sum(
        1 for r in output.reports if any(f.severity is not Severity.info for f in r.findings)
    )
    counts = {"tests": str(tests), "failures": str(failed), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "notelint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "notelint", **counts})
    for report in output.reports:
        path = report.path or "<text>"
        case = ET.SubElement(suite, "testcase", classname="notelint", name=path, file=path)
        failing = [f for f in report.findings if f.severity is not Severity.info]
        if failing:
            worst = max(failing, key=lambda f: f.severity.rank)
            n = len(failing)
            first = f"{failing[0].rule}: {failing[0].message}"
            fail = ET.SubElement(
                case,
                "failure",
                message=first if n == 1 else f"{n} findings; first: {first}",
                type=worst.severity.value,
            )
            fail.text = "\n".join(_line(path, f) for f in failing)
        infos = [f for f in report.findings if f.severity is Severity.info]
        if infos:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(_line(path, f) for f in infos)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
