"""`python -m benchmarks.rule_counts`: warnings per rule on the generated corpus.

The generated notes (benchmarks/corpus.py) are mostly clean, so a rule that starts warning
on more of them after a change has most likely gained false positives. ``--strip KEY`` drops
a front matter key from every note first (e.g. ``--strip topics`` or ``--strip stage``) to
exercise the inference paths of rules that fall back to the text.

    python -m benchmarks.rule_counts --rules self-promotion burned-bridge
    python -m benchmarks.rule_counts --strip topics --show no-conversation-reference
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence

from benchmarks.corpus import generate
from notelint import Config, Linter

DEFAULT_RULES = (
    "self-promotion",
    "burned-bridge",
    "no-stay-in-touch",
    "no-conversation-reference",
    "wrong-company",
)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.rule_counts")
    ap.add_argument("--notes", type=int, default=400)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--rules", nargs="*", default=list(DEFAULT_RULES))
    ap.add_argument("--strip", action="append", default=[], help="front matter key to drop")
    ap.add_argument("--show", nargs="*", default=[], help="print the findings of these rules")
    args = ap.parse_args(argv)
    linter = Linter(Config(select=tuple(args.rules)))
    notes = generate(args.notes, seed=args.seed)
    counts: Counter[str] = Counter()
    noted: Counter[str] = Counter()
    for gen in notes:
        ctx = {k: v for k, v in gen.context.items() if k not in args.strip}
        report = linter.check(gen.body, context=ctx, path=gen.name)
        seen: set[str] = set()
        for f in report.findings:
            if f.severity.value == "info":
                continue
            counts[f.rule] += 1
            seen.add(f.rule)
            if f.rule in args.show:
                print(f"{gen.name} [{gen.lang}] {f.rule}: {f.message}")
        noted.update(seen)
    strip = f", without {', '.join(args.strip)}" if args.strip else ""
    print(f"{len(notes)} generated notes (seed {args.seed}{strip})")
    for rule in args.rules:
        print(f"  {rule:28} {counts[rule]:4} warnings on {noted[rule]:4} notes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
