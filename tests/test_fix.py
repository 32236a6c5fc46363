"""The fix machinery: --fix, --diff, atomic writes, idempotency, overlapping edits."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from notelint._fix import OverlappingFixes, apply_fixes, safe_fixes, unified_diff
from notelint._io import atomic_write
from notelint._models import Finding, Fix, Severity

NOTE = (
    "---\ninterviewers: [Rita Izaguirre]\ncompany: Jackson Spalding\n---\n"
    "Dear Ms. Izaguire,\n\nThank you for the tour of Jackson Spaulding's studio.\n\n"
    "Best regards,\nAlex Kim\n"
)
FIXED = NOTE.replace("Izaguire,", "Izaguirre,").replace("Spaulding", "Spalding")
ARGS = ("check", "--select", "name-misspelled")


def _finding(start: int, end: int, rep: str, safe: bool = True) -> Finding:
    return Finding(
        rule="x",
        severity=Severity.error,
        message="m",
        start=start,
        end=end,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        text="",
        fix=Fix(start=start, end=end, replacement=rep, applicability="safe" if safe else "unsafe"),
    )


def test_fix_applies_safe_name_fixes_and_keeps_the_mode(run_cli, write) -> None:
    p = write("rita.md", NOTE)
    os.chmod(p, 0o640)
    r = run_cli(*ARGS, "--fix", str(p))
    assert r.code == 0, r.out + r.err
    assert p.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert "fixed 2 findings" in r.err
    assert not [x for x in p.parent.iterdir() if x.name.endswith(".notelint-tmp")]


def test_fixing_twice_equals_fixing_once(run_cli, write) -> None:
    p = write("rita.md", NOTE)
    run_cli(*ARGS, "--fix", str(p))
    once = p.read_bytes()
    r = run_cli(*ARGS, "--fix", str(p))
    assert r.code == 0 and p.read_bytes() == once
    assert "fixed" not in r.err


def test_diff_output_is_exact_and_writes_nothing(run_cli, write) -> None:
    p = write("rita.md", NOTE)
    r = run_cli(*ARGS, "--diff", str(p))
    assert r.code == 1
    rel = str(p).lstrip("/")
    assert r.out == (
        f"--- a/{rel}\n+++ b/{rel}\n@@ -2,9 +2,9 @@\n"
        " interviewers: [Rita Izaguirre]\n company: Jackson Spalding\n ---\n-Dear Ms. Izaguire,\n+Dear Ms. Izaguirre,\n \n"
        "-Thank you for the tour of Jackson Spaulding's studio.\n"
        "+Thank you for the tour of Jackson Spalding's studio.\n \n Best regards,\n Alex Kim\n"
    )
    assert p.read_text(encoding="utf-8") == NOTE


def test_fix_on_stdin_prints_the_fixed_text(run_cli) -> None:
    r = run_cli(*ARGS, "--fix", "-", stdin=NOTE)
    assert r.out == FIXED
    assert r.code == 0


def test_fix_on_stdin_without_fixes_echoes_the_text(run_cli) -> None:
    r = run_cli(*ARGS, "--fix", "-", stdin=FIXED)
    assert r.out == FIXED


@pytest.mark.parametrize("target", ["replace", "fsync"])
def test_failing_write_leaves_the_original_intact(
    run_cli, write, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    p = write("rita.md", NOTE)

    def boom(*a: object, **k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, target, boom)
    r = run_cli(*ARGS, "--fix", str(p))
    assert r.code == 2
    assert "E011" in r.err and "No space left on device" in r.err
    assert p.read_text(encoding="utf-8") == NOTE
    assert [x.name for x in p.parent.iterdir()] == ["rita.md"]


def test_atomic_write_failure_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "n.md"
    p.write_text("before", encoding="utf-8")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("nope")))
    with pytest.raises(OSError):
        atomic_write(p, "after")
    assert p.read_text(encoding="utf-8") == "before"
    assert [x.name for x in tmp_path.iterdir()] == ["n.md"]


def test_atomic_write_follows_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("before", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write(link, "after")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "after"


def test_fix_keeps_a_byte_order_mark(run_cli, write) -> None:
    p = write("bom.md", "")
    p.write_bytes(b"\xef\xbb\xbf" + NOTE.encode())
    run_cli(*ARGS, "--fix", str(p))
    assert p.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()


def test_overlapping_fixes_are_refused() -> None:
    with pytest.raises(OverlappingFixes):
        apply_fixes(
            "abcdef", [Fix(start=0, end=3, replacement="x"), Fix(start=2, end=4, replacement="y")]
        )
    chosen = safe_fixes([_finding(0, 3, "x"), _finding(2, 4, "y"), _finding(4, 5, "z")])
    assert [(f.start, f.end) for f in chosen] == [(0, 3), (4, 5)]
    assert apply_fixes("abcdef", chosen) == "xdzf"


def test_unsafe_fixes_are_not_applied() -> None:
    assert safe_fixes([_finding(0, 1, "x", safe=False)]) == []


def test_diff_marks_a_missing_final_newline() -> None:
    assert unified_diff("n.md", "a", "b").endswith("+b\n\\ No newline at end of file\n")


def test_wrong_company_fix_is_never_applied(run_cli, write) -> None:
    text = "---\ncompany: Jackson Spalding\n---\nDear Rita,\n\nI'm excited to join Acme.\n"
    p = write("acme.md", text)
    r = run_cli("check", "--select", "wrong-company", "--fix", str(p))
    assert r.code == 1 and p.read_text(encoding="utf-8") == text
