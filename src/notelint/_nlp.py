"""One spaCy pipeline per language per process: blank + sentencizer + lookup lemmas.

No model download. ``token.norm_`` is set to the lowercased lemma (with a lowercase fallback for
sentence-initial words), so Matcher patterns on NORM match inflected forms. A trained pipeline
(config ``spacy-model``) may be used instead where installed; rules never require it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LOCK = threading.Lock()
_PIPELINES: dict[tuple[str, str | None], Any] = {}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# Blank pipelines: lemma lookup table and a cache ORTH -> (LEMMA, NORM) per language. Lemma and
# norm depend only on the token text, so one vectorized component sets both (spaCy's lookup
# lemmatizer + a per-token norm component cost about 1 ms per note; this costs a tenth of that).
_TABLES: dict[str, Any] = {}
_LEMMA_NORM: dict[str, dict[int, tuple[int, int]]] = {}


def _lookup(table: dict[str, Any], text: str) -> str:
    lemma = table.get(text, text)
    if not isinstance(lemma, str):
        lemma = lemma[0] if lemma else text
    return lemma or text


def _fast_lemma_norm(doc: Doc) -> Doc:
    """Set LEMMA (lookup table, like spaCy's lookup lemmatizer) and NORM for every token."""
    import numpy
    from spacy.attrs import LEMMA, NORM, ORTH

    lang = doc.lang_
    table = _TABLES[lang]
    cache = _LEMMA_NORM.setdefault(lang, {})
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist()
    values = []
    for orth in orths:
        hit = cache.get(orth)
        if hit is None:
            text = strings[orth]
            lemma = _lookup(table, text)
            base = lemma
            if lemma == text and not text.islower():
                # sentence-initial (or capitalized) words the table does not know as written:
                # the lemma of the lowercase form; German nouns unknown in lowercase stay as is
                plain = text.translate(_APOSTROPHES)
                lower = plain.lower()
                base = _lookup(table, lower)
                if lang == "de" and text[:1].isupper() and base == lower:
                    base = plain
            norm = base.translate(_APOSTROPHES).lower()
            hit = (strings.add(lemma), strings.add(norm))
            cache[orth] = hit
        values.append(hit)
    if values:
        array: Any = numpy.array(values, dtype="uint64")
        doc.from_array([LEMMA, NORM], array)
    return doc


def _build(lang: str, model: str | None) -> Language:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("notelint_norm"):

        @Language.component("notelint_norm")
        def notelint_norm(doc: Doc) -> Doc:
            lookups = doc.vocab.lookups
            table = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else None
            for tok in doc:
                text = tok.text.translate(_APOSTROPHES)
                lemma = tok.lemma_ or text
                if table is not None and lemma == tok.text and not tok.text.islower():
                    lower = text.lower()
                    lemma = table.get(lower, lower)
                    if tok.text[:1].isupper() and lemma == lower and doc.lang_ == "de":
                        lemma = text  # German nouns stay as written
                tok.norm_ = lemma.translate(_APOSTROPHES).lower()
            return doc

    if model:
        nlp = spacy.load(model)
        if (
            "sentencizer" not in nlp.pipe_names
            and "parser" not in nlp.pipe_names
            and "senter" not in nlp.pipe_names
        ):
            nlp.add_pipe("sentencizer")
        nlp.add_pipe("notelint_norm", last=True)
        return nlp
    if not Language.has_factory("notelint_lemma_norm"):
        Language.component("notelint_lemma_norm", func=_fast_lemma_norm)
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    _TABLES[lang] = _lemma_lookup(lang)
    nlp.add_pipe("notelint_lemma_norm", name="lemmatizer")
    return nlp


def _lemma_lookup(lang: str) -> dict[str, Any]:
    """spacy-lookups-data's lemma_lookup table for ``lang`` as a plain dict.

    spaCy's own lookup lemmatizer would copy it into a hashed ``Table`` first: for German
    (355k entries) that alone took about a second of every cold CLI start.
    """
    from spacy.util import load_language_data, registry

    try:
        tables = registry.lookups.get(lang)
    except Exception:  # no lookups data for this language: lemmas are the words themselves
        return {}
    path = tables.get("lemma_lookup")
    return dict(load_language_data(path)) if path else {}


def get_nlp(lang: str, model: str | None = None) -> Language:
    """The shared pipeline for a base language ('en' or 'de')."""
    key = (lang, model)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(key)
            if nlp is None:
                nlp = _build(lang, model)
                _PIPELINES[key] = nlp
    return nlp  # type: ignore[no-any-return]


_DOC_LOCKS: dict[str, threading.Lock] = {"en": threading.Lock(), "de": threading.Lock()}


def make_doc(text: str, lang: str, model: str | None = None) -> Doc:
    """Run the pipeline; serialized per language because spaCy's tokenizer cache is shared."""
    nlp = get_nlp(lang, model)
    with _DOC_LOCKS.setdefault(lang, threading.Lock()):
        return nlp(text)
