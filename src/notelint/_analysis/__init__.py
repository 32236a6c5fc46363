"""The note analysis: computed once per note, read by every content rule.

A note's path through it, top to bottom:

1. structure (:mod:`.structure`): header, salutation, sign-off and signature are set aside;
   the message between them is what the content rules judge;
2. slots (:mod:`.slots`): unfilled template slots, which never count as specific content;
3. sentences: spaCy's sentences of the message, also split at blank lines;
4. features (:mod:`.features`) of each sentence, with the catalog entries of the rule packs
   that match in it;
5. sentence functions (:mod:`.model`): the probability of each function (thanks, closer,
   stock interest, self-claim, specific reference, logistics, hostility, ask to stay in
   touch, acknowledging a decision, other) from the shipped model;
6. specificity: the words of each sentence that are evidence of something specific (context
   names and topics, numbers, names, words rare in the language and unknown to the genre).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from notelint._analysis.features import EVIDENCE, Tok, sentence_features
from notelint._analysis.model import FUNCTIONS, FunctionModel, load_model
from notelint._analysis.slots import Slot, slots_of
from notelint._analysis.structure import Structure, analyse_structure

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from notelint._engine import RuleEnv
    from notelint._note import Note

__all__ = [
    "FUNCTIONS",
    "NoteAnalysis",
    "Sentence",
    "analyse",
    "featurize",
]

# the catalogs of the rule packs whose matches are features
CATALOGS = (
    "generic-phrase",
    "self-promotion",
    "burned-bridge",
    "no-stay-in-touch",
    "rejection-reply",
)
STOCK = ("thanks", "closer", "interest", "self_claim")
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_NAME_STOP = frozenset(
    {
        "the",
        "der",
        "die",
        "das",
        "and",
        "und",
        "of",
        "for",
        "für",
        "&",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "frau",
        "herr",
        "von",
        "van",
        "de",
        "la",
        "le",
        "gmbh",
        "ag",
        "inc",
        "llc",
        "ltd",
        "co",
        "kg",
        "se",
        "corp",
        "a",
        "an",
        "in",
        "at",
        "bei",
        "im",
    }
)


@dataclass
class Sentence:
    """One sentence of the message (body offsets) with what the analysis found in it."""

    start: int
    end: int
    text: str
    features: list[str]
    catalog: list[tuple[str, Any, int, int]]  # (rule, CatalogEntry, start, end) of pack matches
    evidence: list[str]  # words that are evidence of something specific
    probs: dict[str, float] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return max(self.probs, key=self.probs.__getitem__) if self.probs else "other"

    def p(self, *labels: str) -> float:
        return sum(self.probs.get(x, 0.0) for x in labels)

    def hits(self, rule: str) -> list[Any]:
        return [e for r, e, _, _ in self.catalog if r == rule]

    def hit_span(self, rule: str) -> tuple[int, int] | None:
        """Body offsets of the first match of ``rule``'s catalog in the sentence."""
        return next(((a, b) for r, _, a, b in self.catalog if r == rule), None)


@dataclass
class NoteAnalysis:
    structure: Structure
    slots: list[Slot]
    sentences: list[Sentence]
    model: FunctionModel | None
    rejection: bool = False  # the note replies to a rejection (given or inferred)
    stage_inferred: bool = True  # ... which was read from the body, not given as `stage`
    rejection_p: float = 0.0  # the stage model's probability (inferred stages)

    def threshold(self, rule: str, level: str, default: float) -> float:
        """A calibrated threshold from the model's metadata (``level``: warn or info)."""
        if self.model is None:
            return default
        table: Any = self.model.meta.get("thresholds") or {}
        value = (table.get(rule) or {}).get(level)
        return float(value) if value is not None else default


def _words(values: Sequence[str | None]) -> set[str]:
    out: set[str] = set()
    for v in values:
        for w in _WORD.findall(v or ""):
            low = w.lower()
            if low not in _NAME_STOP and len(low) > 1:
                out.add(low)
                out.update(p for p in low.split("-") if len(p) > 1 and p not in _NAME_STOP)
    return out


def _context_classes(note: Note) -> dict[str, str]:
    """Lowercase word -> context class, for the note's context."""
    ctx = note.context
    stop = _stop_words(note.lang)
    table: dict[str, str] = {}
    topics = _words(list(ctx.topics)) - stop
    for w in topics:
        table[w] = "<topic>"
    for w in _words([ctx.role]) - stop:
        table[w] = "<role>"
    for w in _words([ctx.company, *ctx.company_aliases]):
        table[w] = "<company>"
    for w in _words([*ctx.interviewers, ctx.recipient, ctx.sender]):
        table[w] = "<person>"
    return table


