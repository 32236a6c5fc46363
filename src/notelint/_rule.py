"""The rule base classes. A rule is a class with an id, a documented docstring and ``check``.

The docstring has a one-line summary, then the sections ``What it does:``, ``Why it matters:``,
``Example:`` and ``Better:`` (each a heading line at the left margin followed by indented text).
The rule reference in docs/rules/ is generated from them; a test fails when one is missing.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from notelint._models import Finding, Fix, Severity, Source

if TYPE_CHECKING:
    from notelint._engine import RuleEnv
    from notelint._note import Note

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
SECTIONS = ("What it does", "Why it matters", "Example", "Better")
NEEDS = frozenset({"languagetool", "batch", "spacy-model"})


class RuleOptions(BaseModel):
    """Options a rule accepts in `[tool.notelint.rules.<id>]` (besides ``severity``)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        alias_generator=lambda n: n.replace("_", "-"),
    )


class RuleUnavailable(Exception):
    """Raised by a rule that cannot run (e.g. LanguageTool missing); reported under ``skipped``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Rule:
    """Base class of every rule. Subclass it, set the class attributes, implement ``check``."""

    id: ClassVar[str]
    severity: ClassVar[Severity] = Severity.warning
    languages: ClassVar[frozenset[str]] = frozenset({"en", "de"})
    needs: ClassVar[frozenset[str]] = frozenset()
    requires: ClassVar[frozenset[str]] = (
        frozenset()
    )  # context keys; without them the rule is silent
    fixable: ClassVar[bool] = False
    Options: ClassVar[type[RuleOptions]] = RuleOptions

    def __init__(
        self, *, env: RuleEnv, options: RuleOptions | None = None, severity: Severity | None = None
    ) -> None:
        self.env = env
        self.options = options if options is not None else self.Options()
        self.level = severity or type(self).severity

    # -- what subclasses implement ---------------------------------------------------------

    def check(self, note: Note) -> Iterable[Finding]:
        """Findings for one note."""
        return ()

    # -- helpers ---------------------------------------------------------------------------

    def applies_to(self, note: Note) -> bool:
        """Whether the rule runs on this note (language and required context keys)."""
        if note.lang not in self.languages:
            return False
        ctx = note.context
        return all(bool(getattr(ctx, key, None)) for key in self.requires)

    def finding(
        self,
        note: Note,
        start: int,
        end: int,
        message: str,
        *,
        suggestions: Sequence[str] = (),
        fix: str | None = None,
        fix_safe: bool = True,
        severity: Severity | None = None,
        source: Source | None = None,
    ) -> Finding:
        """A finding on ``note.text[start:end]`` (whole-file offsets), line/column computed."""
        start = max(0, min(start, len(note.text)))
        end = max(start, min(end, len(note.text)))
        line, column = note.lines.position(start)
        end_line, end_column = note.lines.position(end)
        return Finding(
            rule=self.id,
            severity=severity or self.level,
            message=message,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=note.text[start:end],
            suggestions=tuple(suggestions),
            fix=Fix(
                start=start,
                end=end,
                replacement=fix,
                applicability="safe" if fix_safe else "unsafe",
            )
            if fix is not None
            else None,
            source=source,
            url=self.env.docs_url(self.id) if self.env is not None else None,
        )

    # -- documentation ---------------------------------------------------------------------

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.strip().splitlines()[0] if doc.strip() else ""

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring's sections by heading (missing ones absent)."""
        return parse_sections(inspect.getdoc(cls) or "")

    @classmethod
    def describe(cls) -> dict[str, Any]:
        return {
            "id": cls.id,
            "severity": cls.severity.value,
            "languages": sorted(cls.languages),
            "needs": sorted(cls.needs),
            "requires": sorted(cls.requires),
            "fixable": cls.fixable,
            "summary": cls.summary(),
        }


class BatchRule(Rule):
    """A rule that needs every note of the run at once (``needs`` contains 'batch')."""

    needs: ClassVar[frozenset[str]] = frozenset({"batch"})

    def check_batch(self, notes: Sequence[Note]) -> Iterable[tuple[Note, Finding]]:
        """(note, finding) pairs over the whole set of notes."""
        return ()


_HEADING = re.compile(r"^({}):\s*$".format("|".join(re.escape(s) for s in SECTIONS)), re.MULTILINE)


def parse_sections(doc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    matches = list(_HEADING.finditer(doc))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(doc)
        out[m.group(1)] = inspect.cleandoc(doc[m.end() : end]).strip()
    return out


def validate_rule_class(cls: Any) -> str | None:
    """Why ``cls`` is not a valid rule class, or None."""
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        return f"{cls!r} is not a subclass of notelint.Rule"
    rid = getattr(cls, "id", None)
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        return f"{cls.__name__}.id must be a kebab-case string, not {rid!r}"
    if not isinstance(cls.severity, Severity):
        return f"{cls.__name__}.severity must be a notelint.Severity"
    unknown = set(cls.needs) - NEEDS
    if unknown:
        return f"{cls.__name__}.needs has unknown entries {sorted(unknown)}"
    if not cls.languages or not set(cls.languages) <= {"en", "de"}:
        return f"{cls.__name__}.languages must be a non-empty subset of {{'en', 'de'}}"
    return None
