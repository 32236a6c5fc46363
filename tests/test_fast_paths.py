"""Fast paths give exactly what the slow paths they replaced gave.

Pins the speed-ups of the benchmarks issue: in _nlp.py, LEMMA must equal spaCy's lookup
lemmatizer and NORM the lowercased lemma (capitalized words the table does not know as written
take the lemma of their lowercase form; German nouns unknown in lowercase stay as written);
in _match.py, skipping patterns whose words are absent must not change any match.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from benchmarks.corpus import generate

from notelint._nlp import get_nlp

EXTRA = {
    "en": "Don’t ‘quote’ me: Thanks!! It's  THE   Running runs ran. ʼx As Atlas were better.",
    "de": "Vielen Dank für Ihre Zeit. Gärten Häuser gingen ging Ärzte’s Frage, Herzliche Grüße",
}


_APOS = str.maketrans("\u2019\u2018\u02bc", "'''")


def _reference_norm(tok: Any, table: Any, lang: str) -> str:
    """The per-token norm component the fast one replaced (core commit 808b778)."""
    text = tok.text.translate(_APOS)
    lemma = tok.lemma_ or text
    if lemma == tok.text and not tok.text.islower():
        lower = text.lower()
        lemma = table.get(lower, lower)
        if tok.text[:1].isupper() and lemma == lower and lang == "de":
            lemma = text
    return str(lemma).translate(_APOS).lower()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_lemma_and_norm_match_spacys_lookup_lemmatizer(lang: str) -> None:
    reference = spacy.blank(lang)
    reference.add_pipe("sentencizer")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    table = reference.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    ours = get_nlp(lang)
    texts = [n.body for n in generate(30, seed=4, langs=(lang,))] + [EXTRA[lang]]
    for text in texts:
        for ref, tok in zip(reference(text), ours(text), strict=True):
            assert tok.lemma_ == ref.lemma_, tok.text
            assert tok.norm_ == _reference_norm(ref, table, lang), tok.text
            assert tok.is_sent_start == ref.is_sent_start, tok.text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_catalog_matcher_prefilter_finds_what_the_full_matcher_finds(lang: str) -> None:
    """Pins the PhraseCatalogMatcher speed-up: patterns whose required words are absent are
    skipped, which must never change the matches."""
    from spacy.util import filter_spans

    from notelint._match import PhraseCatalogMatcher
    from notelint._nlp import make_doc

    patterns = [
        "thank you ... time",
        "look forward to hear|hearing",
        "=XYZ",
        "perfect fit",
        "I be confident",
        "vielen Dank",
        "freuen ... auf",
        "team player?",
        "* opportunity",
    ]
    m = PhraseCatalogMatcher(lang, patterns, patterns)
    texts = [n.body for n in generate(25, seed=6, langs=(lang,))] + [
        "Thank you for your time. I look forward to hearing from you; I am the perfect fit, XYZ.",
        "Vielen Dank! Ich freue mich sehr auf Ihre Antwort. Great opportunity, team.",
    ]
    for text in texts:
        doc = make_doc(text, lang)
        full = m._matcher(doc)
        first: dict[tuple[int, int], int] = {}
        for match_id, s, e in full:
            first.setdefault((s, e), int(doc.vocab.strings[match_id]))
        expected = sorted(
            (
                (patterns[first[(sp.start, sp.end)]], sp.start, sp.end)
                for sp in filter_spans([doc[s:e] for s, e in first])
            ),
            key=lambda t: t[1],
        )
        got = [(x.item, x.span.start, x.span.end) for x in m.find(doc)]
        assert got == expected, text


# -- name-misspelled (benchmarks issue: compare_word ran for every token and every name) ------


def _reference_tokens(prose: str) -> list[tuple[int, int, str, int, str]]:
    """notelint.rules._names.tokens before the speed-up (one regex match object per word)."""
    from notelint.rules._names import WORD

    apos = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
    out = []
    prev_end = 0
    for m in WORD.finditer(prose):
        text = m.group()
        low = text.translate(apos)
        core = text
        if len(low) > 3 and low.endswith("'s"):
            core = text[:-2]
        elif len(low) > 2 and low.endswith("'"):
            core = text[:-1]
        out.append((m.start(), m.start() + len(core), core, m.end(), prose[prev_end : m.start()]))
        prev_end = m.end()
    return out


def test_name_tokens_match_the_reference_tokenizer() -> None:
    from notelint.rules._names import tokens

    texts = [n.body for n in generate(20, seed=8)] + [
        "Rita’s and Jonas' notes; Müller's, O'Brien, Dʼ Angelo, naʼ, Saʼs a's Ritaʼ x’s Kwame`s",
        "García-López — 12 Ødegaard_3 ¡Hola! Ms.Izaguirre, ß-Straße.\n\nBest,\nAlex",
        "",
        "   ",
    ]
    for text in texts:
        assert [tuple(t) for t in tokens(text)] == _reference_tokens(text), text


def _variants(word: str) -> list[str]:
    """Misspellings of a context name part: what name-misspelled has to recognise."""
    from notelint.rules._names import fold

    out = {word, word.upper(), word.lower(), fold(word), fold(word).capitalize(), word + "s"}
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])  # a dropped letter
        out.add(word[:i] + word[i] + word[i:])  # a doubled one
        out.add(word[:i] + "e" + word[i + 1 :])  # a wrong one
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # transposed
    for a, b in (("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("ß", "ss"), ("ø", "oe"), ("y", "ie")):
        out.add(word.replace(a, b))
    return [w for w in out if w]


def test_word_comparer_gives_exactly_what_compare_word_gives() -> None:
    """Pins the name-misspelled prefilter (two rapidfuzz cdist calls, then compare_word for
    the candidate pairs only): for every word and every context name part, the result is
    compare_word's, including the pairs the prefilter rules out."""
    from name_cases import CASES
    from notelint.rules._names import (
        WORD,
        WordComparer,
        build_names,
        compare_word,
        tokens,
    )

    contexts = [c.context for c in CASES] + [n.context for n in generate(30, seed=9)]
    contexts.append(
        {
            "interviewers": ["Dr. Jürgen Weißmann", "Siobhán Ó Súilleabháin"],
            "company": "Ødegaard AS",
        }
    )
    bodies = [c.text for c in CASES[:40]] + [n.body for n in generate(6, seed=9)]
    common = sorted({t.text for body in bodies for t in tokens(body)})
    checked = 0
    for ctx in contexts:
        names = build_names(
            tuple(ctx.get("interviewers") or ()),
            ctx.get("recipient"),
            ctx.get("company"),
            tuple(ctx.get("company_aliases") or ()),
            ctx.get("sender"),
        )
        index = names.part_index()
        words = list(common[::7])
        for part in index.parts:
            words += _variants(part)
        words += [m.group() for m in WORD.finditer(" ".join(ctx.get("topics") or ()))]
        compare = WordComparer(index, words)
        for w in words:
            for p in index.parts:
                assert compare(w, p) == compare_word(w, p), (w, p)
                checked += 1
            related = any(compare_word(w, p) is not None for p in index.first_parts)
            assert (w in compare.related) == related, w
    assert checked > 20_000


