"""The phrase catalogs of the rule packs, compiled for the analysis.

The catalogs (rules/<lang>/<rule>.yaml and the packs a user adds) are features of the
sentence-function model and pin sentences a coach wants flagged. They are compiled once per
rule environment and language; a bad entry is a config error naming its file (C005).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from notelint._errors import ConfigError
from notelint._match import PhraseCatalogMatcher, compile_pattern
from notelint._packs import CatalogEntry

if TYPE_CHECKING:
    from notelint._engine import RuleEnv

GENERIC = "generic-phrase"
KINDS = frozenset({"opener", "filler", "closer", "hedge", "stock-enthusiasm", "thanks"})
KIND_ALIASES = {
    "opening": "opener",
    "closing": "closer",
    "enthusiasm": "stock-enthusiasm",
    "thank-you": "thanks",
    "pleasantry": "filler",
}
# why / instead for entries that leave them out (a pack entry may be just a pattern)
DEFAULT_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "opener": ("A stock opening line.", "Open with something from the conversation."),
        "filler": ("A stock sentence any candidate could write.", "Replace it with a detail."),
        "closer": ("A stock closing line.", "End with a concrete next step or question."),
        "hedge": ("A claim without evidence.", "Give the evidence instead of the claim."),
        "stock-enthusiasm": ("Enthusiasm without a reason.", "Say what excites you about it."),
        "thanks": ("A thank-you that names nothing.", "Say what you are thankful for."),
    },
    "de": {
        "opener": ("Ein Standard-Einstieg.", "Mit etwas aus dem Gespräch beginnen."),
        "filler": ("Ein Satz, den jede Bewerberin schreiben könnte.", "Ein Detail nennen."),
        "closer": ("Ein Standard-Schlusssatz.", "Mit einem konkreten nächsten Schritt enden."),
        "hedge": ("Eine Behauptung ohne Beleg.", "Den Beleg statt der Behauptung liefern."),
        "stock-enthusiasm": ("Begeisterung ohne Grund.", "Sagen, was Sie daran reizt."),
        "thanks": ("Ein Dank ohne Anlass.", "Sagen, wofür Sie danken."),
    },
}
_DE_ENDINGS = ("", "e", "en", "em", "er", "es")


def expand_pattern(lang: str, pattern: str) -> str:
    """German: every plain word also matches its inflected forms (schön -> schöne, schönen, ...).

    The lookup lemmatizer knows only some forms ("nette" stays "nette"), so an adjective or
    article in a pattern would otherwise miss most of its forms.
    """
    if lang != "de":
        return pattern
    out: list[str] = []
    for raw in pattern.split():
        optional = raw.endswith("?") and len(raw) > 1
        word = raw[:-1] if optional else raw
        if raw in ("...", "*") or word.startswith("="):
            out.append(raw)
            continue
        forms: list[str] = []
        for alt in word.split("|"):
            if not alt.isalpha():
                forms.append(alt)
                continue
            stems = {alt, alt[:-1]} if alt.endswith("e") and len(alt) > 3 else {alt}
            forms.extend(f"{st}{end}" for st in sorted(stems) for end in _DE_ENDINGS)
        out.append("|".join(dict.fromkeys(forms)) + ("?" if optional else ""))
    return " ".join(out)


def _source_of(env: RuleEnv, rule: str, entry: CatalogEntry) -> str:
    for f in env.packs.files:
        if f.rule == rule and any(x.pattern == entry.pattern for x in f.entries):
            return f.source
    return "rule pack"


def _generic_entries(env: RuleEnv, lang: str) -> list[CatalogEntry]:
    """The generic-phrase entries with their kind checked and why / instead filled in."""
    entries: list[CatalogEntry] = []
    for e in env.catalog(GENERIC, lang):
        kind = KIND_ALIASES.get(e.kind or "filler", e.kind or "filler")
        if kind not in KINDS:
            raise ConfigError(
                "C005",
                path=_source_of(env, GENERIC, e),
                detail=f"generic-phrase entry {e.pattern!r}: kind must be one of "
                f"{', '.join(sorted(KINDS))}, not {e.kind!r}",
            )
        why, instead = DEFAULT_TEXTS[lang][kind]
        entries.append(
            e.model_copy(
                update={"kind": kind, "why": e.why or why, "instead": e.instead or instead}
            )
        )
    return entries


def generic_matcher(env: RuleEnv, lang: str) -> PhraseCatalogMatcher[CatalogEntry]:
    """The generic-phrase catalog as one matcher (German patterns expanded to inflections)."""

    def build() -> PhraseCatalogMatcher[CatalogEntry]:
        entries = _generic_entries(env, lang)
        patterns = [expand_pattern(lang, e.pattern) for e in entries]
        for e, p in zip(entries, patterns, strict=True):
            try:
                compile_pattern(lang, p)
            except ValueError as exc:
                raise ConfigError(
                    "C005",
                    path=_source_of(env, GENERIC, e),
                    detail=f"bad pattern {e.pattern!r}: {exc}",
                ) from None
        return PhraseCatalogMatcher(lang, entries, patterns)

    matcher: Any = env.cached(("analysis:generic-phrase", lang), build)
    return matcher  # type: ignore[no-any-return]
