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

from examples_table import Example, fires, load_examples, run_example  # noqa: E402

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


def measure(examples: list[Example]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for rule in RULES:
        tp = fp = fn = tn = 0
        elapsed = 0.0
        mine = [e for e in examples if e.rule == rule]
        if not mine:
            continue
        run_example(mine[0])  # warm up spaCy and the catalogs
        for ex in mine:
            t0 = time.perf_counter()
            report = run_example(ex)
            elapsed += time.perf_counter() - t0
            got = fires(report, rule)
            want = ex.expect == "fail"
            tp += got and want
            fp += got and not want
            fn += want and not got
            tn += not got and not want
        out[rule] = {
            "n": len(mine),
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
            "fp": fp,
            "fn": fn,
            "ms_per_note": 1000 * elapsed / len(mine),
        }
    return out


def show(title: str, results: dict[str, dict[str, float]]) -> None:
    print(title)
    print(f"  {'rule':<18} {'n':>4} {'precision':>9} {'recall':>7} {'fp':>3} {'fn':>3} {'ms/note':>8}")
    for rule, r in results.items():
        print(
            f"  {rule:<18} {int(r['n']):>4} {r['precision']:>9.3f} {r['recall']:>7.3f} "
            f"{int(r['fp']):>3} {int(r['fn']):>3} {r['ms_per_note']:>8.1f}"
        )


def scale(n: int) -> None:
    """duplicate-note over ``n`` notes to 20 companies (half of them canned copies)."""
    from notelint import Config, Linter, NoteInput

    canned = (
        "Thank you for taking the time to meet with me today. I enjoyed learning more about "
        "the team and the role, and I am excited about the chance to contribute to your work."
    )
    inputs = []
    for i in range(n):
        body = canned if i % 2 else f"{canned} Note {i}: " + " ".join(
            f"word{(i * 7 + k) % 997}" for k in range(30)
        )
        inputs.append(
            NoteInput(
                f"Dear Person{i},\n\n{body}\n\nBest regards,\nAlex Kim\n",
                path=f"notes/{i}.md",
                context={"company": f"Company {i % 20}", "recipient": f"Person{i}"},
            )
        )
    cfg = Config.model_validate({"select": ["duplicate-note"], "lang": "en", "cache": False})
    with Linter(cfg) as linter:
        t0 = time.perf_counter()
        reports = linter.check_many(inputs)
        dt = time.perf_counter() - t0
    flagged = sum(1 for r in reports if r.findings)
    print(f"duplicate-note on {n} notes: {dt:.2f} s ({1000 * dt / n:.2f} ms/note), {flagged} flagged")


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
