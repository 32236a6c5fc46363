"""The batch plan: what batch rules need to see across partitions, built from company names.

The built-in batch rules both key on the company: `duplicate-note` compares the notes of one
company group (company and aliases that overlap join a group), `wrong-company` looks for the
companies of the other notes of the run. So a distributed run

1. reads each note's company names (a cheap first pass over the partitions, which keeps only
   the first occurrence of each name per partition: the distinct names, not the notes);
2. joins the names into groups (union-find on the comparable company key) and gives every
   note a group number, then shuffles the notes on it, so that each group sits whole in one
   partition;
3. lets each partition's batch rules see stand-ins for the first note of each company name
   of the whole run ("peers": a note with that company, path and language and no body), in
   run order, before its own notes.

That reproduces a serial run's batch findings exactly (tests/test_dask.py).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# The comparable company key of duplicate-note ("Acme GmbH" -> "acme"): reading it, not
# changing it, keeps the shuffle's groups the rule's own.
from notelint.rules.duplicate_note import company_key

SPREAD = 1 << 40  # group numbers of notes without a company start here (spread by id)


@dataclass(frozen=True)
class FirstName:
    """The first note (in run order) that names a company: a stand-in for batch rules."""

    name: str
    order: int
    position: int  # the name's position in that note's (company, *aliases)
    path: str
    context: str  # JSON: company, company_aliases, lang of that note


@dataclass
class Plan:
    """Stand-ins in run order and the group number of each company key."""

    firsts: list[FirstName] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)

    @property
    def token(self) -> str:
        """Identifies the plan (workers cache their parsed stand-ins under it)."""
        raw = json.dumps([(f.order, f.position, f.name) for f in self.firsts])
        return f"{len(self.firsts)}-{zlib.crc32(raw.encode()):08x}"

    def group_of(self, names: Sequence[str], note_id: str) -> int:
        """The group a note is shuffled to: its company group, else a spread number."""
        for name in names:
            key = company_key(name)
            if key and key in self.groups:
                return self.groups[key]
        return SPREAD + zlib.crc32(note_id.encode())


def note_names(context: dict[str, Any]) -> list[str]:
    """The company names a note carries (company first, then the aliases)."""
    names = [context.get("company") or "", *(context.get("company_aliases") or [])]
    return [n for n in names if isinstance(n, str) and n]


def note_keys(names: Sequence[str]) -> list[str]:
    """The comparable keys of a note's company names (empty keys dropped, order kept)."""
    return list(dict.fromkeys(k for k in (company_key(n) for n in names) if k))


def first_names(rows: Iterable[tuple[int, str, str, Sequence[str]]]) -> list[FirstName]:
    """First occurrence of each name among (order, path, context JSON, names) rows."""
    return merge_firsts(
        FirstName(name, order, position, path, context)
        for order, path, context, names in rows
        for position, name in enumerate(names)
    )


def merge_firsts(firsts: Iterable[FirstName]) -> list[FirstName]:
    """The earliest FirstName of each name, in run order."""
    best: dict[str, FirstName] = {}
    for f in firsts:
        seen = best.get(f.name)
        if seen is None or (f.order, f.position) < (seen.order, seen.position):
            best[f.name] = f
    return sorted(best.values(), key=lambda f: (f.order, f.position))


def build_plan(firsts: Iterable[FirstName], links: Iterable[Sequence[str]]) -> Plan:
    """The plan from the partitions' first names and the key sets of their notes.

    ``links``: the company keys of each note (each distinct set once is enough): keys named
    by one note join one group, as in duplicate-note's own grouping.
    """
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for keys in links:
        for k in keys:
            parent.setdefault(k, k)
        for k in keys[1:]:
            ra, rb = find(keys[0]), find(k)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    roots = sorted({find(k) for k in parent})
    number = {r: i for i, r in enumerate(roots)}
    return Plan(firsts=merge_firsts(firsts), groups={k: number[find(k)] for k in parent})
