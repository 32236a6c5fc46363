"""Lint large note corpora on Dask (``pip install 'notelint[dask]'``; docs/dask.md).

    import dask.bag as db
    from notelint.dask import lint

    result = lint(db.from_sequence(records, npartitions=8), ignore=["grammar", "spelling"])
    findings, notes = result.compute()      # pandas: one row per finding / per note

``notes`` is a Dask bag of mappings or a Dask dataframe, one note each: ``text`` (the note,
front matter allowed), optional ``id`` and ``path``, and context keys (``company``,
``interviewers``, ...) as columns or under ``context``. Works with any Dask scheduler; with a
``distributed`` client, :func:`register` gives every worker one warm Linter at start.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.delayed import delayed

from notelint._config import Config
from notelint._errors import UsageError
from notelint.dask import _worker as w
from notelint.dask._plan import Plan, build_plan
from notelint.dask._run import Results, collect, write
from notelint.dask._worker import LinterSpec, NotelintPlugin

LANGUAGETOOL_RULES = ("spelling", "grammar")


@dataclass
class LintResult:
    """Lazy results of :func:`lint`: per-note rows (``notes``) and findings (``findings``)."""

    linted: dd.DataFrame
    shuffled: dd.DataFrame
    plan: Plan
    total: int
    spec: LinterSpec
    _cached: Results | None = field(default=None, repr=False)

    @property
    def notes(self) -> dd.DataFrame:
        """One row per note: id, path, lang, score, counts, skipped rules, failed and why."""
        notes: dd.DataFrame = self.linted.map_partitions(w.notes_frame, meta=w.frame([], w.NOTES))
        return notes

    @property
    def findings(self) -> dd.DataFrame:
        """One row per finding, with the note's id (columns as in docs/dask.md)."""
        found: dd.DataFrame = self.linted.map_partitions(
            w.findings_frame, meta=w.frame([], w.FINDINGS)
        )
        return found

    def compute(
        self, *, progress: Callable[[int], None] | None = None, retries: int = 2
    ) -> Results:
        """Run it: pandas frames of findings and notes, in run order.

        A partition that still fails after ``retries`` (its worker died again and again) does
        not stop the run: its notes come back as failed, with the reason.
        """
        if self._cached is None:
            self._cached = collect(self, progress=progress, retries=retries)
        return self._cached

    def to_files(
        self,
        findings_path: str,
        notes_path: str,
        *,
        progress: Callable[[int], None] | None = None,
        retries: int = 2,
    ) -> Results:
        """Compute and write the findings and notes tables (.parquet or .jsonl)."""
        results = self.compute(progress=progress, retries=retries)
        write(results, findings_path, notes_path)
        return results


def spec_for(
    *,
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    lang: str | None = None,
    grammar: bool = True,
    languagetool_url: str | Sequence[str] | None = None,
    threads: int = 4,
) -> LinterSpec:
    """The workers' Linter settings (see :func:`lint`)."""
    if threads < 1:
        raise UsageError("U002", detail="threads must be 1 or more")
    urls = (languagetool_url,) if isinstance(languagetool_url, str) else languagetool_url or ()
    return LinterSpec(
        config=config if config is not None else Config(),
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) + (() if grammar else LANGUAGETOOL_RULES),
        extend_select=tuple(extend_select),
        lang=lang,
        languagetool_urls=tuple(urls),
        threads=threads,
    )


def register(client: Any, spec: LinterSpec | None = None, **settings: Any) -> LinterSpec:
    """Give every worker of ``client`` (now and later) one warm Linter: a worker plugin."""
    spec = spec if spec is not None else spec_for(**settings)
    client.register_plugin(NotelintPlugin(spec))
    return spec


