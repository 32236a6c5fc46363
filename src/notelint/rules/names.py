"""name-misspelled and wrong-company: the names in a note against the names in its context."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import ClassVar

from pydantic import Field
from rapidfuzz.distance import OSA

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import BatchRule, Rule, RuleOptions
from notelint.rules import _invisible as invisible
from notelint.rules._names import (
    EXACT,
    FOLD,
    LEGAL_SUFFIXES,
    PARTICLES,
    TITLES,
    TRANSLIT,
    TYPO,
    WORD,
    Match,
    Names,
    Tok,
    WordComparer,
    build_names,
    compare_run,
    compare_word,
    fold,
    lexicon,
    tokens,
)

# -- where names are written ---------------------------------------------------------------

_SALUTATION = re.compile(
    r"^[ \t>*_#-]*(?:dear|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening|day)|greetings"
    r"|liebe|lieber|liebes|hallo|hi|guten\s+(?:tag|morgen|abend)|sehr\s+geehrte[rn]?"
    r"|servus|moin|grüß\s+gott|grüezi)\b[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Frau|Herr|Herrn)\b\.?")
_CLOSING = re.compile(
    r"^[ \t>*_-]*(?:(?:best|kind|warm|warmest|many|all\s+the\s+best|with)?\s*"
    r"(?:regards|wishes|thanks|thank\s+you|cheers|sincerely|warmly|yours(?:\s+\w+)?|best"
    r"|respectfully|gratefully|appreciatively)"
    r"|(?:mit\s+)?(?:freundlichen|besten|herzlichen|vielen|lieben|viele|beste|liebe|herzliche"
    r"|freundliche|sonnige)\s+grü(?:ß|ss)en?|grü(?:ß|ss)e|gru(?:ß|ss)|danke(?:\s+\w+)?|lg|vg|mfg"
    r"|bis\s+bald|alles\s+gute)\b[^\n]{0,20}$",
    re.IGNORECASE | re.MULTILINE,
)
_RUN_SEP = re.compile(r"[ \t]+|[ \t]*[-\u2010\u2011][ \t]*")
_SENTENCE_END = re.compile(r"[.!?:;\n]")


def _slot_indices(prose: str, toks: Sequence[Tok]) -> set[int]:
    """Indices of tokens written where a name goes: after a salutation or a title."""
    starts = [t.start for t in toks]  # ascending
    out: set[int] = set()

    def take(pos: int, *, first_any_case: bool, limit: int) -> None:
        i = bisect.bisect_left(starts, pos)  # the first token starting at or after pos
        if i == len(starts):
            return
        # only whitespace (or a title's dot) between the opener and the first name token
        if prose[pos : toks[i].start].strip(" \t."):
            return
        taken = 0
        while i < len(toks) and taken < limit:
            t = toks[i]
            low = t.text.lower().rstrip(".")
            if taken and not _RUN_SEP.fullmatch(t.sep_before) and t.sep_before.strip() != ".":
                break
            if low in TITLES:
                i += 1
                continue
            if not (t.text[0].isupper() or low in PARTICLES or (first_any_case and taken == 0)):
                break
            out.add(i)
            taken += 1
            if t.end != t.raw_end:
                break  # a possessive ends the name
            i += 1

    for m in _SALUTATION.finditer(prose):
        take(m.end(), first_any_case=True, limit=4)
    for m in _TITLE.finditer(prose):
        take(m.end(), first_any_case=False, limit=3)
    return out


def _signoff_start(prose: str) -> int:
    """Body offset where the sign-off (closing line and the sender's name) starts, or len."""
    lines = [m for m in re.finditer(r"[^\n]*", prose) if m.group().strip()]
    for m in lines[-4:]:
        if _CLOSING.match(m.group()):
            return m.start()
    return len(prose)


def _sentence_start(prose: str, tok: Tok, first: bool) -> bool:
    return first or bool(_SENTENCE_END.search(tok.sep_before)) or not tok.sep_before.strip(" \t")


class NameMisspelled(Rule):
    """A name from the context (interviewer, recipient, company) is misspelled in the note.

    What it does:
        Finds the names written in the body (after salutations and titles, possessives,
        hyphenated and multi-part names, first or last name alone) and compares them with
        `interviewers`, `recipient`, `company` and `company_aliases` from the front matter:
        one-letter typos, transpositions, doubled or dropped letters, variant spellings
        (Stacey for Stacy, Katherine for Kathryn), missing or wrong diacritics (Jose for José,
        Nguyen for Nguyễn, Muller for Müller) and wrong capitalization. The fix writes the
        context spelling; it is a safe fix when exactly one context name is the clear match.
        Conventional transliterations (Mueller for Müller, Oedegaard for Ødegaard) are
        accepted. Common words that happen to be close to a name ("will", "Rich") are only
        checked where a name must stand (after "Dear", "Hallo", "Ms.", "Frau" ...); one
        that is a single edit from an interviewer's or the recipient's name ("Mark" for
        Marc) also next to the rest of that name ("Mark Fischer") and, in English,
        capitalised inside a sentence ("thanks to Mark for"; never "I'd mark the date",
        "in March", "the Mark").

    Why it matters:
        A misspelled name is the mistake recruiters notice most: it reads as a lack of
        attention to detail, in the one word the reader knows best.

    Example:
        ---
        interviewers: [Rita Izaguirre]
        ---
        Dear Ms. Izaguire, thank you for the tour of the studio.

    Better:
        ---
        interviewers: [Rita Izaguirre]
        ---
        Dear Ms. Izaguirre, thank you for the tour of the studio.
    """

    id = "name-misspelled"
    severity = Severity.error
    fixable = True

    def applies_to(self, note: Note) -> bool:
        ctx = note.context
        return note.lang in self.languages and bool(
            ctx.interviewers or ctx.recipient or ctx.company or ctx.company_aliases
        )

    def check(self, note: Note) -> Iterable[Finding]:
        covered: list[tuple[int, int]] = []
        for m, candidates in find_misspelled(note):
            safe = len(candidates) == 1
            found, correct = m.found, candidates[0]
            if safe:
                message = f"'{found}' looks like a misspelling of '{correct}' ({m.kind})."
            else:
                options = " or ".join(f"'{c}'" for c in candidates)
                message = f"'{found}' looks like a misspelling of {options}."
            covered.append((m.start, m.end))
            yield self.finding(
                note,
                note.at(m.start),
                note.at(m.end),
                message,
                suggestions=candidates,
                fix=correct,
                fix_safe=safe,
            )
        # right names written with invisible characters inside
        yield from invisible.hidden_name_findings(self, note, covered)


def _names_for(note: Note) -> Names:
    ctx = note.context
    extra = tuple(ctx.topics) + ((ctx.role,) if ctx.role else ())
    return build_names(
        ctx.interviewers, ctx.recipient, ctx.company, ctx.company_aliases, ctx.sender, extra
    )


# words after which a capitalised word is not a person's name ("the Mark", "in May")
_NOT_BEFORE_NAME = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "my",
        "your",
        "our",
        "his",
        "her",
        "their",
        "its",
        "every",
        "each",
        "no",
        "some",
        "any",
        "in",
        "on",
        "at",
        "by",
        "since",
        "until",
        "till",
        "before",
        "after",
        "during",
        "of",
        "next",
        "last",
        "early",
        "late",
        "mid",
    ]
)
# capitalised common words that are never a person here (months, days)
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def _name_position(m: Match, k: int, toks: Sequence[Tok], lang: str) -> bool:
    """A capitalised common word one edit from a person's name stands where a name goes.

    Next to another part of the same context name ("Mark Fischer" for Marc Fischer) or, in
    English, capitalised inside a sentence, not a month or day, and not after a determiner or
    a preposition of time ("thanks to Mark for"; not "the Mark", "in May").
    German capitalises every noun, so there only the neighbouring name part counts.
    """
    if m.kind not in ("interviewer", "recipient") or m.how != TYPO:
        return False
    if OSA.distance(fold(m.found), fold(m.correct)) != 1:
        return False
    parts = {p for p in WORD.findall(m.full) if p != m.correct}
    tok = toks[k]
    if (
        k + 1 < len(toks)
        and toks[k + 1].text in parts
        and _RUN_SEP.fullmatch(toks[k + 1].sep_before)
    ):
        return True
    if k > 0 and toks[k - 1].text in parts and _RUN_SEP.fullmatch(tok.sep_before):
        return True
    # inside a sentence: only spaces (or a comma) since the previous word
    if lang != "en" or tok.text.isupper() or k == 0 or tok.sep_before.strip(" \t,"):
        return False
    return tok.text.lower() not in _CALENDAR and toks[k - 1].text.lower() not in _NOT_BEFORE_NAME


