"""Finding interview topics in a note body: lemmas, compounds, hyphen parts and small typos.

A topic ("San Francisco trip", "Kundenportal-Relaunch") is split into content words (stop words
dropped unless the topic is an acronym such as "AI"). Each topic word is looked for in the body
tokens; a body token matches a topic word when

* its lemma or lowercased form equals the word's lemma or lowercased form;
* one of its hyphen parts does ("Rebranding-Projekt" has the part "rebranding");
* it is a compound that starts or ends with the word (both at least 4 letters in German,
  "Lagersystems" / "Kundenportal-Relaunch" / "Hochregallager"; in English only with a short
  inflection-like rest, "rebrandings");
* it is within a small edit distance of the word (one edit from 6 letters, two from 10:
  "Kubernets" for "Kubernetes"); words shorter than 6 letters need an exact match, so short
  common words never match by accident.

A topic is referenced when the matched words, found within a window of tokens, cover at least
half of the topic's weight (words of the generic follow-up vocabulary weigh half) and include
at least one non-generic word whenever the topic has one. Order is free.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

if TYPE_CHECKING:
    from spacy.tokens import Doc

WINDOW = 30  # tokens: matched words of one topic must lie within this distance
_EN_REST = ("s", "es", "'s", "ed", "ing", "er", "ers")
_DE_LINK = ("", "s", "es", "n", "en", "e", "er", "ern")


@dataclass(frozen=True)
class TopicWord:
    forms: frozenset[str]  # lowercase surface form and lemma
    generic: bool
    acronym: bool  # all caps in the topic ("AI"): the body form must be all caps too

    @property
    def main(self) -> str:
        return min(self.forms, key=len)


@dataclass(frozen=True)
class Topic:
    text: str
    words: tuple[TopicWord, ...]


def _stop_words(lang: str) -> frozenset[str]:
    if lang == "de":
        from spacy.lang.de.stop_words import STOP_WORDS as DE

        return frozenset(DE)
    from spacy.lang.en.stop_words import STOP_WORDS as EN

    return frozenset(EN)


def parse_topic(text: str, lang: str, generic: frozenset[str]) -> Topic:
    """A topic's content words (lemmas and forms), generic ones marked."""
    from notelint._nlp import make_doc

    doc = make_doc(text, lang)
    stops = _stop_words(lang)
    words: list[TopicWord] = []
    fallback: list[TopicWord] = []
    for tok in doc:
        parts = [p for p in tok.text.split("-") if p] if "-" in tok.text else [tok.text]
        for part in parts:
            if not any(c.isalnum() for c in part):
                continue
            low = part.lower()
            lemma = tok.norm_ if len(parts) == 1 else low
            acronym = part.isupper() and len(part) >= 2
            word = TopicWord(
                forms=frozenset({low, lemma}),
                generic=low in generic or lemma in generic,
                acronym=acronym,
            )
            if low in stops and not acronym:
                fallback.append(word)
                continue
            words.append(word)
    return Topic(text=text, words=tuple(words or fallback))


