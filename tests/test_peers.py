"""The engine's ``peers`` hook: batch rules see other notes of the run without reporting them.

notelint.dask checks one partition with the rest of the run's companies as peers; the
findings must be what a check of the whole run gives.
"""

from __future__ import annotations

from dask_corpus import records
from notelint import Config, Linter, NoteInput


def _inputs() -> list[NoteInput]:
    out = []
    for r in records(12):
        ctx = {k: v for k, v in r.items() if k not in ("id", "text", "context")}
        ctx.update(r.get("context", {}))
        out.append(NoteInput(r["text"], path=r["id"], context=ctx))
    return out


def test_batch_findings_with_peers_equal_the_whole_run() -> None:
    notes = _inputs()
    with Linter(Config(), ignore=["spelling", "grammar"]) as linter:
        whole = linter.check_many(notes)
        parsed = [linter.parse(n.text, path=n.path, context=n.context) for n in notes]
        k = 6
        head = linter.check_parsed(parsed[:k], peers=parsed[k:])
        tail = linter.check_parsed(parsed[k:], peers=parsed[:k])
    assert any(f.rule == "duplicate-note" for r in whole for f in r.findings)
    assert head == whole[:k]
    # the tail's peers come first here as in the run only for names they share: compare sets
    assert [{f.rule for f in r.findings} for r in tail] == [
        {f.rule for f in r.findings} for r in whole[k:]
    ]


def test_peers_get_no_report_and_no_per_note_rules() -> None:
    notes = _inputs()
    with Linter(Config(), ignore=["spelling", "grammar"]) as linter:
        parsed = [linter.parse(n.text, path=n.path, context=n.context) for n in notes]
        alone = linter.check_parsed(parsed[:1])
        with_peers = linter.check_parsed(parsed[:1], peers=parsed[1:])
    assert len(with_peers) == 1
    # dup-a (index 1) is a near-duplicate of dup-b only: n0 is unchanged by its peers
    assert with_peers == alone
