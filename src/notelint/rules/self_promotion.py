"""self-promotion: "why I'm perfect for you" framing instead of why the candidate wants to be there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import Field

from notelint._match import PhraseCatalogMatcher
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._packs import CatalogEntry
from notelint._rule import Rule, RuleOptions
from notelint.rules._balance import Balance, balance

_NEGATIONS = {"not", "n't", "never", "nicht", "kein", "keine", "keinen", "nie", "niemals"}


class SelfPromotionOptions(RuleOptions):
    heavy_share: float = Field(
        default=0.7,
        gt=0,
        le=1,
        description="share of I/my/me among I + you words from which a note counts as I-centred",
    )


@dataclass(frozen=True)
class _Entry:
    entry: CatalogEntry
    borderline: bool


class SelfPromotionRule(Rule):
    """ "Why I'm perfect for you" framing: ideal candidate, perfect fit, tremendous asset.

    What it does:
        Matches each sentence against the self-promotion catalog of the note's language
        (rules/en/self-promotion.yaml, rules/de/self-promotion.yaml; on lemmas, so "I'd be a
        tremendous asset", "my skills make me a perfect fit", "Ich bin der perfekte Kandidat",
        "Mit meiner Erfahrung bin ich die ideale Besetzung" and "dass ich Ihr Team bereichern
        würde" are found in any inflection). Clear-cut patterns (ideal candidate, perfect fit,
        asset, "I'm a strong fit for the role", "I would be a great addition", "I have what it
        takes", "ich passe sehr gut zu der Stelle", "exceed your expectations", "you won't find
        anyone better") always warn.
        Borderline patterns ("I'd be a good fit", "highly qualified", "my experience aligns well
        with your requirements", "mein Profil entspricht genau Ihren Anforderungen")
        warn only when the note is I-centred: the balance of I/my/me/mine/myself
        (ich/mein/mir/mich) against you/your (Sie/Ihr/Ihnen/euch/du/dein) and the company's
        name from the context reaches `heavy-share` (default 0.7 of both counts together).
        A negation just before the phrase ("I'm not sure I'm the right person") and questions
        are left alone. Enthusiasm about the role ("I'm excited about the role", "Ich freue
        mich sehr auf die Aufgabe") and factual experience tied to their need ("the churn
        model I built at Acme would help with the retention work you described") are not
        self-promotion and do not match.

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
    Options = SelfPromotionOptions

    def check(self, note: Note) -> Iterable[Finding]:
        matcher = self._matcher(note.lang)
        doc = note.doc
        matches = matcher.find(doc)
        if not matches:
            return
        bal = balance(doc, note.lang, _company_words(note))
        opts = self.options
        assert isinstance(opts, SelfPromotionOptions)
        heavy = bal.i_share >= opts.heavy_share and bal.first >= 3
        for m in matches:
            span = m.span
            # a negation just before the phrase: "I'm not sure I'm the right person"
            before = doc[max(span.sent.start, span.start - 4) : span.start]
            if any(t.norm_ in _NEGATIONS or t.lower_ in _NEGATIONS for t in before):
                continue
            # a question is not a claim
            if span.sent.text.rstrip().endswith("?"):
                continue
            if m.item.borderline and not heavy:
                continue
            first = span.start
            while first > span.sent.start and not doc[first - 1].whitespace_:
                first -= 1  # "won't": start at "wo", not at "n't"
            start, end = note.span_of(doc[first : span.end])
            yield self.finding(note, start, end, _message(note, span.text, m.item, bal))

    def _matcher(self, lang: str) -> PhraseCatalogMatcher[_Entry]:
        def build() -> PhraseCatalogMatcher[_Entry]:
            entries = self.env.catalog(self.id, lang)
            items = [_Entry(e, e.kind == "borderline" or e.weight < 1) for e in entries]
            return PhraseCatalogMatcher(lang, items, [e.pattern for e in entries])

        matcher: PhraseCatalogMatcher[_Entry] = self.env.cached(("self-promotion", lang), build)
        return matcher


def _company_words(note: Note) -> set[str]:
    ctx = note.context
    out: set[str] = set()
    for name in (ctx.company, *ctx.company_aliases):
        if name:
            out.update(w.lower() for w in name.split())
    return out


def _message(note: Note, text: str, item: _Entry, bal: Balance) -> str:
    ctx = note.context
    target = ctx.company or (ctx.topics[0] if ctx.topics else None)
    if target is None:
        target = "the team"
    flat = " ".join(text.split())
    msg = f"'{flat}' says why you are perfect for them; say what draws you to {target} instead"
    if item.entry.instead:
        msg += f" ({item.entry.instead})"
    msg += "."
    if item.borderline:
        msg += f" The note is mostly about you ({bal.first} I/my/me, {bal.second} you/your)."
    return msg
