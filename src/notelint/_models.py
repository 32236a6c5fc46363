"""The output models: Finding, Fix, Report and the run's Output. Frozen pydantic v2 models."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt

SCHEMA_VERSION = 1


class Severity(str, Enum):
    """How serious a finding is. Ordered: info < warning < error."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


Offset = Annotated[
    NonNegativeInt, Field(description="0-based code-point offset into the whole file text")
]


class Fix(_Frozen):
    """A replacement of ``text[start:end]``. Only ``safe`` fixes are applied by ``--fix``."""

    start: Offset
    end: Offset
    replacement: str
    applicability: Literal["safe", "unsafe"] = "safe"


class Source(_Frozen):
    """The engine behind a finding, when the rule wraps one (e.g. LanguageTool)."""

    engine: str = Field(description="e.g. 'languagetool'")
    rule: str = Field(description="the engine's own rule id, e.g. 'EN_A_VS_AN'")
    category: str | None = Field(default=None, description="the engine's category, e.g. 'GRAMMAR'")


class Finding(_Frozen):
    """One problem in a note, with its exact span."""

    rule: str = Field(description="rule id, kebab-case", examples=["name-misspelled"])
    severity: Severity
    message: str
    start: Offset
    end: Offset
    line: PositiveInt = Field(description="1-based line of start")
    column: PositiveInt = Field(description="1-based column (code points) of start")
    end_line: PositiveInt
    end_column: PositiveInt = Field(description="1-based column of end (exclusive)")
    text: str = Field(description="the text of the span")
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    source: Source | None = None
    url: str | None = Field(default=None, description="documentation of the rule")


class Skipped(_Frozen):
    """A rule that could not run on this note, and why."""

    rule: str
    reason: str


class Stats(_Frozen):
    words: NonNegativeInt = 0
    sentences: NonNegativeInt = 0


class Report(_Frozen):
    """All findings for one note."""

    path: str | None = Field(default=None, description="the file, or None for text given directly")
    lang: str = Field(description="language tag the note was checked in, e.g. 'en' or 'de-AT'")
    score: Annotated[int, Field(ge=0, le=100)] = Field(
        description="0-100; 100 minus severity-weighted findings (docs/scoring.md)"
    )
    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    stats: Stats = Stats()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def worst(self) -> Severity | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)


class Tool(_Frozen):
    name: Literal["notelint"] = "notelint"
    version: str


class Summary(_Frozen):
    files: NonNegativeInt
    findings: NonNegativeInt
    error: NonNegativeInt
    warning: NonNegativeInt
    info: NonNegativeInt


class Output(_Frozen):
    """The whole JSON document `notelint check --format json` prints."""

    version: Literal[1] = 1
    tool: Tool
    reports: tuple[Report, ...]
    summary: Summary

    @classmethod
    def of(cls, reports: list[Report] | tuple[Report, ...]) -> Output:
        from notelint import __version__

        findings = [f for r in reports for f in r.findings]
        return cls(
            tool=Tool(version=__version__),
            reports=tuple(reports),
            summary=Summary(
                files=len(reports),
                findings=len(findings),
                error=sum(1 for f in findings if f.severity is Severity.error),
                warning=sum(1 for f in findings if f.severity is Severity.warning),
                info=sum(1 for f in findings if f.severity is Severity.info),
            ),
        )


def output_schema() -> dict[str, Any]:
    """JSON Schema of :class:`Output`, as committed in docs/schema/output.schema.json."""
    schema = Output.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "notelint output"
    return schema
