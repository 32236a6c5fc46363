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

from examples_table import fires, load_examples, run_example

RULES = ("no-conversation-reference", "self-promotion")


def quality() -> None:
    print(
        f"{'rule':28} {'lang':4} {'n':>4} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>6} {'recall':>6}"
    )
    for rule in RULES:
        for lang in ("en", "de"):
            tp = fp = fn = n = 0
            for ex in load_examples():
                if ex.rule != rule or ex.lang != lang:
                    continue
                n += 1
                got = fires(run_example(ex), rule)
                want = ex.expect == "fail"
                tp += got and want
                fp += got and not want
                fn += want and not got
            prec = tp / (tp + fp) if tp + fp else 1.0
            rec = tp / (tp + fn) if tp + fn else 1.0
            print(f"{rule:28} {lang:4} {n:>4} {tp:>3} {fp:>3} {fn:>3} {prec:>6.3f} {rec:>6.3f}")


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
