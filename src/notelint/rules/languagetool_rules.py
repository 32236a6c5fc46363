"""spelling and grammar: LanguageTool's matches, split by category (TYPOS vs the rest)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from notelint._engine import RESOURCE_FACTORIES
from notelint._languagetool import LanguageToolUnavailable
from notelint._languagetool._notes import NoteChecker, is_misspelling, make_checker
from notelint._models import Finding, Severity, Source
from notelint._note import Note
from notelint._rule import Rule, RuleUnavailable

# The engine creates the 'languagetool' resource on first use, only when one of these runs.
RESOURCE_FACTORIES.setdefault("languagetool", make_checker)

# Categories that are advice on style or layout rather than errors: reported as info.
_STYLE = frozenset(
    {"STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "COLLOQUIALISMS", "REPETITIONS_STYLE", "TYPOGRAPHY"}
)
# Single rules that are style advice inside error categories: info as well.
_STYLE_RULES = frozenset(
    {"COMMA_COMPOUND_SENTENCE", "COMMA_COMPOUND_SENTENCE_2", "ENGLISH_WORD_REPEAT_BEGINNING_RULE"}
)


class _LanguageToolRule(Rule):
    needs: ClassVar[frozenset[str]] = frozenset({"languagetool"})
    typos: ClassVar[bool]

    def check(self, note: Note) -> Iterable[Finding]:
        checker: NoteChecker = self.env.resource("languagetool")
        try:
            matches = checker.matches(note)
        except LanguageToolUnavailable as exc:
            raise RuleUnavailable(f"{exc.reason}: {exc.fix}") from exc
        names = _misspelled_names(note) if self.typos else []
        for m in matches:
            # The spell checker's matches belong to spelling, everything else to grammar.
            if is_misspelling(m) != self.typos:
                continue
            # A misspelled context name is name-misspelled's finding, with the right correction.
            if any(start < m.end and m.offset < end for start, end in names):
                continue
            yield self.finding(
                note,
                note.at(m.offset),
                note.at(m.end),
                m.message,
                suggestions=m.replacements,
                fix=m.replacements[0] if m.replacements else None,
                fix_safe=False,
                severity=Severity.info
                if m.category in _STYLE or m.rule_id in _STYLE_RULES
                else None,
                source=Source(engine="languagetool", rule=m.rule_id, category=m.category),
            )


def _misspelled_names(note: Note) -> list[tuple[int, int]]:
    """Body spans of misspelled context names (as name-misspelled finds them)."""
    from notelint.rules.names import find_misspelled

    if not note.context.names():
        return []
    return [(m.start, m.end) for m, _candidates in find_misspelled(note)]


class SpellingRule(_LanguageToolRule):
    """A misspelled word, found by LanguageTool's spell checker (its TYPOS category).

    What it does:
        Sends the note's text (without front matter, code, comments, URLs and addresses) to a
        LanguageTool server and reports every match of the TYPOS category, with LanguageTool's
        suggestions. The names in the context (interviewers, recipient, sender, company and its
        aliases, each also word by word) and the words in `languagetool.accept` are never
        flagged; a misspelled context name is left to `name-misspelled`, which knows the right
        spelling. The regional variant follows the note's language: `en-GB` accepts "colour",
        `de-CH` expects "ss" for "ß".

    Why it matters:
        Recruiters read a typo as a lack of attention to detail, and a follow-up note is short
        enough that every slip shows. Proofreading is one of the five things they ask for.

    Example:
        Thank you for the convresation yesterday about the new warehouse in Leipzig.

    Better:
        Thank you for the conversation yesterday about the new warehouse in Leipzig.
    """

    id = "spelling"
    severity = Severity.error
    typos = True


class GrammarRule(_LanguageToolRule):
    """A grammar, punctuation, casing or word-choice problem found by LanguageTool.

    What it does:
        Reports LanguageTool's matches outside the TYPOS category: agreement ("I has"),
        articles ("a apple"), confused words, punctuation and casing. Style advice
        (LanguageTool's STYLE, REDUNDANCY, PLAIN_ENGLISH, COLLOQUIALISMS categories) is
        reported as info.
        LanguageTool rules and categories can be switched off with `languagetool.disabled-rules`
        and `languagetool.disabled-categories`.

    Why it matters:
        A grammar slip in a thank-you note distracts from what it says and, like a typo, tells
        the reader the note was not proofread.

    Example:
        I has enjoyed our talk about the data platform, and I am exciting to hear back.

    Better:
        I enjoyed our talk about the data platform, and I am excited to hear back.
    """

    id = "grammar"
    severity = Severity.warning
    typos = False
