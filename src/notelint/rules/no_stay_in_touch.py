"""no-stay-in-touch: a reply to a rejection without an ask to stay in touch."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._analysis.judge import body
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules._content import analysis, last_sentence, note_level
from notelint.rules._stage import INFERRED

ASK = {
    "en": "Please keep me in mind for future roles.",
    "de": "Gern bleibe ich mit Ihnen in Kontakt.",
}


class NoStayInTouchRule(Rule):
    """A reply to a rejection that does not ask to stay in touch or to be considered again.

    What it does:
        In a note that replies to a rejection (`stage: after-rejection`, or, without a stage,
        a body the stage model reads as one), reads the sentence functions of the message
        (docs/content-model.md): when no sentence asks to stay in touch, to be kept in mind
        or considered for future roles, or to connect (1 - the largest probability of such an
        ask is the score), it warns at the calibrated threshold and gives an info finding in
        the band just below. An entry of the no-stay-in-touch catalogs ("please keep me in
        mind", "gern bleibe ich mit Ihnen in Kontakt"; not negated, not quoted) always counts
        as an ask, so a pack can add phrases. The finding sits on the last sentence of the
        message. When the stage was inferred, the message says so.

    Why it matters:
        A rejection is not the end of the conversation. Recruiters keep a short list of
        impressive candidates and call them first when something fits; one line asking to
        stay in touch puts you on it.

    Example:
        Dear Mr. Brandt, thank you for letting me know that you decided to go with another
        candidate. I enjoyed our conversations about the data platform.

    Better:
        Dear Mr. Brandt, thank you for letting me know that you decided to go with another
        candidate. I enjoyed our conversations about the data platform; please keep me in mind
        if a similar role opens up.
    """

    id = "no-stay-in-touch"
    severity = Severity.warning

    def check(self, note: Note) -> Iterable[Finding]:
        a = analysis(self, note)
        # not a reply to a rejection: nothing to ask for
        if not a.rejection:
            return
        sents = body(a.sentences)
        # an empty body is another rule's business; an ask from the catalog is an ask
        if not sents or any(s.hits("no-stay-in-touch") for s in sents):
            return
        severity = note_level(self, a)
        if severity is None:
            return
        start, end = last_sentence(note, a)
        suffix = INFERRED if a.stage_inferred else ""
        yield self.finding(
            note,
            start,
            end,
            "No ask to stay in touch after a rejection: add one line such as "
            f"'{ASK[note.lang]}' Recruiters call the candidates on their short list first "
            f"when something fits.{suffix}",
            suggestions=[ASK[note.lang]],
            severity=severity,
        )
