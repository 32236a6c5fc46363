"""template-variable and template-no-specifics: rules for note templates (docs/templates.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import Field

from notelint._errors import did_you_mean
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule, RuleOptions
from notelint._templates import IDENTIFIER

# Words in a variable name that say "this comes from the conversation" (English and German).
SPECIFIC_WORDS = frozenset(
    {
        "topic",
        "topics",
        "detail",
        "details",
        "project",
        "projects",
        "highlight",
        "highlights",
        "conversation",
        "discussed",
        "mentioned",
        "takeaway",
        "anecdote",
        "thema",
        "themen",
        "projekt",
        "gespraech",
        "gesprach",
        "gespräch",
        "eindruck",
    }
)


class TemplateVariableRule(Rule):
    """A template slot that names no declared variable (a typo, or a variable nobody fills).

    What it does:
        In a template (`template: true`, or a file matching the `templates` globs), every
        `{{ name }}` slot must name a declared variable: the context variables (`recipient`,
        `interviewer`, `interviewers`, `first_name`, `last_name`, `sender`, `company`, `role`,
        `position`, `topic`, `topics`, `interview_date`, ...) or one declared in the
        `template-variables` config table. Any other slot is reported, with the closest
        declared name as a suggestion.

    Why it matters:
        A mail-merge that meets an unknown variable either stops or, worse, leaves the slot in
        the sent note: `Dear {{ recipent }},` is exactly the mass-produced look a follow-up must
        avoid.

    Example:
        ---
        template: true
        ---
        Dear {{ recipent }},

        thank you for the conversation about {{ topic }}.

    Better:
        ---
        template: true
        ---
        Dear {{ recipient }},

        thank you for the conversation about {{ topic }}.
    """

    id = "template-variable"
    severity = Severity.error
    requires = frozenset({"template"})
    fixable = True

    def check(self, note: Note) -> Iterable[Finding]:
        filled = note.filled
        if filled is None:
            return
        for slot in filled.slots:
            if slot.known:
                continue
            if not slot.name:
                yield self.finding(
                    note,
                    slot.fill_start,
                    slot.fill_end,
                    "Empty template slot; name a variable such as {{ recipient }}.",
                )
                continue
            best = did_you_mean(slot.name, list(filled.variables), cutoff=60)
            if not IDENTIFIER.match(slot.name):
                snake = re.sub(r"\W+", "_", slot.name.strip()).strip("_").lower()
                best = snake if snake in filled.variables else best
                what = f"{slot.name!r} is not a variable name"
            else:
                what = f"Unknown template variable {slot.name!r}"
            tail = (
                f"; did you mean {best!r}?"
                if best
                else "; declare it in the `template-variables` config table."
            )
            yield self.finding(
                note,
                slot.name_start,
                slot.name_end,
                what + tail,
                suggestions=[best] if best else [],
                fix=best,
                fix_safe=False,
            )


class TemplateNoSpecificsOptions(RuleOptions):
    specific_variables: tuple[str, ...] = Field(
        default=(),
        description="more variables that stand for something from the conversation",
    )


class TemplateNoSpecificsRule(Rule):
    """A template with no slot for something from the conversation: it can only make generic notes.

    What it does:
        Reports a template (`template: true`, or a file matching the `templates` globs) that
        has no slot for a detail of the conversation: no `{{ topic }}` / `{{ topics }}`, and no
        declared variable whose name says it is one (containing `topic`, `detail`, `project`,
        `highlight`, `conversation`, `thema`, `projekt`, ... or listed in the rule's
        `specific-variables` option). Filling in the name and the company does not make a
        note personal.

    Why it matters:
        Recruiters recognise canned notes at once, and interviewers compare the notes they
        got. A template whose only variables are names produces the same note for everyone;
        the one thing that shows you listened, something specific from the conversation, has
        no place in it.

    Example:
        ---
        template: true
        ---
        Dear {{ recipient }},

        thank you for your time today. I am excited about the {{ role }} role at {{ company }}.

    Better:
        ---
        template: true
        ---
        Dear {{ recipient }},

        thank you for your time today. Since you mentioned {{ topic }}, I have been thinking
        about how I would approach it at {{ company }}.
    """

    id = "template-no-specifics"
    severity = Severity.warning
    requires = frozenset({"template"})
    Options = TemplateNoSpecificsOptions

    def check(self, note: Note) -> Iterable[Finding]:
        filled = note.filled
        if filled is None or not note.body.strip():
            return
        assert isinstance(self.options, TemplateNoSpecificsOptions)
        extra = set(self.options.specific_variables)
        for slot in filled.slots:
            if slot.known and (slot.name in extra or _is_specific(slot.name)):
                return
        # report on the first line of text in the body
        body = note.body
        m = re.search(r"\S[^\n]*", body)
        start, end = (m.start(), m.end()) if m else (0, 0)
        msg = (
            "This template has no slot for something from the conversation "
            "(e.g. {{ topic }}): every note made from it says the same thing."
        )
        yield self.finding(note, note.at(start), note.at(end), msg)


def _is_specific(name: str) -> bool:
    parts = re.split(r"[_.]|(?<=[a-z])(?=[A-Z])", name)
    return any(p.lower() in SPECIFIC_WORDS for p in parts)
