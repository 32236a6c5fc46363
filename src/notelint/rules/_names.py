"""Name matching for name-misspelled and wrong-company: folding, tokens, slots, fuzzy scores.

Folding is proper Unicode work: NFD decomposition with combining marks stripped (José -> jose,
Nguyễn -> nguyen), then anyascii (ISC licence) for letters that do not decompose (ø, ł, ß, đ,
ı). Conventional German/Nordic transliterations (ü -> ue, ö -> oe, ä -> ae, ß -> ss, ø -> oe,
æ -> ae, å -> aa) are accepted as correct spellings: "Mueller" is how Herr Müller writes his
own name in an e-mail address and on many forms, so flagging it would be a false positive.
"Muller" (the umlaut dropped without the e) is flagged.
"""

from __future__ import annotations

import itertools
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz.distance import OSA, JaroWinkler

# -- folding ---------------------------------------------------------------------------------

_TRANSLIT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "ø": "oe",
        "Ø": "Oe",
        "æ": "ae",
        "Æ": "Ae",
        "å": "aa",
        "Å": "Aa",
    }
)
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase, diacritics stripped, transliterated to ASCII: 'Ó Súilleabháin' -> 'o suilleabhain'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_APOS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return anyascii(unicodedata.normalize("NFC", stripped)).lower()


@lru_cache(maxsize=4096)
def fold_translit(text: str) -> str:
    """Like :func:`fold`, with ü -> ue, ø -> oe ... first (accepted transliterations)."""
    return fold(unicodedata.normalize("NFC", text).translate(_TRANSLIT))


_VOWELS = re.compile(r"(?<=.)[aeiouyhw]")


def skeleton(folded: str) -> str:
    """Consonant skeleton of a folded name (first letter kept): kathryn, katherine -> kthrn."""
    s = _VOWELS.sub("", folded)
    return re.sub(r"(.)\1+", r"\1", s)


# -- tokens ----------------------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "los",
        "las",
        "ter",
        "ten",
        "zu",
        "vom",
        "zum",
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "bint",
        "ó",
        "o'",
        "mac",
        "mc",
        "ní",
        "nic",
        "ua",
        "y",
        "e",
        "i",
    ]
)
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "madam",
        "frau",
        "herr",
        "herrn",
        "fräulein",
        "dipl",
        "ing",
        "mag",
    ]
)
LEGAL_SUFFIXES = (
    "Inc",
    "Inc.",
    "LLC",
    "L.L.C.",
    "Ltd",
    "Ltd.",
    "GmbH",
    "AG",
    "SE",
    "KG",
    "KGaA",
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Corporation",
    "PLC",
    "plc",
    "LLP",
    "LP",
    "S.A.",
    "SA",
    "B.V.",
    "BV",
    "N.V.",
    "e.V.",
    "UG",
    "OHG",
    "GbR",
    "mbH",
    "Group",
    "Gruppe",
)


class Tok(NamedTuple):
    """A word of the body (a named tuple: a note has hundreds, built on every check)."""

    start: int  # body offsets of the name core (possessive stripped)
    end: int
    text: str  # the core
    raw_end: int  # end including a possessive ending
    sep_before: str  # text between the previous token and this one


_SEP_WORD = re.compile(r"([\W\d_]*)(" + WORD.pattern + ")")
_APOS_CHARS = frozenset("'\u2019\u2018\u02bc`")  # what _APOS maps to "'"


def tokens(prose: str) -> list[Tok]:
    """Word tokens of ``prose``; hyphenated words split; possessive 's / ’s kept out of the core."""
    out: list[Tok] = []
    append = out.append
    new = tuple.__new__  # Tok(...) without the named tuple's Python-level __new__
    prev_end = 0
    # (separator, word) pairs in one C call: between two words there are only non-letters
    for sep, text in _SEP_WORD.findall(prose):
        start = prev_end + len(sep)
        end = start + len(text)
        last = text[-1]
        if last == "s" and len(text) > 3 and text[-2] in _APOS_CHARS:
            core, core_end = text[:-2], end - 2
        elif last in _APOS_CHARS and len(text) > 2:
            core, core_end = text[:-1], end - 1
        else:
            core, core_end = text, end
        append(new(Tok, (start, core_end, core, end, sep)))
        prev_end = end
    return out


def split_name(name: str) -> list[str]:
    """Name tokens of a context name (titles dropped): 'Dr. García-López' -> ['García', 'López']."""
    parts = [m.group() for m in WORD.finditer(name)]
    while parts and parts[0].lower().rstrip(".") in TITLES and len(parts) > 1:
        parts = parts[1:]
    return parts


