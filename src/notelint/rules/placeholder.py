"""placeholder: unfilled template slots left in a note."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._analysis.slots import slots_of, words_of
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule


class PlaceholderRule(Rule):
    """An unfilled slot: [Company Name], {{ interviewer }}, <Name>, XYZ, ___, "Your Name".

    What it does:
        Finds template slots that were never filled in: square-bracket slots ([Company Name],
        [ COMPANY NAME ], [Datum], [Dein Name]), double-curly and other template syntax
        ({{ first_name }}, {% if %}, ${name}, %NAME%), angle-bracket slots (<Name>,
        <<Firma>>), instructions in parentheses ((insert name of interviewer), (name the
        position), (Namen einfügen)), filler tokens (XYZ, XXX, "Mr. X", "Firma X"), blanks (___)
        and a sign-off that is still "Your Name" or "Vorname Nachname". Ordinary brackets and
        parentheses in prose, Markdown links, footnotes and task boxes are not slots. In a
        template (`template: true`), `{{ var }}` slots are variables and are left alone.

    Why it matters:
        Nothing tells a recruiter "mass-produced" faster than a slot left in the text; it
        undoes everything else the note does well. It is also the easiest mistake to catch.

    Example:
        Dear [Interviewer Name], thank you for meeting me about the (name the position) role
        at {{ company }}.

        Your Name

    Better:
        Dear Ms. Izaguirre, thank you for meeting me about the brand strategist role at
        Jackson Spalding.

        Alex Kim
    """

    id = "placeholder"
    severity = Severity.error

    def check(self, note: Note) -> Iterable[Finding]:
        for slot in slots_of(note):
            text = note.body[slot.start : slot.end]
            guess = _guess_value(text, note)
            msg = (
                f"Unfilled placeholder {text.strip()!r} ({slot.what}); replace it with the real "
                f"{_noun(text, note.lang)}."
            )
            yield self.finding(
                note,
                note.at(slot.start),
                note.at(slot.end),
                msg,
                suggestions=[guess] if guess else [],
                fix=guess,
                fix_safe=False,
            )


# What a slot stands for, by the words in it.
_COMPANY_WORDS = frozenset(
    {
        "company",
        "firma",
        "unternehmen",
        "firmenname",
        "firmennamen",
        "employer",
        "organization",
        "organisation",
        "unternehmensname",
    }
)
_ROLE_WORDS = frozenset(
    {"position", "role", "job", "title", "stelle", "rolle", "stellenbezeichnung"}
)
_DATE_WORDS = frozenset({"date", "datum", "day", "tag"})
_PERSON_WORDS = frozenset(
    {
        "interviewer",
        "interviewerin",
        "recipient",
        "ansprechpartner",
        "ansprechpartnerin",
        "manager",
        "empfänger",
    }
)
_NAME_WORDS = frozenset({"name", "namen", "vorname", "nachname"})
_SENDER_WORDS = frozenset({"your", "dein", "ihr", "signature", "unterschrift"})


def _noun(slot: str, lang: str) -> str:
    words = set(words_of(slot))
    if words & _COMPANY_WORDS:
        return "company name" if lang == "en" else "company name (Firmenname)"
    if words & _ROLE_WORDS:
        return "position"
    if words & _DATE_WORDS:
        return "date"
    if words & (_NAME_WORDS | _PERSON_WORDS):
        return "name"
    return "text"


def _guess_value(slot: str, note: Note) -> str | None:
    """The context value the slot most likely stands for (offered as an unsafe fix)."""
    ctx = note.context
    words = set(words_of(slot))
    person = ctx.recipient or (ctx.interviewers[0] if len(ctx.interviewers) == 1 else None)
    if words & _SENDER_WORDS and ctx.sender:
        return ctx.sender
    if words & _COMPANY_WORDS:
        return ctx.company
    if words & _ROLE_WORDS:
        return ctx.role
    if words & _PERSON_WORDS:
        return person
    first_name = words & {"first", "vorname"} and not words & {"last", "nachname"}
    if first_name and person:
        return person.split()[0]
    return None
