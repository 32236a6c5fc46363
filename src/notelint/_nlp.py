"""One spaCy pipeline per language per process: blank + sentencizer + lookup lemmas.

No model download. ``token.norm_`` is set to the lowercased lemma (with a lowercase fallback for
sentence-initial words), so Matcher patterns on NORM match inflected forms. A trained pipeline
(config ``spacy-model``) may be used instead where installed; rules never require it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from pathlib import Path
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
    _TABLES[lang] = _lemma_table(lang)
    nlp.add_pipe("notelint_lemma_norm", name="lemmatizer")
    return nlp


def _lemma_table(lang: str) -> Any:
    """The lemma table for ``lang``: a read-only SQLite copy in the user cache folder when it
    can be made (a cold start then reads the few hundred entries it needs instead of parsing
    the whole gzipped JSON, about 0.2 s for German's 355k entries), else the plain dict."""
    path = _lemma_cache_file(lang)
    if path is not None:
        table = _SqliteLemmas.open(path, lang)
        if table is None:
            lookup = _lemma_lookup(lang)
            if _write_lemma_cache(path, lookup):
                table = _SqliteLemmas.open(path, lang)
            if table is None:
                return lookup
        return table
    return _lemma_lookup(lang)


def _lemma_cache_file(lang: str) -> Path | None:
    """``<user cache>/notelint/lemmas/<lang>-<spacy-lookups-data version>-v1.sqlite``."""
    try:
        from importlib.metadata import version

        data_version = version("spacy-lookups-data")
    except Exception:  # not installed: no table to copy
        return None
    base = os.environ.get("NOTELINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "notelint",
    )
    return Path(base) / "lemmas" / f"{lang}-{data_version}-v1.sqlite"


def _write_lemma_cache(path: Path, table: dict[str, Any]) -> bool:
    """Write the table atomically (a temporary file renamed into place); False on failure."""
    import sqlite3

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        os.close(fd)
        con = sqlite3.connect(tmp)
        try:
            con.execute("CREATE TABLE lemma (k TEXT PRIMARY KEY, v TEXT NOT NULL, j INTEGER)")
            con.executemany(
                "INSERT INTO lemma VALUES (?, ?, ?)",
                (
                    (k, v, 0) if isinstance(v, str) else (k, json.dumps(v), 1)
                    for k, v in table.items()
                ),
            )
            con.execute("CREATE TABLE meta (entries INTEGER)")
            con.execute("INSERT INTO meta VALUES (?)", (len(table),))
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error):  # a read-only home: the dict is used
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False


class _SqliteLemmas:
    """Dict-like ``get`` over the SQLite copy of a lemma table (thread- and fork-safe)."""

    def __init__(self, path: Path, lang: str) -> None:
        self.path = path
        self.lang = lang
        self._lock = threading.Lock()
        self._con: Any = None
        self._pid = -1
        self._fallback: dict[str, Any] | None = None  # the JSON table, if the file fails

    @classmethod
    def open(cls, path: Path, lang: str) -> _SqliteLemmas | None:
        """The table at ``path``, or None when it is missing, incomplete or corrupt."""
        import sqlite3

        if not path.is_file():
            return None
        table = cls(path, lang)
        try:
            with table._lock:
                con = table._connection()
                row = con.execute("SELECT entries FROM meta").fetchone()
                con.execute("SELECT v, j FROM lemma WHERE k = ?", ("",)).fetchone()
            if row is None or not row[0]:
                raise sqlite3.DatabaseError("empty lemma table")
        except sqlite3.Error:  # corrupt or not a database: rebuilt by the caller
            table.close()
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        return table

    def _connection(self) -> Any:
        import sqlite3

        if self._con is None or self._pid != os.getpid():
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def close(self) -> None:
        if self._con is not None and self._pid == os.getpid():
            self._con.close()
        self._con = None

    def get(self, key: str, default: Any = None) -> Any:
        import sqlite3

        with self._lock:
            if self._fallback is None:
                try:
                    con = self._connection()
                    row = con.execute("SELECT v, j FROM lemma WHERE k = ?", (key,)).fetchone()
                except sqlite3.Error:  # damaged while in use: the JSON table from now on
                    self._fallback = _lemma_lookup(self.lang)
            if self._fallback is not None:
                return self._fallback.get(key, default)
        if row is None:
            return default
        return json.loads(row[0]) if row[1] else row[0]


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
    """Run the pipeline; serialized per language because spaCy's tokenizer cache is shared.

    spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) because a parser or
    NER needs about 1 GB per 100,000 words. The blank pipeline (tokenizer, sentencizer, lookup
    lemmas) is linear in the text, so the limit is raised for it: a note is bounded by
    ``max-file-size`` instead. A trained pipeline keeps its limit (``check_length``).
    """
    nlp = get_nlp(lang, model)
    with _DOC_LOCKS.setdefault(lang, threading.Lock()):
        if model is None and len(text) >= nlp.max_length:
            nlp.max_length = len(text) + 1
        return nlp(text)


SPACY_MAX_LENGTH = 1_000_000  # spaCy's default nlp.max_length, kept for trained pipelines


def check_length(text: str, *, model: str | None, name: str) -> None:
    """InputError when a trained pipeline would refuse ``text`` (checked when the note is read,
    so that one such note is a per-file error, not a crash of the run)."""
    from notelint._errors import InputError

    if model is not None and len(text) >= SPACY_MAX_LENGTH:
        raise InputError(
            "E014",
            path=name,
            size=len(text),
            limit=SPACY_MAX_LENGTH,
            model=model,
        )
