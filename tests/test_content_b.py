"""Unit tests: topic matching (no-conversation-reference) and the I/you balance (self-promotion)."""

from __future__ import annotations

import pytest

from notelint._nlp import make_doc
from notelint.rules._topics import find_topics, parse_topic

GENERIC = frozenset({"project", "projekt", "team", "trip"})


def referenced(topic: str, text: str, lang: str) -> bool:
    t = parse_topic(topic, lang, GENERIC)
    return bool(find_topics([t], make_doc(text, lang), lang)[topic])


@pytest.mark.parametrize(
    ("topic", "text", "lang"),
    [
        ("San Francisco trip", "I hope your trip to San Francisco went well.", "en"),
        ("Rebranding", "Thanks for telling me about the Rebranding-Projekt.", "en"),
        ("Rebranding", "Das Rebranding-Projekt klingt spannend.", "de"),
        ("Lagersystem", "die Umstellung des Lagersystems", "de"),
        ("Kundenportal", "der Kundenportal-Relaunch im Mai", "de"),
        ("Kundenportal-Relaunch", "der Relaunch des Kundenportals", "de"),
        ("Lager", "die Führung durch das Hochregallager", "de"),
        ("Kubernetes upgrade", "how you handled the Kubernets upgrade", "en"),
        ("dashboard for churn", "the churn dashboards you showed me", "en"),
        ("grant application", "the spring grant applications", "en"),
        ("Umzug nach Leipzig", "dass der Leipziger Umzug klappt", "de"),
        ("AI tooling", "the AI tooling you built", "en"),
    ],
)
def test_topic_is_found(topic: str, text: str, lang: str) -> None:
    assert referenced(topic, text, lang)


@pytest.mark.parametrize(
    ("topic", "text", "lang"),
    [
        ("Go services", "I hope it all goes well.", "en"),  # short common word
        ("AI tooling", "I said it again.", "en"),
        ("data team reorg", "Thanks for telling me about the team.", "en"),  # generic word only
        ("Projekt Nordlicht", "Danke für die Einblicke in Ihre Projekte.", "de"),
        ("Team-Event", "vielen Dank für das Gespräch mit dem Team.", "de"),
        ("San Francisco trip", "I enjoyed our conversation.", "en"),
        ("model", "the modal dialog", "en"),  # short word: no fuzzy match
    ],
)
def test_topic_is_not_found(topic: str, text: str, lang: str) -> None:
    assert not referenced(topic, text, lang)


def test_topic_words_order_free_within_window() -> None:
    far = "San Francisco is lovely. " + "Lorem ipsum dolor sit amet. " * 12 + "A trip."
    assert referenced("San Francisco trip", far, "en")  # "San Francisco" alone is enough


def test_user_pack_extends_generic_vocabulary(tmp_path: object) -> None:
    """A coach's pack adds a generic word: the note loses its only specific word and fires."""
    from pathlib import Path

    import notelint

    folder = Path(str(tmp_path)) / "pack"
    folder.mkdir()
    (folder / "generic.yaml").write_text(
        "rule: no-conversation-reference\nlang: en\nentries: [synergy]\n", "utf-8"
    )
    text = "Dear Ana,\n\nThank you for the interview and the synergy.\n\nBest,\nKai\n"
    cfg = {"select": ["no-conversation-reference"], "lang": "en"}
    plain = notelint.check(text, config=notelint.Config.model_validate(cfg))
    packed = notelint.check(
        text, config=notelint.Config.model_validate({**cfg, "packs": [str(folder)]})
    )
    assert not plain.findings
    assert [f.rule for f in packed.findings] == ["no-conversation-reference"]
