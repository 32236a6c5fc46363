"""name-misspelled on the name cases table (tests/name_cases.py), plus unit tests of folding."""

from __future__ import annotations

import pytest

from name_cases import CASES, NameCase
from notelint import Config, Linter
from notelint.rules._names import compare_word, fold, fold_translit

_LINTERS: dict[str, Linter] = {}


def lint(case: NameCase) -> list[tuple[str, str]]:
    linter = _LINTERS.get(case.lang)
    if linter is None:
        linter = Linter(Config.model_validate({"select": ["name-misspelled"], "lang": case.lang}))
        _LINTERS[case.lang] = linter
    report = linter.check(case.text, context=case.context)
    return [(f.text, f.fix.replacement if f.fix else "") for f in report.findings]


def test_table_is_large_and_varied() -> None:
    assert len(CASES) >= 80
    assert {c.lang for c in CASES} == {"en", "de"}
    assert sum(1 for c in CASES if not c.expect) >= 30  # correct names included


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_name_case(case: NameCase) -> None:
    assert lint(case) == list(case.expect)


def test_offsets_are_whole_file_code_points_after_non_bmp_characters() -> None:
    text = "---\ninterviewers: [Rita Izaguirre]\n---\n🎉 Dear Ms. Izaguire, thanks.\n"
    with Linter(Config.model_validate({"select": ["name-misspelled"], "lang": "en"})) as linter:
        f = linter.check(text).findings[0]
    assert text[f.start : f.end] == "Izaguire"
    assert (f.line, f.column) == (4, 12)
    assert f.fix is not None and f.fix.applicability == "safe"
    assert f.message == "'Izaguire' looks like a misspelling of 'Izaguirre' (interviewer)."


def test_ambiguous_match_is_a_suggestion_not_a_safe_fix() -> None:
    ctx = {"interviewers": ["Mara Lind", "Maria Lund"]}
    with Linter(Config.model_validate({"select": ["name-misspelled"], "lang": "en"})) as linter:
        findings = linter.check("Dear Ms. Lend, thanks for the tour.", context=ctx).findings
    assert len(findings) == 1
    assert findings[0].fix is not None and findings[0].fix.applicability == "unsafe"
    assert set(findings[0].suggestions) == {"Lind", "Lund"}


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("José", "jose"),
        ("Nguyễn", "nguyen"),
        ("Ó Súilleabháin", "o suilleabhain"),
        ("Ødegaard", "odegaard"),
        ("Yılmaz", "yilmaz"),
        ("Łukasz", "lukasz"),
        ("Weiß", "weiss"),
        ("Đorđević", "dordevic"),
        ("Sigurðardóttir", "sigurdardottir"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_transliteration_is_accepted_but_a_dropped_umlaut_is_not() -> None:
    assert fold_translit("Müller") == "mueller"
    assert compare_word("Mueller", "Müller") is not None
    assert compare_word("Mueller", "Müller")[0] == 1  # TRANSLIT: correct
    assert compare_word("Muller", "Müller")[0] == 2  # FOLD: flagged


def test_different_names_are_not_close() -> None:
    assert compare_word("Tom", "Rita") is None
    assert compare_word("Tim", "Tom") is None  # short names differ by one letter all the time
    assert compare_word("Lara", "Sara") is None


def test_lexicon_is_cached_on_disk_and_reused(tmp_path, monkeypatch) -> None:
    """Regression: the common-word list cost ~1.7 s per language on every CLI run."""
    from notelint.rules import _names

    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    built = _names._build_lexicon("en")
    monkeypatch.setattr(_names, "_LEXICON", {})
    assert _names.lexicon("en") == built
    (cached,) = (tmp_path / "lexicon").glob("en-*.txt")
    monkeypatch.setattr(_names, "_LEXICON", {})
    monkeypatch.setattr(_names, "_build_lexicon", lambda lang: frozenset({"never-built"}))
    assert _names.lexicon("en") == built  # read back from the file, not rebuilt
    cached.write_bytes(b"\xff\xfe broken")
    monkeypatch.setattr(_names, "_LEXICON", {})
    assert _names.lexicon("en") == frozenset({"never-built"})  # unreadable cache: rebuilt
