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


def test_user_pack_generic_words_are_no_evidence(tmp_path: object) -> None:
    """A coach's pack adds generic words: they leave the features and the specific evidence."""
    from pathlib import Path

    from notelint import Config
    from notelint._analysis import featurize
    from notelint._analysis.model import load_model
    from notelint._engine import RuleEnv, parse_note
    from notelint._packs import Packs

    folder = Path(str(tmp_path)) / "pack"
    folder.mkdir()
    (folder / "generic.yaml").write_text(
        "rule: no-conversation-reference\nlang: en\nentries: [synergy, flywheel]\n", "utf-8"
    )
    text = "Dear Ana,\n\nThank you for the synergy flywheel sketch.\n\nBest,\nKai\n"
    vocab = load_model("en").vocab

    def sentence(packs: tuple[str, ...]) -> object:
        config = Config.model_validate({"lang": "en", "packs": list(packs)})
        env = RuleEnv(config, Packs(packs))
        note = parse_note(text, path=None, config=config)
        return featurize(note, env, vocab)[2][0]

    plain, packed = sentence(()), sentence((str(folder),))
    assert {"synergy", "flywheel"} <= set(plain.evidence)  # type: ignore[attr-defined]
    assert packed.evidence == []  # type: ignore[attr-defined]
    assert len(packed.features) < len(plain.features)  # type: ignore[attr-defined]
