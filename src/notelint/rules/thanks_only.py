"""thanks-only: a note of thanks and pleasantries, nothing else."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules._content import analysis, message_span, note_level

SUGGEST = {
    "en": "Add one thing from the conversation (a project, a question, something they said) "
    "and why it makes you want the job.",
    "de": "Ergänzen Sie eine Sache aus dem Gespräch (ein Projekt, eine Frage, etwas, das Ihr "
    "Gegenüber gesagt hat) und warum sie Sie für die Stelle begeistert.",
}


class ThanksOnlyRule(Rule):
    """The note says nothing beyond thanks and a sign-off.

    What it does:
        Reads the sentence functions of the message (docs/content-model.md). When every
        sentence between the salutation and the sign-off is a thank-you or a pleasantry or
        closing line (the least probability of that over the sentences is the score), the
        note is thanks-only: a warning at the calibrated threshold, an info finding in the
        band just below. A thank-you that names something from the conversation ("thanks for
        the tour of the Rotterdam depot") is a specific reference, not thanks alone. Replies
        to a rejection are left to the rejection rules.

    Why it matters:
        A note that only thanks the interviewer for their time does little: it shows neither
        that you listened nor why you want the job. Recruiters read it as a formality.

    Example:
        Thank you for your time today. I appreciate the opportunity and look forward to
        hearing from you.

    Better:
        Thank you for your time today. Your story about rebuilding the returns process after
        the Black Friday backlog made me want to work on that team even more.
    """

    id = "thanks-only"
    severity = Severity.warning

    def check(self, note: Note) -> Iterable[Finding]:
        a = analysis(self, note)
        # replies to a rejection: the rejection rules judge them
        if a.rejection:
            return
        severity = note_level(self, a)
        if severity is None:
            return
        start, end = message_span(note, a)
        yield self.finding(
            note,
            start,
            end,
            "The note only thanks and signs off; add something specific from the conversation "
            "and why you want the role.",
            suggestions=[SUGGEST[note.lang]],
            severity=severity,
        )
