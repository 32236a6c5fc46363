"""front-matter: invalid or unknown front matter keys and values."""

from __future__ import annotations

from collections.abc import Iterable

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule


class FrontMatterRule(Rule):
    """Invalid or unknown front matter key or value.

    What it does:
        Checks the YAML front matter against the keys notelint knows (interviewers, recipient,
        sender, company, company_aliases, role, topics, interview_at, send_at, channel, stage,
        lang, template) and their types. An unknown key gets a did-you-mean.

    Why it matters:
        A misspelled key is silently useless: with `interviewer:` instead of `interviewers:`,
        no name in the note is checked, and a wrong date turns off the timing check.

    Example:
        ---
        interviewer: Rita Izaguirre
        interview_at: yesterday
        ---

    Better:
        ---
        interviewers: [Rita Izaguirre]
        interview_at: 2026-11-25T15:00:00+01:00
        ---
    """

    id = "front-matter"
    severity = Severity.error
    fixable = True

    def check(self, note: Note) -> Iterable[Finding]:
        for key, message, suggestion in note.context_problems:
            pos = note.front_matter.positions.get(key)
            if pos is None:  # from config defaults or the API: no place in the file
                yield self.finding(
                    note, 0, 0, message, suggestions=[suggestion] if suggestion else []
                )
                continue
            unknown_key = message.startswith("Unknown")
            if unknown_key:
                start, end = pos.key_start, pos.key_end
            else:
                start, end = pos.value_start, pos.value_end
            safe_fix = (
                suggestion
                if suggestion and unknown_key and _plural_or_case(key, suggestion)
                else None
            )
            yield self.finding(
                note,
                start,
                end,
                message,
                suggestions=[suggestion] if suggestion else [],
                fix=safe_fix,
            )


def _plural_or_case(wrong: str, right: str) -> bool:
    """Only obvious key slips are safe to fix: case, '-' vs '_', a missing or extra 's'."""
    a = wrong.lower().replace("-", "_")
    return a == right or a + "s" == right or a == right + "s"
