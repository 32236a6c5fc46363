"""The specificity measure used by no-conversation-reference when a note has no ``topics``.

docs/specificity.md explains it for users. In short: the salutation line, a subject line and
the sign-off block are set aside; every remaining word is checked, and the note is specific
when at least one word is *evidence*:

* a number that is not part of a date (``3``, ``40%``, ``Q3`` - dates are things any note has);
* a named thing: a capitalized word that is not sentence-initial (English) and not a greeting
  word, weekday, month, title, pronoun of address, or a name known to be the recipient's,
  sender's, interviewers', company's or role's (from the context, the salutation or the
  sign-off), and not a company named in a company slot ("the team at Acme", "join Acme");
* a concrete content word: not a stop word, not in the generic follow-up vocabulary of the
  language (the catalog ``rules/<lang>/no-conversation-reference.yaml``), and, in German, not a
  compound made only of generic parts ("Vorstellungsgespräch").

German capitalizes every noun, so there a capitalized word is judged as a content word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SALUTATION = re.compile(
    r"\W*(?:(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening)|greetings|to\s+whom|"
    r"liebe[rs]?|sehr\s+geehrte[rs]?|hallo|guten\s+(?:tag|morgen|abend)|moin|servus|"
    r"grüß\s+gott|grüezi)\b[^,!:\n.]{0,60}(?:\.[^,!:\n.]{0,40})?(?:[,!:]|\s*$))",
    re.IGNORECASE,
)
_SUBJECT_LINE = re.compile(r"^\W*(subject|re|betreff|betr)\s*:", re.IGNORECASE)
_CLOSING_LINE = re.compile(
    r"^\W*(best|kind|warm|warmest|many|with\s+(best|kind|warm)|all\s+the\s+best|sincerely|"
    r"yours|regards|cheers|thanks|thank\s+you|many\s+thanks|respectfully|warmly|take\s+care|"
    r"talk\s+soon|mit\s+(freundlichen|besten|herzlichen|lieben|vielen)|viele|beste|liebe|"
    r"herzliche|freundliche|schöne|sonnige|gruß|grüße|lg|vg|mfg|bis\s+bald|danke|dankeschön|"
    r"herzlichst|hochachtungsvoll)\b[^.!?\n]{0,40}[,!.]?\s*$",
    re.IGNORECASE,
)
_DATE_WORDS = {
    "en": {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
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
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    },
    "de": {
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonnabend",
        "sonntag",
        "januar",
        "jänner",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "montags",
        "dienstags",
        "mittwochs",
        "donnerstags",
        "freitags",
    },
}
# Words never evidence of specificity by themselves (titles, address, greetings).
_ADDRESS = {
    "en": {
        "i",
        "dear",
        "hi",
        "hello",
        "hey",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "madam",
        "thank",
        "thanks",
        "you",
        "your",
        "best",
        "regards",
        "sincerely",
        "ok",
        "okay",
        "p.s.",
        "ps",
        "hr",
        "ceo",
        "cto",
        "cfo",
        "vp",
    },
    "de": {
        "sie",
        "ihr",
        "ihre",
        "ihnen",
        "ihren",
        "ihrem",
        "ihrer",
        "ihres",
        "euch",
        "euer",
        "eure",
        "herr",
        "herrn",
        "frau",
        "dr",
        "prof",
        "liebe",
        "lieber",
        "hallo",
        "gruß",
        "grüße",
        "grüßen",
        "danke",
        "dank",
        "hr",
        "ps",
        "p.s.",
    },
}
_COMPANY_BEFORE = {
    "en": {"at", "with", "join", "joining", "joined", "for"},
    "de": {"bei", "für", "zu"},
}
_COMPANY_AFTER = {
    "en": {
        "team",
        "'s",
        "’s",
        "culture",
        "mission",
        "family",
        "values",
        "office",
        "offices",
        "colleagues",
        "people",
    },
    "de": {"team", "teams", "kultur", "familie", "werte", "kollegen", "kolleginnen"},
}
_DE_ADJ = ("e", "en", "er", "es", "em", "n", "s")
_DE_LINKS = ("s", "es", "n", "en", "e", "er")
_NUM = re.compile(r"\d")


@dataclass(frozen=True)
class Evidence:
    start: int  # body offsets
    end: int
    text: str
    kind: str  # "number", "name", "word"


@dataclass(frozen=True)
class Vocabulary:
    lang: str
    generic: frozenset[str]
    stop: frozenset[str]

    def is_generic(self, word: str) -> bool:
        """A lowercase form or lemma that says nothing about one conversation."""
        if word in self.generic or word in self.stop:
            return True
        if "-" in word:
            return all(self.is_generic(p) for p in word.split("-") if p)
        if self.lang == "de":
            for end in _DE_ADJ:
                if word.endswith(end) and word[: -len(end)] in self.generic:
                    return True
            return self._generic_compound(word)
        return False

    def _generic_compound(self, word: str) -> bool:
        """German compound of generic parts ("vorstellungsgespräch", "teamkultur")."""
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            if right not in self.generic:
                continue
            if left in self.generic or any(
                left.endswith(link) and left[: -len(link)] in self.generic for link in _DE_LINKS
            ):
                return True
        return False


def content_span(doc: Doc) -> tuple[int, int]:
    """Body character range without subject line, salutation and sign-off block."""
    text = doc.text
    first = 0
    # leading subject lines and the salutation ("Dear Ms. Ortiz," / "Hallo Jan!")
    while True:
        m = re.match(r"\s*", text[first:])
        at = first + (m.end() if m else 0)
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        line = text[at:line_end]
        if _SUBJECT_LINE.match(line):
            first = line_end
            continue
        g = _SALUTATION.match(line)
        if g:
            first = at + g.end()
        break
    # the sign-off block: from a closing line ("Best regards,") or a final name line on
    last = len(text)
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    nonblank = [i for i, line in enumerate(lines) if line.strip() and offsets[i] >= first]
    for n, idx in enumerate(reversed(nonblank[-4:])):
        line = lines[idx].strip()
        if _CLOSING_LINE.match(line) and len(line.split()) <= 8:
            last = offsets[idx]
            break
        if n == 0 and _is_name_line(line):
            last = offsets[idx]
            continue
        if n > 0:
            break
    return first, max(first, last)


def _is_name_line(line: str) -> bool:
    words = line.replace(",", " ").split()
    return (
        0 < len(words) <= 4
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        and not line.endswith((".", "?", "!", ":"))
    )


def _name_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w[:1].isupper()}


def known_names(doc: Doc, span: tuple[int, int], context_names: Iterable[str]) -> set[str]:
    """Lowercase words of names the note does not need to prove it knows."""
    names: set[str] = set()
    for n in context_names:
        for w in re.findall(r"[\w'’-]+", n):
            names.add(w.lower())
            names.update(p.lower() for p in w.split("-") if p)
    text = doc.text
    names |= _name_words(text[: span[0]])
    names |= _name_words(text[span[1] :])
    return names


def _company_slot(tok: Token, lang: str) -> bool:
    """A capitalized run in a slot where notes name the employer ("the team at Acme")."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start:
        i -= 1
    j = tok.i
    while j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
        j += 1
    b = i - 1
    while b >= 0 and doc[b].is_space:
        b -= 1
    a = j + 1
    while a < len(doc) and doc[a].is_space:
        a += 1
    before = doc[b].lower_ if b >= 0 else ""
    after = doc[a].lower_ if a < len(doc) else "."
    if lang == "de" and before == "bei" and (after[:1].islower() or not after[:1].isalnum()):
        return True  # "die Atmosphäre bei Lumera hat ...": a bare name after "bei"
    return before in _COMPANY_BEFORE[lang] and (
        after in _COMPANY_AFTER[lang]
        or after in {".", ",", "!", "and", "und", "-"}
        or after in {"soon", "bald"}
    )


