"""The rule reference (docs/rules/*.md), generated from the rule docstrings."""

from __future__ import annotations

from pathlib import Path

from notelint._rule import SECTIONS, Rule


def rule_markdown(cls: type[Rule]) -> str:
    sections = cls.doc_sections()
    needs = ", ".join([*sorted(cls.needs), *sorted(cls.requires)]) or "nothing"
    lines = [
        f"# {cls.id}",
        "",
        cls.summary(),
        "",
        f"- Default severity: **{cls.severity.value}**",
        f"- Languages: {', '.join(sorted(cls.languages))}",
        f"- Needs: {needs}",
        f"- Fixable: {'yes' if cls.fixable else 'no'}",
        "",
    ]
    for name in SECTIONS:
        body = sections.get(name, "")
        lines.append(f"## {name}")
        lines.append("")
        if name in ("Example", "Better"):
            lines += ["```markdown", body, "```"]
        else:
            lines.append(body)
        lines.append("")
    options = [(n, f) for n, f in cls.Options.model_fields.items()]
    if options:
        lines += ["## Options", "", f"In `[tool.notelint.rules.{cls.id}]`, besides `severity`:", ""]
        for n, f in options:
            lines.append(
                f"- `{n.replace('_', '-')}` (default `{f.default!r}`): {f.description or ''}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def generate(out_dir: Path, rules: dict[str, type[Rule]]) -> dict[Path, str]:
    """The files of the rule reference, by path (not written)."""
    files: dict[Path, str] = {}
    index = [
        "# Rule reference",
        "",
        "Generated from the rule docstrings by `python -m notelint._docs`; do not edit.",
        "",
        "| rule | severity | languages | needs | summary |",
        "|---|---|---|---|---|",
    ]
    for rid, cls in sorted(rules.items()):
        files[out_dir / f"{rid}.md"] = rule_markdown(cls)
        needs = ", ".join([*sorted(cls.needs), *sorted(cls.requires)]) or "-"
        index.append(
            f"| [{rid}]({rid}.md) | {cls.severity.value} | {', '.join(sorted(cls.languages))} | {needs} | {cls.summary()} |"
        )
    files[out_dir / "index.md"] = "\n".join(index) + "\n"
    return files


def main() -> None:
    from notelint._registry import discover

    out = Path(__file__).resolve().parents[2] / "docs" / "rules"
    out.mkdir(parents=True, exist_ok=True)
    files = generate(
        out, {k: v for k, v in discover().items() if v.__module__.startswith("notelint.")}
    )
    for stale in out.glob("*.md"):
        if stale not in files:
            stale.unlink()
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {out}")


if __name__ == "__main__":
    main()
