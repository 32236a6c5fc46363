"""Inline suppression comments."""

from __future__ import annotations

import notelint

CFG = notelint.Config(select=["placeholder", "unused-suppression"])


def rules_of(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in notelint.check(text, config=CFG).findings]


def test_disable_next_line() -> None:
    text = "Hi [Name],\n<!-- notelint-disable-next-line placeholder -->\nDear [Name],\nBye [Name]\n"
    assert rules_of(text) == [("placeholder", 1), ("placeholder", 4)]


def test_disable_enable_block() -> None:
    text = "<!-- notelint-disable placeholder -->\n[Name]\n[Company]\n<!-- notelint-enable -->\n[Date]\n"
    assert rules_of(text) == [("placeholder", 5)]


def test_disable_without_rules_means_all() -> None:
    assert rules_of("<!-- notelint-disable -->\n[Name] and [Company]\n") == []


def test_disable_file_anywhere() -> None:
    assert rules_of("[Name]\n\n[Company]\n<!-- notelint-disable-file placeholder -->\n") == []


def test_other_rule_is_not_suppressed() -> None:
    text = "<!-- notelint-disable-next-line front-matter -->\nDear [Name]\n"
    found = rules_of(text)
    assert ("placeholder", 2) in found


def test_unused_suppression_reported_with_unknown_rule_hint() -> None:
    report = notelint.check(
        "<!-- notelint-disable-file placeholdr -->\nDear Ms. Ortiz\n", config=CFG
    )
    (f,) = report.findings
    assert f.rule == "unused-suppression" and "did you mean 'placeholder'" in f.message


def test_unused_suppression_silent_when_rule_not_enabled() -> None:
    report = notelint.check(
        "<!-- notelint-disable-next-line front-matter -->\nDear Ms. Ortiz\n", config=CFG
    )
    assert report.findings == ()


def test_malformed_directives_are_not_directives() -> None:
    # A comment that runs over lines is one HTML comment: its content is not prose.
    assert rules_of("<!-- notelint-disable placeholder\nDear [Name]\n<!-- -->\n") == []
    # A colon or other junk makes it no directive at all; the slot after it is reported.
    assert rules_of("<!-- notelint-disable: placeholder -->\nDear [Name]\n") == [("placeholder", 2)]
    # An unclosed comment hides the rest of the note, like Markdown renders it.
    assert rules_of("Dear [Name]\n<!-- notelint-disable placeholder\n[Company]\n") == [
        ("placeholder", 1)
    ]
