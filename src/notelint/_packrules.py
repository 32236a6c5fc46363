"""Rules defined by rule packs (``id:`` + ``extends:``), built as Rule subclasses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from notelint._match import PhraseCatalogMatcher
from notelint._models import Finding
from notelint._note import Note
from notelint._packs import CatalogEntry, PackFile, Packs
from notelint._rule import RULE_ID, Rule


class ExistenceRule(Rule):
    """Base of pack rules that flag each occurrence of a catalog phrase."""

    pack: ClassVar[PackFile]
    source: ClassVar[str]

    def check(self, note: Note) -> Iterable[Finding]:
        entries = [e for e in self.pack.entries if note.lang in self.pack.lang]
        matcher: PhraseCatalogMatcher[CatalogEntry] = self.env.cached(
            ("pack-rule", self.id, note.lang),
            lambda: PhraseCatalogMatcher(note.lang, entries, [e.pattern for e in entries]),
        )
        for m in matcher.find(note.doc):
            start, end = note.span_of(m.span)
            template = self.pack.message or "'{match}' is discouraged here."
            message = template.format(
                match=m.span.text, why=m.item.why or "", instead=m.item.instead or ""
            )
            if m.item.why and "{why}" not in template:
                message += f" {m.item.why}"
            yield self.finding(
                note, start, end, message, suggestions=[m.item.instead] if m.item.instead else []
            )


def pack_rule_classes(packs: Packs) -> list[type[Rule]]:
    out: list[type[Rule]] = []
    for pf in packs.rule_definitions():
        assert pf.id is not None
        if not RULE_ID.match(pf.id):
            from notelint._errors import ConfigError

            raise ConfigError(
                "C005", path=pf.source, detail=f"rule id {pf.id!r} must be kebab-case"
            )
        doc = "\n\n".join(
            [
                pf.description or f"Pack rule {pf.id}.",
                f"What it does:\n    {pf.description or 'Flags phrases from the pack catalog.'}",
                f"Why it matters:\n    {pf.why or '(not documented by the pack)'}",
                f"Example:\n    {pf.example or pf.entries[0].pattern if pf.entries else ''}",
                f"Better:\n    {pf.better or '(not documented by the pack)'}",
            ]
        )
        cls = type(
            f"PackRule_{pf.id.replace('-', '_')}",
            (ExistenceRule,),
            {
                "__doc__": doc,
                "id": pf.id,
                "severity": pf.severity,
                "languages": frozenset(pf.lang),
                "pack": pf,
                "source": pf.source,
                "__module__": __name__,
            },
        )
        out.append(cls)
    return out
