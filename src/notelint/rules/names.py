"""name-misspelled: the names in a note against the names in its context (wrong-company: wrong_company.py)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz.distance import OSA

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import Rule
from notelint.rules import _invisible as invisible
from notelint.rules._names import (
    FOLD,
    PARTICLES,
    TITLES,
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


__all__ = ["NameMisspelled", "find_misspelled"]
