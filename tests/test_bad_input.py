"""Bad input gets one clear line naming the file, exit 2, never a traceback.

The cases live in tests/bad_inputs/ (files on disk, driven by tests/bad_inputs/manifest.yaml);
this module runs them and checks what needs code: a bad file among good ones, the API errors.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

CATALOG = Path(__file__).resolve().parent / "bad_inputs"
MANIFEST: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (CATALOG / "manifest.yaml").read_text("utf-8")
)
GOOD = "Dear Ms. Ortiz, thank you for the tour of the Lisbon office.\n"


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _assert_line(actual: str, expected: str) -> None:
    if expected.endswith("..."):
        assert actual.startswith(expected[:-3]), f"{actual!r} does not start with {expected!r}"
    else:
        assert actual == expected


def _case_id(case: dict[str, Any]) -> str:
    return str(case.get("file") or case.get("name") or case.get("dir"))


def test_manifest_covers_every_file_on_disk() -> None:
    listed = {c["file"] for c in MANIFEST["files"]}
    assert listed == {p.name for p in (CATALOG / "files").iterdir()}
    dirs = {c["dir"] for c in MANIFEST["configs"]}
    assert dirs == {p.name for p in (CATALOG / "configs").iterdir() if p.is_dir()}


@pytest.mark.parametrize("case", MANIFEST["files"], ids=_case_id)
def test_bad_file(run_cli, tmp_path: Path, case: dict[str, Any]) -> None:
    src = CATALOG / "files" / case["file"]
    p = tmp_path / case["file"]
    shutil.copyfile(src, p)
    r = run_cli("check", str(p))
    assert r.code == 2
    _assert_line(_one_line(r.err), case["line"].format(path=p))


def _make(kind: str, p: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if kind == "huge":
        p.write_bytes(b"Thank you for the tour of the Lisbon office. " * 27_000)  # 1.2 MB
    elif kind == "unreadable":
        p.write_text(GOOD)
        real_open = os.open

        def failing_open(path: Any, *a: Any, **k: Any) -> Any:
            if Path(path).name == p.name:
                raise PermissionError(13, "Permission denied")
            return real_open(path, *a, **k)

        monkeypatch.setattr(os, "open", failing_open)
    elif kind in ("folder", "directory-as-note"):
        p.mkdir()
        (p / "readme.py").write_text("x = 1\n")
    elif kind == "missing":
        pass
    else:  # pragma: no cover - a typo in the manifest
        raise AssertionError(f"unknown generated kind {kind!r}")


@pytest.mark.parametrize("case", MANIFEST["generated"], ids=_case_id)
def test_generated_bad_input(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: dict[str, Any]
) -> None:
    p = tmp_path / case["name"]
    _make(case["kind"], p, monkeypatch)
    r = run_cli("check", str(p))
    assert r.code == 2
    _assert_line(_one_line(r.err), case["line"].format(path=p))


def _copy_case(name: str, dest: Path) -> Path:
    """Copy configs/NAME to ``dest``, renaming every ``X.in`` to ``X``."""
    shutil.copytree(CATALOG / "configs" / name, dest)
    for f in dest.rglob("*.in"):
        f.rename(f.with_name(f.name[: -len(".in")]))
    return dest


@pytest.mark.parametrize("case", MANIFEST["configs"], ids=_case_id)
def test_invalid_config(run_cli, tmp_path: Path, case: dict[str, Any]) -> None:
    folder = _copy_case(case["dir"], tmp_path / case["dir"]).resolve()
    r = run_cli("check", "note.md", cwd=folder)
    assert r.code == 2
    _assert_line(_one_line(r.err), case["line"].format(dir=folder))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(run_cli, write) -> None:
    p = write("locked.md", GOOD)
    p.chmod(0)
    r = run_cli("check", str(p))
    assert r.code == 2 and "E006 cannot be read" in _one_line(r.err)


def test_one_bad_file_does_not_hide_the_others(run_cli, write, tmp_path: Path) -> None:
    write("mix/a.md", "Dear [Interviewer Name], thank you.\n")
    write("mix/b.md", b"\xff\xfe\x00bin")
    r = run_cli("check", "--select", "placeholder", str(tmp_path / "mix"))
    assert r.code == 2
    assert "placeholder" in r.out and "a.md:1:6" in r.out
    assert "b.md: E002" in _one_line(r.err)


def test_every_bad_file_in_a_folder_is_reported_and_the_good_ones_checked(
    run_cli, tmp_path: Path
) -> None:
    folder = tmp_path / "drafts"
    shutil.copytree(CATALOG / "files", folder)
    (folder / "good-1.md").write_text("Dear [Interviewer Name], thank you for the chat.\n")
    (folder / "good-2.md").write_text(GOOD)
    r = run_cli("check", "--format", "json", "--no-grammar", str(folder))
    assert r.code == 2
    assert "Traceback" not in r.err
    errors = r.err.strip().splitlines()
    assert len(errors) == len(MANIFEST["files"])
    for case in MANIFEST["files"]:
        expected = case["line"].format(path=folder / case["file"])
        line = next(e for e in errors if e.startswith(f"{folder / case['file']}: "))
        _assert_line(line, expected)
    out = json.loads(r.out)
    paths = [Path(rep["path"]).name for rep in out["reports"]]
    assert paths == ["good-1.md", "good-2.md"]
    assert any(f["rule"] == "placeholder" for f in out["reports"][0]["findings"])


def test_api_raises_typed_errors(tmp_path: Path) -> None:
    import notelint

    p = tmp_path / "x.md"
    p.write_bytes(b"\xff\xfe")
    with pytest.raises(notelint.InputError) as exc:
        notelint.check_file(p)
    assert exc.value.code == "E001"
    with pytest.raises(notelint.InputError):
        notelint.check("---\n[broken\n---\nHi\n")


def test_api_impossible_date_is_an_input_error_not_a_crash() -> None:
    """Regression: `interview_at: 2025-13-01` raised a bare ValueError from the YAML loader."""
    import notelint

    with pytest.raises(notelint.InputError) as exc:
        notelint.check("---\ninterview_at: 2025-13-01\n---\nHi Rita, thanks.\n")
    assert exc.value.code == "E004"
