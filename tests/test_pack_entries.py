"""Every entry of every built-in pack matches an example built from its own pattern.

A pattern that can never match as written (an alternative with a space in it is split into
mandatory words: "keep|stay in touch|contact" needs "in" and "touch|contact" after it) is a
silent hole in the catalog. The example sentence takes, for each pattern position, the first
alternative, leaves optional words out, writes one filler word for ``...`` and ``*`` and the
word itself for ``=word``; the rule's matcher (for generic-phrase, the expanded German
patterns of ``generic_matcher``) must find the entry in it.
"""

from __future__ import annotations

import pytest

from notelint import Config
from notelint._analysis.catalogs import GENERIC, expand_pattern, generic_matcher
from notelint._engine import RuleEnv
from notelint._match import PhraseCatalogMatcher
from notelint._nlp import make_doc
from notelint._packs import CatalogEntry, Packs

LANGS = ("en", "de")
FILLER = {"en": "really", "de": "wirklich"}


def _alternatives(raw: str, lang: str) -> list[str]:
    """The words a pattern position can be written as (``=`` and ``?`` marks removed)."""
    if raw in ("...", "*"):
        return [FILLER[lang]]
    word = raw[:-1] if raw.endswith("?") and len(raw) > 1 else raw
    return [a[1:] if a.startswith("=") and len(a) > 1 else a for a in word.split("|") if a]


def examples_for(pattern: str, lang: str) -> list[str]:
    """The first-alternative example, then one example per further alternative of a position."""
    slots = pattern.split()
    first = [
        None if raw.endswith("?") and len(raw) > 1 else alts[0]
        for raw, alts in ((r, _alternatives(r, lang)) for r in slots)
    ]
    out = [" ".join(w for w in first if w)]
    for i, raw in enumerate(slots):
        for alt in _alternatives(raw, lang)[1:]:
            words = [*first[:i], alt, *first[i + 1 :]]
            out.append(" ".join(w for w in words if w))
    return out


def example_for(pattern: str, lang: str) -> str:
    return examples_for(pattern, lang)[0]


def _rules(packs: Packs, lang: str) -> list[str]:
    return sorted({f.rule for f in packs.files if f.rule and lang in f.lang})


def _matcher(env: RuleEnv, rule: str, lang: str) -> PhraseCatalogMatcher[CatalogEntry]:
    if rule == GENERIC:
        return generic_matcher(env, lang)
    entries = env.catalog(rule, lang)
    return PhraseCatalogMatcher(lang, entries, [e.pattern for e in entries])


def test_example_builder() -> None:
    assert examples_for("very? excited ... to =join|=joined the team|crew", "en") == [
        "excited really to join the team",
        "excited really to joined the team",
        "excited really to join the crew",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_pack_entry_matches_its_own_example(lang: str) -> None:
    env = RuleEnv(Config(), Packs())
    broken: list[str] = []
    checked = 0
    for rule in _rules(env.packs, lang):
        matcher = _matcher(env, rule, lang)
        for entry in matcher.items:
            text, *others = examples_for(entry.pattern, lang)
            doc = make_doc(text, lang)
            found = any(m.item is entry for m in matcher.find(doc, overlapping=True))
            pattern = expand_pattern(lang, entry.pattern) if rule == GENERIC else entry.pattern
            alone = PhraseCatalogMatcher(lang, [entry], [pattern])
            if not found:
                # an earlier entry matching exactly the same words takes the span: the entry
                # must still match on its own
                found = bool(alone.find(doc))
            if not found:
                broken.append(f"{rule}: {entry.pattern!r} (example {text!r})")
            # every other alternative, and the entry's `unless` patterns, on their own
            broken.extend(
                f"{rule}: {entry.pattern!r} (example {t!r})"
                for t in others
                if not alone.find(make_doc(t, lang))
            )
            extra = (entry.model_extra or {}).get("unless") or ()
            for u in [extra] if isinstance(extra, str) else extra:
                unless = PhraseCatalogMatcher(lang, [0], [str(u)])
                broken.extend(
                    f"{rule}: unless {u!r} of {entry.pattern!r} (example {t!r})"
                    for t in examples_for(str(u), lang)
                    if not unless.find(make_doc(t, lang))
                )
            checked += 1
    assert checked > 100
    assert not broken, "entries that never match their own example:\n" + "\n".join(broken)


@pytest.mark.parametrize(
    ("pattern", "text", "hit"),
    [
        ("=received|=got your decision", "I got your decision", True),
        ("=received|got your decision", "I got your decision", True),
        ("=received|got your decision", "I get your decision", False),
    ],
)
def test_exact_marks_the_whole_position(pattern: str, text: str, hit: bool) -> None:
    m = PhraseCatalogMatcher("en", [0], [pattern])
    doc = make_doc(text, "en")
    assert bool(m.find(doc)) is hit
    assert [x.span for x in m.find(doc)] == [x.span for x in m.find_with_spacy(doc)]


def test_mixed_exact_and_lemma_alternatives_are_a_config_error() -> None:
    from notelint._errors import ConfigError

    with pytest.raises(ConfigError, match="whole token"):
        PhraseCatalogMatcher("en", [0], ["received|=got your decision"])
