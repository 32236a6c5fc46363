"""Precision, recall and per-note time of the timing and rejection rules.

    python -m benchmarks.timing_rules            # examples table + held-out notes
    python -m benchmarks.timing_rules --scale 2000   # duplicate-note on a big template library

Two sets: the examples table (tests/examples/<rule>.yaml, which the catalogs were written
against) and benchmarks/data/timing_heldout.yaml (notes written separately, never used to tune).
A rule "fires" on a note when it reports a warning or an error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.precision import Score, evaluate  # noqa: E402
from examples_table import Example, load_examples  # noqa: E402

RULES = ("late-follow-up", "burned-bridge", "no-stay-in-touch", "duplicate-note")
HELDOUT = Path(__file__).resolve().parent / "data" / "timing_heldout.yaml"


def load_heldout() -> list[Example]:
    data = yaml.safe_load(HELDOUT.read_text("utf-8")) or []
    return [
        Example(
            rule=d["rule"],
            id=d["id"],
            lang=d["lang"],
            expect=d["expect"],
            note=d["note"],
            context=d.get("context") or {},
        )
        for d in data
    ]


def _timings(examples: list[Example], rule: str) -> float:
    """Mean ms per note of one warmed Linter checking the examples' notes (batch: whole run)."""
    from notelint import Config, Linter, NoteInput

    total = 0.0
    n = 0
    for lang in ("en", "de"):
        mine = [e for e in examples if e.lang == lang]
        if not mine:
            continue
        cfg = Config.model_validate({"select": [rule], "lang": lang, "cache": False})
        with Linter(cfg) as linter:
            linter.check(mine[0].note, context=mine[0].context or None)  # warm up
            inputs = [NoteInput(e.note, path=f"{e.id}.md", context=e.context) for e in mine]
            t0 = time.perf_counter()
            if rule == "duplicate-note":
                linter.check_many(inputs)
            else:
                for item in inputs:
                    linter.check(item.text, context=item.context or None)
            total += time.perf_counter() - t0
            n += len(inputs)
    return 1000 * total / n if n else 0.0


def measure(examples: list[Example]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for rule in RULES:
        mine = [e for e in examples if e.rule == rule]
        if not mine:
            continue
        # scored as python -m benchmarks.precision scores it, summed over the languages
        total = Score()
        for score in evaluate(mine).values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        tp, fp, fn = total.tp, total.fp, total.fn
        out[rule] = {
            "n": len(mine),
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
            "fp": fp,
            "fn": fn,
            "ms_per_note": _timings(mine, rule),
        }
    return out


def show(title: str, results: dict[str, dict[str, float]]) -> None:
    print(title)
    print(
        f"  {'rule':<18} {'n':>4} {'precision':>9} {'recall':>7} {'fp':>3} {'fn':>3} {'ms/note':>8}"
    )
    for rule, r in results.items():
        print(
            f"  {rule:<18} {int(r['n']):>4} {r['precision']:>9.3f} {r['recall']:>7.3f} "
            f"{int(r['fp']):>3} {int(r['fn']):>3} {r['ms_per_note']:>8.1f}"
        )


def scale(n: int) -> None:
    """duplicate-note over ``n`` notes to 20 companies; every fourth note is a canned copy."""
    import random

    from notelint import Config, Linter, NoteInput
    from notelint._rule import BatchRule

    rng = random.Random(6)
    words = [
        "archive",
        "launch",
        "pricing",
        "clinic",
        "roastery",
        "kitchen",
        "warehouse",
        "design",
        "budget",
        "migration",
        "platform",
        "customer",
        "workshop",
        "prototype",
        "studio",
        "report",
        "campaign",
        "team",
        "lab",
        "route",
        "harbour",
        "school",
        "tour",
        "story",
        "idea",
        "plan",
        "question",
        "market",
    ]
    canned = (
        "Thank you for taking the time to meet with me today. I enjoyed learning more about "
        "the team and the role, and I am excited about the chance to contribute to your work."
    )
    inputs = []
    for i in range(n):
        if i % 4 == 0:
            body = canned
        else:
            body = " ".join(rng.choice(words) for _ in range(45)).capitalize() + "."
        inputs.append(
            NoteInput(
                f"Dear Person{i},\n\n{body}\n\nBest regards,\nAlex Kim\n",
                path=f"notes/{i}.md",
                context={"company": f"Company {i % 20}", "recipient": f"Person{i}"},
            )
        )
    cfg = Config.model_validate({"select": ["duplicate-note"], "lang": "en", "cache": False})
    with Linter(cfg) as linter:
        parsed = [linter.parse(x.text, path=x.path, context=x.context) for x in inputs]
        rule = next(r for r in parsed[0][1].rules if isinstance(r, BatchRule))
        t0 = time.perf_counter()
        found = list(rule.check_batch([note for note, _ in parsed]))
        dt = time.perf_counter() - t0
    print(
        f"duplicate-note check_batch on {n} notes (20 companies): {dt:.3f} s "
        f"({1000 * dt / n:.3f} ms/note), {len(found)} notes flagged (expected {(n + 3) // 4})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=0, help="also time duplicate-note on N notes")
    args = ap.parse_args(argv)
    examples = [e for e in load_examples() if e.rule in RULES]
    show("examples table (tests/examples):", measure(examples))
    show("held-out notes (benchmarks/data/timing_heldout.yaml):", measure(load_heldout()))
    if args.scale:
        scale(args.scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
