"""Loading the examples table (tests/examples/*.yaml); shared by tests and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"


@dataclass(frozen=True)
class Example:
    rule: str
    id: str
    lang: str
    expect: str  # "pass" or "fail"
    note: str
    context: dict[str, Any] = field(default_factory=dict)
    spans: tuple[str, ...] = ()
    config: dict[str, Any] = field(default_factory=dict)
    batch: tuple[dict[str, Any], ...] = ()  # other notes of the same run, for batch rules
    # a known miss of the learned content model: the test expects it to fail (strict xfail),
    # the benchmarks count it like any other example
    known_miss: str | None = None

    @property
    def key(self) -> str:
        return f"{self.rule}:{self.id}"


def load_examples(directory: Path = EXAMPLES_DIR) -> list[Example]:
    out: list[Example] = []
    for path in sorted(directory.glob("*.yaml")):
        rule = path.stem
        data = yaml.safe_load(path.read_text("utf-8")) or []
        seen: set[str] = set()
        for item in data:
            if item["id"] in seen:
                raise ValueError(f"{path}: duplicate example id {item['id']!r}")
            seen.add(item["id"])
            if item["expect"] not in ("pass", "fail"):
                raise ValueError(f"{path}: {item['id']}: expect must be pass or fail")
            out.append(
                Example(
                    rule=rule,
                    id=item["id"],
                    lang=item["lang"],
                    expect=item["expect"],
                    note=item["note"],
                    context=item.get("context") or {},
                    spans=tuple(item.get("spans") or ()),
                    config=item.get("config") or {},
                    batch=tuple(item.get("batch") or ()),
                    known_miss=item.get("known_miss"),
                )
            )
    return out


def run_example(ex: Example, linter_factory: Any = None) -> Any:
    """The report for an example, with only its rule selected."""
    import notelint
    from notelint import Config, Linter, NoteInput

    cfg = Config.model_validate({"select": [ex.rule], "lang": ex.lang, "cache": False, **ex.config})
    with Linter(cfg) as linter:
        if ex.batch:
            inputs = [NoteInput(text=ex.note, path=f"{ex.id}.md", context=ex.context)]
            inputs += [
                NoteInput(
                    text=b["note"], path=b.get("path", f"other-{i}.md"), context=b.get("context")
                )
                for i, b in enumerate(ex.batch)
            ]
            return linter.check_many(inputs)[0]
        return linter.check(ex.note, context=ex.context or None)
    del notelint


def fires(report: Any, rule: str) -> bool:
    """A rule fires on a note when it reports a warning or an error."""
    return any(f.rule == rule and f.severity.value in ("warning", "error") for f in report.findings)
