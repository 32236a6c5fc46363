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
    else:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        # the lemmatizer keeps its table to itself: share it for the lowercase fallback below
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_lookup", None)
        if table is not None and not nlp.vocab.lookups.has_table("lemma_lookup"):
            nlp.vocab.lookups.set_table("lemma_lookup", table)
    nlp.add_pipe("notelint_norm", last=True)
    return nlp


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
