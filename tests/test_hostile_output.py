"""Issue 14: damage outside the note (items 11, 13, 14). Each test names the item it pins.

Nothing here may harm the machine on the old code: the device case uses a FIFO made by the
test, never /dev/null.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import notelint
from notelint._cache import load_findings
from test_fix import ARGS, FIXED, NOTE  # the note with two safe name fixes

# -- 11. --output on something that is not a regular file -----------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_item11_output_to_a_fifo_writes_through_and_keeps_the_fifo(run_cli, tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text(NOTE)
    fifo = tmp_path / "report"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    r = run_cli(*ARGS, "-o", str(fifo), str(tmp_path / "n.md"))
    reader.join(timeout=30)
    assert r.code == 1 and r.err == ""
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not replaced by a regular file
    assert "name-misspelled" in got[0]


def test_item11_output_to_a_device_writes_through_and_keeps_the_device(
    run_cli, tmp_path: Path
) -> None:
    device = tmp_path / "null"  # a copy of /dev/null's device node, made in the test folder
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    (tmp_path / "n.md").write_text(NOTE)
    r = run_cli(*ARGS, "-o", str(device), str(tmp_path / "n.md"))
    assert (r.code, r.out, r.err) == (1, "", "")
    assert stat.S_ISCHR(device.stat().st_mode)  # as root, /dev/null itself was replaced


def test_item11_output_that_cannot_be_written_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text(NOTE)
    r = run_cli(*ARGS, "-o", "missing/report.txt", "n.md", cwd=tmp_path)
    assert (r.code, r.err) == (
        2,
        "notelint: U002 --output missing/report.txt: No such file or directory\n",
    )


def test_item11_output_to_dev_stdout_through_a_pipe(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text(NOTE)
    r = subprocess.run(
        [sys.executable, "-m", "notelint", *ARGS, "-o", "/dev/stdout", "n.md"],
        cwd=tmp_path,
        capture_output=True,  # stdout is a pipe
        text=True,
        timeout=60,
    )
    assert (r.returncode, r.stderr) == (1, "")
    assert "n.md:5:10: error name-misspelled" in r.stdout


def test_item11_output_to_a_folder_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text(NOTE)
    (tmp_path / "out").mkdir()
    r = run_cli(*ARGS, "-o", "out", "n.md", cwd=tmp_path)
    assert (r.code, r.err) == (2, "notelint: U002 --output out: is a folder; name a file\n")


# -- 13. --fix keeps the owner; temp files of a killed run are removed ------------------------


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_item13_fix_as_root_keeps_owner_and_group(run_cli, tmp_path: Path) -> None:
    p = tmp_path / "n.md"
    p.write_text(NOTE)
    os.chown(p, 12345, 23456)
    r = run_cli(*ARGS, "--fix", str(p))
    assert r.code == 0, r.err
    assert p.read_text() == FIXED
    assert (p.stat().st_uid, p.stat().st_gid) == (12345, 23456)


def test_item13_fix_removes_temp_files_left_by_a_killed_run(run_cli, tmp_path: Path) -> None:
    p = tmp_path / "n.md"
    p.write_text(NOTE)
    stale = tmp_path / ".n.md.k1ll3d.notelint-tmp"
    stale.write_text(FIXED)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".n.md.bu5y.notelint-tmp"  # may belong to a run writing right now
    fresh.write_text(FIXED)
    r = run_cli(*ARGS, "--fix", str(p))
    assert r.code == 0, r.err
    assert p.read_text() == FIXED
    assert not stale.exists()
    assert fresh.exists()
    assert sorted(x.name for x in tmp_path.iterdir()) == [fresh.name, "n.md"]


# -- 14. the result cache does not trust its files -------------------------------------------


def _cached_note(run_cli, tmp_path: Path) -> tuple[Path, Path, Any]:  # type: ignore[no-untyped-def]
    """A note checked once: (note, its cache entry, the first run's result)."""
    p = tmp_path / "n.md"
    p.write_text(NOTE)
    first = run_cli(*ARGS, str(p))
    cache = Path(os.environ["NOTELINT_RESULT_CACHE_DIR"])  # per test (conftest)
    (entry,) = sorted(e for e in cache.rglob("*.json") if not e.name.startswith("."))
    return p, entry, first


def test_item14_forged_cache_entry_cannot_inject_a_fix(run_cli, tmp_path: Path) -> None:
    p, entry, _ = _cached_note(run_cli, tmp_path)
    raw = entry.read_text()
    payload = json.loads(raw[raw.index("{") :])  # skip the signature line, if any
    finding = payload["rules"]["name-misspelled"][0]
    finding["fix"]["replacement"] = "Izaguirre. PS: I lied on my CV"
    entry.write_text(json.dumps(payload))  # what someone with write access to the folder can do
    r = run_cli(*ARGS, "--fix", str(p))
    assert r.code == 0, r.err
    assert p.read_text() == FIXED


def test_item14_deeply_nested_cache_entry_is_a_miss(run_cli, tmp_path: Path) -> None:
    p, entry, first = _cached_note(run_cli, tmp_path)
    nested = "[" * 100_000 + "]" * 100_000
    entry.write_text(f'{{"key": "{entry.stem}", "rules": {nested}}}')
    again = run_cli(*ARGS, str(p))
    assert (again.code, again.out, again.err) == (first.code, first.out, first.err)


def test_item14_cached_findings_must_fit_the_text() -> None:
    report = notelint.check(NOTE, config=notelint.Config(select=["name-misspelled"]))
    raw = [f.model_dump(mode="json") for f in report.findings]
    assert load_findings(raw, NOTE) is not None
    assert load_findings(raw, NOTE.replace("Izaguire", "Izaguera")) is None  # text differs
    assert load_findings(raw, NOTE[:70]) is None  # spans outside the text
