"""The rule reference is generated from docstrings, complete, and up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint._docs import generate
from notelint._registry import discover
from notelint._rule import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = {k: v for k, v in discover().items() if v.__module__.startswith("notelint.")}


@pytest.mark.parametrize("rule", sorted(BUILTIN))
def test_rule_docstring_has_every_section(rule: str) -> None:
    cls = BUILTIN[rule]
    sections = cls.doc_sections()
    missing = [s for s in SECTIONS if not sections.get(s)]
    assert not missing, f"{rule}: docstring lacks {missing}"
    assert cls.summary() and not cls.summary().endswith(":")


def test_docs_rules_up_to_date() -> None:
    out = ROOT / "docs" / "rules"
    expected = generate(out, BUILTIN)
    stale = [
        p.name for p, text in expected.items() if not p.exists() or p.read_text("utf-8") != text
    ]
    extra = sorted(p.name for p in out.glob("*.md") if p not in expected)
    assert not stale and not extra, f"run `make docs` (stale: {stale}, extra: {extra})"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = [b for b in readme.split("```")[1::2]]
    first_two = [b.strip().splitlines()[-1] for b in blocks[:2]]
    assert first_two == ["make lint-examples", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()