def _allowed(
    m: Match, slots: set[int], index: dict[int, int], lang: str, toks: Sequence[Tok]
) -> bool:
    """Whether a fuzzy match stands where a name is meant (precision gate)."""
    for tok in m.toks:
        k = index[tok.start]
        if k in slots:
            continue
        text = tok.text
        low = text.lower()
        if text[0].isupper():
            if text.isupper() and len(text) <= 4 and m.how != FOLD:
                return False  # an acronym
            if low in lexicon(lang) and not _name_position(m, k, toks, lang):
                return False  # a common word close to a name ("Will", "Rich", "Länge")
        elif m.how != FOLD or low in lexicon(lang):
            return False  # lowercase: only a name written all in lowercase ("izaguirre")
    return True


def find_misspelled(note: Note) -> list[tuple[Match, list[str]]]:
    """Misspelled context names in ``note``: (match, corrections best first). Invisible
    characters inside words are looked through (``_invisible``); spans include them."""
    names = _names_for(note)
    if not names.units:
        return []
    cleaned = invisible.strip(note.prose)
    prose = cleaned[0] if cleaned is not None else note.prose
    toks = tokens(prose)
    if not toks:
        return []
    signoff = _signoff_start(prose)
    words = [t.text for t in toks]
    # and the genitive readings ("Ritas" -> "Rita", see _genitive)
    words += [
        w[:-1]
        for w, t in zip(words, toks, strict=True)
        if w[-1] == "s" and len(w) > 3 and t.end == t.raw_end
    ]
    compare = WordComparer(names.part_index(), words)
    related = compare.related
    if not related:
        return []  # no word relates to the start of any context name: nothing can match
    slots: set[int] | None = None
    index: dict[int, int] = {}
    out: list[tuple[Match, list[str]]] = []
    i = 0
    n_toks = len(toks)
    while i < n_toks:
        tok = toks[i]
        if tok.start >= signoff:
            break
        text = tok.text
        if text not in related and not (
            text[-1] == "s" and text[:-1] in related and _genitive(tok) is not None
        ):
            i += 1  # every run starting here fails on its first word (see compare_run)
            continue
        consumed, result = _match_at(toks, i, names, prose, compare)
        if result is not None:
            m, candidates = result
            sender_like = any(
                t.text in names.known or fold(t.text) in names.known_folded for t in m.toks
            )
            if not sender_like:
                if slots is None:
                    slots = _slot_indices(prose, toks)
                    index = {t.start: k for k, t in enumerate(toks)}
                if _allowed(m, slots, index, note.lang, toks):
                    out.append((m, candidates))
        i += max(consumed, 1)
    if cleaned is not None:
        out = [(invisible.on_original(m, cleaned[1]), c) for m, c in out]
    return out


