"""Precision, recall and per-note time of no-conversation-reference and self-promotion.

Run: ``.venv/bin/python -m benchmarks.content_b`` (from the repository root). Uses the
examples table (tests/examples/*.yaml); a rule "fires" on a note when it reports a warning
or an error. Times are per note after warm-up, for the rule alone (the spaCy Doc is built
once per note beforehand and not counted; it is shared by all rules).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from benchmarks.precision import evaluate, table
from examples_table import load_examples

RULES = ("no-conversation-reference", "self-promotion")


def quality() -> None:
    """Precision and recall of RULES, scored as python -m benchmarks.precision scores them."""
    print(table(evaluate([e for e in load_examples() if e.rule in RULES])))


def timing(rounds: int = 20) -> None:
    from notelint import Config, Linter

    print(f"\n{'rule':28} {'median ms/note':>15} {'p95 ms/note':>12}")
    with Linter(Config.model_validate({"select": list(RULES), "cache": False})) as linter:
        exs = [e for e in load_examples() if e.rule in RULES]
        notes = [linter.parse(e.note, context=e.context or None)[0] for e in exs]
        for note in notes:
            _ = note.doc  # build the Doc up front: shared by every rule
        rules = {r.id: r for r in linter.rules() if r.id in RULES}
        for rid, rule in rules.items():
            for note in notes:  # warm-up: catalogs, matchers, vocabularies, topics
                list(rule.check(note))
            samples = []
            for _ in range(rounds):
                for note in notes:
                    t0 = time.perf_counter()
                    list(rule.check(note))
                    samples.append((time.perf_counter() - t0) * 1000)
            samples.sort()
            p95 = samples[int(len(samples) * 0.95)]
            print(f"{rid:28} {statistics.median(samples):>15.3f} {p95:>12.3f}")


if __name__ == "__main__":
    quality()
    timing()
