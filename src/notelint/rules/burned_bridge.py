"""burned-bridge: bitter, hostile or accusatory tone in a reply to a rejection."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules._content import analysis, level, pinned_span
from notelint.rules._stage import INFERRED

INSTEAD = {
    "en": "say you were disappointed, thank them, and ask to stay in touch",
    "de": "sagen Sie, dass Sie enttäuscht sind, bedanken Sie sich und bitten Sie darum, in "
    "Kontakt zu bleiben",
}


class BurnedBridgeRule(Rule):
    """Bitter, hostile, sarcastic or accusatory tone in a reply to a rejection.

    What it does:
        In a note that replies to a rejection (`stage: after-rejection`, or, without a
        stage, a body the stage model reads as one), reads the sentence functions of the
        message (docs/content-model.md): a model trained on the labeled corpus gives each
        sentence a probability of being hostile (accusing, blaming, mocking, sarcastic,
        contemptuous, arguing with the decision), with the burned-bridge catalogs of the
        rule packs among its features. Such a sentence is an error at the calibrated
        threshold and an info finding in the band just below; a catalog phrase ("your loss",
        "a waste of my time", "Zeitverschwendung"; not negated, not quoted) always counts, so
        a pack can add phrases. Disappointment said graciously ("I was disappointed, but I
        understand") and calm requests for feedback are fine. When the stage was inferred,
        the message says so. With `stage: after-interview` the rule is silent.

    Why it matters:
        Recruiters keep a short list of impressive candidates and call them first when
        something fits. A bitter reply takes you off that list for good, and hiring managers
        talk to each other.

    Example:
        Dear Ms. Ortiz, thank you for letting me know. Frankly, the whole process was a waste
        of my time, and I don't see how anyone could be more qualified than me. Your loss.

    Better:
        Dear Ms. Ortiz, thank you for letting me know. I was disappointed, but I understand,
        and I enjoyed learning about the analytics team. Please keep me in mind for future
        roles.
    """

    id = "burned-bridge"
    severity = Severity.error

    def check(self, note: Note) -> Iterable[Finding]:
        a = analysis(self, note)
        # not a reply to a rejection: nothing to say
        if not a.rejection:
            return
        suffix = INFERRED if a.stage_inferred else ""
        for s in a.sentences:
            if s.label == "structure":
                continue
            severity = level(self, s.p("hostility"), a)
            pinned = s.hits("burned-bridge")
            if pinned:
                severity = self.level
            if severity is None:
                continue
            why = next((e.why for e in pinned if e.why), None) or (
                "it reads as bitter, sarcastic or accusatory"
            )
            hint = next((e.instead for e in pinned if e.instead), None)
            start, end = pinned_span(note, s, self.id)
            yield self.finding(
                note,
                start,
                end,
                f"Burns a bridge after a rejection: {why.rstrip('.')}.{suffix}",
                suggestions=[hint or INSTEAD[note.lang]],
                severity=severity,
            )
