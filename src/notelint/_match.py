"""Phrase patterns compiled to spaCy Matcher patterns on lemmas (token NORM = lowercase lemma).

Pattern syntax (docs/packs.md):

* words separated by spaces match any inflection (``hear`` matches "hearing", "heard" where the
  lookup table knows it); case never matters;
* ``a|b`` one token, either alternative;  ``word?`` an optional token;
* ``...`` up to three arbitrary tokens (line breaks not counted);  ``*`` exactly one arbitrary token;
* ``=word`` the exact word form, not the lemma;
* punctuation and line breaks between words in the text are skipped (``thank you again`` matches
  "Thank you, again" and a phrase wrapped over two lines).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

from notelint._nlp import get_nlp

T = TypeVar("T")
# punctuation and line breaks between pattern words are skipped ("I\nwould be": a wrapped line)
_OPT_PUNCT: dict[str, Any] = {"ORTH": {"REGEX": r"^[^\w]+$"}, "OP": "*"}


def _norms(lang: str, word: str) -> list[str]:
    return list(_cached_norms(lang, word))


@lru_cache(maxsize=16384)
def _cached_norms(lang: str, word: str) -> tuple[str, ...]:
    # compiling the catalogs asks for the same words again and again (about 10,000 calls for
    # 2,300 words, a full pipeline run each): a large part of a German cold start
    nlp = get_nlp(lang)
    return tuple(t.norm_ for t in nlp(word))


def compile_pattern(lang: str, pattern: str) -> list[list[dict[str, Any]]]:
    """One or more Matcher patterns (token-dict lists) for a pattern string."""
    tokens: list[dict[str, Any]] = []
    for raw in pattern.split():
        if raw == "...":
            # up to three words or punctuation marks; line breaks in between are not counted
            for _ in range(3):
                tokens.append({"IS_SPACE": False, "OP": "?"})
                tokens.append({"IS_SPACE": True, "OP": "*"})
            continue
        if raw == "*":
            tokens.append({})
            continue
        optional = raw.endswith("?") and len(raw) > 1
        word = raw[:-1] if optional else raw
        exact = word.startswith("=") and len(word) > 1
        if exact:
            word = word[1:]
        alts = [a for a in word.split("|") if a]
        expanded: list[list[str]] = []
        for alt in alts:
            expanded.append([alt.lower()] if exact else _norms(lang, alt))
        if all(len(e) == 1 for e in expanded):
            key = "LOWER" if exact else "NORM"
            values = sorted({e[0] for e in expanded})
            tok: dict[str, Any] = {key: values[0]} if len(values) == 1 else {key: {"IN": values}}
            if optional:
                tok["OP"] = "?"
            tokens.append(tok)
        else:
            # a word the tokenizer splits ("I'm", "e-mail"): only one alternative allowed here
            if len(expanded) != 1:
                raise ValueError(f"alternatives must be single tokens: {raw!r}")
            for norm in expanded[0]:
                t: dict[str, Any] = {"NORM": norm}
                if optional:
                    t["OP"] = "?"
                tokens.append(t)
        tokens.append(dict(_OPT_PUNCT))
    while tokens and tokens[-1] == _OPT_PUNCT:
        tokens.pop()
    if not tokens:
        raise ValueError(f"empty pattern {pattern!r}")
    return [tokens]


@dataclass(frozen=True)
class Match(Generic[T]):
    item: T
    span: Span


class PhraseCatalogMatcher(Generic[T]):
    """Matches many patterns at once; returns the longest non-overlapping matches in order."""

    def __init__(self, lang: str, items: Sequence[T], patterns: Sequence[str]) -> None:
        from spacy.matcher import Matcher

        self.lang = lang
        self.items = list(items)
        vocab = get_nlp(lang).vocab
        self._lock = threading.Lock()
        # One Matcher per pattern, run only when every word the pattern requires occurs in the
        # doc (a set test on NORM/LOWER hashes). Running every pattern of a catalog on every
        # note cost more than a millisecond per note and catalog; most patterns cannot match.
        # A Matcher call costs about 0.1 ms per note however few its patterns, so when many
        # patterns are candidates the one Matcher with all of them runs instead.
        self._matcher = Matcher(vocab, validate=True)
        self._patterns: list[tuple[int, Any, list[tuple[str, frozenset[int]]]]] = []
        for i, pattern in enumerate(patterns):
            try:
                compiled = compile_pattern(lang, pattern)
                matcher = Matcher(vocab, validate=True)
                matcher.add(str(i), compiled)
            except ValueError as exc:
                # a pattern the tokenizer splits in a way the syntax cannot express: a config
                # error naming the pack file, never a pattern silently dropped (docs/packs.md)
                from notelint._errors import ConfigError

                source = getattr(self.items[i], "source", "") or None
                raise ConfigError(
                    "C005", path=source, detail=f"pattern {pattern!r} cannot be compiled: {exc}"
                ) from None
            self._matcher.add(str(i), compiled)
            self._patterns.append((i, matcher, _required(compiled, vocab)))

    def find(self, doc: Doc, *, overlapping: bool = False) -> list[Match[T]]:
        from spacy.attrs import LOWER, NORM
        from spacy.util import filter_spans

        present = {
            "NORM": set(doc.to_array(NORM).tolist()) if len(doc) else set(),
            "LOWER": set(doc.to_array(LOWER).tolist()) if len(doc) else set(),
        }
        candidates = [
            (idx, matcher)
            for idx, matcher, required in self._patterns
            if not any(present[attr].isdisjoint(values) for attr, values in required)
        ]
        raw: list[tuple[int, int, int]] = []
        with self._lock:
            if len(candidates) * 3 > len(self._patterns):
                raw = [(int(doc.vocab.strings[m]), s, e) for m, s, e in self._matcher(doc)]
            else:
                for idx, matcher in candidates:
                    raw.extend((idx, s, e) for _m, s, e in matcher(doc))
        by_span: dict[tuple[int, int], int] = {}
        spans = []
        for idx, start, end in raw:
            key = (start, end)
            if key not in by_span:  # the same words matched by two patterns: the first wins
                by_span[key] = idx
                spans.append(doc[start:end])
        chosen = spans if overlapping else filter_spans(spans)
        return [
            Match(self.items[by_span[(s.start, s.end)]], s)
            for s in sorted(chosen, key=lambda s: s.start)
        ]


def _required(compiled: list[list[dict[str, Any]]], vocab: Any) -> list[tuple[str, frozenset[int]]]:
    """(attribute, hashes) for each token every match of the pattern must contain."""
    out: list[tuple[str, frozenset[int]]] = []
    for token in compiled[0] if len(compiled) == 1 else []:
        if "OP" in token:
            continue
        for attr in ("NORM", "LOWER"):
            if attr in token:
                value = token[attr]
                words = value["IN"] if isinstance(value, dict) else [value]
                out.append((attr, frozenset(vocab.strings.add(w) for w in words)))
    return out