def _may_be_genitive(text: str) -> bool:
    return len(text) > 3 and text[-1] == "s"


def _genitive(tok: Tok) -> Tok | None:
    """'Ritas' -> 'Rita' (German genitive without apostrophe)."""
    if _may_be_genitive(tok.text) and tok.end == tok.raw_end:
        return Tok(tok.start, tok.end - 1, tok.text[:-1], tok.raw_end, tok.sep_before)
    return None


def _match_at(
    toks: Sequence[Tok],
    i: int,
    names: Names,
    prose: str,
    compare: Callable[[str, str], tuple[int, float] | None] = compare_word,
) -> tuple[int, tuple[Match, list[str]] | None]:
    """(tokens consumed, best match with its corrections) for the longest name run at ``i``."""
    for n in range(min(names.max_len, len(toks) - i), 0, -1):
        run = list(toks[i : i + n])
        if any(not _RUN_SEP.fullmatch(t.sep_before) for t in run[1:]):
            continue
        if any(t.end != t.raw_end for t in run[:-1]):
            continue
        variants = [run]
        gen = _genitive(run[-1])
        if gen is not None:
            variants.insert(0, [*run[:-1], gen])
        matches: list[Match] = []
        right = False
        for variant in variants:
            for unit in names.by_len.get(n, ()):
                r = compare_run(variant, unit, prose, compare)
                if r is True:
                    right = True
                elif isinstance(r, Match):
                    matches.append(r)
            if right:
                return n, None
        if matches:
            return n, _best(matches)
    return 1, None


def _best(matches: list[Match]) -> tuple[Match, list[str]]:
    """The best match and the corrections to offer: one when it is clearly best, else several."""
    matches.sort(key=lambda m: (m.how, -m.score, m.correct))
    # the genitive reading wins over a one-letter typo reading of the same token ("Ritas")
    best = matches[0]
    candidates = [best.correct]
    for m in matches[1:]:
        if m.correct in candidates:
            continue
        if m.how == best.how and abs(m.score - best.score) < 0.03:
            candidates.append(m.correct)
    return best, candidates


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


__all__ = ["EXACT", "TRANSLIT", "NameMisspelled", "WrongCompany"]
