"""Phrase patterns compiled to spaCy Matcher patterns on lemmas (token NORM = lowercase lemma).

Pattern syntax (docs/packs.md):

* words separated by spaces match any inflection (``hear`` matches "hearing", "heard" where the
  lookup table knows it); case never matters;
* ``a|b`` one token, either alternative;  ``word?`` an optional token;
* ``...`` up to three arbitrary tokens (line breaks not counted);  ``*`` exactly one arbitrary token;
* ``=word`` the exact word form, not the lemma (``=a|b``: both alternatives exact);
* punctuation and line breaks between words in the text are skipped (``thank you again`` matches
  "Thank you, again" and a phrase wrapped over two lines).
"""

from __future__ import annotations

import bisect
import re
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
        if any(a.startswith("=") and len(a) > 1 for a in alts):
            # "=a|=b" is "=a|b"; "a|=b" mixes lemma and exact form in one token: not expressible
            if not exact:
                raise ValueError(f"'=' marks the whole token, write it first: {raw!r}")
            alts = [a[1:] if a.startswith("=") and len(a) > 1 else a for a in alts]
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
    """Matches many patterns at once; returns the longest non-overlapping matches in order.

    Each pattern is compiled to spaCy Matcher token patterns (which validates it) and, for
    matching, to one regular expression over an encoding of the doc: a run of
    ``\x01NORM\x02LOWER\x03FLAGS`` per token (FLAGS: space or not, punctuation-only or
    not), built once per doc. A pattern runs only when every word it requires occurs in the
    doc (a set test on NORM/LOWER hashes); from each token where it matches, the greedy match
    (the longest from there) is taken, as the Matcher's longest match from that token. This
    finds what spaCy's Matcher finds at a fraction of its cost (the Matcher builds a Token
    object per token and pattern state); ``find_with_spacy`` keeps the Matcher for the
    equality test.
    """

    def __init__(self, lang: str, items: Sequence[T], patterns: Sequence[str]) -> None:
        from spacy.matcher import Matcher

        self.lang = lang
        self.items = list(items)
        vocab = get_nlp(lang).vocab
        self._lock = threading.Lock()
        self._matcher = Matcher(vocab, validate=True)
        self._patterns: list[tuple[int, re.Pattern[str], list[tuple[str, frozenset[int]]]]] = []
        for i, pattern in enumerate(patterns):
            try:
                compiled = compile_pattern(lang, pattern)
                self._matcher.add(str(i), compiled)  # validates the token patterns
            except ValueError as exc:
                # a pattern the tokenizer splits in a way the syntax cannot express: a config
                # error naming the pack file, never a pattern silently dropped (docs/packs.md)
                from notelint._errors import ConfigError

                source = getattr(self.items[i], "source", "") or None
                raise ConfigError(
                    "C005", path=source, detail=f"pattern {pattern!r} cannot be compiled: {exc}"
                ) from None
            self._patterns.append((i, _regex(compiled[0]), _required(compiled, vocab)))
        # an index from the hashes of each pattern's first required word to the patterns: a
        # doc looks up the patterns whose first required word it holds, not every pattern
        self._always: list[int] = []
        self._by_hash: dict[tuple[str, int], list[int]] = {}
        stop = {vocab.strings.add(w) for w in get_nlp(lang).Defaults.stop_words}
        for k, (_i, _rx, required) in enumerate(self._patterns):
            if not required:
                self._always.append(k)
                continue
            # the key: a required word that is not a stop word if there is one (fewer docs
            # hold it, so fewer patterns become candidates), else the first
            attr, values = min(required, key=lambda r: bool(r[1] & stop))
            for h in values:
                self._by_hash.setdefault((attr, h), []).append(k)

    def find(self, doc: Doc, *, overlapping: bool = False) -> list[Match[T]]:
        if not len(doc):
            return []
        enc = encode(doc)
        raw: list[tuple[int, int, int]] = []
        keys: set[int] = set(self._always)
        by_hash = self._by_hash
        for attr in ("NORM", "LOWER"):
            for h in enc.present[attr]:
                hit = by_hash.get((attr, h))
                if hit is not None:
                    keys.update(hit)
        for k in sorted(keys):
            idx, rx, required = self._patterns[k]
            if any(enc.present[attr].isdisjoint(values) for attr, values in required):
                continue
            pos = 0
            while True:
                m = rx.search(enc.text, pos)
                if m is None:
                    break
                start = bisect.bisect_left(enc.offsets, m.start())
                if m.end() > m.start():
                    end = bisect.bisect_left(enc.offsets, m.end())
                    raw.append((idx, start, end))
                if start + 1 >= len(enc.offsets):
                    break
                pos = enc.offsets[start + 1]
        return self._select(doc, raw, overlapping)

    def find_with_spacy(self, doc: Doc, *, overlapping: bool = False) -> list[Match[T]]:
        """The same search with spaCy's Matcher (slow; for the equality test)."""
        with self._lock:
            raw = [(int(doc.vocab.strings[m]), s, e) for m, s, e in self._matcher(doc)]
        return self._select(doc, raw, overlapping)

    def _select(
        self, doc: Doc, raw: list[tuple[int, int, int]], overlapping: bool
    ) -> list[Match[T]]:
        from spacy.util import filter_spans

        raw.sort(key=lambda r: r[0])  # the same words matched by two patterns: the first wins
        by_span: dict[tuple[int, int], int] = {}
        spans = []
        for idx, start, end in raw:
            key = (start, end)
            if key not in by_span:
                by_span[key] = idx
                spans.append(doc[start:end])
        chosen = spans if overlapping else filter_spans(spans)
        return [
            Match(self.items[by_span[(s.start, s.end)]], s)
            for s in sorted(chosen, key=lambda s: s.start)
        ]


