"""A third-party rule: flags words written in capitals (SHOUTING)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from notelint import Finding, Note, Rule, Severity


class ShoutingRule(Rule):
    """A word in capitals reads as shouting.

    What it does:
        Flags words of four or more capital letters.

    Why it matters:
        Capitals read as shouting in a thank-you note.

    Example:
        I am REALLY excited.

    Better:
        I am excited about the Lisbon project.
    """

    id = "demo-shouting"
    severity = Severity.warning

    def check(self, note: Note) -> Iterable[Finding]:
        for m in re.finditer(r"\b[A-Z]{4,}\b", note.body):
            yield self.finding(
                note,
                note.at(m.start()),
                note.at(m.end()),
                f"{m.group()!r} reads as shouting.",
                suggestions=[m.group().lower()],
            )
