"""Property tests (hypothesis): arbitrary text and front matter never crash the linter, spans
are consistent, safe fixes converge, and odd suppression comments never break parsing.

Fixed example counts and no deadline keep the run short and stable (about 20 s in total).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import notelint
from notelint import Config, InputError, Linter, Report
from notelint._context import CONTEXT_KEYS
from notelint._fix import apply_fixes, safe_fixes
from notelint._registry import discover

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

# Every installed rule that runs without LanguageTool or a trained model.
OFFLINE_RULES = sorted(
    rid for rid, cls in discover().items() if not ({"languagetool", "spacy-model"} & set(cls.needs))
)


@pytest.fixture(scope="module")
def linter() -> Iterator[Linter]:
    with Linter(Config(select=OFFLINE_RULES, cache=False)) as lin:
        yield lin


# -- strategies ---------------------------------------------------------------------------

NAMES = ["Rita Izaguirre", "Jürgen Öztürk", "Siobhan Fitzgerald", "Anna Schröder"]
COMPANIES = ["Jackson Spalding", "Stadtwerke Kiel", "Harbor Analytics"]
LINE_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", " "])
FRAGMENTS = st.sampled_from(
    [
        "Dear Ms. Izaguire,",
        "Dear Rita Izaguirre,",
        "Sehr geehrte Frau Schröder,",
        "Thank you for your time and consideration.",
        "Vielen Dank für Ihre Zeit.",
        "I am the perfect fit for this role.",
        "Your point about the churn model stayed with me.",
        "I hope to stay in touch.",
        "[Company Name]",
        "{{ interviewer }}",
        "<Name>",
        "XYZ",
        "___",
        "Jackson Spaulding",
        "Best regards,\nJordan Lee",
        "Mit freundlichen Grüßen\nJana Krüger",
        "<!-- notelint-disable -->",
        "<!-- notelint-enable -->",
        "<!-- notelint-disable placeholder -->",
        "<!-- notelint-disable placeholder, generic-phrase -->",
        "<!-- notelint-disable-next-line -->",
        "<!-- notelint-disable-next-line placeholder -->",
        "<!-- notelint-disable-file placeholder -->",
        "<!-- notelint-disable no-such-rule -->",
        "<!-- notelint-enable placeholder",  # unclosed comment
        "<!-- <!-- notelint-disable --> -->",  # nested
        "<!--",
        "-->",
        "```\ncode [Company Name]\n```",
        "```\nunclosed fence",
        "`inline [Name]`",
        "https://example.org/[Company Name]",
        "rita@example.org",
        "---",
        "...",
        "\ufeff",
        "\u200b",
        "😀",
    ]
)
TEXT = st.text(max_size=80)


@st.composite
def bodies(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(FRAGMENTS, TEXT), max_size=12))
    seps = draw(st.lists(LINE_BREAKS, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


YAML_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(NAMES + COMPANIES + ["email", "handwritten", "after-rejection", "en", "de-AT"]),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
)
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=10), inner, max_size=3),
    ),
    max_leaves=8,
)
KEYS = st.one_of(st.sampled_from(CONTEXT_KEYS), st.text(min_size=1, max_size=12))


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """A YAML mapping with context keys and random keys/values, or random text between fences."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    if draw(st.booleans()):
        data = draw(st.dictionaries(KEYS, YAML_VALUES, max_size=6))
        inner = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    else:
        inner = draw(st.one_of(TEXT, FRAGMENTS)) + "\n"
    inner = inner.replace("\n", newline)
    closing = draw(st.sampled_from(["---", "...", "--- ", ""]))  # "" leaves it unclosed
    return "---" + newline + inner + (closing + newline if closing else "")


NOTES = st.one_of(
    TEXT,
    bodies(),
    st.builds(lambda fm, body: fm + body, front_matter(), bodies()),
    st.builds(lambda fm, body: fm + body, front_matter(), TEXT),
)


# -- invariants ---------------------------------------------------------------------------


def _position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), 1-based; a line ends at \\r\\n, \\n or \\r (recomputed independently)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]
    line = sum(1 for s in starts if s <= offset)
    return line, offset - starts[line - 1] + 1


def check_spans(text: str, report: Report) -> None:
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.text == text[f.start : f.end], f
        assert (f.line, f.column) == _position(text, f.start), f
        assert (f.end_line, f.end_column) == _position(text, f.end), f
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= len(text), f


