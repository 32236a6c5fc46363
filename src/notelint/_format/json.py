"""The JSON document of design.md section 5 (schema: docs/schema/output.schema.json)."""

from __future__ import annotations

from collections.abc import Mapping

from notelint._models import Output
from notelint._rule import Rule


def render(output: Output, rules: Mapping[str, type[Rule]]) -> str:
    return output.model_dump_json(indent=2) + "\n"