# -- the lexicon of common words ------------------------------------------------------------

_LEX_LOCK = threading.Lock()
_LEXICON: dict[str, frozenset[str]] = {}

# Words never treated as names when they are close to one (besides the lemma lexicon).
_EXTRA_COMMON = {
    "en": {"thanks", "thank", "regards", "best", "cheers", "sincerely", "warmly", "team", "all"},
    "de": {"grüße", "gruß", "viele", "beste", "liebe", "lieber", "herzliche", "team", "zusammen"},
}


_PROB_CUTOFF = {"en": -13.0, "de": -14.0}  # about the 20,000 / 45,000 most frequent words


def lexicon(lang: str) -> frozenset[str]:
    """Lowercased common words of ``lang`` (spacy-lookups-data lemma table: forms and lemmas).

    Building it parses large tables (about 1.7 s per language), so the result is kept as a
    plain word list in the user cache folder, keyed by the data version (about 10-100 ms to load).
    """
    lex = _LEXICON.get(lang)
    if lex is not None:
        return lex
    with _LEX_LOCK:
        lex = _LEXICON.get(lang)
        if lex is None:
            lex = _load_cached_lexicon(lang)
            _LEXICON[lang] = lex
    return lex


def _lexicon_cache_file(lang: str) -> Path | None:
    try:
        from importlib.metadata import version

        data_version = version("spacy-lookups-data")
    except Exception:  # pragma: no cover - always installed
        return None
    key = f"{lang}-{data_version}-{_PROB_CUTOFF.get(lang)}-{len(_EXTRA_COMMON.get(lang, ()))}-v1"
    base = os.environ.get("NOTELINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "notelint",
    )
    return Path(base) / "lexicon" / f"{key}.txt"


def _load_cached_lexicon(lang: str) -> frozenset[str]:
    path = _lexicon_cache_file(lang)
    if path is not None:
        try:
            return frozenset(path.read_text("utf-8").split("\n"))
        except (OSError, UnicodeDecodeError):
            pass
    lex = _build_lexicon(lang)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(sorted(lex)))
            os.replace(tmp, path)
        except OSError:  # a read-only home: just rebuild next time
            pass
    return lex


def _build_lexicon(lang: str) -> frozenset[str]:
    words: set[str] = set(_EXTRA_COMMON.get(lang, ()))
    try:
        import importlib.resources

        import srsly

        path = importlib.resources.files("spacy_lookups_data") / "data"
        table = srsly.read_gzip_json(str(path / f"{lang}_lemma_lookup.json.gz"))
        words.update(k.lower() for k in table)
        words.update(str(v).lower() for v in table.values())
        # frequent words too (the lemma table lacks many base forms: "Zukunft")
        probs = srsly.read_gzip_json(str(path / f"{lang}_lexeme_prob.json.gz"))
        cutoff = _PROB_CUTOFF.get(lang, -13.0)
        words.update(k.lower() for k, v in probs.items() if v >= cutoff and k.isalpha())
    except (ImportError, OSError, ValueError):  # pragma: no cover - always installed
        pass
    return frozenset(words)


# -- context names --------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A way a context name can be written: the full name, a first or last name, a part."""

    parts: tuple[str, ...]
    seps: tuple[str, ...]  # separators between parts, as written in the context
    kind: str  # interviewer, recipient, company
    full: str  # the context value

    @property
    def text(self) -> str:
        out = self.parts[0]
        for sep, part in zip(self.seps, self.parts[1:], strict=False):
            out += sep + part
        return out


def _name_units(name: str, kind: str) -> list[Unit]:
    words = [m for m in WORD.finditer(name)]
    while len(words) > 1 and words[0].group().lower().rstrip(".") in TITLES:
        words = words[1:]
    if not words:
        return []
    parts = [w.group() for w in words]
    seps = ["-" if "-" in name[a.end() : b.start()] else " " for a, b in itertools.pairwise(words)]

    def unit(i: int, j: int) -> Unit:
        return Unit(tuple(parts[i:j]), tuple(seps[i : j - 1]), kind, name)

    out = [unit(0, len(parts))]
    n = len(parts)
    if kind == "company":
        # the name without a legal suffix ("Jackson Spalding Inc." -> "Jackson Spalding")
        j = n
        while j > 1 and (parts[j - 1] in LEGAL_SUFFIXES or parts[j - 1] + "." in LEGAL_SUFFIXES):
            j -= 1
        if j < n:
            out.append(unit(0, j))
        return out
    for i in range(n):  # every contiguous run: first name, last names, hyphen parts
        for j in range(i + 1, n + 1):
            if (i, j) == (0, n):
                continue
            if parts[i].lower() in PARTICLES and j - i == 1:
                continue
            out.append(unit(i, j))
    return out


