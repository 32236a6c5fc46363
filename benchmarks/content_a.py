"""Precision and recall of generic-phrase and thanks-only on the examples table, and their speed.

Run: ``python -m benchmarks.content_a`` (from the repository root). Add ``-v`` to list misses.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from benchmarks.precision import evaluate, table
from examples_table import load_examples

RULES = ("generic-phrase", "thanks-only")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    examples = [e for e in load_examples() if e.rule in RULES]
    scores = evaluate(examples)  # the same scoring as python -m benchmarks.precision
    print(table(scores))
    if verbose:
        for (rule, lang), score in scores.items():
            for miss in score.misses:
                print(f"  miss: {rule} {lang} {miss}")
    _corpus()
    _timing(examples)
    return 0


def _corpus(count: int = 400, seed: int = 11) -> None:
    """Independent check on benchmarks.corpus (notes written by another helper): the notes are
    specific, so a warning from either rule is a false positive; a "canned" flaw inserts one or
    two canned sentences, each of which should get an info finding."""
    from benchmarks.corpus import CANNED, generate
    from notelint import Config, Linter

    notes = generate(count, seed=seed)
    linters = {
        lang: Linter(Config.model_validate({"select": list(RULES), "lang": lang, "cache": False}))
        for lang in ("en", "de")
    }
    warned = flagged = inserted = 0
    for n in notes:
        findings = linters[n.lang].check(n.text).findings
        warned += any(f.severity.value != "info" for f in findings)
        infos = [f.text for f in findings if f.severity.value == "info"]
        if "canned" in n.flaws:
            for sentence in CANNED[n.lang]:
                if sentence in n.text:
                    inserted += 1
                    flagged += any(sentence.split()[0] in t and t in sentence for t in infos)
    print(
        f"corpus (benchmarks.corpus, {count} notes, seed {seed}): notes with a warning "
        f"{warned} (false positives); inserted canned sentences with an info {flagged}/{inserted}"
    )


def _timing(examples: list) -> None:  # type: ignore[type-arg]
    """Per-note time of both rules after warm-up (spaCy Doc building included separately)."""
    from notelint import Config, Linter

    for lang in ("en", "de"):
        texts = list(dict.fromkeys(e.note for e in examples if e.lang == lang))
        cfg = Config.model_validate({"select": list(RULES), "lang": lang, "cache": False})
        with Linter(cfg) as linter:
            for t in texts:  # warm-up: pipelines, catalogs
                linter.check(t)
            rounds = 5
            t0 = time.perf_counter()
            for _ in range(rounds):
                for t in texts:
                    linter.check(t)
            total = (time.perf_counter() - t0) / (rounds * len(texts))
            # the rules alone: parse + Doc first, then time only the rules (best of 5 rounds:
            # the machine is shared, the minimum is the least disturbed measurement)
            best = float("inf")
            for _ in range(5):
                parsed = []
                for t in texts:
                    note, rs = linter.parse(t)
                    _ = note.doc
                    parsed.append((note, rs))
                t0 = time.perf_counter()
                for note, rs in parsed:
                    for rule in rs.for_note(note):
                        list(rule.check(note))
                best = min(best, (time.perf_counter() - t0) / len(parsed))
            rules_only = best
        print(
            f"timing {lang}: {len(texts)} notes, check() {total * 1000:.2f} ms/note "
            f"(parse + spaCy Doc + both rules), rules alone {rules_only * 1000:.2f} ms/note"
        )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
