"""The audit's fuzzing (issue 14): random notes, invariants on every finding.

A seeded generator builds notes from note fragments, hostile characters (zero-width and bidi
controls, lone CRs, astral characters, NUL), random Unicode, and front matter that is right,
wrong or broken. Every note must either be refused with an :class:`~notelint.InputError` or
give a report whose findings all hold the invariants below; nothing else may be raised.

CI runs 300 notes (a few seconds). The audit's size, or any other:

    NOTELINT_FUZZ_NOTES=10000 pytest tests/test_fuzz.py      # NOTELINT_FUZZ_SEED=N to vary
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterator

import pytest

from notelint import Config, InputError, Linter, NoteInput, Report, Severity
from notelint._fix import apply_fixes, safe_fixes
from notelint._registry import discover

NOTES = int(os.environ.get("NOTELINT_FUZZ_NOTES", "300"))
SEED = int(os.environ.get("NOTELINT_FUZZ_SEED", "14"))
BATCH = 50  # notes per check_many call: batch rules (duplicate-note) see them together

OFFLINE_RULES = sorted(
    rid for rid, cls in discover().items() if not ({"languagetool", "spacy-model"} & set(cls.needs))
)
FRAGMENTS = [
    "Dear Ms. Izaguire,", "Dear Rita Izaguirre,", "Sehr geehrte Frau Schröder,",
    "Thank you for your time and consideration.", "Vielen Dank für Ihre Zeit.",
    "I am the perfect fit for this role.", "Your point about the churn model stayed with me.",
    "I hope to stay in touch.", "Frankly, your process was a joke.", "[Company Name]",
    "{{ interviewer }}", "{{ company }}", "<Name>", "XYZ", "___", "Jackson Spaulding",
    "Best regards,\nJordan Lee", "Mit freundlichen Grüßen\nJana Krüger",
    "<!-- notelint-disable -->", "<!-- notelint-enable -->",
    "<!-- notelint-disable-next-line placeholder -->", "<!-- notelint-disable-file name-misspelled -->",
    "<!--", "-->", "```\ncode [Company Name]\n```", "`inline [Name]`",
    "https://example.org/[Company Name]", "rita@example.org", "---", "...",
]  # fmt: skip
HOSTILE = ["\u200b", "\u202e", "\u2066", "\u2069", "\u00ad", "\ufeff", "\r", "\r\n", "\x00",
           "😀", "𝒳", "\u0301", "\t", "\x0b", "\u2028", " " * 40, "İ", "ß", "ﬁ"]  # fmt: skip
KEYS = ["interviewers", "recipient", "sender", "company", "company_aliases", "role", "topics",
        "interview_at", "send_at", "channel", "stage", "lang", "template", "intervewers"]  # fmt: skip
VALUES = ["[Rita Izaguirre]", "Rita Izaguirre", "Jackson Spalding", "[churn model, Lisbon]",
          "2026-11-25T15:00:00-05:00", "2026-11-27", "email", "handwritten", "after-rejection",
          "en", "de-AT", "true", "false", "xx", "", "[]", "{a: 1}", "2025-13-01", "'unclosed"]  # fmt: skip
LINE_BREAK = re.compile(r"\r\n|\n|\r")


def _random_text(rng: random.Random) -> str:
    return "".join(chr(rng.choice([rng.randint(32, 0x2FF), rng.randint(0x300, 0xFFFF)]))
                   for _ in range(rng.randint(0, 30))).replace("\ud800", "")  # fmt: skip


def _body(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 14)):
        kind = rng.random()
        if kind < 0.6:
            part = rng.choice(FRAGMENTS)
        elif kind < 0.8:
            part = rng.choice(HOSTILE)
        else:
            part = _random_text(rng)
        if parts and rng.random() < 0.15:  # a hostile character inside a word
            cut = rng.randint(0, len(part))
            part = part[:cut] + rng.choice(HOSTILE) + part[cut:]
        parts.append(part + rng.choice(["\n", "\r\n", "\r", "\n\n", " ", ""]))
    return "".join(parts)


def _front_matter(rng: random.Random) -> str:
    nl = rng.choice(["\n", "\r\n", "\r"])
    lines = [f"{rng.choice(KEYS)}: {rng.choice(VALUES)}" for _ in range(rng.randint(0, 5))]
    closing = rng.choice(["---", "---", "...", ""])
    return "---" + nl + "".join(line + nl for line in lines) + (closing + nl if closing else "")


def notes(seed: int, n: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        text = (_front_matter(rng) if rng.random() < 0.6 else "") + _surrogate_free(_body(rng))
        yield text


def _surrogate_free(text: str) -> str:
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, counted independently of notelint."""
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line + 1, offset - starts[line] + 1


def check_invariants(text: str, report: Report, rules: set[str]) -> None:
    assert 0 <= report.score <= 100
    assert report.stats.words >= 0 and report.stats.sentences >= 0
    for f in report.findings:
        where = f"{f.rule} at {f.start}-{f.end} in {text!r}"
        assert f.rule in rules, where
        assert f.severity in Severity, where
        assert 0 <= f.start <= f.end <= len(text), where
        assert f.text == text[f.start : f.end], where
        assert (f.line, f.column) == _position(text, f.start), where
        assert (f.end_line, f.end_column) == _position(text, f.end), where
        assert f.message.strip(), where
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= len(text), where
    apply_fixes(text, safe_fixes(report.findings))  # chosen fixes never overlap


@pytest.fixture(scope="module")
def linter() -> Iterator[Linter]:
    with Linter(Config(select=OFFLINE_RULES, cache=False)) as lin:
        yield lin


def test_fuzzed_notes_hold_the_invariants(linter: Linter) -> None:
    rules = set(OFFLINE_RULES)
    all_notes = list(notes(SEED, NOTES))
    checked = refused = 0
    for i in range(0, len(all_notes), BATCH):
        chunk = all_notes[i : i + BATCH]
        items = [NoteInput(text, path=f"fuzz/{i + k}.md") for k, text in enumerate(chunk)]
        try:
            reports = linter.check_many(items)
        except InputError:  # one refused note refuses the call: check the notes one by one
            reports = []
            for item in items:
                try:
                    reports.append(linter.check_many([item])[0])
                except InputError:
                    refused += 1
                    reports.append(None)  # type: ignore[arg-type]
        for text, report in zip(chunk, reports, strict=True):
            if report is not None:
                check_invariants(text, report, rules)
                checked += 1
    assert checked + refused == NOTES
    assert checked > NOTES // 2, f"only {checked} of {NOTES} notes were checked (seed {SEED})"