@dataclass
class Names:
    """The names of one context (shared by every note with that context: do not mutate)."""

    units: list[Unit]
    known: set[str]  # exact words that are correct (any context name part, sender, topics ...)
    known_folded: set[str]  # folded forms of the sender's name parts
    max_len: int = 1
    by_len: dict[int, list[Unit]] = field(default_factory=dict)
    index: PartIndex | None = field(default=None, repr=False, compare=False)

    def part_index(self) -> PartIndex:
        if self.index is None:
            self.index = PartIndex(self.units)
        return self.index


@lru_cache(maxsize=512)
def build_names(
    interviewers: tuple[str, ...],
    recipient: str | None,
    company: str | None,
    aliases: tuple[str, ...],
    sender: str | None,
    extra_known: tuple[str, ...] = (),
) -> Names:
    units: list[Unit] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    sources: list[tuple[str, str]] = [(n, "interviewer") for n in interviewers]
    if recipient:
        sources.append((recipient, "recipient"))
    if company:
        sources.append((company, "company"))
    sources.extend((a, "company") for a in aliases)
    for name, kind in sources:
        for u in _name_units(name, kind):
            key = (u.parts, u.kind if u.kind == "company" else "person")
            if key in seen:
                continue
            seen.add(key)
            units.append(u)
    known: set[str] = set()
    for u in units:
        known.update(u.parts)
    sender_parts = split_name(sender) if sender else []
    known.update(sender_parts)
    for text in extra_known:
        known.update(m.group() for m in WORD.finditer(text))
    names = Names(units=units, known=known, known_folded={fold(p) for p in sender_parts})
    for u in units:
        names.by_len.setdefault(len(u.parts), []).append(u)
    names.max_len = max((len(u.parts) for u in units), default=1)
    return names


# -- comparing -------------------------------------------------------------------------------

EXACT, TRANSLIT, FOLD, TYPO, VARIANT = 0, 1, 2, 3, 4


def compare_word(found: str, correct: str) -> tuple[int, float] | None:
    """How ``found`` relates to the context word ``correct``: (kind, score) or None if unrelated.

    kind EXACT / TRANSLIT (both correct), FOLD (only case or diacritics differ), TYPO (one edit,
    or two in a long name), VARIANT (same consonant skeleton: Katherine / Kathryn).
    """
    if found == correct:
        return EXACT, 1.0
    if found.isupper() and len(found) > 1 and found == correct.upper():
        return EXACT, 1.0
    if found == unicodedata.normalize("NFC", correct).translate(_TRANSLIT):
        return TRANSLIT, 1.0  # Weissmann for Weißmann, Mueller for Müller
    f, c = fold(found), fold(correct)
    if f == fold_translit(correct) and f != c:
        return TRANSLIT, 1.0
    if f == c:
        if found.lower() == correct.lower() and found.lower() in PARTICLES:
            return EXACT, 1.0  # "Van der Berg" at a sentence start, "O'" ...
        return FOLD, 1.0
    n = len(c)
    if n < 3 or len(f) < 3:
        return None
    jw = JaroWinkler.similarity(f, c)
    d = OSA.distance(f, c)
    if d == 1:
        if n >= 6 or (n >= 4 and f[0] == c[0]) or (n == 3 and len(f) == 4 and f[:2] == c[:2]):
            return TYPO, jw
        return None
    if d == 2 and n >= 7 and len(f) >= 6 and jw >= 0.9:
        return TYPO, jw - 0.01
    if n >= 5 and f[0] == c[0] and skeleton(f) == skeleton(c) and jw >= 0.85:
        return VARIANT, jw - 0.02
    return None