@dataclass(frozen=True)
class Encoded:
    """A doc as one string for the pattern regexes, with each token's offset in it."""

    text: str
    offsets: list[int]
    present: dict[str, set[int]]  # NORM and LOWER hashes in the doc


_NONWORD = re.compile(r"^[^\w]+$")


def encode(doc: Doc) -> Encoded:
    """The doc's encoding (computed once per doc, kept in ``doc.user_data``)."""
    hit = doc.user_data.get("notelint_encoded")
    if isinstance(hit, Encoded):
        return hit
    from spacy.attrs import IS_SPACE, LOWER, NORM, ORTH

    cols = doc.to_array([NORM, LOWER, ORTH, IS_SPACE]).tolist()
    strings = doc.vocab.strings
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for norm, lower, orth, space in cols:
        text = strings[orth]
        flags = ("s" if space else "n") + ("p" if _NONWORD.match(text) else "w")
        piece = f"\x01{strings[norm]}\x02{strings[lower]}\x03{flags}"
        offsets.append(pos)
        parts.append(piece)
        pos += len(piece)
    enc = Encoded(
        "".join(parts),
        offsets,
        {"NORM": {c[0] for c in cols}, "LOWER": {c[1] for c in cols}},
    )
    doc.user_data["notelint_encoded"] = enc
    return enc


def _alts(value: Any) -> str:
    words = value["IN"] if isinstance(value, dict) else [value]
    return "|".join(re.escape(str(w)) for w in words)


def _token_regex(spec: dict[str, Any]) -> str:
    if "NORM" in spec:
        core = f"\x01(?:{_alts(spec['NORM'])})\x02[^\x01]*"
    elif "LOWER" in spec:
        core = f"\x01[^\x02]*\x02(?:{_alts(spec['LOWER'])})\x03[^\x01]*"
    elif "IS_SPACE" in spec:
        core = f"\x01[^\x03]*\x03{'s' if spec['IS_SPACE'] else 'n'}."
    elif "ORTH" in spec:  # _OPT_PUNCT: a token of punctuation or space only
        core = "\x01[^\x03]*\x03.p"
    else:  # any one token
        core = "\x01[^\x01]*"
    op = spec.get("OP")
    return f"(?:{core}){op}" if op in ("?", "*", "+") else core


def _regex(tokens: list[dict[str, Any]]) -> re.Pattern[str]:
    return re.compile("".join(_token_regex(t) for t in tokens))


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
