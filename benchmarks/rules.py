"""`python -m benchmarks.rules [RULE,...]`: ms per note of chosen rules on the benchmark corpus.

A quick loop for speeding up one rule: the same in-process pass as ``python -m benchmarks``
(one core, warm linter, best of three), for the rules named (comma-separated; default: all
rules but LanguageTool), with each rule's share.

    python -m benchmarks.rules name-misspelled
    python -m benchmarks.rules name-misspelled,wrong-company --notes 200
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from benchmarks.__main__ import families, installed_rules, one_core, run_pass
from benchmarks.corpus import generate


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.rules", description=__doc__.splitlines()[0]
    )
    ap.add_argument("rules", nargs="?", default="", help="comma-separated rule ids (default: all)")
    ap.add_argument("--notes", type=int, default=400)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    corpus = generate(args.notes, seed=args.seed)
    all_ids = [r for ids in families(installed_rules()).values() for r in ids]
    rules = [r for r in args.rules.split(",") if r] or all_ids
    with one_core():
        base = run_pass("baseline", [], corpus, repeat=args.repeat)
        p = run_pass("rules", rules, corpus, repeat=args.repeat)
    print(f"baseline (parse + tokenize): {base.seconds / base.notes * 1000:.3f} ms/note")
    print(
        f"with {len(rules)} rule(s): {p.rate:,.0f} notes/s, {p.seconds / p.notes * 1000:.3f} ms/note"
    )
    for rid, secs in sorted(p.per_rule.items(), key=lambda kv: -kv[1]):
        print(f"  {rid:28s} {secs / p.notes * 1000:7.3f} ms/note")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