class PartIndex:
    """The context name parts of one :class:`Names`, prepared for :class:`WordComparer`."""

    def __init__(self, units: list[Unit]) -> None:
        parts: dict[str, None] = {}
        for u in units:
            parts.update(dict.fromkeys(u.parts))
        self.parts = list(parts)
        self.part_set = frozenset(self.parts)
        self.first_parts = frozenset(u.parts[0] for u in units)
        # words equal to these are compared without folding (exact, all caps, transliterated)
        self.raw: dict[str, list[str]] = {}
        for p in self.parts:
            translit = unicodedata.normalize("NFC", p).translate(_TRANSLIT)
            for key in dict.fromkeys((p, p.upper(), translit)):
                self.raw.setdefault(key, []).append(p)
        # the folded forms a folded word is measured against: fold and fold_translit of a part
        self.columns: list[str] = []
        self.column_part: list[str] = []
        for p in self.parts:
            for form in dict.fromkeys((fold(p), fold_translit(p))):
                self.columns.append(form)
                self.column_part.append(p)


# Necessary conditions for a result of compare_word other than the exact keys above: the
# folded word equals fold(part) or fold_translit(part) (distance 0), TYPO needs an OSA distance
# <= 2, VARIANT a Jaro-Winkler similarity >= 0.85 (the prefilter uses 0.8 to stay on the safe
# side of any rounding).
_MAX_EDITS = 2
_MIN_JW = 0.8


class WordComparer:
    """:func:`compare_word` of many words against the parts of one context, with the same results.

    The words of a note are compared with every context name part at once by two vectorized
    rapidfuzz calls (``cdist``); :func:`compare_word` itself runs only for the few pairs that
    pass the necessary conditions above. Every other pair is unrelated (None) by construction
    (tests/test_names.py pins it against compare_word for every pair).
    """

    def __init__(self, index: PartIndex, words: list[str]) -> None:
        self.index = index
        uniq = dict.fromkeys(words)
        self.words = uniq.keys()
        pairs: set[tuple[str, str]] = set()
        for key in index.raw.keys() & uniq.keys():
            pairs.update((key, p) for p in index.raw[key])
        wl = list(uniq)
        if wl and index.columns:
            from rapidfuzz import process

            folded = list(map(fold, wl))
            cols = index.columns
            d = process.cdist(folded, cols, scorer=OSA.distance, score_cutoff=_MAX_EDITS)
            jw = process.cdist(folded, cols, scorer=JaroWinkler.similarity, score_cutoff=_MIN_JW)
            rows, hits = ((d <= _MAX_EDITS) | (jw >= _MIN_JW)).nonzero()
            col_part = index.column_part
            pairs.update(
                (wl[r], col_part[c]) for r, c in zip(rows.tolist(), hits.tolist(), strict=True)
            )
        self.results: dict[tuple[str, str], tuple[int, float]] = {}
        self.related: set[str] = set()  # words related to the first part of some unit
        first = index.first_parts
        for w, p in pairs:
            r = compare_word(w, p)
            if r is not None:
                self.results[(w, p)] = r
                if p in first:
                    self.related.add(w)

    def __call__(self, found: str, correct: str) -> tuple[int, float] | None:
        if found in self.words and correct in self.index.part_set:
            return self.results.get((found, correct))
        return compare_word(found, correct)


@dataclass(frozen=True)
class Match:
    start: int  # body offsets of the wrong part
    end: int
    found: str
    correct: str
    kind: str
    full: str
    how: int
    score: float
    toks: tuple[Tok, ...]  # the wrong tokens


def compare_run(
    toks: list[Tok],
    unit: Unit,
    prose: str,
    compare: Callable[[str, str], tuple[int, float] | None] = compare_word,
) -> Match | bool | None:
    """Compare a run of body tokens with a unit: True (exactly right), a Match, or None."""
    hows: list[tuple[int, float]] = []
    for tok, part in zip(toks, unit.parts, strict=True):
        r = compare(tok.text, part)
        if r is None:
            return None
        hows.append(r)
    wrong = [i for i, (h, _) in enumerate(hows) if h not in (EXACT, TRANSLIT)]
    if not wrong:
        return True
    if len(toks) > 1 and all(hows[i][0] in (TYPO, VARIANT) for i in range(len(toks))):
        return None  # every word changed: a different name, not a typo
    i, j = wrong[0], wrong[-1]
    found = prose[toks[i].start : toks[j].end]
    correct = unit.parts[i]
    for k in range(i + 1, j + 1):
        correct += unit.seps[k - 1] + unit.parts[k]
    how = max(h for h, _ in hows)
    score = min(s for _, s in hows)
    return Match(
        toks[i].start,
        toks[j].end,
        found,
        correct,
        unit.kind,
        unit.full,
        how,
        score,
        tuple(toks[i : j + 1]),
    )
