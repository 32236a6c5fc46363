"""The content rules on top of the analysis: severity as configured, stage given or inferred."""

from __future__ import annotations

import notelint
from notelint import Config

CANNED = (
    "Dear Ms. Ortiz,\n\nThank you for the opportunity to interview for the position. I am very "
    "excited about the opportunity to join your team. I am confident that my skills make me "
    "a great fit. I look forward to hearing from you.\n\nBest regards,\nAlex Kim\n"
)
BITTER = (
    "Dear Mr. Brandt,\n\nThank you for letting me know. Frankly, the whole process was a waste "
    "of my time, and I doubt anyone even read my portfolio.\n\nAlex\n"
)


def _severities(text: str, rule: str, **cfg: object) -> set[str]:
    config = Config.model_validate({"select": [rule], "lang": "en", "cache": False, **cfg})
    return {f.severity.value for f in notelint.check(text, config=config).findings}


def test_generic_phrase_warns_on_a_canned_note_with_the_configured_severity() -> None:
    assert _severities(CANNED, "generic-phrase") == {"warning"}
    strict = {"rules": {"generic-phrase": {"severity": "error"}}}
    assert _severities(CANNED, "generic-phrase", **strict) == {"error"}
    quiet = {"rules": {"generic-phrase": {"severity": "info"}}}
    assert _severities(CANNED, "generic-phrase", **quiet) == {"info"}


def test_a_given_stage_wins_over_the_body() -> None:
    after_interview = {"context": {"stage": "after-interview"}}
    assert _severities(BITTER, "burned-bridge", **after_interview) == set()
    assert _severities(BITTER, "burned-bridge") == {"error"}  # inferred: a reply to a rejection
    report = notelint.check(
        BITTER, config=Config.model_validate({"select": ["burned-bridge"], "lang": "en"})
    )
    assert all("set `stage: after-rejection`" in f.message for f in report.findings)


def test_interview_rules_are_silent_on_a_rejection_reply() -> None:
    for rule in ("no-conversation-reference", "thanks-only", "generic-phrase"):
        assert _severities(BITTER, rule) <= {"info"}, rule
