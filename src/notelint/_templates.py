"""Templates: `{{ var }}` slots are variables, filled with sample values before the rules run.

A note is a template when its front matter says ``template: true`` or its path matches the
``templates`` config globs. Its slots are replaced by sample values (from the note's context,
else a realistic default per language, or the ``template-variables`` config table), so every
rule sees realistic prose; findings are mapped back onto the template text afterwards. A slot
naming a variable that is not declared stays as it is and is reported by ``template-variable``.
See docs/templates.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from notelint._models import Finding, Fix
from notelint._text import LineIndex

if TYPE_CHECKING:
    from notelint._context import Context

SLOT = re.compile(r"\{\{-?\s*(?P<inner>[^{}\n]{0,80}?)\s*-?\}\}")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$")

# Sample values used when the note's context has nothing better (per base language).
_SAMPLES: dict[str, dict[str, str]] = {
    "en": {
        "person": "Jordan Ortiz",
        "sender": "Alex Kim",
        "company": "Acme Analytics",
        "role": "data analyst",
        "topic": "the migration of the reporting pipeline",
        "interview_date": "Tuesday",
        "channel": "email",
        "stage": "after-interview",
    },
    "de": {
        "person": "Katrin Berger",
        "sender": "Alex Schneider",
        "company": "Nordlicht Logistik",
        "role": "Datenanalyst",
        "topic": "die Migration der Reporting-Pipeline",
        "interview_date": "Dienstag",
        "channel": "E-Mail",
        "stage": "nach dem Gespräch",
    },
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}


def builtin_variables(ctx: Context, lang: str) -> dict[str, str]:
    """The variables every template may use, with sample values from ``ctx`` (else defaults).

    They are the front matter keys (design.md section 3) that describe a conversation, in the
    singular and the plural, plus a few derived names (``first_name``, ``last_name``,
    ``interview_date``).
    """
    s = _SAMPLES.get(lang, _SAMPLES["en"])
    person = ctx.recipient or (ctx.interviewers[0] if ctx.interviewers else s["person"])
    interviewers = ", ".join(ctx.interviewers) if ctx.interviewers else person
    company = ctx.company or s["company"]
    topic = ctx.topics[0] if ctx.topics else s["topic"]
    topics = ", ".join(ctx.topics) if ctx.topics else topic
    when = ctx.interview_at
    day = _WEEKDAYS.get(lang, _WEEKDAYS["en"])[when.weekday()] if when else s["interview_date"]
    parts = person.split()
    return {
        "recipient": person,
        "interviewer": person,
        "interviewers": interviewers,
        "first_name": parts[0],
        "last_name": parts[-1],
        "sender": ctx.sender or s["sender"],
        "company": company,
        "company_aliases": ", ".join(ctx.company_aliases) or company,
        "role": ctx.role or s["role"],
        "position": ctx.role or s["role"],
        "topic": topic,
        "topics": topics,
        "interview_date": day,
        "channel": s["channel"] if ctx.channel.value == "email" else ctx.channel.value,
        "stage": s["stage"],
    }


def declared_variables(ctx: Context, lang: str, extra: Mapping[str, str]) -> dict[str, str]:
    """Built-in variables plus the ``template-variables`` config table (which wins)."""
    out = builtin_variables(ctx, lang)
    out.update(extra)
    return out


@dataclass(frozen=True)
class Slot:
    """One ``{{ ... }}`` slot: where it is in the template and in the filled text."""

    name: str  # the variable (first identifier, filters dropped), or the raw inner text
    start: int  # [start, end) in the template text
    end: int
    fill_start: int  # [fill_start, fill_end) in the filled text
    fill_end: int
    name_start: int  # the variable name's span in the filled text
    name_end: int
    known: bool


@dataclass(frozen=True)
class Filled:
    """A template with its slots filled; maps offsets in the filled text back to the template."""

    original: str
    text: str
    slots: tuple[Slot, ...]
    variables: tuple[str, ...] = ()
    _filled: tuple[Slot, ...] = field(default=(), repr=False)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.original)

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """The template offset of a filled-text offset; inside a filled slot, its start (or end)."""
        delta = 0
        for s in self._filled:
            if offset < s.fill_start or (end and offset == s.fill_start):
                break
            if offset < s.fill_end or (end and offset == s.fill_end):
                return s.end if end else s.start
            delta = s.fill_end - s.end
        return max(0, min(len(self.original), offset - delta))

    def touches_fill(self, start: int, end: int) -> bool:
        return any(s.fill_start < end and start < s.fill_end for s in self._filled) or any(
            s.fill_start == start == end for s in self._filled
        )

    def map_finding(self, f: Finding) -> Finding:
        lines = self.lines
        start = self.to_original(f.start)
        end = max(start, self.to_original(f.end, end=True))
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        fix = f.fix
        if fix is not None:
            if self.touches_fill(fix.start, fix.end):
                fix = None  # would rewrite a slot: offer the suggestion only
            else:
                fs = self.to_original(fix.start)
                fix = Fix(
                    start=fs,
                    end=max(fs, self.to_original(fix.end, end=True)),
                    replacement=fix.replacement,
                    applicability=fix.applicability,
                )
        return f.model_copy(
            update={
                "start": start,
                "end": end,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "text": self.original[start:end],
                "fix": fix,
            }
        )


def slot_name(inner: str) -> str:
    """``company | upper`` -> ``company``; anything else stays as written."""
    return inner.split("|", 1)[0].strip()


def fill(text: str, body_start: int, variables: Mapping[str, str]) -> Filled:
    """Replace the body's known ``{{ var }}`` slots by their sample values."""
    out: list[str] = [text[:body_start]]
    slots: list[Slot] = []
    filled: list[Slot] = []
    pos = body_start
    new_len = body_start
    for m in SLOT.finditer(text, body_start):
        out.append(text[pos : m.start()])
        new_len += m.start() - pos
        inner = m.group("inner")
        name = slot_name(inner)
        known = bool(IDENTIFIER.match(name)) and name in variables
        value = variables[name] if known else m.group()
        name_off = m.start("inner") - m.start()
        fs = new_len
        slot = Slot(
            name=name,
            start=m.start(),
            end=m.end(),
            fill_start=fs,
            fill_end=fs + len(value),
            name_start=fs + (0 if known else name_off),
            name_end=fs + (len(value) if known else name_off + len(name)),
            known=known,
        )
        slots.append(slot)
        if known:
            filled.append(slot)
        out.append(value)
        new_len += len(value)
        pos = m.end()
    out.append(text[pos:])
    return Filled(
        original=text,
        text="".join(out),
        slots=tuple(slots),
        variables=tuple(sorted(variables)),
        _filled=tuple(filled),
    )
