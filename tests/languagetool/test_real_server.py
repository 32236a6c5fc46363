"""Against the real LanguageTool server (one per session): matches, variants, offsets, install."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from notelint._languagetool import LanguageToolClient, _install, install

pytestmark = pytest.mark.languagetool


@pytest.fixture(scope="module")
def client(lt_client: LanguageToolClient) -> LanguageToolClient:
    return lt_client


def _by_category(matches: list) -> dict[str, list[str]]:  # type: ignore[type-arg]
    out: dict[str, list[str]] = {}
    for m in matches:
        out.setdefault(m.category, []).append(m.rule_id)
    return out


def test_install_is_a_noop_the_second_time(
    lt_installation: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_subprocess(*args: object, **kwargs: object) -> None:
        raise AssertionError("install ran a process although LanguageTool is installed")

    monkeypatch.setattr(subprocess, "run", no_subprocess)
    monkeypatch.setattr(_install.shutil, "which", lambda name: None)  # offline, no tools
    assert install() == lt_installation
    found = _install.find_installation()
    assert found is not None and found.version in _install.VERSIONS
    assert any(found.path.glob("lib/languagetool-server-*.jar")) or found.method == "download"
    assert not any(found.path.glob("lib/language-all-*.jar"))


def test_health_and_url(lt_client: LanguageToolClient) -> None:
    from notelint._languagetool._server import is_healthy

    assert lt_client.url.startswith("http://127.0.0.1:")
    assert is_healthy(lt_client.url)


def test_english_typo_and_grammar(client: LanguageToolClient) -> None:
    text = "Thank you for the convresation yesterday. I has enjoyed it."
    found = client.check(text, "en")
    typo = next(m for m in found if m.category == "TYPOS")
    assert text[typo.offset : typo.end] == "convresation"
    assert "conversation" in typo.replacements
    grammar = [m for m in found if m.category != "TYPOS"]
    assert grammar, _by_category(found)
    assert "has" in text[grammar[0].offset : grammar[0].end]


def test_german_typo_and_grammar(client: LanguageToolClient) -> None:
    text = "Vielen Dank für das Gesprech. Ich habe der Projekt sehr interessant gefunden."
    found = client.check(text, "de")
    typo = next(m for m in found if m.category == "TYPOS")
    assert text[typo.offset : typo.end] == "Gesprech"
    assert "Gespräch" in typo.replacements
    grammar = [m for m in found if m.category == "GRAMMAR"]
    assert grammar and "der Projekt" in text[grammar[0].offset : grammar[0].end]


def test_clean_text_has_no_matches(client: LanguageToolClient) -> None:
    assert client.check("Thank you for the conversation about the new office.", "en-US") == []


def test_en_gb_accepts_colour_en_us_does_not(client: LanguageToolClient) -> None:
    text = "I liked the colour of the new logo."
    assert [m.rule_id for m in client.check(text, "en-GB")] == []
    us = client.check(text, "en-US")
    assert [text[m.offset : m.end] for m in us] == ["colour"]
    assert "color" in us[0].replacements


def test_de_ch_flags_eszett_de_de_does_not(client: LanguageToolClient) -> None:
    text = "Ich freue mich auf die Strasse und die Straße."
    ch = client.check(text, "de-CH")
    assert [text[m.offset : m.end] for m in ch if m.category == "TYPOS"] == ["Straße"]
    de = client.check(text, "de-DE")
    assert "Strasse" in [text[m.offset : m.end] for m in de]
    assert "Straße" not in [text[m.offset : m.end] for m in de]


def test_de_at_variant_works(client: LanguageToolClient) -> None:
    assert client.check("Vielen Dank für das Gespräch im Jänner.", "de-AT") == []


def test_utf16_offsets_with_emoji_and_astral_text(client: LanguageToolClient) -> None:
    text = "😀 Thanks 👍🏽 for teh tour of the 𝓛ab. 🎉🎉 I realy enjoyed it."
    found = client.check(text, "en-US")
    spans = [text[m.offset : m.end] for m in found if m.category == "TYPOS"]
    # '𝓛ab' starts with a non-BMP letter: two UTF-16 units inside the match, one code point.
    assert spans == ["teh", "𝓛ab", "realy"]
    for m in found:
        assert (
            m.context[m.context_offset : m.context_offset + m.context_length]
            == text[m.offset : m.end]
        )


def test_disabled_rules_and_categories(client: LanguageToolClient) -> None:
    text = "I has a apple and a tset."
    all_rules = {m.rule_id for m in client.check(text, "en")}
    assert "EN_A_VS_AN" in all_rules
    fewer = client.check(text, "en", disabled_rules=["EN_A_VS_AN"], disabled_categories=["TYPOS"])
    assert "EN_A_VS_AN" not in {m.rule_id for m in fewer}
    assert all(m.category != "TYPOS" for m in fewer)
