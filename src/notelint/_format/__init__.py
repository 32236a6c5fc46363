"""Output formats: text, json, sarif, github, junit. Each renders an :class:`Output`."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from notelint._format import github, junit, sarif, text
from notelint._format import json as json_format
from notelint._models import Output
from notelint._rule import Rule

Renderer = Callable[[Output, Mapping[str, type[Rule]]], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}


def render(fmt: str, output: Output, rules: Mapping[str, type[Rule]]) -> str:
    return FORMATS[fmt](output, rules)
