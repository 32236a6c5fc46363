"""CI outputs: SARIF validated against the SARIF 2.1.0 schema, GitHub annotations, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-2.1.0-rtm.5.json"

BAD = """---
company: Harbor Logistics
---
Dear [Interviewer Name],

Thank you for the tour of the depot, and for the tip about 50% fewer re-routes: a, b.

<!-- notelint-disable-next-line placeholder -->
Best regards,
Alex Kim
"""
GOOD = (
    "Dear Ms. Ortiz,\n\nThank you for the tour of the depot and the story about the re-routing.\n"
)


def _files(write) -> tuple[Path, Path]:
    return write("drafts/bad.md", BAD), write("drafts/good.md", GOOD)


def test_sarif_is_valid_sarif_2_1_0(run_cli, write) -> None:
    bad, good = _files(write)
    r = run_cli("check", "--format", "sarif", str(bad), str(good))
    assert r.code == 1
    doc = json.loads(r.out)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])
    run = doc["runs"][0]
    results = run["results"]
    assert {x["ruleId"] for x in results} == {"placeholder", "unused-suppression"}
    ph = next(x for x in results if x["ruleId"] == "placeholder")
    region = ph["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 6)
    assert region["snippet"]["text"] == "[Interviewer Name]"
    assert ph["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "drafts/bad.md"
    )
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert all(ids[x["ruleIndex"]] == x["ruleId"] for x in results)


def test_sarif_without_findings_is_valid(run_cli, write) -> None:
    _, good = _files(write)
    r = run_cli("check", "--format", "sarif", str(good))
    doc = json.loads(r.out)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.validate(doc, schema, cls=jsonschema.Draft4Validator)
    assert doc["runs"][0]["results"] == []


def test_github_annotations(run_cli, write) -> None:
    bad, _ = _files(write)
    r = run_cli("check", "--format", "github", str(bad))
    lines = r.out.splitlines()
    assert lines[0] == (
        f"::error file={bad},line=4,col=6,endLine=4,endColumn=24,title=notelint placeholder"
        "::Unfilled placeholder '[Interviewer Name]' (bracketed slot); replace it with the real name."
    )
    assert lines[1].startswith(f"::warning file={bad},line=8,")
    assert len(lines) == 2


def test_github_escapes_properties_and_data() -> None:
    from notelint._format.github import _data, _prop

    assert _prop("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert _data("50%\r\nx") == "50%25%0D%0Ax"


def test_junit_structure(run_cli, write) -> None:
    bad, good = _files(write)
    r = run_cli("check", "--format", "junit", str(bad), str(good))
    root = ET.fromstring(r.out.split("\n", 1)[1])
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [str(bad), str(good)]
    (failure,) = cases[0].findall("failure")  # one per test case, listing every finding
    assert failure.get("type") == "error"
    assert failure.get("message", "").startswith("2 findings; first: placeholder: Unfilled")
    assert (failure.text or "").splitlines()[0] == (
        f"{bad}:4:6: error placeholder Unfilled placeholder '[Interviewer Name]' (bracketed slot);"
        " replace it with the real name."
    )
    assert (failure.text or "").splitlines()[1].startswith(f"{bad}:")
    assert len((failure.text or "").splitlines()) == 2
    assert cases[1].findall("failure") == []
    for case in cases:
        assert set(case.attrib) == {"classname", "name", "file"}
