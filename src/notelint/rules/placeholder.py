"""placeholder: unfilled template slots left in a note."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule

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


class PlaceholderRule(Rule):
    """An unfilled slot: [Company Name], {{ interviewer }}, <Name>, XYZ, ___, "Your Name".

    What it does:
        Finds template slots that were never filled in: square-bracket slots ([Company Name],
        [ COMPANY NAME ], [Datum], [Dein Name]), double-curly and other template syntax
        ({{ first_name }}, {% if %}, ${name}, %NAME%), angle-bracket slots (<Name>,
        <<Firma>>), instructions in parentheses ((insert name of interviewer), (name the
        position), (Namen einfügen)), filler tokens (XYZ, XXX, "Mr. X", "Firma X"), blanks (___)
        and a sign-off that is still "Your Name" or "Vorname Nachname". Ordinary brackets and
        parentheses in prose, Markdown links, footnotes and task boxes are not slots. In a
        template (`template: true`), `{{ var }}` slots are variables and are left alone.

    Why it matters:
        Nothing tells a recruiter "mass-produced" faster than a slot left in the text; it
        undoes everything else the note does well. It is also the easiest mistake to catch.

    Example:
        Dear [Interviewer Name], thank you for meeting me about the (name the position) role
        at {{ company }}.

        Your Name

    Better:
        Dear Ms. Izaguirre, thank you for meeting me about the brand strategist role at
        Jackson Spalding.

        Alex Kim
    """

    id = "placeholder"
    severity = Severity.error

    def check(self, note: Note) -> Iterable[Finding]:
        text = note.prose
        lang = note.lang
        seen: list[tuple[int, int]] = []
        for start, end, what in self._candidates(text, lang, template=note.context.template):
            if any(s < end and start < e for s, e in seen):
                continue
            seen.append((start, end))
            slot = note.body[start:end]
            guess = _guess_value(slot, note)
            msg = f"Unfilled placeholder {slot.strip()!r} ({what}); replace it with the real {_noun(slot, lang)}."
            yield self.finding(
                note,
                note.at(start),
                note.at(end),
                msg,
                suggestions=[guess] if guess else [],
                fix=guess,
                fix_safe=False,
            )

    def _candidates(
        self, text: str, lang: str, *, template: bool
    ) -> Iterator[tuple[int, int, str]]:
        if not template:
            for m in _CURLY.finditer(text):
                yield m.start(), m.end(), "template syntax"
        for m in _PERCENT.finditer(text):
            yield m.start(), m.end(), "template syntax"
        for m in _SINGLE_CURLY.finditer(text):
            if _is_slot_words(m.group(1), lang, loose=True):
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
            if (
                _INSTRUCTION.search(inner)
                and _has_slot_word(inner, lang)
                and len(inner.split()) <= 8
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


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def _has_slot_word(s: str, lang: str) -> bool:
    vocab = _SLOT_WORDS[lang] | _SLOT_WORDS["en"]
    return any(w in vocab or w.rstrip("s") in vocab for w in _words(s))


def _is_slot_words(s: str, lang: str, *, loose: bool = False) -> bool:
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
    words = _words(inner)
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


# What a slot stands for, by the words in it.
_COMPANY_WORDS = frozenset(
    {
        "company",
        "firma",
        "unternehmen",
        "firmenname",
        "firmennamen",
        "employer",
        "organization",
        "organisation",
        "unternehmensname",
    }
)
_ROLE_WORDS = frozenset(
    {"position", "role", "job", "title", "stelle", "rolle", "stellenbezeichnung"}
)
_DATE_WORDS = frozenset({"date", "datum", "day", "tag"})
_PERSON_WORDS = frozenset(
    {
        "interviewer",
        "interviewerin",
        "recipient",
        "ansprechpartner",
        "ansprechpartnerin",
        "manager",
        "empfänger",
    }
)
_NAME_WORDS = frozenset({"name", "namen", "vorname", "nachname"})
_SENDER_WORDS = frozenset({"your", "dein", "ihr", "signature", "unterschrift"})


def _noun(slot: str, lang: str) -> str:
    words = set(_words(slot))
    if words & _COMPANY_WORDS:
        return "company name" if lang == "en" else "company name (Firmenname)"
    if words & _ROLE_WORDS:
        return "position"
    if words & _DATE_WORDS:
        return "date"
    if words & (_NAME_WORDS | _PERSON_WORDS):
        return "name"
    return "text"


def _guess_value(slot: str, note: Note) -> str | None:
    """The context value the slot most likely stands for (offered as an unsafe fix)."""
    ctx = note.context
    words = set(_words(slot))
    person = ctx.recipient or (ctx.interviewers[0] if len(ctx.interviewers) == 1 else None)
    if words & _SENDER_WORDS and ctx.sender:
        return ctx.sender
    if words & _COMPANY_WORDS:
        return ctx.company
    if words & _ROLE_WORDS:
        return ctx.role
    if words & _PERSON_WORDS:
        return person
    first_name = words & {"first", "vorname"} and not words & {"last", "nachname"}
    if first_name and person:
        return person.split()[0]
    return None