@lru_cache(maxsize=65536)
def _fuzzy_ok(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    if n < 6 or a[:1] != b[:1]:
        return False
    allowed = 2 if n >= 10 else 1
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


def _compound_ok(word: str, tok: str, lang: str) -> bool:
    """``tok`` is ``word`` with an inflection or compound rest (or, in German, a compound head)."""
    if len(word) < 4 or len(tok) <= len(word):
        return False
    if tok.startswith(word):
        rest = tok[len(word) :]
        if lang == "de":
            return rest in _DE_LINK or len(rest) >= 3
        return rest in _EN_REST
    if lang == "de" and len(word) >= 5 and tok.endswith(word):
        return len(tok) - len(word) >= 3
    return False


def word_matches(word: TopicWord, tok_text: str, tok_norm: str, lang: str) -> bool:
    """Whether one body token (surface text, norm) refers to one topic word."""
    if word.acronym:
        return any(p == word.main.upper() for p in tok_text.replace("-", " ").split())
    low = tok_text.lower()
    cands = {low, tok_norm}
    if "-" in low:
        cands.update(p for p in low.split("-") if p)
        cands.add(low.replace("-", ""))
    for form in word.forms:
        if form in cands:
            return True
        for c in cands:
            if _compound_ok(form, c, lang) or _fuzzy_ok(form, c):
                return True
    return False


class _TopicIndex:
    """The forms of every topic word, indexed for matching many body tokens at once.

    ``word_matches`` is true only when a candidate form of the token equals a topic form, or
    starts with it (compound or inflection), or is a fuzzy match (same first letter), or, in
    German, ends with it (compound head). So each candidate is compared only with the forms
    that share its first letter, plus a suffix lookup; the result is the same as calling
    ``word_matches`` for every pair (tests/test_fast_paths.py pins it).
    """

    def __init__(self, words: Sequence[TopicWord], lang: str) -> None:
        self.lang = lang
        self.words = words
        self.exact: dict[str, list[int]] = {}
        self.by_first: dict[str, list[tuple[str, int]]] = {}
        self.suffix: dict[str, list[int]] = {}  # German compound heads (5+ letters)
        self.acronyms: list[tuple[str, int]] = []
        for k, w in enumerate(words):
            if w.acronym:
                self.acronyms.append((w.main.upper(), k))
                continue
            for form in w.forms:
                self.exact.setdefault(form, []).append(k)
                self.by_first.setdefault(form[:1], []).append((form, k))
                if lang == "de" and len(form) >= 5:
                    self.suffix.setdefault(form, []).append(k)
        self.suffix_lens = sorted({len(f) for f in self.suffix})

    def matches(self, text: str, norm: str) -> set[int]:
        """Indices of the topic words that the token (surface text, norm) refers to."""
        by_first = self.by_first
        # every match below needs a candidate that shares a topic form's first letter
        if (
            not self.acronyms
            and not self.suffix
            and "-" not in text
            and text.lower()[:1] not in by_first
            and norm[:1] not in by_first
        ):
            return set()
        out: set[int] = set()
        if self.acronyms:
            parts = text.replace("-", " ").split()
            out.update(k for up, k in self.acronyms if up in parts)
        low = text.lower()
        if "-" in low:
            cands = {low, norm}
            cands.update(p for p in low.split("-") if p)
            cands.add(low.replace("-", ""))
        else:
            cands = {low, norm}
        lang = self.lang
        exact, suffix = self.exact, self.suffix
        for c in cands:
            if c in exact:
                out.update(exact[c])
            for form, k in by_first.get(c[:1], ()):
                if k not in out and (_compound_ok(form, c, lang) or _fuzzy_ok(form, c)):
                    out.add(k)
            for n in self.suffix_lens:
                if len(c) - n < 3:
                    break
                if c[-n:] in suffix:
                    out.update(suffix[c[-n:]])
        return out


def _token_hashes(doc: Doc) -> list[tuple[int, int]]:
    """(ORTH, NORM) hashes of every token, read with one ``to_array`` call."""
    if not len(doc):
        return []
    from spacy.attrs import NORM, ORTH

    return list(map(tuple, doc.to_array([ORTH, NORM]).tolist()))


def _best_window(topic: Topic, hits: list[list[int]]) -> list[int]:
    """Token indices of the best window of ``hits`` (one list per topic word), or []."""
    weights = [0.5 if w.generic else 1.0 for w in topic.words]
    total = sum(weights)
    has_specific = any(not w.generic for w in topic.words)
    best: list[int] = []
    best_score = 0.0
    anchors = sorted({i for h in hits for i in h})
    for a in anchors:
        chosen: list[int] = []
        score = 0.0
        specific = False
        for k, h in enumerate(hits):
            j = bisect.bisect_left(h, a)  # the first hit at or after the anchor
            if j < len(h) and h[j] <= a + WINDOW:
                chosen.append(h[j])
                score += weights[k]
                specific = specific or not topic.words[k].generic
        if score / total >= 0.5 and (specific or not has_specific) and score > best_score:
            best, best_score = chosen, score
    return sorted(best)


def topic_positions(topic: Topic, doc: Doc, lang: str, skip: Iterable[int] = ()) -> list[int]:
    """Token indices of the best window referencing ``topic``, or [] when it is not referenced."""
    return find_topics([topic], doc, lang, skip)[topic.text]


def find_topics(
    topics: Sequence[Topic], doc: Doc, lang: str, skip: Iterable[int] = ()
) -> dict[str, list[int]]:
    """Each topic's text mapped to the token indices that reference it ([] when missing).

    One pass over the tokens for all topics: each distinct (text, norm) is matched once
    against an index of all topic words.
    """
    words = [w for t in topics for w in t.words]
    hits: list[list[int]] = [[] for _ in words]
    if words:
        index = _TopicIndex(words, lang)
        skipped = set(skip)
        strings = doc.vocab.strings
        memo: dict[tuple[int, int], set[int]] = {}  # by (ORTH, NORM) hash: once per distinct
        for i, key in enumerate(_token_hashes(doc)):
            found = memo.get(key)
            if found is None:
                text = strings[key[0]]
                alnum = text.isalnum() or any(c.isalnum() for c in text)
                found = memo[key] = index.matches(text, strings[key[1]]) if alnum else set()
            if found and i not in skipped:
                for k in found:
                    hits[k].append(i)
    out: dict[str, list[int]] = {}
    start = 0
    for t in topics:
        n = len(t.words)
        out[t.text] = _best_window(t, hits[start : start + n]) if n else []
        start += n
    return out
