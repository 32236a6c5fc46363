"""The public Python API: surface, models, Linter reuse and thread safety."""

from __future__ import annotations

import threading
from pathlib import Path

import pydantic
import pytest

import notelint

NOTE = """---
interviewers: [Rita Izaguirre]
company: Jackson Spalding
---
Dear [Interviewer Name],

thank you for the tour of the food bank project. Best, Alex
"""


def test_public_surface_is_sorted_and_complete() -> None:
    assert notelint.__all__ == sorted(notelint.__all__)
    for name in (
        "check",
        "check_file",
        "Linter",
        "Config",
        "Context",
        "Finding",
        "Fix",
        "Report",
        "Rule",
        "Severity",
    ):
        assert name in notelint.__all__
        assert hasattr(notelint, name)


def test_check_returns_frozen_report() -> None:
    report = notelint.check(NOTE, config=notelint.Config(select=["placeholder"]))
    assert report.lang == "en" and report.path is None
    f = report.findings[0]
    assert (f.rule, f.severity, f.line, f.column, f.text) == (
        "placeholder",
        notelint.Severity.error,
        5,
        6,
        "[Interviewer Name]",
    )
    assert f.suggestions == ("Rita Izaguirre",)
    assert f.fix is not None and f.fix.applicability == "unsafe"
    with pytest.raises(pydantic.ValidationError):
        f.message = "changed"  # type: ignore[misc]
    assert '"rule":"placeholder"' in report.model_dump_json()
    assert report.score == 80


def test_context_argument_overrides_front_matter() -> None:
    report = notelint.check(
        "Dear [Interviewer Name], thanks.",
        context={"interviewers": ["Kofi Mensah"]},
        config=notelint.Config(select=["placeholder"]),
    )
    assert report.findings[0].suggestions == ("Kofi Mensah",)
    report = notelint.check(
        "Dear [Interviewer Name], thanks.",
        context=notelint.Context(recipient="Ana Silva"),
        config=notelint.Config(select=["placeholder"]),
    )
    assert report.findings[0].suggestions == ("Ana Silva",)


def test_config_accepts_snake_and_kebab_case() -> None:
    assert notelint.Config(fail_level="error").fail_level is notelint.Severity.error
    assert (
        notelint.Config.model_validate({"fail-level": "info"}).fail_level is notelint.Severity.info
    )
    with pytest.raises(notelint.ConfigError, match="no-such-key: unknown key"):
        notelint.Config.model_validate({"no-such-key": 1})


def test_check_file_uses_nearest_config(tmp_path: Path) -> None:
    (tmp_path / "notelint.toml").write_text(
        'select = ["placeholder"]\n[rules.placeholder]\nseverity = "info"\n'
    )
    p = tmp_path / "n.md"
    p.write_text(NOTE)
    report = notelint.check_file(p)
    assert report.path == str(p)
    assert [f.severity for f in report.findings] == [notelint.Severity.info]


def test_lang_detection_and_override() -> None:
    de = "Sehr geehrte Frau Müller, vielen Dank für das Gespräch über die Stelle und das Team."
    assert notelint.check(de).lang == "de"
    assert notelint.check("Dear Ms. Ortiz, thank you for the tour of the office.").lang == "en"
    assert notelint.check("---\nlang: de-AT\n---\nThank you for the tour.").lang == "de-AT"
    assert notelint.check(de, config=notelint.Config(lang="en-GB")).lang == "en-GB"


def test_linter_is_reusable_and_thread_safe() -> None:
    notes = [NOTE.replace("food bank", f"project {i}") for i in range(24)]
    with notelint.Linter(notelint.Config(select=["placeholder", "front-matter"])) as linter:
        serial = [linter.check(n).model_dump() for n in notes]
        results: dict[int, dict] = {}

        def work(i: int) -> None:
            results[i] = linter.check(notes[i]).model_dump()

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(notes))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [results[i] for i in range(len(notes))] == serial
        many = linter.check_many(notes, jobs=4)
        assert [r.model_dump() for r in many] == serial


