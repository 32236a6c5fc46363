"""self-promotion: "why I'm perfect for you" framing instead of why the candidate wants to be there."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._analysis import NoteAnalysis, Sentence
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules._content import analysis, level, pinned_span

INSTEAD = {
    "en": "say what draws you to the work you discussed, not why you are the right choice",
    "de": "sagen Sie, was Sie an der besprochenen Arbeit reizt, nicht warum Sie die Richtige oder "
    "der Richtige sind",
}


def claims(rule: Rule, a: NoteAnalysis) -> list[tuple[Sentence, Severity]]:
    """Sentences that argue why the writer is the right choice, with their severity.

    The model's P(self-claim) decides (warning at the calibrated threshold, info in the band
    below); a clear-cut entry of the self-promotion catalog in a sentence (not a borderline
    one, not negated, not quoted) is a warning too, so a pack can add phrases that always fire.
    """
    out = []
    for s in a.sentences:
        if s.label == "structure":
            continue
        severity = level(rule, s.p("self_claim"), a)
        pinned = [e for e in s.hits("self-promotion") if e.weight >= 1 and e.kind != "borderline"]
        if pinned and not s.text.rstrip().endswith("?"):
            severity = rule.level
        if severity is not None:
            out.append((s, severity))
    return out


class SelfPromotionRule(Rule):
    """ "Why I'm perfect for you" framing: ideal candidate, perfect fit, tremendous asset.

    What it does:
        Reads the sentence functions of the message (docs/content-model.md): a model trained
        on the labeled corpus gives each sentence a probability of arguing why the writer is
        the right choice ("I am confident my skills make me the ideal candidate", "with eight
        years in payroll I am exactly the person you need", "Meine Erfahrung passt perfekt
        zu Ihren Anforderungen"), with the self-promotion catalogs of the rule packs
        (rules/<lang>/self-promotion.yaml) among its features. Such a sentence gets a warning
        at the calibrated threshold and an info finding in the band just below. A clear-cut
        catalog phrase (ideal candidate, perfect fit, asset; not the borderline entries)
        always warns, negated or quoted ones and questions excepted, so a coach's pack can
        add phrases. Enthusiasm about the role ("I'm excited about the role") and experience
        offered in answer to something from the conversation are not self-promotion.

    Why it matters:
        Recruiters advise saying why you want to be *there*, not why you are perfect for
        *them*. Claims of being the ideal candidate are the same in every note, cannot be
        checked, and turn a thank-you into a sales pitch.

    Example:
        Thank you for the interview. I am confident that I am the ideal candidate and that
        my skills make me a perfect fit for your team.

    Better:
        Thank you for the interview. Hearing how your team rebuilt the returns process made
        me want to work on the next step with you.
    """

    id = "self-promotion"
    severity = Severity.warning

    def check(self, note: Note) -> Iterable[Finding]:
        a = analysis(self, note)
        ctx = note.context
        target = ctx.company or "them"
        for s, severity in claims(self, a):
            hint = next((e.instead for e in s.hits("self-promotion") if e.instead), None)
            start, end = pinned_span(note, s, self.id)
            yield self.finding(
                note,
                start,
                end,
                f"This sentence says why you are perfect for {target}; say why you want to be "
                "there instead.",
                suggestions=[hint or INSTEAD[note.lang]],
                severity=severity,
            )
