"""The engine's 'languagetool' resource: one LanguageTool check per note, shared by two rules.

``spelling`` and ``grammar`` both read the same matches; the note is sent once (its masked
prose, so code, comments, URLs and addresses are never checked). Matches on masked text,
on context names and on accepted words are dropped here, before the rules see them.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from ._client import LanguageToolClient, LTMatch, normalize_lang
from ._errors import LanguageToolUnavailable
from ._manager import connect

if TYPE_CHECKING:
    from notelint._config import Config, LanguageToolConfig
    from notelint._note import Note

_CACHE_SIZE = 64
# Checks of upcoming notes kept in flight while the engine runs the other rules (even with
# --jobs 1): two parallel requests gave 1.6x the throughput of one on a 2-core machine. Each
# request opens its own HTTP connection (keep-alive stalls about 40 ms per request here).
IN_FLIGHT = 3
# After a failure, notes are skipped at once for this long; then one retry (reconnecting,
# which restarts a crashed managed server). Long-lived processes recover; a run never hangs.
RETRY_AFTER_S = 60.0
_TEMPLATE_SLOT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# What may stand before the first word of a sentence: end punctuation, a blank line, a list
# marker at the start of a line, or the start of the text; then spaces, quotes, brackets.
_SENTENCE_END = re.compile(r"(?:[.!?:;]|\n[ \t]*\n|\n[ \t]*(?:[-*+>]|\d+[.)])|^)[\s\"'“„(\[*_>-]*$")


_SPELLER = re.compile(r"MORFOLOGIK_RULE|SPELLER_RULE|HUNSPELL")


def is_misspelling(m: LTMatch) -> bool:
    """The spelling rule's share: LanguageTool's TYPOS category (the design's contract)."""
    return m.category == "TYPOS"


def from_spell_checker(m: LTMatch) -> bool:
    """A match of the dictionary spell checker itself (not a TYPOS confusion rule)."""
    return _SPELLER.search(m.rule_id) is not None


def looks_like_a_term(word: str, before: str, lang: str) -> bool:
    """An unknown word that is a name or a technical term rather than a typo.

    Acronyms (PPAP), mixed case (eCRF, iPhone), words with digits (S3, Q4), technical hyphen
    compounds (eCRF-Umstellung, After-Effects-Rig) and, in English, a capitalized word inside a
    sentence (a proper noun: Huila, Delmont). German capitalizes every noun, so there only the
    shape rules apply.
    """
    core = word.strip(".,;:!?\"'“”„()[]")
    if not core:
        return False
    parts = [p for p in core.split("-") if p]
    for part in parts:
        letters = [c for c in part if c.isalpha()]
        if any(c.isdigit() for c in part):
            return True
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True  # acronym
        if any(c.isupper() for c in part[1:]) and any(c.islower() for c in part):
            return True  # mixed case: eCRF, iPhone, McKinsey
    if len(parts) >= 3:
        return True  # coined compounds: Pick-by-Light-System
    # capitalized inside a sentence: a proper noun
    return lang == "en" and core[:1].isupper() and not _SENTENCE_END.search(before)


def is_english_loanword(word: str) -> bool:
    """A word German's dictionary lacks that is a common English word ("Queries", "Feedback"):
    German notes borrow them freely, so they are not typos."""
    from notelint.rules._names import lexicon

    core = word.strip(".,;:!?\"'“”„()[]").lower()
    return len(core) >= 3 and core.isalpha() and core in lexicon("en")


_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_NAME_PARTS = re.compile(r"[\s/]+")


def variant_for(note: Note) -> str:
    """LanguageTool variant for a note: its tag when we know it ('en-GB'), else the base default."""
    try:
        return normalize_lang(note.lang_tag)
    except ValueError:
        return normalize_lang(note.lang)


def protected_words(note: Note, accept: tuple[str, ...]) -> frozenset[str]:
    """Lowercased context names, topics and role (each also word by word), and accepted words.

    Topics and the role are the interview's own vocabulary ("PPAP audit", "dbt migration"):
    words the user wrote down on purpose are not typos in the body either.
    """
    words: set[str] = set()
    ctx = note.context
    for name in (*ctx.names(), *ctx.topics, *((ctx.role,) if ctx.role else ()), *accept):
        full = name.strip().lower()
        if not full:
            continue
        words.add(full)
        for part in _NAME_PARTS.split(full):
            words.add(part.strip(".,;:"))
            words.update(p for p in part.split("-") if p)
    words.discard("")
    return frozenset(words)


def letter_name_regions(text: str) -> list[tuple[int, int]]:
    """Where names stand: the salutation line after its greeting word, and the lines after the
    sign-off formula ("Best regards," / "Herzliche Grüße"), not the formulas themselves."""
    from notelint.rules._letter import SALUTATION, signoff_start

    regions = []
    m = SALUTATION.search(text, 0, min(len(text), 400))
    if m is not None:
        first_word = re.match(r"[ \t]*\S+", text[m.start() : m.end()])
        regions.append((m.start() + (first_word.end() if first_word else 0), m.end()))
    start = signoff_start(text)
    if start is not None:
        formula_end = text.find("\n", start)
        if formula_end != -1:
            regions.append((formula_end, len(text)))
    return regions


def _is_protected(span: str, protected: frozenset[str]) -> bool:
    word = _POSSESSIVE.sub("", span.strip().lower())
    return bool(word) and (word in protected or span.strip().lower() in protected)


class NoteChecker:
    """Checks notes against one server, remembers the last results, fails fast after a crash."""

    def __init__(
        self,
        client: LanguageToolClient,
        options: LanguageToolConfig,
        *,
        reconnect: Callable[[], LanguageToolClient] | None = None,
    ) -> None:
        self.client = client
        self.options = options
        self._reconnect = reconnect
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, str], list[LTMatch]] = OrderedDict()
        self._dead: LanguageToolUnavailable | None = None
        self._retry_at = 0.0
        self._pending: dict[tuple[str, str], Future[list[LTMatch]]] = {}
        self._pool: ThreadPoolExecutor | None = None

    def prefetch(self, note: Note) -> None:
        """Start checking ``note`` in the background (at most IN_FLIGHT at a time; beyond that,
        and when the server failed recently, nothing is done). ``matches(note)`` then waits
        for that check instead of sending its own; the matches are the same."""
        key = (note.text, note.lang_tag)
        with self._lock:
            # Finished checks are in the cache (or failed, see _dead): free their slots, so
            # a note whose rules never asked for it does not hold one.
            for done in [k for k, f in self._pending.items() if f.done()]:
                del self._pending[done]
            if (
                key in self._cache
                or key in self._pending
                or self._dead is not None
                or len(self._pending) >= IN_FLIGHT
            ):
                return
            if self._pool is None:
                self._pool = ThreadPoolExecutor(
                    max_workers=IN_FLIGHT, thread_name_prefix="notelint-lt"
                )
            self._pending[key] = self._pool.submit(self._fetch, note, self.client)

    def matches(self, note: Note) -> list[LTMatch]:
        """Matches in the note's body (offsets relative to the body), filtered."""
        key = (note.text, note.lang_tag)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            pending = self._pending.get(key)
        if pending is not None:
            try:
                return pending.result()
            finally:
                with self._lock:
                    if self._pending.get(key) is pending:
                        del self._pending[key]
        with self._lock:
            # The server failed recently: do not wait for it again per note.
            if self._dead is not None:
                if time.monotonic() < self._retry_at or self._reconnect is None:
                    raise self._dead
                try:
                    self.client = self._reconnect()
                except LanguageToolUnavailable as exc:
                    self._fail(exc)
                    raise
                self._dead = None
            client = self.client
        return self._fetch(note, client)

    def _fetch(self, note: Note, client: LanguageToolClient) -> list[LTMatch]:
        key = (note.text, note.lang_tag)
        try:
            found = client.check(
                note.prose,
                variant_for(note),
                disabled_rules=self.options.disabled_rules,
                disabled_categories=self.options.disabled_categories,
                enabled_rules=self.options.enabled_rules,
                timeout=self.options.timeout,
            )
        except LanguageToolUnavailable as exc:
            with self._lock:
                self._fail(exc)
            raise
        kept = self._filter(note, found)
        with self._lock:
            self._cache[key] = kept
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return kept

    def _fail(self, exc: LanguageToolUnavailable) -> None:
        self._dead = exc
        self._retry_at = time.monotonic() + RETRY_AFTER_S

    def _filter(self, note: Note, found: list[LTMatch]) -> list[LTMatch]:
        body, prose = note.body, note.prose
        protected = protected_words(note, self.options.accept)
        name_lines = letter_name_regions(prose)
        slots = [(x.start(), x.end()) for x in _TEMPLATE_SLOT.finditer(body)]
        kept = []
        for m in found:
            lo, hi = max(0, m.offset - 1), min(len(body), m.end + 1)
            # Touches masked text (code, comment, URL): an artefact of the masking.
            if body[lo:hi] != prose[lo:hi]:
                continue
            # A context name or an accepted word.
            if _is_protected(body[m.offset : m.end], protected):
                continue
            # A capitalized "typo" in the salutation line or the sign-off block is a name
            # (the recipient's or the sender's own); name-misspelled judges names.
            if (
                m.category == "TYPOS"
                and body[m.offset : m.offset + 1].isupper()
                and any(s <= m.offset < e for s, e in name_lines)
            ):
                continue
            # Template syntax is the placeholder rule's business, not spacing or spelling.
            if any(s < m.end and m.offset < e for s, e in slots):
                continue
            if from_spell_checker(m) and (
                looks_like_a_term(
                    body[m.offset : m.end], body[max(0, m.offset - 40) : m.offset], note.lang
                )
                or (note.lang == "de" and is_english_loanword(body[m.offset : m.end]))
            ):
                continue
            kept.append(m)
        return kept

    def close(self) -> None:
        """Wait for checks still in flight. A managed server lives until the process exits
        (reused by later checks)."""
        with self._lock:
            pool, self._pool = self._pool, None
            self._pending.clear()
        if pool is not None:
            pool.shutdown(wait=True)


def make_checker(config: Config) -> NoteChecker:
    """Factory for ``RuleEnv.resource('languagetool')``; RuleUnavailable with reason and fix."""
    from notelint._rule import RuleUnavailable

    options = config.languagetool

    def reconnect() -> LanguageToolClient:
        return connect(
            url=options.url, heap=options.heap, timeout=options.timeout, version=options.version,
            languages=(),
        )  # fmt: skip

    try:
        client = reconnect()
    except LanguageToolUnavailable as exc:
        raise RuleUnavailable(f"{exc.reason}: {exc.fix}") from exc
    return NoteChecker(client, options, reconnect=reconnect)
