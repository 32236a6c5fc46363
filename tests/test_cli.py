"""End-to-end CLI behaviour: exact text output, formats, exit codes, options."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

NOTE_BAD = """Dear [Interviewer Name],

Thank you for the tour of the Lisbon office.

Best,
Alex Kim
"""
NOTE_GOOD = """Dear Ms. Ortiz,

Thank you for the tour of the Lisbon office and the story about the harbour project.

Best,
Alex Kim
"""


def test_concise_output_is_exact(run_cli, write) -> None:
    p = write("drafts/rita.md", NOTE_BAD)
    r = run_cli("check", "--select", "placeholder", "--output-format", "concise", str(p))
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{p}:1:6: error placeholder Unfilled placeholder '[Interviewer Name]' (bracketed slot); replace it with the real name.",
        "Found 1 finding (1 error) in 1 file.",
    ]
    assert r.err == ""


def test_clean_file_exits_zero(run_cli, write) -> None:
    p = write("good.md", NOTE_GOOD)
    r = run_cli("check", "--select", "placeholder", str(p))
    assert (r.code, r.out) == (0, "All clear: 1 file checked, no findings.\n")


def test_exit_zero_and_fail_level(run_cli, write) -> None:
    p = write("bad.md", NOTE_BAD)
    assert run_cli("check", "--select", "placeholder", "--exit-zero", str(p)).code == 0
    # an error is at or above every fail level
    assert run_cli("check", "--select", "placeholder", "--fail-level", "error", str(p)).code == 1


def test_warning_below_fail_level_error_exits_zero(run_cli, write) -> None:
    p = write(
        "s.md",
        "<!-- notelint-disable-next-line placeholder -->\nDear Ms. Ortiz, thanks for the tour.\n",
    )
    r = run_cli(
        "check", "--select", "placeholder,unused-suppression", "--fail-level", "error", str(p)
    )
    assert "warning unused-suppression" in r.out
    assert r.code == 0
    assert run_cli("check", "--select", "placeholder,unused-suppression", str(p)).code == 1


def test_folder_is_recursed_for_note_suffixes(run_cli, write, tmp_path: Path) -> None:
    write("d/a.md", NOTE_BAD)
    write("d/sub/b.txt", NOTE_BAD)
    write("d/sub/c.markdown", NOTE_GOOD)
    write("d/ignored.py", "print('[Company Name]')")
    r = run_cli("check", "--select", "placeholder", "--format", "json", str(tmp_path / "d"))
    data = json.loads(r.out)
    assert sorted(Path(x["path"]).name for x in data["reports"]) == ["a.md", "b.txt", "c.markdown"]
    assert data["summary"] == {"files": 3, "findings": 2, "error": 2, "warning": 0, "info": 0}


def test_stdin(run_cli) -> None:
    r = run_cli("check", "--select", "placeholder", "-", stdin=NOTE_BAD)
    assert r.code == 1
    assert r.out.startswith("<stdin>:1:6: error placeholder")
    r = run_cli(
        "check", "--select", "placeholder", "--stdin-filename", "drafts/x.md", "-", stdin=NOTE_BAD
    )
    assert r.out.startswith("drafts/x.md:1:6:")


def test_json_output_offsets_point_at_the_text(run_cli, write) -> None:
    text = "---\ncompany: Acme\n---\nDear [Interviewer Name], thank you for the tour.\n"
    p = write("fm.md", text)
    data = json.loads(run_cli("check", "--select", "placeholder", "--format", "json", str(p)).out)
    f = data["reports"][0]["findings"][0]
    assert text[f["start"] : f["end"]] == "[Interviewer Name]" == f["text"]
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (4, 6, 4, 24)
    assert f["url"].endswith("/rules/placeholder/")
    assert data["tool"]["name"] == "notelint" and data["version"] == 1


def test_github_format(run_cli, write) -> None:
    p = write("g.md", NOTE_BAD)
    r = run_cli("check", "--select", "placeholder", "--format", "github", str(p))
    assert r.out == (
        f"::error file={p},line=1,col=6,endLine=1,endColumn=24,title=notelint placeholder::"
        "Unfilled placeholder '[Interviewer Name]' (bracketed slot); replace it with the real name.\n"
    )


def test_junit_format(run_cli, write) -> None:
    p = write("j.md", NOTE_BAD)
    q = write("k.md", NOTE_GOOD)
    r = run_cli("check", "--select", "placeholder", "--format", "junit", str(p), str(q))
    root = ET.fromstring(r.out)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [str(p), str(q)]
    assert len(cases[0].findall("failure")) == 1 and not cases[1].findall("failure")
    assert root.get("failures") == "1"


def test_output_file(run_cli, write, tmp_path: Path) -> None:
    p = write("o.md", NOTE_BAD)
    out = tmp_path / "report.json"
    r = run_cli(
        "check", "--select", "placeholder", "--format", "json", "--output", str(out), str(p)
    )
    assert r.out == ""
    assert json.loads(out.read_text())["summary"]["findings"] == 1


def test_select_unknown_rule_suggests(run_cli, write) -> None:
    p = write("u.md", NOTE_GOOD)
    r = run_cli("check", "--select", "placeholdr", str(p))
    assert r.code == 2
    assert (
        r.err.strip()
        == "notelint: U001 unknown rule 'placeholdr' (did you mean 'placeholder'?); `notelint rules` lists them"
    )


def test_ignore_removes_rule(run_cli, write) -> None:
    p = write("i.md", NOTE_BAD)
    r = run_cli("check", "--ignore", "placeholder", "--select", "placeholder,front-matter", str(p))
    assert r.code == 0


def test_rules_and_explain(run_cli) -> None:
    r = run_cli("rules", "--format", "json")
    ids = [x["id"] for x in json.loads(r.out)]
    assert "placeholder" in ids and ids == sorted(ids)
    r = run_cli("explain", "placeholder")
    assert r.code == 0 and "## Why it matters" in r.out and r.out.startswith("# placeholder")
    r = run_cli("explain", "placehold")
    assert r.code == 2 and "did you mean 'placeholder'" in r.err


def test_schema_command_matches_committed(run_cli) -> None:
    r = run_cli("schema")
    committed = (
        Path(__file__).resolve().parents[1] / "docs" / "schema" / "output.schema.json"
    ).read_text()
    assert json.loads(r.out) == json.loads(committed), "run `make docs` to regenerate docs/schema"


def test_usage_error_is_one_line(run_cli) -> None:
    r = run_cli("check", "--format", "yaml")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "invalid choice" in r.err


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    p = tmp_path / "n.md"
    p.write_text(NOTE_BAD)
    proc = subprocess.run(
        [sys.executable, "-m", "notelint", "check", "--select", "placeholder", str(p)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "placeholder" in proc.stdout


def test_per_file_ignores_and_severity_override(run_cli, write, tmp_path: Path) -> None:
    write(
        "proj/pyproject.toml",
        """