# -- no-conversation-reference (benchmarks issue: word_matches ran for every topic x token) --

_TOPIC_TEXTS = {
    "en": ["San Francisco trip", "AI tooling", "Kubernetes upgrade", "dashboard for churn", "the"],
    "de": ["Kundenportal-Relaunch", "Lager", "Umzug nach Leipzig", "KI-Strategie", "Projekt"],
}
_TOPIC_BODIES = {
    "en": "Your trip to San Francisco, the AI-tooling demo and the Kubernets upgrade; churned "
    "dashboards, AI's future, re-branding, trips, San-Francisco-based teams.",
    "de": "Der Relaunch des Kundenportals, das Hochregallager, die Lagersysteme, der Leipziger "
    "Umzug, die KI-Strategie, Umzugs-Planung und Projekte mit Kundenportal-Relaunches.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_topic_index_matches_exactly_what_word_matches_matches(lang: str) -> None:
    """Pins the topic matching speed-up: the per-note index of topic forms must give, for
    every token, exactly the topic words that word_matches accepts."""
    from notelint._nlp import make_doc
    from notelint.rules._topics import _TopicIndex, parse_topic, word_matches

    generic = frozenset({"project", "projekt", "team", "trip"})
    notes = generate(30, seed=12, langs=(lang,))
    topic_texts = _TOPIC_TEXTS[lang] + [t for n in notes for t in n.context["topics"]]  # type: ignore[attr-defined]
    words = [w for t in topic_texts for w in parse_topic(t, lang, generic).words]
    index = _TopicIndex(words, lang)
    compared = 0
    for text in [_TOPIC_BODIES[lang]] + [n.body for n in notes[:10]]:
        for tok in make_doc(text, lang):
            got = index.matches(tok.text, tok.norm_)
            want = {k for k, w in enumerate(words) if word_matches(w, tok.text, tok.norm_, lang)}
            assert got == want, tok.text
            compared += len(words)
    assert compared > 10_000


def test_duplicate_note_fold_matches_the_per_character_reference() -> None:
    """Pins duplicate-note's fold speed-up (ASCII shortcut, only non-ASCII characters looked
    at): the same result as dropping every combining mark after NFKD."""
    import unicodedata

    from notelint.rules.duplicate_note import fold

    def reference(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss")

    texts = [n.text for n in generate(20, seed=3)] + [
        "Müller & Söhne, ﬁle, Ǆ, ẞ, Ω, Å, ñ, x\u0303, 한국, ĳ, ℌ, ①, İ",
        "".join(chr(i) for i in range(0x80, 0x3000)),
    ]
    for text in texts:
        assert fold(text) == reference(text)


def test_pack_files_load_the_same_with_libyaml() -> None:
    """Pins the cold-start speed-up of _packs._load_yaml (libyaml instead of pure Python):
    every built-in pack file gives the same data, and a broken file the same error."""
    import yaml

    from notelint._packs import _iter_yaml, _load_yaml, builtin_pack_dir

    files = list(_iter_yaml(builtin_pack_dir()))
    assert files
    for path in files:
        text = path.read_text("utf-8")
        assert _load_yaml(text) == yaml.safe_load(text), path
    broken = "rule: x\nentries:\n  - pattern: [unclosed\n"
    with pytest.raises(yaml.YAMLError) as fast:
        _load_yaml(broken)
    with pytest.raises(yaml.YAMLError) as slow:
        yaml.safe_load(broken)
    assert str(fast.value) == str(slow.value)
