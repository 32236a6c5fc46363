"""Invisible characters (zero-width, bidi controls, soft hyphen) inside words.

A name typed or pasted as ``Izag\\u200buirre`` looks right on screen but is not the name:
search, mail merge and the reader's address book miss it, and for the name checks it is two
words, so a misspelling hidden that way escaped them. ``strip`` gives the text without those
characters and the way back to the original offsets.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notelint._models import Finding
    from notelint._note import Note
    from notelint._rule import Rule
    from notelint.rules._names import Match

INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def strip(text: str) -> tuple[str, list[int]] | None:
    """``(clean, back)`` where ``back[i]`` is the offset in ``text`` of ``clean[i]`` (and
    ``back[len(clean)] == len(text)``); None when ``text`` has no invisible character."""
    if INVISIBLE.search(text) is None:
        return None
    back: list[int] = []
    parts: list[str] = []
    pos = 0
    for m in INVISIBLE.finditer(text):
        parts.append(text[pos : m.start()])
        back.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    back.extend(range(pos, len(text)))
    back.append(len(text))
    return "".join(parts), back


def span_back(back: list[int], start: int, end: int) -> tuple[int, int]:
    """The original ``[start, end)`` of a clean span (invisible characters inside included)."""
    if end <= start:
        return back[start], back[start]
    return back[start], back[end - 1] + 1


def on_original(match: Match, back: list[int]) -> Match:
    """A name match found in the stripped prose, with offsets into the original prose."""
    start, end = span_back(back, match.start, match.end)
    return dataclasses.replace(match, start=start, end=end)


def hidden_in(text: str, names: Iterable[str]) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, name, chars)`` for each name written with invisible characters inside;
    ``chars`` lists them as ``U+200B`` codes."""
    seen: set[int] = set()
    for name in sorted({n for n in names if len(n) > 1}, key=len, reverse=True):
        glue = f"{INVISIBLE.pattern}*"
        pattern = re.compile(
            r"(?<![\w])" + glue.join(re.escape(c) for c in name) + r"(?![\w])", re.IGNORECASE
        )
        for m in pattern.finditer(text):
            hidden = INVISIBLE.findall(m.group())
            if hidden and m.start() not in seen:
                seen.add(m.start())
                codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in hidden}))
                yield m.start(), m.end(), name, codes


def hidden_name_findings(
    rule: Rule, note: Note, covered: list[tuple[int, int]]
) -> Iterator[Finding]:
    """Findings for context names (or their parts) written with invisible characters inside,
    outside the prose spans ``covered`` by other findings; the safe fix retypes the name."""
    from notelint.rules._names import split_name

    if INVISIBLE.search(note.prose) is None:
        return

    ctx = note.context
    full = [*ctx.interviewers, ctx.recipient or "", ctx.company or "", *ctx.company_aliases]
    names = {n for n in full if n} | {part for n in full for part in split_name(n)}
    for start, end, name, codes in hidden_in(note.prose, names):
        if not any(a < end and start < b for a, b in covered):
            covered.append((start, end))
            yield rule.finding(
                note,
                note.at(start),
                note.at(end),
                f"'{name}' is written with invisible characters inside ({codes}).",
                suggestions=[name],
                fix=name,
            )
