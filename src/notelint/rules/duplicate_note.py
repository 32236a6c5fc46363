"""duplicate-note: notes of one run to the same company that differ only in the salutation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from pydantic import Field

from notelint._models import Finding, Severity
from notelint._note import Note
from notelint._rule import BatchRule, RuleOptions
from notelint.rules._letter import SALUTATION, signoff_start

# Legal forms dropped when comparing company names ("Acme GmbH" is "ACME").
_LEGAL = re.compile(
    r"\b(?:inc|llc|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|kg|ug|se|ohg|gbr|"
    r"mbh|e\s?v|sa|sas|bv|nv|ab|oy|as|srl|spa|pty)\b\.?",
)
_TITLES = re.compile(
    r"\b(?:mr|mrs|ms|miss|mx|dr|prof|herr|herrn|frau|sir|madam)\b\.?", re.IGNORECASE
)
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _drop_combining(m: re.Match[str]) -> str:
    c = m.group()
    return "" if unicodedata.combining(c) else c


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form ("Müller & Söhne" -> "muller & sohne")."""
    folded = text.casefold()
    if folded.isascii():  # NFKD leaves ASCII as it is and it has no combining marks
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    # combining marks are never ASCII: only the other characters need a look
    return _NON_ASCII.sub(_drop_combining, decomposed).replace("ß", "ss")


_UMLAUT_SPELLING = re.compile(r"(?<=[a-z])(ae|oe|ue)")


def company_key(name: str) -> str:
    """Comparable company name: folded, without legal form and punctuation.

    German umlauts written out ("Mueller") match the folded forms ("Müller" -> "muller").
    """
    key = fold(name).replace("&", " and ")
    key = _UMLAUT_SPELLING.sub(lambda m: m.group(1)[0], key)
    key = _LEGAL.sub(" ", key)
    return _SPACES.sub(" ", _NON_WORD.sub(" ", key)).strip()


def _name_words(note: Note) -> set[str]:
    ctx = note.context
    people = [*ctx.interviewers, ctx.recipient or "", ctx.sender or ""]
    return {w for p in people for w in _NON_WORD.split(fold(p)) if len(w) > 1}


def normalized_body(note: Note) -> str:
    """The body without salutation line, sign-off, names from the context, case and spacing."""
    text = note.prose
    stop = signoff_start(text)
    if stop is not None:
        text = text[:stop]
    lines = text.strip().splitlines()
    if lines and SALUTATION.match(lines[0]):
        lines = lines[1:]
    text = fold(_TITLES.sub(" ", "\n".join(lines)))
    names = _name_words(note)
    words = [w for w in _NON_WORD.split(text) if w and w not in names]
    return " ".join(words)


def _label(note: Note, index: int) -> str:
    return note.path or f"<note {index + 1}>"


def _message_span(note: Note) -> tuple[int, int]:
    """The first line of the message after the salutation (whole-file offsets)."""
    body = note.body
    offset = 0
    first_line = True
    for line in body.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not (first_line and SALUTATION.match(stripped)):
            lead = len(line) - len(line.lstrip())
            return note.at(offset + lead), note.at(offset + lead + len(stripped))
        if stripped:
            first_line = False
        offset += len(line)
    return note.body_start, note.body_start


class DuplicateNoteOptions(RuleOptions):
    threshold: float = Field(
        default=90,
        ge=50,
        le=100,
        description="similarity (0-100, rapidfuzz ratio of normalized bodies) from which notes are duplicates",
    )
    min_words: int = Field(
        default=8, ge=1, description="notes with fewer words (after normalizing) are not compared"
    )


class DuplicateNoteRule(BatchRule):
    """A note near-identical to another note of the same run to the same company.

    What it does:
        Across the notes checked together (several files on the command line, a folder,
        `Linter.check_many`), groups the notes by company (`company` and `company_aliases`,
        case, diacritics and legal forms such as GmbH or Inc. ignored) and compares the
        notes of each group. The bodies are normalized first: salutation line, sign-off,
        names from the context (interviewers, recipient, sender), titles, case, punctuation
        and spacing removed. Two notes whose similarity (rapidfuzz ratio) reaches
        `threshold` (90) are duplicates; each gets a finding naming the other file(s). Notes
        without `company`, to different companies, or to the same recipient (two versions
        of one note) are not compared.

    Why it matters:
        Interviewers compare the notes they got. Two identical notes with only the name
        swapped tell both readers that neither was written for them.

    Example:
        drafts/rita.md: Dear Rita, thank you for taking the time to meet with me today. I
        enjoyed learning more about the team and the role ...
        drafts/tom.md:  Dear Tom, thank you for taking the time to meet with me today. I
        enjoyed learning more about the team and the role ...

    Better:
        drafts/rita.md: Dear Rita, thank you for walking me through the archive migration ...
        drafts/tom.md:  Dear Tom, your story about the first product launch in Leipzig ...
    """

    id = "duplicate-note"
    severity = Severity.warning
    requires = frozenset({"company"})
    Options = DuplicateNoteOptions

    def check_batch(self, notes: Sequence[Note]) -> Iterable[tuple[Note, Finding]]:
        opts = self.options
        assert isinstance(opts, DuplicateNoteOptions)
        for group in _by_company(notes):
            # one note to a company: nothing to compare
            if len(group) < 2:
                continue
            yield from self._compare(notes, group, opts)

    def _compare(
        self, notes: Sequence[Note], group: list[int], opts: DuplicateNoteOptions
    ) -> Iterable[tuple[Note, Finding]]:
        from rapidfuzz import fuzz, process

        bodies = [normalized_body(notes[i]) for i in group]
        keep = [k for k, b in enumerate(bodies) if len(b.split()) >= opts.min_words]
        if len(keep) < 2:
            return
        texts = [bodies[k] for k in keep]
        scores = process.cdist(
            texts, texts, scorer=fuzz.ratio, score_cutoff=opts.threshold, workers=1
        )
        for a, ka in enumerate(keep):
            note = notes[group[ka]]
            others: list[tuple[str, float]] = []
            for b, kb in enumerate(keep):
                if a == b or scores[a][b] < opts.threshold:
                    continue
                other = notes[group[kb]]
                if _same_recipient(note, other):
                    continue
                others.append((_label(other, group[kb]), float(scores[a][b])))
            if not others:
                continue
            names = ", ".join(f"{path} ({score:.0f}%)" for path, score in others)
            company = note.context.company
            start, end = _message_span(note)
            yield (
                note,
                self.finding(
                    note,
                    start,
                    end,
                    f"Near-identical to another note to {company}: {names}. Interviewers compare "
                    "the notes they got: make each one personal with something from your "
                    "conversation with this person.",
                ),
            )


def _same_recipient(a: Note, b: Note) -> bool:
    ra = fold(a.context.recipient or "")
    rb = fold(b.context.recipient or "")
    return bool(ra) and ra == rb


def _by_company(notes: Sequence[Note]) -> list[list[int]]:
    """Indices of notes grouped by company; names and aliases that overlap join groups."""
    parent = list(range(len(notes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, note in enumerate(notes):
        ctx = note.context
        for name in (ctx.company or "", *ctx.company_aliases):
            key = company_key(name)
            if not key:
                continue
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[int]] = {}
    for i, note in enumerate(notes):
        if note.context.company:
            groups.setdefault(find(i), []).append(i)
    return list(groups.values())
