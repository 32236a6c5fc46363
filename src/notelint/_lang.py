"""Cheap, deterministic English/German detection from function words and letters."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_EN = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "to",
        "of",
        "for",
        "was",
        "were",
        "with",
        "that",
        "this",
        "it",
        "is",
        "are",
        "be",
        "have",
        "i",
        "me",
        "my",
        "we",
        "our",
        "thank",
        "thanks",
        "forward",
        "looking",
        "about",
        "would",
        "could",
        "will",
        "from",
        "at",
        "on",
        "in",
        "as",
        "an",
        "a",
        "meeting",
        "interview",
        "team",
        "best",
        "regards",
        "sincerely",
        "dear",
        "hi",
        "hello",
    ]
)
_DE = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ich",
        "sie",
        "ihnen",
        "ihr",
        "ihre",
        "mit",
        "für",
        "ein",
        "eine",
        "einen",
        "dem",
        "den",
        "des",
        "nicht",
        "ist",
        "sind",
        "war",
        "wäre",
        "würde",
        "habe",
        "hat",
        "auf",
        "zu",
        "im",
        "vom",
        "zum",
        "zur",
        "mich",
        "mir",
        "uns",
        "unser",
        "gespräch",
        "vielen",
        "dank",
        "freundlichen",
        "grüßen",
        "grüße",
        "liebe",
        "lieber",
        "sehr",
        "geehrte",
        "geehrter",
        "herr",
        "frau",
        "bei",
        "auch",
        "über",
    ]
)


def detect_lang(text: str) -> str:
    """'en' or 'de' for a body of text; English when there is no evidence either way."""
    en = de = 0
    for m in _WORD.finditer(text[:20000]):
        w = m.group().lower()
        if w in _EN:
            en += 1
        if w in _DE:
            de += 1
        if any(c in w for c in "äöüß"):
            de += 1
    return "de" if de > en else "en"
