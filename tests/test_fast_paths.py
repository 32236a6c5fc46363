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
