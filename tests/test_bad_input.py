"""Bad input gets one clear line naming the file, exit 2, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOOD = "Dear Ms. Ortiz, thank you for the tour of the Lisbon office.\n"


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("latin1.md", "Liebe Frau M\xfcller".encode("latin-1"), "E001 is not valid UTF-8 text"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E002 looks like a binary file"),
        ("empty.md", b"", "E010 is empty"),
        ("blank.md", b"  \n\n", "E010 is empty"),
        ("huge.md", b"Thank you. " * 500_000, "E003 is"),
        (
            "broken.md",
            b"---\ninterviewers: [Rita\ncompany: Acme\n---\nHi\n",
            "E004 has broken YAML front matter",
        ),
        ("list.md", b"---\n- a\n- b\n---\nHi Rita\n", "E005 front matter must be a YAML mapping"),
        (
            "scalar.md",
            b"---\njust text\n---\nHi Rita\n",
            "E005 front matter must be a YAML mapping",
        ),
        (
            "unclosed.md",
            b"---\ncompany: Acme\nHi Rita, thanks.\n",
            "E009 has front matter that is never closed",
        ),
    ],
)
def test_bad_file(run_cli, write, name: str, content: bytes, expected: str) -> None:
    p = write(name, content)
    r = run_cli("check", str(p))
    assert r.code == 2
    line = _one_line(r.err)
    assert line.startswith(f"{p}: {expected}"), line


def test_yaml_python_tags_are_not_executed(run_cli, write) -> None:
    p = write("tag.md", b"---\ncompany: !!python/object/apply:os.system ['echo hacked']\n---\nHi\n")
    r = run_cli("check", str(p))
    assert r.code == 2 and "E004" in _one_line(r.err)


def test_missing_path(run_cli, tmp_path: Path) -> None:
    r = run_cli("check", str(tmp_path / "nope.md"))
    assert (
        r.code == 2
        and _one_line(r.err) == f"{tmp_path / 'nope.md'}: E008 does not exist; check the path"
    )


def test_folder_without_notes(run_cli, write, tmp_path: Path) -> None:
    write("empty/readme.py", "x = 1")
    r = run_cli("check", str(tmp_path / "empty"))
    assert r.code == 2 and "E007 contains no note files" in _one_line(r.err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(run_cli, write) -> None:
    p = write("locked.md", GOOD)
    p.chmod(0)
    r = run_cli("check", str(p))
    assert r.code == 2 and "E006 cannot be read" in _one_line(r.err)


def test_unreadable_file_via_directory_as_file(run_cli, tmp_path: Path, monkeypatch) -> None:
    # Root can read everything, so simulate an OS-level read error on open().
    p = tmp_path / "ok.md"
    p.write_text(GOOD)
    real_open = Path.open

    def failing_open(self: Path, *a, **k):  # type: ignore[no-untyped-def]
        if self.name == "ok.md":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", failing_open)
    r = run_cli("check", str(p))
    assert r.code == 2 and _one_line(r.err) == f"{p}: E006 cannot be read: Permission denied"


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('[tool.notelint]\nselekt = ["ALL"]\n', "unknown key (did you mean 'select'?)"),
        ('[tool.notelint]\nfail-level = "fatal"\n', "fail-level"),
        (
            '[tool.notelint]\nselect = ["placeholdr"]\n',
            "C003 names an unknown rule 'placeholdr' (did you mean 'placeholder'?)",
        ),
        ("[tool.notelint\nselect = 1\n", "C002 cannot be parsed as TOML"),
        (
            '[tool.notelint.rules.placeholder]\nseverity = "loud"\n',
            "C004 has invalid options for rule 'placeholder'",
        ),
        (
            '[tool.notelint.rules.placeholder]\ncolour = "red"\n',
            "C004 has invalid options for rule 'placeholder'",
        ),
        ('[tool.notelint.context]\nchannel = "pigeon"\n', "C001 is not a valid config"),
        ('[tool.notelint]\npacks = ["./nowhere"]\n', "C005"),
    ],
)
def test_invalid_config(run_cli, write, tmp_path: Path, config: str, expected: str) -> None:
    write("proj/pyproject.toml", config)
    write("proj/n.md", GOOD)
    r = run_cli("check", str(tmp_path / "proj" / "n.md"))
    assert r.code == 2
    line = _one_line(r.err)
    assert expected in line and "pyproject.toml" in line, line


def test_one_bad_file_does_not_hide_the_others(run_cli, write, tmp_path: Path) -> None:
    write("mix/a.md", "Dear [Interviewer Name], thank you.\n")
    write("mix/b.md", b"\xff\xfe\x00bin")
    r = run_cli("check", "--select", "placeholder", str(tmp_path / "mix"))
    assert r.code == 2
    assert "placeholder" in r.out and "a.md:1:6" in r.out
    assert "b.md: E002" in _one_line(r.err)


def test_api_raises_typed_errors(tmp_path: Path) -> None:
    import notelint

    p = tmp_path / "x.md"
    p.write_bytes(b"\xff\xfe")
    with pytest.raises(notelint.InputError) as exc:
        notelint.check_file(p)
    assert exc.value.code == "E001"
    with pytest.raises(notelint.InputError):
        notelint.check("---\n[broken\n---\nHi\n")
