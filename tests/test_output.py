"""End-to-end output of `notelint check`: the full and concise text, colour, statistics,
show-files/show-settings, and the gitlab, rdjson and junit formats (issue 13)."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

IZ = """---
interviewers: [Rita Izaguirre]
company: Jackson Spalding
---
Dear Ms. Izaguire,

Thank you for the tour of Jackson Spaulding's studio.

Best regards,
Alex Kim
"""
RITA = (
    "Dear [Interviewer Name],\n\nThank you for the tour of the Lisbon office.\n\nBest,\nAlex Kim\n"
)
RULES = ("--select", "name-misspelled,placeholder")

FULL = """\
drafts/iz.md:5:10: error name-misspelled 'Izaguire' looks like a misspelling of 'Izaguirre' (interviewer).
  |
5 | Dear Ms. Izaguire,
  |          ^^^^^^^^
  |
  = suggestion: Izaguirre
  = fix available: replace with 'Izaguirre' (`notelint check --fix` applies it)

drafts/iz.md:7:35: error name-misspelled 'Spaulding' looks like a misspelling of 'Spalding' (company).
  |
7 | Thank you for the tour of Jackson Spaulding's studio.
  |                                   ^^^^^^^^^
  |
  = suggestion: Spalding
  = fix available: replace with 'Spalding' (`notelint check --fix` applies it)

drafts/iz.md: score 60/100

drafts/rita.md:1:6: error placeholder Unfilled placeholder '[Interviewer Name]' (bracketed slot); replace it with the real name.
  |
1 | Dear [Interviewer Name],
  |      ^^^^^^^^^^^^^^^^^^
  |

drafts/rita.md: score 80/100

