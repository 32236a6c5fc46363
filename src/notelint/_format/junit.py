"""JUnit XML: one test case per note file, one failure per finding at or above warning."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

from notelint._models import Output, Severity
from notelint._rule import Rule


def render(output: Output, rules: Mapping[str, type[Rule]]) -> str:
    failing = [f for r in output.reports for f in r.findings if f.severity is not Severity.info]
    suites = ET.Element(
        "testsuites", name="notelint", tests=str(len(output.reports)), failures=str(len(failing))
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="notelint",
        tests=str(len(output.reports)),
        failures=str(
            sum(
                1
                for r in output.reports
                if any(f.severity is not Severity.info for f in r.findings)
            )
        ),
        errors="0",
        skipped="0",
    )
    for report in output.reports:
        path = report.path or "<text>"
        case = ET.SubElement(suite, "testcase", classname="notelint", name=path, file=path)
        for f in report.findings:
            if f.severity is Severity.info:
                continue
            fail = ET.SubElement(
                case, "failure", message=f"{f.rule}: {f.message}", type=f.severity.value
            )
            fail.text = f"{path}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}"
        infos = [f for f in report.findings if f.severity is Severity.info]
        if infos:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(
                f"{path}:{f.line}:{f.column}: info {f.rule} {f.message}" for f in infos
            )
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
