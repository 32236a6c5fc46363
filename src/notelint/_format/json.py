"""The JSON document of design.md section 5 (schema: docs/schema/output.schema.json)."""

from __future__ import annotations

from notelint._format import View
from notelint._models import Output


def render(output: Output, view: View) -> str:
    return output.model_dump_json(indent=2) + "\n"