def evidence(
    doc: Doc,
    vocab: Vocabulary,
    context_names: Iterable[str],
    *,
    role_words: Iterable[str] = (),
) -> list[Evidence]:
    """Every word of the note's content that is specific to one conversation."""
    lang = vocab.lang
    span = content_span(doc)
    names = known_names(doc, span, context_names) | {w.lower() for w in role_words}
    dates = _DATE_WORDS[lang]
    out: list[Evidence] = []
    for tok in doc:
        if tok.idx < span[0] or tok.idx >= span[1]:
            continue
        text = tok.text
        low = tok.lower_
        norm = tok.norm_
        if not any(c.isalnum() for c in text):
            continue
        if _NUM.search(text):
            if _is_date_number(tok, dates):
                continue
            out.append(Evidence(tok.idx, tok.idx + len(text), text, "number"))
            continue
        if not tok.is_alpha and "-" not in text and "'" not in text:
            continue
        if low in dates or low in _ADDRESS[lang] or low in names or norm in names:
            continue
        if "-" in low and all(p in names for p in low.split("-") if p):
            continue
        capital = text[:1].isupper()
        if lang == "en" and capital and not tok.is_sent_start and not _after_colon(tok):
            if vocab.is_generic(low) or vocab.is_generic(norm):
                continue  # "Thank You", "Hiring Manager"
            if _company_slot(tok, lang):
                continue
            out.append(Evidence(tok.idx, tok.idx + len(text), text, "name"))
            continue
        if len(low) < 3 or vocab.is_generic(low) or vocab.is_generic(norm):
            continue
        if lang == "de" and capital and _company_slot(tok, lang) and not tok.is_sent_start:
            continue
        out.append(Evidence(tok.idx, tok.idx + len(text), text, "word"))
    return out


def _after_colon(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text in {":", "-", "–", "—", "(", '"', "“", "„"}


def _is_date_number(tok: Token, dates: set[str]) -> bool:
    """A day, year or time in a date expression ("March 3", "3. März", "10:30", "2024")."""
    text = tok.text.rstrip(".")
    doc = tok.doc
    if re.fullmatch(r"\d{1,2}[:.]\d{2}", text) or re.fullmatch(r"\d{1,2}(am|pm|uhr)", text.lower()):
        return True
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.(\d{2,4})?", tok.text):
        return True
    if re.fullmatch(r"(19|20)\d\d", text):
        return True
    near = [doc[k].lower_ for k in range(max(0, tok.i - 2), min(len(doc), tok.i + 3))]
    if any(w in dates for w in near) and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", text.lower()):
        return True
    return any(w in {"uhr", "am", "pm", "a.m.", "p.m.", "o'clock"} for w in near[3:])
