"""Running a lint: partition by partition, with progress, and failed partitions reported.

With a ``distributed`` client every partition is a future: Dask moves the tasks of a worker
that dies to another one (and ``retries`` covers other errors), and a partition that fails
for good marks its notes as failed instead of losing them or the run. Under the local
schedulers the partitions are computed a few at a time so that progress can be shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from dask.base import compute

from notelint._records import FINDING_COLUMNS, NOTE_COLUMNS, arrow_schema, write_table
from notelint.dask import _worker as w

if TYPE_CHECKING:
    from notelint.dask import LintResult


@dataclass
class Results:
    """Computed results: pandas frames of findings (a row per finding) and notes (per note)."""

    findings: pd.DataFrame
    notes: pd.DataFrame
    total: int

    @property
    def failed(self) -> pd.DataFrame:
        """The notes that could not be checked, with the reason (``failure``)."""
        return self.notes[self.notes["failed"]].reset_index(drop=True)


def _client() -> Any:
    try:
        from distributed import get_client

        return get_client()
    except (ImportError, ValueError):
        return None


def collect(
    result: LintResult, *, progress: Callable[[int], None] | None = None, retries: int = 2
) -> Results:
    parts = result.linted.to_delayed()
    frames: list[pd.DataFrame | None] = [None] * len(parts)
    client = _client()
    if client is not None:
        from distributed import as_completed

        futures = client.compute(parts, retries=retries)
        index = {f.key: i for i, f in enumerate(futures)}
        for fut in as_completed(futures):
            i = index[fut.key]
            if fut.status == "finished":
                frames[i] = fut.result()
            else:
                frames[i] = _failed_partition(result, i, fut.exception())
            if progress is not None:
                progress(len(frames[i]))  # type: ignore[arg-type]
    else:
        step = max(1, os.cpu_count() or 1)
        for start in range(0, len(parts), step):
            got = compute(*parts[start : start + step])
            for k, df in enumerate(got):
                frames[start + k] = df
                if progress is not None:
                    progress(len(df))
    linted = pd.concat([f for f in frames if f is not None] or [w.frame([], w.LINTED)])
    linted = linted.sort_values("nl_order", kind="stable").reset_index(drop=True)
    notes = w.notes_frame(linted)
    findings = w.findings_frame(linted)
    return Results(findings=findings, notes=notes, total=len(notes))


def _failed_partition(result: LintResult, i: int, exc: Any) -> pd.DataFrame:
    """The notes of a partition that failed for good, each marked failed with the reason."""
    why = f"its partition failed: {type(exc).__name__}: {exc}"
    try:
        ids = result.shuffled.partitions[i][["nl_order", "nl_id", "nl_path"]].compute()
    except Exception as again:  # the input itself is gone: say so once
        ids = pd.DataFrame({"nl_order": [-1], "nl_id": [f"<partition {i}>"], "nl_path": [None]})
        why += f" (and its notes could not be listed: {again})"
    rows = [
        w.failed_row(r.nl_id, r.nl_path, why, int(r.nl_order)) for r in ids.itertuples(index=False)
    ]
    return w.frame(rows, w.LINTED)


def write(results: Results, findings_path: str, notes_path: str) -> None:
    """Write both tables (Parquet with the fixed schema, or JSONL), by suffix."""
    for frame, path, columns in (
        (results.findings, findings_path, FINDING_COLUMNS),
        (results.notes, notes_path, NOTE_COLUMNS),
    ):
        rows = [
            {k: (None if _missing(v) else v) for k, v in r.items()}
            for r in frame.to_dict("records")
        ]
        write_table(rows, path, columns)


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


__all__ = ["Results", "arrow_schema", "collect", "write"]
