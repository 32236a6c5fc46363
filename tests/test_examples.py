"""Every rule against the examples table (tests/examples/*.yaml), plus the meta-test."""

from __future__ import annotations

import pytest

from examples_table import EXAMPLES_DIR, Example, fires, load_examples, run_example
from notelint._registry import discover

EXAMPLES = load_examples()
MIN_PER_KIND = 3  # pass and fail examples per rule and language, at the very least
# Rules whose findings only make sense in a language-independent way still need both languages.


def _needs_languagetool(ex: Example) -> bool:
    cls = discover().get(ex.rule)
    return cls is not None and "languagetool" in cls.needs


@pytest.mark.parametrize(
    "ex",
    [
        pytest.param(
            e,
            id=e.key,
            marks=[
                *([pytest.mark.languagetool] if _needs_languagetool(e) else []),
                *([pytest.mark.xfail(strict=True, reason=e.known_miss)] if e.known_miss else []),
            ],
        )
        for e in EXAMPLES
    ],
)
def test_example(ex: Example) -> None:
    report = run_example(ex)
    got = fires(report, ex.rule)
    mine = [f for f in report.findings if f.rule == ex.rule]
    detail = "\n".join(
        f"  {f.line}:{f.column} {f.severity.value} {f.text!r}: {f.message}" for f in mine
    )
    if ex.expect == "fail":
        assert got, f"{ex.key}: expected {ex.rule} to fire, it did not.\n{detail}"
        for span in ex.spans:
            assert any(f.text == span for f in mine), (
                f"{ex.key}: no finding on {span!r}; got:\n{detail}"
            )
    else:
        assert not got, f"{ex.key}: expected no {ex.rule} finding, got:\n{detail}"


def test_every_rule_has_examples_in_each_language() -> None:
    by_rule: dict[str, list[Example]] = {}
    for ex in EXAMPLES:
        by_rule.setdefault(ex.rule, []).append(ex)
    missing = []
    for rid, cls in sorted(discover().items()):
        if not cls.__module__.startswith("notelint."):
            continue  # third-party plugins bring their own tests
        for lang in sorted(cls.languages):
            for kind in ("pass", "fail"):
                n = sum(1 for e in by_rule.get(rid, []) if e.lang == lang and e.expect == kind)
                if n < MIN_PER_KIND:
                    missing.append(f"{rid} {lang} {kind}: {n} < {MIN_PER_KIND}")
    assert not missing, f"rules without enough examples in {EXAMPLES_DIR}:\n" + "\n".join(missing)


def test_examples_name_existing_rules() -> None:
    known = discover()
    unknown = sorted({e.rule for e in EXAMPLES} - set(known))
    assert not unknown, f"example files for unknown rules: {unknown}"
