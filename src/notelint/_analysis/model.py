"""The sentence-function model: a multinomial logistic regression over string features.

Trained offline by ``python -m corpus.fit`` (scikit-learn, fixed seed) and shipped as a
small JSON file per language in ``notelint/_analysis/data/``. Scoring needs no training
library: the weights of a sentence's features are summed per class and passed through a
softmax.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

FUNCTIONS = (
    "hostility",
    "stay_in_touch",
    "self_claim",
    "specific",
    "decision",
    "interest",
    "logistics",
    "thanks",
    "closer",
    "other",
)
_LOCK = threading.Lock()
_MODELS: dict[str, FunctionModel] = {}


@dataclass(frozen=True, eq=False)
class FunctionModel:
    lang: str
    classes: tuple[str, ...]
    vocab: frozenset[str]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict[str, object]
    stage_bias: float = 0.0
    stage_weights: dict[str, float] = field(default_factory=dict)

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """P(function) for a sentence with these features (the classes of the model)."""
        import numpy

        rows = [r for r in map(self._rows.get, features) if r is not None]
        scores = self._bias + self._matrix[rows].sum(axis=0) if rows else self._bias.copy()
        scores -= scores.max()
        exps = numpy.exp(scores)
        probs = (exps / exps.sum()).tolist()
        return dict(zip(self.classes, probs, strict=True))

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {f: i for i, f in enumerate(self.weights)}

    @cached_property
    def _matrix(self) -> Any:
        import numpy

        return numpy.array(list(self.weights.values()), dtype="float64").reshape(
            len(self.weights), len(self.classes)
        )

    @cached_property
    def _bias(self) -> Any:
        import numpy

        return numpy.array(self.bias, dtype="float64")

    def rejection_probability(self, features: Iterable[str]) -> float:
        """P(the note replies to a rejection) from the union of its sentences' features."""
        z = self.stage_bias + sum(self.stage_weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FunctionModel:
        classes = tuple(str(c) for c in data["classes"])  # type: ignore[attr-defined]
        raw = data["weights"]
        assert isinstance(raw, dict)
        return cls(
            lang=str(data["lang"]),
            classes=classes,
            vocab=frozenset(str(w) for w in data["vocab"]),  # type: ignore[attr-defined]
            bias=tuple(float(b) for b in data["bias"]),  # type: ignore[attr-defined]
            weights={str(k): tuple(float(x) for x in v) for k, v in raw.items()},
            meta=dict(data.get("meta") or {}),  # type: ignore[call-overload]
            stage_bias=float(data.get("stage_bias", 0.0)),  # type: ignore[arg-type]
            stage_weights={str(k): float(v) for k, v in (data.get("stage_weights") or {}).items()},
        )


def model_path(lang: str) -> str:
    return f"functions-{lang}.json"


def load_model(lang: str) -> FunctionModel:
    """The shipped model for ``lang`` (loaded once per process)."""
    hit = _MODELS.get(lang)
    if hit is not None:
        return hit
    with _LOCK:
        if lang not in _MODELS:
            text = (
                resources.files("notelint._analysis")
                .joinpath("data", model_path(lang))
                .read_text(encoding="utf-8")
            )
            _MODELS[lang] = FunctionModel.from_dict(json.loads(text))
        return _MODELS[lang]