Found 3 findings (3 error) in 2 files.
[*] 2 fixable with `notelint check --fix` (`--diff` shows the changes).
"""


@pytest.fixture
def drafts(write, tmp_path: Path) -> Path:
    write("drafts/iz.md", IZ)
    write("drafts/rita.md", RITA)
    return tmp_path


def test_full_is_the_default_and_exact(run_cli, drafts: Path) -> None:
    r = run_cli("check", *RULES, "drafts", cwd=drafts)
    assert (r.code, r.err) == (1, "")
    assert r.out == FULL
    # `--format text` is the same format
    assert run_cli("check", *RULES, "--format", "text", "drafts", cwd=drafts).out == FULL


def test_concise_is_one_line_per_finding(run_cli, drafts: Path) -> None:
    r = run_cli("check", *RULES, "--output-format", "concise", "drafts", cwd=drafts)
    assert r.out.splitlines() == [
        "drafts/iz.md:5:10: error name-misspelled 'Izaguire' looks like a misspelling of 'Izaguirre' (interviewer).",
        "drafts/iz.md:7:35: error name-misspelled 'Spaulding' looks like a misspelling of 'Spalding' (company).",
        "drafts/rita.md:1:6: error placeholder Unfilled placeholder '[Interviewer Name]' (bracketed slot); replace it with the real name.",
        "Found 3 findings (3 error) in 2 files.",
    ]


def test_carets_line_up_after_wide_characters_and_tabs(run_cli, write, tmp_path: Path) -> None:
    write("w.md", "日本\tDear [Name],\n")
    r = run_cli("check", "--select", "placeholder", "w.md", cwd=tmp_path)
    line, carets = r.out.splitlines()[2:4]
    assert line == "1 | 日本\tDear [Name],"
    assert carets == "  |     \t     ^^^^^^"


def test_colour_follows_force_color_and_no_color(run_cli, drafts: Path, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run_cli("check", *RULES, "drafts/rita.md", cwd=drafts).out
    assert "\033[1;31merror\033[0m" in coloured and "\033[31m^^^" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR")
    assert "\033[" not in run_cli("check", *RULES, "drafts/rita.md", cwd=drafts).out
    # never in machine formats, and --color never wins over FORCE_COLOR
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR")
    assert "\033[" not in run_cli("check", *RULES, "--color", "never", "drafts", cwd=drafts).out
    assert "\033[" not in run_cli("check", *RULES, "--format", "json", "drafts", cwd=drafts).out


def test_statistics_counts_per_rule(run_cli, drafts: Path) -> None:
    r = run_cli("check", *RULES, "--statistics", "drafts", cwd=drafts)
    assert r.code == 1
    assert r.out == ("2  name-misspelled  error    [*] 2 fixable\n1  placeholder      error\n")
    data = json.loads(
        run_cli("check", *RULES, "--statistics", "--format", "json", "drafts", cwd=drafts).out
    )
    assert data[0] == {"rule": "name-misspelled", "count": 2, "severity": "error", "fixable": 2}


def test_show_files_lists_and_checks_nothing(run_cli, drafts: Path) -> None:
    r = run_cli("check", "--show-files", "drafts", cwd=drafts)
    assert (r.code, r.out) == (0, "drafts/iz.md\ndrafts/rita.md\n")


def test_show_settings_gives_config_context_and_rules(run_cli, drafts: Path, write) -> None:
    write("pyproject.toml", '[tool.notelint]\nignore = ["thanks-only"]\n')
    r = run_cli("check", "--no-grammar", "--show-settings", "drafts/iz.md", cwd=drafts)
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["config_file"].endswith("pyproject.toml")
    assert data["context"] == {"interviewers": ["Rita Izaguirre"], "company": "Jackson Spalding"}
    assert data["lang"] == "en" and data["lang_detected"] is True
    assert "name-misspelled" in data["rules"]
    assert "thanks-only" not in data["rules"] and "spelling" not in data["rules"]
    assert data["config"]["ignore"] == ["thanks-only"]


def test_gitlab_code_quality(run_cli, drafts: Path) -> None:
    r = run_cli("check", *RULES, "--format", "gitlab", "drafts", cwd=drafts)
    issues = json.loads(r.out)
    assert len(issues) == 3
    first = issues[0]
    assert first["check_name"] == "notelint:name-misspelled"
    assert first["severity"] == "major"
    assert first["location"] == {
        "path": "drafts/iz.md",
        "positions": {"begin": {"line": 5, "column": 10}, "end": {"line": 5, "column": 18}},
    }
    assert len({i["fingerprint"] for i in issues}) == 3
    again = json.loads(run_cli("check", *RULES, "--format", "gitlab", "drafts", cwd=drafts).out)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


def test_rdjson_uses_utf8_byte_columns(run_cli, write, tmp_path: Path) -> None:
    write("u.md", "Grüße, [Name] und so\n")
    r = run_cli("check", "--select", "placeholder", "--format", "rdjson", "u.md", cwd=tmp_path)
    doc = json.loads(r.out)
    assert doc["source"]["name"] == "notelint"
    (d,) = doc["diagnostics"]
    assert d["code"]["value"] == "placeholder" and d["severity"] == "ERROR"
    # "Grüße, " is 7 code points but 9 UTF-8 bytes
    assert d["location"] == {
        "path": "u.md",
        "range": {"start": {"line": 1, "column": 10}, "end": {"line": 1, "column": 16}},
    }


def test_rdjson_carries_fixes_as_suggestions(run_cli, drafts: Path) -> None:
    r = run_cli("check", *RULES, "--format", "rdjson", "drafts/iz.md", cwd=drafts)
    d = json.loads(r.out)["diagnostics"][0]
    assert d["suggestions"] == [
        {
            "range": {"start": {"line": 5, "column": 10}, "end": {"line": 5, "column": 18}},
            "text": "Izaguirre",
        }
    ]


def test_junit_counts_agree_with_one_failure_per_case(run_cli, drafts: Path) -> None:
    r = run_cli("check", *RULES, "--format", "junit", "drafts", cwd=drafts)
    root = ET.fromstring(r.out.split("\n", 1)[1])
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    for attr in ("tests", "failures", "errors", "skipped"):
        assert root.get(attr) == suite.get(attr), attr
    assert suite.get("tests") == str(len(cases)) == "2"
    assert suite.get("failures") == "2"
    assert [len(c.findall("failure")) for c in cases] == [1, 1]
    assert len((cases[0].find("failure").text or "").splitlines()) == 2  # type: ignore[union-attr]


def test_watch_checks_again_on_save(drafts: Path, monkeypatch, capsys) -> None:
    from notelint._cli import build_parser
    from notelint._cli_extras import watch

    monkeypatch.chdir(drafts)
    args = build_parser().parse_args(["check", *RULES, "--watch", "--no-cache", "drafts"])
    stop = threading.Event()
    err: list[str] = []

    class Err:
        def write(self, s: str) -> None:
            err.append(s)

        def flush(self) -> None:
            pass

    t = threading.Thread(target=watch, args=(args, Err()), kwargs={"stop": stop})
    t.start()
    try:
        deadline = time.monotonic() + 30
        while "".join(err).count("watching") < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        (drafts / "drafts" / "rita.md").write_text("Dear Ms. Ortiz,\n", encoding="utf-8")
        while "".join(err).count("watching") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        t.join(10)
    out = capsys.readouterr().out
    assert out.count("Found 3 findings") == 1
    assert "Found 2 findings (2 error) in 2 files." in out


def test_the_installed_command_prints_the_same_without_colour_in_a_pipe(drafts: Path) -> None:
    """End to end through the console script, like Vale's tests: a pipe gets no colour."""
    import os
    import shutil
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "notelint"
    if not exe.exists() and not shutil.which("notelint"):
        pytest.skip("the notelint console script is not installed")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    r = subprocess.run(
        [str(exe) if exe.exists() else "notelint", "check", *RULES, "drafts"],
        cwd=drafts,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (r.returncode, r.stdout) == (1, FULL)
