"""A separately installed plugin package registers a rule through the entry-point group."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent / "plugin_pkg"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(PKG),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return target


def _run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "notelint", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_plugin_rule_runs_through_the_cli(plugin_site: Path, tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text("Dear Ms. Ortiz,\n\nI am REALLY excited about the harbour project.\n")
    r = _run(plugin_site, "check", "--select", "demo-shouting", "--format", "concise", str(note))
    assert r.returncode == 1, r.stderr
    assert (
        r.stdout.splitlines()[0]
        == f"{note}:3:6: warning demo-shouting 'REALLY' reads as shouting. (suggestion: really)"
    )


def test_plugin_rule_is_listed_and_explained(plugin_site: Path) -> None:
    r = _run(plugin_site, "rules")
    assert "demo-shouting" in r.stdout and "placeholder" in r.stdout
    r = _run(plugin_site, "explain", "demo-shouting")
    assert "## Why it matters" in r.stdout


def test_broken_plugin_is_one_line_exit_2(tmp_path: Path) -> None:
    dist = tmp_path / "broken_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[notelint.rules]\nbroken = no_such_module:Rule\n")
    r = _run(tmp_path, "rules")
    assert r.returncode == 2
    assert (
        r.stderr.strip()
        == "notelint: P001 plugin 'broken' cannot be loaded: ModuleNotFoundError: No module named 'no_such_module'"
    )
