"""What the content rules share: the note's analysis, its calibrated levels and spans.

The rules themselves (generic-phrase, thanks-only, self-promotion, burned-bridge,
no-stay-in-touch, no-conversation-reference) are thin: each reads the sentence functions of
:mod:`notelint._analysis` and the note-level score of :mod:`notelint._analysis.judge`, and
reports a warning (or the rule's configured severity) at or above the calibrated ``warn``
threshold, an info finding in the band between ``info`` and ``warn``, nothing below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notelint._analysis import NoteAnalysis, Sentence, analyse
from notelint._analysis.judge import DEFAULTS, body, score
from notelint._models import Severity

if TYPE_CHECKING:
    from notelint._note import Note
    from notelint._rule import Rule

INFERRED = " (this reads as a reply to a rejection; set `stage: after-rejection` to be explicit)"


def analysis(rule: Rule, note: Note) -> NoteAnalysis:
    return analyse(note, rule.env)


def thresholds(a: NoteAnalysis, rule_id: str) -> tuple[float, float]:
    d = DEFAULTS[rule_id]
    return a.threshold(rule_id, "warn", d["warn"]), a.threshold(rule_id, "info", d["info"])


def level(rule: Rule, value: float, a: NoteAnalysis, rule_id: str | None = None) -> Severity | None:
    """The rule's severity (as configured) at or above ``warn``, info in the middle band."""
    warn, info = thresholds(a, rule_id or rule.id)
    if value >= warn:
        return rule.level
    if value >= info:
        return Severity.info
    return None


def reaches_warn(a: NoteAnalysis, rule_id: str) -> bool:
    """Whether the note's score for ``rule_id`` reaches its calibrated ``warn`` threshold."""
    return score(rule_id, a.sentences) >= thresholds(a, rule_id)[0]


def note_level(rule: Rule, a: NoteAnalysis, rule_id: str | None = None) -> Severity | None:
    rid = rule_id or rule.id
    return level(rule, score(rid, a.sentences), a, rid)


def span(note: Note, s: Sentence) -> tuple[int, int]:
    """Whole-file offsets of a sentence."""
    return note.at(s.start), note.at(s.end)


def pinned_span(note: Note, s: Sentence, rule_id: str) -> tuple[int, int]:
    """Where a sentence's finding goes: the catalog phrase of ``rule_id`` when one matched in
    it (from a word start: "won't", not "n't"), else the whole sentence."""
    pin = s.hit_span(rule_id)
    if pin is None:
        return span(note, s)
    start, end = note.at(pin[0]), note.at(pin[1])
    while start > note.at(s.start) and not note.text[start - 1].isspace():
        start -= 1
    return start, end


def stage_suffix(a: NoteAnalysis) -> str:
    return INFERRED if a.rejection and a.stage_inferred else ""


def message_span(note: Note, a: NoteAnalysis) -> tuple[int, int]:
    """The whole message (first to last sentence), or the start of the body."""
    sents = body(a.sentences)
    if not sents:
        return note.body_start, note.body_start
    return note.at(sents[0].start), note.at(sents[-1].end)


def first_sentence(note: Note, a: NoteAnalysis) -> tuple[int, int]:
    sents = body(a.sentences)
    if not sents:
        return note.body_start, note.body_start
    return span(note, sents[0])


def last_sentence(note: Note, a: NoteAnalysis) -> tuple[int, int]:
    message = body(a.sentences)
    sents = [s for s in message if len(s.text.split()) >= 3] or message
    if not sents:
        return note.body_start, note.body_start
    return span(note, sents[-1])