def _check(linter: Linter, text: str, context: dict[str, Any] | None = None) -> Report | None:
    try:
        return linter.check(text, context=context)
    except InputError:
        return None  # broken front matter: the one allowed exception


# -- tests --------------------------------------------------------------------------------


@SETTINGS
@given(st.one_of(TEXT, st.builds(lambda fm, body: fm + body, front_matter(), TEXT)))
def test_check_never_raises_on_arbitrary_text(text: str) -> None:
    try:
        report = notelint.check(text)
    except InputError as exc:
        assert exc.code in {"E004", "E005", "E009"}, exc
        return
    check_spans(text, report)


@SETTINGS
@given(text=NOTES)
def test_spans_lie_inside_the_text_and_agree_with_line_and_column(
    linter: Linter, text: str
) -> None:
    report = _check(linter, text)
    if report is not None:
        check_spans(text, report)


@SETTINGS
@given(
    body=bodies(),
    interviewers=st.lists(st.sampled_from(NAMES), max_size=2),
    company=st.sampled_from(COMPANIES),
)
def test_context_from_the_api_never_breaks_checking(
    linter: Linter, body: str, interviewers: list[str], company: str
) -> None:
    report = _check(linter, body, {"interviewers": interviewers, "company": company})
    if report is not None:
        check_spans(body, report)


def _fix_once(linter: Linter, text: str, context: dict[str, Any]) -> tuple[str, bool]:
    """The text with safe fixes applied, and whether every safe fix could be applied."""
    report = linter.check(text, context=context)
    offered = {
        f.fix for f in report.findings if f.fix is not None and f.fix.applicability == "safe"
    }
    chosen = safe_fixes(report.findings)
    return apply_fixes(text, chosen), len(chosen) == len(offered)


@SETTINGS
@given(body=bodies(), interviewers=st.lists(st.sampled_from(NAMES), max_size=2))
def test_applying_safe_fixes_twice_equals_applying_them_once(
    linter: Linter, body: str, interviewers: list[str]
) -> None:
    context = {"interviewers": interviewers, "company": "Jackson Spalding"}
    try:
        once, complete = _fix_once(linter, body, context)
    except InputError:
        return
    if complete:  # nothing was held back for overlapping another fix: a second run is a no-op
        twice, _ = _fix_once(linter, once, context)
        assert twice == once


SUPPRESSIONS = st.sampled_from(
    [
        "<!-- notelint-disable -->",
        "<!-- notelint-disable placeholder -->",
        "<!-- notelint-enable -->",
        "<!-- notelint-enable placeholder -->",
        "<!-- notelint-disable-next-line placeholder -->",
        "<!-- notelint-disable-file -->",
        "<!-- notelint-disable placeholder",
        "<!-- <!-- notelint-disable-next-line --> -->",
        "<!-- NOTELINT-DISABLE PLACEHOLDER -->",
        "<!--notelint-disable-->",
    ]
)


@st.composite
def suppressed_notes(draw: st.DrawFn) -> str:
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    fm_lines = ["company: Acme", "interviewers: [Rita Izaguirre]"]
    where = draw(st.sampled_from(["none", "front-matter-comment", "front-matter-value"]))
    comment = draw(SUPPRESSIONS)
    if where == "front-matter-comment":
        fm_lines.insert(1, "# " + comment)
    elif where == "front-matter-value":
        fm_lines.append("role: " + yaml.safe_dump(comment).strip().splitlines()[0])
    lines = draw(
        st.lists(
            st.one_of(SUPPRESSIONS, st.just("Dear [Company Name] team,"), st.just("Thanks, Rita.")),
            max_size=8,
        )
    )
    tail = draw(st.sampled_from(["", comment, comment + nl]))  # a directive at EOF
    front = "---" + nl + nl.join(fm_lines) + nl + "---" + nl if draw(st.booleans()) else ""
    return front + nl.join(lines) + (nl if lines else "") + tail


@SETTINGS
@given(text=suppressed_notes())
def test_suppression_comments_in_odd_places_never_break_parsing(linter: Linter, text: str) -> None:
    report = linter.check(text)  # no InputError either: the front matter here is valid YAML
    check_spans(text, report)