def test_check_many_accepts_paths_text_and_inputs(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(NOTE)
    with notelint.Linter(notelint.Config(select=["placeholder"])) as linter:
        reports = linter.check_many([p, NOTE, notelint.NoteInput(text=NOTE, path="x.md")])
    assert [r.path for r in reports] == [str(p), None, "x.md"]
    assert all(len(r.findings) == 1 for r in reports)


def test_rule_unavailable_becomes_skipped() -> None:
    from notelint._engine import RuleSet, build_ruleset

    class Flaky(notelint.Rule):
        """Always unavailable.

        What it does:
            x
        Why it matters:
            x
        Example:
            x
        Better:
            x
        """

        id = "flaky"

        def check(self, note):  # type: ignore[no-untyped-def]
            raise notelint.RuleUnavailable("the service is down: run `fix-it`")

    linter = notelint.Linter(notelint.Config(select=["placeholder"]))
    rs: RuleSet = build_ruleset(notelint.Config(select=["placeholder"]))
    rs.rules.append(Flaky(env=rs.env))
    note, _ = linter.parse("Dear Ms. Ortiz, thanks.")
    report = linter.check_parsed([(note, rs)])[0]
    assert [(s.rule, s.reason) for s in report.skipped] == [
        ("flaky", "the service is down: run `fix-it`")
    ]


def test_score_drops_with_severity() -> None:
    from notelint._score import score

    def f(rule: str, sev: str) -> notelint.Finding:
        return notelint.Finding(
            rule=rule,
            severity=sev,
            message="m",
            start=0,
            end=1,
            line=1,
            column=1,
            end_line=1,
            end_column=2,
            text="x",
        )

    assert score([]) == 100
    assert score([f("a", "error")]) == 80
    assert score([f("a", "warning")]) == 92
    assert score([f("a", "info")]) == 98
    assert score([f("a", "error")] * 10) == 40  # capped at three per rule and severity
    assert score([f(str(i), "error") for i in range(10)]) == 0


def test_check_reuses_a_warm_linter_per_config() -> None:
    """Regression: notelint.check() built a new Linter (~15 ms) on every call."""
    from notelint import _shared_linter

    cfg = notelint.Config(select=["placeholder"])
    assert _shared_linter(cfg) is _shared_linter(notelint.Config(select=["placeholder"]))
    assert _shared_linter(cfg) is not _shared_linter(notelint.Config(select=["front-matter"]))
    assert _shared_linter(None) is _shared_linter(None)


def test_check_file_sees_an_edited_config(tmp_path: Path) -> None:
    import os

    cfg = tmp_path / "notelint.toml"
    cfg.write_text('select = ["placeholder"]\n')
    p = tmp_path / "n.md"
    p.write_text(NOTE)
    assert [f.severity.value for f in notelint.check_file(p).findings] == ["error"]
    cfg.write_text('select = ["placeholder"]\n[rules.placeholder]\nseverity = "info"\n')
    st = cfg.stat()
    os.utime(cfg, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert [f.severity.value for f in notelint.check_file(p).findings] == ["info"]


def test_failed_resource_is_retried_after_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a failed resource was remembered for the life of the process, so a warm
    shared Linter never saw LanguageTool come back after it was installed."""
    from notelint import _ruleset
    from notelint._engine import RESOURCE_FACTORIES, RuleEnv
    from notelint._packs import Packs

    calls: list[int] = []

    def factory(config: notelint.Config) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise notelint.RuleUnavailable("not installed: run `install`")
        return "ready"

    clock = [1000.0]
    monkeypatch.setattr(_ruleset.time, "monotonic", lambda: clock[0])
    monkeypatch.setitem(RESOURCE_FACTORIES, "test-resource", factory)
    env = RuleEnv(notelint.Config(), Packs())
    for _ in range(3):  # failing fast: the factory is not asked again at once
        with pytest.raises(notelint.RuleUnavailable, match="not installed"):
            env.resource("test-resource")
    assert len(calls) == 1
    clock[0] += _ruleset.RESOURCE_RETRY_S + 1
    assert env.resource("test-resource") == "ready"
    assert env.resource("test-resource") == "ready" and len(calls) == 2
