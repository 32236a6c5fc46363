"""The vectorized lemma/norm component gives what spaCy's lookup lemmatizer gives.

Pins the speed-up in _nlp.py (benchmarks issue): LEMMA must equal spaCy's lookup lemmatizer
and NORM the lowercased lemma with curly apostrophes straightened, token by token.
"""

from __future__ import annotations

import pytest
import spacy
from benchmarks.corpus import generate

from notelint._nlp import get_nlp

EXTRA = {
    "en": "Don’t ‘quote’ me: Thanks!! It's  THE   Running runs ran. ʼx As Atlas were better.",
    "de": "Vielen Dank für Ihre Zeit. Gärten Häuser gingen ging Ärzte’s Frage, Herzliche Grüße",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_lemma_and_norm_match_spacys_lookup_lemmatizer(lang: str) -> None:
    reference = spacy.blank(lang)
    reference.add_pipe("sentencizer")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    ours = get_nlp(lang)
    texts = [n.body for n in generate(30, seed=4, langs=(lang,))] + [EXTRA[lang]]
    for text in texts:
        for ref, tok in zip(reference(text), ours(text), strict=True):
            assert tok.lemma_ == ref.lemma_, tok.text
            expected = ref.lemma_.translate(str.maketrans("’‘ʼ", "'''")).lower()
            assert tok.norm_ == expected, tok.text
            assert tok.is_sent_start == ref.is_sent_start, tok.text
