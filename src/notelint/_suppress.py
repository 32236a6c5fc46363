"""Inline suppression comments (HTML comments, invisible when Markdown renders).

``<!-- notelint-disable RULE[, RULE] -->`` ... ``<!-- notelint-enable [RULE, ...] -->``
``<!-- notelint-disable-next-line RULE -->``   ``<!-- notelint-disable-file RULE -->``
No rule list means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notelint._models import Finding
from notelint._text import LineIndex

_COMMENT = re.compile(
    r"<!--\s*notelint-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<rules>[ \t\w,-]*?)\s*-->",
    re.IGNORECASE,
)
ALL = "*"


@dataclass
class Directive:
    kind: str
    rules: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    line: int
    used: set[str] = field(default_factory=set)

    def names(self, rule: str) -> bool:
        return not self.rules or rule in self.rules


@dataclass
class Region:
    directive: Directive
    start: int  # offset range the directive covers
    end: int


class Suppressions:
    """Parsed directives of one note; decides whether a finding is suppressed, records use."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.directives: list[Directive] = []
        self.regions: list[Region] = []
        open_: list[Directive] = []
        for m in _COMMENT.finditer(text):
            rules = tuple(
                r.strip().lower() for r in re.split(r"[,\s]+", m.group("rules")) if r.strip()
            )
            line, _ = lines.position(m.start())
            d = Directive(m.group("kind").lower(), rules, m.start(), m.end(), line)
            if d.kind == "enable":
                self._close(open_, d, m.start())
                continue
            self.directives.append(d)
            if d.kind == "disable-file":
                self.regions.append(Region(d, 0, len(text)))
            elif d.kind == "disable-next-line":
                target = lines.position(m.end())[0] + 1
                if target <= lines.lines:
                    s, e = lines.line_span(target)
                    self.regions.append(Region(d, s, max(e, s + 1)))
            else:
                open_.append(d)
        for d in open_:
            self.regions.append(Region(d, d.end, len(text)))

    def _close(self, open_: list[Directive], enable: Directive, at: int) -> None:
        for d in list(open_):
            if not enable.rules:
                closed = True
            else:
                closed = bool(d.rules) and set(d.rules) <= set(enable.rules)
            if closed:
                self.regions.append(Region(d, d.end, at))
                open_.remove(d)

    def suppressed(self, finding: Finding) -> bool:
        hit = False
        for r in self.regions:
            if r.directive.names(finding.rule) and r.start <= finding.start < r.end:
                r.directive.used.add(finding.rule)
                hit = True
        return hit
