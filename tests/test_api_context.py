"""The library API's first hour (issue 13): a bad context raises, grammar=False, help()."""

from __future__ import annotations

import doctest
import pydoc

import pytest

import notelint
from notelint import Finding, Severity

TEXT = "Dear Ms. Ortiz,\n\nThank you for the tour of the Lisbon depot.\n\nBest,\nAlex Kim\n"


def test_unknown_context_key_raises_a_value_error_with_did_you_mean() -> None:
    """Regression: it came back as a front-matter finding at line 1 of a note without any."""
    with pytest.raises(notelint.ContextError) as info:
        notelint.check(TEXT, context={"interviewer": "Priya"}, grammar=False)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, notelint.NotelintError)
    assert "did you mean 'interviewers'?" in str(info.value)
    assert info.value.problems == [
        (
            "interviewer",
            "Unknown context key 'interviewer'; did you mean 'interviewers'?",
            "interviewers",
        )
    ]


def test_invalid_context_value_raises() -> None:
    with pytest.raises(ValueError, match="did you mean 'handwritten'"):
        notelint.check(TEXT, context={"channel": "handwriten"}, grammar=False)
    with notelint.Linter(grammar=False) as linter, pytest.raises(notelint.ContextError):
        linter.check(TEXT, context={"stage": "rejected-ish"})


def test_front_matter_in_the_text_stays_a_finding() -> None:
    report = notelint.check("---\ninterviewer: Priya\n---\n" + TEXT, grammar=False)
    (f,) = [f for f in report.findings if f.rule == "front-matter"]
    assert f.line == 2 and "did you mean 'interviewers'" in f.message


def test_grammar_false_skips_languagetool_everywhere(tmp_path) -> None:
    note = tmp_path / "n.md"
    note.write_text(TEXT, encoding="utf-8")
    for report in (
        notelint.check(TEXT, grammar=False),
        notelint.check_file(note, grammar=False),
        notelint.Linter(grammar=False).check(TEXT),
    ):
        assert report.skipped == ()
        assert not {f.rule for f in report.findings} & {"spelling", "grammar"}
    rules = {r.id for r in notelint.Linter(grammar=False).rules()}
    assert "spelling" not in rules and "grammar" not in rules and "placeholder" in rules


def test_help_shows_a_complete_example_that_runs() -> None:
    text = pydoc.render_doc(notelint, renderer=pydoc.plaintext)
    assert "context=" in text and "model_dump_json" in text and "ContextError" in text
    failures, tried = doctest.testmod(notelint, optionflags=doctest.ELLIPSIS)
    assert tried >= 8 and failures == 0


def test_one_severity_per_rule_span_and_message() -> None:
    """Engine guard: the same span with the same reason never yields a warning and an info."""
    from notelint._engine import _one_severity_per_reason

    def f(sev: Severity, msg: str = "Canned.") -> Finding:
        return Finding(
            rule="generic-phrase", severity=sev, message=msg, start=0, end=4,
            line=1, column=1, end_line=1, end_column=5, text="Dear",
        )  # fmt: skip

    kept = _one_severity_per_reason([f(Severity.info), f(Severity.warning), f(Severity.info, "x")])
    assert sorted((k.severity.value, k.message) for k in kept) == [
        ("info", "x"),
        ("warning", "Canned."),
    ]