[tool.notelint]
select = ["placeholder"]
per-file-ignores = { "templates/**" = ["placeholder"] }

[tool.notelint.rules.placeholder]
severity = "warning"
""",
    )
    write("proj/templates/t.md", NOTE_BAD)
    write("proj/drafts/d.md", NOTE_BAD)
    r = run_cli("check", "--format", "json", str(tmp_path / "proj"))
    data = json.loads(r.out)
    by_name = {Path(x["path"]).name: x for x in data["reports"]}
    assert by_name["t.md"]["findings"] == []
    assert [f["severity"] for f in by_name["d.md"]["findings"]] == ["warning"]


def test_fix_and_diff_apply_only_safe_fixes(run_cli, write) -> None:
    text = "---\ninterviewer: Rita Izaguirre\n---\nDear Rita, thanks for the tour.\n"
    p = write("fix.md", text)
    r = run_cli("check", "--select", "front-matter", "--diff", str(p))
    assert r.code == 1
    assert "-interviewer: Rita Izaguirre\n+interviewers: Rita Izaguirre" in r.out
    assert p.read_text() == text  # --diff writes nothing
    r = run_cli("check", "--select", "front-matter", "--fix", str(p))
    assert r.code == 0, r.out + r.err
    assert p.read_text() == text.replace("interviewer:", "interviewers:")
    again = run_cli("check", "--select", "front-matter", "--fix", str(p))
    assert again.code == 0 and p.read_text() == text.replace("interviewer:", "interviewers:")


def test_summary_says_which_rules_were_not_checked(run_cli, write, tmp_path: Path) -> None:
    """Regression: "All clear" was printed while LanguageTool rules had been skipped."""
    write("proj/notelint.toml", '[languagetool]\nurl = "http://127.0.0.1:1"\ntimeout = 2\n')
    p = write("proj/good.md", NOTE_GOOD)
    r = run_cli("check", "--no-cache", "--select", "placeholder,spelling", str(p))
    assert r.code == 0
    assert r.out == (
        "All clear: 1 file checked, no findings. Not checked: spelling (the reason is on stderr).\n"
    )
    assert r.err.startswith("notelint: skipped spelling: ")
