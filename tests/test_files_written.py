"""docs/files.md is the whole list: the library and the CLI write nowhere else (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NOTE = "Dear Ms. Ortiz,\n\nThank you for the tour of the Lisbon depot.\n\nBest,\nAlex Kim\n"
SCRIPT = """
import sys, notelint
from notelint._cli import main
notelint.check(sys.argv[1], context={"interviewers": ["Maria Ortiz"]}, grammar=False)
notelint.check("Sehr geehrte Frau Berger,\\n\\nvielen Dank für das Gespräch.\\n", grammar=False)
sys.exit(main(["check", "--no-grammar", "--quiet", "--exit-zero", "drafts"]))
"""


def _run(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    (work / "drafts").mkdir(parents=True)
    (work / "drafts" / "a.md").write_text(NOTE, encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NOTELINT_", "XDG_"))}
    r = subprocess.run(
        [sys.executable, "-c", SCRIPT, NOTE],
        cwd=work,
        env={**base, "HOME": str(home), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    written = sorted(
        str(p.relative_to(tmp_path))
        for root in (home, work)
        for p in root.rglob("*")
        if p.is_file() and p != work / "drafts" / "a.md"
    )
    return r, written


@pytest.mark.slow
def test_only_the_documented_files_are_written(tmp_path: Path) -> None:
    r, written = _run(tmp_path)
    assert r.returncode == 0, r.stderr
    cache, results = "home/.cache/notelint/", "work/.notelint_cache/"
    assert [w for w in written if not w.startswith((cache, results))] == []
    folders = {w.removeprefix(cache).split("/")[0] for w in written if w.startswith(cache)}
    assert "lemmas" in folders  # the lexicon too, when name-misspelled needs it
    assert folders <= {"lemmas", "lexicon", "result-cache.key"}  # docs/files.md
    assert any(w.startswith(results) for w in written)
    documented = (Path(__file__).resolve().parents[1] / "docs" / "files.md").read_text("utf-8")
    for folder in sorted(folders - {"result-cache.key"}):
        assert f"`<cache>/{folder}/`" in documented


@pytest.mark.slow
def test_cache_dir_that_is_not_a_folder_writes_nothing(tmp_path: Path) -> None:
    r, written = _run(tmp_path, NOTELINT_CACHE_DIR=os.devnull, NOTELINT_RESULT_CACHE_DIR=os.devnull)
    assert r.returncode == 0, r.stderr
    assert written == []