def lint(
    notes: db.Bag | dd.DataFrame,
    *,
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    lang: str | None = None,
    grammar: bool = True,
    languagetool_url: str | Sequence[str] | None = None,
    threads: int = 4,
    npartitions: int | None = None,
    columns: Mapping[str, str] | None = None,
    shuffle_method: str = "tasks",
) -> LintResult:
    """Lint a Dask bag or dataframe of notes; findings and per-note scores come back lazily.

    ``config`` applies to every note (default: the built-in defaults; no config file is
    searched on the workers). ``grammar=False`` skips LanguageTool. ``languagetool_url``: one
    shared server, or a pool (each worker keeps to one); without it each worker process
    starts its own server (or uses the machine's `notelint languagetool start` daemon).
    ``threads``: notes checked at once per partition (keeps LanguageTool requests in flight).
    ``columns`` renames input columns or keys, e.g. ``{"body": "text", "note_id": "id"}``.

    A first pass reads each note's company names (the distinct names are gathered, not the
    notes); the notes are then shuffled so that each company group sits in one partition, and
    batch rules (duplicate-note, wrong-company) give what a serial run gives.
    """
    spec = spec_for(
        config=config,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        lang=lang,
        grammar=grammar,
        languagetool_url=languagetool_url,
        threads=threads,
    )
    rename = dict(columns or {})
    if isinstance(notes, db.Bag):
        fields = notes.map(w.fields_of, columns=rename).to_dataframe(meta=w.frame([], w.FIELDS))
    elif isinstance(notes, dd.DataFrame):
        fields = notes.map_partitions(w.fields_frame, rename, meta=w.frame([], w.FIELDS))
    else:
        raise UsageError("U002", detail="notelint.dask.lint takes a Dask bag or dataframe")
    ordered = fields.map_partitions(w.with_order, meta=w.frame([], w.ORDERED))
    named = ordered.map_partitions(w.with_names, spec, meta=w.frame([], w.NAMED))
    rows = named.map_partitions(w.plan_rows, meta=w.frame([], w.PLAN_ROWS)).compute()
    firsts, links, total = w.firsts_and_links(rows)
    plan = build_plan(firsts, links)
    plan_d = delayed(plan, pure=True)
    grouped = named.map_partitions(w.with_group, plan_d, meta=w.frame([], w.GROUPED))
    shuffled = grouped.shuffle(
        on="nl_group", npartitions=npartitions or named.npartitions, shuffle_method=shuffle_method
    )
    linted = shuffled.map_partitions(w.lint_frame, spec, plan_d, meta=w.frame([], w.LINTED))
    return LintResult(linted=linted, shuffled=shuffled, plan=plan, total=total, spec=spec)


def read_notes(path: str, *, npartitions: int | None = None, blocksize: int = 1 << 22) -> Any:
    """A Dask collection of the notes in a JSONL or Parquet file (or folder of Parquet files)."""
    from notelint._records import JSONL_SUFFIXES

    if path.lower().endswith(JSONL_SUFFIXES):
        import json

        bag = db.read_text(path, blocksize=blocksize).filter(str.strip).map(json.loads)
        return bag.repartition(npartitions) if npartitions else bag
    frame = dd.read_parquet(path)
    return frame.repartition(npartitions=npartitions) if npartitions else frame


def serial(records: Sequence[Mapping[str, Any]], **settings: Any) -> Results:
    """The same tables from one process without Dask (the reference the tests compare to)."""
    from notelint._engine import NoteInput
    from notelint._records import finding_rows, note_row

    spec = spec_for(**settings)
    linter = w.worker_linter(spec)
    fields = [w.fields_of(r, columns={}) for r in records]
    ids = [
        f["nl_id"] if f["nl_id"] is not None else (f["nl_path"] or f"0:{i}")
        for i, f in enumerate(fields)
    ]
    inputs = [
        NoteInput(f["nl_text"], path=f["nl_path"] or i, context=json.loads(f["nl_ctx"]))
        for f, i in zip(fields, ids, strict=True)
    ]
    reports = linter.check_many(inputs)
    found = [r for i, rep in zip(ids, reports, strict=True) for r in finding_rows(i, rep)]
    notes = [note_row(i, rep.path, rep) for i, rep in zip(ids, reports, strict=True)]
    return Results(
        findings=w.frame(found, w.FINDINGS), notes=w.frame(notes, w.NOTES), total=len(notes)
    )


__all__ = [
    "LintResult",
    "LinterSpec",
    "NotelintPlugin",
    "Results",
    "lint",
    "read_notes",
    "register",
    "serial",
    "spec_for",
]

_ = pd  # pandas is part of the public types (Results holds pandas frames)
