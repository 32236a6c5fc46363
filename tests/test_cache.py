"""The result cache and parallel runs: same output, no spaCy on a full cache hit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import notelint
from notelint._rule import Rule, RuleUnavailable

DRAFT = """---
interviewers: [Rita Izaguirre]
company: Jackson Spalding
---
Dear Ms. Izaguirre,

Thank you for the tour of the Atlanta office and the story about the [Project Name] launch.

Best,
Alex Kim
"""

RUN = """
import sys
from notelint._cli import main
rc = main(sys.argv[1:])
sys.stderr.write(f"spacy-imported={'spacy' in sys.modules}\\n")
sys.exit(rc)
"""


def _cli(cwd: Path, *args: str, cache_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NOTELINT_RESULT_CACHE_DIR": str(cache_dir)}
    env.pop("CI", None)
    return subprocess.run(
        [sys.executable, "-c", RUN, "check", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _drafts(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"d{i:02d}.md"
        p.write_text(DRAFT.replace("Atlanta", f"Atlanta {i}"), encoding="utf-8")
        out.append(p)
    return out


def test_full_cache_hit_does_not_import_spacy(tmp_path: Path) -> None:
    _drafts(tmp_path / "drafts", 3)
    cache = tmp_path / "cache"
    first = _cli(tmp_path, "drafts", cache_dir=cache)
    assert "spacy-imported=True" in first.stderr
    second = _cli(tmp_path, "drafts", cache_dir=cache)
    assert "spacy-imported=False" in second.stderr, second.stderr
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert "placeholder" in first.stdout
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    _drafts(tmp_path / "drafts", 1)
    cache = tmp_path / "cache"
    r = _cli(tmp_path, "--no-cache", "drafts", cache_dir=cache)
    assert "spacy-imported=True" in r.stderr
    assert not cache.exists()


def test_changed_note_misses_and_corrupt_entries_are_ignored(run_cli, tmp_path: Path) -> None:
    cache = Path(os.environ["NOTELINT_RESULT_CACHE_DIR"])
    (p,) = _drafts(tmp_path / "drafts", 1)
    # only a per-note rule: batch rules (wrong-company, duplicate-note) keep entries of their own
    first = run_cli("check", "--select", "placeholder", str(p))
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 1
    for e in entries:
        e.write_text("{not json", encoding="utf-8")
    assert run_cli("check", "--select", "placeholder", str(p)).out == first.out
    entries[0].write_text(json.dumps({"key": entries[0].stem, "rules": {"placeholder": [1]}}))
    assert run_cli("check", "--select", "placeholder", str(p)).out == first.out
    p.write_text(DRAFT.replace("[Project Name]", "harbour"), encoding="utf-8")
    assert "placeholder" not in run_cli("check", "--select", "placeholder", str(p)).out


def test_config_disables_cache(run_cli, tmp_path: Path) -> None:
    cache = Path(os.environ["NOTELINT_RESULT_CACHE_DIR"])
    (tmp_path / "notelint.toml").write_text("cache = false\n")
    (p,) = _drafts(tmp_path / "drafts", 1)
    run_cli("check", str(p))
    assert not list(cache.rglob("*.json"))


class _Flaky(Rule):
    """Test rule: unavailable until told otherwise.

    What it does:
        x
    Why it matters:
        x
    Example:
        x
    Better:
        x
    """

    id = "flaky-test"
    available = False
    calls = 0

    def check(self, note):  # type: ignore[no-untyped-def]
        type(self).calls += 1
        if not type(self).available:
            raise RuleUnavailable("LanguageTool is not installed")
        yield self.finding(note, 0, 4, "flaky")


def test_skipped_rules_are_not_cached(monkeypatch, tmp_path: Path) -> None:
    from notelint import _registry

    rules = dict(_registry.discover())
    rules["flaky-test"] = _Flaky
    monkeypatch.setattr(_registry, "_CACHE", rules)
    cfg = notelint.Config(select=["flaky-test", "placeholder"], root=str(tmp_path))
    with notelint.Linter(cfg, cache=True) as linter:
        r1 = linter.check(DRAFT, path="a.md")
    assert [s.rule for s in r1.skipped] == ["flaky-test"]
    _Flaky.available = True
    try:
        with notelint.Linter(cfg, cache=True) as linter:
            r2 = linter.check(DRAFT, path="a.md")
        assert "flaky-test" in {f.rule for f in r2.findings}
        calls = _Flaky.calls
        with notelint.Linter(cfg, cache=True) as linter:
            r3 = linter.check(DRAFT, path="a.md")
        assert _Flaky.calls == calls  # now it ran, its result came from the cache
        assert r3 == r2
    finally:
        _Flaky.available = False


def test_jobs_output_is_identical_to_serial(run_cli, tmp_path: Path) -> None:
    _drafts(tmp_path / "drafts", 6)
    (tmp_path / "drafts" / "bad.md").write_bytes(b"\xff\xfe\x00broken")
    serial = run_cli("check", "--no-cache", "--format", "json", str(tmp_path / "drafts"))
    parallel = run_cli(
        "check", "--no-cache", "--jobs", "2", "--format", "json", str(tmp_path / "drafts")
    )
    assert parallel.out == serial.out
    assert parallel.code == serial.code
    assert len(json.loads(serial.out)["reports"]) == 6


def test_progress_bar_only_on_a_terminal(monkeypatch, tmp_path: Path) -> None:
    import io

    from notelint._cli import Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    assert Progress.maybe(50, io.StringIO()) is None
    assert Progress.maybe(5, Tty()) is None
    bar = Progress.maybe(50, Tty())
    assert bar is not None
    bar.step()
    assert "1/50" in bar.stream.getvalue()  # type: ignore[attr-defined]
    monkeypatch.setenv("CI", "true")
    assert Progress.maybe(50, Tty()) is None
