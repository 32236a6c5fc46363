"""Note structure: what stands around the message and is neither canned nor specific.

A note body is cut into a header (address block, date and subject lines above the
salutation), the salutation line(s), the message, the sign-off formula and the signature
block (the sender's name, title and contact lines). Only the message is judged by the content
rules; the slots a template left unfilled (:mod:`notelint._analysis.slots`) are marked inside
it so that "[JOB TITLE]" never counts as specific content.

Everything here works on the body's prose (:attr:`Note.prose`, code and URLs blanked) with
body offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A salutation at the start of a line: the greeting word, up to 60 characters of names (titles
# such as "Mr." or "Dr." and initials keep their period) and a closing comma, colon,
# exclamation mark or dash (or the end of the line).
_NAME_CHARS = (
    r"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Ing|Mag|Dipl|Hr|Fr|St|Jr|Sr|Sra|Sr)\.|\b[A-ZÄÖÜ]\.|[^\n,!:.?–—])"
)
_GREETING = {
    "en": r"dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)|to\s+whom|"
    r"morning|afternoon|evening",
    "de": r"sehr\s+geehrte[rs]?|liebe[rs]?|hallo|hi|hey|guten\s+(?:tag|morgen|abend)|moin|servus|"
    r"grüß\s+gott|grüezi|grüss\s+gott|geschätzte[rs]?|werte[rs]?|hoi|sali|salü|ciao|servus",
}
_SALUTATION = {
    lang: re.compile(
        rf"[ \t>*_]*(?:{words})\b{_NAME_CHARS}{{0,60}}?(?:[,!:–—]|\s+-\s|[ \t]*$)",
        re.IGNORECASE,
    )
    for lang, words in _GREETING.items()
}
# A second greeting after the first on the same line ("..., sehr geehrter Herr Lang,").
_MORE_SALUTATION = {
    lang: re.compile(
        rf"[ \t]*(?:(?:and|und|&)[ \t]+)?(?:{words})\b{_NAME_CHARS}{{0,60}}?[,!:]", re.IGNORECASE
    )
    for lang, words in _GREETING.items()
}
_SIGNOFF_WORDS = {
    "en": r"(?:with\s+)?(?:best|kind|kindest|warm|warmest|many|warm\s+best|respectful|sincere|"
    r"all\s+the\s+best|best\s+and\s+warm|my\s+best)?\s*(?:regards|wishes)|best|all\s+the\s+best|"
    r"sincerely(?:\s+yours)?|yours(?:\s+(?:truly|sincerely|faithfully))?|cheers|"
    r"thanks(?:\s+(?:again|so\s+much|a\s+lot|and\s+best|in\s+advance))?|"
    r"thank\s+you(?:\s+(?:again|so\s+much))?|many\s+thanks|with\s+(?:thanks|gratitude|appreciation)|"
    r"warmly|respectfully|gratefully|take\s+care|talk\s+soon|speak\s+soon|best,?\s+regards|"
    r"(?:have\s+a\s+)?(?:good|great|nice)\s+(?:day|weekend|one)|regards|v/r|rgds|thx|ty|ciao|"
    r"(?:with\s+)?(?:many\s+)?thanks\s+and\s+(?:best|kind|warm)\s+regards",
    "de": r"mit\s+(?:den\s+)?(?:freundlichen|besten|herzlichen|vielen|lieben|sonnigen)\s+gr[üu](?:ß|ss)en|"
    r"(?:freundliche|viele|beste|herzliche|liebe|schöne|sonnige|freundlichste|liebste)\s+gr[üu](?:ß|ss)e"
    r"(?:\s+aus\s+\S+(?:\s+\S+)?)?|(?:vielen\s+dank|danke(?:\s+schön)?|besten\s+dank)"
    r"(?:\s+(?:nochmals|und\s+(?:viele|beste|herzliche|liebe)\s+gr[üu](?:ß|ss)e))?|"
    r"mfg|lg|vg|bg|glg|herzlichst|bis\s+bald|alles\s+gute|gru(?:ß|ss)|gr[üu](?:ß|ss)e|"
    r"hochachtungsvoll|ciao|tschüss|servus|euer|eure|ihr|ihre|dein|deine|beste\s+wünsche",
}
_SIGNOFF = {
    lang: re.compile(rf"[ \t>*_-]*(?:{words})[ \t]*[,.!]*[*_]*[ \t]*", re.IGNORECASE)
    for lang, words in _SIGNOFF_WORDS.items()
}
# A sign-off and a short name on one line: "Best, Sam", "LG Anna", "Cheers – Tom".
_SIGNOFF_NAME = {
    lang: re.compile(
        rf"[ \t>*_-]*(?:{words})[ \t]*[,.!–—-]?[ \t]*(?P<name>[A-ZÄÖÜ][\w'.-]*(?:[ \t]+[A-ZÄÖÜ][\w'.-]*){{0,2}})[ \t]*",
        re.IGNORECASE,
    )
    for lang, words in _SIGNOFF_WORDS.items()
}
# A first line that is only names and a comma or dash: "Renee,", "Renee, Tony -", "Chef,".
_BARE_SALUTATION = re.compile(
    r"[ \t]*(?:[A-ZÄÖÜ][\w'.-]*(?:[ \t]+[A-ZÄÖÜ][\w'.-]*){0,2}(?:[ \t]*(?:,|and|und|&)[ \t]*)?){1,3}"
    r"[ \t]*(?:,|[-–—]|:)[ \t]*"
)
_SUBJECT = re.compile(r"[ \t]*(?:subject|betreff|re|aw|fwd?|wg|betr\.?)[ \t]*:[^\n]*", re.I)
_DATE_LINE = re.compile(
    r"[ \t]*(?:[A-ZÄÖÜ][\w.]*,?[ \t]+)?(?:\d{1,2}\.?[ \t]*(?:[A-ZÄÖÜa-zäöü]{3,}\.?|\d{1,2}\.)[ \t]*\d{2,4}|"
    r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}/\d{1,2}/\d{2,4})[ \t]*",
)
# A line that is only a name, a title or contact details (a signature line).
_NAME_LINE = re.compile(
    r"[ \t>*_]*[-–—~]*[ \t]*(?:[A-ZÄÖÜ][\w'.-]*|[A-ZÄÖÜ]\.)(?:[ \t]+(?:[A-ZÄÖÜ][\w'.-]*|von|van|de|"
    r"der|zu|da|di|del|la|le|[A-ZÄÖÜ]\.)){0,3}[ \t]*[*_]*[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*"
)
_CONTACT_LINE = re.compile(
    r"[ \t]*(?:(?:tel|phone|mobile|mobil|cell|fax|e-?mail|linkedin|web|www|m|t|p)\b[.:]?[ \t]*)?"
    r"[+(]?[\d ()./-]{6,}[ \t]*|[ \t]*(?:linkedin|xing|github)[^\n]{0,80}",
    re.IGNORECASE,
)
_TITLE_LINE = re.compile(r"[ \t]*[^\n.!?]{1,60}[|·•][^\n.!?]{1,60}")
_LINES = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class Part:
    """A structural piece of the body (body offsets)."""

    kind: str  # header | salutation | signoff | signature
    start: int
    end: int


@dataclass(frozen=True)
class Structure:
    parts: tuple[Part, ...]
    message: tuple[int, int]  # [start, end) of the message between salutation and sign-off

    def of(self, kind: str) -> list[Part]:
        return [p for p in self.parts if p.kind == kind]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _salutation(text: str, lang: str, line: tuple[int, int], *, first: bool) -> int | None:
    """End of the salutation at the start of ``line``, or None."""
    start, end = line
    m = _SALUTATION[lang].match(text, start, end)
    if m is None:
        bare = _BARE_SALUTATION.fullmatch(text, start, end)
        return bare.end() if bare is not None and first else None
    stop = m.end()
    dash = text[stop - 1 : stop] in ("–", "—") or text[stop - 2 : stop] == " -"
    if not dash and m.group().rstrip()[-1:] not in ",!:" and text[stop:end].strip():
        return None  # "Hi Sam thanks for..." with no comma: too unsure
    while True:
        more = _MORE_SALUTATION[lang].match(text, stop, end)
        if more is None:
            break
        stop = more.end()
    return stop


def _is_signature_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 80:
        return False
    if s[-1:] in ".?!" and not re.search(r"\b[A-Z]\.$", s):
        return False
    return bool(_NAME_LINE.fullmatch(s) or _CONTACT_LINE.fullmatch(s) or _TITLE_LINE.fullmatch(s))


def analyse_structure(text: str, lang: str) -> Structure:
    """The structure of a note's prose ``text`` (language ``en`` or ``de``)."""
    lines = [(m.start(), m.end()) for m in _LINES.finditer(text)]
    parts: list[Part] = []
    if not lines:
        return Structure((), (0, 0))
    first = 0  # index of the first message line
    msg_start = lines[0][0]
    # the salutation among the first lines; everything above it is the header
    for i, line in enumerate(lines[:10]):
        stop = _salutation(text, lang, line, first=i == 0)
        if stop is not None:
            if i:
                parts.append(Part("header", *_trim(text, lines[0][0], lines[i - 1][1])))
            parts.append(Part("salutation", *_trim(text, line[0], stop)))
            if text[stop : line[1]].strip():
                msg_start = stop
                first = i
            else:
                first = i + 1
                msg_start = lines[i + 1][0] if i + 1 < len(lines) else line[1]
            break
        if (
            i
            and text[line[0] : line[1]].rstrip()[-1:] in ".?!"
            and len(text[line[0] : line[1]]) > 60
        ):
            break  # a sentence of the message: no salutation above it
    if not parts:
        # no salutation: only subject and date lines at the top are header
        i = 0
        while i < len(lines) - 1 and (
            _SUBJECT.fullmatch(text, *lines[i]) or _DATE_LINE.fullmatch(text, *lines[i])
        ):
            i += 1
        if i:
            parts.append(Part("header", *_trim(text, lines[0][0], lines[i - 1][1])))
            first = i
            msg_start = lines[i][0]
    # the sign-off: the first closing-formula line among the last eight lines of the message
    msg_end = lines[-1][1]
    tail = [(max(s, msg_start), e) for s, e in lines[first:] if e > msg_start][-8:]
    signoff_at = None
    for k, (s, e) in enumerate(tail):
        if k == 0 and s == msg_start and len(tail) > 1 and parts:
            continue  # the line right after the salutation is message, not a sign-off
        if _SIGNOFF[lang].fullmatch(text, s, e):
            signoff_at = k
            parts.append(Part("signoff", *_trim(text, s, e)))
            msg_end = s
            break
        m = _SIGNOFF_NAME[lang].fullmatch(text, s, e)
        if m and k >= len(tail) - 3 and s > msg_start:
            signoff_at = k
            parts.append(Part("signoff", *_trim(text, s, m.start("name"))))
            parts.append(Part("signature", *_trim(text, m.start("name"), e)))
            msg_end = s
            tail = tail[: k + 1]
            break
    if signoff_at is not None:
        rest = tail[signoff_at + 1 :]
        if rest:
            parts.append(Part("signature", *_trim(text, rest[0][0], rest[-1][1])))
    else:
        # no closing formula: trailing name, title and contact lines are the signature
        sig = len(tail)
        while (
            sig > 0
            and tail[sig - 1][0] > msg_start
            and _is_signature_line(text[tail[sig - 1][0] : tail[sig - 1][1]])
        ):
            sig -= 1
        if sig < len(tail) and len(tail) - sig <= 5 and sig > 0:
            parts.append(Part("signature", *_trim(text, tail[sig][0], tail[-1][1])))
            msg_end = tail[sig][0]
    parts.sort(key=lambda p: p.start)
    return Structure(
        tuple(p for p in parts if p.end > p.start), _trim(text, msg_start, max(msg_start, msg_end))
    )
