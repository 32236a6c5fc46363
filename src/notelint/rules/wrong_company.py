"""wrong-company: another company named where this one is meant (a copy-paste leftover)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import ClassVar

from pydantic import Field

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import BatchRule, RuleOptions
from notelint.rules._names import (
    LEGAL_SUFFIXES,
    TITLES,
    WORD,
    compare_word,
    fold,
    lexicon,
)

# -- wrong-company ---------------------------------------------------------------------------

_CAP = r"(?:[A-ZÄÖÜ][\w&.-]*[\w&]|[A-ZÄÖÜ])"
_SUFFIX = "|".join(re.escape(s) for s in sorted(LEGAL_SUFFIXES, key=len, reverse=True))
_COMPANY = rf"(?P<x>{_CAP}(?:[ \t]+(?:{_CAP}|&|of))*(?:[ \t]+(?:{_SUFFIX}))?)(?!\w)"
_NOT_POSS = r"(?!['’]s\b)"
_SLOTS = {
    "en": [
        rf"\b(?i:join|joining)\s+(?:(?i:the\s+(?:team|folks|people)\s+(?:at|of))\s+)?{_COMPANY}{_NOT_POSS}",
        rf"\b(?i:the\s+(?:team|folks|people|engineers|crew)\s+at)\s+{_COMPANY}",
        rf"\b(?i:contribute|contributing)\s+to\s+{_COMPANY}['’]s\b",
        rf"\b{_COMPANY}['’]s\s+(?:mission|vision|values|culture|customers|clients|growth|future)\b",
        rf"\b(?i:work|working|career|future|role|position|opportunity|place|start|starting)\s+(?:at|for)\s+{_COMPANY}{_NOT_POSS}",
        rf"\b(?i:part)\s+of\s+(?:the\s+team\s+at\s+)?{_COMPANY}{_NOT_POSS}",
        rf"\b(?i:the|your)\s+(?i:job\s+|written\s+|formal\s+)?(?i:offer)\s+(?i:from)\s+{_COMPANY}{_NOT_POSS}",
    ],
    "de": [
        rf"\b(?i:bei)\s+(?:der\s+|dem\s+)?{_COMPANY}\s+(?:mitzuarbeiten|mitzuwirken|zu\s+arbeiten|anzufangen|einzusteigen|zu\s+starten|arbeiten|anfangen|einsteigen|starten)\b",
        rf"\b(?:Teil\s+(?:des\s+Teams\s+(?:von|bei)|von)|Team\s+(?:von|bei))\s+(?:der\s+|dem\s+)?{_COMPANY}",
        rf"\b(?i:für)\s+(?:die\s+|den\s+)?{_COMPANY}\s+(?:zu\s+)?(?:arbeiten|tätig)",
        rf"\b(?:Stelle|Position|Rolle|Zukunft|Aufgabe|Einstieg|Start|Mission|Vision|Werte)\s+(?:bei|von)\s+(?:der\s+|dem\s+)?{_COMPANY}",
        rf"\b(?i:zu)\s+(?:der\s+|dem\s+)?{_COMPANY}\s+zu\s+(?:wechseln|kommen|gehen)\b",
        rf"\b(?i:das|ihr|ihres|dem|des)\s+(?:\w+\s+)?Angebot(?:s|es)?\s+(?:von\s+(?:der\s+|dem\s+)?|der\s+|des\s+){_COMPANY}",
    ],
}
# Places where a company is often named but a person may be too ("the next steps with Dana"):
# a name here counts only when it looks like a company (see _company_shaped).
_WEAK_SLOTS = {
    "en": [
        rf"\b(?i:next\s+steps?)\s+(?i:with|at)\s+(?:the\s+)?{_COMPANY}{_NOT_POSS}",
        rf"\b(?i:the)\s+(?i:role|position|team|opportunity|job)\s+(?i:and)\s+{_COMPANY}{_NOT_POSS}",
    ],
    "de": [
        rf"\b(?i:nächsten)\s+Schritte?n?\s+(?i:mit|bei)\s+(?:der\s+|dem\s+)?{_COMPANY}",
        rf"\b(?:Stelle|Position|Rolle|Aufgabe|Team)\s+(?i:und)\s+(?:die\s+|der\s+|das\s+|dem\s+)?{_COMPANY}",
    ],
}
# Last words that make a run of dictionary words a company name ("Summit Valley Bank").
COMPANY_HEADS = frozenset(
    [
        "Bank",
        "Bancorp",
        "Group",
        "Partners",
        "Labs",
        "Lab",
        "Systems",
        "Technologies",
        "Technology",
        "Solutions",
        "Consulting",
        "Capital",
        "Holdings",
        "Industries",
        "Insurance",
        "Health",
        "Healthcare",
        "Media",
        "Studios",
        "Studio",
        "Foods",
        "Logistics",
        "Ventures",
        "Associates",
        "Company",
        "Foundation",
        "Hospital",
        "Bakery",
        "Airlines",
        "Motors",
        "Pharma",
        "Pharmaceuticals",
        "Energy",
        "Networks",
        "Software",
        "Analytics",
        "Robotics",
        "Works",
        "Builders",
        "Construction",
        "Manufacturing",
        "Markets",
        "Realty",
        "Properties",
        "Brewing",
        "Gruppe",
        "Versicherung",
        "Versicherungen",
        "Werke",
        "Klinik",
        "Kliniken",
        "Bäckerei",
        "Logistik",
        "Verlag",
        "Sparkasse",
        "Volksbank",
        "Stiftung",
        "Holding",
        "Technik",
        "Bau",
        "Immobilien",
        "Beratung",
        "Systeme",
        "Brauerei",
        "Stadtwerke",
        "Apotheke",
        "Kanzlei",
        "Druckerei",
        "Spedition",
    ]
)
_PAST = {
    "en": re.compile(
        r"\b(?:before\s+(?:you|joining|coming|moving|i)|you\s+(?:were|worked|joined|spent|came|used|left|moved)"
        r"|your\s+(?:time|years|days|previous|former|old)|previous(?:ly)?|former(?:ly)?|prior\s+to"
        r"|used\s+to|back\s+(?:at|when)|i\s+(?:was|worked|spent|left|interned)|my\s+(?:time|years|last|old|former|current)"
        r"|when\s+(?:you|i)\s+(?:were|was|worked)|ex-|alumni|unlike|compared\s+to|competitor"
        r"|clients?\s+(?:like|such\s+as)|partner(?:ed|ship)?\s+with|spent\s+\w+\s+years"
        r"|competing|(?:another|other|second)\s+offer)",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:bevor\s+(?:Sie|du|ihr|ich)|früher|frühere[nmrs]?|vorherige[nmrs]?|ehemalige[nmrs]?"
        r"|zuvor|vorher|damals|gearbeitet|gewesen|waren\s+Sie|warst\s+du|war\s+ich|kamen|kamst"
        r"|gewechselt|meine[mnrs]?\s+(?:letzten|alten|jetzigen|aktuellen)|Wettbewerber|Konkurrenz"
        r"|im\s+Gegensatz\s+zu|Kunden\s+wie|anders\s+als|verglichen\s+mit"
        r"|(?:anderes|weiteres|zweites)\s+Angebot|Konkurrenzangebot)",
        re.IGNORECASE,
    ),
}


class WrongCompanyOptions(RuleOptions):
    companies: tuple[str, ...] = Field(
        default=(), description="other company names that must not appear in a note"
    )


class WrongCompany(BatchRule):
    """Another company is named where the one interviewed with is meant.

    What it does:
        Looks for company names other than `company` (and `company_aliases`) in the note:
        the companies of the other notes checked in the same run, the companies listed in
        the rule's `companies` option, and any capitalized name in a company slot ("excited
        to join Acme", "the team at Initech", "Globex's mission", "bei der Acme GmbH
        mitzuarbeiten", "Teil des Teams von Initech", "the offer from Globex", "das Angebot
        der Acme GmbH"). Where a person may stand as well ("the next steps with Initech
        Labs", "learn more about the role and InnoTech", "die nächsten Schritte mit der Acme
        GmbH") a name counts only when it looks like a company: a legal suffix, an
        ampersand, a capital inside a word, or a company word last. A name made of
        dictionary words counts when a company word ends it ("Summit Valley Bank"; in
        German after two words, "Grüne Wiese Bäckerei"). Sentences about the past ("before you joined Acme", "at my previous
        job at Globex", "bevor Sie zu Acme kamen") and competing offers ("a competing offer
        from Globex", "ein weiteres Angebot von Acme") are left alone; a later clause with a
        wish of its own ("..., and I'd love to join the team at Globex") is not. Only runs
        when `company` is known.

    Why it matters:
        Copy-paste leftovers from a note to another employer tell the reader the note is a
        form letter, and that they are one application of many.

    Example:
        ---
        company: Jackson Spalding
        ---
        I'm excited about the chance to join Acme and help the content team grow.

    Better:
        ---
        company: Jackson Spalding
        ---
        I'm excited about the chance to join Jackson Spalding and help the content team grow.
    """

    id = "wrong-company"
    severity = Severity.error
    requires = frozenset({"company"})
    Options: ClassVar[type[RuleOptions]] = WrongCompanyOptions

    def check_batch(self, notes: Sequence[Note]) -> Iterable[tuple[Note, Finding]]:
        batch_companies: list[tuple[str, str]] = []
        for n in notes:
            ctx = n.context
            for name in (ctx.company, *ctx.company_aliases):
                if name:
                    batch_companies.append((name, n.path or "another note"))
        others = self._others(batch_companies)  # the same for every note: built once
        for note in notes:
            for f in self._check_one(note, others):
                yield note, f

    def check(self, note: Note) -> Iterable[Finding]:
        return self._check_one(note, self._others([]))

    def _others(self, batch: list[tuple[str, str]]) -> dict[str, str]:
        """Other company names (the batch's, then the configured ones) -> why they are known."""
        assert isinstance(self.options, WrongCompanyOptions)
        others: dict[str, str] = {}
        for name, where in batch:
            others.setdefault(name, f"the company of {where}")
        for name in self.options.companies:
            others.setdefault(name, "listed in the config")
        return others

    def _check_one(self, note: Note, others: dict[str, str]) -> Iterable[Finding]:
        ctx = note.context
        if not ctx.company:
            return
        own = [ctx.company, *ctx.company_aliases]
        own_folded = {fold(c) for c in own}
        people = {
            p
            for n in (*ctx.interviewers, ctx.recipient, ctx.sender, ctx.role, *ctx.topics)
            if n
            for p in _words(n)
        }
        prose = note.prose
        past = _PAST[note.lang]
        seen: set[tuple[int, int]] = set()

        def is_own(name: str) -> bool:
            f = fold(_strip_suffix(name))
            if not f:
                return True
            if f in own_folded or any(fold(_strip_suffix(o)) == f for o in own):
                return True
            # a misspelling or part of the own name is name-misspelled's business
            for o in own:
                fo = fold(_strip_suffix(o))
                if f in fo.split() or fo.startswith(f) or f.startswith(fo):
                    return True
                if all(
                    any(compare_word(w, p) is not None for p in _words(o)) for w in _words(name)
                ):
                    return True
            return False

        def emit(start: int, end: int, name: str, why: str) -> Finding | None:
            if (start, end) in seen or any(s <= start < e for s, e in seen):
                return None
            if _about_the_past(prose, start, past, note.lang):
                return None
            seen.add((start, end))
            return self.finding(
                note,
                note.at(start),
                note.at(end),
                f"'{name}' is another company ({why}); this note is for '{ctx.company}'.",
                suggestions=[ctx.company or ""],
                fix=ctx.company,
                fix_safe=False,
            )

        findings: list[Finding] = []
        for name, why in others.items():
            if name not in prose or is_own(name):
                continue  # (a name not in the text has no match: the substring test is cheap)
            for m in _name_pattern(name).finditer(prose):
                f = emit(m.start(), m.end(), name, why)
                if f is not None:
                    findings.append(f)
        for weak, pat in _slot_patterns(note.lang):
            for m in pat.finditer(prose):
                x = m.group("x").rstrip(".")
                start = m.start("x")
                name = _trim_company(x)
                if not name or is_own(name):
                    continue
                words = _words(name)
                if any(w in people for w in words):
                    continue
                shaped = _company_shaped(name, note.lang)
                if weak and not shaped:
                    continue  # "the next steps with Dana": a person as likely as a company
                if not shaped and all(
                    w.lower() in lexicon(note.lang)
                    or w.lower() in TITLES
                    or (w in ("&", "and", "und", "of"))
                    for w in words
                ):
                    continue  # "join The Team", "bei der Zukunft", "Teil von Berlin"?
                f = emit(start, start + len(name), name, "named in a company slot")
                if f is not None:
                    findings.append(f)
        findings.sort(key=lambda f: f.start)
        yield from findings


def _words(text: str) -> list[str]:
    return [m.group() for m in WORD.finditer(text)]


def _strip_suffix(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and (parts[-1] in LEGAL_SUFFIXES or parts[-1] + "." in LEGAL_SUFFIXES):
        parts.pop()
    return " ".join(parts)


_LEADING = {"The", "the", "Der", "Die", "Das", "der", "die", "das", "dem", "den"}


def _trim_company(x: str) -> str:
    parts = x.split()
    while parts and parts[0] in _LEADING:
        parts.pop(0)
    while parts and parts[-1] in ("&", "and", "und", "of"):
        parts.pop()
    return " ".join(parts)


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")


_COMPILED: dict[str, list[tuple[bool, re.Pattern[str]]]] = {}


def _slot_patterns(lang: str) -> list[tuple[bool, re.Pattern[str]]]:
    """(weak, pattern) for the company slots of ``lang``."""
    pats = _COMPILED.get(lang)
    if pats is None:
        pats = [(False, re.compile(p)) for p in _SLOTS[lang]]
        pats += [(True, re.compile(p)) for p in _WEAK_SLOTS[lang]]
        _COMPILED[lang] = pats
    return pats


def _company_shaped(name: str, lang: str) -> bool:
    """A legal suffix, a company word last ("Summit Valley Bank"), an ampersand or a capital
    inside a word ("InnoTech"): a company, whatever the words mean on their own. German
    capitalises every noun, so there a company word needs two words before it ("Grüne Wiese
    Bäckerei", not "die Zukunft Stiftung")."""
    if _strip_suffix(name) != name or "&" in name:
        return True
    parts = name.split()
    if len(parts) >= (2 if lang == "en" else 3) and parts[-1] in COMPANY_HEADS:
        return True
    return any(
        not w.isupper() and any(c.isupper() for c in w[1:]) and not w.startswith(("Mc", "Mac"))
        for w in _words(name)
    )


# Clause breaks inside a sentence: a past cue in one clause does not cover the next one
# ("Before my current employer, I ..., and I'd love to join the team at Veloria").
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|so|und|aber|doch|sondern)\s+|;\s*|\s[–—]\s", re.I)
# A clause with its own present or future wish stands apart from the past cue before it.
_FORWARD = {
    "en": re.compile(
        r"\b(?:i['’](?:d|ll|m)|i\s+(?:would|will|am|look|hope|want|can['’]t\s+wait)"
        r"|looking\s+forward|excited|eager|keen)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:ich\s+(?:würde|werde|möchte|freue|bin|hoffe)|würde\s+ich|freue\s+mich"
        r"|möchte\s+ich|gespannt)\b",
        re.IGNORECASE,
    ),
}


def _about_the_past(prose: str, pos: int, past: re.Pattern[str], lang: str) -> bool:
    """The name at ``pos`` sits in a sentence about the past, in the clause of the past cue.

    A later clause with a wish of its own ("..., and I'd love to join the team at Veloria")
    is not covered by a past cue in an earlier clause of the same sentence.
    """
    sent_start, sent = _sentence_span(prose, pos)
    if not past.search(sent):
        return False
    at = pos - sent_start
    start = 0
    end = len(sent)
    for m in _CLAUSE_BREAK.finditer(sent):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    clause = sent[start:end]
    if past.search(clause):
        return True
    return not _FORWARD[lang].search(clause)


def _sentence_span(prose: str, pos: int) -> tuple[int, str]:
    start = max(prose.rfind(c, 0, pos) for c in ".!?\n") + 1
    return start, _sentence_around(prose, pos)


def _sentence_around(prose: str, pos: int) -> str:
    start = max(prose.rfind(c, 0, pos) for c in ".!?\n")
    ends = [e for e in (prose.find(c, pos) for c in ".!?\n") if e != -1]
    end = min(ends) if ends else len(prose)
    return prose[start + 1 : end]


__all__ = ["WrongCompany"]