def _stop_words(lang: str) -> frozenset[str]:
    from notelint._nlp import get_nlp

    return frozenset(get_nlp(lang).Defaults.stop_words)


@dataclass(frozen=True)
class _Columns:
    """A doc's token columns, read once with ``Doc.to_array`` (no Token objects)."""

    text: list[str]
    lower: list[str]
    norm: list[str]
    idx: list[int]
    space: list[bool]
    punct: list[bool]
    alpha: list[bool]
    sent_start: list[bool]
    ws: list[str]  # trailing whitespace


_STRING_MEMO: dict[int, str] = {}


def _columns(doc: Doc) -> _Columns:
    from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LOWER, NORM, ORTH, SENT_START, SPACY

    rows = doc.to_array([ORTH, LOWER, NORM, IDX, IS_SPACE, IS_PUNCT, IS_ALPHA, SENT_START, SPACY])
    strings = doc.vocab.strings
    memo = _STRING_MEMO

    def s(h: int) -> str:
        hit = memo.get(h)
        if hit is None:
            hit = strings[h]
            if len(memo) < 500_000:
                memo[h] = hit
        return hit

    cols = rows.tolist()
    return _Columns(
        [s(r[0]) for r in cols],
        [s(r[1]) for r in cols],
        [s(r[2]) for r in cols],
        [r[3] for r in cols],
        [bool(r[4]) for r in cols],
        [bool(r[5]) for r in cols],
        [bool(r[6]) for r in cols],
        [r[7] == 1 for r in cols],
        [" " if r[8] else "" for r in cols],
    )


