"""The 0-100 score of a note (docs/scoring.md).

score = 100 - 20 per error - 8 per warning - 2 per info, floored at 0, where each rule
counts at most three findings of each severity (a long list from one rule is one problem,
repeated). A note without findings scores 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from notelint._models import Finding, Severity

WEIGHTS = {Severity.error: 20, Severity.warning: 8, Severity.info: 2}
PER_RULE_CAP = 3


def score(findings: Iterable[Finding]) -> int:
    counts: Counter[tuple[str, Severity]] = Counter((f.rule, f.severity) for f in findings)
    penalty = sum(WEIGHTS[sev] * min(n, PER_RULE_CAP) for (_, sev), n in counts.items())
    return max(0, 100 - penalty)
