"""Unfilled template slots: "[Company Name]", "{{ interviewer }}", "(date)", "XYZ", "___".

Shared analysis: the placeholder rule reports these spans, and the content analysis
(:mod:`notelint._analysis`) treats them as slot text that never counts as specific content.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notelint._note import Note

# Words that name what a slot stands for (lowercase; English and German).
_SLOT_WORDS = {
    "en": {
        "name",
        "names",
        "company",
        "organization",
        "organisation",
        "employer",
        "firm",
        "position",
        "role",
        "title",
        "job",
        "date",
        "day",
        "time",
        "interviewer",
        "interviewers",
        "recipient",
        "manager",
        "hiring",
        "recruiter",
        "first",
        "last",
        "full",
        "surname",
        "topic",
        "detail",
        "details",
        "specific",
        "project",
        "team",
        "department",
        "city",
        "location",
        "email",
        "phone",
        "number",
        "signature",
        "contact",
        "person",
        "industry",
        "skill",
        "skills",
        "achievement",
        "something",
        "discussed",
        "mentioned",
        "here",
        "x",
        "xyz",
        "blank",
        "placeholder",
        "candidate",
        "insert",
    },
    "de": {
        "name",
        "namen",
        "vorname",
        "nachname",
        "firma",
        "firmenname",
        "firmennamen",
        "unternehmen",
        "unternehmensname",
        "arbeitgeber",
        "position",
        "stelle",
        "stellenbezeichnung",
        "rolle",
        "titel",
        "datum",
        "tag",
        "uhrzeit",
        "zeit",
        "ansprechpartner",
        "ansprechpartnerin",
        "interviewer",
        "interviewerin",
        "empfänger",
        "empfängerin",
        "personaler",
        "personalerin",
        "thema",
        "themen",
        "projekt",
        "team",
        "abteilung",
        "ort",
        "stadt",
        "unterschrift",
        "telefon",
        "telefonnummer",
        "e-mail",
        "kontakt",
        "branche",
        "detail",
        "details",
        "dein",
        "deine",
        "ihr",
        "ihre",
        "hier",
        "einfügen",
        "platzhalter",
        "x",
        "xyz",
        "gesprächspartner",
        "gesprächspartnerin",
    },
}
_INSTRUCTION = re.compile(
    r"^(?:please\s+)?(?:insert|add|enter|name|mention|fill\s+in|include|put|replace|write|type|state|"
    r"hier|bitte)\b"
    r"|\b(?:einfügen|eintragen|ergänzen|einsetzen|nennen|angeben|hinzufügen)\s*$",
    re.IGNORECASE,
)
_HTML_TAGS = {
    "a",
    "b",
    "i",
    "u",
    "p",
    "s",
    "q",
    "br",
    "hr",
    "em",
    "strong",
    "div",
    "span",
    "img",
    "small",
    "sub",
    "sup",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "details",
    "summary",
    "kbd",
    "mark",
    "abbr",
    "del",
    "ins",
    "center",
    "font",
    "html",
    "body",
    "head",
    "meta",
    "link",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "figure",
}

_CURLY = re.compile(
    r"\{\{\s*[^{}\n]{0,60}?\s*\}\}|\{%\s*[^{}\n]{0,80}?\s*%\}|\$\{[A-Za-z_][\w.]{0,40}\}"
)
_SINGLE_CURLY = re.compile(r"(?<![{$])\{\s*([A-Za-z_][\w ]{0,40}?)\s*\}(?!\})")
_SQUARE = re.compile(r"(?<!\])\[\s*([^\[\]\n]{1,60}?)\s*\](?![(\[:])")
_ANGLE = re.compile(r"<<?\s*([A-Za-zÄÖÜäöüß][\wÄÖÜäöüß .'-]{0,50}?)\s*>>?")
_PAREN = re.compile(r"\(\s*([^()\n]{3,80}?)\s*\)")
_PERCENT = re.compile(r"%[A-Z][A-Z0-9_]{2,30}%")
_BLANKS = re.compile(r"_{3,}|(?<![\w.])\.{4,}(?![\w.])")
_XYZ = re.compile(r"\b(?:XYZ|X{3,}|x{3,}|ABC Corp(?:oration)?|Company X|Firma X|Unternehmen X)\b")
_TITLE_X = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Frau|Herr)\.?\s+(?:X|N\.\s?N\.|NN)(?![\w.])")
_SIGNOFF = re.compile(
    r"^[\s>*_\-]*\[?\s*(your\s+(?:full\s+)?name|first\s*name\s+last\s*name|firstname\s+lastname|"
    r"name\s+surname|dein\s+name|ihr\s+name|vorname\s+nachname|unterschrift|signature)\s*\]?[\s*_]*$",
    re.IGNORECASE | re.MULTILINE,
)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß-]*")


@dataclass(frozen=True)
class Slot:
    start: int  # body offsets
    end: int
    what: str  # "bracketed slot", "template syntax", ...


def find_slots(
    text: str, lang: str, *, template: bool = False, known: Iterable[str] = ()
) -> list[Slot]:
    """Non-overlapping slots in ``text`` (a note's prose), in order of position.

    A candidate overlapping one found earlier (in the order of :func:`_candidates`) is
    dropped. ``known`` are terms of the note's context (topics, company, role): a filler
    token like "XYZ" that is part of one of them is a name, not a slot.
    """
    known_lower = [k.lower() for k in known if k]
    starts: list[int] = []  # kept slots, sorted and disjoint: interval checks by bisection
    ends: list[int] = []
    kept: list[Slot] = []
    for start, end, what in _candidates(text, lang, template=template):
        i = bisect.bisect_right(starts, start)
        if i and ends[i - 1] > start:
            continue  # overlaps the kept slot that starts before it
        if i < len(starts) and starts[i] < end:
            continue  # overlaps the kept slot that starts after it
        if what == "filler name" and _known_term(text, start, end, known_lower):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.append(Slot(start, end, what))
    kept.sort(key=lambda s: s.start)
    return kept


def slots_of(note: Note) -> list[Slot]:
    """The slots of a note's prose, computed once per note."""
    cached: list[Slot] | None = note.__dict__.get("_slots")
    if cached is None:
        ctx = note.context
        known = [*ctx.topics, ctx.company or "", ctx.role or "", *ctx.company_aliases]
        cached = find_slots(note.prose, note.lang, template=ctx.template, known=known)
        note.__dict__["_slots"] = cached
    return cached


def _known_term(text: str, start: int, end: int, known: list[str]) -> bool:
    token = text[start:end].lower()
    return any(token in k for k in known)


def _candidates(text: str, lang: str, *, template: bool) -> Iterator[tuple[int, int, str]]:
    if not template:
        for m in _CURLY.finditer(text):
            yield m.start(), m.end(), "template syntax"
    for m in _PERCENT.finditer(text):
        yield m.start(), m.end(), "template syntax"
    for m in _SINGLE_CURLY.finditer(text):
        if _is_slotwords_of(m.group(1), lang, loose=True):
            yield m.start(), m.end(), "template syntax"
    for m in _SQUARE.finditer(text):
        inner = m.group(1)
        if _is_bracket_slot(inner, lang) and not _is_link_text(text, m.end()):
            yield m.start(), m.end(), "bracketed slot"
    for m in _ANGLE.finditer(text):
        inner = m.group(1).strip()
        if inner.split()[0].lower() in _HTML_TAGS and inner == inner.lower():
            continue
        if _is_bracket_slot(inner, lang):
            yield m.start(), m.end(), "bracketed slot"
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        if len(inner.split()) <= 8 and (
            (_INSTRUCTION.search(inner) and _has_slot_word(inner, lang))
            or _is_slot_label(inner, lang)
        ):
            yield m.start(), m.end(), "instruction left in the text"
    for m in _BLANKS.finditer(text):
        yield m.start(), m.end(), "blank to fill in"
    for m in _XYZ.finditer(text):
        yield m.start(), m.end(), "filler name"
    for m in _TITLE_X.finditer(text):
        yield m.start(), m.end(), "filler name"
    tail_from = max(0, len(text) - 400)
    for m in _SIGNOFF.finditer(text, tail_from):
        s, e = m.start(1), m.end(1)
        yield s, e, "sign-off not filled in"


# a bare slot label in parentheses: "(date)", "(company name)", "(interviewer's name)"
_LABEL_STOP = frozenset({"of", "the", "your", "their", "s", "des", "der", "die", "ihres", "ihrer"})


def _is_slot_label(inner: str, lang: str) -> bool:
    words = [
        w for w in words_of(inner.replace("'s", " ").replace("’s", " ")) if w not in _LABEL_STOP
    ]
    if not words or len(words) > 3 or inner.strip() != inner.strip().lower():
        return False
    vocab = _SLOT_WORDS[lang] | _SLOT_WORDS["en"]
    return all(w in vocab or w.rstrip("s") in vocab for w in words)


def words_of(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def _has_slot_word(s: str, lang: str) -> bool:
    vocab = _SLOT_WORDS[lang] | _SLOT_WORDS["en"]
    return any(w in vocab or w.rstrip("s") in vocab for w in words_of(s))


def _is_slotwords_of(s: str, lang: str, *, loose: bool = False) -> bool:
    """Identifier-like content (first_name, companyName, Company Name)."""
    words = re.split(r"[_\s]+|(?<=[a-z])(?=[A-Z])", s.strip())
    words = [w.lower() for w in words if w]
    if not words or len(words) > 4:
        return False
    vocab = _SLOT_WORDS[lang] | _SLOT_WORDS["en"]
    return any(w in vocab for w in words) if loose else all(w in vocab for w in words)


def _is_bracket_slot(inner: str, lang: str) -> bool:
    inner = inner.strip()
    if not inner or inner.lower() in {"x", "sic", "citation needed", "sic!", "...", "…"}:
        return False
    if re.fullmatch(r"[\d\s,.\-–^*†]+", inner):  # footnotes, ranges
        return False
    words = words_of(inner)
    if not words or len(inner.split()) > 7:
        return False
    letters = [c for c in inner if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(words) <= 5:
        return True  # [COMPANY], [FIRST NAME]
    if _INSTRUCTION.search(inner):
        return True
    return _has_slot_word(inner, lang)


def _is_link_text(text: str, end: int) -> bool:
    return text[end : end + 1] in ("(", "[", ":")
