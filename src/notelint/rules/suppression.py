"""unused-suppression: a notelint-disable comment that suppresses nothing."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._errors import did_you_mean
from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint._suppress import Suppressions


class UnusedSuppressionRule(Rule):
    """A suppression comment that suppresses nothing, or names an unknown rule.

    What it does:
        Reports `<!-- notelint-disable ... -->` comments (all forms) that did not hide any
        finding of the rules they name, and rule names in them that do not exist.

    Why it matters:
        Stale suppressions hide future problems: after the sentence they were written for is
        gone, they silently switch a rule off for whatever is written there next.

    Example:
        <!-- notelint-disable-next-line generic-phrase -->
        We talked about the Q3 launch of the Lisbon office.

    Better:
        We talked about the Q3 launch of the Lisbon office.
    """

    id = "unused-suppression"
    severity = Severity.warning
    fixable = True


def unused_suppressions(
    rule: Rule, note: Note, sup: Suppressions, enabled: set[str], known: set[str]
) -> Iterable[Finding]:
    """Findings for directives that suppressed nothing (only judged for rules that ran)."""
    for d in sup.directives:
        unknown = [r for r in d.rules if r not in known]
        for name in unknown:
            best = did_you_mean(name, sorted(known))
            tip = f"; did you mean {best!r}?" if best else ""
            yield rule.finding(
                note,
                d.start,
                d.end,
                f"Suppression names unknown rule {name!r}{tip}",
                suggestions=[best] if best else [],
            )
        named = [r for r in d.rules if r in known]
        if not d.rules:
            if not d.used:
                yield rule.finding(
                    note,
                    d.start,
                    d.end,
                    "This suppression comment suppresses nothing; remove it.",
                    fix="",
                    fix_safe=False,
                )
            continue
        judged = [r for r in named if r in enabled]
        unused = [r for r in judged if r not in d.used]
        if judged and len(unused) == len(named) and not unknown:
            yield rule.finding(
                note,
                d.start,
                d.end,
                f"This suppression of {', '.join(unused)} suppresses nothing; remove it.",
                fix="",
                fix_safe=False,
            )
        elif unused:
            yield rule.finding(
                note,
                d.start,
                d.end,
                f"This suppression of {', '.join(unused)} suppresses nothing for {'that rule' if len(unused) == 1 else 'those rules'}.",
            )
