"""The spelling and grammar rules through the engine: offsets, names, source, skips, CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lt_helpers import FakeLT

import notelint
from notelint import Config
from notelint._languagetool import LanguageToolClient, _manager

NOTE = """---
interviewers: [Rita Izaguirre]
company: Jackson Spalding
---
Dear Ms. Izaguirre 👋,

thank you for teh tour of Jackson Spalding. 🎉 Rita Izaguirre's story about the food bank
rebrand stayed with me, and I has thought about it since.

Best regards,
Alex Kim
"""


def _cfg(**lt: Any) -> Config:
    return Config.model_validate(
        {"select": ["spelling", "grammar"], "lang": "en", "languagetool": lt}
    )


@pytest.mark.languagetool
def test_findings_have_whole_file_offsets_source_and_suggestions(
    lt_client: LanguageToolClient,
) -> None:
    report = notelint.check(NOTE, config=_cfg())
    by_rule = {f.rule: f for f in report.findings}
    typo = by_rule["spelling"]
    assert (typo.text, NOTE[typo.start : typo.end]) == ("teh", "teh")
    assert (typo.line, typo.column) == (7, 15)
    assert typo.severity.value == "error"
    assert typo.source is not None and typo.source.engine == "languagetool"
    assert typo.source.category == "TYPOS" and typo.source.rule.startswith("MORFOLOGIK_RULE_EN")
    assert "the" in typo.suggestions
    assert typo.fix is not None and typo.fix.applicability == "unsafe"
    grammar = by_rule["grammar"]
    assert NOTE[grammar.start : grammar.end] == grammar.text and "has" in grammar.text
    assert grammar.severity.value == "warning" and grammar.source is not None
    assert grammar.source.category != "TYPOS"
    # The names of the context, possessive included, are never spelling mistakes.
    assert not [f for f in report.findings if "Izaguirre" in f.text or "Spalding" in f.text]
    assert report.skipped == ()


@pytest.mark.languagetool
def test_surname_inside_a_sentence_is_not_a_typo_even_without_context(
    lt_client: LanguageToolClient,
) -> None:
    """Regression (held-out set): proper nouns unknown to the dictionary (surnames, places,
    brands) were spelling errors; a capitalized word inside an English sentence is a name."""
    body = NOTE.split("---\n", 2)[2]
    report = notelint.check(body, config=_cfg())
    spelled = [f.text for f in report.findings if f.rule == "spelling"]
    assert "Izaguirre" not in spelled and "teh" in spelled


@pytest.mark.languagetool
def test_front_matter_lang_variant_is_used(lt_client: LanguageToolClient) -> None:
    text = "---\nlang: en-GB\n---\nThank you for the talk about the colour of the new logo.\n"
    assert notelint.check(text, config=_cfg()).findings == ()
    text_us = text.replace("en-GB", "en-US")
    assert [f.text for f in notelint.check(text_us, config=_cfg()).findings] == ["colour"]


def test_not_installed_is_skipped_with_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_manager, "_managed", None)
    with notelint.Linter(_cfg()) as linter:  # a fresh linter: notelint.check reuses warm ones
        report = linter.check("Thank you for teh talk.")
    assert report.findings == ()
    assert {s.rule for s in report.skipped} == {"spelling", "grammar"}
    assert all("run `notelint languagetool install`" in s.reason for s in report.skipped)


def _utf16(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return len(text[:start].encode("utf-16-le")) // 2, len(sub.encode("utf-16-le")) // 2


def test_configured_url_and_utf16_offsets_through_the_engine(fake_lt: FakeLT) -> None:
    text = "---\ncompany: Acme\n---\n😀 Thanks for teh 𝒳-ray tour.\n"
    body = text.split("---\n", 2)[2]
    off, length = _utf16(body, "teh 𝒳-ray")
    fake_lt.matches(
        {"matches": [{"offset": off, "length": length, "message": "Odd phrase.",
                      "replacements": [{"value": "the X-ray"}],
                      "rule": {"id": "FAKE_RULE", "issueType": "grammar",
                               "category": {"id": "GRAMMAR"}},
                      "context": {"text": body, "offset": off, "length": length}}]}
    )  # fmt: skip
    report = notelint.check(text, config=_cfg(url=fake_lt.url))
    (finding,) = report.findings
    assert finding.text == "teh 𝒳-ray" == text[finding.start : finding.end]
    assert finding.source is not None and finding.source.rule == "FAKE_RULE"
    assert finding.suggestions == ("the X-ray",)


def test_crash_mid_run_skips_remaining_notes_without_waiting(fake_lt: FakeLT) -> None:
    calls: list[int] = []
    fake_lt.reset_connection()
    original = fake_lt.on_check

    def counting(handler: Any) -> None:
        calls.append(1)
        original(handler)

    fake_lt.on_check = counting
    with notelint.Linter(_cfg(url=fake_lt.url, timeout=5)) as linter:
        reports = linter.check_many(["Thanks for the talk.", "Thanks for the tour.", "Thanks!"])
    assert len(calls) == 1  # the first failure is remembered for the rest of the run
    for report in reports:
        assert {s.rule for s in report.skipped} == {"spelling", "grammar"}
        assert all("stopped mid-run" in s.reason for s in report.skipped)


def test_cli_require_languagetool_exits_2(
    run_cli: Callable[..., Any], write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    note = write("drafts/a.md", "Thank you for the talk about the warehouse.\n")
    url = "http://127.0.0.1:9"  # nothing listens on the discard port
    write("drafts/notelint.toml", f'lang = "en"\n[languagetool]\nurl = "{url}"\n')
    relaxed = run_cli("check", "--select", "spelling,grammar", str(note))
    assert relaxed.code == 0
    assert "skipped grammar, spelling" in relaxed.err and "does not answer" in relaxed.err
    strict = run_cli("check", "--select", "spelling,grammar", "--require-languagetool", str(note))
    assert strict.code == 2
    assert "LanguageTool is required but could not run" in strict.err
    out = run_cli("check", "--format", "json", "--select", "spelling", str(note))
    skipped = json.loads(out.out)["reports"][0]["skipped"]
    assert skipped and skipped[0]["rule"] == "spelling"


def test_after_a_failure_a_later_check_retries(
    fake_lt: FakeLT, monkeypatch: pytest.MonkeyPatch
) -> None:
    from notelint._languagetool import _notes

    monkeypatch.setattr(_notes, "RETRY_AFTER_S", 0.0)  # within it, notes are skipped at once
    with notelint.Linter(_cfg(url=fake_lt.url, timeout=5)) as linter:
        fake_lt.reset_connection()
        assert {s.rule for s in linter.check("Thanks for the talk.").skipped} == {
            "spelling",
            "grammar",
        }
        fake_lt.matches({"matches": []})  # the server is back
        assert linter.check("Thanks for the lunch.").skipped == ()
