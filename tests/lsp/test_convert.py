"""The pure parts of the language server: positions, carried-over findings, code actions."""

from __future__ import annotations

from lsprotocol import types

from notelint._lsp._convert import Positions, carry_over, code_actions, hover_markdown
from notelint._models import Finding, Fix, Severity


def _finding(text: str, word: str, rule: str = "spelling", **kw: object) -> Finding:
    start = text.index(word)
    return Finding(
        rule=rule,
        severity=Severity.error,
        message=f"{word}?",
        start=start,
        end=start + len(word),
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        text=word,
        **kw,  # type: ignore[arg-type]
    )


def test_positions_count_utf16_units_and_round_trip() -> None:
    text = "a😀b\r\nÄrger x\n"
    pos = Positions(text)
    assert pos.position(text.index("b")) == types.Position(0, 3)  # the emoji is 2 units
    assert pos.position(text.index("x")) == types.Position(1, 6)
    for offset in (0, 1, 2, 5, 11, len(text)):
        assert pos.offset(pos.position(offset)) == offset
    assert Positions(text, types.PositionEncodingKind.Utf8).position(2) == types.Position(0, 5)
    assert Positions(text, types.PositionEncodingKind.Utf32).position(2) == types.Position(0, 2)
    assert pos.offset(types.Position(9, 0)) == len(text)  # past the end: clamped


def test_carry_over_keeps_findings_outside_the_edit_shifted() -> None:
    old = "Thnak you. I liek it. Bset wishes."
    new = "Thnak you so much. I lik it. Bset wishes."
    found = [_finding(old, w) for w in ("Thnak", "liek", "Bset")]
    kept = carry_over(old, new, found)
    assert [new[f.start : f.end] for f in kept] == ["Thnak", "Bset"]  # the edited word is dropped


def test_code_actions_fix_suggestions_and_suppressions() -> None:
    text = "---\ncompany: Acme\n---\nDear Rita Izaguire,\n"
    f = _finding(
        text,
        "Izaguire",
        rule="name-misspelled",
        suggestions=("Izaguirre", "Izagirre"),
        fix=Fix(
            start=text.index("Izaguire"), end=text.index("Izaguire") + 8, replacement="Izaguirre"
        ),
    )
    body = text.index("Dear")
    acts = code_actions(
        [f], uri="file:///n.md", version=3, pos=Positions(text), body_start=body, fix_all=[f.fix]
    )  # type: ignore[list-item]
    titles = [a.title for a in acts]
    assert titles == [
        "notelint: replace 'Izaguire' with 'Izaguirre'",
        "notelint: replace 'Izaguire' with 'Izagirre'",
        "notelint: disable name-misspelled for this line",
        "notelint: disable name-misspelled for this file",
        "notelint: apply all safe fixes",
    ]
    assert acts[0].is_preferred and acts[-1].kind == "source.fixAll.notelint"
    disable_file = acts[3].edit.document_changes[0].edits[0]  # type: ignore[union-attr,index]
    assert disable_file.range.start == types.Position(3, 0)  # after the front matter
    unsafe = f.model_copy(update={"fix": f.fix.model_copy(update={"applicability": "unsafe"})})  # type: ignore[union-attr]
    acts = code_actions(
        [unsafe], uri="u", version=None, pos=Positions(text), body_start=body, only=["quickfix"]
    )
    assert "unsafe" in acts[0].title and not acts[0].is_preferred


def test_no_line_suppression_inside_front_matter() -> None:
    text = "---\nchanel: email\n---\nHi.\n"
    f = _finding(text, "chanel", rule="front-matter")
    acts = code_actions([f], uri="u", version=1, pos=Positions(text), body_start=text.index("Hi"))
    assert [a.title for a in acts] == ["notelint: disable front-matter for this file"]


def test_hover_labels_follow_the_note_language() -> None:
    text = "Liebe Frau Izaguire,"
    f = _finding(text, "Izaguire", suggestions=("Izaguirre",))
    assert "Vorschläge" in hover_markdown([f], {"spelling": "# spelling\n\nWhat it does"}, "de-AT")
    assert "Suggestions" in hover_markdown([f], {}, "en")
