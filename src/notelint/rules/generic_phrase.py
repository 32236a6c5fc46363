"""generic-phrase: a note made of stock sentences any candidate could send."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._analysis import Sentence
from notelint._analysis.judge import STOCK, body
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules._content import analysis, note_level, reaches_warn, span

# what each stock function is called in messages, and what to write instead
KIND = {
    "thanks": "thank-you",
    "closer": "closing line",
    "interest": "expression of interest",
    "self_claim": "claim about yourself",
}
INSTEAD = {
    "en": {
        "thanks": "thank them for something you talked about",
        "closer": "end with a concrete next step or a question from the interview",
        "interest": "say which part of the work discussed draws you, and why",
        "self_claim": "say what you want to work on there",
    },
    "de": {
        "thanks": "danken Sie für etwas Konkretes aus dem Gespräch",
        "closer": "schließen Sie mit einem konkreten nächsten Schritt oder einer Frage aus dem Gespräch",
        "interest": "sagen Sie, welcher Teil der besprochenen Arbeit Sie reizt und warum",
        "self_claim": "sagen Sie, woran Sie dort arbeiten möchten",
    },
}


class GenericPhraseRule(Rule):
    """A note made of stock sentences any candidate could send to any company.

    What it does:
        Reads the sentence functions of the message (docs/content-model.md): each sentence
        between the salutation and the sign-off gets a probability of being a stock
        thank-you, a closing line, a stock expression of interest, a claim about oneself, a
        reference to something specific from the conversation, and so on, from a model
        trained on the labeled corpus (corpus/) with the phrase catalogs of the rule packs
        as features. The note is dominated by boilerplate when the stock sentences number at
        least two and at least four for each specific one (counted as expected values from the
        probabilities). Above the calibrated threshold every stock sentence gets a warning
        with what to write instead (claims about oneself count, but `self-promotion` reports
        them); in the band just below it they get info findings. Below
        that, only sentences holding a phrase of the generic-phrase catalogs
        (rules/<lang>/generic-phrase.yaml and the user's packs) get an info finding each,
        the first plain thank-you excepted: one polite thank-you is normal. A note of thanks alone is left to `thanks-only`, a reply to a rejection to the
        rejection rules.

    Why it matters:
        Recruiters recognise canned notes at once, and interviewers compare the notes they
        got. A sentence any candidate could send to any company tells them nothing about you;
        one specific sentence among many stock ones drowns.

    Example:
        I am writing to thank you for the opportunity to interview. It was a pleasure speaking
        with you. I am very excited about the opportunity. I look forward to hearing from you.

    Better:
        Thank you for walking me through the depot in Rotterdam. The way your planners re-route
        trucks when a ferry is cancelled is exactly the problem I want to work on.
    """

    id = "generic-phrase"
    severity = Severity.warning

    def check(self, note: Note) -> Iterable[Finding]:
        a = analysis(self, note)
        # a reply to a rejection: the rejection rules speak
        if a.rejection:
            return
        # a note of thanks alone is thanks-only's finding; canned phrases still get info
        thanks_only = reaches_warn(a, "thanks-only")
        severity = None if thanks_only else note_level(self, a)
        sents = body(a.sentences)
        stock = [s for s in sents if _stock(s)]
        if severity is None:
            # not dominated by boilerplate: only the catalog's canned phrases, as info (one
            # polite thank-you is normal and gets none)
            stock = [s for s in stock if s.hits("generic-phrase")]
            thanks = [s for s in stock if s.label == "thanks"]
            stock = [s for s in stock if not (thanks and s is thanks[0])]
            severity = Severity.info
        specific = sum(1 for s in sents if s.label == "specific")
        total = len(stock)
        # a claim about yourself counts as stock, but self-promotion reports the sentence
        stock = [s for s in stock if s.label != "self_claim"]
        lang = note.lang
        for i, s in enumerate(stock):
            kind = s.label if s.label in KIND else "closer"
            head = (
                f"{total} of {len(sents)} sentences are stock phrasing"
                f"{' and none is specific' if not specific else ''}. "
                if i == 0 and severity != Severity.info
                else ""
            )
            entry = next(iter(s.hits("generic-phrase")), None)
            why = f"Stock {KIND[kind]} any candidate could send."
            if entry is not None and entry.why:
                why = f"Canned {str(entry.kind).replace('-', ' ')}: {entry.why}"
            start, end = span(note, s)
            yield self.finding(
                note,
                start,
                end,
                f"{head}{why}",
                suggestions=[entry.instead if entry and entry.instead else INSTEAD[lang][kind]],
                severity=severity,
            )


def _stock(s: Sentence) -> bool:
    """A stock sentence: by the model, or a catalog phrase in a sentence that is not specific."""
    if s.label in STOCK:
        return True
    return bool(s.hits("generic-phrase")) and s.label in ("other", "logistics", "decision")
