"""Output formats. Each renders an :class:`Output` for a :class:`View`.

``full`` (the default text format, like ruff's) shows the source line with carets under the
span; ``concise`` is one line per finding (``path:line:col: severity rule message``) for
editors and grep. ``text`` is an alias of ``full``. Machine formats: json, sarif, github,
junit, gitlab (code quality), rdjson (reviewdog).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TextIO

from notelint._models import Output
from notelint._rule import Rule


@dataclass(frozen=True)
class View:
    """What a renderer may use besides the findings."""

    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # report path -> the text checked
    color: bool = False


Renderer = Callable[[Output, View], str]


def _registry() -> dict[str, Renderer]:
    from notelint._format import full, github, gitlab, junit, rdjson, sarif, text
    from notelint._format import json as json_format

    return {
        "full": full.render,
        "concise": text.render,
        "json": json_format.render,
        "sarif": sarif.render,
        "github": github.render,
        "junit": junit.render,
        "gitlab": gitlab.render,
        "rdjson": rdjson.render,
    }


FORMATS: tuple[str, ...] = (
    "full",
    "concise",
    "text",
    "json",
    "sarif",
    "github",
    "junit",
    "gitlab",
    "rdjson",
)
ALIASES = {"text": "full"}


def render(fmt: str, output: Output, view: View | None = None) -> str:
    return _registry()[ALIASES.get(fmt, fmt)](output, view or View())


def use_color(stream: TextIO, choice: str = "auto") -> bool:
    """Colour on a terminal; NO_COLOR turns it off, FORCE_COLOR on (https://no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force != "0":
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(callable(isatty) and isatty())
