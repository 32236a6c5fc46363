"""The note's stage: from ``stage`` in the context, or inferred from a reply to a rejection.

Both rejection rules (``burned-bridge``, ``no-stay-in-touch``) ask :func:`rejection_stage`.
``stage: after-rejection`` means a rejection; ``stage: after-interview`` means not (the rules
stay silent). Without ``stage`` the body is read against the ``rejection-reply`` catalog
(rules/<lang>/rejection-reply.yaml): the note is taken as a reply to a rejection when the
weights of the cues found add up to at least 1 (a clear cue such as "although I was not
selected" weighs 1; a weaker one such as "thank you for letting me know" 0.5, so it needs a
second). Negated cues do not count; cues in a quoted email (``> ...`` lines) do.
Findings of inferred notes say so (:data:`INFERRED`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint._context import Stage
from notelint.rules._phrases import catalog_matchers, negated

if TYPE_CHECKING:
    from notelint._engine import RuleEnv
    from notelint._note import Note

CATALOG = "rejection-reply"
THRESHOLD = 1.0
INFERRED = " (this reads as a reply to a rejection; set `stage: after-rejection` to be explicit)"


@dataclass(frozen=True)
class StageGuess:
    rejection: bool  # the note replies to a rejection
    inferred: bool  # ... which was read from the body, not given as `stage`
    cues: tuple[str, ...] = ()  # the cue texts found (inferred notes)

    @property
    def suffix(self) -> str:
        """Appended to finding messages: says when the stage was inferred."""
        return INFERRED if self.inferred else ""


def infer_rejection(env: RuleEnv, note: Note) -> StageGuess:
    """Read the body: does it reply to a rejection? (Ignores ``stage``.)"""
    matchers = catalog_matchers(env, CATALOG, note.lang)
    total = 0.0
    cues: list[str] = []
    seen: set[str] = set()
    for m in matchers.main.find(note.doc, overlapping=True):
        if negated(m.span, note.lang) or m.item.pattern in seen:
            continue
        seen.add(m.item.pattern)
        total += m.item.weight
        cues.append(m.span.text)
    if total >= THRESHOLD:
        return StageGuess(True, True, tuple(cues))
    return StageGuess(False, True, tuple(cues))


def rejection_stage(env: RuleEnv, note: Note) -> StageGuess:
    """The stage of ``note`` for the rejection rules; computed once per note."""
    cached: StageGuess | None = note.__dict__.get("_rejection_stage")
    if cached is not None:
        return cached
    stage = note.context.stage
    if stage is Stage.after_rejection:
        guess = StageGuess(True, False)
    elif stage is Stage.after_interview:
        guess = StageGuess(False, False)
    else:
        guess = infer_rejection(env, note)
    note.__dict__["_rejection_stage"] = guess
    return guess
