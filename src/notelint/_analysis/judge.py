"""Note-level judgements of the content rules, from the sentence functions.

Each content rule has a score in [0, 1] (generic-phrase: a ratio, see below) and fires with
a warning at the calibrated ``warn`` threshold, with an info finding in the band between
``info`` and ``warn``. The thresholds are set by ``python -m corpus.fit`` on out-of-fold
predictions of the training split, for a precision of at least 0.95 at ``warn``, and stored
with the model. The same functions compute the scores during calibration and in the rules.

The scores, over the message's sentences (P = the model's probability):

* thanks-only: the least P(thanks or closer) of any sentence (every sentence must be one);
* no-conversation-reference: 1 - the largest P(specific);
* generic-phrase: K = sum of P(stock: thanks, closer, interest, self-claim), S = sum of
  P(specific); min(K / 2, K / 4S): at least 1 when there are two stock sentences and four
  for each specific one;
* self-promotion: the largest P(self-claim);
* burned-bridge: the largest P(hostility) (replies to a rejection only);
* no-stay-in-touch: 1 - the largest P(ask to stay in touch) (replies to a rejection only).

Rejection replies are those with ``stage: after-rejection``, or, without a stage, those the
note-level stage model (a logistic regression over the words and catalog hits of all the
message's sentences, trained with the sentence model) gives a probability of at least the
calibrated ``stage`` threshold and either at least 0.7 or a sentence reacts to a decision
(acknowledges it, attacks it, or asks to stay in touch).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notelint._analysis import Sentence

STOCK = ("thanks", "closer", "interest", "self_claim")
RULES = (
    "thanks-only",
    "no-conversation-reference",
    "generic-phrase",
    "self-promotion",
    "burned-bridge",
    "no-stay-in-touch",
)
REJECTION_RULES = frozenset({"burned-bridge", "no-stay-in-touch"})
INTERVIEW_RULES = frozenset({"thanks-only", "no-conversation-reference", "generic-phrase"})
# defaults when a model carries no calibrated thresholds
DEFAULTS = {
    "thanks-only": {"warn": 0.6, "info": 0.45},
    "no-conversation-reference": {"warn": 0.7, "info": 0.5},
    "generic-phrase": {"warn": 1.2, "info": 1.0},
    "self-promotion": {"warn": 0.6, "info": 0.4},
    "burned-bridge": {"warn": 0.6, "info": 0.4},
    "no-stay-in-touch": {"warn": 0.7, "info": 0.5},
    "stage": {"warn": 0.5, "info": 0.5},
}


def body(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that are part of the message (not leftover structure)."""
    return [s for s in sentences if s.label != "structure"]


def score(rule: str, sentences: Sequence[Sentence]) -> float:
    """The rule's score for a message (0 when it has no sentences)."""
    sents = body(sentences)
    if not sents:
        return 0.0
    if rule == "thanks-only":
        return min(s.p("thanks", "closer", "structure") for s in sents)
    if rule == "no-conversation-reference":
        return 1.0 - max(s.p("specific") for s in sents)
    if rule == "generic-phrase":
        stock = sum(s.p(*STOCK) for s in sents)
        specific = sum(s.p("specific") for s in sents)
        return min(stock / 2.0, stock / (4.0 * specific) if specific > 0 else 3.0, 3.0)
    if rule == "self-promotion":
        return max(s.p("self_claim") for s in sents)
    if rule == "burned-bridge":
        return max(s.p("hostility") for s in sents)
    if rule == "no-stay-in-touch":
        return 1.0 - max(s.p("stay_in_touch") for s in sents)
    raise KeyError(rule)


REACTIONS = ("decision", "hostility", "stay_in_touch")


def has_rejection_cue(sentences: Sequence[Sentence]) -> bool:
    """A sentence that reacts to a decision (acknowledges it, attacks it, or asks to stay in
    touch): an inferred rejection needs one besides the stage model's probability."""
    return any(s.label in REACTIONS for s in body(sentences))


SURE_REJECTION = 0.7


def inferred_rejection(p: float, cut: float, sentences: Sequence[Sentence]) -> bool:
    """Without a stage: a reply to a rejection when the stage model is sure, or above its
    threshold with a sentence that reacts to a decision."""
    return p >= cut and (p >= max(SURE_REJECTION, cut) or has_rejection_cue(sentences))


def stage_features(sentences: Sequence[Sentence]) -> set[str]:
    """The features of the note-level stage model: its sentences' words and catalog hits."""
    return {f for s in sentences for f in s.features if f.startswith(("u:", "b:", "cat:", "catk:"))}
