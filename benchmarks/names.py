"""Precision and recall of name-misspelled on the name cases table, plus per-note time.

Run: python -m benchmarks.names   (or python benchmarks/names.py)

A true positive is an expected (found text, correction) pair that the rule reports; a false
positive is any other finding; a false negative an expected pair not reported. The wrong-company
and name-misspelled rows of the examples table are scored per note (fires or not).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from benchmarks.precision import evaluate, table
from examples_table import load_examples
from name_cases import CASES
from notelint import Config, Linter


def main() -> int:
    linters = {
        lang: Linter(Config.model_validate({"select": ["name-misspelled"], "lang": lang}))
        for lang in ("en", "de")
    }
    from notelint.rules._names import lexicon

    for lang, linter in linters.items():  # warm up: spaCy pipelines and the lexicons
        linter.check("Dear Ms. Izaguire, thanks.", context={"interviewers": ["Rita Izaguirre"]})
        lexicon(lang)
    tp = fp = fn = 0
    times: list[float] = []
    misses: list[str] = []
    for case in CASES:
        t0 = time.perf_counter()
        report = linters[case.lang].check(case.text, context=case.context)
        times.append(time.perf_counter() - t0)
        got = {(f.text, f.fix.replacement if f.fix else "") for f in report.findings}
        want = set(case.expect)
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        if got != want:
            misses.append(f"  {case.id}: got {sorted(got)} want {sorted(want)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"name cases: {len(CASES)} notes, {tp + fn} misspelled names")
    print(
        f"name-misspelled  precision {precision:.3f}  recall {recall:.3f}  (tp {tp}, fp {fp}, fn {fn})"
    )
    print(
        f"time per note: median {statistics.median(times) * 1000:.2f} ms, "
        f"max {max(times) * 1000:.2f} ms"
    )
    for line in misses:
        print(line)
    # the examples table, scored as python -m benchmarks.precision scores it
    print(
        table(
            evaluate([e for e in load_examples() if e.rule in ("name-misspelled", "wrong-company")])
        )
    )
    for linter in linters.values():
        linter.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
