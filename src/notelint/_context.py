"""The note's context: the front matter keys of design.md section 3, as a strict model."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator


class Channel(str, Enum):
    email = "email"
    handwritten = "handwritten"
    linkedin = "linkedin"


class Stage(str, Enum):
    after_interview = "after-interview"
    after_rejection = "after-rejection"


LANG_TAG = re.compile(r"^(en|de)(?:[-_]([A-Za-z]{2}))?$", re.IGNORECASE)
SUPPORTED_LANGS = ("en", "de")
REGIONS = {"en": ("US", "GB", "AU", "CA", "NZ", "ZA"), "de": ("DE", "AT", "CH")}


def normalize_lang(value: str) -> str:
    """'de_at' -> 'de-AT'; raises ValueError for anything notelint cannot check."""
    m = LANG_TAG.match(value.strip())
    if not m:
        raise ValueError(
            f"unsupported language {value!r}: use en or de, optionally with a region (en-GB, de-AT)"
        )
    base = m.group(1).lower()
    region = (m.group(2) or "").upper()
    if region and region not in REGIONS[base]:
        raise ValueError(
            f"unsupported region {region!r} for {base}: use one of {', '.join(REGIONS[base])}"
        )
    return f"{base}-{region}" if region else base


def _str_list(value: Any) -> Any:
    """A single string is accepted where a list of strings is expected."""
    if isinstance(value, str):
        return [value]
    return value


def _none_if_blank(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


_DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


def _date_only(value: Any) -> Any:
    """'2026-11-25' stays a date (not midnight): rules treat date-only values differently."""
    if isinstance(value, str) and _DATE_ONLY.match(value):
        return date.fromisoformat(value.strip())
    return value


StrList = Annotated[tuple[str, ...], BeforeValidator(_str_list)]
OptStr = Annotated[str | None, BeforeValidator(_none_if_blank)]
When = Annotated[datetime | date, BeforeValidator(_date_only)]


class Context(BaseModel):
    """What notelint knows about the situation a note is written in.

    Every key is optional. Front matter wins over config defaults (``[tool.notelint.context]``).
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", populate_by_name=True, str_strip_whitespace=True
    )

    interviewers: StrList = Field(
        default=(), description="people met; every name must be spelled right"
    )
    recipient: OptStr = Field(default=None, description="who the note is addressed to")
    sender: OptStr = Field(default=None, description="the candidate's own name")
    company: OptStr = Field(default=None, description="the company interviewed with")
    company_aliases: StrList = Field(
        default=(), alias="company_aliases", description="other correct forms of the company name"
    )
    role: OptStr = Field(default=None, description="the position")
    topics: StrList = Field(default=(), description="what was talked about in the interview")
    interview_at: When | None = Field(
        default=None, description="when the interview ended (ISO 8601)"
    )
    send_at: When | None = Field(
        default=None, description="when the note is sent or posted; default now"
    )
    channel: Channel = Field(default=Channel.email)
    stage: Stage | None = Field(
        default=None, description="after-interview (default) or after-rejection"
    )
    lang: str | None = Field(
        default=None, description="en or de, optionally with a region; default detected"
    )
    template: bool = Field(
        default=False, description="{{ var }} slots are variables, not leftovers"
    )

    @field_validator("lang")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        return normalize_lang(value) if value else None

    @field_validator("interviewers", "topics", "company_aliases")
    @classmethod
    def _non_empty_items(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(v.strip() for v in value if isinstance(v, str) and v.strip())
        return cleaned

    def names(self) -> dict[str, str]:
        """Every person or company name in the context, mapped to what it is."""
        out: dict[str, str] = {}
        for n in self.interviewers:
            out.setdefault(n, "interviewer")
        if self.recipient:
            out.setdefault(self.recipient, "recipient")
        if self.sender:
            out.setdefault(self.sender, "sender")
        if self.company:
            out.setdefault(self.company, "company")
        for a in self.company_aliases:
            out.setdefault(a, "company")
        return out


CONTEXT_KEYS: tuple[str, ...] = tuple((f.alias or name) for name, f in Context.model_fields.items())
