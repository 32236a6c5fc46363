"""Which rules should fire on a labeled note: computed from its sentence labels and stage.

The definitions are those of GUIDE.md, section 5; nobody labels rules by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from notelint._analysis.model import FUNCTIONS as MODEL_FUNCTIONS

STRUCTURE = frozenset({"header", "salutation", "signoff", "signature"})
FUNCTIONS = MODEL_FUNCTIONS  # the sentence functions of the guide, in priority order
LABELS = STRUCTURE | frozenset(FUNCTIONS)
STOCK = frozenset({"thanks", "closer", "interest", "self_claim"})
CONTENT_RULES = (
    "generic-phrase",
    "thanks-only",
    "no-conversation-reference",
    "self-promotion",
    "burned-bridge",
    "no-stay-in-touch",
)


def body_labels(segments: Iterable[Sequence[str]]) -> list[str]:
    """The function labels of a note's body sentences, in order."""
    return [seg[0] for seg in segments if seg[0] not in STRUCTURE]


def rules_for(stage: str, labels: Sequence[str]) -> set[str]:
    """The content rules that should fire on a note with these body labels."""
    fired: set[str] = set()
    specific = labels.count("specific")
    stock = sum(1 for x in labels if x in STOCK)
    if stage == "after-interview":
        thanks_only = bool(labels) and all(x in ("thanks", "closer") for x in labels)
        if thanks_only:
            fired.add("thanks-only")
        if specific == 0:
            fired.add("no-conversation-reference")
        if not thanks_only and stock >= 2 and stock >= 4 * specific:
            fired.add("generic-phrase")
    if "self_claim" in labels:
        fired.add("self-promotion")
    if stage == "after-rejection":
        if "hostility" in labels:
            fired.add("burned-bridge")
        if "stay_in_touch" not in labels:
            fired.add("no-stay-in-touch")
    return fired


def note_rules(note: Mapping[str, Any]) -> set[str]:
    return rules_for(str(note["stage"]), body_labels(note["segments"]))
