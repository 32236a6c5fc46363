"""What the built wheel and sdist contain (issue 13: py.typed, LICENSE, a self-testing sdist)."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What the test suite reads besides itself: all of it must be in the sdist.
TESTS_READ = (
    "tests", "benchmarks", "examples", "rules", "src", "docs", "corpus", ".ci",
    "README.md", "mkdocs.yml", ".pre-commit-hooks.yaml", "Makefile", "pyproject.toml",
)  # fmt: skip


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if r.returncode != 0:
        pytest.fail(r.stdout + r.stderr)
    return out


def test_wheel_is_typed_and_licensed(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "notelint/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    meta = (
        zipfile.ZipFile(wheel)
        .read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        .decode()
    )
    assert "Typing :: Typed" in meta


def test_sdist_has_license_and_everything_its_tests_need(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert "LICENSE" in names
    tracked = subprocess.run(
        ["git", "ls-files", *TESTS_READ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    missing = [t for t in tracked if (ROOT / t).is_file() and t not in names]
    assert missing == []


def test_docs_do_not_promise_a_pypi_package() -> None:
    """Regression: the docs said `pip install notelint`, but it is on no package index."""
    for doc in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        for line in doc.read_text("utf-8").splitlines():
            if re.search(r"pip install notelint\b(?![/-])", line) and "does not work" not in line:
                raise AssertionError(f"{doc.name}: {line.strip()}")
    install = (ROOT / "docs" / "install.md").read_text("utf-8")
    assert "pipx install notelint/dist/notelint-0.1.0-py3-none-any.whl" in install


def test_design_changes_say_which_hand_written_code_stays_and_why() -> None:
    text = (ROOT / "docs" / "design-changes.md").read_text("utf-8")
    section = text.split("## Hand-written code a library could do", 1)[1].split("\n## ", 1)[0]
    for library in ("rich", "jinja2", "diskcache", "psutil"):
        assert library in section, library
