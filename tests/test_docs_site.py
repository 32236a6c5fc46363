"""The documentation site: builds with `mkdocs build --strict`; the config reference is complete."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notelint._config import Config, LanguageToolConfig
from notelint._context import CONTEXT_KEYS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_configuration_page_lists_every_key() -> None:
    text = (DOCS / "configuration.md").read_text("utf-8")
    documented = set(re.findall(r"^\| `([\w-]+)` \|", text, re.MULTILINE))
    for model in (Config, LanguageToolConfig):
        for name in model.model_fields:
            assert name.replace("_", "-") in documented, f"{name} is not in configuration.md"
    for key in CONTEXT_KEYS:
        assert key in documented, f"front matter key {key} is not in configuration.md"


def test_every_docs_page_is_in_the_nav_or_generated() -> None:
    import yaml

    nav = (ROOT / "mkdocs.yml").read_text("utf-8")
    pages = set(re.findall(r"[\w/-]+\.md", nav))
    for page in DOCS.rglob("*.md"):
        rel = page.relative_to(DOCS).as_posix()
        assert rel in pages or rel.startswith("rules/"), f"{rel} is not in mkdocs.yml nav"
    assert yaml.safe_load(nav.replace("!!", ""))["nav"]


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "mkdocs"
    if not exe.exists() and shutil.which("mkdocs") is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[dev]')")
    cmd = [str(exe) if exe.exists() else "mkdocs", "build", "--strict", "--site-dir"]
    r = subprocess.run(
        [*cmd, str(tmp_path / "site")],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    site = tmp_path / "site"
    for page in ("index.html", "templates/index.html", "rules/index.html", "ci/index.html"):
        assert (site / page).is_file(), page
    assert (site / "rules" / "placeholder" / "index.html").is_file()
    assert (site / "schema" / "output.schema.json").is_file()
