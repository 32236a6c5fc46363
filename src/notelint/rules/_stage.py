"""The note's stage: from ``stage`` in the context, or inferred from the body.

``stage: after-rejection`` means a reply to a rejection; ``stage: after-interview`` means
not. Without ``stage``, the note-level stage model of :mod:`notelint._analysis.judge` reads
the message (its words and the cues of the rejection-reply catalog). The rejection rules
(``burned-bridge``, ``no-stay-in-touch``) judge only replies to a rejection; the others
(``late-follow-up``, the after-interview content rules) stay silent on them. Findings on an
inferred stage say so (:data:`INFERRED`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint._analysis import analyse

if TYPE_CHECKING:
    from notelint._engine import RuleEnv
    from notelint._note import Note

INFERRED = " (this reads as a reply to a rejection; set `stage: after-rejection` to be explicit)"


@dataclass(frozen=True)
class StageGuess:
    rejection: bool  # the note replies to a rejection
    inferred: bool  # ... which was read from the body, not given as `stage`

    @property
    def suffix(self) -> str:
        """Appended to finding messages: says when the stage was inferred."""
        return INFERRED if self.inferred and self.rejection else ""


def rejection_stage(env: RuleEnv, note: Note) -> StageGuess:
    """The stage of ``note`` for the rules (computed once per note with its analysis)."""
    a = analyse(note, env)
    return StageGuess(a.rejection, a.stage_inferred)
