"""A corpus of note records for the Dask and JSONL/Parquet tests.

Generated notes (benchmarks.corpus) plus near-duplicates placed far from their originals (so
they land in other partitions), a company alias that joins two spellings, a wrong-company
leftover, a note without company and one broken record.
"""

from __future__ import annotations

from typing import Any

from benchmarks.corpus import generate

CANNED = (
    "{sal}\n\nThank you for taking the time to meet with me today. I enjoyed learning more "
    "about the team and the analyst role, and I am excited about the chance to contribute.\n\n"
    "Best regards,\nAlex Kim\n"
)


def records(n: int = 40, *, seed: int = 11) -> list[dict[str, Any]]:
    """``n`` generated notes, then the planted cases (ids n0.., then named ones)."""
    out: list[dict[str, Any]] = [
        {"id": f"n{i}", "text": g.text} for i, g in enumerate(generate(n, seed=seed))
    ]
    first = {"company": "Acme", "recipient": "Rita Lopez", "interviewers": ["Rita Lopez"]}
    out.insert(1, {"id": "dup-a", "text": CANNED.format(sal="Dear Rita,"), **first})
    out.append(
        {
            "id": "dup-b",
            "text": CANNED.format(sal="Hi Tom,"),
            "context": {"company": "ACME Inc.", "recipient": "Tom Baker"},
        }
    )
    out.append(
        {
            "id": "dup-c",
            "text": CANNED.format(sal="Hello Ana,"),
            "company": "Acme Europe",
            "company_aliases": ["acme"],
            "recipient": "Ana Ruiz",
        }
    )
    out.append(
        {
            "id": "leftover",
            "text": "Dear Ms. Wu,\n\nI'm excited about the chance to join Acme and help the "
            "content team grow after our talk about the archive migration.\n\nBest,\nSam\n",
            "company": "Globex",
            "interviewers": ["Lin Wu"],
        }
    )
    out.append({"id": "no-company", "text": CANNED.format(sal="Dear Lee,")})
    return out


BROKEN = {"id": "broken", "text": "---\ncompany: [unclosed\n---\nDear Ann, thanks.\n"}