def _sentence_ranges(c: _Columns, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of the message's sentences: spaCy's, split at blank lines and bullets."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    n = len(c.text)
    for i in range(n):
        if c.sent_start[i] and start is not None:
            out.append((start, i))
            start = None
        inside = lo <= c.idx[i] < hi
        text = c.text[i]
        breaks = c.space[i] and text.count("\n") >= 2
        if start is not None and (not inside or breaks):
            out.append((start, i))
            start = None
        if inside and not c.space[i] and start is None:
            start = i
        if (
            start is not None
            and start < i
            and text in ("-", "*", "•", "–")
            and "\n" in c.text[i - 1] + c.ws[i - 1]
        ):
            out.append((start, i))
            start = i
    if start is not None:
        out.append((start, n))
    return [(a, b) for a, b in out if any(c.alpha[a:b])]


def _catalog_hits(note: Note, env: RuleEnv) -> list[tuple[int, int, str, Any]]:
    """(start_char, end_char, rule, entry) of the pack entries found in the note's own words."""
    from notelint._analysis.catalogs import generic_matcher
    from notelint.rules._phrases import catalog_matchers, own_matches

    hits: list[tuple[int, int, str, Any]] = []
    for rule in CATALOGS:
        if rule in ("self-promotion", "burned-bridge", "no-stay-in-touch"):
            found = own_matches(env, rule, note)
        elif rule == "generic-phrase":
            found = generic_matcher(env, note.lang).find(note.doc)
        else:
            found = catalog_matchers(env, rule, note.lang).main.find(note.doc)
        hits.extend((m.span.start_char, m.span.end_char, rule, m.item) for m in found)
    return hits


def featurize(
    note: Note, env: RuleEnv, vocab: frozenset[str]
) -> tuple[Structure, list[Slot], list[Sentence]]:
    """Structure, slots and the message's sentences with their features (no model needed)."""
    lang = note.lang
    structure = analyse_structure(note.prose, lang)
    slots = slots_of(note)
    doc = note.doc
    lo, hi = structure.message
    cols = _columns(doc) if hi > lo and len(doc) else None
    ranges = _sentence_ranges(cols, lo, hi) if cols is not None else []
    if cols is None or not ranges:
        return structure, slots, []
    classes = _context_classes(note)
    hits = _catalog_hits(note, env)
    generic = generic_words(env, lang)
    stage = note.context.stage.value if note.context.stage is not None else "unknown"
    in_slot = _slot_tokens(cols.idx, slots)
    sentences: list[Sentence] = []
    for k, (s, e) in enumerate(ranges):
        toks: list[Tok] = []
        for i in range(s, e):
            text = cols.text[i]
            if i in in_slot:
                kind = "<slot>"
            elif cols.space[i]:
                kind = "space"
            elif cols.punct[i] or not _ALNUM.search(text):
                kind = "punct"
            else:
                cls = classes.get(cols.lower[i]) or classes.get(cols.norm[i])
                if cls is not None:
                    kind = cls
                elif _DIGIT.search(text):
                    kind = "<num>"
                else:
                    kind = "word"
            toks.append(Tok(text, cols.lower[i], cols.norm[i], kind, not toks))
        start_char, end_char = cols.idx[s], cols.idx[e - 1] + len(cols.text[e - 1])
        position = (
            "only"
            if len(ranges) == 1
            else "first"
            if k == 0
            else "last"
            if k == len(ranges) - 1
            else "middle"
        )
        catalog = [(r, entry, a, b) for a, b, r, entry in hits if start_char <= a and b <= end_char]
        catalog_feats: list[str] = []
        for r, entry, _, _ in catalog:
            catalog_feats.append(f"cat:{r}")
            catalog_feats.append(f"catk:{r}:{entry.kind or ('weak' if entry.weight < 1 else '-')}")
        feats, words = sentence_features(
            toks,
            lang=lang,
            vocab=vocab,
            position=position,
            stage=stage,
            catalog=catalog_feats,
            generic=generic,
        )
        evidence = [t.text for t, w in zip(toks, words, strict=True) if w in EVIDENCE]
        sentences.append(
            Sentence(
                start_char,
                end_char,
                note.prose[start_char:end_char],
                feats,
                catalog,
                evidence,
            )
        )
    return structure, slots, sentences


def generic_words(env: RuleEnv, lang: str, *, builtin: bool = False) -> frozenset[str]:
    """The generic follow-up vocabulary of the packs (no-conversation-reference, kind generic).

    Only the user's packs by default: the model learned the built-in vocabulary from the
    corpus, a coach's added words are left out of the features (:func:`token_class`).
    """

    def build() -> frozenset[str]:
        from notelint._nlp import make_doc
        from notelint._packs import builtin_pack_dir

        base = str(builtin_pack_dir())
        words: set[str] = set()
        for f in env.packs.files:
            if f.rule != "no-conversation-reference" or lang not in f.lang:
                continue
            if not builtin and f.source.startswith(base):
                continue
            for entry in f.entries:
                if entry.kind not in (None, "generic"):
                    continue
                w = entry.pattern.lower()
                words.add(w)
                doc = make_doc(w, lang)
                if len(doc) == 1:
                    words.add(doc[0].norm_)
        return frozenset(words)

    generic: frozenset[str] = env.cached(("analysis:generic-words", lang, builtin), build)
    return generic


def _slot_tokens(idx: list[int], slots: list[Slot]) -> set[int]:
    """Indices of the tokens that start inside a slot."""
    import bisect

    out: set[int] = set()
    for slot in slots:
        i = bisect.bisect_left(idx, slot.start)
        while i < len(idx) and idx[i] < slot.end:
            out.add(i)
            i += 1
    return out


def analyse(note: Note, env: RuleEnv) -> NoteAnalysis:
    """The analysis of ``note`` (computed once per note and rule environment)."""
    key = ("_analysis", id(env))
    cached: NoteAnalysis | None = note.__dict__.get(key)  # type: ignore[call-overload]
    if cached is not None:
        return cached
    try:
        model: FunctionModel | None = load_model(note.lang)
    except FileNotFoundError:
        model = None
    vocab = model.vocab if model is not None else frozenset()
    structure, slots, sentences = featurize(note, env, vocab)
    if model is not None:
        for s in sentences:
            s.probs = model.probabilities(s.features)
    result = NoteAnalysis(structure, slots, sentences, model)
    stage = note.context.stage
    if stage is not None:
        result.rejection = stage.value == "after-rejection"
        result.stage_inferred = False
    elif model is not None and sentences:
        from notelint._analysis.judge import DEFAULTS, inferred_rejection, stage_features

        result.rejection_p = model.rejection_probability(stage_features(sentences))
        cut = result.threshold("stage", "warn", DEFAULTS["stage"]["warn"])
        result.rejection = inferred_rejection(result.rejection_p, cut, sentences)
    note.__dict__[key] = result  # type: ignore[index]
    return result
