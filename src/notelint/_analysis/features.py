"""Features of one body sentence for the sentence-function model.

The same code makes the features for training (``python -m corpus.fit``) and at run time, so
the model sees at run time exactly what it was trained on. A token becomes:

* a context class when it is part of the note's context: ``<person>`` (interviewers,
  recipient, sender), ``<company>``, ``<role>``, ``<topic>``; ``<slot>`` inside an unfilled
  template slot; ``<num>`` for a number;
* its lemma (lowercase) when the lemma is in the model's genre vocabulary (words that several
  writers of the training corpus used: the stock vocabulary of follow-up notes);
* nothing (left out like punctuation) for a word a user's pack adds to the generic
  follow-up vocabulary (``rule: no-conversation-reference``), so a coach's pack can take a
  word's weight as evidence away;
* otherwise an open-vocabulary class from how rare the word is in the language at large
  (:mod:`notelint._analysis.lexicon`) and, in English, whether it is capitalised inside the
  sentence (a name): ``<cap>``, ``<rare>``, ``<uncommon>``, ``<mid>``, ``<common>``.

Features are strings: unigrams ``u:``, bigrams ``b:``, counts of specific evidence ``n:``,
sentence shape (length, question, exclamation, first and second person), position in the
body, the stage given in the context, and the catalog entries of the rule packs that match in
the sentence (``cat:<rule>`` and ``catk:<rule>:<kind>``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from notelint._analysis.lexicon import rarity

CONTEXT_CLASSES = frozenset({"<person>", "<company>", "<role>", "<topic>", "<slot>", "<num>"})
# classes that count as evidence of something specific
EVIDENCE = frozenset({"<person>", "<topic>", "<num>", "<cap>", "<rare>", "<uncommon>"})
FIRST_PERSON = {
    "en": frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"}),
    "de": frozenset(
        {"ich", "mich", "mir", "mein", "meine", "meiner", "meinen", "meinem", "meines"}
    ),
}
SECOND_PERSON = {
    "en": frozenset({"you", "your", "yours", "yourself", "you're", "you've"}),
    "de": frozenset(
        {
            "sie",
            "ihnen",
            "ihr",
            "ihre",
            "ihrer",
            "ihren",
            "ihrem",
            "du",
            "dich",
            "dir",
            "dein",
            "deine",
            "deiner",
            "deinen",
            "deinem",
            "euch",
            "euer",
            "eure",
        }
    ),
}


@dataclass(frozen=True)
class Tok:
    """What the features need of a token."""

    text: str
    lower: str
    norm: str  # lowercase lemma
    kind: str  # "word", "punct", "num", "space" or a context class
    initial: bool  # first word of the sentence


def token_class(
    tok: Tok, lang: str, vocab: frozenset[str], generic: frozenset[str] = frozenset()
) -> str | None:
    """The feature word of a token (None for punctuation and space)."""
    if tok.kind in ("punct", "space"):
        return None
    if tok.kind != "word":
        return tok.kind
    if tok.norm in vocab:
        return tok.norm
    if tok.lower in vocab:
        return tok.lower
    if tok.norm in generic or tok.lower in generic:
        return None  # a word of the generic vocabulary says nothing: left out
    if lang == "en" and not tok.initial and tok.text[:1].isupper():
        return "<cap>"
    return f"<{rarity(tok.lower, lang)}>"


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def sentence_features(
    toks: Sequence[Tok],
    *,
    lang: str,
    vocab: frozenset[str],
    position: str,
    stage: str,
    catalog: Iterable[str] = (),
    generic: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str | None]]:
    """The features of one sentence and each token's feature word (None: punctuation, space).

    ``position``: first, last, only or middle.
    """
    classes = [token_class(t, lang, vocab, generic) for t in toks]
    words = [c for c in classes if c is not None]
    feats = {f"u:{w}" for w in words}
    feats.update(f"b:{a}_{b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True))
    evidence = sum(1 for w in words if w in EVIDENCE)
    feats.add(f"n:evidence={_bucket(evidence, (0, 1, 2))}")
    feats.add(f"n:words={_bucket(len(words), (3, 7, 15, 30))}")
    lowers = [t.lower for t in toks]
    first = sum(1 for w in lowers if w in FIRST_PERSON[lang])
    second = sum(1 for w in lowers if w in SECOND_PERSON[lang])
    feats.add(f"n:i={_bucket(first, (0, 1, 2))}")
    feats.add(f"n:you={_bucket(second, (0, 1, 2))}")
    if first > second:
        feats.add("n:i>you")
    text = "".join(t.text for t in toks[-3:])
    if "?" in text:
        feats.add("s:question")
    if "!" in text:
        feats.add("s:exclamation")
    feats.add(f"s:{position}")
    feats.add(f"s:stage={stage}")
    for c in catalog:
        feats.add(c)
    return sorted(feats), classes
