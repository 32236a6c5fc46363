"""The pre-commit hook: the real pre-commit, in a temporary git repository of drafts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

GOOD = """Dear Ms. Ortiz,

Thank you for the tour of the Lisbon depot and the story about the night-shift pilot.

Best,
Alex Kim
"""
BAD = "Dear [Interviewer Name],\n\nThank you for the tour of the Lisbon depot.\n\nBest,\nAlex Kim\n"


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-m", "pre_commit"]


def _notelint() -> str:
    exe = Path(sys.executable).parent / "notelint"
    found = str(exe) if exe.exists() else shutil.which("notelint")
    if not found:
        pytest.skip("the notelint console script is not installed")
    return found


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_manifest_is_valid_for_pre_commit() -> None:
    r = subprocess.run(
        [*_pre_commit(), "validate-manifest", str(MANIFEST)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr
    (hook,) = yaml.safe_load(MANIFEST.read_text("utf-8"))
    assert hook["id"] == "notelint"
    assert hook["entry"] == "notelint check"
    assert hook["require_serial"] is True
    assert hook["types_or"] == ["markdown", "plain-text"]


def test_identify_tags_match_note_suffixes() -> None:
    from identify.identify import tags_from_filename

    (hook,) = yaml.safe_load(MANIFEST.read_text("utf-8"))
    wanted = set(hook["types_or"])
    for name in ("a.md", "a.markdown", "a.txt"):
        assert tags_from_filename(name) & wanted, name
    for name in ("a.py", "a.yaml", "a.json"):
        assert not tags_from_filename(name) & wanted, name


@pytest.mark.slow
def test_real_pre_commit_passes_good_drafts_and_blocks_a_placeholder(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (hook,) = yaml.safe_load(MANIFEST.read_text("utf-8"))
    # the manifest's hook, run from the installed notelint instead of a fresh hook env
    major = int(
        subprocess.run([*_pre_commit(), "--version"], capture_output=True, text=True)
        .stdout.split()[-1]
        .split(".")[0]
    )
    local = {
        **hook,
        "entry": f"{_notelint()} check --select placeholder,front-matter",
        "language": "unsupported" if major >= 4 else "system",
    }
    local.pop("minimum_pre_commit_version", None)
    repo = tmp_path / "notes"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pc-home"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.pop("CI", None)
    assert _run(["git", "init", "-q", "-b", "main"], repo, env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8"
    )
    r = _run([*_pre_commit(), "install"], repo, env)
    if r.returncode != 0 and "unsupported" in r.stdout + r.stderr:
        pytest.skip("this pre-commit does not know language: unsupported")
    assert r.returncode == 0, r.stdout + r.stderr
    (repo / "drafts").mkdir()
    (repo / "drafts" / "ortiz.md").write_text(GOOD, encoding="utf-8")
    (repo / "drafts" / "ortiz.txt").write_text(GOOD, encoding="utf-8")
    (repo / "script.py").write_text("print('[Company Name]')\n", encoding="utf-8")
    _run(["git", "add", "-A"], repo, env)
    ok = _run(["git", "commit", "-q", "-m", "good drafts"], repo, env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "notelint" in ok.stdout + ok.stderr and "Passed" in ok.stdout + ok.stderr

    (repo / "drafts" / "mensah.md").write_text(BAD, encoding="utf-8")
    _run(["git", "add", "-A"], repo, env)
    bad = _run(["git", "commit", "-q", "-m", "bad draft"], repo, env)
    out = bad.stdout + bad.stderr
    assert bad.returncode != 0
    assert "Failed" in out
    assert "drafts/mensah.md:1:6: error placeholder" in out
    assert "ortiz" not in out.split("Failed", 1)[1]  # only the staged file was checked


def _documented_config(path: Path) -> str:
    """The `.pre-commit-config.yaml` block of a document, exactly as written."""
    text = path.read_text("utf-8")
    blocks = [b for b in text.split("```yaml\n")[1:] if "# .pre-commit-config.yaml" in b]
    assert len(blocks) == 1, path
    return blocks[0].split("```", 1)[0]


def test_documented_config_is_the_same_everywhere_and_has_no_fake_rev() -> None:
    readme = _documented_config(ROOT / "README.md")
    assert readme == _documented_config(ROOT / "docs" / "pre-commit.md")
    assert "rev:" not in readme  # regression: `rev: v0.1.0` named a tag that does not exist
    for doc in (ROOT / "README.md", ROOT / "docs" / "pre-commit.md", MANIFEST):
        assert "v0.1.0" not in doc.read_text("utf-8"), doc


@pytest.mark.slow
def test_documented_config_works_as_written(tmp_path: Path) -> None:
    """The README's config, verbatim, in a new repository with notelint on PATH."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    bin_dir = str(Path(_notelint()).parent)
    repo = tmp_path / "notes"
    repo.mkdir()
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "pc-home"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.pop("CI", None)
    assert _run(["git", "init", "-q", "-b", "main"], repo, env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        _documented_config(ROOT / "README.md"), encoding="utf-8"
    )
    # the notes repository's own config keeps the test fast (no LanguageTool start)
    (repo / "notelint.toml").write_text('select = ["placeholder", "front-matter"]\n')
    r = _run([*_pre_commit(), "install"], repo, env)
    assert r.returncode == 0, r.stdout + r.stderr
    (repo / "drafts").mkdir()
    (repo / "drafts" / "ortiz.md").write_text(GOOD, encoding="utf-8")
    _run(["git", "add", "-A"], repo, env)
    ok = _run(["git", "commit", "-q", "-m", "good"], repo, env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout + ok.stderr
    (repo / "drafts" / "mensah.md").write_text(BAD, encoding="utf-8")
    _run(["git", "add", "-A"], repo, env)
    bad = _run(["git", "commit", "-q", "-m", "bad"], repo, env)
    assert bad.returncode != 0
    assert "drafts/mensah.md:1:6: error placeholder" in bad.stdout + bad.stderr
