"""The shipped sentence-function models: they load, and score the dev split as recorded.

`python -m corpus.fit` writes the dev split's figures into each model file; this test scores
the same notes with the shipped weights, without scikit-learn, and must get the same counts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
from corpus.load import folder, is_dev, read

from corpus import fit
from notelint._analysis import featurize
from notelint._analysis.judge import stage_features
from notelint._analysis.model import FUNCTIONS, load_model


@pytest.mark.parametrize("lang", ["en", "de"])
def test_shipped_model_scores_the_dev_split_as_recorded(lang: str) -> None:
    model = load_model(lang)
    assert set(FUNCTIONS) <= set(model.classes)
    recorded: Any = model.meta["dev"]
    config, env = fit._env()
    dev = [
        (r, fit.parse(r, config))
        for r in read(folder("train"))
        if r.lang == lang and is_dev(r.writer)
    ]
    assert len(dev) == recorded["notes"]
    sents = []
    for k, (item, note) in enumerate(dev):
        for s in featurize(note, env, model.vocab)[2]:
            s.probs = model.probabilities(s.features)
            sents.append((k, s, item.label_of(s.start, s.end)))
    assert len(sents) == recorded["sentences"]
    accuracy = sum(1 for _, s, gold in sents if s.label == gold) / len(sents)
    assert round(accuracy, 4) == recorded["sentence_accuracy"]
    by_note: dict[int, list[Any]] = defaultdict(list)
    for k, s, _ in sents:
        by_note[k].append(s)
    stage_p = [model.rejection_probability(stage_features(by_note[k])) for k in range(len(dev))]
    report = fit.report(fit.judge_notes(dev, sents, env, stage_p), model.meta["thresholds"])  # type: ignore[arg-type]
    got = {r: {k: v[k] for k in ("tp", "fp", "fn")} for r, v in report.items()}
    assert got == recorded["rules"]


@pytest.mark.parametrize(
    "text, label",
    [
        ("Thank you for your time today.", "thanks"),
        ("I look forward to hearing from you.", "closer"),
        ("I am confident that I am the ideal candidate for this position.", "self_claim"),
        (
            "Your story about rerouting the night deliveries around the Elbe bridge stayed with me.",
            "specific",
        ),
    ],
)
def test_clear_english_sentences_get_their_function(text: str, label: str) -> None:
    config, env = fit._env()
    from notelint._engine import parse_note

    note = parse_note(
        f"Dear Ms. Ortiz,\n\n{text}\n\nBest,\nAlex\n", path=None, config=config, lang="en"
    )
    model = load_model("en")
    [s] = featurize(note, env, model.vocab)[2]
    assert model.probabilities(s.features)[label] > 0.5


@pytest.mark.parametrize(
    "text, label",
    [
        ("Vielen Dank für das angenehme Gespräch.", "thanks"),
        ("Ich freue mich auf Ihre Rückmeldung.", "closer"),
        ("Mit meiner Erfahrung bin ich die ideale Besetzung für diese Stelle.", "self_claim"),
    ],
)
def test_clear_german_sentences_get_their_function(text: str, label: str) -> None:
    config, env = fit._env()
    from notelint._engine import parse_note

    note = parse_note(
        f"Sehr geehrte Frau Müller,\n\n{text}\n\nMit freundlichen Grüßen\nAlex Kim\n",
        path=None,
        config=config,
        lang="de",
    )
    model = load_model("de")
    [s] = featurize(note, env, model.vocab)[2]
    assert model.probabilities(s.features)[label] > 0.5
