"""Note structure: what stands around the message is set aside before judgement."""

from __future__ import annotations

import pytest

from notelint._analysis.structure import analyse_structure


def _parts(text: str, lang: str = "en") -> tuple[list[tuple[str, str]], str]:
    st = analyse_structure(text, lang)
    return [(p.kind, text[p.start : p.end]) for p in st.parts], text[st.message[0] : st.message[1]]


def test_header_salutation_signoff_and_signature() -> None:
    text = (
        "Alex Kim\n12 Elm Street\nMarch 3, 2026\n\nSubject: Thank you\n\nDear Ms. Ortiz,\n\n"
        "Thank you for the tour.\n\nBest regards,\nAlex Kim\n+1 555 0100\n"
    )
    parts, message = _parts(text)
    assert [k for k, _ in parts] == ["header", "salutation", "signoff", "signature"]
    assert parts[1][1] == "Dear Ms. Ortiz,"
    assert message == "Thank you for the tour."
    assert parts[3][1] == "Alex Kim\n+1 555 0100"


def test_several_salutations_on_one_line() -> None:
    text = "Sehr geehrte Frau Müller, sehr geehrter Herr Lang,\n\nDanke für das Gespräch.\n\nMit freundlichen Grüßen\nAlex"
    parts, message = _parts(text, "de")
    assert parts[0] == ("salutation", "Sehr geehrte Frau Müller, sehr geehrter Herr Lang,")
    assert message == "Danke für das Gespräch."


@pytest.mark.parametrize(
    "text, message",
    [
        ("Hi Lea, danke für den Call heute!\nJonas\n", "danke für den Call heute!"),
        (
            "Renee, Tony -\n\nThanks for the walk-through.\n\nMarcus\n",
            "Thanks for the walk-through.",
        ),
        ("Hey Emre,\nThanks again for the chat.\nBest, Sam\n", "Thanks again for the chat."),
        (
            "Grüezi Herr Keller\n\nMerci vielmal für das Gespräch.\n\nLG Anna\n",
            "Merci vielmal für das Gespräch.",
        ),
    ],
)
def test_message_is_what_stands_between(text: str, message: str) -> None:
    lang = "de" if any(w in text for w in ("danke", "Merci", "Grüezi")) else "en"
    assert _parts(text, lang)[1] == message


def test_a_note_without_letter_parts_is_all_message() -> None:
    text = "Thank you for meeting me. I enjoyed the demo of the scheduling tool."
    parts, message = _parts(text)
    assert parts == [] and message == text
