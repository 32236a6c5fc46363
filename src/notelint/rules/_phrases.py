"""Catalog matching with the precision filters the tone rules share.

A catalog match is dropped when it is not the writer's own assertion:

* it sits in a Markdown blockquote line (``> ...``: usually the quoted email being replied to);
* it sits inside quotation marks ("...", “...”, „...“, «...»);
* a negation precedes it in the same clause (``It was not a waste of my time``,
  ``keineswegs Zeitverschwendung``); clause boundaries are , ; : and but/aber/doch/sondern;
* one of the entry's ``unless`` patterns matches in the same sentence (``sorry for your loss``);
* with ``topical=True``: a verb of reporting precedes it in the sentence (``you mentioned that
  the market can be unfair``, ``wir sprachen über ...``): the words describe a topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from notelint._match import Match, PhraseCatalogMatcher
from notelint._packs import CatalogEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from notelint._engine import RuleEnv
    from notelint._note import Note

NEGATORS = {
    "en": {"not", "no", "never", "n't", "hardly", "nothing", "neither", "nor"},
    "de": {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keineswegs"}
    | {"nie", "niemals", "keinesfalls", "weder"},
}
CLAUSE_BREAKS = {
    "en": {",", ";", ":", "and", "but", "however", "yet", "although", "though", "(", ")", "-", "–"},
    "de": {",", ";", ":", "und", "aber", "doch", "sondern", "jedoch", "obwohl", "(", ")", "-", "–"},
}
REPORTING = {
    "en": {"talk", "discuss", "mention", "speak", "spoke", "chat", "explain", "describe"}
    | {"topic", "article", "podcast", "debate"},
    "de": {"sprechen", "besprechen", "erwähnen", "diskutieren", "unterhalten", "erzählen"}
    | {"erklären", "beschreiben", "thema", "artikel"},
}
# negations of more than one word, searched in the text just before a phrase
NEGATION_PHRASES = {
    "en": re.compile(r"\b(?:anything but|far from(?: being)?|by no means|not at all)\s*$", re.I),
    "de": re.compile(r"\b(?:alles andere als|weit davon entfernt|auf keinen fall)\s*$", re.I),
}
NEGATION_WINDOW = 5
_QUOTED = re.compile(
    r'"[^"\n]{1,200}"|“[^”“\n]{1,200}[”“]|„[^“”\n]{1,200}[“”]|«[^»\n]{1,200}»|»[^«\n]{1,200}«'
)
_BLOCKQUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)


@dataclass(frozen=True)
class CatalogMatchers:
    """The matcher for a catalog, and the matcher of its entries' ``unless`` patterns."""

    main: PhraseCatalogMatcher[CatalogEntry]
    unless: PhraseCatalogMatcher[int] | None


def catalog_matchers(env: RuleEnv, catalog: str, lang: str) -> CatalogMatchers:
    """Compiled once per rule environment and language."""

    def build() -> CatalogMatchers:
        entries: Sequence[CatalogEntry] = env.catalog(catalog, lang)
        main = PhraseCatalogMatcher(lang, entries, [e.pattern for e in entries])
        owners: list[int] = []
        patterns: list[str] = []
        for i, e in enumerate(entries):
            extra: Any = (e.model_extra or {}).get("unless") or ()
            for p in [extra] if isinstance(extra, str) else extra:
                owners.append(i)
                patterns.append(str(p))
        unless = PhraseCatalogMatcher(lang, owners, patterns) if patterns else None
        return CatalogMatchers(main, unless)

    result: CatalogMatchers = env.cached(("catalog", catalog, lang), build)
    return result


def _regions(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)


def negated(span: Span, lang: str) -> bool:
    """A negation within a few tokens before ``span``, in the same clause."""
    sent_start = span.sent.start if span.doc.has_annotation("SENT_START") else 0
    doc = span.doc
    before = doc.text[doc[max(sent_start, span.start - NEGATION_WINDOW)].idx : span.start_char]
    if span.start > sent_start and NEGATION_PHRASES[lang].search(before):
        return True
    seen = 0
    i = span.start - 1
    while i >= sent_start and seen < NEGATION_WINDOW:
        tok = doc[i]
        low = tok.lower_
        if low in CLAUSE_BREAKS[lang] or tok.norm_ in CLAUSE_BREAKS[lang]:
            return False
        if low in NEGATORS[lang] or tok.norm_ in NEGATORS[lang]:
            return True
        if not tok.is_punct:
            seen += 1
        i -= 1
    return False


def reported(span: Span, lang: str) -> bool:
    """A verb of reporting earlier in the sentence: the phrase names a topic, not a feeling."""
    doc: Doc = span.doc
    start = span.sent.start
    return any(
        doc[i].norm_ in REPORTING[lang] or doc[i].lower_ in REPORTING[lang]
        for i in range(start, span.start)
    )


def own_matches(
    env: RuleEnv, catalog: str, note: Note, *, topical: bool = False
) -> list[Match[CatalogEntry]]:
    """Catalog matches in the note that are the writer's own words (see the module docstring)."""
    matchers = catalog_matchers(env, catalog, note.lang)
    doc = note.doc
    found = matchers.main.find(doc)
    if not found:
        return []
    quoted = _regions(_QUOTED, note.prose)
    blockquotes = _regions(_BLOCKQUOTE, note.prose)
    vetoes: dict[int, list[Span]] = {}
    if matchers.unless is not None:
        for veto in matchers.unless.find(doc, overlapping=True):
            vetoes.setdefault(veto.item, []).append(veto.span)
    index = {id(e): i for i, e in enumerate(matchers.main.items)}
    out = []
    for m in found:
        s, e = m.span.start_char, m.span.end_char
        if _inside(blockquotes, s, e) or _inside(quoted, s, e):
            continue
        if negated(m.span, note.lang):
            continue
        if topical and reported(m.span, note.lang):
            continue
        sent = m.span.sent
        if any(v.sent.start == sent.start for v in vetoes.get(index[id(m.item)], ())):
            continue
        out.append(m)
    return out
