"""The I/you balance of a note: first-person words against words addressing the reader."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

FIRST = {
    "en": frozenset({"i", "my", "me", "mine", "myself", "i'm", "i've", "i'd", "i'll"}),
    "de": frozenset(
        {
            "ich",
            "mein",
            "meine",
            "meinen",
            "meinem",
            "meiner",
            "meines",
            "mir",
            "mich",
        }
    ),
}
SECOND = {
    "en": frozenset({"you", "your", "yours", "yourself", "yourselves", "y'all"}),
    "de": frozenset(
        {
            "du",
            "dein",
            "deine",
            "deinen",
            "deinem",
            "deiner",
            "deines",
            "dir",
            "dich",
            "euch",
            "euer",
            "eure",
            "euren",
            "eurem",
            "eurer",
        }
    ),
}
# German formal address is capitalized: Sie, Ihr, Ihnen (lowercase sie/ihr is she/they/her).
FORMAL = frozenset({"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen"})


@dataclass(frozen=True)
class Balance:
    first: int  # I/my/me (ich/mein/mir/mich)
    second: int  # you/your (Sie/Ihr/Ihnen/euch/du), the company's name

    @property
    def i_share(self) -> float:
        """Share of first-person words among both counts (0.5 when there are none)."""
        total = self.first + self.second
        return self.first / total if total else 0.5


def balance(doc: Doc, lang: str, company_words: Iterable[str] = ()) -> Balance:
    """Count first-person words and words addressing the reader or naming the company."""
    first_words = FIRST[lang]
    second_words = SECOND[lang]
    company = {w.lower() for w in company_words}
    first = second = 0
    for tok in doc:
        low = tok.lower_
        if low in first_words:
            first += 1
        elif (
            low in second_words
            or low in company
            or (lang == "de" and tok.text in FORMAL and not _third_person(tok))
        ):
            second += 1
    return Balance(first=first, second=second)


def _third_person(tok: object) -> bool:
    """Sentence-initial 'Sie'/'Ihr' may be she/they; count it only before a 2nd-person verb."""
    from spacy.tokens import Token

    assert isinstance(tok, Token)
    if not tok.is_sent_start:
        return False
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    if tok.text == "Sie":
        return nxt in {"ist", "war", "hat", "hatte", "wird", "kann", "will", "muss"}
    return False
